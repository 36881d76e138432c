package cards

import (
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// Card timing, from the project's cards-and-apple-pay reference, §5
// ("Lifecycle and timing") and §4.2 ("Lifecycle and clocks"):
//
//   - Auth expiry: an authorization not captured drops off the customer's
//     account after 7 days for card-not-present Visa customer-initiated,
//     Mastercard, Amex and Discover payments; Visa merchant-initiated
//     authorizations last 5 days (exactly 4 days 18 hours since
//     2024-04-14). Source: Stripe's place-a-hold and extended
//     authorization documentation [V]. The issuer may release its own hold
//     sooner or later than the network rule (Galileo's example expires
//     holds after 7 days), so HoldExpiresOn is what the rules allow, not a
//     promise about the customer's banking app.
//   - Refund to card: the processor submits at once; the credit takes
//     5–10 business days to show on the customer's statement. Source:
//     Stripe support, "how long refunds take to process" [V]. Business
//     days are counted on the Federal Reserve banking calendar
//     (settlement.Fed), which has the US bank holidays.
//   - Chargebacks: the merchant has Visa 30, Mastercard 45, Amex 20 and
//     Discover 30 calendar days to respond (the same windows apply to
//     pre-arbitration, which the second chargeback is). Source: Chargeflow's
//     network timelines [V]. The processor's own deadline (Stripe
//     evidence_details.due_by, Adyen defensePeriodEndsAt) is shorter;
//     DisputeResponseDue is the network's.
//   - Push-to-card payouts: Fast Funds issuers make funds available within
//     30 minutes; nothing is worked out for them.

// Hold lengths in calendar days.
const (
	// HoldDays is how long an uncaptured card-not-present authorization
	// lasts: Visa customer-initiated, Mastercard, Amex, Discover.
	HoldDays = 7
	// HoldDaysVisaMIT is how long a Visa merchant-initiated authorization
	// lasts.
	HoldDaysVisaMIT = 5
)

// Refund windows in banking days after the refund's day.
const (
	RefundArrivesFromDays = 5
	RefundArrivesByDays   = 10
)

// DisputeResponseDays returns the calendar days a merchant has to answer
// a chargeback on network (visa, mastercard, amex, discover; brand words
// such as "mc" or "American Express" are understood), or 0 when the
// network is not known.
func DisputeResponseDays(network string) int {
	switch disputeNetwork(normBrand(network)) {
	case NetworkVisa:
		return 30
	case NetworkMastercard:
		return 45
	case NetworkAmex:
		return 20
	case NetworkDiscover:
		return 30
	}
	return 0
}

// HoldExpiresOn returns the day an authorization made on authDay on
// network stops holding the customer's funds under the network rules.
// Exports do not say whether an authorization was merchant-initiated, so
// the readers pass false.
func HoldExpiresOn(authDay payment.Date, network string, merchantInitiated bool) payment.Date {
	if authDay.IsZero() {
		return payment.Date{}
	}
	days := HoldDays
	if merchantInitiated && normBrand(network) == NetworkVisa {
		days = HoldDaysVisaMIT
	}
	return authDay.AddDays(days)
}

// RefundArrives returns the window in which a refund made on day shows on
// the customer's card statement: 5 to 10 banking days after it.
func RefundArrives(day payment.Date, cal *settlement.Calendar) (from, by payment.Date) {
	if day.IsZero() {
		return payment.Date{}, payment.Date{}
	}
	return cal.AddBankingDays(day, RefundArrivesFromDays), cal.AddBankingDays(day, RefundArrivesByDays)
}

// DisputeResponseDue returns the last day to answer a chargeback received
// on day on network; zero when the network is not known.
func DisputeResponseDue(day payment.Date, network string) payment.Date {
	n := DisputeResponseDays(network)
	if n == 0 || day.IsZero() {
		return payment.Date{}
	}
	return day.AddDays(n)
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
