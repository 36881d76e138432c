package cards

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/csvin"
	"github.com/payinv/payinv/payment"
)

// Amount limits: no real payment needs more, and unbounded exponents would
// let one cell make later arithmetic allocate without end.
const (
	maxIntDigits  = 18
	maxFracDigits = 8
)

// parseAmount reads a written amount in major units: 1234.56, 1,234.56,
// -5.00, +5, (5.00), $5.00, 5.00- … The result keeps its sign; why is a
// message for the analyst when the cell is not an amount.
func parseAmount(s string) (d decimal.Decimal, why string) {
	s = csvin.TrimCell(s)
	if s == "" {
		return decimal.Decimal{}, "no amount"
	}
	neg := false
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		neg = true
		s = csvin.TrimCell(s[1 : len(s)-1])
	}
	if s != "" && (s[0] == '-' || s[0] == '+') {
		if s[0] == '-' {
			neg = !neg
		}
		s = csvin.TrimCell(s[1:])
	}
	for _, sym := range [...]string{"$", "€", "£", "¥"} {
		if strings.HasPrefix(s, sym) {
			s = csvin.TrimCell(s[len(sym):])
			break
		}
	}
	if len(s) > 1 && s[len(s)-1] == '-' {
		neg = !neg
		s = csvin.TrimCell(s[:len(s)-1])
	}
	var v int64
	nd, frac := 0, -1
	groups, group := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			if nd == maxIntDigits {
				return decimal.Decimal{}, "too many digits"
			}
			v = v*10 + int64(c-'0')
			nd++
			group++
		case c == '.' && frac < 0:
			if groups > 0 && group != 3 {
				return decimal.Decimal{}, "digit groups must have three digits"
			}
			frac = nd
		case c == ',' && frac < 0:
			if groups == 0 && (group == 0 || group > 3) || groups > 0 && group != 3 {
				return decimal.Decimal{}, "digit groups must have three digits (is \",\" a decimal comma? use a mapping)"
			}
			groups++
			group = 0
		default:
			return decimal.Decimal{}, "not a number"
		}
	}
	if nd == 0 {
		return decimal.Decimal{}, "not a number"
	}
	if frac < 0 {
		if groups > 0 && group != 3 {
			return decimal.Decimal{}, "digit groups must have three digits"
		}
		frac = nd
	} else if frac == nd {
		return decimal.Decimal{}, "no digits after the decimal point"
	}
	if nd-frac > maxFracDigits {
		return decimal.Decimal{}, "too many decimals"
	}
	if neg {
		v = -v
	}
	return decimal.New(v, -int32(nd-frac)), ""
}

// parseMinor reads a whole number of minor units (cents) and scales it to
// the currency's major units.
func parseMinor(s, currency string) (decimal.Decimal, string) {
	d, why := parseAmount(s)
	if why != "" {
		return d, why
	}
	if d.Exponent() < 0 {
		return decimal.Decimal{}, "amounts are in minor units (cents) and must be whole numbers"
	}
	return d.Shift(-payment.MinorUnits(currency)), ""
}

// keyOf lower-cases s and drops blanks, underscores and hyphens into buf,
// for comparing column names and the processors' words
// ("Gross Credit (GC)" → "grosscredit(gc)", "SettledBulk" → "settledbulk").
// The result aliases buf; switch on string(result) does not allocate.
func keyOf(s string, buf []byte) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '_' || c == '-' || c == '\t' || c == '\r' || c == '\n':
		case 'A' <= c && c <= 'Z':
			buf = append(buf, c+('a'-'A'))
		default:
			buf = append(buf, c)
		}
	}
	return buf
}

// headerKey is keyOf for a column name, as a string.
func headerKey(s string) string {
	var b [64]byte
	return string(keyOf(strings.TrimPrefix(csvin.TrimCell(s), "\ufeff"), b[:0]))
}

// Dates and times.

const (
	minYear = 1970
	maxYear = 2200
)

