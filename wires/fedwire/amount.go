package fedwire

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// parseCents reads a {2000} amount: up to 12 digits of cents with no
// separators, "000001234567" being $12,345.67.
func parseCents(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, fmt.Errorf("it is blank")
	}
	if !allDigits(s) {
		return decimal.Decimal{}, fmt.Errorf("%q is not a number of cents (12 digits, no point or comma)", s)
	}
	if len(s) > 12 {
		return decimal.Decimal{}, fmt.Errorf("%q has %d digits; an amount has 12 (cents)", s, len(s))
	}
	var cents int64
	for i := 0; i < len(s); i++ {
		cents = cents*10 + int64(s[i]-'0')
	}
	return decimal.New(cents, -2), nil
}

// parseComma reads a FAIM amount or rate written with a decimal comma,
// "1234,56" or "1,2345", into a decimal.
func parseComma(s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	whole, frac, hasComma := strings.Cut(s, ",")
	if whole == "" || !allDigits(whole) || hasComma && frac != "" && !allDigits(frac) {
		return decimal.Decimal{}, fmt.Errorf("%q is not a number written with a decimal comma (like 1234,56)", s)
	}
	if frac != "" {
		whole += "." + frac
	}
	return decimal.NewFromString(whole)
}

// parseMoney reads "USD1234,56": a currency code and an amount with a
// decimal comma ({3700} charges).
func parseMoney(s string) (payment.Money, error) {
	s = strings.TrimSpace(s)
	if len(s) < 4 || !isUpperAlpha(s[:3]) {
		return payment.Money{}, fmt.Errorf("%q is not a currency code and an amount (like USD1234,56)", s)
	}
	d, err := parseComma(s[3:])
	if err != nil {
		return payment.Money{}, fmt.Errorf("%q is not a currency code and an amount (like USD1234,56)", s)
	}
	return payment.Money{Amount: d, Currency: s[:3]}, nil
}

func isUpperAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}
