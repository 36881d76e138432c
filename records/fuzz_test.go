package records

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/csvin"
)

// fuzzCSVSeeds and fuzzJSONLSeeds are short inputs at the edges of what
// the readers decide.
var fuzzCSVSeeds = []string{
	"",
	"\ufeff",
	"\n\n",
	defaultHeader,
	defaultHeader + csvRow("r1", "deposit", "1,234.56", "2026-01-05T14:03:11Z"),
	defaultHeader + "r1,C1,withdrawal,apple pay,\"(1,234.56)\",eur,01/02/2026 15:04,SETTLED,R,123456789,\"A\nB\"\r\n",
	"id,type,amount,created_at\r\nr1,credit,$5,1767623400\r\nr2,debit,5-,2026-01-05 10:00:00.5+02:00\r\n",
	"id,type,amount,created_at\n\"r1,deposit,1,2026-01-05\n",
	"id,type,amount,created_at\nr1,deposit,1 \"x\",2026-01-05\n",
	"id;type;amount;created_at\nr1;deposit;1,5;05.01.2026\n",
	"id,amount,created_at,account_last4\nr1,-0,2026-02-29,7\n",
}

var fuzzJSONLSeeds = []string{
	"{",
	"{}",
	"[]",
	`{"id":"a","type":"deposit","amount":0.1,"created_at":"2026-01-05"}`,
	`{"id":"a","type":"deposit","amount":1e2,"created_at":1767623400,"name":"\u00e9\"","x":{"y":[1,"}"]}}` + "\r\n\r\n" + `{"ID":7,"Type":"Withdrawal","AMOUNT":"-1","created_at":"2026-01-05"}`,
	`{"id":"a","type":true,"amount":null,"created_at":[]}`,
	`{"id":"a","id":"b","Id":"c","type":"deposit","amount":"(5)","created_at":"2026-01-05"} trailing`,
	"\ufeff  {\"id\" : \"a\" , \"type\" : \"deposit\" , \"amount\" : 12345678901234567.89 , \"created_at\" : \"2026-01-05\" }\n\xff",
}

// fuzzMappings are the layouts the reader fuzz targets read each input
// with: the default one and the two samples.
func fuzzMappings(f *testing.F) []*Mapping {
	ms := []*Mapping{nil}
	for _, name := range []string{"bank-export.yaml", "ledger.toml"} {
		m, err := LoadMapping(filepath.Join(mapsDir, name))
		if err != nil {
			f.Fatal(err)
		}
		ms = append(ms, m)
	}
	return append(ms, &Mapping{Sign: SignSigned, ThousandsSeparator: " ", DecimalSeparator: ",", Delimiter: "tab"})
}

