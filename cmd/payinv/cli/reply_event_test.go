package cli

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestReplyEventGolden checks replies about a payment named by reference:
// with no record (the evidence stands in for one) and with the record
// that claims it.
func TestReplyEventGolden(t *testing.T) {
	const asOf = "--as-of=2026-11-25"
	tests := []struct {
		name string
		args []string
		code int
	}{
		{name: "reply_event_wire_uetr", args: append([]string{"reply", asOf, "--event", "E4B2C1A0-93D7-4F5E-8A6B-1C2D3E4F5A6B"}, isoWires...)},
		{name: "reply_event_ach_trace", args: []string{"reply", asOf, "--event", "074012501109001", "fixtures/ach"}},
		{name: "reply_event_with_records", args: append([]string{"reply", asOf, "--event", "WIR-2611200001", "--records", "fixtures/records/records.csv"}, swiftWires...)},
		{name: "reply_event_unknown", args: []string{"reply", asOf, "--event", "NO-SUCH-REF", "fixtures/ach"}, code: 1},
		{name: "reply_event_and_record", args: []string{"reply", "--event", "X", "--record", "Y", "--records", "fixtures/records/records.csv", "fixtures/ach"}, code: 2},
		{name: "reply_neither", args: []string{"reply", "fixtures/ach"}, code: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI("", tt.args...)
			assert.Equal(t, tt.code, r.code, "exit status; stderr:\n%s", r.stderr)
			golden(t, tt.name, r, tt.args)
		})
	}
}
