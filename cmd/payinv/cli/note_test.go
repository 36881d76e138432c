package cli

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noteSources are the inputs of the note tests: every ACH file, the card
// exports and the ISO 20022 wires.
var noteSources = slices.Concat([]string{
	"fixtures/ach/2026-11-09-deposits.ach", "fixtures/ach/2026-11-10-withdrawals.ach", "fixtures/ach/2026-11-12-noc.ach",
	"fixtures/ach/2026-11-12-returns.ach", "fixtures/ach/2026-11-13-reversal.ach", "fixtures/ach/2026-11-13-sameday-withdrawals.ach",
	"fixtures/ach/2026-11-16-returns.ach", "fixtures/ach/2026-11-18-dishonored.ach", "fixtures/ach/2026-11-20-contested.ach",
}, cardExports, isoWires)

func noteArgs(record string, extra ...string) []string {
	return slices.Concat([]string{"note", "--record", record, "--records", "fixtures/records/records.csv", "--as-of=2026-11-25"}, extra, noteSources)
}

// noteCases are the records the golden tests write case notes for.
var noteCases = []struct {
	name   string
	record string
	extra  []string
	code   int
}{
	{name: "note_ach_return", record: "DEP-2611090001"},
	{name: "note_dishonored_contested", record: "DEP-2611090013"},
	{name: "note_noc", record: "DEP-2611090005"},
	{name: "note_card_chargeback", record: "CRD-2611100006"},
	{name: "note_apple_pay_refund", record: "CRD-2611100001"},
	{name: "note_wire_returned", record: "WIR-2611170001"},
	{name: "note_wire_recall", record: "WIR-2611180001"},
	{name: "note_pending", record: "DEP-2611240001"},
	{name: "note_json", record: "DEP-2611090001", extra: []string{"-o", "json"}},
	{name: "note_unknown_record", record: "DEP-0000000000", code: 1},
}

func TestNoteGolden(t *testing.T) {
	for _, tt := range noteCases {
		t.Run(tt.name, func(t *testing.T) {
			args := noteArgs(tt.record, tt.extra...)
			r := runCLI("", args...)
			assert.Equal(t, tt.code, r.code, "exit status; stderr:\n%s", r.stderr)
			if isJSON(args) {
				var out struct {
					Record   string `json:"record"`
					Markdown string `json:"markdown"`
				}
				require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
				assert.Equal(t, tt.record, out.Record)
				assert.True(t, strings.HasPrefix(out.Markdown, "# Case note "+tt.record))
			}
			golden(t, tt.name, r, args)
		})
	}
}

// unescapedPipe finds the cell separators of a Markdown table row.
var unescapedPipe = regexp.MustCompile(`(^|[^\\])\|`)

// TestNoteTablesAreRectangular checks that every row of every Markdown
// table in every note has as many cells as its header.
func TestNoteTablesAreRectangular(t *testing.T) {
	for _, tt := range noteCases {
		if tt.code != 0 || len(tt.extra) > 0 {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI("", noteArgs(tt.record)...)
			require.Equal(t, 0, r.code, r.stderr)
			tables, header := 0, -1
			for line := range strings.Lines(r.stdout) {
				line = strings.TrimRight(line, "\n")
				if !strings.HasPrefix(line, "|") {
					header = -1
					continue
				}
				cells := len(unescapedPipe.FindAllString(line, -1)) - 1
				if header < 0 {
					header = cells
					tables++
					continue
				}
				assert.Equal(t, header, cells, "row %q", line)
			}
			assert.GreaterOrEqual(t, tables, 2, "a timeline and a deadline table")
		})
	}
}

// TestNoteMasksAccounts checks that no full account number of the
// evidence shows in a note unless --reveal.
func TestNoteMasksAccounts(t *testing.T) {
	tests := []struct {
		name   string
		reveal bool
		want   bool
	}{
		{name: "masked", reveal: false, want: false},
		{name: "revealed", reveal: true, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var extra []string
			if tt.reveal {
				extra = []string{"--reveal"}
			}
			r := runCLI("", noteArgs("DEP-2611090005", extra...)...)
			require.Equal(t, 0, r.code, r.stderr)
			full := regexp.MustCompile(`\d{6,}7204`).MatchString(r.stdout)
			assert.Equal(t, tt.want, full, "the NOC's corrected account number in full")
			assert.Contains(t, r.stdout, "7204")
		})
	}
}

func TestNoteBadUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "no record", args: []string{"note", "--records", "fixtures/records/records.csv", "fixtures/ach"}, want: "--record ID (with --records FILE or --db PATH) or --event REF is required"},
		{name: "no records", args: []string{"note", "--record", "DEP-2611090001", "fixtures/ach"}, want: "--records FILE (or --db PATH) is required with --record"},
		{name: "no source", args: []string{"note", "--record", "DEP-2611090001", "--records", "fixtures/records/records.csv"}, want: "no SOURCE given"},
		{name: "sale without a store", args: []string{"reply", "--sale-at", "2026-11-25 11:00", "--amount", "10", "--db", "history.db"}, want: "--sale-at reads no history store"},
		{name: "explain codes with a store", args: []string{"explain", "--db", "history.db", "R01"}, want: "--db goes with --record ID or --event REF"},
		{name: "csv", args: []string{"note", "-o", "csv", "--record", "DEP-2611090001", "--records", "fixtures/records/records.csv", "fixtures/ach"}, want: "--output"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI("", tt.args...)
			assert.Equal(t, ExitInput, r.code)
			assert.Contains(t, r.stderr, tt.want)
		})
	}
}
