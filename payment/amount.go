package payment

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// MinorUnits returns the number of decimal places a currency's amounts are
// written with (ISO 4217): 2 for most, 0 for JPY or KRW, 3 for KWD, 4 for
// the Chilean and Uruguayan units of account.
func MinorUnits(currency string) int32 {
	switch currency {
	case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
		"UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF":
		return 0
	case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
		return 3
	case "CLF", "UYW":
		return 4
	}
	return 2
}

// FormatAmount writes an amount with its currency's decimal places
// ("123.50" for USD), never rounding away digits the amount really has.
func FormatAmount(d decimal.Decimal, currency string) string {
	return string(AppendAmount(nil, d, currency))
}

// AppendAmount appends FormatAmount(d, currency) to b.
func AppendAmount(b []byte, d decimal.Decimal, currency string) []byte {
	places := MinorUnits(currency)
	exp := d.Exponent()
	if exp < -places {
		return append(b, d.String()...)
	}
	// The common case, an amount already at (or above) the currency's
	// scale that fits in 64 bits, is written without big-number work.
	if c := d.Coefficient(); c.IsInt64() && exp-(-places) <= 6 {
		v := c.Int64()
		for i := exp; i > -places; i-- {
			v *= 10
		}
		return appendScaled(b, v, int(places))
	}
	return append(b, d.StringFixed(places)...)
}

// appendScaled appends v / 10^places with exactly places decimals.
func appendScaled(b []byte, v int64, places int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	var digits [24]byte
	s := strconv.AppendInt(digits[:0], v, 10)
	for len(s) <= places {
		s = append([]byte{'0'}, s...)
	}
	whole := len(s) - places
	b = append(b, s[:whole]...)
	if places > 0 {
		b = append(b, '.')
		b = append(b, s[whole:]...)
	}
	return b
}

// CurrencyCode reads a three-letter currency code in any case, with blanks
// around it, and returns it upper-cased; ok is false for anything else.
func CurrencyCode(s string) (code string, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) != 3 {
		return "", false
	}
	switch s { // the common ones without building a string
	case "USD", "usd":
		return "USD", true
	case "EUR", "eur":
		return "EUR", true
	case "GBP", "gbp":
		return "GBP", true
	}
	var b [3]byte
	for i := range 3 {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		default:
			return "", false
		}
		b[i] = c
	}
	return string(b[:]), true
}

// FormatAmountGrouped is FormatAmount with the thousands grouped by
// commas, for people: "12,000.00".
func FormatAmountGrouped(d decimal.Decimal, currency string) string {
	s := FormatAmount(d, currency)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
