package records

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

const mapsDir = "../fixtures/records/maps"

func TestLoadMappingFixtures(t *testing.T) {
	bank, err := LoadMapping(filepath.Join(mapsDir, "bank-export.yaml"))
	require.NoError(t, err)
	assert.Equal(t, ";", bank.Delimiter)
	assert.Equal(t, SignSigned, bank.Sign)
	assert.Equal(t, "Transaktions-ID", bank.Columns["id"])
	assert.Equal(t, []string{"02.01.2006 15:04", "02.01.2006"}, bank.DateFormats)

	ledger, err := LoadMapping(filepath.Join(mapsDir, "ledger.toml"))
	require.NoError(t, err)
	assert.Equal(t, UnitMinor, ledger.AmountUnit)
	assert.Equal(t, "deposit", ledger.Types["CR"])
	assert.Equal(t, "completed", ledger.Statuses["SETTLED"])
}

func readFixture(t *testing.T, mapping, data string) result {
	t.Helper()
	m, err := LoadMapping(filepath.Join(mapsDir, mapping))
	require.NoError(t, err)
	f, err := os.Open(filepath.Join(mapsDir, data))
	require.NoError(t, err)
	defer f.Close()
	return readAll(t, f, data, m)
}

func TestReadBankExport(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	res := readFixture(t, "bank-export.yaml", "bank-export.csv")
	require.Empty(t, res.problems)
	src := func(line int) payment.Source { return payment.Source{File: "bank-export.csv", Line: line} }
	want := []Record{
		{ID: "TX-2026-000101", CustomerID: "K-10442", Type: Deposit, Rail: RailWire, Amount: dec("1250.00"), Currency: "EUR",
			CreatedAt: time.Date(2026, 1, 5, 9, 14, 0, 0, berlin), Status: StatusCompleted, Reference: "Einzahlung K-10442",
			AccountLast4: "3000", Name: "Müller, Anna", Source: src(2)},
		{ID: "TX-2026-000102", CustomerID: "K-10443", Type: Withdrawal, Rail: RailWire, Amount: dec("300.00"), Currency: "EUR",
			CreatedAt: time.Date(2026, 1, 5, 11, 2, 0, 0, berlin), Status: StatusCompleted, Reference: "Auszahlung K-10443",
			AccountLast4: "2051", Name: "Schmidt Handels GmbH", Source: src(3)},
		{ID: "TX-2026-000103", CustomerID: "K-10444", Type: Deposit, Rail: RailCard, Amount: dec("49.90"), Currency: "EUR",
			CreatedAt: time.Date(2026, 1, 6, 0, 0, 0, 0, berlin), Status: StatusPending, Reference: "Einzahlung K-10444",
			Name: "Weber, Jonas", Source: src(4)},
		{ID: "TX-2026-000104", CustomerID: "K-10442", Type: Withdrawal, Rail: RailWire, Amount: dec("12000.00"), Currency: "EUR",
			CreatedAt: time.Date(2026, 1, 6, 16, 45, 0, 0, berlin), Status: StatusReturned, Reference: "Auszahlung K-10442",
			AccountLast4: "3000", Name: "Müller, Anna", Source: src(5)},
		{ID: "TX-2026-000105", CustomerID: "K-10445", Type: Deposit, Rail: RailApplePay, Amount: dec("75.00"), Currency: "EUR",
			CreatedAt: time.Date(2026, 1, 7, 8, 30, 0, 0, berlin), Status: StatusReversed, Reference: "Einzahlung; K-10445",
			Name: "Fischer, Lena", Source: src(6)},
	}
	require.Len(t, res.records, len(want))
	for i, w := range want {
		assertRecord(t, w, res.records[i])
	}
}

