package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRatesGolden(t *testing.T) {
	const asOf = "--as-of=2026-11-25"
	tests := []struct {
		name string
		args []string
		code int
	}{
		// The fixtures' returns (R01, R02, R03, R10, R16, R29 …) cross every
		// Nacha threshold: exit 1.
		{name: "rates", args: slices.Concat([]string{"rates", asOf, "fixtures/ach"}, cardExports), code: 1},
		{name: "rates_json", args: slices.Concat([]string{"rates", asOf, "-o", "json", "fixtures/ach"}, cardExports), code: 1},
		{name: "rates_csv", args: slices.Concat([]string{"rates", asOf, "-o", "csv", "fixtures/ach"}, cardExports), code: 1},
		// The card line is advisory: a warning, exit 0.
		{name: "rates_cards_only", args: slices.Concat([]string{"rates", asOf}, cardExports)},
		// The window starts 2026-11-12: the debits settled on 2026-11-10
		// are out, the returns in; nothing to divide by, no alert.
		{name: "rates_window_14d", args: []string{"rates", asOf, "--window", "14d", "fixtures/ach"}},
		// As of the day the debits settled, no return has come yet.
		{name: "rates_before_returns", args: []string{"rates", "--as-of=2026-11-10", "-o", "csv", "fixtures/ach"}},
		// The same file twice counts once.
		{name: "rates_same_file_twice", args: []string{"rates", asOf, "-o", "csv", "fixtures/ach", "fixtures/ach/2026-11-12-returns.ach"}, code: 1},
		{name: "rates_bad_input", args: []string{"rates", asOf, "fixtures/ach/2026-11-09-deposits.ach", "fixtures/bad/truncated.ach"}, code: 2},
		{name: "rates_bad_window", args: []string{"rates", asOf, "--window", "2m", "fixtures/ach"}, code: 2},
		{name: "rates_no_source", args: []string{"rates", asOf}, code: 2},
		{name: "rates_help", args: []string{"rates", "--help"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI("", tt.args...)
			assert.Equal(t, tt.code, r.code, "exit status; stderr:\n%s", r.stderr)
			if isJSON(tt.args) {
				assert.True(t, json.Valid([]byte(r.stdout)), "stdout is not valid JSON")
			}
			golden(t, tt.name, r, tt.args)
		})
	}
}

// TestRatesJSONFields checks the figures of the fixtures by hand: 15 live
// debits (the deposits of 2026-11-09) and the returns of 2026-11-12 and
// 2026-11-16 (the R03 of a withdrawal is a credit's return: not counted).
func TestRatesJSONFields(t *testing.T) {
	r := runCLI("", slices.Concat([]string{"rates", "--as-of=2026-11-25", "-o", "json", "fixtures/ach"}, cardExports)...)
	require.Equal(t, ExitNothing, r.code)
	var doc struct {
		Window struct {
			From, To string
			Days     int
		}
		Rates []struct {
			Name                   string
			Rate                   *string
			Numerator, Denominator int
			Status                 string
			Enforced               bool
		}
		Alerts []string
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
	assert.Equal(t, "2026-09-27", doc.Window.From)
	assert.Equal(t, 60, doc.Window.Days)
	want := map[string][3]any{
		"ach_unauthorized":   {"13.33", 2, 15}, // R10, R29
		"ach_administrative": {"13.33", 2, 15}, // R02, R03
		"ach_overall":        {"46.67", 7, 15}, // + R01 ×2, R16
		"card_decline":       {"38.46", 5, 13},
		"card_chargeback":    {"28.57", 2, 7},
	}
	require.Len(t, doc.Rates, len(want))
	for _, x := range doc.Rates {
		w := want[x.Name]
		require.NotNil(t, x.Rate, x.Name)
		assert.Equal(t, w[0], *x.Rate, x.Name)
		assert.Equal(t, w[1], x.Numerator, x.Name)
		assert.Equal(t, w[2], x.Denominator, x.Name)
	}
	assert.Equal(t, []string{"ach_unauthorized", "ach_administrative", "ach_overall"}, doc.Alerts)
}

// TestRatesFromStore: rates --db answers as rates over the files that were
// ingested, and files also in the store count once.
func TestRatesFromStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "history.db")
	sources := append([]string{"fixtures/ach"}, cardExports...)
	r, _ := runWithDB(db, "", append([]string{"ingest", "--db", dbArg}, sources...)...)
	require.Equal(t, ExitOK, r.code, r.stderr)
	files := runCLI("", slices.Concat([]string{"rates", "--as-of=2026-11-25", "-o", "csv"}, sources)...)
	stored, _ := runWithDB(db, "", "rates", "--as-of=2026-11-25", "-o", "csv", "--db", dbArg)
	assert.Equal(t, ExitNothing, stored.code, stored.stderr)
	assert.Equal(t, files.stdout, stored.stdout)
	both, _ := runWithDB(db, "", slices.Concat([]string{"rates", "--as-of=2026-11-25", "-o", "csv", "--db", dbArg}, sources)...)
	assert.Equal(t, files.stdout, both.stdout)
}
