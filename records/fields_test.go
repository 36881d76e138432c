package records

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustLayout(t testing.TB, m *Mapping) *layout {
	t.Helper()
	l, err := m.compile()
	require.NoError(t, err)
	return l
}

func TestParseAmount(t *testing.T) {
	us := mustLayout(t, nil)
	thousands := mustLayout(t, &Mapping{ThousandsSeparator: ","})
	euro := mustLayout(t, &Mapping{ThousandsSeparator: "."})
	euroDec := mustLayout(t, &Mapping{DecimalSeparator: ","})
	space := mustLayout(t, &Mapping{ThousandsSeparator: " ", DecimalSeparator: ","})
	swiss := mustLayout(t, &Mapping{ThousandsSeparator: "'"})
	minor := mustLayout(t, &Mapping{AmountUnit: UnitMinor})

	tests := []struct {
		name   string
		l      *layout
		in     string
		want   string // absolute value; "" when an error is expected
		neg    bool
		errHas string
	}{
		{"plain", us, "1234.56", "1234.56", false, ""},
		{"integer", us, "25", "25", false, ""},
		{"leading point", us, ".50", "0.50", false, ""},
		{"zero", us, "0.00", "0", false, ""},
		{"blanks", us, "  25.00 ", "25", false, ""},
		{"plus", us, "+25.00", "25", false, ""},
		{"minus", us, "-25.00", "25", true, ""},
		{"dollar", us, "$25.00", "25", false, ""},
		{"minus dollar", us, "-$25.00", "25", true, ""},
		{"dollar minus", us, "$-25.00", "25", true, ""},
		{"dollar space", us, "$ 1,234.56", "1234.56", false, ""},
		{"accounting", us, "(25.00)", "25", true, ""},
		{"accounting dollar", us, "($1,234.56)", "1234.56", true, ""},
		{"trailing minus", us, "25.00-", "25", true, ""},
		{"euro sign after", us, "25.00 €", "25", false, ""},
		{"pound", us, "£7.5", "7.5", false, ""},
		{"thousands with decimals", us, "1,234.56", "1234.56", false, ""},
		{"two groups", us, "1,234,567", "1234567", false, ""},
		{"one group is ambiguous", us, "1,234", "", false, "ambiguous"},
		{"one group declared", thousands, "1,234", "1234", false, ""},
		{"bad grouping", us, "12,34.56", "", false, "three digits"},
		{"bad grouping declared", thousands, "1,23", "", false, "three digits"},
		{"long first group", us, "1234,567.00", "", false, "three digits"},
		{"comma as decimal by default", us, "25,00", "", false, "three digits"},
		{"euro", euro, "1.234,56", "1234.56", false, ""},
		{"euro negative", euro, "-12.000,00", "12000", true, ""},
		{"euro plain", euro, "49,90", "49.90", false, ""},
		{"euro one group declared", euro, "1.234", "1234", false, ""},
		{"decimal comma, undeclared thousands", euroDec, "1.234,5", "1234.5", false, ""},
		{"decimal comma, one group ambiguous", euroDec, "1.234", "", false, "ambiguous"},
		{"space groups", space, "1 234 567,89", "1234567.89", false, ""},
		{"no-break space groups", space, "1\u00a0234,00 €", "1234", false, ""},
		{"swiss", swiss, "1'234.50", "1234.50", false, ""},
		{"exact long", us, "12345678901234567.89", "12345678901234567.89", false, ""},
		{"past int64", us, "98765432109876543210.12", "98765432109876543210.12", false, ""},
		{"too large", us, "123456789012345678901", "", false, "too large"},
		{"too many decimals", us, "1.1234567890123", "", false, "too many decimals"},
		{"minor", minor, "2500", "2500", false, ""},
		{"minor with decimals", minor, "25.00", "", false, "minor units"},
		{"empty", us, "", "", false, "no amount"},
		{"sign only", us, "-", "", false, "no amount"},
		{"dollar only", us, "$", "", false, "no amount"},
		{"letters", us, "ten", "", false, "not a number"},
		{"two points", us, "1.2.3", "", false, "not a number"},
		{"trailing point", us, "5.", "", false, "no digits after the decimal point"},
		{"exponent", us, "1e3", "", false, "not a number"},
		{"parens and minus", us, "(-5)", "", false, "both parentheses and a sign"},
		{"double minus", us, "--5", "", false, "not a number"},
		{"NaN", us, "NaN", "", false, "not a number"},
		{"space inside undeclared", us, "1 234", "", false, "not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, why := tt.l.parseAmount(tt.in)
			if tt.errHas != "" {
				assert.Contains(t, why, tt.errHas)
				return
			}
			require.Empty(t, why)
			assert.True(t, dec(tt.want).Equal(a.value), "got %s, want %s", a.value, tt.want)
			assert.Equal(t, tt.neg, a.neg)
		})
	}
}

