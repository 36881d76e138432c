package settlement

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// ACH timing. Sources (the project's ach-rules-and-timing reference):
//
//   - FedACH windows, §5.1: Same Day ACH window 1 deadline 10:30 a.m. ET,
//     settlement 1:00 p.m., credits available by 1:30 p.m.; window 2
//     2:45 p.m. / 5:00 p.m. / 5:00 p.m.; window 3 (since 2021-03-19)
//     4:45 p.m. / 6:00 p.m. / end of the receiving bank's processing day;
//     next-day: last deadline 2:15 a.m., settlement 8:30 a.m. on the
//     Settlement Date, credits available by 9:00 a.m. (FedACH processing
//     schedule, frbservices.org; Nacha funds availability rules). Times are
//     the Fed's; a bank's own cut-offs are earlier, so each window carries
//     a BankCutoff a rules file can set.
//   - Same Day ACH eligibility, §5.2: $1,000,000 per entry since
//     2022-03-18; IAT and ENR entries are never same-day.
//   - Effective Entry Date vs Settlement Date, §5.3: a past, today's or
//     invalid Effective Entry Date settles at the earliest opportunity
//     (same day when received in a Same Day window and eligible), a weekend
//     or holiday one on the next banking day.
//   - Return time frames, §0: a 2-banking-day return must be available to
//     the ODFI by opening of business on the 2nd banking day after the
//     Settlement Date; a 60-day (unauthorized) return by opening of
//     business on the banking day after the 60th calendar day after it.
//     The deadlines below are the last Settlement Dates of a timely return.
//   - Reversals, §4: within 5 banking days after the Settlement Date of the
//     erroneous entry.
//   - Funds availability, §5.1: from 2026-09-18 every non-same-day credit
//     is available by 9:00 a.m. on the Settlement Date; before, only when
//     the receiving bank had it by 5:00 p.m. the day before, otherwise by
//     the end of the Settlement Date.

// Nacha time frames counted from an entry's Settlement Date.
const (
	// ACHReturnBankingDays is the ordinary return time frame (R01, R02,
	// R03 …): 2 banking days.
	ACHReturnBankingDays = 2
	// ACHUnauthorizedReturnDays is the time frame for returns of consumer
	// debits as unauthorized (R05, R07, R10, R11 …): 60 calendar days.
	ACHUnauthorizedReturnDays = 60
	// ACHReversalBankingDays is how long an Originator has to reverse an
	// erroneous entry: 5 banking days.
	ACHReversalBankingDays = 5
	// ACHDishonorBankingDays is how long after a return's Settlement Date
	// the ODFI may dishonor it: 5 banking days.
	ACHDishonorBankingDays = 5
	// ACHContestBankingDays is how long after a dishonored return's
	// Settlement Date the RDFI may contest it: 2 banking days.
	ACHContestBankingDays = 2
	// ACHNOCBankingDays is how long after the entry's Settlement Date the
	// RDFI sends a Notification of Change: 2 banking days.
	ACHNOCBankingDays = 2
	// ACHCorrectionBankingDays is how long an Originator has to apply a
	// NOC (or before the next entry, whichever is later): 6 banking days.
	ACHCorrectionBankingDays = 6
)

// ACHDeadline is the last day of a time frame of n banking days counted
// from settled (a return's, a dishonor's, a NOC's Settlement Date): use it
// with the ACH*BankingDays constants.
func ACHDeadline(settled payment.Date, n int, cal *Calendar) payment.Date {
	return cal.AddBankingDays(settled, n)
}

// Rule sources named on ACH steps.
const (
	srcFedACH            = "FedACH schedule (frbservices.org)"
	srcNachaSameDay      = "Nacha Operating Rules, Same Day ACH (limit and eligibility)"
	srcNachaEED          = "Nacha Operating Rules, Effective Entry Date (earliest opportunity)"
	srcNachaAvailability = "Nacha Operating Rules, funds availability" // VERIFY: the subsection number
	srcNachaReturns      = "Nacha Operating Rules, return time frames" // VERIFY: the subsection number
)

// achNineAMForAll is the day from which every non-same-day ACH credit is
// available by 9:00 a.m. on its Settlement Date (Nacha, 2026-09-18).
var achNineAMForAll = payment.NewDate(2026, time.September, 18)

// ACHReturnDeadline is the last Settlement Date of a timely return with the
// 2-banking-day time frame, for an entry settled on settled.
func ACHReturnDeadline(settled payment.Date, cal *Calendar) payment.Date {
	return cal.AddBankingDays(settled, ACHReturnBankingDays)
}

