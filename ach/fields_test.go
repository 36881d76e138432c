package ach

import (
	"fmt"
	"testing"

	moov "github.com/moov-io/ach"
	"github.com/stretchr/testify/assert"
)

func TestResolveJulian(t *testing.T) {
	tests := []struct {
		name string
		day  string
		near string
		want string // "" means not ok
	}{
		{"same year", "316", "2026-11-10", "2026-11-12"},
		{"first day", "001", "2026-01-05", "2026-01-01"},
		{"last day of a common year", "365", "2026-12-20", "2026-12-31"},
		{"wraps forward into January", "004", "2026-12-31", "2027-01-04"},
		{"wraps back into December", "364", "2027-01-02", "2026-12-30"},
		{"day 365 seen from New Year's Day", "365", "2026-01-01", "2025-12-31"},
		{"day 001 seen from New Year's Eve", "001", "2026-12-31", "2027-01-01"},
		{"366 in a leap year", "366", "2028-12-30", "2028-12-31"},
		{"366 from the year before a leap year", "366", "2027-12-31", "2028-12-31"},
		{"366 from the New Year after a leap year", "366", "2029-01-01", "2028-12-31"},
		{"366 with no leap year near", "366", "2026-06-15", ""},
		{"366 from a common year's end, no leap year within a year", "366", "2026-12-31", ""},
		{"day 060 in a leap year is February 29", "060", "2028-03-01", "2028-02-29"},
		{"day 060 in a common year is March 1", "060", "2026-03-01", "2026-03-01"},
		{"000", "000", "2026-11-10", ""},
		{"367", "367", "2026-11-10", ""},
		{"999", "999", "2026-11-10", ""},
		{"letters", "abc", "2026-11-10", ""},
		{"letter inside", "3O6", "2026-11-10", ""},
		{"blank", "   ", "2026-11-10", ""},
		{"empty", "", "2026-11-10", ""},
		{"two digits", "31", "2026-11-10", ""},
		{"four digits", "0316", "2026-11-10", ""},
		{"sign", "+31", "2026-11-10", ""},
		{"zero near", "004", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ResolveJulian(tt.day, mustDate(t, tt.near))
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, mustDate(t, tt.want), got)
		})
	}
}

func TestParseYYMMDD(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means not ok
	}{
		{"261110", "2026-11-10"},
		{"261231", "2026-12-31"},
		{"270101", "2027-01-01"},
		{"280229", "2028-02-29"}, // leap year
		{"270229", ""},           // not a leap year
		{"000229", "2000-02-29"}, // 2000 is a leap year
		{"260431", ""},           // April has 30 days
		{"261131", ""},
		{"261310", ""}, // 13th month
		{"260010", ""}, // month 0
		{"261100", ""}, // day 0
		{"261132", ""},
		{"26111O", ""}, // letter O
		{"ABCDEF", ""},
		{"26-11-", ""},
		{"      ", ""},
		{"", ""},
		{"26111", ""},
		{"2611100", ""},
		// Years 00–69 are 2000–2069, 70–99 are 1970–1999.
		{"000101", "2000-01-01"},
		{"691231", "2069-12-31"},
		{"700101", "1970-01-01"},
		{"991231", "1999-12-31"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			got, ok := parseYYMMDD(tt.in)
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, mustDate(t, tt.want), got)
		})
	}
}

