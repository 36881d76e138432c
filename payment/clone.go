package payment

import "slices"

// Clone returns a deep copy of the event: nothing of the copy is shared
// with e, so e may be filled anew (as the ACH reader does for every entry)
// while the copy is kept.
func (e *Event) Clone() *Event {
	c := *e
	if e.Reason != nil {
		r := *e.Reason
		c.Reason = &r
	}
	if e.Timing.BankingDaysAfter != nil {
		v := *e.Timing.BankingDaysAfter
		c.Timing.BankingDaysAfter = &v
	}
	if e.Timing.Timely != nil {
		v := *e.Timing.Timely
		c.Timing.Timely = &v
	}
	if a := e.ACH; a != nil {
		ac := *a
		ac.Addenda = slices.Clone(a.Addenda)
		ac.FieldErrors = slices.Clone(a.FieldErrors)
		if a.Corrected != nil {
			cd := *a.Corrected
			ac.Corrected = &cd
		}
		if a.IAT != nil {
			iat := *a.IAT
			ac.IAT = &iat
		}
		c.ACH = &ac
	}
	if cd := e.Card; cd != nil {
		cc := *cd
		cc.Fee, cc.Net, cc.SettleAmount = cloneMoney(cd.Fee), cloneMoney(cd.Net), cloneMoney(cd.SettleAmount)
		c.Card = &cc
	}
	if w := e.Wire; w != nil {
		wc := *w
		wc.Intermediaries = slices.Clone(w.Intermediaries)
		wc.Charges = slices.Clone(w.Charges)
		wc.InstructedAmount, wc.OriginalAmount = cloneMoney(w.InstructedAmount), cloneMoney(w.OriginalAmount)
		c.Wire = &wc
	}
	return &c
}

func cloneMoney(m *Money) *Money {
	if m == nil {
		return nil
	}
	c := *m
	return &c
}