// ACHUnauthorizedReturnDeadline is the last Settlement Date of a timely
// 60-day return (unauthorized consumer debits) for an entry settled on
// settled: the banking day after the 60th calendar day.
func ACHUnauthorizedReturnDeadline(settled payment.Date, cal *Calendar) payment.Date {
	return cal.AddBankingDays(settled.AddDays(ACHUnauthorizedReturnDays), 1)
}

// ACHReversalDeadline is the last day a reversal of an erroneous entry
// settled on settled may reach the receiving bank.
func ACHReversalDeadline(settled payment.Date, cal *Calendar) payment.Date {
	return cal.AddBankingDays(settled, ACHReversalBankingDays)
}

// ACHWindow is one FedACH processing window: entries the Fed has by
// Deadline settle at Settles the same day and credits are available to the
// receiver at Available (or by the end of the day).
type ACHWindow struct {
	// Name is how people call it: "Same Day ACH window 3", "next-day".
	Name string `yaml:"name" toml:"name"`
	// SameDay is true for the Same Day ACH windows.
	SameDay bool `yaml:"same_day" toml:"same_day"`
	// Deadline is the Fed's deadline for the window (US Eastern).
	Deadline Clock `yaml:"deadline" toml:"deadline"`
	// BankCutoff is the company's bank's own cut-off for the window; it is
	// usually earlier than the Fed's. 00:00 (unset) means the Fed's.
	BankCutoff Clock `yaml:"bank_cutoff" toml:"bank_cutoff"`
	// Settles is when the window's entries settle at the Fed.
	Settles Clock `yaml:"settles" toml:"settles"`
	// Available is when the receiving bank must make credits available.
	Available Clock `yaml:"available" toml:"available"`
	// AvailableEndOfDay says credits are due by the end of the receiving
	// bank's processing day instead of at Available.
	AvailableEndOfDay bool `yaml:"available_end_of_day" toml:"available_end_of_day"`
}

// Cutoff is the time entries must reach the company's bank by: its own
// cut-off when one is set, else the Fed's deadline.
func (w ACHWindow) Cutoff() Clock {
	if w.BankCutoff == (Clock{}) {
		return w.Deadline
	}
	return w.BankCutoff
}

// ACHRules are the FedACH windows, the company's bank's cut-offs and the
// Same Day ACH limit.
type ACHRules struct {
	// NextDay is the next-day window; its deadline falls in the early
	// morning of the Settlement Date.
	NextDay ACHWindow `yaml:"next_day" toml:"next_day"`
	// SameDay1, SameDay2 and SameDay3 are the Same Day ACH windows. A
	// window with no deadline (00:00) is not used.
	SameDay1 ACHWindow `yaml:"same_day_1" toml:"same_day_1"`
	SameDay2 ACHWindow `yaml:"same_day_2" toml:"same_day_2"`
	SameDay3 ACHWindow `yaml:"same_day_3" toml:"same_day_3"`
	// SameDayLimit is the largest entry Same Day ACH takes, in dollars.
	SameDayLimit decimal.Decimal `yaml:"same_day_limit" toml:"same_day_limit"`
}

func defaultACHRules() ACHRules {
	return ACHRules{
		NextDay:      ACHWindow{Name: "next-day", Deadline: Clock{2, 15}, Settles: Clock{8, 30}, Available: Clock{9, 0}},
		SameDay1:     ACHWindow{Name: "Same Day ACH window 1", SameDay: true, Deadline: Clock{10, 30}, Settles: Clock{13, 0}, Available: Clock{13, 30}},
		SameDay2:     ACHWindow{Name: "Same Day ACH window 2", SameDay: true, Deadline: Clock{14, 45}, Settles: Clock{17, 0}, Available: Clock{17, 0}},
		SameDay3:     ACHWindow{Name: "Same Day ACH window 3", SameDay: true, Deadline: Clock{16, 45}, Settles: Clock{18, 0}, AvailableEndOfDay: true},
		SameDayLimit: decimal.NewFromInt(1_000_000),
	}
}

// sameDayWindows returns the Same Day ACH windows in use, earliest first.
func (r *ACHRules) sameDayWindows() []ACHWindow {
	ws := make([]ACHWindow, 0, 3)
	for _, w := range [...]ACHWindow{r.SameDay1, r.SameDay2, r.SameDay3} {
		if w.Deadline != (Clock{}) {
			w.SameDay = true
			ws = append(ws, w)
		}
	}
	return ws
}

// achSECCodes are the Standard Entry Class codes Request.Kind may name for
// ACH; the value says whether the entry is to a consumer account.
var achSECCodes = map[string]bool{
	"ppd": true, "web": true, "tel": true, "ccd": false, "ctx": false, "iat": false,
	"arc": true, "boc": true, "pop": true, "rck": true, "xck": false, "cie": true,
	"enr": false, "mte": true, "pos": true, "shr": true,
}

