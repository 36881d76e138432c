package rates

import (
	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// DefaultDays is the length of the window Nacha measures return rates
// over: the preceding 60 days.
const DefaultDays = 60

// Names of the rates, in the order a Report lists them. They are part of
// the JSON and CSV contract. The chargeback rate of each card network
// follows CardChargeback, named CardChargebackPrefix + network
// ("card_chargeback_visa").
const (
	ACHUnauthorized      = "ach_unauthorized"
	ACHAdministrative    = "ach_administrative"
	ACHOverall           = "ach_overall"
	CardDecline          = "card_decline"
	CardChargeback       = "card_chargeback"
	CardChargebackPrefix = "card_chargeback_"
)

// Status says where a rate stands against its threshold.
type Status string

// Statuses.
const (
	// OK: below NearFraction of the threshold.
	OK Status = "ok"
	// Near: at or above NearFraction of the threshold, below it.
	Near Status = "near"
	// Crossed: at or above the threshold (above it, for a threshold
	// crossed only when exceeded), with at least its minimum count.
	Crossed Status = "crossed"
	// BelowMinimum: over the threshold's percentage, but with fewer
	// events than the minimum count the program applies it from.
	BelowMinimum Status = "below_minimum"
	// NoData: the window holds nothing to divide by.
	NoData Status = "no_data"
	// Unwatched: no threshold applies to the rate.
	Unwatched Status = "none"
)

// NearFraction is the share of a threshold from which a rate is Near.
var NearFraction = decimal.New(8, -1)

// Threshold is the line a rate is watched against.
type Threshold struct {
	// Percent is the threshold as a percentage: 0.5 for 0.5 %.
	Percent decimal.Decimal
	// Source names who sets it.
	Source string
	// Enforced thresholds are rules (Nacha's): crossing one is an alert
	// (payinv rates exits 1). Advisory ones are monitoring lines; crossing
	// them only warns.
	Enforced bool
	// Exceed is true for a line crossed only above it ("in excess of"),
	// not at it.
	Exceed bool
	// MinCount is the number of events of the numerator from which the
	// line applies (0: any).
	MinCount int
}

// The thresholds. Nacha's are from the reference (§1.1) and Nacha's own
// "How to calculate" infographic (returns over debit entries of the
// preceding 60 days or two calendar months); they are inquiry triggers
// measured per Originator on debits, and crossing them is reportable, so
// they are enforced.
var (
	unauthorizedThreshold   = &Threshold{Percent: decimal.New(5, -1), Source: "Nacha", Enforced: true}
	administrativeThreshold = &Threshold{Percent: decimal.New(3, 0), Source: "Nacha", Enforced: true}
	overallThreshold        = &Threshold{Percent: decimal.New(15, 0), Source: "Nacha", Enforced: true}
	// chargebackThreshold is a rule of thumb for all brands together
	// (about 1 % of transactions); no network measures all brands
	// together, so the line is advisory: it warns and never changes the
	// exit status. The networks' own lines are on the rates by network.
	chargebackThreshold = &Threshold{Percent: decimal.New(1, 0), Source: "card networks", Enforced: false}
)

// Code is one code behind a rate's numerator.
type Code struct {
	Scheme  string // nacha_return, visa, mastercard, stripe_decline, iso8583 ...
	Code    string // "" when the event carried none
	Title   string
	Count   int
	Amounts []payment.Money // per currency, in currency order
}

// Sides of a rate a Part belongs to.
const (
	Numerator   = "numerator"
	Denominator = "denominator"
)

// Part is a group of entries or events to reconcile a rate with the
// bank's or the processor's own figures: either a named share of what the
// rate counts (the reversals among the debit entries), or what was read
// in the window and left out, with the reason.
type Part struct {
	// Key names the part; keys are part of the JSON and CSV contract.
	Key string
	// Side is Numerator or Denominator.
	Side string
	// Counted is true for a share of what the rate counts, false for what
	// it leaves out.
	Counted bool
	// Title says what the part is and why it is counted or not.
	Title   string
	Count   int
	Amounts []payment.Money // per currency, in currency order
}

// Rate is one rate of a report.
type Rate struct {
	Name  string
	Rail  payment.Rail
	Title string
	// Network is the card network of a rate by network; "" otherwise.
	Network string
	// Numerator and Denominator are counts of entries, payments or events.
	Numerator, Denominator int
	// NumeratorAmounts and DenominatorAmounts are their sums, per
	// currency, in currency order.
	NumeratorAmounts, DenominatorAmounts []payment.Money
	// DenominatorWindow is the period the denominator was counted over:
	// the report's window, except for a rate whose program divides by
	// another period (Mastercard: the month before).
	DenominatorWindow Window
	// Threshold is nil for a rate nobody sets a line for (or whose line
	// payinv could not confirm, or cannot measure from its inputs).
	Threshold *Threshold
	Status    Status
	// Codes are the codes behind the numerator, most frequent first.
	Codes []Code
	// Parts are the shares and the exclusions worth naming, in a fixed
	// order; parts of no event are left out.
	Parts []Part
}

// Percent is the rate as a percentage rounded half up to two decimals;
// ok is false when there is nothing to divide by.
func (r *Rate) Percent() (p decimal.Decimal, ok bool) {
	if r.Denominator == 0 {
		return decimal.Decimal{}, false
	}
	return decimal.NewFromInt(int64(r.Numerator)*100).DivRound(decimal.NewFromInt(int64(r.Denominator)), 2), true
}

// status compares the exact rate (not the rounded one) with the
// threshold: crossed at or above it (above it for an Exceed line), near
// at or above NearFraction of it; over it with fewer events than its
// MinCount is BelowMinimum.
func (r *Rate) status() Status {
	if r.Denominator == 0 {
		return NoData
	}
	th := r.Threshold
	if th == nil {
		return Unwatched
	}
	scaled := decimal.NewFromInt(int64(r.Numerator) * 100)
	line := th.Percent.Mul(decimal.NewFromInt(int64(r.Denominator)))
	over := scaled.GreaterThanOrEqual(line)
	if th.Exceed {
		over = scaled.GreaterThan(line)
	}
	switch {
	case over && r.Numerator < th.MinCount:
		return BelowMinimum
	case over:
		return Crossed
	case scaled.GreaterThanOrEqual(line.Mul(NearFraction)):
		return Near
	}
	return OK
}

// Report is the rates of a window.
type Report struct {
	AsOf   payment.Date
	Window Window
	Rates  []*Rate
}

// Alerts returns the rates at or above an enforced threshold.
func (r *Report) Alerts() []*Rate {
	var out []*Rate
	for _, x := range r.Rates {
		if x.Status == Crossed && x.Threshold != nil && x.Threshold.Enforced {
			out = append(out, x)
		}
	}
	return out
}

// Rate returns the rate of that name, or nil.
func (r *Report) Rate(name string) *Rate {
	for _, x := range r.Rates {
		if x.Name == name {
			return x
		}
	}
	return nil
}

// Counter counts events into the rates of one window. It keeps what it
// needs of each event, never the event, so readers may reuse theirs.
type Counter struct {
	asOf   payment.Date
	window Window
	// lag is the window one month earlier: Mastercard's denominator.
	lag  Window
	seen map[string]bool

	ach  achCounts
	card cardCounts
}

// NewCounter returns a Counter for the window; the report's as-of date is
// the window's last day.
func NewCounter(w Window) *Counter {
	return NewCounterAsOf(w, w.To)
}

// NewCounterAsOf returns a Counter for the window whose report is as of
// asOf (a window of months ends before its as-of date).
func NewCounterAsOf(w Window, asOf payment.Date) *Counter {
	c := &Counter{asOf: asOf, window: w, lag: w.PrecedingMonth(), seen: map[string]bool{}}
	c.ach.init()
	c.card.init()
	return c
}

// Add counts ev if it is in the window and one of the events the rates
// are made of; anything else is ignored.
func (c *Counter) Add(ev *payment.Event) {
	switch ev.Rail {
	case payment.RailACH:
		c.addACH(ev)
	case payment.RailCard:
		c.addCard(ev)
	}
}

func (c *Counter) once(key string) bool {
	if c.seen[key] {
		return false
	}
	c.seen[key] = true
	return true
}

// Report returns the rates counted so far. It may be called more than
// once; counting may go on in between.
func (c *Counter) Report() *Report {
	rep := &Report{AsOf: c.asOf, Window: c.window}
	rep.Rates = append(rep.Rates, c.achRates()...)
	rep.Rates = append(rep.Rates, c.cardRates()...)
	return rep
}

// newRate assembles a rate from its numerator and denominator.
func (c *Counter) newRate(name string, rail payment.Rail, title string, num, den *tally, th *Threshold, parts *partSet) *Rate {
	r := &Rate{
		Name: name, Rail: rail, Title: title,
		Numerator: num.count, Denominator: den.count,
		NumeratorAmounts: moneyList(num.amounts), DenominatorAmounts: moneyList(den.amounts),
		DenominatorWindow: c.window,
		Threshold:         th,
		Codes:             num.codeList(),
	}
	if parts != nil {
		r.Parts = parts.list()
	}
	r.Status = r.status()
	return r
}
