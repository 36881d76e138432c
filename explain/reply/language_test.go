package reply

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/explain"
	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
)

// TestLanguageFiles checks that every language has a language file with
// every key the code asks for (LoadLanguage refuses one that lacks any),
// a template for every situation, and no folder that Languages does not
// list.
func TestLanguageFiles(t *testing.T) {
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			l, err := LoadLanguage(lang)
			require.NoError(t, err)
			assert.Empty(t, l.check())
			for _, name := range append([]string{commonFile}, situationFiles()...) {
				_, err := embedded.ReadFile("templates/" + lang + "/" + name)
				assert.NoError(t, err, "%s/%s", lang, name)
			}
			if !l.Reasons.Catalog {
				// The codes the fixtures and common cases use have their
				// own sentence, not the generic one.
				for _, k := range commonReasons {
					assert.NotEmpty(t, l.Reasons.Codes[k], "%s: reasons.codes %s", lang, k)
				}
			}
		})
	}
	dirs, err := fs.ReadDir(embedded, "templates")
	require.NoError(t, err)
	for _, d := range dirs {
		assert.Contains(t, Languages, d.Name(), "templates/%s is not in Languages", d.Name())
	}
}

func situationFiles() []string {
	var out []string
	for _, s := range Situations {
		out = append(out, string(s)+".tmpl")
	}
	return out
}

// commonReasons are the codes every translated language explains in its
// own words.
var commonReasons = []string{
	"nacha_return:R01", "nacha_return:R02", "nacha_return:R03", "nacha_return:R04", "nacha_return:R07",
	"nacha_return:R08", "nacha_return:R10", "nacha_return:R29",
	"iso8583:05", "iso8583:51", "iso8583:54", "iso8583:14", "stripe_decline:do_not_honor",
	"stripe_decline:insufficient_funds", "braintree:2001", "checkout:20051", "adyen_refusal:12",
	"visa:10.4", "mastercard:4837",
	"iso20022_return:AC01", "iso20022_return:AC03", "iso20022_return:AC04", "iso20022_return:BE01",
	"iso20022_return:DUPL", "iso20022_return:FOCR", "iso20022_return:MS03", "iso20022_status:AC01",
	"iso20022_cancellation:AC03", "fedwire_error:E433",
}

func TestLanguageCheck(t *testing.T) {
	_, err := parseLanguage("xx", []byte("weekdays: [a]\nmonths: []\ndate: '{day}'\nreasons:\n  codes:\n    'nacha_return:R16': x\n    'nope:1': y\n"))
	require.Error(t, err)
	for _, want := range []string{"weekdays: want 7", "months: want 12", "date: no {year}", "methods: no wire",
		"missing: no no_evidence", "reasons.generic: no ach", "nacha_return:R16 is not for customers", "nope:1 is not scheme:code"} {
		assert.Contains(t, err.Error(), want)
	}
	_, err = parseLanguage("xx", []byte("nosuchkey: 1\n"))
	assert.ErrorContains(t, err, "nosuchkey")
}

func TestLanguageDayAndMoney(t *testing.T) {
	day := payment.NewDate(2026, time.November, 27)
	tests := []struct {
		lang                    string
		date                    payment.Date
		wantDay                 string
		amount, currency, money string
	}{
		{"en", day, "Friday, November 27, 2026", "2500", "USD", "$2,500.00"},
		{"en", payment.NewDate(2026, time.January, 4), "Sunday, January 4, 2026", "-1234567.89", "USD", "-$1,234,567.89"},
		{"en", payment.Date{}, "", "25", "EUR", "25.00 EUR"},
		{"en", day, "Friday, November 27, 2026", "1500", "JPY", "1,500 JPY"},
		{"es", day, "viernes, 27 de noviembre de 2026", "2500", "USD", "2.500,00 US$"},
		{"es", payment.NewDate(2026, time.September, 2), "miércoles, 2 de septiembre de 2026", "1000000.5", "USD", "1.000.000,50 US$"},
		{"es", payment.NewDate(2027, time.January, 3), "domingo, 3 de enero de 2027", "-25", "EUR", "-25,00 EUR"},
		{"es", payment.Date{}, "", "999.99", "USD", "999,99 US$"},
		{"es", day, "viernes, 27 de noviembre de 2026", "1500", "JPY", "1.500 JPY"},
		{"es", day, "viernes, 27 de noviembre de 2026", "12.5", "", "12,50"},
		{"pt", day, "sexta-feira, 27 de novembro de 2026", "2500", "USD", "US$ 2.500,00"},
		{"ja", day, "2026年11月27日（金）", "2500", "USD", "2,500.00米ドル"},
		{"ja", day, "2026年11月27日（金）", "1500", "JPY", "1,500円"},
		{"zh", day, "2026年11月27日（星期五）", "2500", "USD", "2,500.00美元"},
	}
	for _, tt := range tests {
		l, err := LoadLanguage(tt.lang)
		require.NoError(t, err)
		assert.Equal(t, tt.wantDay, l.Day(tt.date), "%s %v", tt.lang, tt.date)
		assert.Equal(t, tt.money, l.Money(decimal.RequireFromString(tt.amount), tt.currency), "%s %s %s", tt.lang, tt.amount, tt.currency)
	}
	// English dates are payment.Date.Long's, every day of a leap year.
	for d := payment.NewDate(2028, time.January, 1); d.Year == 2028; d = d.AddDays(1) {
		require.Equal(t, d.Long(), Day(d))
	}
}

