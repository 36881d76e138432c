package records

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Measured on this 2-core machine (goos linux, goarch amd64, "Oxide Virtual
// Turin-like Processor", Go 1.26.8), 2026-11, with another job sharing it:
//
//	go test ./records -run '^$' -bench . -benchtime 5x -count 3
//
//	BenchmarkReadCSV-2    573–666 ms/op  173–201 MB/s  1.50–1.75 M rows/s  437 MB/op  5,007,841 allocs/op
//	BenchmarkReadJSONL-2  977–1468 ms/op 167–252 MB/s  0.68–1.02 M rows/s  581 MB/op  5,007,821 allocs/op
//
// (115 MB of CSV, 246 MB of JSON Lines; the slowest run of each is the
// first, next to the generation of the input.) Per row: the record (in
// blocks of 128), one string for the texts it keeps, the decimal's big.Int
// and its word, and the row itself as encoding/csv hands it out or the JSON
// line as a string. Reading the CSV from a file while keeping all
// 1,000,000 records takes about 1.9 s with 400 MB peak RSS; most of the
// difference is the kernel giving the process fresh memory (0.7–0.9 s of
// system time), not GC: GOGC=off is no faster.

// benchRows is how many rows the benchmarks read: the size the issue's
// speed target names.
const benchRows = 1_000_000

// generateCSV writes n default-layout rows, varied the way real exports
// are: both types, every rail, several statuses, names with commas.
func generateCSV(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 140)
	b.WriteString("id,customer_id,type,rail,amount,currency,created_at,status,reference,account_last4,name\n")
	rails := [...]string{"ach", "card", "apple_pay", "wire"}
	statuses := [...]string{"completed", "pending", "returned", "failed"}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var buf []byte
	for i := range n {
		buf = buf[:0]
		buf = fmt.Appendf(buf, "TX-%08d,CUST-%06d,", i, i%50_000)
		if i%3 == 0 {
			buf = append(buf, "withdrawal,"...)
		} else {
			buf = append(buf, "deposit,"...)
		}
		buf = append(buf, rails[i%4]...)
		buf = append(buf, ',')
		buf = strconv.AppendInt(buf, int64(100+i%100_000), 10)
		buf = append(buf, '.')
		buf = fmt.Appendf(buf, "%02d", i%100)
		buf = append(buf, ",USD,"...)
		buf = start.Add(time.Duration(i)*17*time.Second).AppendFormat(buf, time.RFC3339)
		buf = append(buf, ',')
		buf = append(buf, statuses[i%4]...)
		buf = fmt.Appendf(buf, ",REF-%08d,%04d,", i, i%10_000)
		if i%5 == 0 {
			buf = append(buf, `"Gonzalez, Maria"`...)
		} else {
			buf = append(buf, "Maria Gonzalez"...)
		}
		buf = append(buf, '\n')
		b.Write(buf)
	}
	return b.Bytes()
}

// generateJSONL writes n default-layout JSON Lines records.
func generateJSONL(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 240)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		typ := "deposit"
		if i%3 == 0 {
			typ = "withdrawal"
		}
		fmt.Fprintf(&b, `{"id":"TX-%08d","customer_id":"CUST-%06d","type":%q,"rail":"ach","amount":%d.%02d,"currency":"USD","created_at":%q,"status":"completed","reference":"REF-%08d","account_last4":"%04d","name":"Maria Gonzalez"}`+"\n",
			i, i%50_000, typ, 100+i%100_000, i%100, start.Add(time.Duration(i)*17*time.Second).Format(time.RFC3339), i, i%10_000)
	}
	return b.Bytes()
}

var (
	benchCSV   = sync.OnceValue(func() []byte { return generateCSV(benchRows) })
	benchJSONL = sync.OnceValue(func() []byte { return generateJSONL(benchRows) })
)

func benchRead(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for rec, err := range Read(bytes.NewReader(data), "bench", nil) {
			if err != nil {
				b.Fatal(err)
			}
			_ = rec
			n++
		}
		if n != benchRows {
			b.Fatalf("read %d records, want %d", n, benchRows)
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkReadCSV reads 1,000,000 generated default-layout CSV rows.
func BenchmarkReadCSV(b *testing.B) { benchRead(b, benchCSV()) }

// BenchmarkReadJSONL reads 1,000,000 generated default-layout JSON Lines.
func BenchmarkReadJSONL(b *testing.B) { benchRead(b, benchJSONL()) }
