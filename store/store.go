// Package store keeps what payinv has read — normalized events, the
// company's records, and a row for every file ingested — so that a nightly
// job remembers what it saw: returns arrive up to 60 days after the entry
// they return.
//
// The default store is one SQLite file, through the pure-Go driver
// modernc.org/sqlite, in WAL mode with a busy timeout. Its schema is
// versioned: the SQL files under migrations/ are embedded and applied in
// order, inside one transaction, when the store is opened; the table
// schema_migrations lists those applied. The SQL is kept plain so that the
// same files can later run on PostgreSQL; a small dialect type covers the
// differences (placeholders, the id column).
//
// Ingesting a file is idempotent: the file's SHA-256 is its identity, and a
// file already ingested is skipped. Everything a file brings — its events
// or records and its row in ingests — is written in one transaction, so an
// ingest that is interrupted (even by kill -9) leaves nothing of that file,
// and the next run ingests it whole.
//
// Events are stored with the columns they are filtered by and their JSON
// face (payment.Event.AppendJSON, unmasked: the store holds full account
// numbers, like the files it was fed); their references go to the refs
// table, trimmed and upper-cased, indexed by value, so that a lookup by any
// reference is an index search.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// dialect is what differs between the databases the store runs on.
type dialect struct {
	name string
	// id is the type of an id column: SQLite's INTEGER PRIMARY KEY is the
	// rowid itself, the fastest table there is.
	id string
	// dollar placeholders ($1, $2 …) rather than "?".
	dollar bool
}

var sqlite = dialect{name: "sqlite", id: "INTEGER PRIMARY KEY"}

// postgres is the dialect the PostgreSQL store will use; it is not wired
// to a driver yet.
var postgres = dialect{name: "postgres", id: "BIGINT PRIMARY KEY", dollar: true}

// rebind turns the "?" placeholders of q into the dialect's.
func (d dialect) rebind(q string) string {
	if !d.dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// Store is an open history store. It is safe for concurrent use.
type Store struct {
	db      *sql.DB
	dialect dialect
	// Now is the clock stamped on ingests; tests set it.
	Now func() time.Time
}

// BusyTimeout is how long a writer waits for another to finish before
// giving up.
const BusyTimeout = 30 * time.Second

// DefaultPath is the store used when no --db is given:
// $XDG_DATA_HOME/payinv/payinv.db when XDG_DATA_HOME is set; otherwise
// ~/.local/share/payinv/payinv.db on Linux and other Unix systems,
// ~/Library/Application Support/payinv/payinv.db on macOS and
// %LocalAppData%\payinv\payinv.db on Windows.
func DefaultPath() (string, error) {
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "payinv", "payinv.db"), nil
	}
	var dir string
	var err error
	switch runtime.GOOS {
	case "darwin", "ios":
		dir, err = os.UserConfigDir() // ~/Library/Application Support
	case "windows":
		dir, err = os.UserCacheDir() // %LocalAppData%
	default:
		var home string
		home, err = os.UserHomeDir()
		dir = filepath.Join(home, ".local", "share")
	}
	if err != nil {
		return "", fmt.Errorf("no place for the default store (%v): give --db", err)
	}
	return filepath.Join(dir, "payinv", "payinv.db"), nil
}

// Open opens the store dsn, creating it if need be, and brings its schema
// up to date. dsn is a file path for SQLite ("" is DefaultPath); a
// postgres:// URL is recognized but not supported yet.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return nil, errors.New("PostgreSQL stores are not supported yet: give a file path")
	}
	path := dsn
	if path == "" {
		p, err := DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("%s: a store's path cannot contain '?'", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
	}
	// WAL lets lookups run while an ingest writes; synchronous=NORMAL is
	// safe in WAL mode against a process being killed (a committed ingest
	// survives, an uncommitted one vanishes), only a power cut may lose the
	// last commits. Transactions take the write lock at BEGIN (immediate),
	// so two ingests queue instead of failing halfway.
	q := "?_pragma=" + fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()) +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)" +
		"&_pragma=cache_size(-65536)&_txlock=immediate"
	db, err := sql.Open("sqlite", path+q)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, dialect: sqlite, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// migration is one embedded schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded migrations in version order: files are
// named NNNN_what.sql.
func loadMigrations(d dialect) ([]migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, n := range names {
		base := filepath.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: want NNNN_name.sql", base)
		}
		b, err := migrations.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: base, sql: strings.ReplaceAll(string(b), "{{ID}}", d.id)})
	}
	slices.SortFunc(out, func(a, b migration) int { return a.version - b.version })
	return out, nil
}

// Version returns the schema version of the store: the last migration
// applied.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT MAX(version) FROM schema_migrations").Scan(&v)
	return int(v.Int64), err
}

// migrate applies the migrations not applied yet, all in one transaction.
func (s *Store) migrate(ctx context.Context) error {
	list, err := loadMigrations(s.dialect)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    BIGINT PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)`); err != nil {
		return err
	}
	applied := map[int]bool{}
	rows, err := tx.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return err
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return err
		}
		applied[v] = true
	}
	if err := rows.Close(); err != nil {
		return err
	}
	latest := 0
	for v := range applied {
		latest = max(latest, v)
	}
	if n := len(list); n > 0 && latest > list[n-1].version {
		return fmt.Errorf("the store's schema (version %d) is newer than this payinv knows (%d): upgrade payinv", latest, list[n-1].version)
	}
	for _, m := range list {
		if applied[m.version] {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, s.dialect.rebind("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
			m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return err
		}
	}
	return tx.Commit()
}
