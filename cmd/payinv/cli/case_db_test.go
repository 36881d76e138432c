package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/store"
)

// caseSources are the good payment fixtures of every rail: what the case
// tests ingest and give as files.
var caseSources = slices.Concat([]string{"fixtures/ach"}, isoWires, fedwireFiles, swiftWires, cardExports)

const caseRecords = "fixtures/records/records.csv"

// ingestForCase ingests files (and, with records, the records) into a new
// temporary store and returns its path.
func ingestForCase(t *testing.T, records string, files ...string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "history.db")
	args := []string{"ingest", "--db", dbArg}
	if records != "" {
		args = append(args, "--records", records)
	}
	r, _ := runWithDB(db, "", append(args, files...)...)
	require.Equal(t, ExitOK, r.code, r.stderr)
	return db
}

// fileWarning is a warning met reading a file: given when the file was
// ingested, not when its events are read from the store.
var fileWarning = regexp.MustCompile(`(?m)^payinv: fixtures/\S+: warning: .*\n`)

// assertSameAnswer checks that the store answered as the files did: the
// same exit status and output, and the same messages but for the warnings
// of reading the files.
func assertSameAnswer(t *testing.T, files, stored result, what string) {
	t.Helper()
	assert.Equal(t, files.code, stored.code, "%s: exit status; stderr:\n%s", what, stored.stderr)
	assert.Equal(t, files.stdout, stored.stdout, "%s: the store answers as the files do", what)
	assert.Equal(t, fileWarning.ReplaceAllString(files.stderr, ""), stored.stderr, "%s: stderr", what)
}

// TestCaseFromStoreSameAsFiles checks that explain, reply and note about a
// record (or a reference) in the history store say, byte for byte, what
// they say given the files that were ingested: the stored events keep the
// names the files were ingested under, so the sources read the same.
func TestCaseFromStoreSameAsFiles(t *testing.T) {
	const asOf = "--as-of=2026-11-25"
	db := ingestForCase(t, caseRecords, caseSources...)
	noRecords := ingestForCase(t, "", caseSources...)
	tests := []struct {
		name string
		args []string
		// records is false for a question without records: asked of the
		// store that holds none.
		records bool
	}{
		{name: "returned ACH deposit", args: []string{"--record", "DEP-2611090001"}, records: true},
		{name: "dishonored and contested return", args: []string{"--record", "DEP-2611090013"}, records: true},
		{name: "NOC", args: []string{"--record", "DEP-2611090005"}, records: true},
		{name: "ACH reversal (found by the account)", args: []string{"--record", "WDR-2611100004A"}, records: true},
		{name: "pending deposit", args: []string{"--record", "DEP-2611240001"}, records: true},
		{name: "card chargeback", args: []string{"--record", "CRD-2611100006"}, records: true},
		{name: "card payout returned", args: []string{"--record", "PTC-2611120002"}, records: true},
		{name: "wire return", args: []string{"--record", "WIR-2611170001"}, records: true},
		{name: "wire returned short (SWIFT)", args: []string{"--record", "WIR-2611200001"}, records: true},
		{name: "wire recall", args: []string{"--record", "WIR-2611180001"}, records: true},
		{name: "Fedwire reversal", args: []string{"--record", "WIR-2506200002"}, records: true},
		{name: "record id in lower case", args: []string{"--record", "dep-2611090001"}, records: true},
		{name: "json", args: []string{"-o", "json", "--record", "WIR-2611170001"}, records: true},
		{name: "trace with its record", args: []string{"--event", "074012501109013"}, records: true},
		{name: "UETR with its record", args: []string{"--event", "e4b2c1a0-93d7-4f5e-8a6b-1c2d3e4f5a6b"}, records: true},
		{name: "trace without records", args: []string{"--event", "074012501109013"}},
		{name: "IMAD without records", args: []string{"--event", "20250620LKTBQR01000045"}},
		{name: "unknown reference", args: []string{"--event", "NO-SUCH-REF"}},
	}
	for _, command := range []string{"explain", "reply", "note"} {
		for _, tt := range tests {
			t.Run(command+" "+tt.name, func(t *testing.T) {
				args := slices.Concat([]string{command, asOf}, tt.args)
				if command == "reply" && tt.args[0] == "-o" {
					args = append(args, "--lang", "es", "--tone", "vip")
				}
				fileArgs, store := slices.Clone(args), noRecords
				if tt.records {
					fileArgs, store = append(fileArgs, "--records", caseRecords), db
				}
				files := runCLI("", append(fileArgs, caseSources...)...)
				stored, _ := runWithDB(store, "", append(args, "--db", dbArg)...)
				stored.stderr = strings.ReplaceAll(stored.stderr, store, dbArg)
				files.stderr = strings.ReplaceAll(files.stderr, "the sources has", "the sources or the store "+dbArg+" has")
				assertSameAnswer(t, files, stored, strings.Join(args, " "))
			})
		}
	}
}

