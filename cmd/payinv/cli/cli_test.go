package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// The tests run from the repository root so that paths in the output read
// "fixtures/ach/...", as a user would type them.
const goldenDir = "cmd/payinv/cli/testdata/golden"

// testNow is the fixed clock of every test: the day the fixtures are
// explained on.
var testNow = time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	flag.Parse()
	if err := os.Chdir("../../.."); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}

type result struct {
	stdout, stderr string
	code           int
}

func runCLI(stdin string, args ...string) result {
	io, out, errOut := TestIO(stdin, testNow)
	code := Main(args, io, "test")
	return result{stdout: out.String(), stderr: errOut.String(), code: code}
}

// golden compares a run with testdata/golden/name.golden, which holds the
// command, its stdout, its stderr and its exit status; -update rewrites it.
func golden(t *testing.T, name string, r result, args []string) {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "$ payinv %s\n", strings.Join(args, " "))
	b.WriteString(r.stdout)
	fmt.Fprintf(&b, "--- stderr\n%s--- exit %d\n", r.stderr, r.code)
	path := filepath.Join(goldenDir, name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "golden file missing: run go test ./cmd/payinv/cli -update")
	assert.Equal(t, string(want), b.String(), "output differs from %s (go test ./cmd/payinv/cli -update rewrites it; review the diff)", path)
}

