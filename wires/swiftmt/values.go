package swiftmt

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// parseDate6 reads a YYMMDD date. Years 80–99 are 1980–1999, the rest
// 2000–2079.
func parseDate6(s string) (payment.Date, bool) {
	if len(s) != 6 || !allDigits(s) {
		return payment.Date{}, false
	}
	yy, mm, dd := atoi2(s[0:2]), atoi2(s[2:4]), atoi2(s[4:6])
	year := 2000 + yy
	if yy >= 80 {
		year = 1900 + yy
	}
	if mm < 1 || mm > 12 || dd < 1 || dd > payment.DaysIn(time.Month(mm), year) {
		return payment.Date{}, false
	}
	return payment.Date{Year: year, Month: time.Month(mm), Day: dd}, true
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

// parseDateTime reads YYMMDDHHMM with an optional ±HHMM offset, as in
// :13D: and the first line of a gpi status. It returns the date, and the
// instant in RFC 3339 when the offset is given ("" otherwise).
func parseDateTime(s string) (payment.Date, string, bool) {
	if len(s) < 10 {
		return payment.Date{}, "", false
	}
	d, ok := parseDate6(s[:6])
	if !ok || !allDigits(s[6:10]) {
		return payment.Date{}, "", false
	}
	hh, mi := atoi2(s[6:8]), atoi2(s[8:10])
	if hh > 23 || mi > 59 {
		return payment.Date{}, "", false
	}
	rest := s[10:]
	if len(rest) != 5 || (rest[0] != '+' && rest[0] != '-') || !allDigits(rest[1:]) {
		return d, "", rest == ""
	}
	oh, om := atoi2(rest[1:3]), atoi2(rest[3:5])
	if oh > 14 || om > 59 {
		return d, "", false
	}
	off := (oh*60 + om) * 60
	if rest[0] == '-' {
		off = -off
	}
	t := time.Date(d.Year, d.Month, d.Day, hh, mi, 0, 0, time.FixedZone("", off))
	return d, t.Format(time.RFC3339), true
}

// parseAmount reads an MT amount: digits with a decimal comma, "136480,"
// or "15669,38". An amount without a comma is read as a whole amount and
// reported in warn; one with a decimal point, or anything else, is an
// error.
func parseAmount(s string) (d decimal.Decimal, warn string, err error) {
	if s == "" {
		return d, "", fmt.Errorf("no amount")
	}
	comma := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == ',' && comma < 0:
			comma = i
		case c == '.':
			return d, "", fmt.Errorf("amount %q has a decimal point; SWIFT writes amounts with a decimal comma (%s)", s, strings.Replace(s, ".", ",", 1))
		default:
			return d, "", fmt.Errorf("amount %q is not a number (digits and a decimal comma)", s)
		}
	}
	whole, frac := s, ""
	switch {
	case comma == 0:
		return d, "", fmt.Errorf("amount %q has no digit before its decimal comma", s)
	case comma > 0:
		whole, frac = s[:comma], s[comma+1:]
	default:
		warn = fmt.Sprintf("amount %q has no decimal comma (SWIFT writes %s,); read as a whole amount", s, s)
	}
	if len(whole)+len(frac) > 18 {
		return d, "", fmt.Errorf("amount %q has more than 15 digits", s)
	}
	var v int64
	for i := 0; i < len(whole); i++ {
		v = v*10 + int64(whole[i]-'0')
	}
	for i := 0; i < len(frac); i++ {
		v = v*10 + int64(frac[i]-'0')
	}
	return decimal.New(v, -int32(len(frac))), warn, nil
}

// parseMoney reads a currency and an amount, "USD25,00".
func parseMoney(s string) (payment.Money, string, error) {
	s = strings.TrimSpace(s)
	if len(s) < 4 {
		return payment.Money{}, "", fmt.Errorf("%q is not a currency and an amount", s)
	}
	ccy, ok := payment.CurrencyCode(s[:3])
	if !ok || !isLetters(s[:3]) {
		return payment.Money{}, "", fmt.Errorf("currency %q is not a three-letter code", s[:3])
	}
	amt, warn, err := parseAmount(s[3:])
	if err != nil {
		return payment.Money{}, "", err
	}
	return payment.Money{Amount: amt, Currency: ccy}, warn, nil
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// valueDateAmount is field 32A: value date, currency, amount.
type valueDateAmount struct {
	date  payment.Date
	money payment.Money
	warn  string
}

// parse32A reads "261119USD9975,00".
func parse32A(s string) (valueDateAmount, error) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return valueDateAmount{}, fmt.Errorf("%q is not a value date (YYMMDD), a currency and an amount", s)
	}
	d, ok := parseDate6(s[:6])
	if !ok {
		return valueDateAmount{}, fmt.Errorf("value date %q is not a valid date (YYMMDD)", s[:6])
	}
	m, warn, err := parseMoney(s[6:])
	if err != nil {
		return valueDateAmount{}, err
	}
	return valueDateAmount{date: d, money: m, warn: warn}, nil
}

