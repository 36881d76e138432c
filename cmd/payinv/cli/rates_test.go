package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
		// The window starts 2026-11-12: the deposits settled on 2026-11-10
		// are out, their returns in, and the only debit entry left is the
		// reversal of 2026-11-16: 7 returns of 1 debit, 700 % (Nacha
		// counts the returns received in the period over the debits
		// originated in it).
		{name: "rates_window_14d", args: []string{"rates", asOf, "--window", "14d", "fixtures/ach"}, code: 1},
		// As of the day the debits settled, no return has come yet.
		{name: "rates_before_returns", args: []string{"rates", "--as-of=2026-11-10", "-o", "csv", "fixtures/ach"}},
		// The same file twice counts once.
		{name: "rates_same_file_twice", args: []string{"rates", asOf, "-o", "csv", "fixtures/ach", "fixtures/ach/2026-11-12-returns.ach"}, code: 1},
		{name: "rates_bad_input", args: []string{"rates", asOf, "fixtures/ach/2026-11-09-deposits.ach", "fixtures/bad/truncated.ach"}, code: 2},
		// The two calendar months before November: nothing in them.
		{name: "rates_window_2m", args: []string{"rates", asOf, "--window", "2m", "fixtures/ach"}},
		// November 2026, as of the first days of December: the fixtures'
		// whole story, and Mastercard's ratio over October's sales.
		{name: "rates_window_1m", args: slices.Concat([]string{"rates", "--as-of=2026-12-03", "--window", "1m", "fixtures/ach"}, cardExports), code: 1},
		{name: "rates_window_1m_csv", args: slices.Concat([]string{"rates", "--as-of=2026-12-03", "--window", "1m", "-o", "csv", "fixtures/ach"}, cardExports), code: 1},
		{name: "rates_bad_window", args: []string{"rates", asOf, "--window", "2w", "fixtures/ach"}, code: 2},
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

