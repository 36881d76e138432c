package settlement

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

func d(s string) payment.Date {
	p, err := payment.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return p
}

// fedClosures is the Federal Reserve holiday schedule for 2025–2027 as
// published (federalreserve.gov/aboutthefed/k8.htm, frbservices.org holiday
// schedules): the weekdays on which the Reserve Banks are closed.
var fedClosures = map[int][]string{
	2025: {"2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04",
		"2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25"},
	2026: {"2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19",
		"2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"},
	2027: {"2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-07-05",
		"2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25"},
}

func TestCalendarMatchesFederalReserveSchedule(t *testing.T) {
	cal := NewCalendar()
	for year, days := range fedClosures {
		closed := map[payment.Date]bool{}
		for _, s := range days {
			closed[d(s)] = true
		}
		for day := payment.NewDate(year, time.January, 1); day.Year == year; day = day.AddDays(1) {
			wd := day.Weekday()
			want := wd != time.Saturday && wd != time.Sunday && !closed[day]
			assert.Equal(t, want, cal.IsBankingDay(day), "%s (%s)", day, wd)
		}
	}
}

func TestCalendarTrickyDays(t *testing.T) {
	cal := NewCalendar()
	tests := []struct {
		day  string
		open bool
		why  string
	}{
		{"2026-07-03", true, "Independence Day on Saturday leaves Friday open"},
		{"2027-06-18", true, "Juneteenth on Saturday leaves Friday open"},
		{"2027-12-24", true, "Christmas on Saturday leaves Friday open"},
		{"2027-12-31", true, "New Year's Day 2028 on Saturday leaves Friday open"},
		{"2027-07-05", false, "Independence Day on Sunday closes Monday"},
		{"2026-11-11", false, "Veterans Day"},
		{"2026-10-12", false, "Columbus Day"},
		{"2026-11-27", true, "the day after Thanksgiving is a banking day"},
		{"2021-06-18", true, "Juneteenth was first observed in 2022"},
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			assert.Equal(t, tt.open, cal.IsBankingDay(d(tt.day)), tt.why)
		})
	}
}

func TestAddBankingDays(t *testing.T) {
	cal := NewCalendar()
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-11-10", 2, "2026-11-13"},  // Veterans Day in between
		{"2026-11-25", 1, "2026-11-27"},  // Thanksgiving
		{"2027-07-02", 1, "2027-07-06"},  // Sunday holiday closes Monday
		{"2026-07-02", 1, "2026-07-03"},  // Saturday holiday leaves Friday open
		{"2026-12-31", 1, "2027-01-04"},  // New Year
		{"2026-11-13", -2, "2026-11-10"}, // backwards over Veterans Day
		{"2026-11-14", 0, "2026-11-14"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s%+d", tt.from, tt.n), func(t *testing.T) {
			assert.Equal(t, tt.want, cal.AddBankingDays(d(tt.from), tt.n).String())
		})
	}
}

func TestBankingDaysBetween(t *testing.T) {
	cal := NewCalendar()
	assert.Equal(t, 2, cal.BankingDaysBetween(d("2026-11-10"), d("2026-11-13")))
	assert.Equal(t, 3, cal.BankingDaysBetween(d("2026-11-10"), d("2026-11-16")))
	assert.Equal(t, 0, cal.BankingDaysBetween(d("2026-11-10"), d("2026-11-10")))
	assert.Equal(t, 0, cal.BankingDaysBetween(d("2026-11-13"), d("2026-11-15")))
	assert.Equal(t, -2, cal.BankingDaysBetween(d("2026-11-13"), d("2026-11-10")))
}

func TestOnOrAfterAndHoliday(t *testing.T) {
	cal := NewCalendar()
	assert.Equal(t, "2026-11-12", cal.OnOrAfter(d("2026-11-11")).String())
	assert.Equal(t, "2026-11-16", cal.OnOrAfter(d("2026-11-14")).String())
	name, ok := cal.Holiday(d("2026-11-26"))
	require.True(t, ok)
	assert.Equal(t, "Thanksgiving Day", name)
	name, ok = cal.Holiday(d("2027-07-05"))
	require.True(t, ok)
	assert.Contains(t, name, "Independence Day")
	_, ok = cal.Holiday(d("2026-11-14"))
	assert.False(t, ok, "a Saturday is not a holiday")
}

func TestDateOfUsesEasternTime(t *testing.T) {
	late := time.Date(2026, 11, 11, 3, 30, 0, 0, time.UTC) // 22:30 ET on Nov 10
	assert.Equal(t, "2026-11-10", DateOf(late).String())
	// DST ends 2026-11-01 at 02:00 ET: 05:30 UTC is 00:30 EST on Nov 1.
	assert.Equal(t, "2026-11-01", DateOf(time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC)).String())
	// In summer (EDT, UTC-4) 03:59 UTC is still the previous day.
	assert.Equal(t, "2026-07-02", DateOf(time.Date(2026, 7, 3, 3, 59, 0, 0, time.UTC)).String())
}
