package wires

import (
	"bufio"
	"io"
	"iter"
	"strings"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/fedwire"
	"github.com/payinv/payinv/wires/iso20022"
	"github.com/payinv/payinv/wires/swiftmt"
)

// Formats of wire files, as --format flags and Sniff name them.
const (
	FormatFedwire  = "fedwire"  // Fedwire FAIM tag format
	FormatISO20022 = "iso20022" // ISO 20022 XML: Fedwire, CBPR+, statements
	FormatSwiftMT  = "swift_mt" // SWIFT MT (FIN)
)

// Formats lists the wire file formats.
func Formats() []string { return []string{FormatFedwire, FormatISO20022, FormatSwiftMT} }

// Options say how to read wire files.
type Options struct {
	// Ours are the company's own identifiers: its account numbers, its
	// bank's routing numbers (ABA) and BICs. A payment, return or reversal
	// whose debtor is one of them was sent by the company (a debit), one
	// whose creditor is, received (a credit), whatever the message's
	// envelope suggests. Compared without case or spaces; a BIC of 8
	// characters also matches its 11-character form.
	Ours []string
}

// sniffLen is how much of a file Sniff needs to see.
const sniffLen = 4096

// Sniff names the wire format of a file that starts with head, or returns
// "" when it is none.
func Sniff(head []byte) string {
	switch {
	case fedwire.Sniff(head):
		return FormatFedwire
	case swiftmt.Sniff(head):
		return FormatSwiftMT
	case iso20022.Sniff(head):
		return FormatISO20022
	}
	return ""
}

// Read streams the events of a wire file, its format told from its
// content. Each pair holds an event or a problem (a *payment.Problem
// naming the file and line); a file of no wire format is one problem.
func Read(r io.Reader, name string, opts Options) iter.Seq2[*payment.Event, error] {
	return func(yield func(*payment.Event, error) bool) {
		br, ok := r.(*bufio.Reader)
		if !ok || br.Size() < sniffLen {
			br = bufio.NewReaderSize(r, 64*1024)
		}
		head, _ := br.Peek(sniffLen)
		var events iter.Seq2[*payment.Event, error]
		switch Sniff(head) {
		case FormatFedwire:
			events = fedwire.Read(br, name)
		case FormatSwiftMT:
			events = swiftmt.Read(br, name)
		case FormatISO20022:
			events = iso20022.Read(br, name)
		default:
			yield(nil, payment.Problemf(payment.Source{File: name}, "not a wire message payinv knows (Fedwire FAIM, ISO 20022 XML or SWIFT MT)"))
			return
		}
		ours := newOurs(opts.Ours)
		for ev, err := range events {
			if ev != nil {
				ours.settle(ev)
				setAvailable(ev)
			}
			if !yield(ev, err) {
				return
			}
		}
	}
}

// ours is the set of the company's identifiers, normalized.
type ours map[string]bool

func newOurs(ids []string) ours {
	if len(ids) == 0 {
		return nil
	}
	o := ours{}
	for _, id := range ids {
		if k := normalizeID(id); k != "" {
			o[k] = true
		}
	}
	return o
}

// normalizeID makes identifiers comparable: no spaces or dashes, upper
// case, a BIC's branch "XXX" dropped.
func normalizeID(s string) string {
	s = strings.ToUpper(strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '/' {
			return -1
		}
		return r
	}, s))
	if len(s) == 11 && strings.HasSuffix(s, "XXX") && isBICShape(s) {
		s = s[:8]
	}
	return s
}

// isBICShape reports whether s looks like a BIC: 4 letters of bank, 2 of
// country, then letters or digits.
func isBICShape(s string) bool {
	if len(s) != 8 && len(s) != 11 {
		return false
	}
	for i := 0; i < 6; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func (o ours) has(p *payment.WireParty) bool {
	return (p.Account != "" && o[normalizeID(p.Account)]) || (p.Agent.ID != "" && o[normalizeID(p.Agent.ID)])
}

// settle decides, from the company's identifiers, whether a payment,
// return or reversal came in or went out, and sets its direction and
// customer side to match. Statement entries and confirmations say so
// themselves and are left alone, as is everything when no identifiers
// were given or neither party is the company.
func (o ours) settle(ev *payment.Event) {
	w := ev.Wire
	if o == nil || w == nil {
		return
	}
	switch ev.Kind {
	case payment.KindPayment, payment.KindReturn, payment.KindReversal:
	default:
		return
	}
	if strings.HasPrefix(ev.Format, "camt.") {
		return
	}
	var inbound bool
	switch {
	case o.has(&w.Debtor):
		inbound = false
	case o.has(&w.Creditor):
		inbound = true
	default:
		return
	}
	w.Inbound = inbound
	ev.Direction = payment.WireDirection(ev.Kind, inbound)
	customer := &w.Creditor
	if inbound {
		customer = &w.Debtor
	}
	ev.Party.Name, ev.Party.Account = customer.Name, customer.Account
	ev.Party.Routing = ""
	if isABA(customer.Agent.ID) {
		ev.Party.Routing = customer.Agent.ID
	}
}

// isABA reports whether s is 9 digits, the shape of a US routing number.
func isABA(s string) bool {
	if len(s) != 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// setAvailable dates when a wire's money is available to its receiver:
// Fedwire and CHIPS settle final and the receiving bank posts the credit
// the same day (settlement.WireRules); a statement entry is on the
// account on its value date. A SWIFT payment's credit to the beneficiary
// takes 1–5 business days and is left to payinv when.
func setAvailable(ev *payment.Event) {
	switch ev.Kind {
	case payment.KindPayment, payment.KindReturn, payment.KindReversal:
	default:
		return
	}
	if ev.SettlementDate.IsZero() || ev.Wire == nil {
		return
	}
	switch ev.Wire.Network {
	case "fedwire", "chips", "book":
		ev.Timing.AvailableOn = ev.SettlementDate
	}
}
