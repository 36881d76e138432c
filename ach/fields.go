package ach

import (
	"time"

	"github.com/payinv/payinv/payment"
)

// Field helpers work on the raw record text, because moov-io/ach turns a
// malformed number into 0 and a malformed date into "" without a word.

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return true
}

// parseDigits reads an unsigned decimal number; ok is false when s holds
// anything but digits.
func parseDigits(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// parseYYMMDD reads a six-digit date. Years 00–69 are 2000–2069, 70–99 are
// 1970–1999. ok is false for anything that is not a real date.
func parseYYMMDD(s string) (payment.Date, bool) {
	if len(s) != 6 || !isDigits(s) {
		return payment.Date{}, false
	}
	yy := int(s[0]-'0')*10 + int(s[1]-'0')
	mm := int(s[2]-'0')*10 + int(s[3]-'0')
	dd := int(s[4]-'0')*10 + int(s[5]-'0')
	year := 2000 + yy
	if yy >= 70 {
		year = 1900 + yy
	}
	if mm < 1 || mm > 12 || dd < 1 || dd > daysIn(year, time.Month(mm)) {
		return payment.Date{}, false
	}
	return payment.Date{Year: year, Month: time.Month(mm), Day: dd}, true
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ResolveJulian turns a three-digit day of the year (the settlement date
// the ACH Operator writes in a batch header) into a date. The year is not
// in the file: it is the one that puts the day closest to near (the
// effective date or the file's creation date), so that a settlement on
// day 004 of a batch dated December 31 lands in the next January.
func ResolveJulian(day string, near payment.Date) (payment.Date, bool) {
	n, ok := parseDigits(day)
	if !ok || len(day) != 3 || n < 1 || n > 366 || near.IsZero() {
		return payment.Date{}, false
	}
	var best payment.Date
	bestGap := -1
	for year := near.Year - 1; year <= near.Year+1; year++ {
		if n == 366 && daysIn(year, time.February) != 29 {
			continue
		}
		d := payment.NewDate(year, time.January, int(n))
		gap := near.DaysUntil(d)
		if gap < 0 {
			gap = -gap
		}
		if bestGap < 0 || gap < bestGap {
			best, bestGap = d, gap
		}
	}
	return best, bestGap >= 0
}

// checkDigit computes the ABA check digit of an eight-digit routing prefix.
func checkDigit(rdfi string) (byte, bool) {
	if len(rdfi) != 8 || !isDigits(rdfi) {
		return 0, false
	}
	weights := [8]int{3, 7, 1, 3, 7, 1, 3, 7}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(rdfi[i]-'0') * weights[i]
	}
	return byte('0' + (10-sum%10)%10), true
}

// secCodes are the Standard Entry Class codes the rules define (and
// moov-io/ach reads).
var secCodes = map[string]bool{
	"ACK": true, "ADV": true, "ARC": true, "ATX": true, "BOC": true, "CCD": true,
	"CIE": true, "COR": true, "CTX": true, "DNE": true, "ENR": true, "IAT": true,
	"MTE": true, "POP": true, "POS": true, "PPD": true, "RCK": true, "SHR": true,
	"TEL": true, "TRC": true, "TRX": true, "WEB": true, "XCK": true,
}

// consumerSEC are the SEC codes whose debits go to consumer accounts, where
// an unauthorized debit may be returned up to 60 days after settlement.
var consumerSEC = map[string]bool{
	"ARC": true, "BOC": true, "IAT": true, "MTE": true, "POP": true, "POS": true,
	"PPD": true, "RCK": true, "SHR": true, "TEL": true, "WEB": true, "XCK": true,
}
