package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/explain"
	"github.com/payinv/payinv/explain/reply"
)

// replySources are the fixture files replies are tested against, by rail:
// the good files only (fixtures/*/bad hold files meant to fail).
func replySources(t *testing.T, rail string) []string {
	t.Helper()
	var globs []string
	switch rail {
	case "ach":
		globs = []string{"fixtures/ach/*.ach"}
	case "card":
		globs = []string{"fixtures/cards/*.csv"}
	case "wire":
		globs = []string{"fixtures/wires/fedwire/*.txt", "fixtures/wires/iso/*.xml", "fixtures/wires/swift/*.fin"}
	default:
		return slices.Concat(replySources(t, "ach"), replySources(t, "card"), replySources(t, "wire"))
	}
	var out []string
	for _, g := range globs {
		files, err := filepath.Glob(g)
		require.NoError(t, err)
		out = append(out, files...)
	}
	return out
}

func TestReplyGolden(t *testing.T) {
	tests := []struct {
		name, record, rail string
		extra              []string
		code               int
	}{
		{name: "ach_returned_insufficient_funds", record: "DEP-2611090001", rail: "ach"},
		{name: "ach_returned_account_closed", record: "DEP-2611090003", rail: "ach"},
		{name: "ach_unauthorized", record: "DEP-2611090006", rail: "ach"},
		{name: "ach_returned_sensitive", record: "DEP-2611090008", rail: "ach"},
		{name: "ach_returned_dishonored_contested", record: "DEP-2611090013", rail: "ach"},
		{name: "ach_withdrawal_returned", record: "WDR-2611100003", rail: "ach"},
		{name: "ach_reversed", record: "WDR-2611100004A", rail: "ach"},
		{name: "ach_noc_corrected", record: "DEP-2611090005", rail: "ach"},
		{name: "deposit_pending_hold", record: "DEP-2611240001", rail: "ach"},
		{name: "withdrawal_pending", record: "WDR-2611240001", rail: "ach"},
		{name: "deposit_completed", record: "DEP-2611090002", rail: "ach"},
		{name: "withdrawal_completed", record: "WDR-2611100001", rail: "ach"},
		{name: "needs_review", record: "WDR-MANUAL-0001", rail: "ach"},
		{name: "card_declined", record: "CRD-2611100003", rail: "card"},
		{name: "card_declined_braintree", record: "CRD-2611100008", rail: "card"},
		{name: "card_authorization_released", record: "CRD-2611100004", rail: "card"},
		{name: "card_refund_wallet", record: "CRD-2611100001", rail: "card"},
		{name: "card_refunded", record: "CRD-2611100009", rail: "card"},
		{name: "card_chargeback", record: "CRD-2611100006", rail: "card"},
		{name: "card_dispute_closed", record: "CRD-2611100002", rail: "card"},
		{name: "card_payout_returned", record: "PTC-2611120002", rail: "card"},
		{name: "payment_missing", record: "CRD-2611100010", rail: "card"},
		{name: "wire_returned", record: "WIR-2611170001", rail: "wire"},
		{name: "wire_returned_short", record: "WIR-2611200001", rail: "wire"},
		{name: "wire_returned_fedwire_reversal", record: "WIR-2506200002", rail: "wire"},
		{name: "wire_rejected", record: "WIR-2611170002", rail: "wire"},
		{name: "wire_recall", record: "WIR-2611180001", rail: "wire"},
		{name: "wire_in_flight", record: "WIR-2611160002", rail: "wire"},
	}
	for _, lang := range reply.Languages {
		for _, tt := range tests {
			for _, tone := range []string{"standard", "vip"} {
				// English, the default, is named and run without --lang.
				name, langArgs := "reply_"+tt.name+"_"+tone, []string(nil)
				if lang != "en" {
					name, langArgs = "reply_"+lang+"_"+tt.name+"_"+tone, []string{"--lang", lang}
				}
				t.Run(strings.TrimPrefix(name, "reply_"), func(t *testing.T) {
					args := slices.Concat([]string{"reply", "--as-of=2026-11-25", "--record", tt.record,
						"--records", "fixtures/records/records.csv"}, langArgs, []string{"--tone", tone}, replySources(t, tt.rail))
					r := runCLI("", args...)
					assert.Equal(t, tt.code, r.code, r.stderr)
					golden(t, name, r, args)
				})
			}
		}
	}
}

