package ach

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	moov "github.com/moov-io/ach"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReturnCodesWellFormed(t *testing.T) {
	codes := ReturnCodes()
	require.NotEmpty(t, codes)

	seen := map[string]bool{}
	for i, c := range codes {
		t.Run(c.Code, func(t *testing.T) {
			assert.Regexp(t, `^R\d\d$`, c.Code)
			assert.False(t, seen[c.Code], "duplicate code")
			if i > 0 {
				assert.Less(t, codes[i-1].Code, c.Code, "codes must be sorted")
			}
			for field, v := range map[string]string{
				"Title":        c.Title,
				"Initiator":    c.Initiator,
				"TimeFrame":    string(c.TimeFrame),
				"Category":     string(c.Category),
				"Reinitiation": string(c.Reinitiation),
				"Status":       string(c.Status),
				"Meaning":      c.Meaning,
				"Customer":     c.Customer,
				"Action":       c.Action,
			} {
				assert.NotEmpty(t, strings.TrimSpace(v), "%s is empty", field)
			}
			assert.Contains(t, []string{"RDFI", "ACH Operator", "ODFI", "Gateway", "Federal agency"}, c.Initiator)
			assert.Contains(t, []TimeFrame{TwoBankingDays, SixtyCalendarDays, TwoBankingDaysAfterNotice,
				NextFileDelivery, ByAgreement, DishonorFiveBankingDays, ContestTwoBankingDays, Enrollment}, c.TimeFrame)
			assert.Contains(t, []RateCategory{Unauthorized, Administrative, OtherReturn}, c.Category)
			assert.Contains(t, []Reinitiation{RetryAllowed, AfterCorrection, WithReceiverApproval,
				NewAuthorization, NotAllowed, NotApplicable}, c.Reinitiation)
			assertCatalogStatusDates(t, c.Status, c.EffectiveFrom, c.RetiredOn)
			if c.WrittenStatement {
				assert.Equal(t, SixtyCalendarDays, c.TimeFrame, "a Written Statement only goes with the 60-day window")
			}
		})
		seen[c.Code] = true
	}
}

func TestChangeCodesWellFormed(t *testing.T) {
	codes := ChangeCodes()
	require.NotEmpty(t, codes)

	seen := map[string]bool{}
	for i, c := range codes {
		t.Run(c.Code, func(t *testing.T) {
			assert.Regexp(t, `^C\d\d$`, c.Code)
			assert.False(t, seen[c.Code], "duplicate code")
			if i > 0 {
				assert.Less(t, codes[i-1].Code, c.Code, "codes must be sorted")
			}
			for field, v := range map[string]string{
				"Title":         c.Title,
				"CorrectedData": c.CorrectedData,
				"Status":        string(c.Status),
				"Meaning":       c.Meaning,
				"Customer":      c.Customer,
				"Action":        c.Action,
			} {
				assert.NotEmpty(t, strings.TrimSpace(v), "%s is empty", field)
			}
			assertCatalogStatusDates(t, c.Status, "", c.RetiredOn)
		})
		seen[c.Code] = true
	}
}

func assertCatalogStatusDates(t *testing.T, status Status, effectiveFrom, retiredOn string) {
	t.Helper()
	assert.Contains(t, []Status{Current, Future, Retired}, status)
	if status == Future {
		assert.NotEmpty(t, effectiveFrom, "a Future code needs EffectiveFrom")
	}
	if status != Retired {
		assert.Empty(t, retiredOn, "only Retired codes have RetiredOn")
	}
	for _, d := range []string{effectiveFrom, retiredOn} {
		if d != "" {
			_, err := time.Parse(time.DateOnly, d)
			assert.NoError(t, err, "date %q must be YYYY-MM-DD", d)
		}
	}
}

func TestCatalogCoversMoov(t *testing.T) {
	for n := 0; n <= 99; n++ {
		rc := fmt.Sprintf("R%02d", n)
		if moov.LookupReturnCode(rc) != nil {
			_, ok := LookupReturnCode(rc)
			assert.True(t, ok, "moov-io/ach knows %s but the catalog does not", rc)
		}
		cc := fmt.Sprintf("C%02d", n)
		if moov.LookupChangeCode(cc) != nil {
			_, ok := LookupChangeCode(cc)
			assert.True(t, ok, "moov-io/ach knows %s but the catalog does not", cc)
		}
	}
}

