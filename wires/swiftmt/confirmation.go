package swiftmt

import (
	"strings"

	"github.com/payinv/payinv/payment"
)

// confirmation reads an MT900 (debit confirmation) or MT910 (credit
// confirmation) of the company's account.
func (c *msgCtx) confirmation() *payment.Event {
	if !c.need20() {
		return nil
	}
	a, ok := c.need32A(c.fields)
	if !ok {
		return nil
	}
	credit := c.h.mt == "910"
	ev, w := c.event(formatOf(c.h.mt), payment.KindAdvice)
	setValue(ev, a)
	ev.Direction = payment.Debit
	if credit {
		ev.Direction = payment.Credit
	}
	ev.Refs.OriginalSenderReference = w.RelatedReference
	// A confirmation's UETR is the payment's it confirms.
	ev.Refs.OriginalUETR = c.h.uetr
	ours := &w.Debtor
	if credit {
		ours = &w.Creditor
	}
	ours.Agent = payment.WireAgent{ID: c.h.senderBIC()}
	if f := first(c.fields, "25"); f != nil {
		ours.Account = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(firstLine(f.value)), "/"))
	} else {
		c.warn(c.m.block("4").textLine, "field :25: (the account) is missing")
	}
	if f := first(c.fields, "13D"); f != nil {
		if _, at, ok := parseDateTime(strings.TrimSpace(f.value)); ok && at != "" {
			w.AcceptedAt = at
		} else {
			c.warn(f.line, "field :13D: %q is not a date, time and offset (YYMMDDHHMM±HHMM)", f.value)
		}
	}
	var debtorABA string
	if credit {
		if f := first(c.fields, "50"); f != nil {
			p := parseParty(f)
			w.Debtor.Name, w.Debtor.Account, debtorABA = p.name, p.account, p.aba
		}
		if f := first(c.fields, "52"); f != nil {
			w.Debtor.Agent = parseAgent(f).WireAgent
		}
	} else if f := first(c.fields, "52"); f != nil {
		w.Debtor.Agent = parseAgent(f).WireAgent
	}
	if f := first(c.fields, "56"); f != nil {
		w.Intermediaries = append(w.Intermediaries, parseAgent(f).WireAgent)
	}
	w.BankInfo = c.bankInfo(first(c.fields, "72"))
	if credit {
		ev.Party.Name, ev.Party.Account = w.Debtor.Name, w.Debtor.Account
		switch {
		case isABA(w.Debtor.Agent.ID):
			ev.Party.Routing = w.Debtor.Agent.ID
		case debtorABA != "":
			ev.Party.Routing = debtorABA
		}
	}
	return ev
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
