package rates

import (
	"time"

	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

func d(y, m, day int) payment.Date { return payment.NewDate(y, timeMonth(m), day) }

func TestParseWindow(t *testing.T) {
	for in, want := range map[string]Spec{
		"60d": {Days: 60}, "60": {Days: 60}, " 30D ": {Days: 30}, "3660d": {Days: 3660},
		"2m": {Months: 2}, "1m": {Months: 1}, " 12M ": {Months: 12}, "120m": {Months: 120},
	} {
		got, err := ParseWindow(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "0d", "0m", "-1m", "+2m", "121m", "m", "2mo", "2w", "2 m", "60 days", "3661"} {
		_, err := ParseWindow(in)
		assert.Error(t, err, in)
	}
}

// TestMonthWindow: whole calendar months before the as-of date's month,
// across month and year ends and leap years.
func TestMonthWindow(t *testing.T) {
	tests := []struct {
		name     string
		asOf     payment.Date
		months   int
		from, to payment.Date
		days     int
	}{
		{"mid-month", d(2026, 11, 25), 2, d(2026, 9, 1), d(2026, 10, 31), 61},
		{"first of the month", d(2026, 11, 1), 2, d(2026, 9, 1), d(2026, 10, 31), 61},
		{"last of the month: its own month is still out", d(2026, 11, 30), 2, d(2026, 9, 1), d(2026, 10, 31), 61},
		{"across the year end", d(2026, 1, 15), 2, d(2025, 11, 1), d(2025, 12, 31), 61},
		{"January 1st", d(2027, 1, 1), 1, d(2026, 12, 1), d(2026, 12, 31), 31},
		{"February", d(2026, 3, 1), 1, d(2026, 2, 1), d(2026, 2, 28), 28},
		{"February of a leap year", d(2028, 3, 31), 1, d(2028, 2, 1), d(2028, 2, 29), 29},
		{"January and February of a leap year", d(2028, 3, 10), 2, d(2028, 1, 1), d(2028, 2, 29), 60},
		{"a whole year", d(2027, 1, 20), 12, d(2026, 1, 1), d(2026, 12, 31), 365},
		{"thirteen months across two year ends", d(2027, 1, 5), 13, d(2025, 12, 1), d(2026, 12, 31), 396},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := NewMonthWindow(tt.asOf, tt.months)
			assert.Equal(t, Window{From: tt.from, To: tt.to, Days: tt.days, Months: tt.months}, w)
			assert.Equal(t, w, Spec{Months: tt.months}.Window(tt.asOf))
			assert.True(t, w.Contains(tt.from))
			assert.True(t, w.Contains(tt.to))
			assert.False(t, w.Contains(tt.from.AddDays(-1)))
			assert.False(t, w.Contains(tt.to.AddDays(1)))
			assert.False(t, w.Contains(tt.asOf))
		})
	}
}

// TestMonthWindowCounts: entries on the first and last days of the months
// count; the day before and the as-of month do not.
func TestMonthWindowCounts(t *testing.T) {
	asOf := d(2026, 1, 15)
	w := NewMonthWindow(asOf, 2) // 2025-11-01 .. 2025-12-31
	c := NewCounterAsOf(w, asOf)
	for i, day := range []payment.Date{d(2025, 10, 31), d(2025, 11, 1), d(2025, 12, 31), d(2026, 1, 1), asOf} {
		c.Add(debit(string(rune('a'+i)), day))
	}
	c.Add(returned("b", "R10", d(2025, 12, 31)))
	c.Add(returned("c", "R10", d(2026, 1, 2)))
	r := c.Report()
	assert.Equal(t, asOf, r.AsOf)
	assert.Equal(t, w, r.Window)
	assert.Equal(t, 2, r.Rate(ACHUnauthorized).Denominator)
	assert.Equal(t, 1, r.Rate(ACHUnauthorized).Numerator)
	assert.Equal(t, w, r.Rate(ACHUnauthorized).DenominatorWindow)
}

func TestPrecedingMonth(t *testing.T) {
	tests := []struct {
		name     string
		w        Window
		from, to payment.Date
	}{
		{"months", NewMonthWindow(d(2026, 11, 25), 2), d(2026, 8, 1), d(2026, 9, 30)},
		{"one month, across the year end", NewMonthWindow(d(2026, 2, 3), 1), d(2025, 12, 1), d(2025, 12, 31)},
		{"March before February", NewMonthWindow(d(2026, 4, 1), 1), d(2026, 2, 1), d(2026, 2, 28)},
		{"days", NewWindow(d(2026, 11, 25), 60), d(2026, 8, 27), d(2026, 10, 25)},
		{"days across the year end", NewWindow(d(2026, 1, 10), 30), d(2025, 11, 12), d(2025, 12, 10)},
		{"day 31 into a shorter month", NewWindow(d(2026, 3, 31), 1), d(2026, 2, 28), d(2026, 2, 28)},
		{"leap day", NewWindow(d(2028, 3, 29), 1), d(2028, 2, 29), d(2028, 2, 29)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.w.PrecedingMonth()
			assert.Equal(t, tt.from, p.From)
			assert.Equal(t, tt.to, p.To)
			assert.Equal(t, p.From.DaysUntil(p.To)+1, p.Days)
			assert.Equal(t, tt.w.Months, p.Months)
		})
	}
}

func TestWindowString(t *testing.T) {
	assert.Equal(t, "60 days, 2026-09-27 to 2026-11-25", NewWindow(d(2026, 11, 25), 60).String())
	assert.Equal(t, "1 day, 2026-11-25 to 2026-11-25", NewWindow(d(2026, 11, 25), 1).String())
	assert.Equal(t, "2 calendar months, 2026-09-01 to 2026-10-31 (61 days)", NewMonthWindow(d(2026, 11, 25), 2).String())
	assert.Equal(t, "1 calendar month, 2026-10-01 to 2026-10-31 (31 days)", NewMonthWindow(d(2026, 11, 25), 1).String())
}

func timeMonth(m int) time.Month { return time.Month(m) }
