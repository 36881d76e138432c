package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
)

// fixtureFiles are every payment fixture the store tests read, relative
// to this package.
func fixtureFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, dir := range []string{"../fixtures/ach", "../fixtures/wires/iso", "../fixtures/wires/fedwire", "../fixtures/wires/swift", "../fixtures/cards"} {
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		for _, e := range entries {
			if e.Type().IsRegular() && !strings.HasSuffix(e.Name(), ".md") {
				out = append(out, filepath.Join(dir, e.Name()))
			}
		}
	}
	return out
}

func TestOpenMigratesOnce(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, dsn string) {
		v, err := s.Version(ctx)
		require.NoError(t, err)
		assert.Equal(t, 3, v, "0003_copies.sql is the latest")
		if s.Dialect() == "sqlite" {
			var mode string
			require.NoError(t, s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
			assert.Equal(t, "wal", mode)
			var busy int
			require.NoError(t, s.db.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy))
			assert.Equal(t, int(BusyTimeout.Milliseconds()), busy)
		}
		require.NoError(t, s.Close())

		again, err := Open(ctx, dsn)
		require.NoError(t, err)
		defer again.Close()
		var n int
		require.NoError(t, again.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&n))
		assert.Equal(t, 3, n, "migrations are applied once")
	})
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, dsn string) {
		_, err := s.db.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future.sql', 'x')")
		require.NoError(t, err)
		require.NoError(t, s.Close())
		_, err = Open(ctx, dsn)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "newer than this payinv knows")
	})
}

// TestOpenConcurrently opens a new store from several processes' worth of
// handles at once: one migrates, the others wait and find it done.
func TestOpenConcurrently(t *testing.T) {
	ctx := context.Background()
	eachBackendDSN(t, func(t *testing.T, dsn string) {
		const n = 4
		stores := make([]*Store, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { stores[i], errs[i] = Open(ctx, dsn) })
		}
		wg.Wait()
		for i := range n {
			require.NoError(t, errs[i])
			defer stores[i].Close()
		}
		var applied int
		require.NoError(t, stores[0].db.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&applied))
		assert.Equal(t, 3, applied, "migrations are applied once")
	})
}

// TestSchemaSameOnBoth compares the tables, columns, constraints and
// indexes the migrations make on PostgreSQL with SQLite's.
func TestSchemaSameOnBoth(t *testing.T) {
	lite := schemaOf(t, openDSN(t, newDSN(t, "sqlite")))
	require.Contains(t, lite, "refs.value TEXT NOT NULL")
	require.Contains(t, lite, "index refs_value ON refs (value)")
	require.Contains(t, lite, "unique ON ingests (sha256, kind)")
	pg := schemaOf(t, openDSN(t, newDSN(t, "postgres")))
	assert.Equal(t, lite, pg)
}

