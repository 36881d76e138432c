package swiftmt

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// Measured on this 2-core machine (linux/amd64, AMD EPYC, Go 1.26.8),
// 2026-11:
//
//	go test ./wires/swiftmt -run '^$' -bench Read -benchtime 50x -count 3
//
//	BenchmarkRead-2  34–40 ms/op  116–134 MB/s  0.25–0.29 M msgs/s  25.0 MB/op  131,224 allocs/op
//
// (4.6 MB, 10,000 MT103s with CRLF line ends; timings from a quiet
// machine: with other jobs on both cores they run 5–10 times slower.)
// About 13 small allocations per message: the message's text as one
// string (every value an event keeps is a substring of it), the event
// with its wire detail (one allocation), decimal's big.Int for each of
// the three amounts (:32A:, :33B:, :71F:), the instructed amount and the
// charges, and the BICs built from logical terminals. The scanner reuses
// its message and the reader its fields, so memory stays flat however
// many messages a file holds (TestStreams reads 100,000). Before block
// 4's text was taken from the reader's buffer in runs, splitting lines
// stopped allocating and block ids became constant strings, it was 28
// allocations and 3.6 KB per message.

// benchMessages is how many MT103s BenchmarkRead reads.
const benchMessages = 10_000

// generateMT103s writes n MT103s the way a day of received wires looks:
// CRLF line ends, UETRs, customers with addresses, charges, a remittance
// line, a return now and then.
func generateMT103s(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 700)
	for i := range n {
		fmt.Fprintf(&b, "{1:F01LKTBUS33AXXX%04d%06d}{2:O103%04d261119BARCGB22AXXX%04d%06d2611191041N}", i/1_000_000%10000, i%1_000_000, 900+i%60, 5521, i%1_000_000)
		fmt.Fprintf(&b, "{3:{108:MUR%08d}{121:%08x-2a3f-4e5d-8c6b-%012x}}{4:\r\n", i, i, i*7919)
		fmt.Fprintf(&b, ":20:BARC%010d\r\n:23B:CRED\r\n:32A:261119USD%d,%02d\r\n:33B:USD%d,00\r\n", i, 1000+i%90000, i%100, 1025+i%90000)
		fmt.Fprintf(&b, ":50K:/GB29BARC2000%08d\r\nCUSTOMER NUMBER %d\r\n14 ELM ROAD\r\nLONDON\r\n:52A:BARCGB22\r\n:57A:LKTBUS33\r\n", i, i)
		b.WriteString(":59:/4470012345\r\nNORTHWIND INVESTMENTS\r\nCHICAGO IL\r\n")
		fmt.Fprintf(&b, ":70:/RFB/WIR-26111%05d CUS-%d\r\n:71A:SHA\r\n:71F:USD25,00\r\n", i%100000, 1000+i%5000)
		if i%50 == 49 {
			fmt.Fprintf(&b, ":72:/RETN/59\r\n/AC04/\r\n/MREF/WIR-26111%05d\r\n", i%100000)
		}
		b.WriteString("-}{5:{CHK:3916EF336FF7}}\r\n")
	}
	return b.Bytes()
}

var benchMT103s = sync.OnceValue(func() []byte { return generateMT103s(benchMessages) })

// BenchmarkRead reads 10,000 generated MT103s and drops each event once
// read.
func BenchmarkRead(b *testing.B) {
	data := benchMT103s()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for ev, err := range Read(bytes.NewReader(data), "bench.fin") {
			if err != nil {
				b.Fatal(err)
			}
			_ = ev
			n++
		}
		if n != benchMessages {
			b.Fatalf("read %d events, want %d", n, benchMessages)
		}
	}
	b.ReportMetric(float64(benchMessages)*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// TestGeneratedMT103s checks the benchmark's input reads cleanly.
func TestGeneratedMT103s(t *testing.T) {
	res := readMT(t, bytes.NewReader(generateMT103s(200)), "gen.fin")
	if len(res.problems) > 0 || len(res.events) != 200 {
		t.Fatalf("%d events, problems %v", len(res.events), messages(res.problems))
	}
	if res.events[49].Kind != "return" {
		t.Fatalf("event 50 is a %s, want a return", res.events[49].Kind)
	}
}
