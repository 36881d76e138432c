package settlement

import (
	"fmt"
	"time"
)

// Clock is a time of day on the rails' clock (US Eastern), as rules files
// write it: "16:45". Cut-offs and windows are Clocks.
type Clock struct {
	Hour, Minute int
}

// At gives the instant of the clock time on day, in US Eastern time.
func (c Clock) At(day time.Time) time.Time {
	y, m, d := day.In(Eastern).Date()
	return time.Date(y, m, d, c.Hour, c.Minute, 0, 0, Eastern)
}

// Before reports whether t (any zone) is before this clock time on its own
// day in US Eastern time.
func (c Clock) Before(t time.Time) bool {
	t = t.In(Eastern)
	return t.Hour()*60+t.Minute() < c.Hour*60+c.Minute
}

// String writes the clock time for people: "4:45 p.m.", "9:00 a.m.".
func (c Clock) String() string {
	return ClockText(time.Date(2000, 1, 1, c.Hour, c.Minute, 0, 0, time.UTC))
}

// ClockText writes the time of day of t for people: "4:45 p.m.".
func ClockText(t time.Time) string {
	suffix := " a.m."
	if t.Hour() >= 12 {
		suffix = " p.m."
	}
	return t.Format("3:04") + suffix
}

// MarshalText writes "16:45".
func (c Clock) MarshalText() ([]byte, error) {
	return fmt.Appendf(nil, "%02d:%02d", c.Hour, c.Minute), nil
}

// UnmarshalText reads "16:45" or "4:45pm".
func (c *Clock) UnmarshalText(b []byte) error {
	for _, layout := range []string{"15:04", "3:04pm", "3:04 pm", "3pm", "3 pm"} {
		if t, err := time.Parse(layout, string(b)); err == nil {
			*c = Clock{Hour: t.Hour(), Minute: t.Minute()}
			return nil
		}
	}
	return fmt.Errorf("%q is not a time of day (want HH:MM on a 24-hour clock, like 16:45)", b)
}