func TestCheckDigit(t *testing.T) {
	tests := []struct {
		rdfi string
		want byte // 0 means not ok
	}{
		// The banks of fixtures/ach/README.md.
		{"07401250", '3'},
		{"01100001", '5'},
		{"04400347", '4'},
		{"06110497", '4'},
		{"10710538", '7'},
		{"12203518", '6'},
		{"11300672", '6'},
		{"03190422", '7'},
		// moov-io/ach samples.
		{"23138010", '4'},
		{"12104288", '2'},
		{"00000000", '0'}, // sum 0
		{"0740125", 0},
		{"074012503", 0},
		{"0740125O", 0},
		{"        ", 0},
		{"", 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.rdfi), func(t *testing.T) {
			got, ok := checkDigit(tt.rdfi)
			assert.Equal(t, tt.want != 0, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestCheckDigitMatchesMoov compares checkDigit with moov-io/ach's
// CalculateCheckDigit over a spread of routing prefixes.
func TestCheckDigitMatchesMoov(t *testing.T) {
	for i := 0; i < 100_000_000; i += 99_991 {
		rdfi := fmt.Sprintf("%08d", i)
		got, ok := checkDigit(rdfi)
		if !assert.True(t, ok, rdfi) {
			continue
		}
		assert.Equal(t, moov.CalculateCheckDigit(rdfi), int(got-'0'), rdfi)
	}
}

func TestLookupTransactionCode(t *testing.T) {
	type want struct {
		account string
		debit   bool
		purpose string
	}
	const (
		chk = "checking"
		sav = "savings"
		gl  = "general_ledger"
		ln  = "loan"
		adv = "accounting"
	)
	defined := map[int]want{
		21: {chk, false, "return_or_noc"}, 22: {chk, false, "live"}, 23: {chk, false, "prenote"}, 24: {chk, false, "zero_dollar"},
		26: {chk, true, "return_or_noc"}, 27: {chk, true, "live"}, 28: {chk, true, "prenote"}, 29: {chk, true, "zero_dollar"},
		31: {sav, false, "return_or_noc"}, 32: {sav, false, "live"}, 33: {sav, false, "prenote"}, 34: {sav, false, "zero_dollar"},
		36: {sav, true, "return_or_noc"}, 37: {sav, true, "live"}, 38: {sav, true, "prenote"}, 39: {sav, true, "zero_dollar"},
		41: {gl, false, "return_or_noc"}, 42: {gl, false, "live"}, 43: {gl, false, "prenote"}, 44: {gl, false, "zero_dollar"},
		46: {gl, true, "return_or_noc"}, 47: {gl, true, "live"}, 48: {gl, true, "prenote"}, 49: {gl, true, "zero_dollar"},
		51: {ln, false, "return_or_noc"}, 52: {ln, false, "live"}, 53: {ln, false, "prenote"}, 54: {ln, false, "zero_dollar"},
		55: {ln, true, "live"}, // loan debit, for reversals only
		56: {ln, true, "return_or_noc"},
		// ADV accounting records: odd codes credit, even codes debit.
		81: {adv, false, "advice"}, 82: {adv, true, "advice"}, 83: {adv, false, "advice"}, 84: {adv, true, "advice"},
		85: {adv, false, "advice"}, 86: {adv, true, "advice"}, 87: {adv, false, "advice"}, 88: {adv, true, "advice"},
	}
	codes := []int{-1, 0, 1, 10, 19, 60, 61, 79, 90, 99, 100, 122}
	for c := 20; c <= 59; c++ {
		codes = append(codes, c)
	}
	for c := 80; c <= 89; c++ {
		codes = append(codes, c)
	}
	for _, code := range codes {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			got, ok := LookupTransactionCode(code)
			w, exists := defined[code]
			if !exists {
				assert.False(t, ok, "%d is not a Nacha transaction code", code)
				assert.Equal(t, TransactionCode{}, got)
				return
			}
			assert.True(t, ok)
			assert.Equal(t, TransactionCode{Code: code, AccountType: w.account, Debit: w.debit, Purpose: w.purpose}, got)
		})
	}
	// 25, 35 and 45 exist only for loans (55); 57–59 not even there.
	for _, code := range []int{25, 35, 45, 57, 58, 59, 20, 30, 40, 50, 80, 89} {
		_, ok := LookupTransactionCode(code)
		assert.False(t, ok, "%d", code)
	}
}

// TestTransactionCodeMatchesMoov: the codes the rules define are exactly
// those moov-io/ach accepts.
func TestTransactionCodeMatchesMoov(t *testing.T) {
	for code := 0; code <= 99; code++ {
		_, ok := LookupTransactionCode(code)
		assert.Equal(t, moov.StandardTransactionCode(code) == nil, ok, "%d", code)
	}
}

func TestTransactionCodeDescription(t *testing.T) {
	tests := []struct {
		code int
		want string
	}{
		{22, "checking credit"},
		{27, "checking debit"},
		{23, "checking credit prenote"},
		{28, "checking debit prenote"},
		{24, "checking zero-dollar credit"},
		{29, "checking zero-dollar debit"},
		{21, "checking credit return/NOC"},
		{26, "checking debit return/NOC"},
		{32, "savings credit"},
		{33, "savings credit prenote"},
		{37, "savings debit"},
		{36, "savings debit return/NOC"},
		{42, "general ledger credit"},
		{47, "general ledger debit"},
		{48, "general ledger debit prenote"},
		{52, "loan credit"},
		{55, "loan debit"},
		{51, "loan credit return/NOC"},
		{56, "loan debit return/NOC"},
		{81, "accounting advice credit"},
		{82, "accounting advice debit"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.code), func(t *testing.T) {
			tc, ok := LookupTransactionCode(tt.code)
			assert.True(t, ok)
			assert.Equal(t, tt.want, tc.Description())
		})
	}
	// Every defined code has a description naming its side.
	for code := 0; code <= 99; code++ {
		tc, ok := LookupTransactionCode(code)
		if !ok {
			continue
		}
		side := "credit"
		if tc.Debit {
			side = "debit"
		}
		assert.Contains(t, tc.Description(), side, "%d", code)
	}
}