// problemsSection is the list of a case note's problems in the files it
// rests on: the store keeps how many each file had, not what they were.
var problemsSection = regexp.MustCompile(`(?s)\nProblems in these files:\n.*?(\n## |\z)`)

// TestCaseFromStoreEveryRecord asks about every record of the fixtures,
// from the store and from the files: the answers agree but for the
// warnings met reading the files, which a note lists.
func TestCaseFromStoreEveryRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("every record, twice")
	}
	const asOf = "--as-of=2026-11-25"
	db := ingestForCase(t, caseRecords, caseSources...)
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(mustRead(caseRecords)), "\n")[1:] {
		id, _, _ := strings.Cut(line, ",")
		ids = append(ids, id)
	}
	require.Len(t, ids, 53)
	for _, command := range []string{"reply", "note"} {
		for _, id := range ids {
			args := []string{command, asOf, "--record", id}
			files := runCLI("", slices.Concat(args, []string{"--records", caseRecords}, caseSources)...)
			stored, _ := runWithDB(db, "", append(args, "--db", dbArg)...)
			files.stdout = problemsSection.ReplaceAllString(files.stdout, "$1")
			stored.stdout = problemsSection.ReplaceAllString(stored.stdout, "$1")
			assertSameAnswer(t, files, stored, strings.Join(args, " "))
		}
	}
}

// TestCaseFromStoreAndFiles checks a store and files together: yesterday's
// payments in the store, today's answers in files, the records in the
// store or in --records; and a file given that the store holds too.
func TestCaseFromStoreAndFiles(t *testing.T) {
	const asOf = "--as-of=2026-11-25"
	ach := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, "fixtures/ach/"+n+".ach")
		}
		return out
	}
	sent := ach("2026-11-09-deposits", "2026-11-10-withdrawals", "2026-11-13-reversal", "2026-11-13-sameday-withdrawals")
	answers := ach("2026-11-12-noc", "2026-11-12-returns", "2026-11-16-returns", "2026-11-18-dishonored", "2026-11-20-contested")
	db := ingestForCase(t, caseRecords, sent...)
	for _, id := range []string{"DEP-2611090001", "DEP-2611090013", "DEP-2611090005", "WDR-2611100004A", "WDR-2611100003"} {
		files := runCLI("", slices.Concat([]string{"note", asOf, "--record", id, "--records", caseRecords}, sent, answers)...)
		for _, args := range [][]string{
			slices.Concat([]string{"note", asOf, "--record", id, "--db", dbArg}, answers),
			slices.Concat([]string{"note", asOf, "--record", id, "--db", dbArg, "--records", caseRecords}, answers),
			// The stored copies of a file given are left out.
			slices.Concat([]string{"note", asOf, "--record", id, "--db", dbArg}, sent, answers),
		} {
			stored, _ := runWithDB(db, "", args...)
			assertSameAnswer(t, files, stored, strings.Join(args, " "))
		}
	}
}

// TestCaseFromStoreRecordVersions: the record's latest version ingested
// is the one asked about, unless --records has it.
func TestCaseFromStoreRecordVersions(t *testing.T) {
	const asOf = "--as-of=2026-11-25"
	newer := filepath.Join(t.TempDir(), "records-1125.csv")
	text := mustRead(caseRecords)
	old := "DEP-2611090001,CUS-1001,deposit,ach,2500.00,USD,2026-11-09T09:12:04-05:00,returned,"
	require.Contains(t, text, old)
	require.NoError(t, os.WriteFile(newer, []byte(strings.Replace(text, old, strings.Replace(old, "returned", "completed", 1), 1)), 0o644))
	db := ingestForCase(t, caseRecords, caseSources...)
	r, _ := runWithDB(db, "", "ingest", "--db", dbArg, "--records", newer)
	require.Equal(t, ExitOK, r.code, r.stderr)

	stored, _ := runWithDB(db, "", "note", asOf, "--record", "DEP-2611090001", "--db", dbArg)
	assert.Equal(t, ExitOK, stored.code, stored.stderr)
	assert.Contains(t, stored.stdout, `recorded "completed", evidence says returned (**break**)`)
	assert.Contains(t, stored.stdout, "- The record: "+newer+":2\n")

	withFile, _ := runWithDB(db, "", "note", asOf, "--record", "DEP-2611090001", "--db", dbArg, "--records", caseRecords)
	files := runCLI("", slices.Concat([]string{"note", asOf, "--record", "DEP-2611090001", "--records", caseRecords}, caseSources)...)
	assert.Equal(t, files.stdout, withFile.stdout, "--records wins over the store")
}