// civil is a date and time of day as written, before a zone is applied.
type civil struct {
	y, mo, d, h, mi, sec, nsec int
	// zone: the offset written in the text, in seconds east of UTC, when
	// hasZone.
	off     int
	hasZone bool
	hasTime bool
}

// parseCivil reads YYYY-MM-DD or YYYY/MM/DD (optionally followed by T or a
// blank, hh:mm[:ss[.fraction]] and a zone: Z, UTC, ±hh, ±hhmm, ±hh:mm), or
// the US month-first forms MM/DD/YYYY [hh:mm[:ss]] and M/D/YYYY.
func parseCivil(s string) (civil, bool) {
	var c civil
	s = csvin.TrimCell(s)
	var rest string
	switch {
	case len(s) >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4]:
		c.y, c.mo, c.d = csvin.DigitsAt(s, 0, 4), csvin.DigitsAt(s, 5, 2), csvin.DigitsAt(s, 8, 2)
		rest = s[10:]
	case len(s) >= 8 && strings.IndexByte(s, '/') > 0:
		// M/D/YYYY, month first as US exports write it.
		i := strings.IndexByte(s, '/')
		j := strings.IndexByte(s[i+1:], '/')
		if i > 2 || j < 1 || j > 2 {
			return c, false
		}
		j += i + 1
		if len(s) < j+5 {
			return c, false
		}
		c.mo, c.d, c.y = csvin.DigitsAt(s, 0, i), csvin.DigitsAt(s, i+1, j-i-1), csvin.DigitsAt(s, j+1, 4)
		rest = s[j+5:]
	default:
		return c, false
	}
	if c.y < minYear || c.y > maxYear || c.mo < 1 || c.mo > 12 || c.d < 1 || c.d > payment.DaysIn(time.Month(c.mo), c.y) {
		return c, false
	}
	if rest == "" {
		return c, true
	}
	if r := rest[0]; r != 'T' && r != 't' && r != ' ' {
		return c, false
	}
	rest = csvin.TrimCell(rest[1:])
	hd := 2
	if len(rest) > 1 && rest[1] == ':' {
		hd = 1
	}
	if len(rest) < hd+3 || rest[hd] != ':' {
		return c, false
	}
	c.h, c.mi = csvin.DigitsAt(rest, 0, hd), csvin.DigitsAt(rest, hd+1, 2)
	if c.h < 0 || c.h > 23 || c.mi < 0 || c.mi > 59 {
		return c, false
	}
	c.hasTime = true
	rest = rest[hd+3:]
	if len(rest) > 0 && rest[0] == ':' {
		if c.sec = csvin.DigitsAt(rest, 1, 2); c.sec < 0 || c.sec > 59 {
			return c, false
		}
		rest = rest[3:]
		if len(rest) > 1 && (rest[0] == '.' || rest[0] == ',') {
			i, scale := 1, 100_000_000
			for ; i < len(rest) && rest[i] >= '0' && rest[i] <= '9'; i++ {
				if i > 9 {
					return c, false
				}
				c.nsec += int(rest[i]-'0') * scale
				scale /= 10
			}
			if i == 1 {
				return c, false
			}
			rest = rest[i:]
		}
	}
	rest = csvin.TrimCell(rest)
	switch rest {
	case "":
		return c, true
	case "Z", "z", "UTC", "GMT":
		c.hasZone = true
		return c, true
	}
	if len(rest) < 3 || rest[0] != '+' && rest[0] != '-' {
		return c, false
	}
	oh, om := csvin.DigitsAt(rest, 1, 2), 0
	switch len(rest) {
	case 3:
	case 5:
		om = csvin.DigitsAt(rest, 3, 2)
	case 6:
		if rest[3] != ':' {
			return c, false
		}
		om = csvin.DigitsAt(rest, 4, 2)
	default:
		return c, false
	}
	if oh < 0 || oh > 23 || om < 0 || om > 59 {
		return c, false
	}
	c.off = (oh*60 + om) * 60
	if rest[0] == '-' {
		c.off = -c.off
	}
	c.hasZone = true
	return c, true
}

