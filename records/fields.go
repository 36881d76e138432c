package records

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/csvin"
	"github.com/payinv/payinv/payment"
)

// builtinTypes are the type words read without a mapping (lower-cased).
//
// "credit" and "debit" are ambiguous: from the company's account a deposit
// is a credit, but a deposit pulled by ACH is a debit of the customer's
// account. They are read from the company's side, the vocabulary of
// payment.Direction and Record.Direction: credit → deposit, debit →
// withdrawal. A mapping's types are looked up first, so a file written
// from the customer's side says {credit: withdrawal, debit: deposit}.
// Terse ledger codes (CR, DR, C, D) are not built in for the same reason:
// a mapping must say which way they go.
var builtinTypes = map[string]Type{
	"deposit": Deposit, "deposits": Deposit, "dep": Deposit,
	"payin": Deposit, "pay-in": Deposit, "pay_in": Deposit, "pay in": Deposit,
	"topup": Deposit, "top-up": Deposit, "top_up": Deposit, "top up": Deposit,
	"credit": Deposit,

	"withdrawal": Withdrawal, "withdrawals": Withdrawal, "withdraw": Withdrawal, "wd": Withdrawal,
	"payout": Withdrawal, "pay-out": Withdrawal, "pay_out": Withdrawal, "pay out": Withdrawal,
	"cashout": Withdrawal, "cash-out": Withdrawal, "cash_out": Withdrawal, "cash out": Withdrawal,
	"debit": Withdrawal,
}

var builtinRails = map[string]string{
	"ach": RailACH, "nacha": RailACH,
	"card": RailCard, "cards": RailCard, "debit_card": RailCard, "credit_card": RailCard,
	"debit card": RailCard, "credit card": RailCard,
	"apple_pay": RailApplePay, "applepay": RailApplePay, "apple pay": RailApplePay, "apple-pay": RailApplePay,
	"wire": RailWire, "wire_transfer": RailWire, "wire transfer": RailWire, "fedwire": RailWire,
}

var builtinStatuses = map[string]string{
	"pending": StatusPending, "processing": StatusPending, "initiated": StatusPending,
	"submitted": StatusPending, "in_progress": StatusPending, "in progress": StatusPending,
	"completed": StatusCompleted, "complete": StatusCompleted, "succeeded": StatusCompleted,
	"success": StatusCompleted, "successful": StatusCompleted, "settled": StatusCompleted,
	"posted": StatusCompleted, "paid": StatusCompleted,
	"failed": StatusFailed, "failure": StatusFailed, "declined": StatusFailed, "rejected": StatusFailed,
	"returned": StatusReturned, "return": StatusReturned,
	"reversed": StatusReversed, "reversal": StatusReversed,
	"refunded": StatusRefunded, "refund": StatusRefunded,
	"charged_back": StatusChargedBack, "chargeback": StatusChargedBack, "charged back": StatusChargedBack,
	"charged-back": StatusChargedBack, "chargedback": StatusChargedBack,
	"cancelled": StatusCancelled, "canceled": StatusCancelled,
}

// lower returns s lower-cased, without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// typ reads a type value: the mapping's types first, then the built-in
// words, case-insensitively.
func (l *layout) typ(s string) (Type, bool) {
	k := lower(s)
	if t, ok := l.types[k]; ok {
		return t, true
	}
	switch k { // the common words without a map lookup
	case "deposit":
		return Deposit, true
	case "withdrawal":
		return Withdrawal, true
	}
	t, ok := builtinTypes[k]
	return t, ok
}

// rail reads a rail value; empty is allowed (the rail is not known).
func (l *layout) rail(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	k := lower(s)
	if r, ok := l.rails[k]; ok {
		return r, true
	}
	// The constants themselves, never k: k may point into the row, which
	// must not be retained.
	switch k {
	case RailACH:
		return RailACH, true
	case RailCard:
		return RailCard, true
	case RailApplePay:
		return RailApplePay, true
	case RailWire:
		return RailWire, true
	}
	r, ok := builtinRails[k]
	return r, ok
}

// status reads a status value onto the Status constants; unknown values
// are returned lower-cased.
func (l *layout) status(s string) string {
	k := lower(s)
	if st, ok := l.statuses[k]; ok {
		return st
	}
	if st, ok := statusConst(k); ok {
		return st
	}
	if st, ok := builtinStatuses[k]; ok {
		return st
	}
	return k
}

