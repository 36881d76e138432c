package ach

import (
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// Deadlines, Nacha Operating Rules (summarized in the project's
// ach-rules-and-timing reference, §0–§4):
//   - a return with a two-banking-day time frame must be available to the
//     ODFI by opening of business on the 2nd banking day after the original
//     entry's Settlement Date; with a 60-day time frame, by opening of
//     business on the banking day after the 60th calendar day after it;
//   - the ODFI may dishonor a return within 5 banking days after the
//     return's Settlement Date; the RDFI may contest a dishonored return
//     within 2 banking days after the dishonored return's Settlement Date;
//   - an Originator applies a NOC within 6 banking days of receiving it or
//     before the next entry, whichever is later;
//   - a reversal must reach the RDFI within 5 banking days after the
//     Settlement Date of the erroneous entry.
//
// The dates below are the last settlement dates that satisfy each rule;
// the time frames themselves live in package settlement (ACHReturnDeadline,
// ACHUnauthorizedReturnDeadline, ACHReversalDeadline).

// forwardWindows dates the return and reversal windows of forward entries
// that settle on settled.
func forwardWindows(settled payment.Date, cal *settlement.Calendar) payment.Timing {
	if settled.IsZero() {
		return payment.Timing{}
	}
	return payment.Timing{
		ReturnableUntil:             settlement.ACHReturnDeadline(settled, cal),
		ReversibleUntil:             settlement.ACHReversalDeadline(settled, cal),
		UnauthorizedReturnableUntil: settlement.ACHUnauthorizedReturnDeadline(settled, cal),
	}
}

// forwardTiming gives a forward entry its batch's windows: the day the
// money is available and the reversal window for payments, the reversal
// window for reversals, the 60-day window for debits to consumer accounts.
func forwardTiming(ev *payment.Event, w payment.Timing) {
	ev.Timing.ReturnableUntil = w.ReturnableUntil
	if ev.Kind == payment.KindPayment {
		// The receiving bank makes a credit available on the Settlement
		// Date (by 9 a.m., or by the Same Day window's time) and posts a
		// debit at settlement (settlement.ACHRules, FedACH schedule).
		ev.Timing.AvailableOn = ev.SettlementDate
	}
	if ev.Kind == payment.KindPayment || ev.Kind == payment.KindReversal {
		ev.Timing.ReversibleUntil = w.ReversibleUntil
	}
	if ev.ACH != nil && isReceiverDebit(ev.ACH.TransactionCode) && consumerSEC[ev.ACH.SECCode] {
		ev.Timing.UnauthorizedReturnableUntil = w.UnauthorizedReturnableUntil
	}
}

func isReceiverDebit(code int) bool {
	tc, ok := LookupTransactionCode(code)
	return ok && tc.Debit
}

// SixtyDayDeadline is the last settlement date for a 60-day return of an
// entry settled on settled: the banking day after the 60th calendar day.
func SixtyDayDeadline(settled payment.Date, cal *settlement.Calendar) payment.Date {
	return settlement.ACHUnauthorizedReturnDeadline(settled, cal)
}

// ReturnDeadline is the last settlement date a return with code's time
// frame may have, for an original entry settled on original. ok is false
// when the code's deadline does not run from the original settlement
// (operator returns, returns by agreement, R23, unknown codes).
func ReturnDeadline(code string, original payment.Date, cal *settlement.Calendar) (payment.Date, bool) {
	c, known := LookupReturnCode(code)
	if !known || original.IsZero() {
		return payment.Date{}, false
	}
	switch c.TimeFrame {
	case TwoBankingDays:
		return settlement.ACHReturnDeadline(original, cal), true
	case SixtyCalendarDays:
		return SixtyDayDeadline(original, cal), true
	}
	return payment.Date{}, false
}

// DateReturn fills in a return's timing against the settlement date of the
// original entry: the banking days between them, the code's deadline and
// whether the return met it.
func DateReturn(ev *payment.Event, original payment.Date, cal *settlement.Calendar) {
	if original.IsZero() {
		return
	}
	ev.Timing.OriginalSettlementDate = original
	if ev.SettlementDate.IsZero() || ev.Reason == nil {
		return
	}
	deadline, _ := ReturnDeadline(ev.Reason.Code, original, cal)
	dateAgainst(ev, original, deadline, cal)
}

// dateAgainst records on an event that answers an entry settled on from
// the banking days between the two and, when there is a deadline, whether
// the event settled by it.
func dateAgainst(ev *payment.Event, from, deadline payment.Date, cal *settlement.Calendar) {
	if !deadline.IsZero() {
		ev.Timing.Deadline = deadline
	}
	if ev.SettlementDate.IsZero() || from.IsZero() {
		return
	}
	n := cal.BankingDaysBetween(from, ev.SettlementDate)
	ev.Timing.BankingDaysAfter = &n
	if !deadline.IsZero() {
		timely := !ev.SettlementDate.After(deadline)
		ev.Timing.Timely = &timely
	}
}