// schemaOf describes the schema of s, one line per column (with its type
// as declared, the id columns as "ID"), primary key, foreign key, unique
// constraint and index, sorted.
func schemaOf(t *testing.T, s *Store) []string {
	t.Helper()
	ctx := context.Background()
	var q string
	switch s.Dialect() {
	case "sqlite":
		q = `SELECT m.name || '.' || c.name || ' ' || CASE WHEN c.pk = 1 THEN 'ID' ELSE c.type END ||
    CASE WHEN c."notnull" = 1 AND c.pk = 0 THEN ' NOT NULL' ELSE '' END
  FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table'
UNION ALL
SELECT 'fk ' || m.name || ' (' || f."from" || ') REFERENCES ' || f."table" || ' (' || f."to" || ')'
  FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
UNION ALL
SELECT CASE WHEN l.origin = 'u' THEN 'unique' ELSE 'index ' || l.name END || ' ON ' || m.name || ' (' ||
    (SELECT group_concat(name, ', ') FROM (SELECT i.name FROM pragma_index_info(l.name) i ORDER BY i.seqno)) || ')'
  FROM sqlite_master m, pragma_index_list(m.name) l WHERE m.type = 'table' AND l.origin IN ('c', 'u')`
	case "postgres":
		q = `SELECT c.table_name || '.' || c.column_name || ' ' ||
    CASE WHEN EXISTS (SELECT 1 FROM information_schema.key_column_usage k JOIN information_schema.table_constraints tc
        ON tc.constraint_name = k.constraint_name AND tc.table_name = k.table_name
      WHERE tc.constraint_type = 'PRIMARY KEY' AND k.table_name = c.table_name AND k.column_name = c.column_name) THEN 'ID'
    ELSE upper(c.data_type) END ||
    CASE WHEN c.is_nullable = 'NO' AND NOT EXISTS (SELECT 1 FROM information_schema.key_column_usage k
        JOIN information_schema.table_constraints tc ON tc.constraint_name = k.constraint_name AND tc.table_name = k.table_name
      WHERE tc.constraint_type = 'PRIMARY KEY' AND k.table_name = c.table_name AND k.column_name = c.column_name) THEN ' NOT NULL' ELSE '' END
  FROM information_schema.columns c WHERE c.table_schema = current_schema()
UNION ALL
SELECT 'fk ' || cl.relname || ' (' || a.attname || ') REFERENCES ' || rf.relname || ' (' || ra.attname || ')'
  FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class rf ON rf.oid = co.confrelid
  JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = co.conkey[1]
  JOIN pg_attribute ra ON ra.attrelid = co.confrelid AND ra.attnum = co.confkey[1]
  WHERE co.contype = 'f' AND cl.relnamespace = current_schema()::regnamespace
UNION ALL
SELECT CASE WHEN co.contype = 'u' THEN 'unique' ELSE 'index ' || ic.relname END || ' ON ' || tc.relname || ' (' ||
    (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
      JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum) || ')'
  FROM pg_index ix JOIN pg_class ic ON ic.oid = ix.indexrelid JOIN pg_class tc ON tc.oid = ix.indrelid
  LEFT JOIN pg_constraint co ON co.conindid = ix.indexrelid AND co.contype IN ('u', 'p')
  WHERE tc.relnamespace = current_schema()::regnamespace AND NOT ix.indisprimary`
	}
	rows, err := s.db.QueryContext(ctx, q)
	require.NoError(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		require.NoError(t, rows.Scan(&line))
		out = append(out, line)
	}
	require.NoError(t, rows.Err())
	slices.Sort(out)
	return out
}

func TestOpenPostgresUnreachable(t *testing.T) {
	_, err := Open(context.Background(), "postgres://payinv:s3cret@127.0.0.1:1/payinv?sslmode=disable&connect_timeout=5")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "127.0.0.1")
	assert.NotContains(t, err.Error(), "s3cret", "the password never shows")
	assert.Equal(t, "postgres://payinv:xxxxx@127.0.0.1:1/payinv", Redact("postgres://payinv:s3cret@127.0.0.1:1/payinv"))
	assert.Equal(t, "history.db", Redact("history.db"))
	dsn := "postgres://payinv:s3cret@127.0.0.1/payinv"
	assert.Equal(t, "cannot use postgres://payinv:xxxxx@127.0.0.1/payinv for payinv",
		redactErr(errors.New("cannot use "+dsn+" for payinv"), dsn).Error())
	assert.Equal(t, "user=payinv", redactErr(errors.New("user=payinv"), "postgres://payinv:payinv@h/db").Error(),
		"a password that is also the user name hides only the password")
}

func TestDefaultPathFollowsXDG(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	p, err := DefaultPath()
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "payinv", "payinv.db"), p)
}

func TestRebindPostgres(t *testing.T) {
	assert.Equal(t, "SELECT a FROM t WHERE b = $1 AND c = $2", postgres.rebind("SELECT a FROM t WHERE b = ? AND c = ?"))
	assert.Equal(t, "x = ?", sqlite.rebind("x = ?"))
	list, err := loadMigrations(postgres)
	require.NoError(t, err)
	require.NotEmpty(t, list)
	assert.Contains(t, list[0].sql, "BIGINT PRIMARY KEY")
	assert.NotContains(t, list[0].sql, "{{")
}