func TestReadLedger(t *testing.T) {
	res := readFixture(t, "ledger.toml", "ledger.jsonl")
	require.Empty(t, res.problems)
	src := func(line int) payment.Source { return payment.Source{File: "ledger.jsonl", Line: line} }
	want := []Record{
		{ID: "L-000001", CustomerID: "A-501", Type: Deposit, Rail: RailACH, Amount: dec("2500.00"), Currency: "USD",
			CreatedAt: time.Date(2026, 1, 5, 14, 3, 11, 250_000_000, time.UTC), Status: StatusCompleted, Reference: "DEP-2601050001",
			AccountLast4: "6789", Name: "Maria Gonzalez", Source: src(1)},
		{ID: "L-000002", CustomerID: "A-502", Type: Withdrawal, Rail: RailACH, Amount: dec("1000.00"), Currency: "USD",
			CreatedAt: time.Date(2026, 1, 5, 15, 20, 0, 0, time.UTC), Status: StatusPending, Reference: "WD-2601050002",
			AccountLast4: "1234", Name: "James O'Neil", Source: src(2)},
		{ID: "L-000003", CustomerID: "A-503", Type: Deposit, Rail: RailCard, Amount: dec("49.99"), Currency: "USD",
			CreatedAt: time.Date(2026, 1, 6, 16, 0, 0, 0, time.UTC), Status: StatusCompleted, Reference: "pi_3QxYzA1b2C",
			Name: "Li Wei", Source: src(3)},
		{ID: "L-000004", CustomerID: "A-501", Type: Deposit, Rail: RailACH, Amount: dec("750.00"), Currency: "USD",
			CreatedAt: time.Date(2026, 1, 6, 9, 0, 0, 0, time.FixedZone("", -5*3600)), Status: StatusReturned, Reference: "DEP-2601060004",
			AccountLast4: "6789", Name: "Maria Gonzalez", Source: src(4)},
		{ID: "L-000005", CustomerID: "A-504", Type: Withdrawal, Rail: RailWire, Amount: dec("12500.00"), Currency: "USD",
			CreatedAt: time.Date(2026, 1, 7, 10, 30, 0, 0, time.UTC), Status: StatusCompleted, Reference: "E2E-20260107-0005",
			AccountLast4: "0042", Name: "Acme Holdings LLC", Source: src(5)},
	}
	require.Len(t, res.records, len(want))
	for i, w := range want {
		assertRecord(t, w, res.records[i])
	}
}

func TestParseMappingYAMLAndTOMLAgree(t *testing.T) {
	yml := `
columns: {id: Ref, amount: Amt}
delimiter: "\t"
date_formats: ["02/01/2006"]
time_zone: Europe/London
amount_unit: minor
sign: signed_inverted
types: {IN: deposit}
rails: {BACS: ach}
statuses: {OK: completed}
thousands_separator: " "
decimal_separator: ","
defaults: {currency: gbp}
`
	tml := `
delimiter = "\t"
date_formats = ["02/01/2006"]
time_zone = "Europe/London"
amount_unit = "minor"
sign = "signed_inverted"
thousands_separator = " "
decimal_separator = ","
columns = {id = "Ref", amount = "Amt"}
types = {IN = "deposit"}
rails = {BACS = "ach"}
statuses = {OK = "completed"}
defaults = {currency = "gbp"}
`
	a, err := ParseMapping([]byte(yml), "m.yml")
	require.NoError(t, err)
	b, err := ParseMapping([]byte(tml), "m.toml")
	require.NoError(t, err)
	assert.Equal(t, a, b)

	for _, empty := range []string{"e.yaml", "e.toml"} {
		m, err := ParseMapping(nil, empty)
		require.NoError(t, err, empty)
		assert.Equal(t, &Mapping{}, m)
	}
	require.NoError(t, DefaultMapping().Validate())
}

