// Package match reconciles the company's deposit and withdrawal records
// with the evidence from the rails.
//
// It works in three steps, none of which depends on the order records or
// events arrive in:
//
//  1. Events are linked into stories: a payment and everything that later
//     happened to it (a return, a NOC, a dishonor and its contest, a
//     reversal; for cards a refund or a chargeback; for wires a return).
//  2. Records are matched to stories one to one, first by reference (the
//     ACH individual ID or trace, and later processor ids, ARNs, UETRs …),
//     then by amount, direction, a banking-day date window and the
//     similarity of name and account digits, scored. A candidate that ties
//     with another is reported as ambiguous, never guessed.
//  3. Every record gets a status from its story (matched, returned,
//     reversed …), or missing / pending / ambiguous when it has none, and
//     the record's own status is compared with what the evidence says.
//     Stories no record claims are unexpected.
package match

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// Evidence is what matching keeps of one event: about 300 bytes, so that a
// million events fit in memory next to a million records.
type Evidence struct {
	Rail      payment.Rail
	Kind      payment.Kind
	Direction payment.Direction
	Amount    decimal.Decimal
	Currency  string
	// Date is the event's settlement date, or its effective date when it
	// has none.
	Date payment.Date

	// refs holds first the references that identify the event itself
	// ("trace", "individual_id", "uetr", "psp_id" …), nOwn of them, then
	// those naming the payment it answers.
	refs []Ref
	nOwn uint8

	Name    string
	Account string // full number: compared, then masked on output
	Routing string
	// A card's last four digits (all a card export shows) and, for a card
	// in a wallet (Apple Pay), the device account number's, which the
	// customer may quote instead; kept as bytes, so that they cost no
	// pointer for the garbage collector to follow.
	card4, device4 [4]byte
	// Wallet is apple_pay, google_pay … when a card was paid through a
	// wallet.
	Wallet string
	// holdDay is when a card authorization never captured drops off the
	// customer's statement, as YYYYMMDD.
	holdDay int32

	Code       string // reason code, if any
	CodeScheme string
	// WireStatus is a wire message's status word: ACSC, RJCT, CNCL, ACSP …
	WireStatus string
	Source     payment.Source

	day    int32  // Date as YYYYMMDD, for sorting
	refBuf [2]Ref // holds Refs and Originals for most events, saving an allocation
}

// evidenceOf keeps what matching needs of an event, in e.
func evidenceOf(ev *payment.Event, e *Evidence) *Evidence {
	*e = Evidence{
		Rail:      ev.Rail,
		Kind:      ev.Kind,
		Direction: ev.Direction,
		Amount:    ev.Amount,
		Currency:  ev.Currency,
		Date:      ev.Day(),
		Name:      ev.Party.Name,
		Account:   ev.Party.Account,
		Routing:   ev.Party.Routing,
		Source:    ev.Source,
	}
	if ev.Reason != nil {
		e.Code, e.CodeScheme = ev.Reason.Code, ev.Reason.Scheme
	}
	if c := ev.Card; c != nil {
		e.card4, e.device4 = digits4(c.Last4), digits4(c.DeviceLast4)
		e.Wallet = c.Wallet
	}
	if w := ev.Wire; w != nil {
		e.WireStatus = w.Status
	}
	e.holdDay = dayNumber(ev.Timing.HoldExpiresOn)
	refs := e.refBuf[:0]
	ev.Refs.Each(func(name, value string) { refs = append(refs, Ref{name, value}) })
	if ev.Wire != nil {
		refs = appendRemittanceRefs(refs, ev.Wire.Remittance)
	}
	e.nOwn = uint8(len(refs))
	ev.Refs.EachOriginal(func(name, value string) { refs = append(refs, Ref{name, value}) })
	if len(refs) == int(e.nOwn) && ev.Rail == payment.RailCard && !e.isForward() && ev.Refs.PSPID != "" {
		// A card fee or status line names its payment by the processor id
		// alone (Stripe's dispute fee, Checkout.com's capture fees).
		refs = append(refs, Ref{"psp_id", ev.Refs.PSPID})
	}
	e.refs = refs
	e.day = dayNumber(e.Date)
	return e
}

// maxRemittanceRefs bounds the references taken from one remittance text.
const maxRemittanceRefs = 4

// appendRemittanceRefs adds the words of a wire's remittance text that look
// like references — letters and digits together, as in "FBO CUS-1001
// WIR-2611160001" — as references named "remittance": customers quote
// the company's deposit reference there.
func appendRemittanceRefs(refs []Ref, text string) []Ref {
	n := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '/' || r == ',' || r == ';' || r == ':' }) {
		if n == maxRemittanceRefs {
			break
		}
		if len(w) >= 6 && strings.ContainsAny(w, "0123456789") && strings.IndexFunc(w, isLetter) >= 0 {
			refs = append(refs, Ref{"remittance", w})
			n++
		}
	}
	return refs
}