func TestRateBuckets(t *testing.T) {
	byCategory := map[RateCategory][]string{}
	for _, c := range ReturnCodes() {
		byCategory[c.Category] = append(byCategory[c.Category], c.Code)
	}
	tests := []struct {
		category RateCategory
		want     []string
	}{
		{Unauthorized, []string{"R05", "R07", "R10", "R11", "R29", "R51"}},
		{Administrative, []string{"R02", "R03", "R04"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.category), func(t *testing.T) {
			assert.Equal(t, tt.want, byCategory[tt.category])
		})
	}
}

func TestReinitiation(t *testing.T) {
	tests := []struct {
		code string
		want Reinitiation
	}{
		{"R01", RetryAllowed},
		{"R09", RetryAllowed},
		{"R08", WithReceiverApproval},
		{"R05", NewAuthorization},
		{"R07", NewAuthorization},
		{"R10", NewAuthorization},
		{"R29", NewAuthorization},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, ok := LookupReturnCode(tt.code)
			require.True(t, ok)
			assert.Equal(t, tt.want, c.Reinitiation)
		})
	}
	// Only R01 and R09 may be retried as they are.
	for _, c := range ReturnCodes() {
		if c.Reinitiation == RetryAllowed {
			assert.Contains(t, []string{"R01", "R09"}, c.Code)
		}
	}
}

func TestTimingAndFlags(t *testing.T) {
	tests := []struct {
		code      string
		timeFrame TimeFrame
		written   bool
	}{
		{"R01", TwoBankingDays, false},
		{"R05", SixtyCalendarDays, true},
		{"R06", ByAgreement, false},
		{"R07", SixtyCalendarDays, true},
		{"R10", SixtyCalendarDays, true},
		{"R11", SixtyCalendarDays, true},
		{"R13", NextFileDelivery, false},
		{"R23", TwoBankingDaysAfterNotice, false},
		{"R29", TwoBankingDays, false},
		{"R31", ByAgreement, false},
		{"R33", SixtyCalendarDays, false},
		{"R37", SixtyCalendarDays, true},
		{"R38", SixtyCalendarDays, false},
		{"R40", Enrollment, false},
		{"R51", SixtyCalendarDays, true},
		{"R52", SixtyCalendarDays, false},
		{"R53", SixtyCalendarDays, true},
		{"R68", DishonorFiveBankingDays, false},
		{"R73", ContestTwoBankingDays, false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, ok := LookupReturnCode(tt.code)
			require.True(t, ok)
			assert.Equal(t, tt.timeFrame, c.TimeFrame)
			assert.Equal(t, tt.written, c.WrittenStatement)
		})
	}

	var operator, sensitive []string
	for _, c := range ReturnCodes() {
		if c.Initiator == "ACH Operator" {
			operator = append(operator, c.Code)
			assert.Equal(t, NextFileDelivery, c.TimeFrame, c.Code)
		}
		if c.Sensitive {
			sensitive = append(sensitive, c.Code)
		}
	}
	assert.Equal(t, []string{"R13", "R18", "R19", "R25", "R26", "R27", "R28", "R30", "R32", "R34", "R35", "R36"}, operator)
	assert.Equal(t, []string{"R14", "R15", "R16", "R17", "R90"}, sensitive)

	r90, ok := LookupReturnCode("R90")
	require.True(t, ok)
	assert.Equal(t, Future, r90.Status)
	assert.Equal(t, "2028-03-17", r90.EffectiveFrom)
	for _, code := range []string{"R63", "R64", "R65", "R66"} {
		c, ok := LookupReturnCode(code)
		require.True(t, ok, code)
		assert.Equal(t, Retired, c.Status, code)
		assert.Equal(t, "2006-09-15", c.RetiredOn, code)
	}
	c04, ok := LookupChangeCode("C04")
	require.True(t, ok)
	assert.Equal(t, Retired, c04.Status)
	assert.Equal(t, "2015-03-20", c04.RetiredOn)
}

var (
	customerCodePattern   = regexp.MustCompile(`\b[RC]\d\d\b`)
	customerForbiddenText = []string{"RDFI", "ODFI", "Nacha", "NACHA", "WSUD", "OFAC", "deceased", "death", "fraud", "sanction"}
)

