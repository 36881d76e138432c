package settlement

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/aa"
	"github.com/rickar/cal/v2/us"

	"github.com/payinv/payinv/payment"
)

// nyseHolidays are the days the New York Stock Exchange (and Nasdaq, which
// keeps the same calendar) closes for, as NYSE Rule 7.2 lists them and the
// NYSE's "Holidays & Trading Hours" page (nyse.com/markets/hours-calendars)
// publishes them. The dates come from rickar/cal's definitions; only the
// NYSE's own observance differs from the federal one, and is set here:
//
//   - a holiday on a Sunday closes the Monday after (rickar/cal's rule);
//   - a holiday on a Saturday closes the Friday before (rickar/cal's rule),
//     except New Year's Day: Rule 7.2 keeps the market open on the Friday
//     when it ends a yearly accounting period, so Friday, December 31 is a
//     trading day (2021-12-31 and 2027-12-31 were and will be open);
//   - Juneteenth closes the market since 2022 (the NYSE did not close on
//     Friday, June 18, 2021, the first year of the federal holiday);
//   - Good Friday closes the market though it is no federal holiday (the
//     Federal Reserve is open and ACH and Fedwire settle).
//
// Columbus Day and Veterans Day are trading days.
var nyseHolidays = []*cal.Holiday{
	us.NewYear.Clone(&cal.Holiday{Observed: []cal.AltDay{{Day: time.Sunday, Offset: 1}}}),
	us.MlkDay,
	us.PresidentsDay,
	aa.GoodFriday,
	us.MemorialDay,
	us.Juneteenth.Clone(&cal.Holiday{StartYear: 2022}),
	us.IndependenceDay,
	us.LaborDay,
	us.ThanksgivingDay,
	us.ChristmasDay,
}

// MarketClosure is a day the stock market closes outside its holiday
// rules: a national day of mourning, a storm.
type MarketClosure struct {
	// Date is the day closed.
	Date payment.Date `yaml:"date" toml:"date"`
	// Reason says why, for people: "National Day of Mourning for President
	// Jimmy Carter".
	Reason string `yaml:"reason" toml:"reason"`
	// Source is where the closure was announced.
	Source string `yaml:"source" toml:"source"`
}

// TradingCalendar is the US equities (NYSE and Nasdaq) trading-day
// calendar: weekends, the NYSE holidays (see nyseHolidays) and the ad-hoc
// closures it was made with are closed. It is safe for concurrent use.
//
// Trading days are not settlement days: securities settle on Federal
// Reserve banking days (Calendar), so on Columbus Day and Veterans Day the
// market trades and nothing settles, and on Good Friday the market is
// closed while banks settle.
type TradingCalendar struct {
	closures []MarketClosure
}

// NewTradingCalendar returns the trading calendar with closures added to
// the NYSE holidays.
func NewTradingCalendar(closures []MarketClosure) *TradingCalendar {
	return &TradingCalendar{closures: closures}
}

// IsTradingDay reports whether US stock exchanges are open on d.
func (c *TradingCalendar) IsTradingDay(d payment.Date) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	if nyseYear(d.Year)[tradingYearDay(d)] != 0 {
		return false
	}
	for _, cl := range c.closures {
		if cl.Date == d {
			return false
		}
	}
	return true
}

// Holiday returns the name of the holiday or the reason of the closure
// that closes the market on d, if any; "(observed)" follows a holiday
// moved off a weekend. Weekends are not holidays.
func (c *TradingCalendar) Holiday(d payment.Date) (string, bool) {
	for _, cl := range c.closures {
		if cl.Date == d {
			return cl.Reason, true
		}
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return "", false
	}
	i := nyseYear(d.Year)[tradingYearDay(d)]
	if i == 0 {
		return "", false
	}
	h := nyseHolidays[i-1]
	if actual, _ := h.Calc(d.Year); actual.Month() == d.Month && actual.Day() == d.Day {
		return h.Name, true
	}
	return h.Name + " (observed)", true
}

// OnOrAfter returns d when it is a trading day, otherwise the next one.
func (c *TradingCalendar) OnOrAfter(d payment.Date) payment.Date {
	for !c.IsTradingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// AddTradingDays returns the trading day n trading days after d (n > 0) or
// before d (n < 0). With n == 0 it returns d itself, trading day or not.
func (c *TradingCalendar) AddTradingDays(d payment.Date, n int) payment.Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if c.IsTradingDay(d) {
			n--
		}
	}
	return d
}

// tradingYear holds, per day of the year (1–366), 0 for no holiday or the
// index in nyseHolidays plus one of the holiday that closes it.
type tradingYear [367]uint8

// nyseYears caches each year's holidays, worked out the first time a day
// in it is asked about and read without locks afterwards.
var nyseYears struct {
	mu    sync.Mutex
	years atomic.Pointer[map[int]*tradingYear]
}

func nyseYear(y int) *tradingYear {
	if m := nyseYears.years.Load(); m != nil {
		if days, ok := (*m)[y]; ok {
			return days
		}
	}
	nyseYears.mu.Lock()
	defer nyseYears.mu.Unlock()
	var old map[int]*tradingYear
	if m := nyseYears.years.Load(); m != nil {
		old = *m
	}
	if days, ok := old[y]; ok {
		return days
	}
	days := &tradingYear{}
	// A holiday of the year before or after can be observed in this one
	// (New Year's Day on a Saturday would be, but for Rule 7.2).
	for hy := y - 1; hy <= y+1; hy++ {
		for i, h := range nyseHolidays {
			actual, observed := h.Calc(hy)
			if actual.IsZero() || observed.Year() != y {
				continue
			}
			days[tradingYearDay(payment.DateOf(observed))] = uint8(i + 1)
		}
	}
	next := make(map[int]*tradingYear, len(old)+1)
	for k, v := range old {
		next[k] = v
	}
	next[y] = days
	nyseYears.years.Store(&next)
	return days
}

func tradingYearDay(d payment.Date) int {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).YearDay()
}
