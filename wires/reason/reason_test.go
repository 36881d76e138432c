package reason

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCatalogIsComplete(t *testing.T) {
	for _, s := range Schemes {
		codes := Codes(s)
		require.NotEmpty(t, codes, s)
		seen := map[string]bool{}
		for i, c := range codes {
			name := s + "/" + c.Code
			assert.False(t, seen[c.Code], "%s listed twice", name)
			seen[c.Code] = true
			assert.Equal(t, s, c.Scheme, name)
			assert.True(t, c.Known, name)
			assert.Regexp(t, `^[A-Z0-9]{4}$`, c.Code, name)
			for field, text := range map[string]string{"Title": c.Title, "Meaning": c.Meaning, "Customer": c.Customer, "Action": c.Action} {
				assert.NotEmpty(t, strings.TrimSpace(text), "%s has no %s", name, field)
			}
			assert.True(t, strings.HasSuffix(c.Customer, "."), "%s: the customer sentence ends with a full stop", name)
			assert.False(t, strings.HasSuffix(c.Title, "."), "%s: a title has no full stop", name)
			if i > 0 {
				assert.Less(t, codes[i-1].Code, c.Code, "%s is in code order", name)
			}
		}
	}
	assert.Len(t, Codes(""), len(catalog))
}

// internalCode finds a reason code, a message name or an ISO status word
// in a customer sentence.
var internalCode = regexp.MustCompile(`\b([A-Z]{2}[0-9]{2}|[A-Z][0-9]{3}|pacs\.|camt\.|MT[0-9]{3}|ACSC|ACCC|RJCT|IMAD|UETR)\b`)

func TestCustomerSentencesAreForCustomers(t *testing.T) {
	for _, c := range Codes("") {
		assert.NotRegexp(t, internalCode, c.Customer, "%s/%s: no internal codes in what the customer reads", c.Scheme, c.Code)
		assert.NotContains(t, c.Customer, c.Code, "%s/%s", c.Scheme, c.Code)
	}
	for _, w := range StatusWords() {
		assert.NotRegexp(t, internalCode, w.Customer, "status %s", w.Word)
	}
}

// revealing are words a sensitive code's customer sentence must not use.
var revealing = regexp.MustCompile(`(?i)fraud|scam|sanction|ofac|regulat|complian|authorit|government|legal|law|court|police|seiz|deceased|death|died|estate|suspicious|stolen|unauthori[sz]ed|terror|laundering`)

func TestSensitiveCodesStayNeutral(t *testing.T) {
	var sensitive []string
	for _, c := range Codes("") {
		if !c.Sensitive {
			continue
		}
		sensitive = append(sensitive, c.Scheme+"/"+c.Code)
		assert.NotContains(t, c.Customer, c.Code, "%s/%s names its code", c.Scheme, c.Code)
		assert.NotRegexp(t, revealing, c.Customer, "%s/%s tells the customer the reason", c.Scheme, c.Code)
		assert.NotContains(t, c.Title, c.Customer, "%s/%s", c.Scheme, c.Code)
	}
	for _, want := range []string{
		"iso20022_return/FR01", "iso20022_return/FRTR", "iso20022_return/RR04", "iso20022_return/AM07", "iso20022_return/MD07",
		"iso20022_status/FR01", "iso20022_status/FRAD", "iso20022_status/RR04", "iso20022_status/AM07", "iso20022_status/MD07",
		"iso20022_cancellation/FRAD", "iso20022_cancellation/FRTR",
		"iso20022_cancellation_refusal/LEGL", "iso20022_cancellation_refusal/RR04",
	} {
		assert.Contains(t, sensitive, want)
	}
}