// in returns the instant c names, in loc unless c has its own offset.
func (c civil) in(loc *time.Location) time.Time {
	if c.hasZone {
		t := time.Date(c.y, time.Month(c.mo), c.d, c.h, c.mi, c.sec, c.nsec, time.UTC).Add(-time.Duration(c.off) * time.Second)
		if c.off == 0 {
			return t
		}
		if local := t.In(loc); zoneOffset(local) == c.off {
			return local
		}
		return t.In(time.FixedZone("", c.off))
	}
	return time.Date(c.y, time.Month(c.mo), c.d, c.h, c.mi, c.sec, c.nsec, loc)
}

// date returns the day as written.
func (c civil) date() payment.Date {
	return payment.Date{Year: c.y, Month: time.Month(c.mo), Day: c.d}
}

func zoneOffset(t time.Time) int {
	_, off := t.Zone()
	return off
}

// zoneAliases are the time zone names exports write that are not IANA
// names (or are IANA names with a fixed offset where the processor means
// the region's civil time).
var zoneAliases = map[string]string{
	"PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PT": "America/Los_Angeles",
	"MDT": "America/Denver", "MT": "America/Denver",
	"CST": "America/Chicago", "CDT": "America/Chicago", "CT": "America/Chicago",
	"EDT": "America/New_York", "ET": "America/New_York",
	"CEST": "CET", "BST": "Europe/London", "IST": "Asia/Kolkata",
	"AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
	"SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo",
	// Ruby on Rails names, as Braintree's Control Panel writes them.
	"Pacific Time (US & Canada)":  "America/Los_Angeles",
	"Mountain Time (US & Canada)": "America/Denver",
	"Central Time (US & Canada)":  "America/Chicago",
	"Eastern Time (US & Canada)":  "America/New_York",
	"London":                      "Europe/London",
	"Amsterdam":                   "Europe/Amsterdam",
}

// loadZone resolves a time zone name: an IANA name, an abbreviation in
// zoneAliases, or UTC/GMT.
func loadZone(name string) (*time.Location, bool) {
	name = csvin.TrimCell(name)
	switch name {
	case "", "UTC", "utc", "GMT", "Z", "Etc/UTC":
		return time.UTC, true
	case "Local", "local":
		return nil, false
	}
	if a, ok := zoneAliases[name]; ok {
		name = a
	} else if a, ok := zoneAliases[strings.ToUpper(name)]; ok {
		name = a
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		// "cet", "est": the zone database's own abbreviations, upper-case.
		if loc, err = time.LoadLocation(strings.ToUpper(name)); err != nil {
			return nil, false
		}
	}
	return loc, true
}

// Cards.

// normBrand returns the brand of a processor's card type or payment method
// word: visa, mastercard, amex, discover, diners, jcb, unionpay, maestro;
// other words lower-cased.
func normBrand(s string) string {
	s = csvin.TrimCell(s)
	if s == "" {
		return ""
	}
	var buf [48]byte
	k := keyOf(s, buf[:0])
	// Wallet prefixes: "Apple Pay - Visa", "Google Pay - MasterCard".
	for _, p := range [...]string{"applepay", "googlepay", "androidpay", "samsungpay"} {
		if len(k) > len(p) && string(k[:len(p)]) == p {
			k = k[len(p):]
			break
		}
	}
	switch string(k) {
	case "visa", "vi", "visadebit", "visacredit", "visaclassic", "visaelectron", "electron", "visagold", "visaplatinum", "visacorporate", "visabusiness", "visaprepaid":
		return "visa"
	case "mastercard", "mc", "master", "ecmc", "mccredit", "mcdebit", "mastercarddebit", "mastercardcredit", "mcstandard", "mcprepaid", "mccorporate", "mcpremiumcredit", "mcworld":
		return "mastercard"
	case "amex", "americanexpress", "ax", "amexcorporate":
		return "amex"
	case "discover", "di", "disc", "discovercard":
		return "discover"
	case "diners", "dinersclub", "dinersclubinternational", "dc":
		return "diners"
	case "jcb":
		return "jcb"
	case "unionpay", "cup", "chinaunionpay":
		return "unionpay"
	case "maestro":
		return "maestro"
	case "":
		return ""
	}
	// Adyen variants: visaclassic, mcstandardcredit, amexgold ...
	for _, p := range [...]struct{ prefix, brand string }{
		{"visa", "visa"}, {"mc", "mastercard"}, {"mastercard", "mastercard"}, {"amex", "amex"},
		{"discover", "discover"}, {"diners", "diners"}, {"jcb", "jcb"}, {"cup", "unionpay"}, {"maestro", "maestro"},
	} {
		if len(k) > len(p.prefix) && string(k[:len(p.prefix)]) == p.prefix {
			return p.brand
		}
	}
	return strings.ToLower(s)
}