func TestLanguageReason(t *testing.T) {
	es, err := LoadLanguage("es")
	require.NoError(t, err)
	en, err := LoadLanguage("en")
	require.NoError(t, err)
	tests := []struct {
		name string
		l    *Language
		r    reason
		want string
	}{
		{"catalog", en, reason{"nacha_return", "R01", FamilyACH}, explain.Lookup("R01", "nacha_return")[0].Customer},
		{"catalog sensitive", en, reason{"nacha_return", "R16", FamilyACH}, explain.Lookup("R16", "nacha_return")[0].Customer},
		{"catalog unknown", en, reason{"", "ZZZZ", FamilyWire}, en.Reasons.Generic[FamilyWire]},
		{"listed", es, reason{"nacha_return", "R01", FamilyACH}, es.Reasons.Codes["nacha_return:R01"]},
		{"listed without scheme", es, reason{"", "R02", FamilyACH}, es.Reasons.Codes["nacha_return:R02"]},
		{"sensitive", es, reason{"nacha_return", "R16", FamilyACH}, es.Reasons.Sensitive[FamilyACH]},
		{"sensitive card", es, reason{"stripe_decline", "stolen_card", FamilyDecline}, es.Reasons.Sensitive[FamilyDecline]},
		{"not listed", es, reason{"nacha_return", "R68", FamilyACH}, es.Reasons.Generic[FamilyACH]},
		{"unknown", es, reason{"fedwire_error", "W001", FamilyWire}, es.Reasons.Generic[FamilyWire]},
		{"none", es, reason{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.l.Reason(tt.r))
		})
	}
	// A sensitive code's sentence never names the code.
	for _, c := range explain.All("") {
		if !c.Sensitive {
			continue
		}
		for _, lang := range Languages {
			l, err := LoadLanguage(lang)
			require.NoError(t, err)
			s := l.Reason(reason{c.Scheme, c.Code, familyOf(c.Scheme, "")})
			require.NotEmpty(t, s)
			assert.NotRegexp(t, `\b`+regexp.QuoteMeta(c.Code)+`\b`, s, "%s %s:%s", lang, c.Scheme, c.Code)
		}
	}
}

// TestFactsIn writes the same facts in each language: the English ones
// are Situate's, the others have no English left.
func TestFactsIn(t *testing.T) {
	f := Facts{RecordID: "WIR-1", Complete: false, v: values{set: true, amount: decimal.RequireFromString("5000"), currency: "USD",
		rail: "wire", requested: payment.NewDate(2026, time.November, 20), eventOn: payment.NewDate(2026, time.November, 24),
		short: true, back: decimal.RequireFromString("4975"), charges: decimal.RequireFromString("25"), backCurrency: "USD",
		reason: reason{"iso20022_return", "AC01", FamilyWire}, missing: []string{MissingNoOriginal}}}
	en, err := f.In("en")
	require.NoError(t, err)
	assert.Equal(t, "$5,000.00", en.Amount)
	assert.Equal(t, "wire transfer", en.Method)
	assert.Equal(t, "Tuesday, November 24, 2026", en.EventOn)
	assert.Equal(t, "$4,975.00", en.BackAmount)
	assert.Equal(t, []string{"the original payment is not among the records we checked"}, en.Missing)
	es, err := en.In("es")
	require.NoError(t, err)
	assert.Equal(t, "5.000,00 US$", es.Amount)
	assert.Equal(t, "transferencia electrónica", es.Method)
	assert.Equal(t, "viernes, 20 de noviembre de 2026", es.Requested)
	assert.Equal(t, "martes, 24 de noviembre de 2026", es.EventOn)
	assert.Equal(t, "4.975,00 US$", es.BackAmount)
	assert.Equal(t, "25,00 US$", es.Charges)
	assert.Empty(t, es.Settled)
	assert.Contains(t, es.Reason, "El banco receptor no encontró")
	assert.Equal(t, []string{"el pago original no figura entre los registros que revisamos"}, es.Missing)
	back, err := es.In("en")
	require.NoError(t, err)
	assert.Equal(t, en, back)

	_, err = f.In("xx")
	assert.ErrorContains(t, err, `language "xx": replies are written in `)
	hand := Facts{Amount: "$1.00"}
	got, err := hand.In("es")
	require.NoError(t, err)
	assert.Equal(t, hand, got, "facts built by hand are left as they are")
}

// TestSituateKeepsValues checks that what Situate decides does not depend
// on the language: the facts carry their values, and English strings.
func TestSituateKeepsValues(t *testing.T) {
	rr := &match.RecordResult{Status: match.StatusMissing, Record: &records.Record{ID: "CRD-1", Name: "ANA LOPEZ",
		Amount: decimal.RequireFromString("80"), Currency: "USD", Rail: "card",
		CreatedAt: time.Date(2026, time.November, 10, 15, 0, 0, 0, time.UTC)}}
	sit, f := Situate(rr, Options{AsOf: payment.NewDate(2026, time.November, 25)})
	assert.Equal(t, PaymentMissing, sit)
	assert.Equal(t, "$80.00", f.Amount)
	assert.Equal(t, "card payment", f.Method)
	assert.Equal(t, []string{MissingNoEvidence}, f.v.missing)
	text, err := Templates{}.Render("es", "standard", sit, f)
	require.NoError(t, err)
	assert.Contains(t, text, "Hola, Ana:")
	assert.Contains(t, text, "pago con tarjeta de 80,00 US$")
	assert.Contains(t, text, "todavía estamos confirmando")
	assert.False(t, slices.ContainsFunc(strings.Fields(text), func(w string) bool { return w == "the" || w == "your" }))
}
