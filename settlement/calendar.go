package settlement

import (
	"sync"
	"sync/atomic"
	"time"
	_ "time/tzdata" // the rails' time zone must resolve on machines without zoneinfo

	"github.com/moov-io/base"

	"github.com/payinv/payinv/payment"
)

// Eastern is America/New_York, the time zone of the Federal Reserve's
// ACH and Fedwire schedules.
var Eastern = mustLoadLocation("America/New_York")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("settlement: cannot load time zone " + name + ": " + err.Error())
	}
	return loc
}

// Calendar is the Federal Reserve banking-day calendar. It is safe for
// concurrent use. Each year is worked out once, the first time a day in it
// is asked about, and read without locks afterwards: deadline arithmetic
// runs for every entry of files with millions of them.
type Calendar struct {
	mu    sync.Mutex // serializes adding a year
	years atomic.Pointer[map[int]*yearDays]
}

// yearDays says, per day of the year (1–366), whether it is a banking day.
type yearDays [367]bool

// Fed is the shared Federal Reserve calendar.
var Fed = NewCalendar()

// NewCalendar returns a Federal Reserve banking-day calendar.
func NewCalendar() *Calendar {
	c := &Calendar{}
	c.years.Store(&map[int]*yearDays{})
	return c
}

// IsBankingDay reports whether the Federal Reserve settles ACH and wire
// payments on d.
func (c *Calendar) IsBankingDay(d payment.Date) bool {
	t := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	return c.year(t.Year())[t.YearDay()]
}

func (c *Calendar) year(y int) *yearDays {
	if days, ok := (*c.years.Load())[y]; ok {
		return days
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	old := *c.years.Load()
	if days, ok := old[y]; ok {
		return days
	}
	days := &yearDays{}
	for t := time.Date(y, time.January, 1, 12, 0, 0, 0, Eastern); t.Year() == y; t = t.AddDate(0, 0, 1) {
		// Noon keeps the day the same whatever the zone arithmetic inside.
		days[t.YearDay()] = base.NewTime(t).IsBankingDay()
	}
	next := make(map[int]*yearDays, len(old)+1)
	for k, v := range old {
		next[k] = v
	}
	next[y] = days
	c.years.Store(&next)
	return days
}

// Holiday returns the name of the holiday that closes d, if any. Weekends
// are not holidays.
func (c *Calendar) Holiday(d payment.Date) (string, bool) {
	if c.IsBankingDay(d) {
		return "", false
	}
	t := base.NewTime(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, Eastern))
	if h := t.GetHoliday(); h != nil {
		return h.Name, true
	}
	// A Monday closed for a Sunday holiday: name the Sunday's holiday.
	if d.Weekday() == time.Monday {
		sun := base.NewTime(time.Date(d.Year, d.Month, d.Day-1, 12, 0, 0, 0, Eastern))
		if h := sun.GetHoliday(); h != nil {
			return h.Name + " (observed)", true
		}
	}
	return "", false
}

// AddBankingDays returns the banking day n banking days after d (n > 0) or
// before d (n < 0). With n == 0 it returns d itself, banking day or not.
func (c *Calendar) AddBankingDays(d payment.Date, n int) payment.Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if c.IsBankingDay(d) {
			n--
		}
	}
	return d
}

// OnOrAfter returns d when it is a banking day, otherwise the next one.
func (c *Calendar) OnOrAfter(d payment.Date) payment.Date {
	for !c.IsBankingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// BankingDaysBetween counts the banking days after from up to and
// including to: Monday to the next Tuesday is 1. It is negative when to is
// before from.
func (c *Calendar) BankingDaysBetween(from, to payment.Date) int {
	if to.Before(from) {
		return -c.BankingDaysBetween(to, from)
	}
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsBankingDay(d) {
			n++
		}
	}
	return n
}

// DateOf returns the day instant t falls on in US Eastern time.
func DateOf(t time.Time) payment.Date {
	return payment.DateOf(t.In(Eastern))
}
