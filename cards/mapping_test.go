package cards

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

// TestMappingYAMLAndTOML: the shipped mapping in both syntaxes is the
// same mapping and reads the same events.
func TestMappingYAMLAndTOML(t *testing.T) {
	y, err := LoadMapping(filepath.Join(fixturesDir, "maps", "worldpay-like.yaml"))
	require.NoError(t, err)
	tm, err := LoadMapping(filepath.Join(fixturesDir, "maps", "worldpay-like.toml"))
	require.NoError(t, err)
	assert.Equal(t, y, tm)
	a := readFile(t, "maps/worldpay-like.csv", Options{Mapping: y})
	b := readFile(t, "maps/worldpay-like.csv", Options{Processor: "generic", Mapping: tm})
	require.Empty(t, a.problems)
	assert.Equal(t, a.events, b.events)
}

func TestLoadMappingErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
		return p
	}
	base := "columns: {kind: Event, amount: Amount, created_at: Date, currency: Cur}\n"
	for _, tt := range []struct {
		name, file, text, want string
	}{
		{"unknown YAML key", "m.yaml", base + "colums: {}\n", `unknown key "colums" (known keys: processor, columns,`},
		{"unknown TOML key", "m.toml", "[columns]\nkind = \"E\"\namount = \"A\"\ncreated_at = \"D\"\ncurrency = \"C\"\n[extra]\nx = 1\n", `unknown key "extra" (known keys:`},
		{"unknown field", "m.yaml", base + "columns: {kind: E, amount: A, created_at: D, currency: C, colour: X}\n", ""},
		{"bad kind", "m.yaml", base + "kinds: {SALE: purchase}\n", `kinds: "SALE" maps to "purchase"`},
		{"bad unit", "m.yaml", base + "amount_unit: cents\n", `amount_unit "cents": want major or minor`},
		{"bad zone", "m.yaml", base + "time_zone: Mars/Olympus\n", `time_zone "Mars/Olympus"`},
		{"bad date format", "m.yaml", base + "date_formats: [dd/mm/yyyy]\n", `date_formats: "dd/mm/yyyy" is not a Go time layout`},
		{"bad delimiter", "m.yaml", base + "delimiter: ';;'\n", `delimiter ";;"`},
		{"bad default", "m.yaml", base + "defaults: {currency: dollars}\n", `defaults: currency "dollars"`},
		{"no kind", "m.yaml", "columns: {amount: A, created_at: D, currency: C}\n", "columns: kind is required (or a default kind)"},
		{"two documents", "m.yaml", base + "---\n" + base, "more than one YAML document"},
		{"not YAML", "m.yaml", "columns: [\n", ""},
		{"extension", "m.json", "{}", `unknown mapping format ".json"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadMapping(write(tt.file, tt.text))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), tt.file)
		})
	}
	// A duplicated YAML key is an error too (the decoder rejects it).
	_, err := LoadMapping(write("dup.yaml", base+"amount_unit: minor\namount_unit: major\n"))
	assert.Error(t, err)
	_, err = LoadMapping(filepath.Join(dir, "missing.yaml"))
	assert.Error(t, err)
	// The unknown field of a columns map names the fields there are.
	_, err = LoadMapping(write("f.yaml", "columns: {kind: E, amount: A, created_at: D, currency: C, colour: X}\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `columns: unknown field "colour" (fields: psp_id`)
}

// TestGenericMapping covers defaults, minor units, zones and the
// built-in kind names.
func TestGenericMapping(t *testing.T) {
	m := &Mapping{
		Columns: map[string]string{
			"psp_id": "Ref", "kind": "What", "amount": "Cents", "created_at": "When", "time_zone": "Zone",
			"currency": "Ccy", "brand": "Scheme", "dispute_reason": "Reason", "device_last4": "DPAN", "last4": "PAN",
		},
		AmountUnit: "minor",
		Defaults:   map[string]string{"currency": "JPY", "brand": "visa"},
		Kinds:      map[string]string{"Sale": "capture"},
	}
	require.NoError(t, m.Validate())
	in := "Ref,What,Cents,When,Zone,Ccy,Scheme,Reason,DPAN,PAN\n" +
		"a,sale,1200,2026-11-10 09:00,Asia/Tokyo,,,,,\n" +
		"b,Chargeback,1500,2026-11-10 09:00,,usd,Mastercard,4853,9999,************1234\n" +
		"c,Authorization Reversal,1,2026-11-10 09:00,,KWD,,,,\n" +
		"d,teleport,1,2026-11-10 09:00,,,,,,\n" +
		"e,fee,-250,2026-11-10 09:00,,,,,,\n" +
		"f,capture,12.5,2026-11-10 09:00,,,,,,\n"
	res := readText(t, in, "g.csv", Options{Mapping: m})
	assert.Equal(t, []int{5, 7}, res.errLines(), "%v", messages(res.problems))
	require.Len(t, res.events, 4)
	a, b, c, e := res.events[0], res.events[1], res.events[2], res.events[3]
	assert.Equal(t, payment.KindCapture, a.Kind)
	assert.Equal(t, "1200 JPY", payment.FormatAmount(a.Amount, a.Currency)+" "+a.Currency)
	assert.Equal(t, "2026-11-09", a.EffectiveDate.String(), "09:00 in Tokyo is 19:00 the day before in New York")
	assert.Equal(t, "visa", a.Card.Brand)
	assert.Equal(t, payment.KindChargeback, b.Kind)
	assert.Equal(t, "15.00", payment.FormatAmount(b.Amount, b.Currency))
	assert.Equal(t, &payment.Reason{Scheme: NetworkMastercard, Code: "4853", Title: "Cardholder Dispute", Known: true}, b.Reason)
	assert.Equal(t, "2026-12-25", b.Timing.DisputeResponseDue.String())
	assert.Equal(t, "1234", b.Card.Last4)
	assert.Equal(t, "9999", b.Card.DeviceLast4)
	assert.Equal(t, payment.KindAuthorizationReversal, c.Kind)
	assert.Equal(t, "0.001", c.Amount.String())
	assert.Equal(t, payment.KindFee, e.Kind)
	assert.Equal(t, payment.Debit, e.Direction)
	assert.Equal(t, "250", e.Amount.String(), "yen have no minor unit")
	assert.Equal(t, "generic", e.Card.Processor)
}

// TestGenericDelimiter: a semicolon-separated export with a default kind.
func TestGenericDelimiter(t *testing.T) {
	m := &Mapping{
		Columns:   map[string]string{"amount": "Betrag", "created_at": "Datum", "merchant_reference": "Referenz"},
		Delimiter: ";", DateFormats: []string{"02.01.2006"}, TimeZone: "Europe/Berlin",
		Defaults: map[string]string{"currency": "EUR", "kind": "capture"},
	}
	res := readText(t, "Datum;Betrag;Referenz\n10.11.2026;12.50;R-1\n", "g.csv", Options{Mapping: m})
	require.Empty(t, res.problems)
	require.Len(t, res.events, 1)
	assert.Equal(t, "R-1", res.events[0].Refs.MerchantReference)
	assert.Equal(t, "2026-11-09", res.events[0].EffectiveDate.String(), "midnight in Berlin is the evening before in New York")
	// The header lacks a mapped required column: one problem.
	res = readText(t, "Datum;Summe\n10.11.2026;12.50\n", "g.csv", Options{Mapping: m})
	require.Len(t, res.problems, 1)
	assert.Contains(t, res.problems[0].Message, `generic export without the required column "Betrag"`)
}

func TestMappingFits(t *testing.T) {
	m, err := LoadMapping("../fixtures/cards/maps/worldpay-like.yaml")
	require.NoError(t, err)
	data, err := os.ReadFile("../fixtures/cards/maps/worldpay-like.csv")
	require.NoError(t, err)
	assert.True(t, m.Fits(data))
	assert.False(t, m.Fits([]byte("id,amount\n1,2\n")), "a file without the mapped columns")
	assert.False(t, m.Fits([]byte("# payinv\n\nA README.\n")))
	assert.False(t, m.Fits(nil))
}