func TestCommandsGolden(t *testing.T) {
	const asOf = "--as-of=2026-11-25"
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
	}{
		// ach show
		{name: "ach_show_deposits", args: []string{"ach", "show", "fixtures/ach/2026-11-09-deposits.ach"}},
		{name: "ach_show_returns_json", args: []string{"ach", "show", "-o", "json", "fixtures/ach/2026-11-12-returns.ach"}},
		{name: "ach_show_noc_json_reveal", args: []string{"ach", "show", "-o", "json", "--reveal", "fixtures/ach/2026-11-12-noc.ach"}},
		{name: "ach_show_withdrawals_csv", args: []string{"ach", "show", "-o", "csv", "fixtures/ach/2026-11-10-withdrawals.ach"}},
		{name: "ach_show_sameday_and_reversal", args: []string{"ach", "show", "fixtures/ach/2026-11-13-sameday-withdrawals.ach", "fixtures/ach/2026-11-13-reversal.ach"}},
		{name: "ach_show_dishonored_contested_json", args: []string{"ach", "show", "-o", "json", "fixtures/ach/2026-11-18-dishonored.ach", "fixtures/ach/2026-11-20-contested.ach"}},
		{name: "ach_show_gzip", args: []string{"ach", "show", "fixtures/bad/deposits.ach.gz"}},
		{name: "ach_show_stdin", stdin: mustRead("fixtures/ach/2026-11-16-returns.ach"), args: []string{"ach", "show", "-"}},
		{name: "ach_show_no_newlines", args: []string{"ach", "show", "-o", "csv", "fixtures/bad/no-newlines.ach"}},
		{name: "ach_show_custom_code", args: []string{"ach", "show", "fixtures/bad/custom-code.ach"}},
		{name: "ach_show_truncated", args: []string{"ach", "show", "fixtures/bad/truncated.ach"}, code: 2},
		{name: "ach_show_truncated_json", args: []string{"ach", "show", "-o", "json", "fixtures/bad/truncated.ach"}, code: 2},
		{name: "ach_show_wrong_length", args: []string{"ach", "show", "fixtures/bad/wrong-length.ach"}, code: 2},
		{name: "ach_show_bad_totals", args: []string{"ach", "show", "fixtures/bad/bad-totals.ach"}, code: 2},
		{name: "ach_show_bad_fields", args: []string{"ach", "show", "fixtures/bad/bad-fields.ach"}, code: 2},
		{name: "ach_show_not_nacha", args: []string{"ach", "show", "fixtures/bad/not-nacha.csv"}, code: 2},
		{name: "ach_show_binary", args: []string{"ach", "show", "fixtures/bad/binary.bin"}, code: 2},
		{name: "ach_show_empty", args: []string{"ach", "show", "fixtures/bad/empty.ach"}, code: 2},
		{name: "ach_show_missing_file", args: []string{"ach", "show", "fixtures/ach/nope.ach"}, code: 2},

		// ach returns
		{name: "ach_returns", args: []string{"ach", "returns", asOf, "fixtures/ach"}},
		{name: "ach_returns_json", args: []string{"ach", "returns", asOf, "-o", "json", "fixtures/ach"}},
		{name: "ach_returns_csv", args: []string{"ach", "returns", asOf, "-o", "csv", "fixtures/ach"}},
		{name: "ach_returns_early_as_of", args: []string{"ach", "returns", "--as-of=2026-11-16", "fixtures/ach/2026-11-09-deposits.ach", "fixtures/ach/2026-11-12-noc.ach", "fixtures/ach/2026-11-16-returns.ach"}},
		{name: "ach_returns_without_originals", args: []string{"ach", "returns", asOf, "fixtures/ach/2026-11-12-returns.ach", "fixtures/bad/custom-code.ach"}},
		{name: "ach_returns_none", args: []string{"ach", "returns", asOf, "fixtures/ach/2026-11-09-deposits.ach"}, code: 1},
		{name: "ach_returns_none_json", args: []string{"ach", "returns", asOf, "-o", "json", "fixtures/ach/2026-11-09-deposits.ach"}, code: 1},

		// events
		{name: "events", args: []string{"events", "fixtures/ach"}},
		{name: "events_json", args: []string{"events", "-o", "json", "fixtures/ach/2026-11-16-returns.ach", "fixtures/ach/2026-11-13-reversal.ach"}},
		{name: "events_csv", args: []string{"events", "-o", "csv", "fixtures/ach"}},
		{name: "events_bad_folder", args: []string{"events", "fixtures/bad"}, code: 2},
		{name: "events_not_payment_file", args: []string{"events", "fixtures/bad/not-nacha.csv"}, code: 2},
		{name: "events_empty_json", args: []string{"events", "-o", "json", "fixtures/bad/empty.ach"}, code: 2},

		// explain and codes
		{name: "explain_r01", args: []string{"explain", "R01"}},
		{name: "explain_several", args: []string{"explain", "r10", "C02", "R68"}},
		{name: "explain_unknown", args: []string{"explain", "R97", "XYZ"}, code: 1},
		{name: "explain_sensitive_json", args: []string{"explain", "-o", "json", "R16", "C05"}},
		{name: "explain_csv", args: []string{"explain", "-o", "csv", "R03"}},
		{name: "explain_scheme", args: []string{"explain", "--scheme", "nacha_change", "C61"}},
		{name: "explain_wrong_scheme", args: []string{"explain", "--scheme", "nacha_change", "R01"}, code: 1},
		{name: "codes", args: []string{"codes"}},
		{name: "codes_change_json", args: []string{"codes", "--scheme", "nacha_change", "-o", "json"}},

		// match and find
		{name: "match", args: []string{"match", "--records", "fixtures/records/records.csv", asOf, "--rail", "ach", "fixtures/ach"}, code: 1},
		{name: "match_unchecked_rails", args: []string{"match", "--records", "fixtures/records/records.csv", asOf, "-o", "csv", "fixtures/ach"}, code: 1},
		{name: "match_json", args: []string{"match", "--records", "fixtures/records/records.csv", asOf, "--rail", "ach", "-o", "json", "fixtures/ach"}, code: 1},
		{name: "match_csv", args: []string{"match", "--records", "fixtures/records/records.csv", asOf, "--rail", "ach", "-o", "csv", "fixtures/ach"}, code: 1},
		{name: "match_window_1", args: []string{"match", "--records", "fixtures/records/records.csv", asOf, "--rail", "ach", "--window", "1", "fixtures/ach"}, code: 1},
		{name: "match_bad_records", args: []string{"match", "--records", "fixtures/records/bad-records.csv", asOf, "fixtures/ach/2026-11-09-deposits.ach"}, code: 2},
		{name: "match_no_records_flag", args: []string{"match", "fixtures/ach"}, code: 2},
		{name: "find_trace", args: []string{"find", "--trace", "074012501109013", asOf, "fixtures/ach"}},
		{name: "find_id_with_records", args: []string{"find", "--records", "fixtures/records/records.csv", "--id", "DEP-2611090013", asOf, "fixtures/ach"}},
		{name: "find_customer", args: append(append([]string{"find", "--records", "fixtures/records/records.csv", "--customer", "CUS-1002", asOf, "fixtures/ach"}, cardExports...), isoWires...)},
		{name: "find_name_amount", args: []string{"find", "--name", "kowalski", "--amount", "980.50", asOf, "fixtures/ach"}},
		{name: "find_json", args: []string{"find", "-o", "json", "--id", "WDR-2611100004A", asOf, "fixtures/ach"}},
		{name: "find_csv", args: []string{"find", "-o", "csv", "--date", "2026-11-16", asOf, "fixtures/ach"}},
		{name: "find_nothing", args: []string{"find", "--trace", "999999999999999", asOf, "fixtures/ach"}, code: 1},
		{name: "find_no_filter", args: []string{"find", "fixtures/ach"}, code: 2},

		// cards
		{name: "cards_show_stripe", args: []string{"cards", "show", asOf, "fixtures/cards/stripe_balance.csv", "fixtures/cards/stripe_payments.csv"}},
		{name: "cards_show_all_json", args: append([]string{"cards", "show", "-o", "json", asOf}, cardExports...)},
		{name: "cards_show_csv", args: []string{"cards", "show", "-o", "csv", "fixtures/cards/adyen_accounting.csv", "fixtures/cards/adyen_settlement.csv"}},
		{name: "cards_show_card_map", args: []string{"cards", "show", asOf, "--card-map", "fixtures/cards/maps/worldpay-like.yaml", "fixtures/cards/maps/worldpay-like.csv"}},
		{name: "cards_show_folder", args: []string{"cards", "show", asOf, "fixtures/cards"}, code: 2},
		{name: "cards_show_stdin", stdin: mustRead("fixtures/cards/braintree.csv"), args: []string{"cards", "show", asOf, "-"}},
		{name: "cards_show_forced_processor", args: []string{"cards", "show", "--processor", "stripe_balance", "fixtures/cards/braintree.csv"}, code: 2},
		{name: "cards_show_bad_processor", args: []string{"cards", "show", "--processor", "paypal", "fixtures/cards/braintree.csv"}, code: 2},
		{name: "cards_show_generic_without_map", args: []string{"cards", "show", "--processor", "generic", "fixtures/cards/maps/worldpay-like.csv"}, code: 2},
		{name: "events_ach_and_cards", args: []string{"events", asOf, "fixtures/ach/2026-11-12-noc.ach", "fixtures/cards/checkout_payments.csv"}},
		{name: "match_cards", args: append([]string{"match", "--records", "fixtures/records/records.csv", asOf, "--card-map", "fixtures/cards/maps/worldpay-like.yaml", "fixtures/ach", "fixtures/cards/maps/worldpay-like.csv"}, cardExports...), code: 1},
		{name: "match_every_rail", args: slices.Concat([]string{"match", "--records", "fixtures/records/records.csv", asOf, "--card-map", "fixtures/cards/maps/worldpay-like.yaml", "fixtures/ach", "fixtures/cards/maps/worldpay-like.csv"}, cardExports, isoWires, fedwireFiles, swiftWires), code: 1},
		{name: "match_cards_json", args: append([]string{"match", "--records", "fixtures/records/records.csv", asOf, "-o", "json", "--rail", "card,apple_pay", "--card-map", "fixtures/cards/maps/worldpay-like.yaml", "fixtures/cards/maps/worldpay-like.csv"}, cardExports...), code: 1},
		{name: "find_card_arn", args: append([]string{"find", "--records", "fixtures/records/records.csv", "--arn", "74987506314000012345672", asOf}, cardExports...)},
		{name: "find_card_id", args: append([]string{"find", "--id", "CRD-2611100006", asOf}, cardExports...)},
		{name: "find_card_last4_device", args: append([]string{"find", "--last4", "4242", asOf}, cardExports...)},
		{name: "explain_card_codes", args: []string{"explain", "51", "10.4", "43"}},
		{name: "explain_card_codes_json", args: []string{"explain", "-o", "json", "--scheme", "mastercard", "4837"}},
		{name: "explain_ambiguous", args: []string{"explain", "C05"}},
		{name: "explain_bare_05", args: []string{"explain", "05"}},
		{name: "explain_adyen_text", args: []string{"explain", "--scheme", "adyen_refusal", "not enough balance"}},
		{name: "codes_visa", args: []string{"codes", "--scheme", "visa"}},
		{name: "codes_stripe_decline_csv", args: []string{"codes", "--scheme", "stripe_decline", "-o", "csv"}},

		// wires
		{name: "wires_show_iso", args: append([]string{"wires", "show"}, isoWires...)},
		{name: "wires_show_fedwire_json", args: []string{"wires", "show", "-o", "json", "fixtures/wires/fedwire/2025-06-20-fedwire.txt", "fixtures/wires/fedwire/2025-06-23-fedwire.txt"}},
		{name: "wires_show_swift_csv", args: append([]string{"wires", "show", "-o", "csv"}, swiftWires...)},
		{name: "wires_show_folder", args: []string{"wires", "show", "fixtures/wires"}, code: 2},
		{name: "wires_show_stdin", stdin: mustRead("fixtures/wires/swift/2026-11-24-mt103-return.fin"), args: []string{"wires", "show", "-"}},
		{name: "wires_show_reveal_json", args: []string{"wires", "show", "-o", "json", "--reveal", "fixtures/wires/iso/2026-11-18-return-pacs004.xml"}},
		{name: "wires_show_not_wire", args: []string{"wires", "show", "fixtures/ach/2026-11-12-noc.ach"}, code: 2},
		{name: "events_every_rail", args: []string{"events", asOf, "fixtures/ach/2026-11-12-noc.ach", "fixtures/cards/checkout_payments.csv", "fixtures/wires/swift/2026-11-20-mt103-withdrawal.fin"}},
		{name: "match_wires", args: append(append(append([]string{"match", "--records", "fixtures/records/records.csv", asOf, "--rail", "wire"}, isoWires...), fedwireFiles...), swiftWires...), code: 1},
		{name: "match_wires_json", args: append(append(append([]string{"match", "--records", "fixtures/records/records.csv", asOf, "--rail", "wire", "-o", "json"}, isoWires...), fedwireFiles...), swiftWires...), code: 1},
		{name: "find_wire_uetr", args: append([]string{"find", "--uetr", "E4B2C1A0-93D7-4F5E-8A6B-1C2D3E4F5A6B", asOf}, isoWires...)},
		{name: "find_wire_imad", args: append([]string{"find", "--imad", "20250620LKTBQR01000045", asOf}, fedwireFiles...)},
		{name: "find_wire_record", args: append(append([]string{"find", "--records", "fixtures/records/records.csv", "--id", "WIR-2611200001", asOf}, swiftWires...), isoWires...)},
		{name: "find_wire_remittance", args: append([]string{"find", "--id", "WIR-2611160001", asOf}, isoWires...)},

		// when
		{name: "when_ach_same_day_friday_late", args: []string{"when", "--as-of=2026-11-24", "--rail", "ach", "--same-day", "--direction", "debit", "--at", "2026-11-20 16:50"}},
		{name: "when_ach_thanksgiving_debit_json", args: []string{"when", asOf, "--rail", "ach", "--direction", "credit", "--consumer", "--at", "2026-11-25T15:00:00-05:00", "-o", "json"}},
		{name: "when_wire_after_cutoff", args: []string{"when", "--rail", "wire", "--at", "2026-11-20T23:50:00Z"}},
		{name: "when_wire_swift_csv", args: []string{"when", "--rail", "wire", "--kind", "swift", "--at", "2026-11-20 10:00", "-o", "csv"}},
		{name: "when_trade_before_holiday", args: []string{"when", "--rail", "trade", "--kind", "buy", "--at", "2026-01-16 11:00"}},
		{name: "when_trade_deposit_rules", args: []string{"when", "--rail", "trade", "--kind", "deposit", "--at", "2026-11-20 10:00", "--rules", "cmd/payinv/cli/testdata/rules/bank.yaml"}},
		{name: "when_ach_bank_cutoff_rules", args: []string{"when", "--rail", "ach", "--same-day", "--at", "2026-11-20 16:30", "--rules", "cmd/payinv/cli/testdata/rules/bank.yaml"}},
		{name: "when_card_refund", args: []string{"when", "--rail", "card", "--kind", "refund", "--at", "2026-11-20 10:00"}},
		{name: "when_no_rail", args: []string{"when", "--at", "2026-11-20 10:00"}, code: 2},
		{name: "when_bad_rail", args: []string{"when", "--rail", "paypal"}, code: 2},
		{name: "when_bad_at", args: []string{"when", "--rail", "ach", "--at", "yesterday"}, code: 2},
		{name: "when_bad_rules", args: []string{"when", "--rail", "ach", "--rules", "fixtures/records/maps/bank-export.yaml"}, code: 2},

		// usage
		{name: "usage_no_files", args: []string{"ach", "show"}, code: 2},
		{name: "usage_bad_output", args: []string{"ach", "show", "-o", "xml", "fixtures/ach"}, code: 2},
		{name: "usage_bad_as_of", args: []string{"ach", "returns", "--as-of", "11/25/2026", "fixtures/ach"}, code: 2},
		{name: "usage_bad_flag", args: []string{"events", "--nope", "fixtures/ach"}, code: 2},
		{name: "usage_bad_scheme", args: []string{"codes", "--scheme", "paypal"}, code: 2},
		{name: "usage_unknown_command", args: []string{"show"}, code: 2},
		{name: "version", args: []string{"--version"}},
		{name: "help_exit_codes", args: []string{"help", "exit-codes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(tt.stdin, tt.args...)
			assert.Equal(t, tt.code, r.code, "exit status; stderr:\n%s", r.stderr)
			if isJSON(tt.args) && r.stdout != "" {
				assert.True(t, json.Valid([]byte(r.stdout)), "stdout is not valid JSON")
			}
			golden(t, tt.name, r, tt.args)
		})
	}
}

