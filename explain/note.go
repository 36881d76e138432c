package explain

import (
	"github.com/payinv/payinv/payment"
)

// LongDate writes a day for people: "Friday, November 27, 2026"; "an
// unknown date" for the zero date.
func LongDate(d payment.Date) string {
	if d.IsZero() {
		return "an unknown date"
	}
	return d.Long()
}

// Deadline is one date that follows from an event's timing: the last day
// something may (or must) happen, or when money is expected.
type Deadline struct {
	// Key names the timing field, as in the event's JSON
	// ("returnable_until").
	Key string
	// Label says what the date is the limit of, for people.
	Label string
	Date  payment.Date
	// MetBy is the kind of a later event that uses the window (a
	// dishonored return uses the dishonor window); "" when no event does.
	MetBy payment.Kind
	// Expected is true for a date something is expected by (a refund
	// reaching the customer) rather than a window that closes.
	Expected bool
	// Ours is true for a deadline the company (or its bank) must act by,
	// rather than a window another party may use.
	Ours bool
}

// State says where a deadline stands on asOf: "passed" once the day is
// over, "open" until then (an expected date "expected" until then).
func (d Deadline) State(asOf payment.Date) string {
	if asOf.After(d.Date) {
		return "passed"
	}
	if d.Expected {
		return "expected"
	}
	return "open"
}

// Deadlines lists the dates an event's timing holds, in a fixed order;
// zero dates are left out.
func Deadlines(t payment.Timing) []Deadline {
	all := []Deadline{
		{Key: "returnable_until", Label: "last day the receiving bank may return the entry (2 banking days)", Date: t.ReturnableUntil, MetBy: payment.KindReturn},
		{Key: "unauthorized_returnable_until", Label: "last day for an unauthorized-debit return (R05, R07, R10, R11)", Date: t.UnauthorizedReturnableUntil, MetBy: payment.KindReturn},
		{Key: "reversible_until", Label: "last day a reversal of the entry may settle", Date: t.ReversibleUntil, MetBy: payment.KindReversal},
		{Key: "dishonorable_until", Label: "last day our bank may dishonor the return", Date: t.DishonorableUntil, MetBy: payment.KindDishonoredReturn, Ours: true},
		{Key: "contestable_until", Label: "last day the receiving bank may contest the dishonor", Date: t.ContestableUntil, MetBy: payment.KindContestedDishonoredReturn},
		{Key: "correction_due", Label: "apply the corrected bank details (or before the next entry, whichever is later)", Date: t.CorrectionDue, Ours: true},
		{Key: "hold_expires_on", Label: "the authorization hold drops off unless captured", Date: t.HoldExpiresOn, MetBy: payment.KindCapture},
		{Key: "refund_arrives_by", Label: "latest day the refund shows on the customer's statement", Date: t.RefundArrivesBy, Expected: true},
		{Key: "dispute_response_due", Label: "last day to answer the chargeback with evidence", Date: t.DisputeResponseDue, MetBy: payment.KindChargebackReversal, Ours: true},
		{Key: "available_on", Label: "money available to its receiver", Date: t.AvailableOn, Expected: true},
	}
	out := all[:0]
	for _, d := range all {
		if !d.Date.IsZero() {
			out = append(out, d)
		}
	}
	return out
}
