package settlement

import (
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/payinv/payinv/payment"
)

// Card timing. Sources (the project's cards-and-apple-pay reference, §5
// "Lifecycle and timing", §4 "Disputes"):
//
//   - Authorization hold: an uncaptured card-not-present authorization
//     drops off after 7 days for Visa customer-initiated, Mastercard, Amex
//     and Discover payments; a Visa merchant-initiated one after 5 days
//     (exactly 4 days 18 hours since 2024-04-14). Stripe's place-a-hold and
//     extended-authorization docs. The issuer may release its own hold
//     sooner or later.
//   - Capture to merchant settlement: clearing the same or next day, the
//     processor's payout schedule after that; T+1 to T+2 banking days is
//     the default here, a company policy set in the rules file.
//   - Refund to card: 5–10 business days to show on the statement (Stripe
//     support, "how long refunds take to process"). Business days are
//     Federal Reserve banking days.
//   - Push-to-card payouts (Visa Direct, Mastercard Send): Fast Funds
//     issuers make the money available within 30 minutes of approving;
//     other cards can take up to about the end of the next business day
//     (TabaPay; VERIFY).
//   - Chargeback response: Visa 30, Mastercard 45, Amex 20, Discover 30
//     calendar days (Chargeflow network timelines); processors' deadlines
//     are shorter.

// Card networks, Request.Network for the card rail.
const (
	CardVisa       = "visa"
	CardMastercard = "mastercard"
	CardAmex       = "amex"
	CardDiscover   = "discover"
)

// Card kinds, Request.Kind for the card rail.
const (
	CardAuthorization = "authorization"
	CardCapture       = "capture"
	CardRefund        = "refund"
	CardPayout        = "payout"
	CardChargeback    = "chargeback"
)

// Published card timing defaults.
const (
	// CardHoldDays is how long an uncaptured card-not-present authorization
	// lasts, in calendar days: Visa customer-initiated, Mastercard, Amex,
	// Discover.
	CardHoldDays = 7
	// CardHoldDaysVisaMIT is how long a Visa merchant-initiated
	// authorization lasts, in calendar days.
	CardHoldDaysVisaMIT = 5
	// CardRefundFromDays and CardRefundByDays bound, in banking days after
	// the refund, when it shows on the customer's statement.
	CardRefundFromDays = 5
	CardRefundByDays   = 10
)

// Rule sources named on card steps.
const (
	srcCardHold     = "card network authorization rules (Stripe: place a hold)"
	srcCardRefund   = "Stripe support: how long refunds take to process"
	srcCardDispute  = "card network dispute rules (Chargeflow network timelines)"
	srcCardPayout   = "Visa Direct / Mastercard Send Fast Funds (TabaPay)" // VERIFY with the networks' rules
	srcCardSettle   = "company policy (rules file): the processor's payout schedule"
	srcCardCaptured = "processor records"
)

// cardDisputeDays are the published chargeback response windows.
var cardDisputeDays = map[string]int{CardVisa: 30, CardMastercard: 45, CardAmex: 20, CardDiscover: 30}

// CardNetwork returns the dispute network a brand word names (visa,
// mastercard, amex, discover; "MC", "American Express", "Maestro" and
// "Diners Club" are understood), or "" when it is not one of them.
func CardNetwork(brand string) string {
	k := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return -1
	}, brand)
	switch k {
	case "visa":
		return CardVisa
	case "mastercard", "mc", "master", "maestro":
		return CardMastercard
	case "amex", "americanexpress":
		return CardAmex
	case "discover", "diners", "dinersclub":
		return CardDiscover // Diners Club is acquired on the Discover network in the US
	}
	return ""
}

// CardDisputeResponseDays returns the calendar days a merchant has to
// answer a chargeback on network (as CardNetwork reads it) under the
// published windows, or 0 when the network is not known.
func CardDisputeResponseDays(network string) int {
	return cardDisputeDays[CardNetwork(network)]
}

// CardHoldExpiresOn returns the day an authorization made on authDay on
// network stops holding the customer's funds under the network rules.
func CardHoldExpiresOn(authDay payment.Date, network string, merchantInitiated bool) payment.Date {
	if authDay.IsZero() {
		return payment.Date{}
	}
	days := CardHoldDays
	if merchantInitiated && CardNetwork(network) == CardVisa {
		days = CardHoldDaysVisaMIT
	}
	return authDay.AddDays(days)
}