// disputeNetwork returns the network a brand's chargebacks follow, or "".
func disputeNetwork(brand string) string {
	switch brand {
	case NetworkVisa, NetworkMastercard, NetworkAmex, NetworkDiscover:
		return brand
	case "maestro":
		return NetworkMastercard
	case "diners":
		return NetworkDiscover // Diners Club is acquired on the Discover network in the US
	}
	return ""
}

// normWallet returns the wallet a processor's word names: apple_pay,
// google_pay, samsung_pay, masterpass, visa_checkout, link …; "" for
// plain cards.
func normWallet(s string) string {
	s = csvin.TrimCell(s)
	if s == "" {
		return ""
	}
	var buf [48]byte
	switch k := keyOf(s, buf[:0]); string(k) {
	case "applepay", "applepaycard", "apple":
		return "apple_pay"
	case "googlepay", "androidpay", "androidpaycard", "paywithgoogle", "googlepaycard", "google":
		return "google_pay"
	case "samsungpay", "samsungpaycard", "samsung":
		return "samsung_pay"
	case "masterpass", "masterpasscard":
		return "masterpass"
	case "visacheckout", "visacheckoutcard", "clicktopay":
		return "visa_checkout"
	case "amexexpresscheckout":
		return "amex_express_checkout"
	case "link":
		return "link"
	case "creditcard", "card", "none", "no", "false", "null", "n/a", "na", "manual", "":
		return ""
	}
	return strings.ToLower(s)
}

// digitsOnly keeps the digits of s.
func digitsOnly(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			b := make([]byte, 0, len(s))
			for j := 0; j < len(s); j++ {
				if c := s[j]; '0' <= c && c <= '9' {
					b = append(b, c)
				}
			}
			return string(b)
		}
	}
	return s
}

// last4 keeps the last four digits of a card number, masked number or
// last-four cell ("************4242", "4242", "•• 4242").
func last4(s string) string {
	d := digitsOnly(s)
	if len(d) <= 4 {
		return d
	}
	return d[len(d)-4:]
}

// bin keeps the first six digits of a BIN or card number cell, written
// with or without blanks or hyphens; a cell masked to its last four
// ("************1111") has none.
func bin(s string) string {
	var d [6]byte
	n := 0
	for i := 0; i < len(s) && n < len(d); i++ {
		switch c := s[i]; {
		case isDigitByte(c):
			d[n] = c
			n++
		case c == ' ' || c == '-':
		default:
			return ""
		}
	}
	if n < len(d) {
		return ""
	}
	return string(d[:])
}

// isTrue reads the true/false words of exports.
func isTrue(s string) (v, ok bool) {
	switch strings.ToLower(csvin.TrimCell(s)) {
	case "true", "yes", "y", "1", "t":
		return true, true
	case "false", "no", "n", "0", "f":
		return false, true
	}
	return false, false
}
