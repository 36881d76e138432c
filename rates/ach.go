package rates

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/payment"
)

// The three Nacha rates, as indexes.
const (
	bUnauthorized = iota
	bAdministrative
	bOverall
	nBuckets
)

// Company Entry Descriptions with a rule meaning (reference §4). A return
// carries its original's batch description, so they tell the returns of
// reversals and of reinitiated entries too.
const (
	descReversal = "REVERSAL"
	descRetry    = "RETRY PYMT"
)

type achCounts struct {
	// debits are the live debit entries (RCK included), debitsNoRCK
	// without RCK: the overall rate's denominator.
	debits, debitsNoRCK tally
	returns             [nBuckets]tally
	parts               [nBuckets]partSet
	// reversalTraces are the traces of the debit reversals counted, to
	// tell the returns of reversals whose batch description does not say
	// so; pending are those returns, told at Report time whatever the
	// order the inputs came in.
	reversalTraces map[string]bool
	pending        []pendingReturn
}

type pendingReturn struct {
	originalTrace string
	in            [nBuckets]bool
	amount        decimal.Decimal
	currency      string
}

func (a *achCounts) init() {
	for b := range a.parts {
		a.parts[b] = partSet{}
	}
	a.reversalTraces = map[string]bool{}
}

// achKey tells ACH entries apart by trace number (the source position when
// an entry has none).
func achKey(prefix string, ev *payment.Event) string {
	if ev.Refs.Trace == "" {
		return prefix + "@" + ev.Source.String()
	}
	return prefix + "|" + ev.Refs.Trace + "|" + ev.Refs.OriginalTrace
}

// returnBuckets are the rates a return code counts in: the unauthorized
// or administrative one by its category, and always the overall one.
func returnBuckets(code string) (in [nBuckets]bool) {
	in[bOverall] = true
	if rc, ok := ach.LookupReturnCode(code); ok {
		in[bUnauthorized] = rc.Category == ach.Unauthorized
		in[bAdministrative] = rc.Category == ach.Administrative
	}
	return in
}

func (c *Counter) addACH(ev *payment.Event) {
	if ev.ACH == nil || !c.window.Contains(ev.Day()) {
		return
	}
	tc, ok := ach.LookupTransactionCode(ev.ACH.TransactionCode)
	if !ok {
		return
	}
	a := &c.ach
	rck := strings.EqualFold(strings.TrimSpace(ev.ACH.SECCode), "RCK")
	desc := strings.ToUpper(strings.TrimSpace(ev.ACH.EntryDescription))
	switch ev.Kind {
	case payment.KindPayment, payment.KindReversal, payment.KindPrenote:
		// Credits are not measured, and not named: the rates are of
		// debits.
		if !tc.Debit || !c.once(achKey("debit", ev)) {
			return
		}
		switch {
		case ev.Kind == payment.KindPrenote || tc.Purpose == "prenote":
			a.partAll(PartPrenotes, ev)
			return
		case tc.Purpose == "zero_dollar":
			a.partAll(PartZeroDollar, ev)
			return
		case tc.Purpose != "live":
			return
		}
		// Reversing and reinitiated entries are debit Entries the company
		// originated: the rule's denominator counts them.
		reversal := ev.Kind == payment.KindReversal || desc == descReversal
		if reversal && ev.Refs.Trace != "" {
			a.reversalTraces[strings.TrimSpace(ev.Refs.Trace)] = true
		}
		in := [nBuckets]bool{true, true, !rck}
		a.debits.add(ev, nil)
		if rck {
			a.parts[bOverall].add(PartRCK, ev.Amount, ev.Currency)
		} else {
			a.debitsNoRCK.add(ev, nil)
		}
		a.label(in, reversal, PartReversals, ev.Amount, ev.Currency)
		a.label(in, desc == descRetry, PartReinitiated, ev.Amount, ev.Currency)
	case payment.KindReturn:
		// A return's transaction code (26, 36 …) says whether the
		// original was a debit.
		if !c.once(achKey("return", ev)) {
			return
		}
		code := returnCode(ev)
		in := returnBuckets(code.Code)
		switch {
		case !tc.Debit:
			a.partIn(in, PartReturnsOfCredits, ev)
			return
		case ev.Amount.IsZero():
			a.partIn(in, PartReturnsOfNonValue, ev)
			return
		}
		if rck {
			in[bOverall] = false
			a.parts[bOverall].add(PartRCKReturns, ev.Amount, ev.Currency)
		}
		for b, yes := range in {
			if yes {
				a.returns[b].add(ev, &code)
			}
		}
		reversal := desc == descReversal
		a.label(in, reversal, PartReturnsOfReversals, ev.Amount, ev.Currency)
		a.label(in, desc == descRetry, PartReturnsOfReinitiated, ev.Amount, ev.Currency)
		if !reversal && ev.Refs.OriginalTrace != "" {
			a.pending = append(a.pending, pendingReturn{originalTrace: strings.TrimSpace(ev.Refs.OriginalTrace),
				in: in, amount: ev.Amount, currency: ev.Currency})
		}
	case payment.KindDishonoredReturn, payment.KindContestedDishonoredReturn:
		// The return they answer counted when it came; they are named so
		// that a bank report that nets them can be reconciled.
		if !tc.Debit || !c.once(achKey(string(ev.Kind), ev)) {
			return
		}
		a.partIn(returnBuckets(strings.ToUpper(strings.TrimSpace(ev.ACH.OriginalReturnCode))), PartDishonoredReturns, ev)
	}
}

