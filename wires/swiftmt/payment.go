package swiftmt

import (
	"strings"

	"github.com/payinv/payinv/payment"
)

// payment reads an MT103, MT202 or MT202COV: a payment, or a return or
// rejection when :72: begins with /RETN/ or /REJT/.
func (c *msgCtx) payment(format string) *payment.Event {
	if !c.need20() {
		return nil
	}
	seqA, cust := c.fields, c.fields
	cov := format == FormatMT202COV
	if cov {
		// Sequence B, the underlying customer credit transfer, starts at
		// the ordering customer.
		seqA, cust = c.fields, nil
		for i := range c.fields {
			if c.fields[i].tag[:2] == "50" {
				seqA, cust = c.fields[:i], c.fields[i:]
				break
			}
		}
	}
	a, ok := c.need32A(seqA)
	if !ok {
		return nil
	}
	ev, w := c.event(format, payment.KindPayment)
	ev.Refs.UETR = c.h.uetr
	setValue(ev, a)
	if cov && w.RelatedReference != "" {
		// A cover names the customer payment it covers.
		ev.Refs.OriginalSenderReference = w.RelatedReference
	}

	var debtorABA, creditorABA string
	if f := first(cust, "50"); f != nil {
		p := parseParty(f)
		w.Debtor.Name, w.Debtor.Account, debtorABA = p.name, p.account, p.aba
	}
	if f := first(cust, "59"); f != nil {
		p := parseParty(f)
		w.Creditor.Name, w.Creditor.Account, creditorABA = p.name, p.account, p.aba
	}

	// The ordering institution is the sender unless :52a: names it.
	w.Debtor.Agent = payment.WireAgent{ID: c.h.senderBIC()}
	if f := first(seqA, "52"); f != nil {
		w.Debtor.Agent = parseAgent(f).WireAgent
	} else if f := first(cust, "52"); cov && f != nil {
		w.Debtor.Agent = parseAgent(f).WireAgent
	}
	var chain []payment.WireAgent
	add := func(ag payment.WireAgent) {
		if ag.ID == "" && ag.Name == "" {
			return
		}
		if n := len(chain); n > 0 && sameAgent(chain[n-1], ag) {
			return
		}
		chain = append(chain, ag)
	}
	for _, n := range [...]string{"53", "54", "56"} {
		if f := first(seqA, n); f != nil {
			add(parseAgent(f).WireAgent)
		}
	}
	if format == FormatMT103 {
		// The account with institution is the receiver unless :57a: names it.
		w.Creditor.Agent = payment.WireAgent{ID: c.h.receiverBIC()}
		if f := first(seqA, "57"); f != nil {
			w.Creditor.Agent = parseAgent(f).WireAgent
		}
	} else {
		inst := agent{WireAgent: payment.WireAgent{ID: c.h.receiverBIC()}}
		if f := first(seqA, "58"); f != nil {
			inst = parseAgent(f)
		} else {
			c.warn(c.m.block("4").textLine, "field :58a: (beneficiary institution) is missing; the receiver is taken for it")
		}
		if f := first(seqA, "57"); f != nil {
			if ag := parseAgent(f).WireAgent; !sameAgent(ag, inst.WireAgent) {
				add(ag)
			}
		}
		w.Creditor.Agent = inst.WireAgent
		if !cov {
			w.Creditor.Account = inst.account
		} else {
			// The customer's bank is sequence B's :57a: when given; the
			// cover's beneficiary institution is then a bank on the way.
			if f := first(cust, "56"); f != nil {
				add(parseAgent(f).WireAgent)
			}
			if f := first(cust, "57"); f != nil {
				if ag := parseAgent(f).WireAgent; !sameAgent(ag, inst.WireAgent) {
					add(inst.WireAgent)
					w.Creditor.Agent = ag
				}
			}
		}
	}
	for _, ag := range chain {
		if !sameAgent(ag, w.Creditor.Agent) && !sameAgent(ag, w.Debtor.Agent) {
			w.Intermediaries = append(w.Intermediaries, ag)
		}
	}

	w.InstructedAmount = c.money(first(cust, "33B"))
	if f := first(cust, "36"); f != nil {
		if r, ok := rate(f.value); ok {
			w.FXRate = r
		} else {
			c.warn(f.line, "field :36: exchange rate %q is not a number; the field is ignored", f.value)
		}
	}
	if f := first(seqA, "71A"); f != nil {
		w.ChargeBearer = strings.ToUpper(strings.TrimSpace(f.value))
	}
	for _, fs := range [][]field{seqA, cust} {
		for i := range fs {
			if f := &fs[i]; f.tag == "71F" || f.tag == "71G" {
				if m := c.money(f); m != nil {
					w.Charges = append(w.Charges, *m)
				}
			}
		}
		if !cov {
			break
		}
	}
	if f := first(cust, "70"); f != nil {
		w.Remittance = joinLines(f.value)
	}
	f72 := first(seqA, "72")
	var f72B *field
	if cov {
		f72B = first(cust, "72")
	}
	w.BankInfo = c.bankInfo(f72, f72B)
	if f72 != nil {
		if g, ok := parseGuideline(f72.value); ok {
			c.applyGuideline(ev, g, f72.line)
		}
	}
	ev.Direction = payment.WireDirection(ev.Kind, w.Inbound)
	setParty(ev, debtorABA, creditorABA)
	return ev
}