func isLetter(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }

// evidenceBlock hands out Evidence from blocks, so that a million events
// cost a few hundred allocations rather than a million.
type evidenceBlock struct{ free []Evidence }

func (b *evidenceBlock) next() *Evidence {
	if len(b.free) == 0 {
		b.free = make([]Evidence, 1024)
	}
	e := &b.free[0]
	b.free = b.free[1:]
	return e
}

// Ref is one reference: its name, as in the event's JSON, and its value.
type Ref struct {
	Name  string
	Value string
}

// Refs are the references that identify the event itself.
func (e *Evidence) Refs() []Ref { return e.refs[:e.nOwn] }

// Originals are the references naming the payment the event answers.
func (e *Evidence) Originals() []Ref { return e.refs[e.nOwn:] }

// Ref returns the value of the event's reference called name, or "".
func (e *Evidence) Ref(name string) string {
	for _, r := range e.Refs() {
		if r.Name == name {
			return r.Value
		}
	}
	return ""
}

// Original returns the value of the original reference called name, or "".
func (e *Evidence) Original(name string) string {
	for _, r := range e.Originals() {
		if r.Name == name {
			return r.Value
		}
	}
	return ""
}

// Day is the date an event happened on for matching and ordering: its
// settlement date, or its effective date when it has none.
func (e *Evidence) Day() payment.Date { return e.Date }

// isForward reports whether the event is a payment attempt of its own (a
// payment, prenote, card authorization, capture, decline or payout, a
// wire rejected as it was sent) rather than an answer to an earlier one.
func (e *Evidence) isForward() bool {
	switch e.Kind {
	case payment.KindPayment, payment.KindPrenote, payment.KindAuthorization, payment.KindCapture, payment.KindDecline,
		payment.KindPayout:
		return true
	case payment.KindRejection:
		// A Fedwire message the Fed rejected is the attempt itself; a status
		// report rejecting a payment names it and answers it.
		return len(e.Originals()) == 0
	}
	return false
}

// movesMoney reports whether a forward event moved the money (a payment,
// capture or payout), rather than only asking for it (an authorization, a
// prenote) or being refused.
func (e *Evidence) movesMoney() bool {
	switch e.Kind {
	case payment.KindPayment, payment.KindCapture, payment.KindPayout:
		return true
	}
	return false
}

// dayNumber is a date as YYYYMMDD, 0 when unknown.
func dayNumber(d payment.Date) int32 {
	return int32(d.Year*10000 + int(d.Month)*100 + d.Day)
}

// digits4 keeps the last four characters of s; zero when s has fewer.
func digits4(s string) (b [4]byte) {
	if len(s) >= 4 {
		copy(b[:], s[len(s)-4:])
	}
	return b
}

// CardLast4 is a card's last four digits, "" for other events.
func (e *Evidence) CardLast4() string { return last4String(e.card4) }

// DeviceLast4 is, for a card in a wallet (Apple Pay), the last four digits
// of the device account number, which the customer may quote instead of
// the card's; "" otherwise.
func (e *Evidence) DeviceLast4() string { return last4String(e.device4) }

func last4String(b [4]byte) string {
	if b == [4]byte{} {
		return ""
	}
	return string(b[:])
}

// HoldExpiresOn is when a card authorization never captured drops off the
// customer's statement; zero when unknown.
func (e *Evidence) HoldExpiresOn() payment.Date {
	if e.holdDay == 0 {
		return payment.Date{}
	}
	return payment.NewDate(int(e.holdDay/10000), time.Month(e.holdDay/100%100), int(e.holdDay%100))
}

// last4 returns the last four digits of the event's account or card.
func (e *Evidence) last4() string {
	if e.Account == "" {
		return e.CardLast4()
	}
	return lastFour(e.Account)
}

// HasLast4 reports whether l4 is the last four digits of the event's
// account or card or, for a card in a wallet, of the device account
// number.
func (e *Evidence) HasLast4(l4 string) bool {
	return len(l4) == 4 && (l4 == e.last4() || l4 == string(e.device4[:]))
}

func lastFour(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= 4 {
		return s
	}
	return s[len(s)-4:]
}

// normalizeRef makes references comparable: trimmed, upper case.
func normalizeRef(s string) string {
	return strings.ToUpper(strings.TrimSpace(s))
}
