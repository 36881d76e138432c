package store

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The store is held to: ingesting 1,000,000 events into SQLite in under
// 30 s, finding any reference among 10,000,000 stored events in under
// 50 ms, and PostgreSQL within twice those. Stores of those sizes take a
// while to build, so a plain -bench . (make bench) runs the benchmarks
// small; asked for by name (-bench Ingest, -bench FindByRef; make
// bench-store) they run at full size. The PostgreSQL variants run when
// PAYINV_TEST_POSTGRES holds a server's URL (see helpers_test.go).

// benchNamed reports whether the -bench pattern names the benchmark.
func benchNamed(name string) bool {
	f := flag.Lookup("test.bench")
	return f != nil && strings.Contains(f.Value.String(), name)
}

// BenchmarkIngest ingests generated ACH events (with 2.1 references each)
// into a new store, in one transaction: 100,000 of them per op, or
// 1,000,000 when the benchmark is asked for by name. s/1M-events is the
// time 1,000,000 take.
func BenchmarkIngest(b *testing.B) {
	n := 100_000
	if benchNamed("Ingest") {
		n = 1_000_000
	}
	for _, backend := range backends {
		b.Run(fmt.Sprintf("%s/events=%d", backend, n), func(b *testing.B) {
			if backend == "postgres" {
				pgServer(b)
			}
			ctx := context.Background()
			b.ReportAllocs()
			var total time.Duration
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				dsn, drop := benchStore(b, backend, i)
				s, err := Open(ctx, dsn)
				require.NoError(b, err)
				b.StartTimer()
				start := time.Now()
				res, err := s.IngestEvents(ctx, File{Name: "generated.ach", SHA256: sum([]byte(strconv.Itoa(i)))}, genReader(n, 0, nil))
				total += time.Since(start)
				require.NoError(b, err)
				require.Equal(b, n, res.Count)
				b.StopTimer()
				s.Close()
				drop()
				b.StartTimer()
			}
			perSec := float64(n) * float64(b.N) / total.Seconds()
			b.ReportMetric(perSec, "events/s")
			b.ReportMetric(1e6/perSec, "s/1M-events")
		})
	}
}

// benchStore returns a new store's dsn for the i-th op of an ingest
// benchmark, and a function that removes it.
func benchStore(b *testing.B, backend string, i int) (string, func()) {
	if backend == "sqlite" {
		dir, err := os.MkdirTemp("", "payinv-bench-")
		require.NoError(b, err)
		return filepath.Join(dir, "bench.db"), func() { os.RemoveAll(dir) }
	}
	return createDB(b, pgServer(b), fmt.Sprintf("payinv_bench_ingest_%d_%d", os.Getpid(), i))
}

// BenchmarkFindByRef looks up references (traces and individual ids, as an
// analyst would) among the events of a store built once and kept for the
// next runs: 100,000 events under a plain -bench .; asked for by name,
// PAYINV_BENCH_EVENTS events, 10,000,000 by default (some 10 GB and 4 to
// 6 minutes to build, on SQLite as on PostgreSQL). PAYINV_BENCH_EVENTS also
// sets the size under -bench . when given.
//
// The SQLite store is kept under the user's cache folder
// (payinv-bench/findbyref-vSCHEMA-EVENTS.db), the PostgreSQL one as the
// database payinv_bench_vSCHEMA_EVENTS on the PAYINV_TEST_POSTGRES server;
// remove them to build them again. A build cut short resumes: ingests are
// idempotent.
func BenchmarkFindByRef(b *testing.B) {
	n := 100_000
	if benchNamed("FindByRef") {
		n = 10_000_000
	}
	if v := os.Getenv("PAYINV_BENCH_EVENTS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("PAYINV_BENCH_EVENTS=%q: want a number of events", v)
		}
	}
	for _, backend := range backends {
		b.Run(fmt.Sprintf("%s/events=%d", backend, n), func(b *testing.B) {
			ctx := context.Background()
			s := keptStore(b, backend, n)
			defer s.Close()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				// A trace is found once, or twice where a return names it;
				// an individual id once.
				k := (i * 7919) % n
				ref := fmt.Sprintf("0740125%08d", k)
				if i%2 == 1 {
					ref = fmt.Sprintf("dep-%010d", k)
				}
				got, err := s.FindByRef(ctx, ref)
				if err != nil || len(got) == 0 {
					b.Fatalf("FindByRef(%s): %d, %v", ref, len(got), err)
				}
				i++
			}
		})
	}
}

// keptStore opens the benchmark store of n generated events on the
// backend, building what it lacks.
func keptStore(b *testing.B, backend string, n int) *Store {
	ctx := context.Background()
	list, err := loadMigrations(sqlite)
	require.NoError(b, err)
	schema := list[len(list)-1].version
	var dsn string
	switch backend {
	case "sqlite":
		dir, err := os.UserCacheDir()
		if err != nil {
			dir = b.TempDir()
		}
		dsn = filepath.Join(dir, "payinv-bench", fmt.Sprintf("findbyref-v%d-%d.db", schema, n))
	case "postgres":
		server := pgServer(b)
		name := fmt.Sprintf("payinv_bench_v%d_%d", schema, n)
		var exists bool
		db, err := sql.Open("pgx", server)
		require.NoError(b, err)
		err = db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists)
		db.Close()
		require.NoError(b, err)
		if exists {
			dsn = dbURL(b, server, name)
		} else {
			dsn, _ = createDB(b, server, name) // kept
		}
	}
	s, err := Open(ctx, dsn)
	require.NoError(b, err)
	const perFile = 100_000
	built, start := 0, time.Now()
	for f := 0; f*perFile < n; f++ {
		count := min(perFile, n-f*perFile)
		res, err := s.IngestEvents(ctx, File{Name: fmt.Sprint("bench-", f), SHA256: sum([]byte(fmt.Sprint("file", f)))},
			genFrom(f*perFile, count))
		require.NoError(b, err)
		if !res.Already {
			built += count
			fmt.Fprintf(os.Stderr, "\rbuilding the %s store of %d events: %d (%s)", backend, n, f*perFile+count, time.Since(start).Round(time.Second))
		}
	}
	if built > 0 {
		fmt.Fprintln(os.Stderr)
		if backend == "postgres" {
			_, err := s.db.ExecContext(ctx, "ANALYZE")
			require.NoError(b, err)
		}
	}
	return s
}
