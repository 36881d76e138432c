package settlement

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// spokenDate writes a day for people: "Friday, November 27, 2026".
func spokenDate(d payment.Date) string {
	return d.Long()
}

// spokenTime writes an instant for people in US Eastern time: "4:50 p.m. ET
// on Friday, November 20, 2026".
func spokenTime(t time.Time) string {
	t = t.In(Eastern)
	return ClockText(t) + " ET on " + DateOf(t).Long()
}

// spokenDollars writes an amount with thousands separators: "$1,000,000".
func spokenDollars(a decimal.Decimal) string {
	return "$" + strings.TrimSuffix(payment.FormatAmountGrouped(a, "USD"), ".00")
}
