package settlement

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

// fedSchedule is the Federal Reserve holiday schedule 2025–2027 as the
// Board's K.8 page and the Richmond Fed's holiday schedule print it (the
// ach-rules-and-timing reference, §5.4): every weekday the Reserve Banks
// are closed, with the holiday's name as moov-io/base gives it (it calls
// Washington's Birthday "Presidents' Day").
var fedSchedule = []struct {
	day, holiday string
}{
	{"2025-01-01", "New Year"}, {"2025-01-20", "Martin Luther King"}, {"2025-02-17", "Presidents"},
	{"2025-05-26", "Memorial"}, {"2025-06-19", "Juneteenth"}, {"2025-07-04", "Independence"},
	{"2025-09-01", "Labor"}, {"2025-10-13", "Columbus"}, {"2025-11-11", "Veterans"},
	{"2025-11-27", "Thanksgiving"}, {"2025-12-25", "Christmas"},

	{"2026-01-01", "New Year"}, {"2026-01-19", "Martin Luther King"}, {"2026-02-16", "Presidents"},
	{"2026-05-25", "Memorial"}, {"2026-06-19", "Juneteenth"},
	{"2026-09-07", "Labor"}, {"2026-10-12", "Columbus"}, {"2026-11-11", "Veterans"},
	{"2026-11-26", "Thanksgiving"}, {"2026-12-25", "Christmas"},

	{"2027-01-01", "New Year"}, {"2027-01-18", "Martin Luther King"}, {"2027-02-15", "Presidents"},
	{"2027-05-31", "Memorial"}, {"2027-07-05", "Independence"},
	{"2027-09-06", "Labor"}, {"2027-10-11", "Columbus"}, {"2027-11-11", "Veterans"},
	{"2027-11-25", "Thanksgiving"},
}

func TestFedScheduleWeekdayClosures(t *testing.T) {
	cal := NewCalendar()
	closed := map[payment.Date]string{}
	perYear := map[int]int{}
	for _, h := range fedSchedule {
		day := d(h.day)
		closed[day] = h.holiday
		perYear[day.Year]++
	}
	// The reference's count of weekday closures.
	assert.Equal(t, map[int]int{2025: 11, 2026: 10, 2027: 9}, perYear)

	for _, h := range fedSchedule {
		t.Run(h.day, func(t *testing.T) {
			day := d(h.day)
			require.NotContains(t, []time.Weekday{time.Saturday, time.Sunday}, day.Weekday())
			assert.False(t, cal.IsBankingDay(day), "the Fed is closed")
			name, ok := cal.Holiday(day)
			require.True(t, ok, "a closed weekday names its holiday")
			assert.Contains(t, name, h.holiday)
		})
	}

	// Every other weekday of 2025–2027 is a banking day; no weekend is.
	counted := map[int]int{}
	for day := payment.NewDate(2025, time.January, 1); day.Year <= 2027; day = day.AddDays(1) {
		wd := day.Weekday()
		weekend := wd == time.Saturday || wd == time.Sunday
		_, holiday := closed[day]
		if got := cal.IsBankingDay(day); got != (!weekend && !holiday) {
			t.Errorf("%s (%s): banking day %v, want %v", day, wd, got, !weekend && !holiday)
		}
		if !weekend && !cal.IsBankingDay(day) {
			counted[day.Year]++
		}
	}
	assert.Equal(t, map[int]int{2025: 11, 2026: 10, 2027: 9}, counted, "closed weekdays per year")
}

func TestFedScheduleTrickyDays(t *testing.T) {
	cal := NewCalendar()
	tests := []struct {
		day  string
		open bool
		why  string
	}{
		{"2026-07-03", true, "Independence Day 2026 is a Saturday: the Reserve Banks open the Friday before"},
		{"2027-06-18", true, "Juneteenth 2027 is a Saturday: Friday open"},
		{"2027-12-24", true, "Christmas 2027 is a Saturday: Friday open"},
		{"2027-12-31", true, "New Year's Day 2028 is a Saturday: Friday open"},
		{"2027-07-05", false, "Independence Day 2027 is a Sunday: Monday closed"},
		{"2026-11-27", true, "the day after Thanksgiving is open"},
		{"2025-11-28", true, "the day after Thanksgiving is open"},
		{"2025-04-18", true, "Good Friday: the Fed is open although the stock market is not"},
		{"2026-04-03", true, "Good Friday"},
		{"2027-03-26", true, "Good Friday"},
		{"2025-12-24", true, "Christmas Eve is open"},
		{"2025-12-26", true, "the day after Christmas is open"},
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			assert.Equal(t, tt.open, cal.IsBankingDay(d(tt.day)), tt.why)
			if tt.open {
				_, closed := cal.Holiday(d(tt.day))
				assert.False(t, closed)
			}
		})
	}
}

// Moving across the tricky days: the Friday before a Saturday holiday is a
// banking day to land on; the Monday after a Sunday holiday is skipped.
func TestFedScheduleArithmetic(t *testing.T) {
	cal := NewCalendar()
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-07-02", 1, "2026-07-03"},
		{"2026-07-03", 1, "2026-07-06"},
		{"2027-06-17", 1, "2027-06-18"},
		{"2027-07-02", 1, "2027-07-06"},
		{"2027-12-23", 1, "2027-12-24"},
		{"2027-12-30", 1, "2027-12-31"},
		{"2027-12-31", 1, "2028-01-03"},
		{"2025-12-31", 1, "2026-01-02"},
		{"2026-12-24", 1, "2026-12-28"},
		{"2027-11-24", 1, "2027-11-26"},
		{"2027-07-06", -1, "2027-07-02"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cal.AddBankingDays(d(tt.from), tt.n).String(), "%s %+d", tt.from, tt.n)
	}
	assert.Equal(t, "2027-07-06", cal.OnOrAfter(d("2027-07-03")).String())
	assert.Equal(t, "2027-12-24", cal.OnOrAfter(d("2027-12-24")).String())
}

// A late-evening UTC instant is asked about on its Eastern day.
func TestFedScheduleEasternDay(t *testing.T) {
	// 02:00 UTC on Friday 2026-11-27 is 9 p.m. on Thanksgiving in New York.
	day := DateOf(time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC))
	assert.Equal(t, "2026-11-26", day.String())
	assert.False(t, Fed.IsBankingDay(day))
	// 03:30 UTC on Saturday 2026-07-04 is 11:30 p.m. on Friday July 3 (EDT), a banking day.
	day = DateOf(time.Date(2026, 7, 4, 3, 30, 0, 0, time.UTC))
	assert.Equal(t, "2026-07-03", day.String())
	assert.True(t, Fed.IsBankingDay(day))
}

func BenchmarkIsBankingDay(b *testing.B) {
	cal := NewCalendar()
	day := payment.NewDate(2026, 11, 27)
	b.ReportAllocs()
	for b.Loop() {
		if !cal.IsBankingDay(day) {
			b.Fatal("closed")
		}
	}
}
