package cards

import (
	"bytes"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Measured on this 2-core machine (linux/amd64, "Oxide Virtual Turin-like
// Processor", Go 1.26.8), 2026-11:
//
//	go test ./cards -run '^$' -bench ReadStripeBalance -benchtime 5x -count 3
//
//	BenchmarkReadStripeBalance-2  1.70–2.00 s/op  147–173 MB/s  0.50–0.59 M rows/s  1.92 GB/op  8.29 M allocs/op
//
// (294 MB of CSV, 1,000,000 rows of 25 columns.) Per row: the event and
// its card detail (1,272 bytes, in blocks of 32), the row as encoding/csv
// hands it out (one string the event's texts point into), the big.Int of
// each of gross, fee and net, the created_at text, and the fee and net
// Money (in blocks). Reading the same rows from a 294 MB file in a
// process of its own (encoding/csv behind a 64 KB buffer, every event
// dropped once read) takes 2.2–2.7 s with a peak RSS of 9–13 MB: the heap
// stays tiny, so the collector runs every few megabytes (GOGC=400 brings
// it to 2.2 s, at 22 MB). Before the PAN scan skipped ahead thirteen bytes
// at a time and the converted amount was read only when its currency
// differs, the benchmark took 2.0–2.4 s/op.

// benchRows is how many rows BenchmarkReadStripeBalance reads: the size
// the speed target names.
const benchRows = 1_000_000

// stripeBalanceBenchHeader is the itemized balance report's default
// columns plus the card and metadata columns the fixtures have.
const stripeBalanceBenchHeader = "balance_transaction_id,created_utc,created,available_on_utc,currency,gross,fee,net,reporting_category,source_id,description,customer_facing_amount,customer_facing_currency,automatic_payout_id,customer_id,customer_name,customer_email,charge_id,payment_intent_id,payment_method_type,card_brand,card_funding,card_country,dispute_reason,payment_metadata[deposit_id]\n"

// generateStripeBalance writes n itemized balance rows, varied the way a
// month of deposits is: mostly charges, some refunds, disputes and fees,
// names with commas, a quoted description now and then.
func generateStripeBalance(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 420)
	b.WriteString(stripeBalanceBenchHeader)
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	brands := [...]string{"visa", "mastercard", "amex", "discover"}
	var buf []byte
	for i := range n {
		buf = buf[:0]
		cents := int64(1000 + (i*7919)%500_000)
		category, sign := "charge", ""
		switch i % 20 {
		case 7:
			category, sign = "refund", "-"
		case 13:
			category, sign = "dispute", "-"
		case 19:
			category, sign = "fee", "-"
		}
		fee := cents * 29 / 1000
		if sign != "" {
			fee = 0
		}
		id := strconv.AppendInt(nil, int64(i), 36)
		t := start.Add(time.Duration(i) * 2 * time.Second)
		buf = append(buf, "txn_3Sx"...)
		buf = append(buf, id...)
		buf = append(buf, "LkNw7Rt1Ab,"...)
		buf = t.AppendFormat(buf, time.DateTime)
		buf = append(buf, ',')
		buf = t.AppendFormat(buf, time.DateTime)
		buf = append(buf, ',')
		buf = t.AddDate(0, 0, 2).AppendFormat(buf, time.DateOnly)
		buf = append(buf, " 00:00:00,usd,"...)
		buf = appendCents(buf, sign, cents)
		buf = append(buf, ',')
		buf = appendCents(buf, "", fee)
		buf = append(buf, ',')
		buf = appendCents(buf, sign, cents-fee)
		buf = append(buf, ',')
		buf = append(buf, category...)
		buf = append(buf, ",ch_3Sx"...)
		buf = append(buf, id...)
		if i%10 == 0 {
			buf = append(buf, `Gz,"NORTHWIND INVEST deposit, ref ""CRD""",`...)
		} else {
			buf = append(buf, "Gz,NORTHWIND INVEST deposit,"...)
		}
		buf = appendCents(buf, sign, cents)
		buf = append(buf, ",usd,po_1Sy"...)
		buf = strconv.AppendInt(buf, int64(i/5000), 10)
		buf = append(buf, ",cus_Rk"...)
		buf = append(buf, id...)
		if i%5 == 0 {
			buf = append(buf, `,"Gonzalez, Maria",`...)
		} else {
			buf = append(buf, ",Maria Gonzalez,"...)
		}
		buf = append(buf, "maria.gonzalez@example.com,ch_3Sx"...)
		buf = append(buf, id...)
		buf = append(buf, "Gz,pi_3Sx"...)
		buf = append(buf, id...)
		buf = append(buf, "Pn,card,"...)
		buf = append(buf, brands[i%4]...)
		buf = append(buf, ",debit,US,"...)
		if category == "dispute" {
			buf = append(buf, "fraudulent"...)
		}
		buf = append(buf, ",CRD-26111"...)
		buf = strconv.AppendInt(buf, int64(100000+i%900000), 10)
		buf = append(buf, '\n')
		b.Write(buf)
	}
	return b.Bytes()
}

func appendCents(b []byte, sign string, cents int64) []byte {
	b = append(b, sign...)
	b = strconv.AppendInt(b, cents/100, 10)
	b = append(b, '.')
	if c := cents % 100; c < 10 {
		b = append(b, '0', byte('0'+c))
	} else {
		b = strconv.AppendInt(b, c, 10)
	}
	return b
}

var benchStripeBalance = sync.OnceValue(func() []byte { return generateStripeBalance(benchRows) })

// BenchmarkReadStripeBalance reads 1,000,000 generated itemized balance
// rows, detecting the format, and drops each event once read.
func BenchmarkReadStripeBalance(b *testing.B) {
	data := benchStripeBalance()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for ev, err := range Read(bytes.NewReader(data), "bench.csv", Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			_ = ev
			n++
		}
		if n != benchRows {
			b.Fatalf("read %d events, want %d", n, benchRows)
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// TestGeneratedStripeBalance checks the benchmark's input reads cleanly.
func TestGeneratedStripeBalance(t *testing.T) {
	res := readCards(t, bytes.NewReader(generateStripeBalance(2000)), "gen.csv", Options{})
	if len(res.problems) > 0 || len(res.events) != 2000 {
		t.Fatalf("%d events, problems %v", len(res.events), messages(res.problems))
	}
}
