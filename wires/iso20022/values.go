package iso20022

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// parseAmount reads an ISO 20022 amount: digits with at most one decimal
// point, no sign, no exponent, no thousands separators ("510000.74",
// "2450"). Amounts of up to 18 digits are built without big-number
// parsing.
func parseAmount(b []byte) (decimal.Decimal, bool) {
	if len(b) == 0 || len(b) > 40 {
		return decimal.Decimal{}, false
	}
	var v int64
	digits, frac, point := 0, 0, false
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			digits++
			if point {
				frac++
			}
			v = v*10 + int64(c-'0')
		case c == '.' && !point && i > 0 && i < len(b)-1:
			point = true
		default:
			return decimal.Decimal{}, false
		}
	}
	if digits > 18 {
		d, err := decimal.NewFromString(string(b))
		return d, err == nil
	}
	return decimal.New(v, int32(-frac)), true
}

// parseDate reads an ISO date, YYYY-MM-DD, checking the day exists. An
// xs:date's optional zone (Z or ±hh:mm) is allowed and ignored.
func parseDate(b []byte) (payment.Date, bool) {
	switch {
	case len(b) == 11 && b[10] == 'Z':
		b = b[:10]
	case len(b) == 16 && (b[10] == '+' || b[10] == '-') && b[13] == ':':
		b = b[:10]
	}
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return payment.Date{}, false
	}
	y, ok1 := digitsOf(b[0:4])
	m, ok2 := digitsOf(b[5:7])
	d, ok3 := digitsOf(b[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 || d > payment.DaysIn(time.Month(m), y) {
		return payment.Date{}, false
	}
	return payment.Date{Year: y, Month: time.Month(m), Day: d}, true
}

func digitsOf(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// eastern is US Eastern time: the Fedwire clock, and the zone payinv
// reads a date and time in when the message gives none.
var eastern = func() *time.Location {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		return time.FixedZone("EST", -5*60*60)
	}
	return loc
}()

// parseDateTime reads an ISO date and time, 2026-11-16T10:15:03-05:00,
// with optional fractions of a second and an optional zone (Z or ±hh:mm);
// one without a zone is read as US Eastern time.
func parseDateTime(b []byte) (time.Time, bool) {
	if len(b) < 19 || len(b) > 40 || b[10] != 'T' {
		return time.Time{}, false
	}
	s := string(b)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04:05.999999999", s, eastern); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// formatDateTime writes an instant in RFC 3339 with its zone.
func formatDateTime(t time.Time) string { return t.Format(time.RFC3339Nano) }

// isABA reports whether s has the shape of a US routing number: 9 digits.
func isABA(s string) bool {
	if len(s) != 9 {
		return false
	}
	_, ok := digitsOf([]byte(s))
	return ok
}

// fedABA is the routing number of the Fedwire Funds Service: the sender of
// every message the Fed delivers, the receiver of every one sent to it.
const fedABA = "021151080"

// notProvided is the placeholder ISO 20022 puts in a mandatory reference
// the sender did not have. It identifies nothing and is never matched on.
const notProvided = "NOTPROVIDED"

// reference returns a reference as found, or "" for the NOTPROVIDED
// placeholder.
func reference(s string) string {
	if strings.EqualFold(s, notProvided) {
		return ""
	}
	return s
}

// join joins the non-empty parts with sep.
func join(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}

// clip shortens a value quoted in a problem.
func clip(b []byte) string {
	const max = 40
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}