// TestRatesJSONFields checks the figures of the fixtures by hand: 16 live
// debits (the 15 deposits of 2026-11-09 and the reversal of the duplicate
// withdrawal, 980.50 on 2026-11-16) and the returns of 2026-11-12 and
// 2026-11-16 (the R03 of a withdrawal is a credit's return: not counted).
func TestRatesJSONFields(t *testing.T) {
	r := runCLI("", slices.Concat([]string{"rates", "--as-of=2026-11-25", "-o", "json", "fixtures/ach"}, cardExports)...)
	require.Equal(t, ExitNothing, r.code)
	var doc struct {
		Window struct {
			From, To     string
			Days, Months int
		}
		Rates []struct {
			Name                   string
			Rate                   *string
			Numerator, Denominator int
			Status                 string
			Enforced               bool
			Network                string
			DenominatorFrom        string `json:"denominator_from"`
			DenominatorTo          string `json:"denominator_to"`
			Parts                  []struct {
				Key     string
				Side    string
				Counted bool
				Count   int
				Amounts []struct{ Amount, Currency string }
			}
		}
		Alerts []string
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
	assert.Equal(t, "2026-09-27", doc.Window.From)
	assert.Equal(t, 60, doc.Window.Days)
	assert.Equal(t, 0, doc.Window.Months)
	want := map[string][3]any{
		"ach_unauthorized":           {"12.50", 2, 16}, // R10, R29
		"ach_administrative":         {"12.50", 2, 16}, // R02, R03
		"ach_overall":                {"43.75", 7, 16}, // + R01 ×2, R16
		"card_decline":               {"38.46", 5, 13},
		"card_chargeback":            {"28.57", 2, 7},
		"card_chargeback_visa":       {"20.00", 1, 5}, // Adyen's 10.4 over Adyen, Braintree, Checkout and two Stripe captures
		"card_chargeback_mastercard": {nil, 1, 0},     // Stripe's 4837; no Mastercard sales 2026-08-27..2026-10-25
	}
	require.Len(t, doc.Rates, len(want))
	parts := map[string]map[string]int{}
	for _, x := range doc.Rates {
		w := want[x.Name]
		if w[0] == nil {
			assert.Nil(t, x.Rate, x.Name)
		} else {
			require.NotNil(t, x.Rate, x.Name)
			assert.Equal(t, w[0], *x.Rate, x.Name)
		}
		assert.Equal(t, w[1], x.Numerator, x.Name)
		assert.Equal(t, w[2], x.Denominator, x.Name)
		parts[x.Name] = map[string]int{}
		for _, p := range x.Parts {
			parts[x.Name][p.Key] = p.Count
		}
		from, to := "2026-09-27", "2026-11-25"
		if x.Network == "mastercard" {
			from, to = "2026-08-27", "2026-10-25"
		}
		assert.Equal(t, [2]string{from, to}, [2]string{x.DenominatorFrom, x.DenominatorTo}, x.Name)
	}
	// The reversal of the duplicate withdrawal counts among the debits; the
	// R03 of a withdrawal and the R68 and R70 answering the R01 of
	// 2026-11-16 are named, not counted.
	assert.Equal(t, map[string]int{"reversals": 1}, parts["ach_unauthorized"])
	assert.Equal(t, map[string]int{"reversals": 1, "returns_of_credits": 1}, parts["ach_administrative"])
	assert.Equal(t, map[string]int{"reversals": 1, "returns_of_credits": 1, "dishonored_returns": 2}, parts["ach_overall"])
	assert.Equal(t, map[string]int{"chargeback_reversals": 2, "second_chargebacks": 1}, parts["card_chargeback"])
	assert.Equal(t, []string{"ach_unauthorized", "ach_administrative", "ach_overall"}, doc.Alerts)
}

// TestRatesMonthWindow: --window 1m as of a day of December is November.
func TestRatesMonthWindow(t *testing.T) {
	for _, asOf := range []string{"2026-12-01", "2026-12-31"} {
		r := runCLI("", "rates", "--as-of="+asOf, "--window", "1m", "-o", "json", "fixtures/ach")
		require.Equal(t, ExitNothing, r.code, r.stderr)
		var doc struct {
			AsOf   string `json:"as_of"`
			Window struct {
				From, To     string
				Days, Months int
			}
			Rates []struct {
				Name        string
				Denominator int
			}
		}
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
		assert.Equal(t, asOf, doc.AsOf)
		assert.Equal(t, [2]string{"2026-11-01", "2026-11-30"}, [2]string{doc.Window.From, doc.Window.To})
		assert.Equal(t, [2]int{30, 1}, [2]int{doc.Window.Days, doc.Window.Months})
		assert.Equal(t, 16, doc.Rates[0].Denominator)
	}
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

// TestRatesMastercardFromExport: a Stripe payments export with October's
// Mastercard sales and November's chargebacks; Mastercard's ratio divides
// November's chargebacks by October's sales, and its line needs 100
// chargebacks.
func TestRatesMastercardFromExport(t *testing.T) {
	header, err := os.ReadFile("fixtures/cards/stripe_payments.csv")
	require.NoError(t, err)
	head, _, _ := strings.Cut(string(header), "\n")
	row := func(i int, disputed bool) string {
		dispute, code := "0.00,,,,", ""
		if disputed {
			dispute, code = "10.00,2026-11-20 12:00:00,2026-12-08 23:59:59,fraudulent,lost", "4837"
		}
		return fmt.Sprintf("ch_mc%04d,2026-10-15 12:00:00,10.00,0.00,usd,true,10.00,0.00,usd,,deposit,0.40,,NORTHWIND INVEST,Paid,Payment complete.,0.00,"+
			"card_%04d,cus_%04d,,,,4444,MasterCard,debit,US,,,%s,%s,,pi_mc%04d,false,CRD-%04d\n", i, i, i, dispute, code, i, i)
	}
	type rate struct {
		Name, Status, Network  string
		Rate                   *string
		Numerator, Denominator int
		DenominatorFrom        string `json:"denominator_from"`
		DenominatorTo          string `json:"denominator_to"`
		ThresholdMinCount      int    `json:"threshold_min_count"`
		ThresholdStrict        bool   `json:"threshold_strict"`
	}
	tests := []struct {
		name            string
		sales, disputed int
		status, rate    string
		warning         string
	}{
		{"below the minimum", 50, 2, "below_minimum", "4.00", "but with 2 chargebacks, fewer than the 100 it applies from: 2 of 50"},
		{"crossed", 150, 101, "crossed", "67.33",
			"is 67.33%, above the 1.00% monitoring line (Mastercard Excessive Chargeback Program: Chargeback-Monitored Merchant, advisory): 101 of 150"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(head + "\n")
			for i := range tt.sales {
				b.WriteString(row(i, i < tt.disputed))
			}
			file := filepath.Join(t.TempDir(), "payments.csv")
			require.NoError(t, os.WriteFile(file, []byte(b.String()), 0o600))
			r := runCLI("", "rates", "--as-of=2026-12-01", "--window", "1m", "-o", "json", file)
			require.Equal(t, ExitOK, r.code, "the card lines never alert; stderr:\n%s", r.stderr)
			var doc struct{ Rates []rate }
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
			byName := map[string]rate{}
			for _, x := range doc.Rates {
				byName[x.Name] = x
			}
			mc, ok := byName["card_chargeback_mastercard"]
			require.True(t, ok, r.stdout)
			assert.Equal(t, "mastercard", mc.Network)
			assert.Equal(t, [2]int{tt.disputed, tt.sales}, [2]int{mc.Numerator, mc.Denominator})
			require.NotNil(t, mc.Rate)
			assert.Equal(t, tt.rate, *mc.Rate)
			assert.Equal(t, tt.status, mc.Status)
			assert.Equal(t, [2]string{"2026-10-01", "2026-10-31"}, [2]string{mc.DenominatorFrom, mc.DenominatorTo})
			assert.Equal(t, 100, mc.ThresholdMinCount)
			assert.True(t, mc.ThresholdStrict)
			assert.Contains(t, r.stderr, tt.warning)
			// All networks together divide by November's captures: none.
			assert.Equal(t, "no_data", byName["card_chargeback"].Status)
		})
	}
}
