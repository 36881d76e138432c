package explain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

func schemesOf(codes []Code) []string {
	var out []string
	for _, c := range codes {
		out = append(out, c.Scheme)
	}
	return out
}

func TestLookupWireCodes(t *testing.T) {
	tests := []struct {
		code, scheme string
		want         []string
		known        bool
	}{
		{"AC04", "", []string{SchemeWireReturn, SchemeWireStatus, SchemeWireRefusal}, true},
		{"ac04", SchemeWireRefusal, []string{SchemeWireRefusal}, true},
		{"CUST", "", []string{SchemeWireReturn, SchemeWireStatus, SchemeWireCancellation, SchemeWireRefusal}, true},
		{"DUPL", "", []string{SchemeWireReturn, SchemeWireStatus, SchemeWireCancellation}, true},
		{"NARR", "", []string{SchemeWireReturn, SchemeWireStatus, SchemeWireCancellation, SchemeWireRefusal}, true},
		{"AM04", "", []string{SchemeWireReturn, SchemeWireStatus, SchemeWireRefusal}, true},
		{"G004", "", []string{SchemeGPI}, true},
		{"E433", "", []string{SchemeFedwire}, true},
		{"E999", "", []string{SchemeFedwire}, false},
		{"E12A", SchemeFedwire, []string{SchemeFedwire}, false},
		{"E12A", "", nil, false},
		{"E999", SchemeWireReturn, nil, false},
		{"AC04", SchemeVisa, nil, false},
		// Card and Nacha codes are unchanged by the wire schemes.
		{"05", "", []string{SchemeISO8583, SchemeAdyenRefusal}, true},
		{"R01", "", []string{SchemeNachaReturn}, true},
		{"C05", "", []string{SchemeNachaChange, SchemeAmex}, true},
	}
	for _, tt := range tests {
		t.Run(tt.code+"/"+tt.scheme, func(t *testing.T) {
			got := Lookup(tt.code, tt.scheme)
			assert.Equal(t, tt.want, schemesOf(got))
			for _, c := range got {
				assert.Equal(t, tt.known, c.Known)
			}
		})
	}
}

func TestWireCodeFacts(t *testing.T) {
	c := Lookup("AC04", SchemeWireReturn)[0]
	assert.Equal(t, "Closed account number", c.Title)
	require.NotEmpty(t, c.Facts)
	assert.Equal(t, "messages", c.Facts[0].Key)
	assert.Contains(t, c.Facts[0].Text, "pacs.004")

	e := Lookup("E433", "")[0]
	facts := map[string]any{}
	for _, f := range e.Facts {
		facts[f.Key] = f.Value
		assert.NotEmpty(t, f.Label)
		assert.NotEmpty(t, f.Text)
	}
	assert.Equal(t, "E", facts["category"])

	u := Lookup("W123", SchemeFedwire)[0]
	assert.False(t, u.Known)
	assert.Contains(t, u.Meaning, "Category W: cut-off hour error; this exact code is not in the catalog.")
	assert.Contains(t, u.Title, "W: cut-off hour error")
}

func TestWireSensitiveCodes(t *testing.T) {
	for _, code := range []string{"FR01", "RR04", "AM07", "MD07", "FRAD", "LEGL"} {
		for _, c := range Lookup(code, "") {
			assert.True(t, c.Sensitive, "%s/%s", c.Scheme, code)
			assert.NotContains(t, c.Customer, code)
		}
	}
	assert.False(t, Lookup("AC04", SchemeWireReturn)[0].Sensitive)
}

func TestWireSchemes(t *testing.T) {
	assert.Equal(t, reason.Schemes, WireSchemes)
	for _, s := range WireSchemes {
		assert.True(t, ValidScheme(s), s)
		assert.Contains(t, Schemes, s)
		assert.Len(t, All(s), len(reason.Codes(s)), s)
	}
	assert.Equal(t, "ISO 20022 return reason (pacs.004, MT /RETN/)", SchemeTitle(SchemeWireReturn))
	assert.Equal(t, WireSchemes, Schemes[len(Schemes)-len(WireSchemes):], "wire schemes come last")
}

func TestForEventWire(t *testing.T) {
	c, ok := ForEvent(&payment.Event{Kind: payment.KindReturn, Reason: reason.For(reason.SchemeReturn, "AC04")})
	require.True(t, ok)
	assert.Equal(t, SchemeWireReturn, c.Scheme)
	c, ok = ForEvent(&payment.Event{Kind: payment.KindRejection, Reason: reason.For(reason.SchemeFedwire, "E999")})
	require.True(t, ok)
	assert.False(t, c.Known)
	assert.Equal(t, "E999", c.Code)
}
