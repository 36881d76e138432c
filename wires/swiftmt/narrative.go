package swiftmt

import (
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

// narrative reads an MT199 or MT299: a gpi status, a rejection (/REJT/
// in :79:) or free text.
func (c *msgCtx) narrative() *payment.Event {
	if !c.need20() {
		return nil
	}
	ev, w := c.event(formatOf(c.h.mt), payment.KindStatus)
	ev.EffectiveDate = c.outputDate()
	ev.Refs.OriginalSenderReference = w.RelatedReference
	// The UETR of a status message is the payment's it is about.
	ev.Refs.OriginalUETR = c.h.uetr
	f79 := first(c.fields, "79")
	if f79 == nil {
		c.warn(c.m.block("4").textLine, "field :79: (narrative) is missing")
	} else {
		w.BankInfo = joinLines(f79.value)
		c.narrativeText(ev, f79)
	}
	ev.Direction = payment.WireDirection(ev.Kind, w.Inbound)
	return ev
}

// narrativeText reads :79: of an MT199/299.
func (c *msgCtx) narrativeText(ev *payment.Event, f79 *field) {
	w := ev.Wire
	if c.h.gpi || looksGPI(f79.value) {
		if g, ok := parseGPI(f79.value); ok {
			for _, n := range g.notes {
				c.warn(f79.line, "field :79: %s", n)
			}
			w.Status = g.status
			if g.status == "RJCT" {
				ev.Kind = payment.KindRejection
			}
			if g.reason != "" {
				scheme := reason.SchemeStatus
				if len(g.reason) == 4 && g.reason[0] == 'G' && allDigits(g.reason[1:]) {
					scheme = reason.SchemeGPI
				}
				ev.Reason = reason.For(scheme, g.reason)
			}
			w.CreatedAt = g.at
			ev.EffectiveDate = g.date
			if g.amount != nil {
				ev.Amount, ev.Currency = g.amount.Amount, g.amount.Currency
			}
			return
		}
		if c.h.gpi && looksGPI(f79.value) {
			c.warn(f79.line, "field :79: does not read as a gpi status (//YYMMDDHHMM±HHMM, then //STATUS/REASON); read as free text")
		}
	}
	if g, ok := parseGuideline(f79.value); ok {
		for _, n := range g.notes {
			c.warn(f79.line, "field :79: %s", n)
		}
		scheme := reason.SchemeStatus
		if g.kind == payment.KindRejection {
			ev.Kind = payment.KindRejection
		} else {
			scheme = reason.SchemeReturn // a return announced, not the money
		}
		c.setReason(ev, scheme, g.code, g.text)
		if g.mref != "" {
			ev.Refs.OriginalSenderReference = g.mref
		}
		ev.Refs.OriginalEndToEndID = g.tref
		if g.uetr != "" {
			ev.Refs.OriginalUETR = g.uetr
		}
		w.Charges = append(w.Charges, g.charges...)
		w.FXRate = g.fx
		return
	}
	// Free text: the reason it states, if any.
	text := w.BankInfo
	if code, ok := reason.Infer(text); ok {
		ev.Reason = reason.For(reason.SchemeReturn, code)
		w.ReasonInferred = true
		w.ReasonText = text
	}
}