// isoWires, fedwireFiles and swiftWires are the good wire fixtures.
var (
	isoWires = []string{
		"fixtures/wires/iso/2026-11-16-deposit-pacs008.xml", "fixtures/wires/iso/2026-11-16-status-pacs002.xml",
		"fixtures/wires/iso/2026-11-16-withdrawal-pacs008.xml", "fixtures/wires/iso/2026-11-17-reject-pacs002.xml",
		"fixtures/wires/iso/2026-11-17-withdrawals-pacs008.xml", "fixtures/wires/iso/2026-11-18-return-pacs004.xml",
		"fixtures/wires/iso/2026-11-18-withdrawal-pacs008.xml", "fixtures/wires/iso/2026-11-19-recall-camt056.xml",
		"fixtures/wires/iso/2026-11-20-notification-camt054.xml", "fixtures/wires/iso/2026-11-20-recall-answer-camt029.xml",
		"fixtures/wires/iso/2026-11-20-return-pacs004.xml",
	}
	fedwireFiles = []string{"fixtures/wires/fedwire/2025-06-20-fedwire.txt", "fixtures/wires/fedwire/2025-06-23-fedwire.txt"}
	swiftWires   = []string{
		"fixtures/wires/swift/2026-11-19-mt103-deposit.fin", "fixtures/wires/swift/2026-11-20-mt103-rejected.fin",
		"fixtures/wires/swift/2026-11-20-mt103-withdrawal.fin", "fixtures/wires/swift/2026-11-21-mt199-gpi.fin",
		"fixtures/wires/swift/2026-11-24-mt103-return.fin",
	}
)

