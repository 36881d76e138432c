package cards

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzEdgeInputs are short inputs at the edges of what the readers
// decide on their first bytes and rows.
var fuzzEdgeInputs = []string{
	"",
	"\ufeff",
	"\n\n",
	"\x00\xff",
	balanceHeader + "\n",
	balanceHeader + "\n" + balanceRow("1", "2026-11-10 15:00:00", "1", "charge") + "\n",
	balanceHeader + "\r\n\"txn_1\r\n\",2026-11-10,,USD,\"(1,000.00)\",,,dispute,,ch_1,Visa,\"4242 4242 4242 4242\"\r\n",
	"Psp Reference,Type,Creation Date,TimeZone,Gross Currency,Gross Debit (GC),Gross Credit (GC)\n8800,Settled,2026-11-10 25:00,Mars,USD,1,1\n",
	"Transaction ID,Transaction Type,Transaction Status,Created Datetime,Currency ISO Code,Amount Authorized\nt,credit,settled,1/2/2026 3:04,usd,-0\n",
	"Action ID,Action Type,Breakdown Type,Payment ID,Processed On,Holding Currency,Holding Currency Amount\na,Capture,Scheme Fee Tax,p,2026-11-10T00:00:00.123456789Z,USD,-0.000001\n",
	"id,Amount Refunded,Amount,Currency,Status,Created (UTC),Disputed Amount,Dispute Date (UTC)\nch,5,3,usd,Refunded,2026-11-10,4,\n",
}

// addFuzzSeeds adds every fixture, good and bad, and the edge inputs.
func addFuzzSeeds(f *testing.F) {
	for _, dir := range []string{fixturesDir, filepath.Join(fixturesDir, "bad"), filepath.Join(fixturesDir, "maps")} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".csv") {
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range fuzzEdgeInputs {
		f.Add([]byte(s))
	}
}

// fuzzRead reads data with opts and checks what must hold for any input:
// no panic; every pair an event or a *payment.Problem naming the file;
// events on the card rail with a kind, valid JSON and no full card
// number (readCards checks these); lines within the input.
func fuzzRead(t *testing.T, data []byte, opts Options) {
	if len(data) > 1<<16 {
		t.Skip()
	}
	const name = "fuzz.csv"
	res := readCards(t, bytes.NewReader(data), name, opts)
	lines := bytes.Count(data, []byte{'\n'}) + 1
	for _, p := range res.problems {
		if p.Source.Line < 0 || p.Source.Line > lines+1 {
			t.Fatalf("problem at line %d; the input has %d lines: %s", p.Source.Line, lines, p.Error())
		}
	}
	for _, ev := range res.events {
		if ev.Source.Line > lines {
			t.Fatalf("event at line %d; the input has %d lines", ev.Source.Line, lines)
		}
		if opts.Processor != "" && ev.Format != strings.ToLower(opts.Processor) {
			t.Fatalf("event of format %q read as %q", ev.Format, opts.Processor)
		}
	}
}

func fuzzFormat(f *testing.F, opts Options) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, data, opts) })
}

// FuzzRead reads each input with the format detected from its header.
func FuzzRead(f *testing.F) { fuzzFormat(f, Options{}) }

// The format paths, each forced.

func FuzzReadStripeBalance(f *testing.F) { fuzzFormat(f, Options{Processor: FormatStripeBalance}) }

func FuzzReadStripePayments(f *testing.F) { fuzzFormat(f, Options{Processor: FormatStripePayments}) }

func FuzzReadAdyenSettlement(f *testing.F) { fuzzFormat(f, Options{Processor: FormatAdyenSettlement}) }

func FuzzReadAdyenAccounting(f *testing.F) { fuzzFormat(f, Options{Processor: FormatAdyenAccounting}) }

func FuzzReadBraintree(f *testing.F) { fuzzFormat(f, Options{Processor: FormatBraintree}) }

func FuzzReadCheckoutPayments(f *testing.F) {
	fuzzFormat(f, Options{Processor: FormatCheckoutPayments})
}

func FuzzReadCheckoutFinancial(f *testing.F) {
	fuzzFormat(f, Options{Processor: FormatCheckoutFinancial})
}

// FuzzReadGeneric reads each input with the shipped Worldpay-like mapping.
func FuzzReadGeneric(f *testing.F) { fuzzFormat(f, Options{Mapping: worldpayMapping(f)}) }

// FuzzMaskPANs: masking leaves no card number, changes nothing else in a
// text without one, and masking twice is masking once.
func FuzzMaskPANs(f *testing.F) {
	for _, s := range []string{"4242424242424242", "4242 4242 4242 4242 1234", "3782 822463 10005", "x", "8826110718233147",
		"4242 4242 4242 4242 4000 0566 5566 5556", "4111111111111111,5555555555554444"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, masked := MaskPANs(s)
		if pan := findFullPAN(got); pan != "" {
			t.Fatalf("MaskPANs(%q) = %q still holds %q", s, got, pan)
		}
		if !masked && got != s {
			t.Fatalf("MaskPANs(%q) changed it to %q without masking", s, got)
		}
		if masked != (findFullPAN(s) != "") {
			t.Fatalf("MaskPANs(%q) masked=%v; independent scan finds %q", s, masked, findFullPAN(s))
		}
		if again, more := MaskPANs(got); more || again != got {
			t.Fatalf("MaskPANs(%q) = %q; again %q", s, got, again)
		}
	})
}
