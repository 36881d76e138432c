package rates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/payinv/payinv/payment"
)

// MaxDays and MaxMonths bound the windows ParseWindow accepts.
const (
	MaxDays   = 3660
	MaxMonths = 120
)

// Window is the days a report counts: From through To, both included.
type Window struct {
	From, To payment.Date
	// Days is the number of calendar days from From to To, both included.
	Days int
	// Months is the number of whole calendar months of a window made by
	// NewMonthWindow; 0 for a window of days.
	Months int
}

// NewWindow returns the window of days calendar days ending on asOf.
func NewWindow(asOf payment.Date, days int) Window {
	return Window{From: asOf.AddDays(1 - days), To: asOf, Days: days}
}

// NewMonthWindow returns the months whole calendar months before the
// month of asOf: from the first day of the earliest through the last day
// of the month before asOf's. The month of asOf is never included, even on
// its last day (its returns are not all in yet). As of any day of November
// 2026, two months are 2026-09-01 to 2026-10-31; as of 2026-01-15 they are
// 2025-11-01 to 2025-12-31.
func NewMonthWindow(asOf payment.Date, months int) Window {
	from := payment.NewDate(asOf.Year, asOf.Month-time.Month(months), 1)
	to := payment.NewDate(asOf.Year, asOf.Month, 0) // day 0: the last day of the month before
	return Window{From: from, To: to, Days: from.DaysUntil(to) + 1, Months: months}
}

// Contains reports whether d is in the window; the zero Date never is.
func (w Window) Contains(d payment.Date) bool {
	return !d.IsZero() && !d.Before(w.From) && !d.After(w.To)
}

// PrecedingMonth returns the window moved back one calendar month: for a
// window of months, the same number of whole months one month earlier
// (2026-09-01..2026-10-31 gives 2026-08-01..2026-09-30); for a window of
// days, each end moved back a month, a day past the end of the shorter
// month becoming its last day (2026-03-31 gives 2026-02-28). It is the
// period Mastercard's chargeback-to-transaction ratio divides by.
func (w Window) PrecedingMonth() Window {
	if w.Months > 0 {
		return NewMonthWindow(payment.NewDate(w.To.Year, w.To.Month, 1), w.Months)
	}
	from, to := addMonths(w.From, -1), addMonths(w.To, -1)
	return Window{From: from, To: to, Days: from.DaysUntil(to) + 1}
}

// String writes the window for people: "60 days, 2026-09-27 to
// 2026-11-25" or "2 calendar months, 2026-09-01 to 2026-10-31 (61 days)".
func (w Window) String() string {
	if w.Months > 0 {
		unit := "calendar months"
		if w.Months == 1 {
			unit = "calendar month"
		}
		return fmt.Sprintf("%d %s, %s to %s (%d days)", w.Months, unit, w.From, w.To, w.Days)
	}
	unit := "days"
	if w.Days == 1 {
		unit = "day"
	}
	return fmt.Sprintf("%d %s, %s to %s", w.Days, unit, w.From, w.To)
}

// addMonths moves d by n calendar months, keeping its day unless the
// month is shorter (then its last day).
func addMonths(d payment.Date, n int) payment.Date {
	first := payment.NewDate(d.Year, d.Month+time.Month(n), 1)
	return payment.NewDate(first.Year, first.Month, min(d.Day, payment.DaysIn(first.Month, first.Year)))
}

// Spec is a window length as the user gives it: a number of days or of
// whole calendar months (one of the two is zero).
type Spec struct {
	Days, Months int
}

// Window returns the window of the spec as of asOf.
func (s Spec) Window(asOf payment.Date) Window {
	if s.Months > 0 {
		return NewMonthWindow(asOf, s.Months)
	}
	return NewWindow(asOf, s.Days)
}

// ParseWindow reads a window length: "60d" or "60" (days, 1 to MaxDays),
// or "2m" (whole calendar months before the as-of date's month, 1 to
// MaxMonths).
func ParseWindow(s string) (Spec, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if m, ok := strings.CutSuffix(t, "m"); ok {
		n, err := strconv.Atoi(m)
		if err != nil || n < 1 || n > MaxMonths || strings.HasPrefix(m, "+") {
			return Spec{}, fmt.Errorf("invalid window %q: want a number of days such as 60d or of calendar months such as 2m", s)
		}
		return Spec{Months: n}, nil
	}
	n, err := ParseDays(s)
	if err != nil {
		return Spec{}, fmt.Errorf("invalid window %q: want a number of days such as 60d or of calendar months such as 2m", s)
	}
	return Spec{Days: n}, nil
}

// ParseDays reads a window length in days: "60d", "60", from 1 to
// MaxDays. ParseWindow reads months too.
func ParseDays(s string) (int, error) {
	t := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "d")
	n, err := strconv.Atoi(t)
	if err != nil || n < 1 || n > MaxDays || strings.HasPrefix(t, "+") {
		return 0, fmt.Errorf("invalid window %q: want a number of days such as 60d", s)
	}
	return n, nil
}