func TestIngestIsIdempotent(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		const file = "../fixtures/ach/2026-11-16-returns.ach"
		first := ingestFile(t, s, file)
		require.False(t, first.Already)
		require.Positive(t, first.Count)
		assert.Equal(t, int64(1), first.ID)
		assert.Equal(t, testNow, first.IngestedAt)
		c1, err := s.Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, Counts{Ingests: 1, Events: first.Count, Refs: c1.Refs}, c1)

		again := ingestFile(t, s, file)
		assert.True(t, again.Already, "the same file twice is skipped")
		assert.Equal(t, first.Ingest, again.Ingest, "and names the first ingest")
		c2, err := s.Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, c1, c2, "the same file twice changes nothing")

		// A changed file is a new ingest.
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		changed := []byte(strings.Replace(string(b), "R01", "R02", 1))
		require.NotEqual(t, b, changed)
		res, err := s.IngestEvents(ctx, File{Name: file, SHA256: sum(changed)}, readFixture(file, changed))
		require.NoError(t, err)
		assert.False(t, res.Already)
		assert.Equal(t, int64(2), res.ID)
		assert.Equal(t, first.Count, res.Count)
		c3, err := s.Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, Counts{Ingests: 2, Events: 2 * first.Count, Refs: 2 * c1.Refs}, c3)

		list, err := s.Ingests(ctx)
		require.NoError(t, err)
		require.Len(t, list, 2)
		assert.Equal(t, sum(b), list[0].SHA256)
		assert.Equal(t, KindEvents, list[1].Kind)
	})
}

func TestIngestErrorLeavesNothing(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		boom := errors.New("disk on fire")
		f := File{Name: "generated.ach", SHA256: sum([]byte("generated"))}
		_, err := s.IngestEvents(ctx, f, func(each func(*payment.Event) error) (int, error) {
			if _, err := genReader(5000, 0, nil)(each); err != nil {
				return 0, err
			}
			return 0, boom
		})
		require.ErrorIs(t, err, boom)
		c, err := s.Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, Counts{}, c, "a failed ingest leaves nothing")

		res, err := s.IngestEvents(ctx, f, genReader(5000, 0, nil))
		require.NoError(t, err)
		assert.Equal(t, 5000, res.Count)
		assert.Equal(t, int64(1), res.ID)

		// Not a payment file: nothing stored, no ingest recorded.
		skip, err := s.IngestEvents(ctx, File{Name: "notes.txt", SHA256: sum([]byte("notes"))}, func(func(*payment.Event) error) (int, error) {
			return 1, ErrNothingToIngest
		})
		require.NoError(t, err)
		assert.True(t, skip.Skipped)
		c, err = s.Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, 1, c.Ingests)
	})
}

func TestIngestRejectsBadHash(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		_, err := s.IngestEvents(context.Background(), File{Name: "x", SHA256: "abc"}, genReader(1, 0, nil))
		require.Error(t, err)
	})
}

// TestDecodeRoundTrip reads every fixture event back from its JSON: the
// JSON of what is read is the JSON that was written.
func TestDecodeRoundTrip(t *testing.T) {
	n := 0
	for _, file := range fixtureFiles(t) {
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		_, err = readFixture(file, b)(func(ev *payment.Event) error {
			js := ev.AppendJSON(nil)
			back, err := DecodeEvent(js)
			require.NoError(t, err)
			require.Equal(t, string(js), string(back.AppendJSON(nil)), "%s", ev.Source)
			n++
			return nil
		})
		if !errors.Is(err, ErrNothingToIngest) {
			require.NoError(t, err)
		}
	}
	assert.Greater(t, n, 100, "the fixtures hold events of every rail")
}

