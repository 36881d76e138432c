package cli

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/store"
)

// dbArg is how the temporary store is named in golden files.
const dbArg = "history.db"

// runWithDB runs payinv with "--db" followed by the store's path, showing
// it as history.db in the golden file.
func runWithDB(db string, stdin string, args ...string) (result, []string) {
	real := make([]string, len(args))
	shown := make([]string, len(args))
	for i, a := range args {
		real[i], shown[i] = a, a
		if a == dbArg {
			real[i] = db
		}
	}
	return runCLI(stdin, real...), shown
}

func TestIngestGolden(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		setup [][]string // runs before, not shown
		args  []string
		code  int
	}{
		{name: "ingest_ach", args: []string{"ingest", "--db", dbArg, "fixtures/ach"}},
		{name: "ingest_again", setup: [][]string{{"ingest", "--db", dbArg, "fixtures/ach/2026-11-09-deposits.ach"}},
			args: []string{"ingest", "--db", dbArg, "fixtures/ach/2026-11-09-deposits.ach", "fixtures/ach/2026-11-12-returns.ach"}},
		{name: "ingest_records_json", args: []string{"ingest", "-o", "json", "--db", dbArg, "--records", "fixtures/records/records.csv",
			"fixtures/ach/2026-11-16-returns.ach", "fixtures/wires/iso/2026-11-18-return-pacs004.xml", "fixtures/cards/braintree.csv"}},
		{name: "ingest_again_json", setup: [][]string{{"ingest", "--db", dbArg, "fixtures/ach/2026-11-16-returns.ach"}},
			args: []string{"ingest", "-o", "json", "--db", dbArg, "fixtures/ach/2026-11-16-returns.ach"}},
		{name: "ingest_copy", setup: [][]string{{"ingest", "--db", dbArg, "fixtures/ach/2026-11-09-deposits.ach"}},
			args: []string{"ingest", "--db", dbArg, "fixtures/copies/2026-11-09-deposits-crlf.ach"}},
		{name: "ingest_copy_again_json", setup: [][]string{{"ingest", "--db", dbArg, "fixtures/ach/2026-11-09-deposits.ach", "fixtures/copies/2026-11-09-deposits-crlf.ach"}},
			args: []string{"ingest", "-o", "json", "--db", dbArg, "fixtures/copies/2026-11-09-deposits-crlf.ach"}},
		{name: "ingest_copy_first", args: []string{"ingest", "--db", dbArg, "fixtures/copies/2026-11-09-deposits-crlf.ach", "fixtures/ach/2026-11-09-deposits.ach"}},
		{name: "ingest_bad", args: []string{"ingest", "--db", dbArg, "fixtures/bad"}, code: 2},
		{name: "ingest_missing_file", args: []string{"ingest", "--db", dbArg, "fixtures/ach/nope.ach"}, code: 2},
		{name: "ingest_stdin", stdin: "x", args: []string{"ingest", "--db", dbArg, "-"}, code: 2},
		{name: "ingest_no_source", args: []string{"ingest", "--db", dbArg}, code: 2},
		{name: "ingest_map_without_records", args: []string{"ingest", "--db", dbArg, "--map", "fixtures/records/maps/x.yaml", "fixtures/ach"}, code: 2},
		{name: "ingest_csv_refused", args: []string{"ingest", "-o", "csv", "--db", dbArg, "fixtures/ach"}, code: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "history.db")
			for _, s := range tt.setup {
				r, _ := runWithDB(db, "", s...)
				require.Equal(t, ExitOK, r.code, r.stderr)
			}
			r, shown := runWithDB(db, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, r.code, "exit status; stderr:\n%s", r.stderr)
			assert.NotContains(t, r.stdout+r.stderr, db, "no temporary path in the output")
			golden(t, tt.name, r, shown)
		})
	}
}

// TestIngestThenLookUp ingests every fixture and finds payments in the
// store by their references.
func TestIngestThenLookUp(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "history.db")
	r, _ := runWithDB(db, "", "ingest", "--db", dbArg, "--records", "fixtures/records/records.csv", "fixtures/ach", "fixtures/wires", "fixtures/cards")
	require.Equal(t, ExitInput, r.code, "fixtures/wires and fixtures/cards hold bad files")
	first := r.stdout
	r, _ = runWithDB(db, "", "ingest", "--db", dbArg, "--records", "fixtures/records/records.csv", "fixtures/ach", "fixtures/wires", "fixtures/cards")
	assert.NotContains(t, r.stdout, ": ingested ", "the second run ingests nothing")
	assert.Equal(t, strings.Count(first, ": ingested "), strings.Count(r.stdout, ": already ingested on "))

	st, err := store.Open(ctx, db)
	require.NoError(t, err)
	defer st.Close()
	c, err := st.Count(ctx)
	require.NoError(t, err)
	assert.Equal(t, 53, c.Records)
	for _, ref := range []string{"074012501109013", "e4b2c1a0-93d7-4f5e-8a6b-1c2d3e4f5a6b", "20250620LKTBQR01000045", "dep-2611090013"} {
		got, err := st.FindByRef(ctx, ref)
		require.NoError(t, err)
		assert.NotEmpty(t, got, ref)
	}
}