// partAll adds ev to a part of every rate.
func (a *achCounts) partAll(key string, ev *payment.Event) {
	a.partIn([nBuckets]bool{true, true, true}, key, ev)
}

// partIn adds ev to a part of the rates in.
func (a *achCounts) partIn(in [nBuckets]bool, key string, ev *payment.Event) {
	a.label(in, true, key, ev.Amount, ev.Currency)
}

// label adds an amount to a part of the rates in, when yes.
func (a *achCounts) label(in [nBuckets]bool, yes bool, key string, amount decimal.Decimal, currency string) {
	if !yes {
		return
	}
	for b, ok := range in {
		if ok {
			a.parts[b].add(key, amount, currency)
		}
	}
}

// returnCode is the code of a return, titled from the catalog when the
// event has no title.
func returnCode(ev *payment.Event) Code {
	code := Code{Scheme: "nacha_return"}
	if ev.Reason != nil {
		code.Code, code.Title = strings.ToUpper(strings.TrimSpace(ev.Reason.Code)), ev.Reason.Title
	}
	if rc, known := ach.LookupReturnCode(code.Code); known && code.Title == "" {
		code.Title = rc.Title
	}
	return code
}

func (c *Counter) achRates() []*Rate {
	a := &c.ach
	var parts [nBuckets]partSet
	for b := range parts {
		parts[b] = a.parts[b].clone()
	}
	for _, p := range a.pending {
		if a.reversalTraces[p.originalTrace] {
			for b, ok := range p.in {
				if ok {
					parts[b].add(PartReturnsOfReversals, p.amount, p.currency)
				}
			}
		}
	}
	return []*Rate{
		c.newRate(ACHUnauthorized, payment.RailACH, "ACH unauthorized return rate", &a.returns[bUnauthorized], &a.debits, unauthorizedThreshold, &parts[bUnauthorized]),
		c.newRate(ACHAdministrative, payment.RailACH, "ACH administrative return rate", &a.returns[bAdministrative], &a.debits, administrativeThreshold, &parts[bAdministrative]),
		c.newRate(ACHOverall, payment.RailACH, "ACH overall return rate", &a.returns[bOverall], &a.debitsNoRCK, overallThreshold, &parts[bOverall]),
	}
}