// achDue is the window an entry goes in and the day it settles.
type achDue struct {
	day    payment.Date
	window ACHWindow
}

func (d achDue) at(c Clock) time.Time { return c.At(d.day.Time(Eastern)) }

func (r *Rules) achTimeline(req Request, cal *Calendar) (Timeline, error) {
	tl := Timeline{Request: req}
	t := req.At
	sec := strings.ToLower(strings.TrimSpace(req.Kind))
	consumer := req.Consumer
	if sec != "" {
		c, ok := achSECCodes[sec]
		if !ok {
			return tl, fmt.Errorf("ach: %q is not an SEC code payinv knows (want ppd, ccd, ctx, web, tel, iat …)", req.Kind)
		}
		consumer = consumer || c
	}
	noSameDay := sec == "iat" || sec == "enr"
	if req.SameDay && noSameDay {
		return tl, fmt.Errorf("ach: %s entries cannot go by Same Day ACH", strings.ToUpper(sec))
	}
	if req.Amount.IsNegative() {
		return tl, fmt.Errorf("ach: the amount %s is negative", req.Amount)
	}
	day := DateOf(t)
	eed := req.EffectiveDate
	if req.SameDay && eed.After(day) {
		return tl, fmt.Errorf("ach: Same Day ACH asked, but the effective date %s is after the day it is sent, %s", eed, day)
	}
	if eed.IsZero() {
		if req.SameDay {
			eed = day
		} else {
			eed = cal.AddBankingDays(day, 1)
		}
	} else {
		tl.Notes = append(tl.Notes, achEEDNote(eed, day, cal)...)
	}
	overLimit := !req.Amount.IsZero() && req.Amount.GreaterThan(r.ACH.SameDayLimit)
	sameDayOK := !noSameDay && !overLimit

	due, ok := r.ACH.firstWindow(t, eed, sameDayOK, cal)
	if !ok {
		return tl, fmt.Errorf("ach: no FedACH window found after %s", t.Format(time.RFC3339))
	}
	rules := &r.ACH

	tl.Steps = append(tl.Steps, Step{Key: "submitted", At: t,
		Sentence: fmt.Sprintf("The ACH file was sent to the bank at %s.", spokenTime(t)), Rule: srcFedACH})
	// Due the same day (asked, or an effective date of today or earlier)
	// but going next-day: say why.
	if !due.window.SameDay && due.day != day && !eed.After(day) && (req.SameDay || !req.EffectiveDate.IsZero()) {
		tl.Steps = append(tl.Steps, Step{Key: "same_day_missed", At: t,
			Sentence: rules.sameDayMissed(t, req, noSameDay, overLimit, cal), Rule: srcNachaSameDay})
	}
	cutoff := due.at(due.window.Cutoff())
	cutWords := "the Fed's deadline"
	if due.window.BankCutoff != (Clock{}) && due.window.BankCutoff != due.window.Deadline {
		cutWords = "the bank's cut-off"
	}
	tl.Steps = append(tl.Steps, Step{Key: "cutoff", At: cutoff,
		Sentence: fmt.Sprintf("It goes in the %s window, whose cut-off (%s) is %s.", due.window.Name, cutWords, spokenTime(cutoff)),
		Rule:     srcFedACH})
	settles := due.at(due.window.Settles)
	tl.Steps = append(tl.Steps, Step{Key: "settles", At: settles,
		Sentence: fmt.Sprintf("It settles at the Federal Reserve at %s.", spokenTime(settles)), Rule: srcFedACH})

	switch req.Direction {
	case payment.Debit: // an ACH credit entry: money paid out to the customer
		tl.Steps = append(tl.Steps, rules.availableStep(due, t, cal))
	case payment.Credit: // an ACH debit entry: money pulled from the customer
		tl.Steps = append(tl.Steps, Step{Key: "debited", At: settles,
			Sentence: fmt.Sprintf("The money leaves the customer's account and reaches ours at settlement, %s.", spokenTime(settles)),
			Rule:     srcFedACH})
	default:
		tl.Notes = append(tl.Notes, "The direction was not given, so when the money is available is not worked out.")
	}

	ret := ACHReturnDeadline(due.day, cal)
	tl.Steps = append(tl.Steps, Step{Key: "returnable_until", At: ret.Time(Eastern), DayOnly: true,
		Sentence: fmt.Sprintf("The customer's bank can send it back for ordinary reasons, such as a closed account or not enough money, until %s; after that it is safe from ordinary returns.", spokenDate(ret)),
		Rule:     srcNachaReturns})
	if req.Direction == payment.Credit && consumer {
		un := ACHUnauthorizedReturnDeadline(due.day, cal)
		tl.Steps = append(tl.Steps, Step{Key: "unauthorized_returnable_until", At: un.Time(Eastern), DayOnly: true,
			Sentence: fmt.Sprintf("The customer can have it sent back as unauthorized until %s; after that it is safe from unauthorized returns.", spokenDate(un)),
			Rule:     srcNachaReturns})
		tl.Notes = append(tl.Notes, "After the 60-day window a consumer can still dispute the debit with their own bank, but not through an ACH return.")
	}
	tl.Notes = append(tl.Notes, "A bank's own cut-off is usually earlier than the Fed's deadline; set the bank's cut-offs in the rules file.")
	return tl, nil
}

