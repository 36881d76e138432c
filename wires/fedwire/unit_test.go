package fedwire

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplitElements(t *testing.T) {
	party := layoutParty
	tests := []struct {
		name   string
		value  string
		layout []elem
		want   []string
		rest   string
	}{
		{"delimited", "D4410098765*KEVIN BROOKS*1 MAIN ST*", party, []string{"D", "4410098765", "KEVIN BROOKS", "1 MAIN ST", "", ""}, ""},
		{"last delimiter missing", "D4410098765*KEVIN BROOKS", party, []string{"D", "4410098765", "KEVIN BROOKS", "", "", ""}, ""},
		{"empty elements", "D*KEVIN BROOKS*", party, []string{"D", "", "KEVIN BROOKS", "", "", ""}, ""},
		{"fixed-width", "D4410098765" + spaces(24) + "KEVIN BROOKS" + spaces(23) + "1 MAIN ST", party, []string{"D", "4410098765", "KEVIN BROOKS", "1 MAIN ST", "", ""}, ""},
		{"fixed-width, accents", "D12" + spaces(32) + "JOSÉ NUÑEZ" + spaces(25) + "CALLE 1", party, []string{"D", "12", "JOSÉ NUÑEZ", "CALLE 1", "", ""}, ""},
		{"ABA then name", "021040078FIRST CITY BANK*", layoutDI, []string{"021040078", "FIRST CITY BANK"}, ""},
		{"ABA then padded name", "121042882Wells Fargo NA    ", layoutDI, []string{"121042882", "Wells Fargo NA"}, ""},
		{"short ABA", "12345*BANK*", layoutDI, []string{"12345", "BANK"}, ""},
		{"fixed then nothing", "CTR", layoutFunction, []string{"CTR", ""}, ""},
		{"fixed then blank delimited", "BTR   *", layoutFunction, []string{"BTR", ""}, ""},
		{"fixed-width function", "CTRXXY", layoutFunction, []string{"CTR", "XXY"}, ""},
		{"rest", "WIR-1*EXTRA*", layoutSenderRef, []string{"WIR-1"}, "EXTRA"},
		{"rest fixed-width", "0123456789012345XYZ", layoutSenderRef, []string{"0123456789012345"}, "XYZ"},
		{"trailing delimiter after fixed", "20250620LKTBQR01000045*", layoutPrevious, []string{"20250620LKTBQR01000045"}, ""},
		{"empty", "", party, []string{"", "", "", "", "", ""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rest := splitElements(tt.value, tt.layout)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.rest, rest)
		})
	}
}

func TestOverlong(t *testing.T) {
	for value, want := range map[string]bool{
		"D4410098765*KEVIN BROOKS*":                                 false,
		"D4410098765*" + spaces(40) + "KEVIN BROOKS*":               false,
		"D4410098765*KEVIN ALEXANDER BROOKS-WORTHINGTON THE THIRD*": true,
		"D12345678901234567890123456789012345*NAME*":                true,
		"D4410098765" + spaces(30) + "KEVIN BROOKS":                 false,
		"": false,
	} {
		assert.Equal(t, want, overlong(value, layoutParty), value)
	}
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

func TestSaysReturn(t *testing.T) {
	for text, want := range map[string]bool{
		"RETURN OF FUNDS":                true,
		"returned wire":                  true,
		"RTN/ACCT CLOSED":                true,
		"REVERSAL OF PRIOR DAY TRANSFER": true,
		"FUNDS UNABLE TO APPLY":          true,
		"UTA":                            true,
		"2024 TAX RETURN":                false,
		"RETURN OF CAPITAL":              false,
		"RETURN ON INVESTMENT":           false,
		"RETURNABLE DEPOSIT":             false,
		"FBO CUS-1009 WIR-2506200001":    false,
		"TAX RETURN / RETURN OF FUNDS":   true,
		"":                               false,
		"NORTHWIND RETURNS DEPT REFUND":  true,
		"UTAH BRANCH":                    false,
		"PAYMENT FOR SERVICES RENDERED":  false,
	} {
		assert.Equal(t, want, saysReturn(text), text)
	}
}

func TestFindIMAD(t *testing.T) {
	for text, want := range map[string]string{
		"RETURN OF FUNDS IMAD 20250620LKTBQR01000047":   "20250620LKTBQR01000047",
		"IMAD:20250620LKTBQR01000047/ACCT CLOSED":       "20250620LKTBQR01000047",
		"REF 120250620LKTBQR01000047":                   "", // 23 characters
		"ACCOUNT 0123456789012345678901":                "", // not a date
		"20251320LKTBQR01000047":                        "", // month 13
		"FIRST 20250620LKTBQR01000047 20250620LKTBQR01": "20250620LKTBQR01000047",
	} {
		assert.Equal(t, want, findIMAD(text), text)
	}
}

func TestParseAmounts(t *testing.T) {
	d, err := parseCents("000001234567")
	require.NoError(t, err)
	assert.Equal(t, "12345.67", d.StringFixed(2))
	d, err = parseCents("000000000000")
	require.NoError(t, err)
	assert.True(t, d.IsZero())
	for _, bad := range []string{"", "0000012345A7", "1234.56", "-00000001234", "0000000012345"} {
		_, err := parseCents(bad)
		assert.Error(t, err, bad)
	}
	m, err := parseMoney("USD1234,56")
	require.NoError(t, err)
	assert.Equal(t, "1234.56", m.Amount.String())
	assert.Equal(t, "USD", m.Currency)
	m, err = parseMoney("EUR7")
	require.NoError(t, err)
	assert.Equal(t, "7", m.Amount.String())
	for _, bad := range []string{"USD", "usd1,00", "USD1,0,0", "USD,50", "1234,56", "USD1.50"} {
		_, err := parseMoney(bad)
		assert.Error(t, err, bad)
	}
	r, err := parseComma("1,2345")
	require.NoError(t, err)
	assert.Equal(t, "1.2345", r.String())
}