// CardRefundArrives returns the window in which a refund made on day shows
// on the customer's card statement: 5 to 10 banking days after it.
func CardRefundArrives(day payment.Date, cal *Calendar) (from, by payment.Date) {
	if day.IsZero() {
		return payment.Date{}, payment.Date{}
	}
	return cal.AddBankingDays(day, CardRefundFromDays), cal.AddBankingDays(day, CardRefundByDays)
}

// CardDisputeResponseDue returns the last day to answer a chargeback
// received on day on network; zero when the network is not known.
func CardDisputeResponseDue(day payment.Date, network string) payment.Date {
	n := CardDisputeResponseDays(network)
	if n == 0 || day.IsZero() {
		return payment.Date{}
	}
	return day.AddDays(n)
}

// CardRules are the card networks' holds and windows and the processor's
// payout schedule.
type CardRules struct {
	// HoldDays is how long an uncaptured authorization holds funds.
	HoldDays int `yaml:"hold_days" toml:"hold_days"`
	// HoldDaysVisaMIT is HoldDays for Visa merchant-initiated payments.
	HoldDaysVisaMIT int `yaml:"hold_days_visa_mit" toml:"hold_days_visa_mit"`
	// SettlementFromDays and SettlementByDays bound, in banking days after
	// capture, when the processor pays the company (its payout schedule).
	SettlementFromDays int `yaml:"settlement_from_days" toml:"settlement_from_days"`
	SettlementByDays   int `yaml:"settlement_by_days" toml:"settlement_by_days"`
	// RefundFromDays and RefundByDays bound, in banking days, when a refund
	// shows on the customer's statement.
	RefundFromDays int `yaml:"refund_from_days" toml:"refund_from_days"`
	RefundByDays   int `yaml:"refund_by_days" toml:"refund_by_days"`
	// PayoutFastFundsMinutes is how soon a push-to-card payout is
	// available on a Fast Funds card.
	PayoutFastFundsMinutes int `yaml:"payout_fast_funds_minutes" toml:"payout_fast_funds_minutes"`
	// PayoutByBankingDays is how many banking days a payout to a card
	// without Fast Funds may take, to the end of that day (VERIFY).
	PayoutByBankingDays int `yaml:"payout_by_banking_days" toml:"payout_by_banking_days"`
	// DisputeResponseDays are the calendar days to answer a chargeback,
	// by network (visa, mastercard, amex, discover).
	DisputeResponseDays map[string]int `yaml:"dispute_response_days" toml:"dispute_response_days"`
}

func defaultCardRules() CardRules {
	return CardRules{
		HoldDays:               CardHoldDays,
		HoldDaysVisaMIT:        CardHoldDaysVisaMIT,
		SettlementFromDays:     1,
		SettlementByDays:       2,
		RefundFromDays:         CardRefundFromDays,
		RefundByDays:           CardRefundByDays,
		PayoutFastFundsMinutes: 30,
		PayoutByBankingDays:    1,
		DisputeResponseDays:    maps.Clone(cardDisputeDays),
	}
}

