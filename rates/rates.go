package rates

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/cards"
	"github.com/payinv/payinv/payment"
)

// DefaultDays is the length of the window Nacha measures return rates
// over: the preceding 60 days.
const DefaultDays = 60

// Names of the rates, in the order a Report lists them. They are part of
// the JSON and CSV contract.
const (
	ACHUnauthorized   = "ach_unauthorized"
	ACHAdministrative = "ach_administrative"
	ACHOverall        = "ach_overall"
	CardDecline       = "card_decline"
	CardChargeback    = "card_chargeback"
)

// Status says where a rate stands against its threshold.
type Status string

// Statuses.
const (
	// OK: below NearFraction of the threshold.
	OK Status = "ok"
	// Near: at or above NearFraction of the threshold, below it.
	Near Status = "near"
	// Crossed: at or above the threshold.
	Crossed Status = "crossed"
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
	// (payinv rates exits 1). Advisory ones are monitoring lines whose
	// exact level is not documented here; crossing them only warns.
	Enforced bool
}

// The thresholds. Nacha's are from the reference (§1.1); they are inquiry
// triggers measured per Originator on debits, and crossing them is
// reportable, so they are enforced.
var (
	unauthorizedThreshold   = &Threshold{Percent: decimal.New(5, -1), Source: "Nacha", Enforced: true}
	administrativeThreshold = &Threshold{Percent: decimal.New(3, 0), Source: "Nacha", Enforced: true}
	overallThreshold        = &Threshold{Percent: decimal.New(15, 0), Source: "Nacha", Enforced: true}
	// chargebackThreshold is the common monitoring line of the card
	// networks, about 1 % of transactions. VERIFY: Mastercard's Excessive
	// Chargeback Program watches 1.0 % (Chargeback-Monitored Merchant) and
	// 1.5 % (Excessive Chargeback Merchant) with at least 100 chargebacks
	// a month; Visa's VAMP (since 2025) counts fraud reports and disputes
	// together against its own ratios, which change by region and year.
	// None is in the project's references, so the line is advisory: it
	// warns and never changes the exit status.
	chargebackThreshold = &Threshold{Percent: decimal.New(1, 0), Source: "card networks", Enforced: false}
)

// Window is the days a report counts: From through To, both included.
type Window struct {
	From, To payment.Date
	Days     int
}

// NewWindow returns the window of days calendar days ending on asOf.
func NewWindow(asOf payment.Date, days int) Window {
	return Window{From: asOf.AddDays(1 - days), To: asOf, Days: days}
}

// Contains reports whether d is in the window; the zero Date never is.
func (w Window) Contains(d payment.Date) bool {
	return !d.IsZero() && !d.Before(w.From) && !d.After(w.To)
}

// ParseDays reads a window length: "60d", "60" (days), from 1 to 3660.
func ParseDays(s string) (int, error) {
	t := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "d")
	n, err := strconv.Atoi(t)
	if err != nil || n < 1 || n > 3660 || strings.HasPrefix(t, "+") {
		return 0, fmt.Errorf("invalid window %q: want a number of days such as 60d", s)
	}
	return n, nil
}

// Code is one code behind a rate's numerator.
type Code struct {
	Scheme  string // nacha_return, visa, mastercard, stripe_decline, iso8583 ...
	Code    string // "" when the event carried none
	Title   string
	Count   int
	Amounts []payment.Money // per currency, in currency order
}