// TestFindByRef looks up every reference of every fixture event: the store
// returns exactly the events that carry it, in any case.
func TestFindByRef(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		want := map[string][]string{} // normalized value → JSON of the events that carry it
		for _, file := range fixtureFiles(t) {
			b, err := os.ReadFile(file)
			require.NoError(t, err)
			res, err := s.IngestEvents(ctx, File{Name: file, SHA256: sum(b)}, func(each func(*payment.Event) error) (int, error) {
				return readFixture(file, b)(func(ev *payment.Event) error {
					js := string(ev.AppendJSON(nil))
					seen := map[string]bool{}
					add := func(_, v string) {
						if k := NormalizeRef(v); !seen[k] {
							seen[k] = true
							want[k] = append(want[k], js)
						}
					}
					ev.Refs.Each(add)
					ev.Refs.EachOriginal(add)
					return each(ev)
				})
			})
			require.NoError(t, err)
			require.False(t, res.Already, file)
		}
		require.Greater(t, len(want), 100)
		for value, events := range want {
			got, err := s.FindByRef(ctx, strings.ToLower(value))
			require.NoError(t, err)
			var gotJSON []string
			for _, st := range got {
				gotJSON = append(gotJSON, st.JSON)
			}
			require.Equal(t, events, gotJSON, "FindByRef(%q)", value)
		}

		// The ones an analyst asks for.
		uetr, err := s.FindByRef(ctx, "E4B2C1A0-93D7-4F5E-8A6B-1C2D3E4F5A6B")
		require.NoError(t, err)
		require.NotEmpty(t, uetr)
		for _, st := range uetr {
			assert.True(t, strings.EqualFold(st.Event.Refs.UETR, "e4b2c1a0-93d7-4f5e-8a6b-1c2d3e4f5a6b") ||
				strings.EqualFold(st.Event.Refs.OriginalUETR, "e4b2c1a0-93d7-4f5e-8a6b-1c2d3e4f5a6b"))
		}
		trace, err := s.FindByRef(ctx, " 074012501109013 ")
		require.NoError(t, err)
		kinds := []payment.Kind{}
		for _, st := range trace {
			kinds = append(kinds, st.Event.Kind)
		}
		assert.Contains(t, kinds, payment.KindPayment, "the payment itself")
		assert.Greater(t, len(kinds), 1, "and what answered it (a return names its original trace)")
		imad, err := s.FindByRef(ctx, "20250620lktbqr01000045")
		require.NoError(t, err)
		require.NotEmpty(t, imad)
		assert.Equal(t, payment.RailWire, imad[0].Event.Rail)
		none, err := s.FindByRef(ctx, "999999999999999")
		require.NoError(t, err)
		assert.Empty(t, none)
		blank, err := s.FindByRef(ctx, "  ")
		require.NoError(t, err)
		assert.Empty(t, blank)
	})
}

func TestEventsStreamsWithFilter(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		_, err := s.IngestEvents(ctx, File{Name: "generated.ach", SHA256: sum([]byte("g"))}, genReader(1000, 0, nil))
		require.NoError(t, err)
		n := 0
		var prev int64
		for st, err := range s.Events(ctx, Filter{}) {
			require.NoError(t, err)
			require.Greater(t, st.ID, prev, "in the order stored")
			prev = st.ID
			n++
		}
		assert.Equal(t, 1000, n)

		day := payment.NewDate(2026, 11, 5)
		n = 0
		for st, err := range s.Events(ctx, Filter{Rail: payment.RailACH, From: day, To: day}) {
			require.NoError(t, err)
			require.Equal(t, day, st.Event.SettlementDate)
			n++
		}
		assert.Equal(t, 50, n)
		for range s.Events(ctx, Filter{Rail: payment.RailWire}) {
			t.Fatal("no wire events were stored")
		}
		n = 0
		for range s.Events(ctx, Filter{}) {
			n++
			if n == 3 {
				break // stopping early is fine
			}
		}
	})
}

func TestIngestRecords(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		const file = "../fixtures/records/records.csv"
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		read := func(each func(*records.Record) error) (int, error) {
			f, err := os.Open(file)
			if err != nil {
				return 0, err
			}
			defer f.Close()
			problems := 0
			for r, err := range records.Read(f, file, nil) {
				if err != nil {
					problems++
					continue
				}
				if err := each(r); err != nil {
					return problems, err
				}
			}
			return problems, nil
		}
		res, err := s.IngestRecords(ctx, File{Name: file, SHA256: sum(b)}, read)
		require.NoError(t, err)
		require.Positive(t, res.Count)
		assert.Equal(t, KindRecords, res.Kind)
		again, err := s.IngestRecords(ctx, File{Name: file, SHA256: sum(b)}, read)
		require.NoError(t, err)
		assert.True(t, again.Already)
		c, err := s.Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, Counts{Ingests: 1, Records: res.Count}, c)

		var id, created string
		require.NoError(t, s.db.QueryRowContext(ctx, "SELECT record_id, created_at FROM records WHERE record_id = 'DEP-2611090013'").Scan(&id, &created))
		assert.Equal(t, "DEP-2611090013", id)
		assert.NotEmpty(t, created)

		// The same bytes as events are another kind of ingest: not a payment
		// file, nothing stored.
		ev, err := s.IngestEvents(ctx, File{Name: file, SHA256: sum(b)}, readFixture(file, b))
		require.NoError(t, err)
		assert.True(t, ev.Skipped)
	})
}

