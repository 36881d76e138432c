package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/store"
)

// TestMatchChanges runs the same reconciliation three nights in a row
// against one store: the first run finds every break new, the second
// (nothing changed) none, the third the breaks that an edited records
// export resolves, changes and adds.
func TestMatchChanges(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "history.db")
	r, _ := runWithDB(db, "", "ingest", "--db", dbArg, "fixtures/ach")
	require.Equal(t, ExitOK, r.code, r.stderr)

	original, err := os.ReadFile("fixtures/records/records.csv")
	require.NoError(t, err)
	recordsPath := filepath.Join(dir, "records.csv")
	edited := string(original)
	for _, e := range [][2]string{
		// Resolved: the duplicate record is gone, and the pending one now
		// says what the bank says.
		{"DEP-2611090002-B,", "XXX-DROPPED,"},
		{"8250.00,USD,2026-11-09T12:30:02-05:00,pending", "8250.00,USD,2026-11-09T12:30:02-05:00,returned"},
		// Changed: of two records that fitted one payment equally well,
		// one now has another amount (ambiguous → missing); the other
		// is resolved (ambiguous → matched).
		{"WDR-MANUAL-0002,CUS-1007,withdrawal,ach,75.00", "WDR-MANUAL-0002,CUS-1007,withdrawal,ach,7500.00"},
	} {
		require.Contains(t, edited, e[0])
		edited = strings.Replace(edited, e[0], e[1], 1)
	}
	var lines []string
	for _, l := range strings.Split(edited, "\n") {
		if !strings.HasPrefix(l, "XXX-DROPPED,") {
			lines = append(lines, l)
		}
	}
	// New: a withdrawal the bank never saw.
	edited = strings.Join(lines, "\n")
	edited = strings.TrimRight(edited, "\n") + "\nWDR-2611240001,CUS-1003,withdrawal,ach,310.00,USD,2026-11-18T10:00:00-05:00,completed,WDR-2611240001,4521,Maria Lopez\n"

	night := func(records []byte, asOf string, args ...string) result {
		require.NoError(t, os.WriteFile(recordsPath, records, 0o644))
		r, _ := runWithDB(db, "", append([]string{"match", "--db", dbArg, "--records", recordsPath, "--rail", "ach", "--as-of", asOf, "--changes"}, args...)...)
		return r
	}
	first := night(original, "2026-11-25")
	assert.Equal(t, ExitNothing, first.code, first.stderr)
	assert.Contains(t, first.stdout, "Run 1, no earlier run of this reconciliation: every break is new: 14 new breaks, 0 changed, 0 resolved, 0 unchanged")

	second := night(original, "2026-11-26")
	assert.Equal(t, ExitOK, second.code, "nothing new: a nightly job stays quiet")
	assert.Equal(t, "Run 2, since run 1 (as of 2026-11-25): 0 new breaks, 0 changed, 0 resolved, 14 unchanged\n\nNothing changed.\n", second.stdout)

	third := night([]byte(edited), "2026-11-27")
	golden(t, "match_changes", third, []string{"match", "--db", dbArg, "--records", "records.csv", "--rail", "ach", "--as-of", "2026-11-27", "--changes"})
	assert.Equal(t, ExitNothing, third.code)

	// Another reconciliation (other options) has its own history.
	other := night([]byte(edited), "2026-11-27", "--window", "5", "-o", "json")
	var got struct {
		RunID    int64  `json:"run_id"`
		Previous *int64 `json:"previous_run_id"`
		New      int    `json:"new"`
		Changes  []struct {
			Change, RecordID, Status string
		} `json:"changes"`
	}
	require.NoError(t, json.Unmarshal([]byte(other.stdout), &got), other.stdout)
	assert.Equal(t, int64(4), got.RunID)
	assert.Nil(t, got.Previous)
	assert.Equal(t, len(got.Changes), got.New)

	// CSV: one row per change, with both runs' ids.
	csv := night([]byte(edited), "2026-11-28", "-o", "csv")
	assert.Equal(t, ExitOK, csv.code, csv.stderr)
	assert.Equal(t, strings.Join(changesCSVHeader, ",")+"\n", csv.stdout, "nothing changed since run 3")
}

