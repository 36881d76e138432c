package settlement

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// Rails payinv can time.
const (
	RailACH   = "ach"
	RailWire  = "wire"
	RailCard  = "card"
	RailTrade = "trade"
)

// Rails lists the rails When knows.
var Rails = []string{RailACH, RailWire, RailCard, RailTrade}

// Request is a question of timing: something starts on a rail at an
// instant (an ACH file is submitted, a wire sent, a card charged or
// refunded, a trade made) and the caller wants the dated steps that follow.
type Request struct {
	Rail string
	// At is when it starts, with its zone; steps are given in US Eastern
	// time, the rails' clock.
	At time.Time
	// SameDay asks for Same Day ACH.
	SameDay bool
	// Direction is the entry's effect on the company: credit (a deposit
	// pulled from the customer, an ACH debit entry) or debit (a withdrawal
	// paid out, an ACH credit entry).
	Direction payment.Direction
	// Kind narrows the rail: for cards authorization, capture, refund,
	// payout; for trades buy or sell; for wires the network (fedwire,
	// chips, swift).
	Kind string
	// Consumer is true for an ACH entry to a consumer account (PPD, WEB,
	// TEL), whose debits may be returned as unauthorized for 60 days.
	Consumer bool
	// Amount, when set, is checked against limits (Same Day ACH's).
	Amount decimal.Decimal
	// UnsettledFunds is true for a trade buy paid for with money that has
	// not settled yet (proceeds of a sale still settling, an instant
	// deposit): selling what it bought too early is a good-faith violation.
	UnsettledFunds bool
	// AsOf is "today", for saying which steps are past.
	AsOf time.Time
	// EffectiveDate is the ACH Effective Entry Date the Originator asked
	// for; zero means today for Same Day ACH, else the next banking day. A
	// past, today's, weekend or holiday date settles at the earliest
	// opportunity.
	EffectiveDate payment.Date
	// Network is the card network (visa, mastercard, amex, discover): hold
	// lengths and chargeback response windows depend on it.
	Network string
	// MerchantInitiated marks a card authorization the merchant started
	// (a Visa merchant-initiated hold lasts 5 days, not 7).
	MerchantInitiated bool
}

// Step is one dated moment of a timeline.
type Step struct {
	// Key names the step for machines: submitted, settles, available,
	// return_window_closes …
	Key string
	// At is the instant in US Eastern time; when only the day is known,
	// DayOnly is true and At is midnight of that day.
	At      time.Time
	DayOnly bool
	// Sentence says the step in plain words, with its date.
	Sentence string
	// Rule names where the timing comes from (a Nacha rule, the Fed's
	// schedule, the company's own policy set in the rules file).
	Rule string
}

// Day is the step's civil date.
func (s Step) Day() payment.Date { return DateOf(s.At) }

// Timeline is the answer to a Request: its steps in time order and notes
// that apply to all of them.
type Timeline struct {
	Request Request
	Steps   []Step
	Notes   []string
}

// When works out the timeline of req under the rules, on the calendar.
func (r *Rules) When(req Request, cal *Calendar) (Timeline, error) {
	if req.At.IsZero() {
		return Timeline{}, fmt.Errorf("no starting time given")
	}
	req.At = req.At.In(Eastern)
	switch req.Rail {
	case RailACH:
		return r.achTimeline(req, cal)
	case RailWire:
		return r.wireTimeline(req, cal)
	case RailCard:
		return r.cardTimeline(req, cal)
	case RailTrade:
		return r.tradeTimeline(req, cal)
	}
	return Timeline{}, fmt.Errorf("rail %q: want one of ach, wire, card, trade", req.Rail)
}
