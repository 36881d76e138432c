package cli

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCaseGolden checks the commands about one record or payment named by
// reference: explain's analyst and customer views, and note --event.
func TestCaseGolden(t *testing.T) {
	const asOf = "--as-of=2026-11-25"
	tests := []struct {
		name string
		args []string
		code int
	}{
		{name: "explain_record_wire", args: append([]string{"explain", asOf, "--record", "WIR-2611170001", "--records", "fixtures/records/records.csv"}, isoWires...)},
		{name: "explain_event_ach_json", args: []string{"explain", asOf, "-o", "json", "--event", "074012501109013", "fixtures/ach"}},
		{name: "explain_record_unknown", args: []string{"explain", asOf, "--record", "NOPE", "--records", "fixtures/records/records.csv", "fixtures/ach"}, code: 1},
		{name: "explain_record_without_records", args: []string{"explain", "--record", "WIR-2611170001", "fixtures/ach"}, code: 2},
		{name: "note_event_imad", args: append([]string{"note", asOf, "--event", "20250620LKTBQR01000045"}, fedwireFiles...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI("", tt.args...)
			assert.Equal(t, tt.code, r.code, "exit status; stderr:\n%s", r.stderr)
			golden(t, tt.name, r, tt.args)
		})
	}
}
