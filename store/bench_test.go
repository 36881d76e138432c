package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// BenchmarkIngest ingests 100,000 generated ACH events (with 210,000
// references) into a new SQLite store, one transaction per file.
func BenchmarkIngest(b *testing.B) {
	const n = 100_000
	b.ReportAllocs()
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "bench.db")
		s, err := Open(context.Background(), path)
		require.NoError(b, err)
		b.StartTimer()
		start := time.Now()
		res, err := s.IngestEvents(context.Background(), File{Name: "generated.ach", SHA256: sum([]byte(strconv.Itoa(i)))}, genReader(n, 0, nil))
		total += time.Since(start)
		require.NoError(b, err)
		require.Equal(b, n, res.Count)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	perSec := float64(n) * float64(b.N) / total.Seconds()
	b.ReportMetric(perSec, "events/s")
	b.ReportMetric(1e6/perSec, "s/1M-events")
}

// BenchmarkFindByRef looks up one trace among the events of a store built
// once (PAYINV_BENCH_EVENTS events, 1,000,000 by default; it takes a while
// to build, so the benchmark only runs when asked by name).
func BenchmarkFindByRef(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("PAYINV_BENCH_EVENTS")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	require.NoError(b, err)
	defer s.Close()
	const perFile = 100_000
	for f := 0; f*perFile < n; f++ {
		count := min(perFile, n-f*perFile)
		_, err := s.IngestEvents(ctx, File{Name: fmt.Sprint(f), SHA256: sum([]byte(fmt.Sprint("file", f)))},
			genFrom(f*perFile, count))
		require.NoError(b, err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		// A trace is found once, or twice where a return names it.
		trace := fmt.Sprintf("0740125%08d", (i*7919)%n)
		got, err := s.FindByRef(ctx, trace)
		if err != nil || len(got) == 0 {
			b.Fatalf("FindByRef(%s): %d, %v", trace, len(got), err)
		}
		i++
	}
}
