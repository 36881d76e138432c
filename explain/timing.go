package explain

import (
	"fmt"
	"strings"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// calendar is the banking calendar the explanations count days with.
var calendar = settlement.Fed

// Dates explains, for an analyst, what an ACH event's dates mean: when it
// settled against the entry it answers, whether it met its deadline and
// which windows are still open on asOf. link says where the original entry
// was found, if it was.
func Dates(ev *payment.Event, link ach.Link, asOf payment.Date) string {
	t := ev.Timing
	var s []string
	switch ev.Kind {
	case payment.KindPayment, payment.KindPrenote:
		s = append(s, settles(ev, asOf))
		if !t.ReturnableUntil.IsZero() {
			s = append(s, "Returns for most reasons can arrive until "+day(t.ReturnableUntil)+window(t.ReturnableUntil, asOf)+".")
		}
		if !t.UnauthorizedReturnableUntil.IsZero() {
			s = append(s, "An unauthorized-debit return (R05, R07, R10, R11) can arrive until "+day(t.UnauthorizedReturnableUntil)+window(t.UnauthorizedReturnableUntil, asOf)+".")
		}
	case payment.KindReversal:
		s = append(s, settles(ev, asOf))
		s = append(s, reversalDates(ev, link))
	case payment.KindReturn:
		s = append(s, returnDates(ev, link))
		if !t.DishonorableUntil.IsZero() {
			if t.Timely != nil && !*t.Timely {
				s = append(s, "Our bank may dishonor it as untimely (R68) until "+day(t.DishonorableUntil)+window(t.DishonorableUntil, asOf)+".")
			} else {
				s = append(s, "It can be dishonored (for example if misrouted, duplicated or wrong) until "+day(t.DishonorableUntil)+window(t.DishonorableUntil, asOf)+".")
			}
		}
	case payment.KindNOC:
		if change := Correction(ev); change != "" {
			s = append(s, upperFirst(change)+".")
		}
		if !t.CorrectionDue.IsZero() {
			s = append(s, "Make the change by "+day(t.CorrectionDue)+" (6 banking days after the NOC settled on "+day(ev.SettlementDate)+
				") or before the next entry to this account, whichever is later"+due(t.CorrectionDue, asOf)+".")
		}
		if t.BankingDaysAfter != nil {
			s = append(s, fmt.Sprintf("The NOC came %s after the original entry settled on %s.", bankingDays(*t.BankingDaysAfter), day(t.OriginalSettlementDate)))
		}
	case payment.KindRefusedNOC:
		s = append(s, "Our bank refused a notification of change; the receiving bank should send a corrected one. Do not apply the refused correction")
		if change := Correction(ev); change != "" {
			s[len(s)-1] += " (" + change + ")"
		}
		s[len(s)-1] += "."
	case payment.KindDishonoredReturn:
		s = append(s, answered(ev, "dishonored", "return"))
		if !t.ContestableUntil.IsZero() {
			s = append(s, "The receiving bank may contest the dishonor until "+day(t.ContestableUntil)+window(t.ContestableUntil, asOf)+".")
		}
	case payment.KindContestedDishonoredReturn:
		s = append(s, answered(ev, "contested", "dishonored return"))
		s = append(s, contestedClaim(ev))
		s = append(s, "This ends the exchange inside the ACH Network; any further dispute runs outside it.")
	}
	return strings.Join(nonEmpty(s), " ")
}

func settles(ev *payment.Event, asOf payment.Date) string {
	if ev.SettlementDate.IsZero() {
		return "The settlement date cannot be told from the file."
	}
	verb := "Settled"
	if ev.SettlementDate.After(asOf) {
		verb = "Settles"
	}
	how := ""
	if ev.SettlementEstimated {
		how = " (expected, from the effective date)"
	}
	sameDay := ""
	if ev.ACH != nil && ev.ACH.SameDay {
		sameDay = " as a same-day entry"
	}
	return verb + " " + day(ev.SettlementDate) + how + sameDay + "."
}

func returnDates(ev *payment.Event, link ach.Link) string {
	t := ev.Timing
	var frame ach.TimeFrame
	if ev.Reason != nil {
		if c, ok := ach.LookupReturnCode(ev.Reason.Code); ok {
			frame = c.TimeFrame
		}
	}
	settled := "Settled " + day(ev.SettlementDate)
	if t.OriginalSettlementDate.IsZero() || t.BankingDaysAfter == nil {
		return settled + ". The original entry (trace " + ev.Refs.OriginalTrace + ") is not among the inputs: add the file that sent it to check the deadline."
	}
	s := fmt.Sprintf("%s, %s after the original entry (%s) settled on %s", settled,
		bankingDays(*t.BankingDaysAfter), link.Original, day(t.OriginalSettlementDate))
	switch {
	case t.Timely == nil && frame == ach.NextFileDelivery:
		return s + "; returned by the ACH Operator, so no return deadline applies."
	case t.Timely == nil:
		return s + "; this code's time frame is " + frameText(frame) + ", which the files cannot check."
	case *t.Timely:
		return s + ": on time (" + frameText(frame) + ", deadline " + day(t.Deadline) + ")."
	default:
		return s + ": LATE (" + frameText(frame) + ", deadline " + day(t.Deadline) + ")."
	}
}

func frameText(f ach.TimeFrame) string {
	switch f {
	case ach.TwoBankingDays:
		return "2 banking days"
	case ach.SixtyCalendarDays:
		return "60 calendar days"
	case "":
		return "unknown"
	}
	return f.Describe()
}

func reversalDates(ev *payment.Event, link ach.Link) string {
	t := ev.Timing
	switch {
	case link.Candidates > 1:
		return fmt.Sprintf("%d earlier entries have this account and amount, so which one it reverses cannot be told.", link.Candidates)
	case link.Candidates == 0 || t.BankingDaysAfter == nil:
		return "The entry it reverses is not among the inputs: a reversal must settle within 5 banking days after the erroneous entry settled."
	}
	s := fmt.Sprintf("It reverses the entry at %s (trace %s, settled %s), %s later", link.Original, ev.Refs.OriginalTrace,
		day(t.OriginalSettlementDate), bankingDays(*t.BankingDaysAfter))
	if t.Timely != nil && *t.Timely {
		return s + ": within the 5-banking-day limit (" + day(t.Deadline) + ")."
	}
	return s + ": LATE, past the 5-banking-day limit (" + day(t.Deadline) + "); the receiving bank may return it (R11 or R17)."
}

// answered dates a dishonored or contested return against the entry it
// answers.
func answered(ev *payment.Event, what, answersWhat string) string {
	t := ev.Timing
	if t.BankingDaysAfter == nil || t.Timely == nil {
		return "The " + answersWhat + " it answers has no readable settlement date, so its deadline cannot be checked."
	}
	verdict := "on time"
	if !*t.Timely {
		verdict = "LATE"
	}
	return fmt.Sprintf("The %s was %s %s after the %s settled: %s (deadline %s).",
		answersWhat, what, bankingDays(*t.BankingDaysAfter), answersWhat, verdict, day(t.Deadline))
}

// contestedClaim checks what a contested dishonored return says about the
// original return against the dates it carries itself.
func contestedClaim(ev *payment.Event) string {
	if ev.ACH == nil || ev.Reason == nil {
		return ""
	}
	orig, ret := ev.Timing.OriginalSettlementDate, ev.ACH.ReturnSettlementDate
	if orig.IsZero() || ret.IsZero() || ev.ACH.OriginalReturnCode == "" {
		return ""
	}
	deadline, ok := ach.ReturnDeadline(ev.ACH.OriginalReturnCode, orig, calendar)
	if !ok {
		return ""
	}
	n := calendar.BankingDaysBetween(orig, ret)
	s := ""
	if sent := ev.ACH.OriginalReturnSentOn; !sent.IsZero() {
		s = "The receiving bank says it sent the original return on " + day(sent) + ". "
	}
	s += fmt.Sprintf("By the dates it carries, the original %s return settled %s, %s after the entry settled on %s (deadline %s)",
		ev.ACH.OriginalReturnCode, day(ret), bankingDays(n), day(orig), day(deadline))
	if ret.After(deadline) {
		return s + ", which supports the dishonor."
	}
	return s + ", which supports the receiving bank."
}

func bankingDays(n int) string {
	if n == 1 {
		return "1 banking day"
	}
	return fmt.Sprintf("%d banking days", n)
}

func day(d payment.Date) string {
	if d.IsZero() {
		return "an unknown date"
	}
	return d.String()
}

// window says whether a window that closes on until is still open on asOf.
func window(until, asOf payment.Date) string {
	if asOf.IsZero() {
		return ""
	}
	if asOf.After(until) {
		return " (closed)"
	}
	return " (still open)"
}

// due says whether a deadline has passed on asOf.
func due(until, asOf payment.Date) string {
	if asOf.IsZero() || !asOf.After(until) {
		return ""
	}
	return " — overdue if not yet done"
}

func nonEmpty(s []string) []string {
	out := s[:0]
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// Correction says what a notification of change asks to change, from its
// decoded corrected data: "change the account number to ****7204".
func Correction(ev *payment.Event) string {
	if ev.ACH == nil || ev.ACH.Corrected == nil {
		return ""
	}
	c := ev.ACH.Corrected
	var parts []string
	if c.RoutingNumber != "" {
		parts = append(parts, "the routing number to "+c.RoutingNumber)
	}
	if c.AccountNumber != "" {
		parts = append(parts, "the account number to "+c.AccountNumber)
	}
	if c.TransactionCode != 0 {
		tc := fmt.Sprintf("the transaction code to %d", c.TransactionCode)
		if c.AccountType != "" {
			tc += " (" + strings.ReplaceAll(c.AccountType, "_", " ") + " account)"
		}
		parts = append(parts, tc)
	}
	if c.IndividualID != "" {
		parts = append(parts, "the individual identification number to "+c.IndividualID)
	}
	if c.Name != "" {
		parts = append(parts, "the name to "+c.Name)
	}
	if len(parts) == 0 {
		if c.Raw == "" {
			return ""
		}
		return "corrected data: " + c.Raw
	}
	return "change " + strings.Join(parts, " and ")
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