// cardExports are the card fixtures of the known formats.
var cardExports = []string{
	"fixtures/cards/adyen_accounting.csv", "fixtures/cards/adyen_settlement.csv", "fixtures/cards/braintree.csv",
	"fixtures/cards/checkout_financial.csv", "fixtures/cards/checkout_payments.csv",
	"fixtures/cards/stripe_balance.csv", "fixtures/cards/stripe_payments.csv",
}

func isJSON(args []string) bool {
	for i, a := range args {
		if a == "-o" && i+1 < len(args) && args[i+1] == "json" {
			return true
		}
	}
	return false
}

func mustRead(path string) string {
	b, err := os.ReadFile("../../../" + path)
	if err != nil {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		panic(err)
	}
	return string(b)
}

// fullAccounts are account numbers that appear in the fixtures; none may
// reach any output without --reveal.
var fullAccounts = regexp.MustCompile(`4410029381|20557193|7001845522|3310077425|3398117204|4410188042|918273645|` +
	`20561138|3310092716|918004512|600123987|8812004417|3398205561|9100004477120|918339021|3310110394|003398117204`)

func TestAccountsMaskedEverywhere(t *testing.T) {
	for _, cmd := range [][]string{{"ach", "show"}, {"ach", "returns"}, {"events"},
		{"match", "--records", "fixtures/records/records.csv"}, {"find", "--name", "a"}} {
		for _, format := range []string{"table", "json", "csv"} {
			args := append(append([]string{}, cmd...), "-o", format, "--as-of=2026-11-25", "fixtures/ach", "fixtures/bad")
			r := runCLI("", args...)
			assert.False(t, fullAccounts.MatchString(r.stdout), "%v printed a full account number: %s", args, fullAccounts.FindString(r.stdout))
			assert.False(t, fullAccounts.MatchString(r.stderr), "%v printed a full account number on stderr", args)
		}
	}
	r := runCLI("", "ach", "show", "--reveal", "fixtures/ach/2026-11-09-deposits.ach")
	assert.Contains(t, r.stdout, "4410029381", "--reveal shows full numbers")
}