func TestCatalogHasTheListedCodes(t *testing.T) {
	want := map[string]string{
		SchemeReturn: "AC01 AC02 AC03 AC04 AC06 AC07 AC13 AC14 AC15 AC16 AC17 AG01 AG02 AM01 AM02 AM03 AM04 AM05 AM06 AM07 AM09 AM10 ARDT " +
			"BE01 BE04 BE05 BE06 BE07 BE08 CNOR CURR CUST DNOR DS28 DT01 DUPL ED05 EMVL ERIN FF05 FOCR FR01 FRTR MD01 MD02 MD05 MD06 MD07 " +
			"MS02 MS03 NARR NOAS NOOR PINL RC01 RC07 RF01 RR01 RR02 RR03 RR04 RUTA SL01 SL02 SL11 SL12 SL13 SL14 SP01 SP02 SVNR TM01 TRAC UPAY",
		SchemeStatus: "AB05 AB06 AB07 AB08 AB09 AB10 AB11 AC01 AC02 AC03 AC04 AC05 AC06 AC07 AC08 AC09 AC10 AC11 AC12 AC13 AC14 " +
			"AG01 AG02 AG03 AG04 AG05 AG06 AG07 AG08 AG09 AG10 AG11 AM01 AM02 AM03 AM04 AM05 AM06 AM07 AM09 AM10 AM11 AM12 AM13 AM14 AM15 AM16 " +
			"AM17 AM18 AM19 AM20 AM21 AM22 AM23 BE01 BE04 BE05 BE06 BE07 BE08 BE09 BE10 BE11 BE12 BE13 BE14 BE15 BE16 BE17 BE18 BE19 BE20 BE21 " +
			"BE22 CH21 CURR CUST DS04 DS24 DS28 DT01 DT02 DT03 DT04 DT05 DT06 DU01 DU02 DU03 DU04 DU05 ED05 ED06 FF01 FF02 FF03 FF04 FF05 FF06 " +
			"FF07 FF08 FF09 FF10 FF11 FOCR FR01 MD01 MD02 MD05 MD06 MD07 MS02 MS03 NARR NOAS RC01 RC02 RC03 RC04 RC05 RC06 RC07 RC08 RC09 RC10 " +
			"RC11 RR01 RR02 RR03 RR04 RR05 RR06 RR07 RR08 RR09 RR10 RR11 RR12 TM01",
		SchemeCancellation:        "AC03 AGNT AM09 COVR CURR CUST CUTA DUPL FRAD FRTR SYAD TECH UPAY UAPA NARR",
		SchemeCancellationRefusal: "AC04 AM04 ARDT ARPL AGNT CUST IDMN LEGL NOAS NOOR PTNA RQDA ADAC NARR",
		SchemeGPI:                 "G000 G001 G002 G003 G004 G005 G006",
		SchemeFedwire:             "E433",
	}
	for scheme, codes := range want {
		for _, c := range strings.Fields(codes) {
			assert.Len(t, Lookup(c, scheme), 1, "%s %s", scheme, c)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code, scheme string
		schemes      []string // in order; nil for nothing found
		known        bool
	}{
		{"AC04", "", []string{SchemeReturn, SchemeStatus, SchemeCancellationRefusal}, true},
		{" ac04 ", SchemeReturn, []string{SchemeReturn}, true},
		{"CUST", "", []string{SchemeReturn, SchemeStatus, SchemeCancellation, SchemeCancellationRefusal}, true},
		{"DUPL", "", []string{SchemeReturn, SchemeStatus, SchemeCancellation}, true},
		{"NARR", "", []string{SchemeReturn, SchemeStatus, SchemeCancellation, SchemeCancellationRefusal}, true},
		{"AM04", SchemeCancellation, nil, false},
		{"G004", "", []string{SchemeGPI}, true},
		{"G004", SchemeStatus, []string{SchemeGPI}, true},
		{"g000", SchemeReturn, []string{SchemeGPI}, true},
		{"G004", SchemeCancellation, nil, false},
		{"E433", "", []string{SchemeFedwire}, true},
		{"E999", "", []string{SchemeFedwire}, false},
		{"W123", SchemeFedwire, []string{SchemeFedwire}, false},
		{"E12A", "", nil, false},
		{"E12A", SchemeFedwire, []string{SchemeFedwire}, false},
		{"Q123", SchemeFedwire, nil, false},
		{"E4333", SchemeFedwire, nil, false},
		{"E999", SchemeReturn, nil, false},
		{"FF99", "", nil, false},
		{"ZZZZ", "", nil, false},
		{"", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.code+"/"+tt.scheme, func(t *testing.T) {
			got := Lookup(tt.code, tt.scheme)
			var schemes []string
			for _, c := range got {
				schemes = append(schemes, c.Scheme)
				assert.Equal(t, tt.known, c.Known)
				assert.NotEmpty(t, c.Meaning)
				assert.NotEmpty(t, c.Customer)
				assert.NotEmpty(t, c.Action)
			}
			assert.Equal(t, tt.schemes, schemes)
		})
	}
}

func TestUnlistedFedwireCodeIsExplainedByCategory(t *testing.T) {
	tests := []struct{ code, category string }{
		{"E999", "E: data error"},
		{"F001", "F: insufficient balance"},
		{"H100", "H: accountability error"},
		{"I000", "I: in process or intercepted"},
		{"W001", "W: cut-off hour error"},
		{"X001", "X: duplicate IMAD"},
	}
	for _, tt := range tests {
		got := Lookup(tt.code, SchemeFedwire)
		require.Len(t, got, 1, tt.code)
		c := got[0]
		assert.False(t, c.Known, tt.code)
		assert.Equal(t, tt.category, c.Category)
		assert.Contains(t, c.Meaning, "Category "+tt.category+"; this exact code is not in the catalog.")
		assert.Contains(t, c.Title, tt.category)
	}
	assert.Equal(t, "E: data error", Lookup("E433", "")[0].Category, "a listed code has its category too")
}

func TestFor(t *testing.T) {
	r := For(SchemeReturn, " ac04 ")
	assert.Equal(t, SchemeReturn, r.Scheme)
	assert.Equal(t, "AC04", r.Code)
	assert.Equal(t, "Closed account number", r.Title)
	assert.True(t, r.Known)

	r = For(SchemeStatus, "G004")
	assert.Equal(t, SchemeGPI, r.Scheme, "a gpi reason in a status field is a gpi reason")
	assert.True(t, r.Known)

	r = For(SchemeFedwire, "E999")
	assert.Equal(t, SchemeFedwire, r.Scheme)
	assert.False(t, r.Known, "an unlisted Fedwire code is not known")
	assert.Empty(t, r.Title)

	r = For(SchemeReturn, "ZZ99")
	assert.False(t, r.Known)
	assert.Equal(t, "ZZ99", r.Code)
}

func TestSchemesInOrder(t *testing.T) {
	var order []string
	for _, c := range Codes("") {
		if len(order) == 0 || order[len(order)-1] != c.Scheme {
			order = append(order, c.Scheme)
		}
	}
	assert.Equal(t, Schemes, order)
	assert.True(t, slices.Equal(Schemes, order))
}

func BenchmarkFor(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		For(SchemeReturn, "AC04")
		For(SchemeStatus, "G004")
		For(SchemeFedwire, "E999")
	}
}