// TestCaseFromStoreGolden covers the answers and errors of --db.
func TestCaseFromStoreGolden(t *testing.T) {
	const asOf = "--as-of=2026-11-25"
	db := ingestForCase(t, caseRecords, caseSources...)
	empty := ingestForCase(t, "", "fixtures/ach/2026-11-09-deposits.ach")
	// A file ingested with problems: the store counts them.
	withProblems := ingestForCase(t, "", "fixtures/ach/2026-11-09-deposits.ach")
	r, _ := runWithDB(withProblems, "", "ingest", "--db", dbArg, "fixtures/bad/bad-fields.ach")
	require.Equal(t, ExitInput, r.code, r.stderr)
	tests := []struct {
		name  string
		store string
		args  []string
		code  int
	}{
		{name: "case_db_note_wire_returned", args: []string{"note", asOf, "--record", "WIR-2611170001", "--db", dbArg}},
		{name: "case_db_reply_card_chargeback", args: []string{"reply", asOf, "--record", "CRD-2611100006", "--db", dbArg}},
		{name: "case_db_explain_event_json", args: []string{"explain", asOf, "-o", "json", "--event", "074012501109013", "--db", dbArg}},
		{name: "case_db_note_event_stored_problems", store: withProblems, args: []string{"note", asOf, "--event", "044003470004412", "--db", dbArg}},
		{name: "case_db_unknown_record", args: []string{"reply", asOf, "--record", "DEP-0000000000", "--db", dbArg}, code: ExitNothing},
		{name: "case_db_unknown_record_with_records", args: []string{"note", asOf, "--record", "DEP-0000000000", "--db", dbArg,
			"--records", caseRecords}, code: ExitNothing},
		{name: "case_db_no_records_stored", store: empty, args: []string{"explain", asOf, "--record", "DEP-2611090001", "--db", dbArg}, code: ExitNothing},
		{name: "case_db_unknown_event", args: []string{"note", asOf, "--event", "NO-SUCH-REF", "--db", dbArg}, code: ExitNothing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := db
			if tt.store != "" {
				store = tt.store
			}
			r, shown := runWithDB(store, "", tt.args...)
			r.stdout = strings.ReplaceAll(r.stdout, store, dbArg)
			r.stderr = strings.ReplaceAll(r.stderr, store, dbArg)
			assert.Equal(t, tt.code, r.code, "exit status; stderr:\n%s", r.stderr)
			golden(t, tt.name, r, shown)
		})
	}
}

// TestCaseFromStoreNotAStore: a --db that is no store is an input error,
// whatever the store says of it.
func TestCaseFromStoreNotAStore(t *testing.T) {
	r := runCLI("", "note", "--record", "DEP-2611090001", "--db", "fixtures/records/records.csv")
	assert.Equal(t, ExitInput, r.code)
	assert.True(t, strings.HasPrefix(r.stderr, "payinv: store: "), r.stderr)
	assert.Empty(t, r.stdout)
}

func TestCaseSpans(t *testing.T) {
	d := func(m, day int) payment.Date { return payment.NewDate(2026, time.Month(m), day) }
	tests := []struct {
		name string
		days []payment.Date
		span int
		want [][2]payment.Date
	}{
		{name: "none"},
		{name: "one day, over a weekend and Thanksgiving", days: []payment.Date{d(11, 24)}, span: 3,
			want: [][2]payment.Date{{d(11, 19), d(11, 30)}}},
		{name: "the same day twice", days: []payment.Date{d(11, 10), d(11, 10)}, span: 1,
			want: [][2]payment.Date{{d(11, 9), d(11, 12)}}},
		{name: "overlapping days merge, in date order", days: []payment.Date{d(11, 13), d(11, 10)}, span: 2,
			want: [][2]payment.Date{{d(11, 6), d(11, 17)}}},
		{name: "far apart", days: []payment.Date{d(12, 15), d(11, 10)}, span: 1,
			want: [][2]payment.Date{{d(11, 9), d(11, 12)}, {d(12, 14), d(12, 16)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, caseSpans(tt.days, tt.span))
		})
	}
}

func TestCaseStoreName(t *testing.T) {
	tests := []struct{ dsn, want string }{
		{dsn: "history.db", want: "history.db"},
		{dsn: "/var/lib/payinv/history.db", want: "/var/lib/payinv/history.db"},
		{dsn: "postgres://payinv:s3cret@db.internal:5432/payinv?sslmode=require", want: "postgres://payinv:xxxxx@db.internal:5432/payinv?sslmode=require"},
		{dsn: "postgres://db.internal/payinv", want: "postgres://db.internal/payinv"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, store.Redact(tt.dsn), tt.dsn)
	}
}