func TestCustomerSentences(t *testing.T) {
	type entry struct{ code, text string }
	var entries []entry
	for _, c := range ReturnCodes() {
		entries = append(entries, entry{c.Code, c.Customer})
	}
	for _, c := range ChangeCodes() {
		entries = append(entries, entry{c.Code, c.Customer})
	}
	for _, e := range entries {
		t.Run(e.code, func(t *testing.T) {
			assert.NotRegexp(t, customerCodePattern, e.text)
			lower := strings.ToLower(e.text)
			for _, word := range customerForbiddenText {
				assert.NotContains(t, lower, strings.ToLower(word))
			}
			assert.True(t, strings.HasSuffix(e.text, "."), "must end with a period: %q", e.text)
			body := strings.TrimSuffix(e.text, ".")
			assert.NotContains(t, body, ". ", "must be a single sentence")
			assert.False(t, strings.ContainsAny(body, ".?!\n"), "must be a single sentence: %q", e.text)
			assert.Equal(t, strings.TrimSpace(e.text), e.text)
		})
	}
	for _, c := range ReturnCodes() {
		if c.Sensitive {
			assert.Equal(t, customerNeutral, c.Customer, "sensitive code %s must use the neutral sentence", c.Code)
		}
	}
}

func TestLookupsAndHelpers(t *testing.T) {
	lookups := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{" r01 ", "R01", true},
		{"R01", "R01", true},
		{"r90", "R90", true},
		{"R97", "", false},
		{"R00", "", false},
		{"", "", false},
	}
	for _, tt := range lookups {
		t.Run("return/"+tt.in, func(t *testing.T) {
			c, ok := LookupReturnCode(tt.in)
			assert.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.want, c.Code)
		})
	}
	changeLookups := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{" c01", "C01", true},
		{"C61", "C61", true},
		{"C99", "", false},
	}
	for _, tt := range changeLookups {
		t.Run("change/"+tt.in, func(t *testing.T) {
			c, ok := LookupChangeCode(tt.in)
			assert.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.want, c.Code)
		})
	}

	for _, c := range ReturnCodes() {
		// R63–R66 are retired dishonored codes: ODFI-initiated, but no
		// longer part of the dishonored set IsDishonoredReturnCode reports.
		dishonored := c.TimeFrame == DishonorFiveBankingDays && c.Status != Retired
		assert.Equal(t, dishonored, IsDishonoredReturnCode(c.Code), c.Code)
		if c.TimeFrame == DishonorFiveBankingDays {
			assert.Equal(t, "ODFI", c.Initiator, c.Code)
			assert.Equal(t, NotApplicable, c.Reinitiation, c.Code)
		}
		assert.Equal(t, c.Initiator == "ODFI" && c.Status != Retired, IsDishonoredReturnCode(c.Code), c.Code)

		contested := c.TimeFrame == ContestTwoBankingDays
		assert.Equal(t, contested, IsContestedReturnCode(c.Code), c.Code)
		if contested {
			assert.Equal(t, "RDFI", c.Initiator, c.Code)
			assert.Equal(t, NotApplicable, c.Reinitiation, c.Code)
		}
		if c.TimeFrame == Enrollment {
			assert.Equal(t, "Federal agency", c.Initiator, c.Code)
		}
	}
	for _, c := range ChangeCodes() {
		assert.Equal(t, c.Refused, IsRefusedChangeCode(c.Code), c.Code)
	}
	for _, code := range []string{"R61", "R62", "R67", "R68", "R69", "R70", "R71", "R77"} {
		_, ok := LookupReturnCode(code)
		assert.True(t, ok, code)
	}
	assert.True(t, slices.ContainsFunc(ChangeCodes(), func(c ChangeCode) bool { return c.Refused }))
}

func TestCatalogAccessorsReturnCopies(t *testing.T) {
	rc := ReturnCodes()
	rc[0].Title = "changed"
	assert.NotEqual(t, "changed", ReturnCodes()[0].Title)
	cc := ChangeCodes()
	cc[0].Title = "changed"
	assert.NotEqual(t, "changed", ChangeCodes()[0].Title)
}
