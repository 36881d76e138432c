package settlement

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/payinv/payinv/payment"
)

// nyseClosures are the weekdays the NYSE is closed in 2025–2027, as the
// NYSE Group published them (2025, 2026 and 2027 holiday calendar, press
// release of November 2024; nyse.com/markets/hours-calendars), plus the
// closure of January 9, 2025 (National Day of Mourning for President
// Carter), which comes from the default rules.
var nyseClosures = map[int][]string{
	2025: {"2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26",
		"2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25"},
	2026: {"2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19",
		"2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"},
	2027: {"2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31", "2027-06-18",
		"2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24"},
}

func TestTradingCalendarMatchesNYSESchedule(t *testing.T) {
	tr := defaultTradeRules()
	tc := tr.TradingCalendar()
	for year, days := range nyseClosures {
		closed := map[payment.Date]bool{}
		for _, s := range days {
			closed[d(s)] = true
		}
		for day := payment.NewDate(year, time.January, 1); day.Year == year; day = day.AddDays(1) {
			wd := day.Weekday()
			want := wd != time.Saturday && wd != time.Sunday && !closed[day]
			assert.Equal(t, want, tc.IsTradingDay(day), "%s (%s)", day, wd)
			_, holiday := tc.Holiday(day)
			assert.Equal(t, closed[day], holiday, "%s is named a holiday", day)
		}
	}
}

func TestTradingCalendarTrickyDays(t *testing.T) {
	tc := NewTradingCalendar(defaultTradeRules().Closures)
	tests := []struct {
		day     string
		trading bool
		holiday string
	}{
		{"2026-07-03", false, "Independence Day (observed)"},
		{"2027-06-18", false, "Juneteenth (observed)"},
		{"2027-12-24", false, "Christmas Day (observed)"},
		{"2027-12-31", true, ""}, // New Year's Day 2028 on a Saturday: Rule 7.2 keeps Friday open
		{"2021-12-31", true, ""}, // the same in 2021, as it happened
		{"2010-12-31", true, ""},
		{"2027-07-05", false, "Independence Day (observed)"},
		{"2022-01-17", false, "Martin Luther King Jr. Day"},
		{"2021-06-18", true, ""}, // Juneteenth closed the NYSE from 2022
		{"2022-06-20", false, "Juneteenth (observed)"},
		{"2023-01-02", false, "New Year's Day (observed)"}, // New Year's Day on a Sunday closes Monday
		{"2026-04-03", false, "Good Friday"},
		{"2027-03-26", false, "Good Friday"},
		{"2025-01-09", false, "the National Day of Mourning for former President Jimmy Carter"},
		{"2025-10-13", true, ""}, // Columbus Day: the market trades
		{"2026-10-12", true, ""},
		{"2027-10-11", true, ""},
		{"2025-11-11", true, ""}, // Veterans Day: the market trades
		{"2026-11-11", true, ""},
		{"2027-11-11", true, ""},
		{"2026-11-27", true, ""}, // day after Thanksgiving: open (early close)
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			assert.Equal(t, tt.trading, tc.IsTradingDay(d(tt.day)))
			name, ok := tc.Holiday(d(tt.day))
			assert.Equal(t, tt.holiday, name)
			assert.Equal(t, tt.holiday != "", ok)
		})
	}
}

func TestTradingDaysAreNotSettlementDays(t *testing.T) {
	tc := NewTradingCalendar(nil)
	for _, s := range []string{"2025-10-13", "2025-11-11", "2026-10-12", "2026-11-11", "2027-10-11", "2027-11-11"} {
		assert.True(t, tc.IsTradingDay(d(s)), "%s trades", s)
		assert.False(t, Fed.IsBankingDay(d(s)), "%s does not settle", s)
	}
	// Good Friday: the market is closed, the Fed open.
	assert.False(t, tc.IsTradingDay(d("2026-04-03")))
	assert.True(t, Fed.IsBankingDay(d("2026-04-03")))
	// Without the rules' closures, 2025-01-09 is a trading day.
	assert.True(t, tc.IsTradingDay(d("2025-01-09")))
}

func TestTradingCalendarArithmetic(t *testing.T) {
	tc := NewTradingCalendar(nil)
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-04-02", 1, "2026-04-06"}, // over Good Friday and the weekend
		{"2026-04-06", -1, "2026-04-02"},
		{"2026-11-25", 1, "2026-11-27"}, // over Thanksgiving
		{"2026-11-10", 1, "2026-11-11"}, // Veterans Day trades
		{"2026-04-03", 0, "2026-04-03"},
	}
	for _, tt := range tests {
		assert.Equal(t, d(tt.want), tc.AddTradingDays(d(tt.from), tt.n), "%s %+d", tt.from, tt.n)
	}
	assert.Equal(t, d("2026-04-06"), tc.OnOrAfter(d("2026-04-03")))
	assert.Equal(t, d("2026-04-02"), tc.OnOrAfter(d("2026-04-02")))
}

func BenchmarkIsTradingDay(b *testing.B) {
	tc := NewTradingCalendar(defaultTradeRules().Closures)
	day := d("2026-11-11")
	tc.IsTradingDay(day)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if tc.IsTradingDay(day) {
			n++
		}
	}
	benchSinkInt = n
}

var benchSinkInt int