func (r *Rules) cardTimeline(req Request, cal *Calendar) (Timeline, error) {
	tl := Timeline{Request: req}
	c := &r.Card
	t := req.At
	day := DateOf(t)
	kind := strings.ToLower(strings.TrimSpace(req.Kind))
	network := CardNetwork(req.Network)
	if req.Network != "" && network == "" {
		return tl, fmt.Errorf("card: %q is not a card network payinv knows (want visa, mastercard, amex or discover)", req.Network)
	}
	dayStep := func(key string, d payment.Date, rule, sentence string) Step {
		return Step{Key: key, At: d.Time(Eastern), DayOnly: true, Rule: rule, Sentence: sentence}
	}
	switch kind {
	case CardAuthorization:
		days := c.HoldDays
		if req.MerchantInitiated && network == CardVisa {
			days = c.HoldDaysVisaMIT
		}
		exp := day.AddDays(days)
		tl.Steps = append(tl.Steps,
			Step{Key: "authorized", At: t, Rule: srcCardCaptured,
				Sentence: fmt.Sprintf("The card was authorized at %s; the amount is on hold on the customer's card.", spokenTime(t))},
			dayStep("hold_expires", exp, srcCardHold,
				fmt.Sprintf("If it is not captured, the hold drops off the customer's card by %s.", spokenDate(exp))))
		tl.Notes = append(tl.Notes, "The customer's bank may release its hold sooner or later than the network rule.")
	case CardCapture:
		from, by := cal.AddBankingDays(day, c.SettlementFromDays), cal.AddBankingDays(day, c.SettlementByDays)
		tl.Steps = append(tl.Steps, Step{Key: "captured", At: t, Rule: srcCardCaptured,
			Sentence: fmt.Sprintf("The payment was captured at %s.", spokenTime(t))})
		if from == by {
			tl.Steps = append(tl.Steps, dayStep("settles", by, srcCardSettle,
				fmt.Sprintf("The processor pays it to us on %s.", spokenDate(by))))
		} else {
			tl.Steps = append(tl.Steps,
				dayStep("settles_from", from, srcCardSettle,
					fmt.Sprintf("The processor pays it to us between %s and %s.", spokenDate(from), spokenDate(by))),
				dayStep("settles_by", by, srcCardSettle,
					fmt.Sprintf("By %s the money should be in our account.", spokenDate(by))))
		}
	case CardRefund:
		from, by := cal.AddBankingDays(day, c.RefundFromDays), cal.AddBankingDays(day, c.RefundByDays)
		tl.Steps = append(tl.Steps,
			Step{Key: "refunded", At: t, Rule: srcCardCaptured,
				Sentence: fmt.Sprintf("The refund was sent at %s.", spokenTime(t))},
			dayStep("refund_arrives_from", from, srcCardRefund,
				fmt.Sprintf("It usually shows on the customer's card statement between %s and %s.", spokenDate(from), spokenDate(by))),
			dayStep("refund_arrives_by", by, srcCardRefund,
				fmt.Sprintf("If it is not there by %s, the customer's bank can trace it with the refund's reference number (ARN).", spokenDate(by))))
	case CardPayout:
		fast := t.Add(time.Duration(c.PayoutFastFundsMinutes) * time.Minute).In(Eastern)
		by := cal.AddBankingDays(day, c.PayoutByBankingDays)
		tl.Steps = append(tl.Steps,
			Step{Key: "sent", At: t, Rule: srcCardCaptured,
				Sentence: fmt.Sprintf("The payout to the card was sent at %s.", spokenTime(t))},
			Step{Key: "available", At: fast, Rule: srcCardPayout,
				Sentence: fmt.Sprintf("On most debit cards (Fast Funds) the money is available within %d minutes, by %s.", c.PayoutFastFundsMinutes, spokenTime(fast))},
			dayStep("available_by", by, srcCardPayout,
				fmt.Sprintf("On cards without Fast Funds it can take until the end of %s.", spokenDate(by))))
	case CardChargeback:
		if network == "" {
			return tl, fmt.Errorf("card: a chargeback's response window depends on the network: say visa, mastercard, amex or discover")
		}
		n := c.DisputeResponseDays[network]
		if n <= 0 {
			return tl, fmt.Errorf("card: the rules give no chargeback response window for %s", network)
		}
		due := day.AddDays(n)
		tl.Steps = append(tl.Steps,
			Step{Key: "chargeback_received", At: t, Rule: srcCardCaptured,
				Sentence: fmt.Sprintf("The chargeback came in at %s.", spokenTime(t))},
			dayStep("response_due", due, srcCardDispute,
				fmt.Sprintf("The network gives us until %s (%d days) to answer it with evidence.", spokenDate(due), n)))
		tl.Notes = append(tl.Notes, "The processor's own deadline is usually a few days earlier than the network's.")
	case "":
		return tl, fmt.Errorf("card: say what happened: authorization, capture, refund, payout or chargeback")
	default:
		return tl, fmt.Errorf("card: %q is not a card event payinv can time (want authorization, capture, refund, payout or chargeback)", req.Kind)
	}
	return tl, nil
}