// statusConst returns the Status constant equal to s (the constant, not s).
func statusConst(s string) (string, bool) {
	for _, st := range statuses {
		if s == st {
			return st, true
		}
	}
	return "", false
}

// last4 keeps the last four digits of an account number or mask; padded
// is true when fewer than four digits were given and zeros were put in
// front (spreadsheets drop leading zeros).
func last4(s string) (out string, padded bool) {
	var d [4]byte
	n := 0
	for i := len(s) - 1; i >= 0 && n < 4; i-- {
		if c := s[i]; '0' <= c && c <= '9' {
			n++
			d[4-n] = c
		}
	}
	switch n {
	case 0:
		return "", false
	case 4:
		if len(s) == 4 {
			return s, false
		}
		return string(d[:]), false
	}
	for i := range 4 - n {
		d[i] = '0'
	}
	return string(d[:]), true
}

// amount is a parsed amount before the sign convention is applied.
type amount struct {
	value decimal.Decimal // absolute value
	neg   bool
}

// Amount limits: no real payment needs more, and unbounded exponents would
// let a single cell make later arithmetic allocate without end.
const (
	maxIntDigits  = 20
	maxFracDigits = 12
)

// parseAmount reads a written amount: 1234.56, 1,234.56, -25.00, $25.00,
// (25.00), 25.00-, 1.234,56 € ... with the layout's separators. The error
// is a message for the analyst.
func (l *layout) parseAmount(s string) (amount, string) {
	s = csvin.TrimCell(s)
	if s != "" && isDigit(s[0]) && isDigit(s[len(s)-1]) {
		return l.parseDigits(s, false) // no sign, no symbol: the common case
	}
	neg, parens, signed := false, false, false
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		neg, parens = true, true
		s = csvin.TrimCell(s[1 : len(s)-1])
	}
	takeSign := func() {
		if signed || s == "" {
			return
		}
		switch s[0] {
		case '-':
			neg, signed = !neg, true
			s = csvin.TrimCell(s[1:])
		case '+':
			signed = true
			s = csvin.TrimCell(s[1:])
		}
	}
	takeSign()
	if rest, ok := cutSymbol(s, true); ok {
		s = rest
		takeSign()
	}
	if !signed && len(s) > 1 && s[len(s)-1] == '-' {
		neg, signed = !neg, true
		s = csvin.TrimCell(s[:len(s)-1])
	}
	if rest, ok := cutSymbol(s, false); ok {
		s = rest
	}
	if !signed && len(s) > 1 && s[len(s)-1] == '-' {
		neg = !neg
		s = csvin.TrimCell(s[:len(s)-1])
	}
	if s == "" {
		return amount{}, "no amount"
	}
	if parens && signed {
		return amount{}, "not a number: both parentheses and a sign"
	}
	return l.parseDigits(s, neg)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// parseDigits reads the digits of an amount, its sign and symbols taken
// away, checking digit grouping.
func (l *layout) parseDigits(s string, neg bool) (amount, string) {

	// The digits, with grouping checked.
	var digits [maxIntDigits + maxFracDigits]byte
	nd, frac := 0, -1 // frac: index in digits where the fraction starts
	sawDecimal := false
	groups, group := 0, 0
	sep := l.thousands
	declared := sep != 0
	if !declared {
		// Undeclared: the other of "," and "." may group digits where it
		// cannot be read as a decimal point.
		sep = ','
		if l.decimal == ',' {
			sep = '.'
		}
	}
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case '0' <= c && c <= '9':
			if nd == len(digits) {
				return amount{}, "amount has too many digits"
			}
			digits[nd] = byte(c)
			nd++
			group++
		case c == l.decimal && frac < 0:
			if groups > 0 && group != 3 {
				return amount{}, badGroups(sep, declared)
			}
			frac = nd
			sawDecimal = true
		case frac < 0 && (c == sep || sep == ' ' && (c == '\u00a0' || c == '\u202f')):
			if groups == 0 && (group == 0 || group > 3) || groups > 0 && group != 3 {
				return amount{}, badGroups(sep, declared)
			}
			groups++
			group = 0
		default:
			return amount{}, "not a number"
		}
		i += size
	}
	if frac < 0 {
		if groups > 0 && group != 3 {
			return amount{}, badGroups(sep, declared)
		}
		if groups == 1 && !declared {
			return amount{}, "ambiguous: " + string(sep) + " may be a thousands separator or a decimal point; set thousands_separator or decimal_separator in a mapping"
		}
		frac = nd
	}
	intDigits, fracDigits := frac, nd-frac
	if intDigits == 0 && fracDigits == 0 {
		return amount{}, "not a number"
	}
	if fracDigits == 0 && sawDecimal {
		return amount{}, "no digits after the decimal point"
	}
	if intDigits > maxIntDigits {
		return amount{}, "amount too large"
	}
	if fracDigits > maxFracDigits {
		return amount{}, "amount has too many decimals"
	}
	if l.minor && fracDigits > 0 {
		return amount{}, "amounts are in minor units (cents) and must be whole numbers"
	}
	return amount{value: digitsDecimal(digits[:nd], -int32(fracDigits)), neg: neg}, ""
}