func TestReplyGoldenRequests(t *testing.T) {
	ach := replySources(t, "ach")
	tests := []struct {
		name string
		args []string
		code int
	}{
		{name: "json", args: slices.Concat([]string{"reply", "--as-of=2026-11-25", "-o", "json", "--record", "DEP-2611090001",
			"--records", "fixtures/records/records.csv"}, ach)},
		{name: "unknown_record", args: slices.Concat([]string{"reply", "--record", "DEP-0000000000",
			"--records", "fixtures/records/records.csv"}, ach), code: ExitNothing},
		{name: "unknown_lang", args: slices.Concat([]string{"reply", "--lang", "xx", "--record", "DEP-2611090001",
			"--records", "fixtures/records/records.csv"}, ach), code: ExitInput},
		{name: "unknown_tone", args: slices.Concat([]string{"reply", "--tone", "casual", "--record", "DEP-2611090001",
			"--records", "fixtures/records/records.csv"}, ach), code: ExitInput},
		{name: "no_record", args: slices.Concat([]string{"reply", "--records", "fixtures/records/records.csv"}, ach), code: ExitInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI("", tt.args...)
			assert.Equal(t, tt.code, r.code, r.stderr)
			golden(t, "reply_request_"+tt.name, r, tt.args)
		})
	}
}

// stillConfirming is how each language's reply says the evidence is
// incomplete.
var stillConfirming = map[string]string{"en": "still confirming", "es": "todavía estamos confirmando", "pt": "ainda estamos confirmando", "ja": "確認中", "zh": "仍在确认"}

// english finds English words that have no business in a reply in another
// language. A word's edges are any character but a Latin letter, a digit or
// "_" (not \b, which is ASCII-only: it would find "transfer" in the
// Portuguese "transferência").
var english = regexp.MustCompile(`(?i)(?:^|[^\p{Latin}\d_])(the|your|you|we|and|was|with|bank|payment|transfer|account|refund|please|hello|dear|regards)(?:[^\p{Latin}\d_]|$)`)

// TestReplyCustomerSafe writes every reply the fixtures can produce, in
// every language and tone, and fails if one holds a full account number of
// the fixtures, a code marked not-for-customers, or an unresolved template
// field, or, in a language other than English, English words.
func TestReplyCustomerSafe(t *testing.T) {
	sources := replySources(t, "")
	events := runCLI("", slices.Concat([]string{"events", "-o", "json", "--reveal"}, sources)...)
	require.Contains(t, events.stdout, `"events"`)

	accounts := map[string]bool{}
	for _, m := range regexp.MustCompile(`"account":"(\d{5,})"`).FindAllStringSubmatch(events.stdout, -1) {
		accounts[m[1]] = true
	}
	require.NotEmpty(t, accounts, "the fixtures hold full account numbers to look for")
	sensitive := map[string]bool{}
	for _, m := range regexp.MustCompile(`"reason":\{"scheme":"([^"]*)","code":"([^"]*)"`).FindAllStringSubmatch(events.stdout, -1) {
		for _, c := range explain.Lookup(m[2], m[1]) {
			if c.Sensitive {
				sensitive[c.Code] = true
			}
		}
	}
	require.NotEmpty(t, sensitive, "the fixtures hold a sensitive code (R16) to look for")

	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(readFixture(t, "fixtures/records/records.csv")), "\n")[1:] {
		ids = append(ids, strings.SplitN(line, ",", 2)[0])
	}
	for _, lang := range reply.Languages {
		require.Contains(t, stillConfirming, lang)
		for _, id := range ids {
			for _, tone := range []string{"standard", "vip"} {
				r := runCLI("", slices.Concat([]string{"reply", "--as-of=2026-11-25", "-o", "json", "--lang", lang, "--tone", tone,
					"--record", id, "--records", "fixtures/records/records.csv"}, sources)...)
				require.Equal(t, 0, r.code, "%s %s %s: %s", lang, id, tone, r.stderr)
				var out replyJSON
				require.NoError(t, json.Unmarshal([]byte(r.stdout), &out), id)
				for acct := range accounts {
					assert.NotContains(t, out.Text, acct, "%s %s %s: full account number", lang, id, tone)
				}
				for code := range sensitive {
					assert.NotRegexp(t, `\b`+regexp.QuoteMeta(code)+`\b`, out.Text, "%s %s %s: not-for-customers code", lang, id, tone)
				}
				for _, bad := range []string{"<no value>", "{{", "}}"} {
					assert.NotContains(t, out.Text, bad, "%s %s %s: unresolved template field", lang, id, tone)
				}
				if !out.Complete {
					assert.Contains(t, out.Text, stillConfirming[lang], "%s %s %s: incomplete evidence must be said", lang, id, tone)
				}
				if lang != "en" {
					assert.Empty(t, english.FindAllString(out.Text, -1), "%s %s %s: English in the reply", lang, id, tone)
				}
			}
		}
	}
}

func readFixture(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}
