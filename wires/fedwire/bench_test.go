package fedwire

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"sync"
	"testing"
)

// Measured on this 2-core machine (linux/amd64, AMD EPYC, Go 1.26.8),
// 2026-11, with nothing else running:
//
//	go test ./wires/fedwire -run '^$' -bench BenchmarkRead -benchtime 10x -count 3
//
//	BenchmarkRead-2  82.7–83.4 ms/op  45.5–45.8 MB/s  ~120,000 msgs/s  52.4 MB/op  358,960 allocs/op
//
// (3.8 MB of FAIM, 10,000 messages of 11–16 tags.) Per message: the event
// and its wire detail (one block of 1.7 KB), the message as one string,
// moov-io/wire's struct of each tag, and the texts joined for remittance
// and bank information. Half the time is moov-io/wire's validation (its
// character checks are regular expressions, and its message-level check
// validates the mandatory tags again); payinv caches the per-tag results
// by tag text, which saves a tenth. TestBoundedMemory reads 100,000
// messages from a stream with a live heap under 1 MB.

// benchMessages is how many messages BenchmarkRead reads.
const benchMessages = 10_000

// appendMessage appends the i-th generated message: a mix like a bank's
// day of wires — deposits delivered by the Fed (with {1100}, {1110} and
// OMAD), withdrawals sent and accepted, now and then a rejection, a
// reversal, a return as a new transfer, a Fed funds leg.
func appendMessage(b []byte, i int) []byte {
	seq := fmt.Sprintf("%06d", i%1_000_000)
	cents := fmt.Sprintf("%012d", 10_000+(i*7919)%50_000_000)
	switch i % 10 {
	case 0, 1, 2, 3: // a deposit received
		b = fmt.Appendf(b, "{1100}30P N\n{1110}06201104FT01\n{1120}20250620LKTBFT01%s06201105FT01\n"+
			"{1500}30MSAV0233P \n{1510}1000\n{1520}20250620MSAVQR01%s\n{2000}%s\n"+
			"{3100}011104238MERIDIAN SAVINGS*\n{3320}SK-%s*\n{3400}074012503LAKESHORE TRUST*\n{3600}CTR*\n"+
			"{4200}D4470012345*NORTHWIND INVESTMENTS*\n{5000}D60217%s*SARAH KOWALSKI*1420 HARBOR VIEW RD*BOSTON MA 02110*\n"+
			"{6000}FBO CUS-1009 WIR-25062%s*\n", seq, seq, cents, seq, seq, seq)
	case 4, 5, 6: // a withdrawal sent and accepted
		b = fmt.Appendf(b, "{1100}30P 2\n{1110}06201430FT01\n{1500}30LKTB0045P \n{1510}1000\n{1520}20250620LKTBQR01%s\n"+
			"{2000}%s\n{3100}074012503LAKESHORE TRUST*\n{3320}WIR-25062%s*\n{3400}021040078FIRST CITY BANK*\n{3600}CTR*\n"+
			"{4100}F021040078*FIRST CITY BANK*\n{4200}D44100%s*KEVIN BROOKS*\n"+
			"{5000}D4470012345*NORTHWIND INVESTMENTS*200 E RANDOLPH ST*CHICAGO IL 60601*\n{6000}WITHDRAWAL WIR-25062%s*\n",
			seq, cents, seq, seq, seq)
	case 7: // rejected
		b = fmt.Appendf(b, "{1100}30P 3\n{1110}06201852FT01\n{1130}W001CUTOFF HOUR PASSED FOR TYPE 1000*\n{1500}30LKTB0046P \n"+
			"{1510}1000\n{1520}20250620LKTBQR02%s\n{2000}%s\n{3100}074012503LAKESHORE TRUST*\n{3320}WIR-25062%s*\n"+
			"{3400}121000358PACIFIC COAST BANK*\n{3600}CTR*\n{4100}F121000358*PACIFIC COAST BANK*\n{4200}D3300221144*LINDA PARK*\n"+
			"{5000}D4470012345*NORTHWIND INVESTMENTS*\n", seq, cents, seq)
	case 8: // a reversal, or a return as a new transfer
		b = fmt.Appendf(b, "{1100}30P N\n{1110}06231015FT01\n{1120}20250623LKTBFT01%s06231016FT01\n{1500}30FCBK0877P \n"+
			"{1510}1008\n{1520}20250623FCBKQR01%s\n{2000}%s\n{3100}021040078FIRST CITY BANK*\n{3400}074012503LAKESHORE TRUST*\n"+
			"{3500}20250620LKTBQR01%s\n{3600}CTR*\n{4200}D4470012345*NORTHWIND INVESTMENTS*\n{5000}D4410098765*KEVIN BROOKS*\n"+
			"{5100}F021040078*FIRST CITY BANK*\n{6000}RETURN OF FUNDS IMAD*20250620LKTBQR01%s*\n{6500}REVERSAL OF PRIOR DAY TRANSFER*ACCT CLOSED*\n",
			seq, seq, cents, seq, seq)
	default: // Fed funds returned
		b = fmt.Appendf(b, "{1100}30P N\n{1110}06230905FT01\n{1120}20250623LKTBFT01%s06230906FT01\n{1500}30MSAV0019P \n"+
			"{1510}1600\n{1520}20250623MSAVQR01%s\n{2000}%s\n{3100}011104238MERIDIAN SAVINGS*\n{3400}074012503LAKESHORE TRUST*\n"+
			"{3600}FFR*\n{6500}FED FUNDS RETURNED*\n", seq, seq, cents)
	}
	return b
}

// generateMessages writes n generated messages.
func generateMessages(n int) []byte {
	var b []byte
	for i := range n {
		b = appendMessage(b, i)
	}
	return b
}

var benchInput = sync.OnceValue(func() []byte { return generateMessages(benchMessages) })

// BenchmarkRead reads 10,000 generated messages and drops each event once
// read.
func BenchmarkRead(b *testing.B) {
	data := benchInput()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for ev, err := range Read(bytes.NewReader(data), "bench.txt") {
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

// TestGeneratedMessages checks the benchmark's input reads cleanly.
func TestGeneratedMessages(t *testing.T) {
	res := readAll(t, bytes.NewReader(generateMessages(100)), "gen.txt")
	if len(res.problems) > 0 || len(res.events) != 100 {
		t.Fatalf("%d events, problems %q", len(res.events), messages(res.problems))
	}
}

// messageStream generates messages as it is read, without holding them.
type messageStream struct {
	n, next int
	buf     []byte
}

func (s *messageStream) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		if s.next == s.n {
			return 0, io.EOF
		}
		s.buf = appendMessage(s.buf[:0], s.next)
		s.next++
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// TestBoundedMemory reads 100,000 messages (about 60 MB) as they are
// generated: the heap stays small, for Read holds one message at a time.
func TestBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 100,000 messages")
	}
	const n = 100_000
	var peak uint64
	var ms runtime.MemStats
	count := 0
	for ev, err := range Read(&messageStream{n: n}, "stream.txt") {
		if err != nil {
			t.Fatal(err)
		}
		_ = ev
		count++
		if count%10_000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	if count != n {
		t.Fatalf("%d events, want %d", count, n)
	}
	t.Logf("live heap after GC, at most %.1f MB", float64(peak)/(1<<20))
	if peak > 16<<20 {
		t.Fatalf("live heap reached %d bytes reading a stream", peak)
	}
}
