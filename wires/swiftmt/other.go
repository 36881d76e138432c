package swiftmt

import (
	"github.com/payinv/payinv/payment"
)

// other reads a message of another type: a status event with its
// references, its :32A: when it has one and its narrative.
func (c *msgCtx) other() *payment.Event {
	if !c.need20() {
		return nil
	}
	ev, w := c.event(formatOf(c.h.mt), payment.KindStatus)
	// The UETR of a message that is no payment (a cancellation request, an
	// answer) is the payment's it is about.
	ev.Refs.OriginalUETR = c.h.uetr
	ev.EffectiveDate = c.outputDate()
	ev.Refs.OriginalSenderReference = w.RelatedReference
	if f := first(c.fields, "32A"); f != nil {
		if a, err := parse32A(f.value); err == nil {
			setValue(ev, a)
		} else {
			c.warn(f.line, "field :32A: %v; no amount read", err)
		}
	}
	for _, tag := range [...]string{"79", "76", "77A", "75", "72"} {
		if f := first(c.fields, tag); f != nil {
			w.BankInfo = joinLines(f.value)
			break
		}
	}
	ev.Direction = payment.WireDirection(ev.Kind, w.Inbound)
	return ev
}