func TestParseNumber(t *testing.T) {
	l := mustLayout(t, nil)
	for _, tt := range []struct{ in, want, err string }{
		{"0.1", "0.1", ""},
		{"-0.1", "0.1", ""},
		{"12345678901234567.89", "12345678901234567.89", ""},
		{"1E+2", "100", ""},
		{"-2.5e-3", "0.0025", ""},
		{"1e21", "", "out of range"},
		{"1e-13", "", "out of range"},
		{"1e999999999999", "", "not a number"},
		{"123456789012345678901", "", "too large"},
		{"0.1234567890123", "", "too many decimals"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			a, why := l.parseNumber(tt.in)
			if tt.err != "" {
				assert.Contains(t, why, tt.err)
				return
			}
			require.Empty(t, why)
			assert.Equal(t, tt.want, a.value.String())
		})
	}
}

func TestParseTime(t *testing.T) {
	ny := newYork(t)
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	def := mustLayout(t, nil)
	de := mustLayout(t, &Mapping{DateFormats: []string{"02.01.2006 15:04", "02.01.2006"}, TimeZone: "Europe/Berlin"})
	dayFirst := mustLayout(t, &Mapping{DateFormats: []string{"02/01/2006"}, TimeZone: "UTC"})

	tests := []struct {
		name string
		l    *layout
		in   string
		want time.Time // zero: not a date
	}{
		{"RFC 3339 Z", def, "2026-01-05T14:03:11Z", time.Date(2026, 1, 5, 14, 3, 11, 0, time.UTC)},
		{"RFC 3339 fraction", def, "2026-01-05T14:03:11.123456789Z", time.Date(2026, 1, 5, 14, 3, 11, 123456789, time.UTC)},
		{"RFC 3339 millis", def, "2026-01-05T14:03:11.250Z", time.Date(2026, 1, 5, 14, 3, 11, 250_000_000, time.UTC)},
		{"RFC 3339 offset", def, "2026-01-05T09:03:11-05:00", time.Date(2026, 1, 5, 9, 3, 11, 0, ny)},
		{"RFC 3339 other offset", def, "2026-01-05T15:03:11+01:00", time.Date(2026, 1, 5, 15, 3, 11, 0, time.FixedZone("", 3600))},
		{"lower-case t and z", def, "2026-01-05t14:03:11z", time.Date(2026, 1, 5, 14, 3, 11, 0, time.UTC)},
		{"offset without colon", def, "2026-01-05 14:03:11+0000", time.Date(2026, 1, 5, 14, 3, 11, 0, time.UTC)},
		{"offset hours only", def, "2026-01-05 14:03:11+02", time.Date(2026, 1, 5, 14, 3, 11, 0, time.FixedZone("", 7200))},
		{"SQL", def, "2026-01-05 14:03:11", time.Date(2026, 1, 5, 14, 3, 11, 0, ny)},
		{"SQL fraction", def, "2026-01-05 14:03:11.5", time.Date(2026, 1, 5, 14, 3, 11, 500_000_000, ny)},
		{"ISO no zone", def, "2026-01-05T14:03:11", time.Date(2026, 1, 5, 14, 3, 11, 0, ny)},
		{"one-digit hour", def, "2026-01-05 9:03:11", time.Date(2026, 1, 5, 9, 3, 11, 0, ny)},
		{"no seconds", def, "2026-01-05 14:03", time.Date(2026, 1, 5, 14, 3, 0, 0, ny)},
		{"summer time", def, "2026-07-05 14:03:11", time.Date(2026, 7, 5, 14, 3, 11, 0, ny)},
		{"date", def, "2026-01-05", time.Date(2026, 1, 5, 0, 0, 0, 0, ny)},
		{"leap day", def, "2028-02-29", time.Date(2028, 2, 29, 0, 0, 0, 0, ny)},
		{"US minutes", def, "01/02/2026 15:04", time.Date(2026, 1, 2, 15, 4, 0, 0, ny)},
		{"US seconds", def, "01/02/2026 15:04:05", time.Date(2026, 1, 2, 15, 4, 5, 0, ny)},
		{"US date", def, "01/02/2026", time.Date(2026, 1, 2, 0, 0, 0, 0, ny)},
		{"US short", def, "1/2/2026", time.Date(2026, 1, 2, 0, 0, 0, 0, ny)},
		{"Unix seconds", def, "1767623400", time.Date(2026, 1, 5, 9, 30, 0, 0, ny)},
		{"mapping layout", de, "05.01.2026 09:14", time.Date(2026, 1, 5, 9, 14, 0, 0, berlin)},
		{"mapping date", de, "06.01.2026", time.Date(2026, 1, 6, 0, 0, 0, 0, berlin)},
		{"built-ins after mapping", de, "2026-01-05", time.Date(2026, 1, 5, 0, 0, 0, 0, berlin)},
		{"day first", dayFirst, "13/01/2026", time.Date(2026, 1, 13, 0, 0, 0, 0, time.UTC)},

		{"empty", def, "", time.Time{}},
		{"month 13", def, "2026-13-01", time.Time{}},
		{"February 30", def, "2026-02-30", time.Time{}},
		{"not a leap year", def, "2026-02-29", time.Time{}},
		{"hour 24", def, "2026-01-05 24:00:00", time.Time{}},
		{"second 60", def, "2026-01-05 23:59:60", time.Time{}},
		{"bad zone", def, "2026-01-05T14:03:11+5", time.Time{}},
		{"zone hour 24", def, "2026-01-05T14:03:11+24:00", time.Time{}},
		{"day first by default", def, "13/01/2026", time.Time{}},
		{"dotted by default", def, "05.01.2026", time.Time{}},
		{"year 0001", def, "0001-01-01", time.Time{}},
		{"8 digits", def, "20260105", time.Time{}},
		{"too many fraction digits", def, "2026-01-05T14:03:11.1234567891Z", time.Time{}},
		{"trailing junk", def, "2026-01-05Tjunk", time.Time{}},
		{"words", def, "yesterday", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.l.parseTime(tt.in)
			if tt.want.IsZero() {
				assert.False(t, ok, "read as %s", got)
				return
			}
			require.True(t, ok)
			assert.True(t, tt.want.Equal(got), "got %s, want %s", got, tt.want)
			_, wantOff := tt.want.Zone()
			_, gotOff := got.Zone()
			assert.Equal(t, wantOff, gotOff)
		})
	}
}

func TestLast4(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		padded   bool
	}{
		{"1234", "1234", false},
		{"000123456789", "6789", false},
		{"****0001", "0001", false},
		{"1 2 3 4 5", "2345", false},
		{"7", "0007", true},
		{"x", "", false},
		{"", "", false},
	} {
		got, padded := last4(tt.in)
		assert.Equal(t, tt.want, got, tt.in)
		assert.Equal(t, tt.padded, padded, tt.in)
	}
}
