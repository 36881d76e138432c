package settlement

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// spokenDate writes a day for people: "Friday, November 27, 2026".
func spokenDate(d payment.Date) string {
	return d.Time(time.UTC).Format("Monday, January 2, 2006")
}

// spokenTime writes an instant for people in US Eastern time: "4:50 p.m. ET
// on Friday, November 20, 2026".
func spokenTime(t time.Time) string {
	t = t.In(Eastern)
	return ClockText(t) + " ET on " + t.Format("Monday, January 2, 2006")
}

// spokenDollars writes an amount with thousands separators: "$1,000,000".
func spokenDollars(a decimal.Decimal) string {
	s := a.StringFixed(2)
	s = strings.TrimSuffix(s, ".00")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteByte('$')
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}
