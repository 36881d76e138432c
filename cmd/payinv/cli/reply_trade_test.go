package cli

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/payinv/payinv/explain/reply"
)

// TestReplySaleGolden checks the reply about a sale whose money cannot be
// withdrawn yet, in every language and tone: dates from the settlement
// engine (the day before Thanksgiving settles on Friday), no template
// field left unresolved.
func TestReplySaleGolden(t *testing.T) {
	for _, lang := range reply.Languages {
		for _, tone := range reply.Tones {
			name := "reply_sale_" + lang + "_" + tone
			args := []string{"reply", "--sale-at", "2026-11-25 11:00", "--amount", "4,200", "--name", "MARIA GONZALEZ", "--lang", lang, "--tone", tone}
			t.Run(name, func(t *testing.T) {
				r := runCLI("", args...)
				assert.Equal(t, 0, r.code, r.stderr)
				for _, bad := range []string{"{{", "}}", "<no value>"} {
					assert.NotContains(t, r.stdout, bad)
				}
				golden(t, name, r, args)
			})
		}
	}
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"reply_sale_no_amount", []string{"reply", "--sale-at", "2026-11-25 11:00"}},
		{"reply_sale_with_record", []string{"reply", "--sale-at", "2026-11-25 11:00", "--amount", "10", "--record", "X", "--records", "fixtures/records/records.csv"}},
		{"reply_sale_with_sources", []string{"reply", "--sale-at", "2026-11-25 11:00", "--amount", "10", "fixtures/ach"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI("", tt.args...)
			assert.Equal(t, 2, r.code, r.stderr)
			golden(t, tt.name, r, tt.args)
		})
	}
}