// rate turns an MT rate with a decimal comma ("0,9123") into the point
// form; ok is false when it is not a number.
func rate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if _, _, err := parseAmount(s); err != nil {
		return "", false
	}
	s = strings.TrimSuffix(s, ",")
	return strings.Replace(s, ",", ".", 1), true
}

// party is an ordering customer (50a) or beneficiary (59a) read from its
// field: the account line, the name, and a routing number when the
// account line is a Fedwire clearing code.
type party struct {
	name, account, aba string
}

// parseParty reads a customer field of option "" (59), A (BIC), F
// (structured) or K (name and address).
func parseParty(f *field) party {
	var p party
	var arr [8]string
	ls := lines(arr[:0], f.value)
	if len(ls) > 0 && strings.HasPrefix(ls[0], "/") {
		first := strings.TrimSpace(ls[0])
		if aba, ok := fedwireCode(first); ok {
			p.aba = aba
		} else if !strings.HasPrefix(first, "//") {
			p.account = strings.TrimSpace(first[1:])
		}
		ls = ls[1:]
	} else if f.letter() == "F" && len(ls) > 0 && !strings.HasPrefix(ls[0], "1/") {
		ls = ls[1:] // a party identifier (code/country/id), not an account
	}
	switch f.letter() {
	case "F":
		var names []string
		for _, l := range ls {
			if strings.HasPrefix(l, "1/") {
				names = append(names, strings.TrimSpace(l[2:]))
			}
		}
		if len(names) > 0 {
			p.name = strings.Join(names, " ")
			return p
		}
	}
	for _, l := range ls {
		if l = strings.TrimSpace(l); l != "" {
			p.name = l
			break
		}
	}
	return p
}

// fedwireCode reads a Fedwire routing number written as a clearing code,
// "//FW021040078"; ok is false for anything else.
func fedwireCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "//FW") {
		return "", false
	}
	aba := s[4:]
	return aba, len(aba) == 9 && allDigits(aba)
}

// agent is a bank field (52a–58a) read: the bank as a payment.WireAgent,
// and the account line when it names an account rather than the bank.
type agent struct {
	payment.WireAgent
	account string
}

// parseAgent reads a bank field of option A (BIC), B (location), C
// (party identifier only) or D (name and address). The ID is the
// Fedwire routing number when a "//FW" line gives one, else the BIC, else
// the clearing code; a BIC not used as the ID goes in Name.
func parseAgent(f *field) agent {
	var a agent
	var arr [8]string
	ls := lines(arr[:0], f.value)
	var clearing string
	if len(ls) > 0 && strings.HasPrefix(ls[0], "/") {
		first := strings.TrimSpace(ls[0])
		switch {
		case strings.HasPrefix(first, "//"):
			clearing = first[2:]
		case len(first) > 3 && (first[1] == 'C' || first[1] == 'D') && first[2] == '/':
			a.account = first[3:] // /C/ or /D/ mark and an account
		default:
			a.account = first[1:]
		}
		ls = ls[1:]
	}
	rest := ""
	for _, l := range ls {
		if l = strings.TrimSpace(l); l != "" {
			rest = l
			break
		}
	}
	aba, isABA := fedwireCode("//" + clearing)
	switch f.letter() {
	case "A":
		a.ID = rest
		if isABA {
			a.ID, a.Name = aba, rest
		}
	case "C":
		a.ID = clearing
		if isABA {
			a.ID = aba
		}
		if a.ID == "" {
			a.ID = a.account
			a.account = ""
		}
	default: // B: location; D: name and address
		a.Name = rest
		a.ID = clearing
		if isABA {
			a.ID = aba
		}
	}
	return a
}

// sameAgent reports whether two agents are the same bank: same ID, a BIC
// of 8 characters matching its 11-character form with branch XXX.
func sameAgent(x, y payment.WireAgent) bool {
	return x.ID != "" && bic8(x.ID) == bic8(y.ID)
}

func bic8(s string) string {
	if len(s) == 11 && strings.HasSuffix(s, "XXX") {
		return s[:8]
	}
	return s
}

// isABA reports whether s is 9 digits, the shape of a US routing number.
func isABA(s string) bool { return len(s) == 9 && allDigits(s) }