// Rate is one rate of a report.
type Rate struct {
	Name  string
	Rail  payment.Rail
	Title string
	// Numerator and Denominator are counts of entries, payments or events.
	Numerator, Denominator int
	// NumeratorAmounts and DenominatorAmounts are their sums, per
	// currency, in currency order.
	NumeratorAmounts, DenominatorAmounts []payment.Money
	// Threshold is nil for a rate nobody sets a line for.
	Threshold *Threshold
	Status    Status
	// Codes are the codes behind the numerator, most frequent first.
	Codes []Code
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
// threshold: crossed at or above it, near at or above NearFraction of it.
func (r *Rate) status() Status {
	if r.Denominator == 0 {
		return NoData
	}
	if r.Threshold == nil {
		return Unwatched
	}
	scaled := decimal.NewFromInt(int64(r.Numerator) * 100)
	line := r.Threshold.Percent.Mul(decimal.NewFromInt(int64(r.Denominator)))
	switch {
	case scaled.GreaterThanOrEqual(line):
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
	window Window
	seen   map[string]bool

	debits, debitsNoRCK                   tally
	unauthorized, administrative, overall tally
	cardAttempts, cardDeclines            tally
	captures, chargebacks                 tally
	approved                              map[string]bool
}

// NewCounter returns a Counter for the window.
func NewCounter(w Window) *Counter {
	return &Counter{window: w, seen: map[string]bool{}, approved: map[string]bool{}}
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

// achKey tells ACH entries apart by trace number (the source position when
// an entry has none).
func achKey(prefix string, ev *payment.Event) string {
	if ev.Refs.Trace == "" {
		return prefix + "@" + ev.Source.String()
	}
	return prefix + "|" + ev.Refs.Trace + "|" + ev.Refs.OriginalTrace
}

// achDay is the day an ACH entry counts on: its settlement date (as read,
// or estimated from the effective date), else its effective date.
func achDay(ev *payment.Event) payment.Date {
	if !ev.SettlementDate.IsZero() {
		return ev.SettlementDate
	}
	return ev.EffectiveDate
}

func (c *Counter) addACH(ev *payment.Event) {
	if ev.ACH == nil || !c.window.Contains(achDay(ev)) {
		return
	}
	tc, ok := ach.LookupTransactionCode(ev.ACH.TransactionCode)
	if !ok || !tc.Debit {
		return // credits (and their returns) are not measured
	}
	rck := strings.EqualFold(ev.ACH.SECCode, "RCK")
	switch ev.Kind {
	case payment.KindPayment:
		// Live debits only: prenotes and zero-dollar entries move no
		// money; reversals are corrections, not entries originated under
		// an authorization.
		if tc.Purpose != "live" || !c.once(achKey("debit", ev)) {
			return
		}
		c.debits.add(ev, nil)
		if !rck {
			c.debitsNoRCK.add(ev, nil)
		}
	case payment.KindReturn:
		// A return's transaction code (26, 36 …) says the original was a
		// debit. Dishonored and contested returns are other kinds: the
		// return they answer was counted when it came.
		if !c.once(achKey("return", ev)) {
			return
		}
		code := Code{Scheme: "nacha_return"}
		if ev.Reason != nil {
			code.Code, code.Title = strings.ToUpper(strings.TrimSpace(ev.Reason.Code)), ev.Reason.Title
		}
		rc, known := ach.LookupReturnCode(code.Code)
		if known && code.Title == "" {
			code.Title = rc.Title
		}
		switch {
		case known && rc.Category == ach.Unauthorized:
			c.unauthorized.add(ev, &code)
		case known && rc.Category == ach.Administrative:
			c.administrative.add(ev, &code)
		}
		if !rck {
			c.overall.add(ev, &code)
		}
	}
}

// cardDay is the day a card event counts on: the processor's date of the
// event (its effective date), else its settlement (payout) date, so that a
// payment two exports list lands on the same day in both.
func cardDay(ev *payment.Event) payment.Date {
	if !ev.EffectiveDate.IsZero() {
		return ev.EffectiveDate
	}
	return ev.SettlementDate
}

// cardKey tells card payments apart by processor and payment id (the ARN,
// or the source position, when there is none).
func cardKey(prefix string, ev *payment.Event) string {
	processor := ""
	if ev.Card != nil {
		processor = ev.Card.Processor
	}
	switch {
	case ev.Refs.PSPID != "":
		return prefix + "|" + processor + "|" + ev.Refs.PSPID
	case ev.Refs.ARN != "":
		return prefix + "|arn|" + ev.Refs.ARN
	}
	return prefix + "@" + ev.Source.String()
}

func (c *Counter) addCard(ev *payment.Event) {
	if !c.window.Contains(cardDay(ev)) {
		return
	}
	switch ev.Kind {
	case payment.KindAuthorization, payment.KindCapture:
		// An approved attempt counts once, whether the exports show its
		// authorization, its capture or both.
		if key := cardKey("approved", ev); !c.approved[key] {
			c.approved[key] = true
			c.cardAttempts.add(ev, nil)
		}
		if ev.Kind == payment.KindCapture && c.once(cardKey("capture", ev)) {
			c.captures.add(ev, nil)
		}
	case payment.KindDecline:
		if !c.once(cardKey("decline", ev)) {
			return
		}
		code := declineCode(ev)
		c.cardDeclines.add(ev, &code)
		c.cardAttempts.add(ev, nil)
	case payment.KindChargeback:
		// The first chargeback of a payment; its reversal or a second
		// chargeback does not undo or repeat it (the networks count
		// disputes as they are filed).
		if !c.once(cardKey("chargeback", ev)) {
			return
		}
		code := disputeCode(ev)
		c.chargebacks.add(ev, &code)
	}
}

func declineCode(ev *payment.Event) Code {
	var code Code
	if r := ev.Reason; r != nil && r.Code != "" {
		code = Code{Scheme: r.Scheme, Code: r.Code, Title: r.Title}
	} else if d := ev.Card; d != nil {
		code = Code{Scheme: d.ResponseScheme, Code: d.ResponseCode}
	}
	if code.Title == "" && code.Code != "" {
		if found := cards.LookupResponse(code.Code, code.Scheme); len(found) > 0 {
			code.Title = found[0].Title
		}
	}
	return code
}

func disputeCode(ev *payment.Event) Code {
	var code Code
	if d := ev.Card; d != nil && d.DisputeReason != "" {
		code = Code{Scheme: d.DisputeNetwork, Code: d.DisputeReason}
	} else if r := ev.Reason; r != nil {
		code = Code{Scheme: r.Scheme, Code: r.Code, Title: r.Title}
	}
	if r := ev.Reason; r != nil && r.Code == code.Code && r.Title != "" {
		code.Title = r.Title
	}
	if code.Title == "" && code.Code != "" {
		if found := cards.LookupDispute(code.Code, code.Scheme); len(found) > 0 {
			code.Title = found[0].Title
		}
	}
	return code
}

// Report returns the rates counted so far.
func (c *Counter) Report() *Report {
	rate := func(name string, rail payment.Rail, title string, num, den *tally, th *Threshold) *Rate {
		r := &Rate{
			Name: name, Rail: rail, Title: title,
			Numerator: num.count, Denominator: den.count,
			NumeratorAmounts: moneyList(num.amounts), DenominatorAmounts: moneyList(den.amounts),
			Threshold: th,
			Codes:     num.codeList(),
		}
		r.Status = r.status()
		return r
	}
	return &Report{
		AsOf:   c.window.To,
		Window: c.window,
		Rates: []*Rate{
			rate(ACHUnauthorized, payment.RailACH, "ACH unauthorized return rate", &c.unauthorized, &c.debits, unauthorizedThreshold),
			rate(ACHAdministrative, payment.RailACH, "ACH administrative return rate", &c.administrative, &c.debits, administrativeThreshold),
			rate(ACHOverall, payment.RailACH, "ACH overall return rate", &c.overall, &c.debitsNoRCK, overallThreshold),
			rate(CardDecline, payment.RailCard, "Card decline rate", &c.cardDeclines, &c.cardAttempts, nil),
			rate(CardChargeback, payment.RailCard, "Card chargeback rate", &c.chargebacks, &c.captures, chargebackThreshold),
		},
	}
}

// tally is a count with its amounts and, for a numerator, its codes.
type tally struct {
	count   int
	amounts map[string]decimal.Decimal
	codes   map[[2]string]*codeTally
}

type codeTally struct {
	Code
	amounts map[string]decimal.Decimal
}

func (t *tally) add(ev *payment.Event, code *Code) {
	t.count++
	t.amounts = addMoney(t.amounts, ev)
	if code == nil {
		return
	}
	if t.codes == nil {
		t.codes = map[[2]string]*codeTally{}
	}
	key := [2]string{code.Scheme, code.Code}
	ct := t.codes[key]
	if ct == nil {
		ct = &codeTally{Code: *code}
		t.codes[key] = ct
	}
	ct.Count++
	ct.amounts = addMoney(ct.amounts, ev)
}

func addMoney(m map[string]decimal.Decimal, ev *payment.Event) map[string]decimal.Decimal {
	if m == nil {
		m = map[string]decimal.Decimal{}
	}
	m[ev.Currency] = m[ev.Currency].Add(ev.Amount)
	return m
}

func moneyList(m map[string]decimal.Decimal) []payment.Money {
	out := make([]payment.Money, 0, len(m))
	for cur, amt := range m {
		out = append(out, payment.Money{Amount: amt, Currency: cur})
	}
	slices.SortFunc(out, func(a, b payment.Money) int { return cmp.Compare(a.Currency, b.Currency) })
	return out
}

// codeList is the codes most frequent first, then by scheme and code.
func (t *tally) codeList() []Code {
	out := make([]Code, 0, len(t.codes))
	for _, ct := range t.codes {
		c := ct.Code
		c.Amounts = moneyList(ct.amounts)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Code) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Scheme, b.Scheme), cmp.Compare(a.Code, b.Code))
	})
	return out
}