func addFixtures(f *testing.F, exts ...string) {
	entries, err := os.ReadDir(mapsDir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if slices.Contains(exts, filepath.Ext(e.Name())) {
			data, err := os.ReadFile(filepath.Join(mapsDir, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// checkRecords reads data with m and checks what must hold for any input.
func checkRecords(t *testing.T, data []byte, m *Mapping) {
	const name = "fuzz.input"
	res := readAll(t, bytes.NewReader(data), name, m)
	lines := bytes.Count(data, []byte{'\n'}) + 1
	for _, p := range res.problems {
		if p.Source.Line < 0 || p.Source.Line > lines {
			t.Fatalf("problem at line %d; the input has %d lines: %s", p.Source.Line, lines, p.Error())
		}
	}
	for _, rec := range res.records {
		switch {
		case rec.ID == "":
			t.Fatalf("record at line %d has no ID", rec.Source.Line)
		case rec.Type != Deposit && rec.Type != Withdrawal:
			t.Fatalf("record %q has type %q", rec.ID, rec.Type)
		case rec.Amount.IsNegative():
			t.Fatalf("record %q has a negative amount %s", rec.ID, rec.Amount)
		case rec.Source.Line < 1 || rec.Source.Line > lines:
			t.Fatalf("record %q at line %d; the input has %d lines", rec.ID, rec.Source.Line, lines)
		case len(rec.Currency) != 3 || strings.ToUpper(rec.Currency) != rec.Currency:
			t.Fatalf("record %q has currency %q", rec.ID, rec.Currency)
		case rec.AccountLast4 != "" && (len(rec.AccountLast4) != 4 || !allDigits(rec.AccountLast4)):
			t.Fatalf("record %q has account_last4 %q", rec.ID, rec.AccountLast4)
		case rec.Rail != "" && !slices.Contains(rails, rec.Rail):
			t.Fatalf("record %q has rail %q", rec.ID, rec.Rail)
		case rec.CreatedAt.IsZero():
			t.Fatalf("record %q has no created_at", rec.ID)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	addFixtures(f, ".csv")
	for _, s := range fuzzCSVSeeds {
		f.Add([]byte(s))
	}
	ms := fuzzMappings(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			t.Skip()
		}
		for _, m := range ms {
			checkRecords(t, data, m)
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	addFixtures(f, ".jsonl")
	for _, s := range fuzzJSONLSeeds {
		f.Add([]byte(s))
	}
	ms := fuzzMappings(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			t.Skip()
		}
		for _, m := range ms {
			checkRecords(t, data, m)
		}
		// The object scanner agrees with encoding/json on every valid line.
		l, err := (*Mapping)(nil).compile()
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range bytes.Split(data, []byte{'\n'}) {
			line = bytes.TrimSpace(line)
			if len(line) == 0 || line[0] != '{' {
				continue
			}
			checkJSONObject(t, l, line)
		}
	})
}

// checkJSONObject checks that jsonObject accepts exactly what json.Valid
// does, and that what it takes from a valid object is what encoding/json
// decodes.
func checkJSONObject(t *testing.T, l *layout, line []byte) {
	rd := &reader{l: l}
	ok, valid := rd.jsonObject(string(line)), json.Valid(line)
	if ok != valid {
		t.Fatalf("%q: jsonObject says %v, json.Valid says %v", line, ok, valid)
	}
	if !valid {
		return
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	for f := range numFields {
		// encoding/json keeps the last of duplicate keys; the reader prefers
		// an exact key to a case-insensitive one, so only exact keys that
		// occur once are compared.
		key := l.columns[f]
		raw, ok := obj[key]
		if !ok || bytes.Count(line, []byte(`"`+key+`"`)) != 1 {
			continue
		}
		if !rd.row.has[f] {
			t.Fatalf("%s: key %q not taken", line, key)
		}
		var s string
		switch raw[0] {
		case '"':
			if err := json.Unmarshal(raw, &s); err != nil {
				t.Fatal(err)
			}
			s = csvin.TrimCell(s)
		case 'n', 't', 'f', '{', '[':
		default:
			s = string(raw)
		}
		if rd.row.vals[f] != s {
			t.Fatalf("%s: %s is %q, encoding/json says %q", line, key, rd.row.vals[f], s)
		}
	}
}

func FuzzLoadMapping(f *testing.F) {
	entries, err := os.ReadDir(mapsDir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext == ".yaml" || ext == ".toml" {
			data, err := os.ReadFile(filepath.Join(mapsDir, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data, ext == ".toml")
		}
	}
	f.Add([]byte("sign: signed\ncolumns: {id: X}\n"), false)
	f.Add([]byte("types: {1: deposit}\ndate_formats: ['2006']\n"), false)
	f.Add([]byte("sign = \"signed\"\n[defaults]\ncurrency = \"eur\"\n"), true)
	f.Add([]byte("[columns]\nid = 5\n"), true)
	sample := []byte(defaultHeader + csvRow("r1", "deposit", "1", "2026-01-05"))
	f.Fuzz(func(t *testing.T, data []byte, isTOML bool) {
		name := "fuzz.yaml"
		if isTOML {
			name = "fuzz.toml"
		}
		m, err := ParseMapping(data, name)
		if err != nil {
			if m != nil {
				t.Fatalf("a mapping and an error: %v", err)
			}
			if !strings.HasPrefix(err.Error(), name+": ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("loaded mapping does not validate: %v", err)
		}
		res := readAll(t, bytes.NewReader(sample), "sample.csv", m)
		for _, p := range res.problems {
			if p.Source.Line == 0 && strings.HasPrefix(p.Message, "invalid mapping") {
				t.Fatalf("valid mapping rejected by Read: %s", p.Message)
			}
		}
	})
}

var plainNumber = regexp.MustCompile(`^-?[0-9]{1,18}(\.[0-9]{1,12})?$`)

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1234.56", "1,234.56", "-25.00", "$25.00", "(25.00)", "25-", "1.234,56 €", "1 234", ".5", "5.", "", "€", "(", "-$-1"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	us, _ := (*Mapping)(nil).compile()
	euro, _ := (&Mapping{ThousandsSeparator: ".", AmountUnit: UnitMinor}).compile()
	f.Fuzz(func(t *testing.T, s string, european bool) {
		l := us
		if european {
			l = euro
		}
		a, why := l.parseAmount(s)
		if why != "" {
			if !a.value.IsZero() || a.neg {
				t.Fatalf("%q: an error and a value %s", s, a.value)
			}
			return
		}
		if a.value.IsNegative() {
			t.Fatalf("%q: negative absolute value %s", s, a.value)
		}
		if !european && plainNumber.MatchString(s) {
			want := decimal.RequireFromString(s)
			got := a.value
			if a.neg {
				got = got.Neg()
			}
			if !got.Equal(want) {
				t.Fatalf("%q read as %s", s, got)
			}
		}
	})
}

// strictRFC3339 is RFC 3339 without the leniencies of Go's parser (offset
// minutes past 59, for one), and with its one-digit hours.
var strictRFC3339 = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{1,2}:[0-9]{2}:[0-9]{2}([.,][0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-5][0-9])$`)

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2026-01-05T14:03:11Z", "2026-01-05T14:03:11.123-05:00", "2026-01-05 14:03:11", "2026-01-05", "01/02/2026 15:04", "1/2/2026", "1767623400", "2026-02-29", "2026-01-05T24:00:00Z", "2026-01-05 10:00+0530"} {
		f.Add(s)
	}
	l, _ := (*Mapping)(nil).compile()
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := l.parseTime(s)
		if !ok {
			if want, err := time.Parse(time.RFC3339Nano, s); err == nil && strictRFC3339.MatchString(s) && want.Year() >= minYear && want.Year() <= maxYear {
				t.Fatalf("%q: Go reads it as RFC 3339 (%s), the reader does not", s, want)
			}
			return
		}
		if got.Year() < minYear || got.Year() > maxYear {
			t.Fatalf("%q read as %s, out of range", s, got)
		}
		if want, err := time.Parse(time.RFC3339Nano, s); err == nil && !want.Equal(got) {
			t.Fatalf("%q read as %s; RFC 3339 says %s", s, got, want)
		}
	})
}