func TestIngestsAreOrdered(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		files := fixtureFiles(t)[:3]
		for _, f := range files {
			ingestFile(t, s, f)
		}
		list, err := s.Ingests(ctx)
		require.NoError(t, err)
		var names []string
		for _, in := range list {
			names = append(names, in.File)
		}
		assert.True(t, slices.Equal(files, names))
	})
}

// TestConcurrentIngests ingests files from several handles at once, as
// several payinv processes would: writers queue, ids stay unique and
// contiguous, and a file given to several of them is ingested once.
func TestConcurrentIngests(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, first *Store, dsn string) {
		stores := []*Store{first, openDSN(t, dsn), openDSN(t, dsn)}
		const files, perFile, copies = 6, 3000, 4
		var wg sync.WaitGroup
		errs := make(chan error, files+copies+3)
		already := make(chan bool, copies)
		for f := range files {
			wg.Go(func() {
				_, err := stores[f%len(stores)].IngestEvents(ctx, File{Name: fmt.Sprint("part", f), SHA256: sum([]byte(fmt.Sprint("part", f)))},
					genFrom(f*perFile, perFile))
				errs <- err
			})
		}
		for c := range copies {
			wg.Go(func() {
				res, err := stores[c%len(stores)].IngestEvents(ctx, File{Name: "same.ach", SHA256: sum([]byte("same"))}, genReader(500, 0, nil))
				errs <- err
				already <- res.Already
			})
		}
		for r := range 3 {
			wg.Go(func() {
				_, err := stores[r].RecordRun(ctx, Run{StartedAt: testNow, FinishedAt: testNow, AsOf: "2026-11-25", Options: "{}"},
					[]Break{{RecordID: fmt.Sprint("R", r), Status: "missing"}})
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		close(already)
		for err := range errs {
			require.NoError(t, err)
		}
		fresh := 0
		for a := range already {
			if !a {
				fresh++
			}
		}
		assert.Equal(t, 1, fresh, "the same file is ingested once")

		c, err := first.Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, files+1, c.Ingests)
		assert.Equal(t, files*perFile+500, c.Events)
		var maxEvent, maxIngest, maxRun, runs int64
		require.NoError(t, first.db.QueryRowContext(ctx,
			"SELECT (SELECT MAX(id) FROM events), (SELECT MAX(id) FROM ingests), (SELECT MAX(id) FROM runs), (SELECT COUNT(*) FROM runs)").
			Scan(&maxEvent, &maxIngest, &maxRun, &runs))
		assert.Equal(t, int64(c.Events), maxEvent, "event ids are contiguous")
		assert.Equal(t, int64(c.Ingests), maxIngest, "ingest ids are contiguous")
		assert.Equal(t, int64(3), runs)
		assert.Equal(t, runs, maxRun, "run ids are contiguous")
		// Every event is whole: its references point at it.
		for _, f := range []int{1, files - 1} {
			got, err := first.FindByRef(ctx, fmt.Sprintf("0740125%08d", f*perFile))
			require.NoError(t, err)
			require.Len(t, got, 1)
		}
	})
}

// TestTextPostgresCannotHold stores a file name that is not UTF-8 and holds
// a NUL byte: SQLite keeps it as it is, PostgreSQL as valid UTF-8 text.
func TestTextPostgresCannotHold(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		name := "caf\xe9\x00.ach"
		res, err := s.IngestEvents(ctx, File{Name: name, SHA256: sum([]byte(name))}, func(each func(*payment.Event) error) (int, error) {
			var ev payment.Event
			genEvent(0, &ev)
			ev.Source.File = ""
			ev.Party.Name = "JOS\xc9"
			return 0, each(&ev)
		})
		require.NoError(t, err)
		list, err := s.Ingests(ctx)
		require.NoError(t, err)
		require.Len(t, list, 1)
		var stored string
		require.NoError(t, s.db.QueryRowContext(ctx, "SELECT source_file FROM events").Scan(&stored))
		want := name
		if s.Dialect() == "postgres" {
			want = "caf\uFFFD.ach"
		}
		assert.Equal(t, want, res.File)
		assert.Equal(t, want, list[0].File)
		assert.Equal(t, want, stored)
		got, err := s.FindByRef(ctx, "074012500000000")
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, "JOS\uFFFD", got[0].Event.Party.Name, "the JSON face is UTF-8 on both")
	})
}