// fullCardNumbers are the card numbers written into the card fixtures (in
// a description, a cardholder name); no output may show them, nor their
// first six digits with the last four.
var fullCardNumbers = regexp.MustCompile(`4242424242424242|4000 0566 5566 5556|4000056655665556|424242\*+4242|400005\*+5556|489537`)

func TestCardNumbersNeverPrinted(t *testing.T) {
	for _, cmd := range [][]string{{"cards", "show"}, {"events"},
		{"match", "--records", "fixtures/records/records.csv"}, {"find", "--name", "a"}} {
		for _, format := range []string{"table", "json", "csv"} {
			args := append(append([]string{}, cmd...), "-o", format, "--as-of=2026-11-25")
			args = append(args, cardExports...)
			r := runCLI("", args...)
			assert.False(t, fullCardNumbers.MatchString(r.stdout), "%v printed a card number: %s", args, fullCardNumbers.FindString(r.stdout))
			assert.False(t, fullCardNumbers.MatchString(r.stderr), "%v printed a card number on stderr", args)
		}
	}
	r := runCLI("", "cards", "show", "-o", "json", "--reveal", "fixtures/cards/braintree.csv")
	assert.Contains(t, r.stdout, `"bin":"489537"`, "--reveal shows the BIN the export gives")
}

func TestSameInputSameOutput(t *testing.T) {
	for _, args := range [][]string{
		{"events", "-o", "json", "fixtures"},
		{"match", "-o", "json", "--records", "fixtures/records/records.csv", "--as-of=2026-11-25", "fixtures/ach", "fixtures/cards"},
		{"ach", "returns", "-o", "csv", "--as-of=2026-11-25", "fixtures/ach"},
	} {
		first := runCLI("", args...)
		second := runCLI("", args...)
		assert.Equal(t, first, second, "%v is not deterministic", args)
	}
}

func TestAsOfDefaultsToTodayInEastern(t *testing.T) {
	// 03:30 UTC on Nov 26 is still Nov 25 in New York.
	io, out, _ := TestIO("", time.Date(2026, 11, 26, 3, 30, 0, 0, time.UTC))
	code := Main([]string{"ach", "returns", "-o", "json", "fixtures/ach/2026-11-12-noc.ach"}, io, "test")
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, out.String(), `"as_of":"2026-11-25"`)
}
