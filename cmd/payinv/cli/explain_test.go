package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExplainWireGolden covers explain and codes for wire reason codes.
func TestExplainWireGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{name: "explain_wire_ac04", args: []string{"explain", "AC04"}},
		{name: "explain_wire_e433", args: []string{"explain", "E433"}},
		{name: "explain_wire_g004", args: []string{"explain", "G004"}},
		{name: "explain_wire_narr", args: []string{"explain", "NARR"}},
		{name: "explain_wire_fedwire_unlisted", args: []string{"explain", "E999"}, code: 1},
		{name: "explain_wire_fedwire_scheme", args: []string{"explain", "--scheme", "fedwire_error", "X12B"}, code: 1},
		{name: "explain_wire_sensitive_json", args: []string{"explain", "-o", "json", "--scheme", "iso20022_return", "FR01", "MD07"}},
		{name: "explain_wire_wrong_scheme", args: []string{"explain", "--scheme", "swift_gpi", "AC04"}, code: 1},
		{name: "codes_iso20022_return", args: []string{"codes", "--scheme", "iso20022_return"}},
		{name: "codes_fedwire", args: []string{"codes", "--scheme", "fedwire_error"}},
		{name: "codes_gpi_json", args: []string{"codes", "--scheme", "swift_gpi", "-o", "json"}},
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

// TestExplainWireSensitiveNeverShowsTheReason checks the JSON a reply
// template would read: a sensitive wire code's customer sentence names
// neither the code nor the reason.
func TestExplainWireSensitiveNeverShowsTheReason(t *testing.T) {
	for _, code := range []string{"FR01", "FRAD", "RR04", "AM07", "MD07", "LEGL"} {
		r := runCLI("", "explain", "-o", "json", code)
		require.Equal(t, 0, r.code, r.stderr)
		var out struct {
			Codes []struct {
				Code      string `json:"code"`
				Sensitive bool   `json:"sensitive"`
				Customer  string `json:"customer"`
			} `json:"codes"`
		}
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &out))
		require.NotEmpty(t, out.Codes, code)
		for _, c := range out.Codes {
			assert.True(t, c.Sensitive, code)
			assert.NotContains(t, c.Customer, code)
			lower := strings.ToLower(c.Customer)
			for _, word := range []string{"fraud", "sanction", "regulat", "deceased", "legal"} {
				assert.NotContains(t, lower, word, code)
			}
		}
	}
}