// badGroups is the message for digit groups that are not of three digits.
func badGroups(sep rune, declared bool) string {
	const msg = "digit groups of an amount must have three digits"
	if declared {
		return msg
	}
	return msg + " (if " + strconv.Quote(string(sep)) + " is the decimal point here, set decimal_separator in a mapping)"
}

// digitsDecimal makes the decimal digits × 10^exp.
func digitsDecimal(digits []byte, exp int32) decimal.Decimal {
	if len(digits) <= 18 {
		var v int64
		for _, c := range digits {
			v = v*10 + int64(c-'0')
		}
		return decimal.New(v, exp)
	}
	d, err := decimal.NewFromString(string(digits))
	if err != nil {
		return decimal.Decimal{} // cannot happen: digits only
	}
	return d.Shift(exp)
}

// parseNumber reads a JSON number literal exactly (never via float64).
func (l *layout) parseNumber(s string) (amount, string) {
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	if strings.ContainsAny(body, "eE") {
		d, err := decimal.NewFromString(body)
		if err != nil {
			return amount{}, "not a number"
		}
		coef := len(d.Coefficient().String())
		exp := d.Exponent()
		if exp > 0 && int(exp)+coef > maxIntDigits || exp < 0 && (coef+int(exp) > maxIntDigits || -exp > maxFracDigits) {
			return amount{}, "amount out of range"
		}
		if l.minor && exp < 0 && !d.Equal(d.Truncate(0)) {
			return amount{}, "amounts are in minor units (cents) and must be whole numbers"
		}
		return amount{value: d.Abs(), neg: neg && !d.IsZero()}, ""
	}
	// Plain digits with an optional fraction: the written-amount path
	// reads them exactly, with "." as the only separator.
	var digits [maxIntDigits + maxFracDigits]byte
	nd, frac := 0, -1
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case '0' <= c && c <= '9':
			if nd == len(digits) {
				return amount{}, "amount has too many digits"
			}
			digits[nd] = c
			nd++
		case c == '.' && frac < 0:
			frac = nd
		default:
			return amount{}, "not a number"
		}
	}
	if nd == 0 {
		return amount{}, "not a number"
	}
	if frac < 0 {
		frac = nd
	}
	if frac > maxIntDigits {
		return amount{}, "amount too large"
	}
	if nd-frac > maxFracDigits {
		return amount{}, "amount has too many decimals"
	}
	if l.minor && nd > frac {
		return amount{}, "amounts are in minor units (cents) and must be whole numbers"
	}
	return amount{value: digitsDecimal(digits[:nd], -int32(nd-frac)), neg: neg}, ""
}

// cutSymbol removes a currency symbol at the front (or the back) of s.
func cutSymbol(s string, front bool) (string, bool) {
	for _, sym := range [...]string{"$", "€", "£", "¥"} {
		if front && strings.HasPrefix(s, sym) {
			return csvin.TrimCell(s[len(sym):]), true
		}
		if !front && strings.HasSuffix(s, sym) {
			return csvin.TrimCell(s[:len(s)-len(sym)]), true
		}
	}
	return s, false
}

// Dates.

// usLayouts are the month-first forms, tried after the ISO forms.
var usLayouts = []string{"1/2/2006 15:04", "1/2/2006 15:04:05", "1/2/2006"}

const (
	minYear = 1900
	maxYear = 2200
)