func TestLoadMappingErrors(t *testing.T) {
	tests := []struct {
		file, content string
		want          []string
	}{
		{"unknown.yaml", "colums:\n  id: x\n", []string{"unknown.yaml: ", `line 1: unknown key "colums"`}},
		{"unknown.toml", "sign = \"signed\"\ncolums = {id = \"x\"}\n", []string{"unknown.toml: ", `unknown key "colums" (known keys: columns,`}},
		{"unknown-top.toml", "seperator = \";\"\n", []string{`unknown key "seperator"`}},
		{"field.yaml", "columns:\n  identifier: x\n", []string{`columns: unknown field "identifier"`}},
		{"field.toml", "[columns]\nidentifier = \"x\"\n", []string{`columns: unknown field "identifier"`}},
		{"empty-col.yaml", "columns: {id: ' '}\n", []string{"columns: id: empty column name"}},
		{"sign.yaml", "sign: sideways\n", []string{`sign "sideways": want type_column, signed or signed_inverted`}},
		{"sign.toml", "sign = \"sideways\"\n", []string{`sign.toml: sign "sideways"`}},
		{"zone.yaml", "time_zone: Mars/Olympus_Mons\n", []string{`time_zone "Mars/Olympus_Mons": not a known IANA time zone`}},
		{"local.yaml", "time_zone: Local\n", []string{`"Local" depends on the machine`}},
		{"unit.yaml", "amount_unit: cents\n", []string{`amount_unit "cents": want major or minor`}},
		{"delim.yaml", "delimiter: ';;'\n", []string{`delimiter ";;"`}},
		{"quote.yaml", "delimiter: '\"'\n", []string{`delimiter "\""`}},
		{"layout.yaml", "date_formats: [dd.mm.yyyy]\n", []string{`date_formats: "dd.mm.yyyy" is not a Go time layout`}},
		{"types.yaml", "types: {IN: sideways}\n", []string{`types: "IN" maps to "sideways": want deposit or withdrawal`}},
		{"types-twice.yaml", "types: {in: deposit, IN: withdrawal}\n", []string{`listed twice`}},
		{"rails.yaml", "rails: {PP: paypal}\n", []string{`rails: "PP" maps to "paypal"`}},
		{"statuses.yaml", "statuses: {OK: done}\n", []string{`statuses: "OK" maps to "done"`}},
		{"thousands.yaml", "thousands_separator: x\n", []string{`thousands_separator "x"`}},
		{"decimal.yaml", "decimal_separator: ';'\n", []string{`decimal_separator ";"`}},
		{"same-seps.yaml", "thousands_separator: ','\ndecimal_separator: ','\n", []string{`both ","`}},
		{"defaults.yaml", "defaults: {name: Bob}\n", []string{`defaults: "name" cannot have a default`}},
		{"default-currency.yaml", "defaults: {currency: EURO}\n", []string{`defaults: currency "EURO"`}},
		{"default-rail.yaml", "defaults: {rail: paypal}\n", []string{`defaults: rail "paypal"`}},
		{"default-type.yaml", "defaults: {type: transfer}\n", []string{`defaults: type "transfer"`}},
		{"syntax.yaml", "columns: [\n", []string{"syntax.yaml: not valid YAML"}},
		{"syntax.toml", "sign = \n", []string{"syntax.toml: not valid TOML: line 1"}},
		{"type.yaml", "date_formats: {a: b}\n", []string{"cannot unmarshal"}},
		{"type.toml", "date_formats = 5\n", []string{"type.toml: not valid TOML"}},
		{"two.yaml", "sign: signed\n---\nsign: signed\n", []string{"more than one YAML document"}},
		{"many.yaml", "sign: up\namount_unit: cents\ntime_zone: Nowhere\n", []string{`sign "up"`, `amount_unit "cents"`, `time_zone "Nowhere"`}},
		{"mapping.json", "{}", []string{`mapping.json: unknown mapping format ".json": want .yaml, .yml or .toml`}},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			require.NoError(t, os.WriteFile(path, []byte(tt.content), 0o600))
			m, err := LoadMapping(path)
			require.Error(t, err)
			assert.Nil(t, m)
			assert.Contains(t, err.Error(), path)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
	t.Run("no file", func(t *testing.T) {
		_, err := LoadMapping(filepath.Join(dir, "absent.yaml"))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "absent.yaml")
	})
}