// TestIngestFileChangedWhileRead: a file whose content changes between
// being hashed and being read is not kept.
func TestIngestFileChangedWhileRead(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "history.db")
	st, err := store.Open(ctx, db)
	require.NoError(t, err)
	defer st.Close()
	contents := []string{mustRead("fixtures/ach/2026-11-16-returns.ach"), mustRead("fixtures/ach/2026-11-12-returns.ach")}
	opened := 0
	src := source{name: "changing.ach", open: func() (io.ReadCloser, error) {
		c := contents[min(opened, 1)]
		opened++
		return io.NopCloser(strings.NewReader(c)), nil
	}}
	iio, _, errOut := TestIO("", testNow)
	o := &ingestOptions{options: &options{io: iio}}
	rep := newReporter(iio)
	line := o.ingestEvents(ctx, st, rep, src)
	assert.Equal(t, "failed", line.status)
	assert.True(t, errors.Is(line.err, errChanged))
	assert.Contains(t, errOut.String(), "changed while it was being ingested")
	c, err := st.Count(ctx)
	require.NoError(t, err)
	assert.Equal(t, store.Counts{}, c)
}

// TestFindInStore: find --db answers as find over the files that were
// ingested, by reference (the stored events that carry it and their
// stories) and by other filters (every stored event).
func TestFindInStore(t *testing.T) {
	const asOf = "--as-of=2026-11-25"
	db := filepath.Join(t.TempDir(), "history.db")
	sources := append(append(append([]string{"fixtures/ach"}, isoWires...), fedwireFiles...), cardExports...)
	r, _ := runWithDB(db, "", append([]string{"ingest", "--db", dbArg}, sources...)...)
	require.Equal(t, ExitOK, r.code, r.stderr)

	for _, filter := range [][]string{
		{"--trace", "074012501109013"},
		{"--uetr", "e4b2c1a0-93d7-4f5e-8a6b-1c2d3e4f5a6b"},
		{"--imad", "20250620LKTBQR01000045"},
		{"--id", "CRD-2611100006"},
		{"--arn", "74987506314000012345672"},
		{"-o", "json", "--id", "WDR-2611100004A"},
		{"--name", "kowalski", "--amount", "980.50"},
		{"-o", "csv", "--date", "2026-11-16"},
		{"--records", "fixtures/records/records.csv", "--id", "DEP-2611090013"},
		{"--records", "fixtures/records/records.csv", "--customer", "CUS-1002"},
		{"--trace", "999999999999999"},
	} {
		files := runCLI("", slices.Concat([]string{"find", asOf}, filter, sources)...)
		stored, _ := runWithDB(db, "", slices.Concat([]string{"find", asOf, "--db", dbArg}, filter)...)
		// stderr differs: the warnings of reading the files were given
		// when they were ingested.
		assert.Equal(t, files.code, stored.code, "find %v", filter)
		// In JSON, so does the list of problems.
		want, _, _ := strings.Cut(files.stdout, `"problems":[`)
		got, _, _ := strings.Cut(stored.stdout, `"problems":[`)
		assert.Equal(t, want, got, "find %v: the store answers as the files do", filter)
		assert.Empty(t, stored.stderr)
	}

	// A search in the store and in files at once: the withdrawal is
	// stored, its reversal is in today's file.
	db2 := filepath.Join(t.TempDir(), "history.db")
	r, _ = runWithDB(db2, "", "ingest", "--db", dbArg, "fixtures/ach/2026-11-10-withdrawals.ach")
	require.Equal(t, ExitOK, r.code, r.stderr)
	both, shown := runWithDB(db2, "", "find", asOf, "--db", dbArg, "--name", "kowalski", "fixtures/ach/2026-11-13-reversal.ach")
	assert.Equal(t, runCLI("", "find", asOf, "--name", "kowalski", "fixtures/ach/2026-11-10-withdrawals.ach", "fixtures/ach/2026-11-13-reversal.ach").stdout, both.stdout)
	golden(t, "ingest_find_store_and_file", both, shown)

	r, _ = runWithDB(db, "", "find", asOf, "--trace", "074012501109013")
	assert.Equal(t, ExitInput, r.code, "without --db, SOURCE is needed")
}

// TestMatchInStore checks that match against the history store answers as
// match against the files that were ingested, and that a store and a
// new file reconcile together.
func TestMatchInStore(t *testing.T) {
	const asOf = "--as-of=2026-11-25"
	db := filepath.Join(t.TempDir(), "history.db")
	sources := slices.Concat([]string{"fixtures/ach"}, isoWires, fedwireFiles, swiftWires)
	r, _ := runWithDB(db, "", append([]string{"ingest", "--db", dbArg}, sources...)...)
	require.Equal(t, ExitOK, r.code, r.stderr)
	for _, args := range [][]string{
		{"--rail", "ach,wire"},
		{"--rail", "wire", "-o", "json"},
		{"--rail", "ach", "-o", "csv"},
	} {
		files := runCLI("", slices.Concat([]string{"match", asOf, "--records", "fixtures/records/records.csv"}, args, sources)...)
		stored, _ := runWithDB(db, "", slices.Concat([]string{"match", asOf, "--records", "fixtures/records/records.csv", "--db", dbArg}, args)...)
		assert.Equal(t, files.code, stored.code, "match %v", args)
		want, _, _ := strings.Cut(files.stdout, `"problems":[`)
		got, _, _ := strings.Cut(stored.stdout, `"problems":[`)
		assert.Equal(t, want, got, "match %v: the store answers as the files do", args)
	}

	// Yesterday's withdrawals are in the store; today's reversal comes in a file.
	db2 := filepath.Join(t.TempDir(), "history.db")
	r, _ = runWithDB(db2, "", "ingest", "--db", dbArg, "fixtures/ach/2026-11-10-withdrawals.ach")
	require.Equal(t, ExitOK, r.code, r.stderr)
	both, _ := runWithDB(db2, "", "match", asOf, "--records", "fixtures/records/records.csv", "--rail", "ach", "-o", "csv", "--db", dbArg, "fixtures/ach/2026-11-13-reversal.ach")
	assert.Contains(t, both.stdout, "WDR-2611100004A,CUS-1009,withdrawal,ach,980.50,USD,2026-11-10T11:17:26-05:00,reversed,reversed,false")
}