// parseTime reads created_at: the mapping's layouts, then RFC 3339 and
// the ISO forms (fast path), the US month-first forms, and Unix seconds.
// Times without a zone are in the layout's zone.
func (l *layout) parseTime(s string) (time.Time, bool) {
	for _, f := range l.formats {
		if t, err := time.ParseInLocation(f, s, l.loc); err == nil {
			return t, inRange(t)
		}
	}
	if t, ok := l.parseISO(s); ok {
		return t, inRange(t)
	}
	if len(s) >= 6 && strings.IndexByte(s, '/') > 0 {
		for _, f := range usLayouts {
			if t, err := time.ParseInLocation(f, s, l.loc); err == nil {
				return t, inRange(t)
			}
		}
	}
	if (len(s) == 9 || len(s) == 10) && allDigits(s) {
		n, err := strconv.ParseInt(s, 10, 64)
		if t := time.Unix(n, 0).In(l.loc); err == nil && inRange(t) {
			return t, true
		}
	}
	return time.Time{}, false
}

func inRange(t time.Time) bool { return t.Year() >= minYear && t.Year() <= maxYear }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// parseISO reads YYYY-MM-DD, optionally followed by T or a space,
// hh:mm[:ss[.fraction]] and a zone (Z, ±hh, ±hhmm, ±hh:mm).
func (l *layout) parseISO(s string) (time.Time, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	y, mo, d := csvin.DigitsAt(s, 0, 4), csvin.DigitsAt(s, 5, 2), csvin.DigitsAt(s, 8, 2)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > payment.DaysIn(time.Month(mo), y) {
		return time.Time{}, false
	}
	if len(s) == 10 {
		return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, l.loc), true
	}
	if c := s[10]; c != 'T' && c != 't' && c != ' ' {
		return time.Time{}, false
	}
	// The hour may have one digit (9:30:00), as Go's own parser allows.
	hd := 2
	if len(s) > 12 && s[12] == ':' {
		hd = 1
	}
	if len(s) < 14+hd || s[11+hd] != ':' {
		return time.Time{}, false
	}
	h, mi := csvin.DigitsAt(s, 11, hd), csvin.DigitsAt(s, 12+hd, 2)
	if h < 0 || h > 23 || mi < 0 || mi > 59 {
		return time.Time{}, false
	}
	rest := s[14+hd:]
	sec, nsec := 0, 0
	if len(rest) > 0 && rest[0] == ':' {
		if sec = csvin.DigitsAt(rest, 1, 2); sec < 0 || sec > 59 {
			return time.Time{}, false
		}
		rest = rest[3:]
		if len(rest) > 1 && (rest[0] == '.' || rest[0] == ',') {
			i := 1
			scale := 100_000_000
			for ; i < len(rest) && rest[i] >= '0' && rest[i] <= '9'; i++ {
				if i > 9 {
					return time.Time{}, false
				}
				nsec += int(rest[i]-'0') * scale
				scale /= 10
			}
			if i == 1 {
				return time.Time{}, false
			}
			rest = rest[i:]
		}
	}
	if rest == "" {
		return time.Date(y, time.Month(mo), d, h, mi, sec, nsec, l.loc), true
	}
	if rest == "Z" || rest == "z" {
		return time.Date(y, time.Month(mo), d, h, mi, sec, nsec, time.UTC), true
	}
	if rest[0] == ' ' {
		rest = rest[1:]
	}
	if len(rest) < 3 || rest[0] != '+' && rest[0] != '-' {
		return time.Time{}, false
	}
	oh, om := csvin.DigitsAt(rest, 1, 2), 0
	switch len(rest) {
	case 3:
	case 5:
		om = csvin.DigitsAt(rest, 3, 2)
	case 6:
		if rest[3] != ':' {
			return time.Time{}, false
		}
		om = csvin.DigitsAt(rest, 4, 2)
	default:
		return time.Time{}, false
	}
	if oh < 0 || oh > 23 || om < 0 || om > 59 {
		return time.Time{}, false
	}
	off := (oh*60 + om) * 60
	if rest[0] == '-' {
		off = -off
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, nsec, time.UTC).Add(-time.Duration(off) * time.Second)
	// Keep the layout's zone when it has this offset at that instant (no
	// allocation, and the zone's name); otherwise a fixed zone.
	if local := t.In(l.loc); zoneOffset(local) == off {
		return local, true
	}
	return t.In(fixedZone(off)), true
}

func zoneOffset(t time.Time) int {
	_, off := t.Zone()
	return off
}

// fixedZone returns a zone at offset seconds east of UTC.
func fixedZone(off int) *time.Location {
	if off == 0 {
		return time.UTC
	}
	return time.FixedZone("", off)
}
