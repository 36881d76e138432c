package match

import (
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
	"github.com/payinv/payinv/settlement"
)

// expectedSettlement is when the payment of a record with no evidence yet
// should settle, from the settlement engine's timeline for the record's
// rail started at the record's time: an ACH entry in the next-day window,
// a wire the same business day (or the next, after the cut-off), a card
// capture within the processor's settlement days. Zero when the rail is
// unknown or the engine has no settlement step for it.
func expectedSettlement(r *records.Record, rules *settlement.Rules, cal *settlement.Calendar) payment.Date {
	if r.CreatedAt.IsZero() {
		return payment.Date{}
	}
	req := settlement.Request{At: r.CreatedAt, Direction: payment.Credit}
	if r.Type == records.Withdrawal {
		req.Direction = payment.Debit
	}
	keys := []string{"settles"}
	switch r.Rail {
	case records.RailACH:
		req.Rail = settlement.RailACH
	case records.RailWire:
		req.Rail = settlement.RailWire
	case records.RailCard, records.RailApplePay:
		if r.Type == records.Withdrawal {
			return payment.Date{} // a push-to-card payout is available within minutes: no settlement step
		}
		req.Rail, req.Kind = settlement.RailCard, "capture"
		keys = []string{"settles_by", "settles"}
	default:
		return payment.Date{}
	}
	tl, err := rules.When(req, cal)
	if err != nil {
		return payment.Date{}
	}
	for _, key := range keys {
		for _, s := range tl.Steps {
			if s.Key == key {
				return s.Day()
			}
		}
	}
	return payment.Date{}
}