// firstWindow finds the earliest window an entry sent at t with effective
// date eed makes: on a banking day not before eed, with a cut-off not
// before t, same-day windows only when sameDayOK.
func (r *ACHRules) firstWindow(t time.Time, eed payment.Date, sameDayOK bool, cal *Calendar) (achDue, bool) {
	day := DateOf(t)
	for range 60 {
		if cal.IsBankingDay(day) && !day.Before(eed) {
			d := achDue{day: day, window: r.NextDay}
			if !t.After(d.at(r.NextDay.Cutoff())) {
				return d, true
			}
			if sameDayOK {
				for _, w := range r.sameDayWindows() {
					d := achDue{day: day, window: w}
					if !t.After(d.at(w.Cutoff())) {
						return d, true
					}
				}
			}
		}
		day = day.AddDays(1)
	}
	return achDue{}, false
}

// sameDayMissed says why an entry due the same day goes next-day.
func (r *ACHRules) sameDayMissed(t time.Time, req Request, noSameDay, overLimit bool, cal *Calendar) string {
	day := DateOf(t)
	switch {
	case noSameDay:
		return fmt.Sprintf("%s entries never go by Same Day ACH, so it goes in the next-day window.", strings.ToUpper(req.Kind))
	case overLimit:
		return fmt.Sprintf("At %s it is over the Same Day ACH limit of %s per entry, so it goes in the next-day window.", spokenDollars(req.Amount), spokenDollars(r.SameDayLimit))
	case !cal.IsBankingDay(day):
		return fmt.Sprintf("%s is not a banking day, so no Same Day ACH window is open; it goes in the next banking day's first window.", spokenDate(day))
	case len(r.sameDayWindows()) > 0:
		ws := r.sameDayWindows()
		last := ws[len(ws)-1].Cutoff()
		return fmt.Sprintf("It came after the last Same Day ACH cut-off of the day, %s, so it goes in the next-day window.", spokenTime(last.At(t)))
	}
	return "Same Day ACH windows are not set in the rules, so it goes in the next-day window."
}

// availableStep says when a credit reaches the customer's account.
func (r *ACHRules) availableStep(due achDue, sent time.Time, cal *Calendar) Step {
	w := due.window
	endOfDay := w.AvailableEndOfDay
	if !w.SameDay && due.day.Before(achNineAMForAll) {
		// Before 2026-09-18: 9:00 a.m. only when the receiving bank had it
		// by 5:00 p.m. the day before (taken as the file reaching the Fed).
		prev := cal.AddBankingDays(due.day, -1)
		if sent.After(Clock{17, 0}.At(prev.Time(Eastern))) {
			endOfDay = true
		}
	}
	if endOfDay {
		return Step{Key: "available", At: due.day.Time(Eastern), DayOnly: true,
			Sentence: fmt.Sprintf("The customer's bank must make the money available by the end of its processing day on %s.", spokenDate(due.day)),
			Rule:     srcNachaAvailability}
	}
	at := due.at(w.Available)
	return Step{Key: "available", At: at,
		Sentence: fmt.Sprintf("The customer's bank must make the money available by %s (the bank's local time).", spokenTime(at)),
		Rule:     srcNachaAvailability}
}

// achEEDNote explains an effective date that is not a future banking day.
func achEEDNote(eed, day payment.Date, cal *Calendar) []string {
	var notes []string
	if !cal.IsBankingDay(eed) {
		why := eed.Weekday().String()
		if h, ok := cal.Holiday(eed); ok {
			why = h
		}
		notes = append(notes, fmt.Sprintf("The effective date asked for, %s, is not a banking day (%s): the entry settles on the next banking day at the earliest.", spokenDate(eed), why))
	}
	if eed.Before(day) {
		notes = append(notes, fmt.Sprintf("The effective date asked for, %s, had already passed: the Fed settles a stale date at the earliest opportunity (%s).", spokenDate(eed), srcNachaEED))
	}
	return notes
}
