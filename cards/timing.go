package cards

import (
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// Card timing rules (hold lengths, refund windows, chargeback response
// windows) live in package settlement with their sources (card_timing.go);
// the functions here read the processors' brand words and call them.

// Hold lengths in calendar days.
const (
	// HoldDays is how long an uncaptured card-not-present authorization
	// lasts: Visa customer-initiated, Mastercard, Amex, Discover.
	HoldDays = settlement.CardHoldDays
	// HoldDaysVisaMIT is how long a Visa merchant-initiated authorization
	// lasts.
	HoldDaysVisaMIT = settlement.CardHoldDaysVisaMIT
)

// Refund windows in banking days after the refund's day.
const (
	RefundArrivesFromDays = settlement.CardRefundFromDays
	RefundArrivesByDays   = settlement.CardRefundByDays
)

// DisputeResponseDays returns the calendar days a merchant has to answer
// a chargeback on network (visa, mastercard, amex, discover; brand words
// such as "mc" or "American Express" are understood), or 0 when the
// network is not known.
func DisputeResponseDays(network string) int {
	return settlement.CardDisputeResponseDays(disputeNetwork(normBrand(network)))
}

// HoldExpiresOn returns the day an authorization made on authDay on
// network stops holding the customer's funds under the network rules.
// Exports do not say whether an authorization was merchant-initiated, so
// the readers pass false.
func HoldExpiresOn(authDay payment.Date, network string, merchantInitiated bool) payment.Date {
	return settlement.CardHoldExpiresOn(authDay, normBrand(network), merchantInitiated)
}

// RefundArrives returns the window in which a refund made on day shows on
// the customer's card statement: 5 to 10 banking days after it.
func RefundArrives(day payment.Date, cal *settlement.Calendar) (from, by payment.Date) {
	return settlement.CardRefundArrives(day, cal)
}

// DisputeResponseDue returns the last day to answer a chargeback received
// on day on network; zero when the network is not known.
func DisputeResponseDue(day payment.Date, network string) payment.Date {
	return settlement.CardDisputeResponseDue(day, disputeNetwork(normBrand(network)))
}

// applyTiming fills in the dates that follow from the event's kind and
// effective date.
func applyTiming(ev *payment.Event) {
	day := ev.EffectiveDate
	if day.IsZero() {
		return
	}
	switch ev.Kind {
	case payment.KindAuthorization:
		ev.Timing.HoldExpiresOn = HoldExpiresOn(day, ev.Card.Brand, false)
	case payment.KindRefund:
		ev.Timing.RefundArrivesFrom, ev.Timing.RefundArrivesBy = RefundArrives(day, settlement.Fed)
	case payment.KindChargeback, payment.KindSecondChargeback:
		network := ev.Card.DisputeNetwork
		if network == "" {
			network = ev.Card.Brand
		}
		ev.Timing.DisputeResponseDue = DisputeResponseDue(day, network)
	}
}