// TestMatchManifest checks the manifest of a run from files and from the
// store: every input with its SHA-256 and what it brought, the options,
// the version and the counts; and that the store keeps the same manifest.
func TestMatchManifest(t *testing.T) {
	dir := t.TempDir()
	manifest := filepath.Join(dir, "run.json")
	r := runCLI("", "match", "--as-of=2026-11-25", "--records", "fixtures/records/records.csv", "--rail", "ach",
		"--manifest", manifest, "-o", "json", "fixtures/ach/2026-11-09-deposits.ach", "fixtures/ach/2026-11-12-returns.ach")
	require.Equal(t, ExitNothing, r.code, r.stderr)
	var m manifestJSON
	b, err := os.ReadFile(manifest)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Nil(t, m.RunID, "not kept in a store")
	assert.Equal(t, "test", m.Version)
	assert.Equal(t, "2026-11-25", m.AsOf)
	assert.JSONEq(t, `{"window":3,"rails":["ach"],"map":"","map_sha256":"","rules":"","rules_sha256":""}`, string(m.Options))
	require.Len(t, m.Inputs, 3)
	deposits, err := os.Open("fixtures/ach/2026-11-09-deposits.ach")
	require.NoError(t, err)
	defer deposits.Close()
	sum, err := store.Hash(deposits)
	require.NoError(t, err)
	assert.Equal(t, inputJSON{File: "fixtures/ach/2026-11-09-deposits.ach", Kind: "events", SHA256: sum, Count: m.Inputs[1].Count}, m.Inputs[1])
	assert.Positive(t, m.Inputs[1].Count)
	assert.Equal(t, "records", m.Inputs[0].Kind)
	assert.Len(t, m.Inputs[0].SHA256, 64)
	assert.Equal(t, m.Inputs[1].Count+m.Inputs[2].Count, m.Events)
	assert.Equal(t, 0, m.Problems)

	// The same run against a store is kept there, with its breaks.
	db := filepath.Join(dir, "history.db")
	r, _ = runWithDB(db, "", "match", "--db", dbArg, "--as-of=2026-11-25", "--records", "fixtures/records/records.csv", "--rail", "ach",
		"--manifest", manifest, "fixtures/ach/2026-11-09-deposits.ach", "fixtures/ach/2026-11-12-returns.ach")
	require.Equal(t, ExitNothing, r.code, r.stderr)
	st, err := store.Open(t.Context(), db)
	require.NoError(t, err)
	defer st.Close()
	run, breaks, ok, err := st.LastRun(t.Context())
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, int64(1), run.ID)
	assert.Equal(t, store.KindStore, run.Inputs[0].Kind)
	assert.Equal(t, sum, run.Inputs[2].SHA256)
	assert.Len(t, breaks, run.Breaks)
	require.NoError(t, json.Unmarshal(must(os.ReadFile(manifest)), &m))
	require.NotNil(t, m.RunID)
	assert.Equal(t, int64(1), *m.RunID)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestRunsGolden lists the runs a store keeps and shows one.
func TestRunsGolden(t *testing.T) {
	// The manifest names the store as given, and the table's columns are
	// as wide as that name: a relative path keeps the golden file the same
	// wherever the tests run.
	db := dbArg
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(db + suffix)
		t.Cleanup(func() { os.Remove(db + suffix) })
	}
	r, _ := runWithDB(db, "", "ingest", "--db", dbArg, "fixtures/ach/2026-11-09-deposits.ach", "fixtures/ach/2026-11-12-returns.ach")
	require.Equal(t, ExitOK, r.code, r.stderr)
	r, shown := runWithDB(db, "", "runs", "--db", dbArg)
	golden(t, "runs_none", r, shown)
	for _, asOf := range []string{"2026-11-24", "2026-11-25"} {
		r, _ = runWithDB(db, "", "match", "--db", dbArg, "--as-of", asOf, "--records", "fixtures/records/records.csv", "--rail", "ach")
		require.Equal(t, ExitNothing, r.code, r.stderr)
	}
	for name, args := range map[string][]string{
		"runs_list":      {"runs", "--db", dbArg},
		"runs_list_csv":  {"runs", "--db", dbArg, "--limit", "1", "-o", "csv"},
		"runs_show":      {"runs", "--db", dbArg, "show", "2"},
		"runs_show_json": {"runs", "--db", dbArg, "show", "1", "-o", "json"},
		"runs_show_none": {"runs", "--db", dbArg, "show", "3"},
		"runs_bad_id":    {"runs", "--db", dbArg, "show", "x"},
	} {
		t.Run(name, func(t *testing.T) {
			r, shown := runWithDB(db, "", args...)
			golden(t, name, r, shown)
		})
	}
}
