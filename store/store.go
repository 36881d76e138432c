// Package store keeps what payinv has read — normalized events, the
// company's records, and a row for every file ingested — so that a nightly
// job remembers what it saw: returns arrive up to 60 days after the entry
// they return.
//
// The default store is one SQLite file, through the pure-Go driver
// modernc.org/sqlite, in WAL mode with a busy timeout. A postgres:// or
// postgresql:// URL opens a PostgreSQL database instead, through
// github.com/jackc/pgx/v5 (its database/sql driver, "pgx"). Both hold the
// same schema, versioned: the SQL files under migrations/ are embedded and
// applied in order, inside one transaction, when the store is opened; the
// table schema_migrations lists those applied. The SQL is kept plain so
// that the same files run on both; a small dialect type covers the
// differences (placeholders, the id column). On PostgreSQL the migrating
// transaction first takes a transaction-level advisory lock, so that two
// payinv processes opening a new database one beside the other do not
// both create its tables: the second waits, then finds them there.
//
// Ids are given by payinv, MAX(id)+1, so that an ingest can name the events
// its references belong to without a round trip per row. That needs one
// writer at a time: SQLite takes its write lock when a writing transaction
// begins (BEGIN IMMEDIATE); on PostgreSQL every writing transaction (an
// ingest, RecordRun) takes the store's advisory write lock
// (pg_advisory_xact_lock) as its first statement, which it holds until it
// commits or rolls back — or its connection drops, the process being
// killed. Writers queue, as on SQLite, for up to BusyTimeout; readers never
// wait. Sequences would let writers run side by side, but ids would then
// leave gaps on every rollback and the schema would differ between the two
// databases; payinv writes from a nightly job and a few analysts, for whom
// one writer at a time costs nothing.
//
// Ingesting a file is idempotent: the file's SHA-256 is its identity, and a
// file already ingested is skipped. Everything a file brings — its events
// or records and its row in ingests — is written in one transaction, so an
// ingest that is interrupted (even by kill -9) leaves nothing of that file,
// and the next run ingests it whole. Rows go in many at a time: multi-row
// INSERTs on SQLite, COPY on PostgreSQL. A file of events whose events are
// exactly those of a file ingested before, sources aside (a copy in other
// bytes: line endings, padding, quoting, layout), is known by a digest of
// its events (digest.go): its ingest names the original and keeps nothing.
//
// Events are stored with the columns they are filtered by and their JSON
// face (payment.Event.AppendJSON, unmasked: the store holds full account
// numbers, like the files it was fed); their references go to the refs
// table, trimmed and upper-cased, indexed by value, so that a lookup by any
// reference is an index search. PostgreSQL's text cannot hold every byte
// string SQLite's can: there, text that is not valid UTF-8 has its bad
// bytes replaced by U+FFFD (as the JSON face already does) and NUL bytes
// are dropped.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	msqlite "modernc.org/sqlite"       // the "sqlite" database/sql driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// dialect is what differs between the databases the store runs on.
type dialect struct {
	name string
	// id is the type of an id column: SQLite's INTEGER PRIMARY KEY is the
	// rowid itself, the fastest table there is.
	id string
	// pg: PostgreSQL ($1, $2 … placeholders, advisory locks, COPY, text
	// that must be UTF-8).
	pg bool
}

var sqlite = dialect{name: "sqlite", id: "INTEGER PRIMARY KEY"}

var postgres = dialect{name: "postgres", id: "BIGINT PRIMARY KEY", pg: true}

// The PostgreSQL advisory locks the store takes, transaction-level: keys
// of its own ("payinv" in ASCII, then a number) so as not to meet those of
// other programs sharing the database.
const (
	pgLockMigrate int64 = 0x7061_7969_6e76_0001 // applying the migrations
	pgLockWrite   int64 = 0x7061_7969_6e76_0002 // writing: ingests, runs
)

// text is v as the dialect can store it: on PostgreSQL, valid UTF-8 (bad
// bytes become U+FFFD) without NUL bytes; unchanged on SQLite.
func (d dialect) text(v string) string {
	if !d.pg {
		return v
	}
	if !utf8.ValidString(v) {
		v = strings.ToValidUTF8(v, "\uFFFD")
	}
	if strings.IndexByte(v, 0) >= 0 {
		v = strings.ReplaceAll(v, "\x00", "")
	}
	return v
}

// IsPostgres reports whether dsn names a PostgreSQL store (a postgres:// or
// postgresql:// URL) rather than a SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Redact returns dsn with the password of a PostgreSQL URL replaced by
// "xxxxx", for messages; a file path is returned as it is.
func Redact(dsn string) string {
	if !IsPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://(unreadable URL)"
	}
	return u.Redacted()
}

// rebind turns the "?" placeholders of q into the dialect's.
func (d dialect) rebind(q string) string {
	if !d.pg { // PostgreSQL's placeholders are $1, $2 …
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
// giving up: SQLite's busy timeout, PostgreSQL's lock_timeout for the
// write lock.
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
// up to date. dsn is a file path for SQLite ("" is DefaultPath), or the
// postgres:// (or postgresql://) URL of a PostgreSQL database, which must
// exist: Open creates its tables, not the database. The URL takes libpq's
// parameters (sslmode, connect_timeout …); a password in it never shows in
// Open's errors.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn)
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
	// Processes opening a new store at the same moment race to switch it
	// to WAL, and SQLite answers the losers "busy" at once, without
	// waiting (the busy timeout does not cover a change of journal mode):
	// they try again until BusyTimeout.
	deadline := time.Now().Add(BusyTimeout)
	err = s.migrate(ctx)
	for isBusy(err) && ctx.Err() == nil && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		err = s.migrate(ctx)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (the database file
// is locked by another connection), extended codes included.
func isBusy(err error) bool {
	var se *msqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == 5 // SQLITE_BUSY
}

// openPostgres opens the PostgreSQL store at the URL dsn.
func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	name := Redact(dsn)
	if _, err := url.Parse(dsn); err != nil {
		return nil, fmt.Errorf("%s: not a PostgreSQL URL", name)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s := &Store{db: db, dialect: postgres, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", name, redactErr(err, dsn))
	}
	return s, nil
}

// redactErr is err with the password of dsn taken out of any URL its
// message quotes (pgx's own messages leave it out already).
func redactErr(err error, dsn string) error {
	u, perr := url.Parse(dsn)
	if perr != nil || u.User == nil {
		return err
	}
	pw, ok := u.User.Password()
	if !ok || pw == "" {
		return err
	}
	msg := err.Error()
	for _, p := range []string{pw, url.QueryEscape(pw), url.PathEscape(pw)} {
		msg = strings.ReplaceAll(msg, ":"+p+"@", ":xxxxx@")
	}
	if msg == err.Error() {
		return err
	}
	return errors.New(msg)
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// Dialect names the database the store runs on: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect.name }

// beginWrite starts a writing transaction on a connection of its own (the
// caller rolls the transaction back, which is a no-op after a commit, then
// closes the connection). It holds the store's write lock: SQLite's,
// taken at BEGIN (IMMEDIATE); on PostgreSQL the advisory write lock, taken
// by the first statement. Either waits BusyTimeout at most for another
// writer to finish.
func (s *Store) beginWrite(ctx context.Context) (*sql.Conn, *sql.Tx, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	if s.dialect.pg {
		if err := pgLock(ctx, tx, pgLockWrite); err != nil {
			tx.Rollback()
			conn.Close()
			return nil, nil, fmt.Errorf("taking the write lock: %w", err)
		}
	}
	return conn, tx, nil
}

// pgLock takes the advisory lock key for the rest of the transaction tx,
// waiting BusyTimeout at most.
func pgLock(ctx context.Context, tx *sql.Tx, key int64) error {
	// Without arguments pgx sends both statements in one round trip.
	_, err := tx.ExecContext(ctx, fmt.Sprintf("SET LOCAL lock_timeout = %d; SELECT pg_advisory_xact_lock(%d)",
		BusyTimeout.Milliseconds(), key))
	return err
}

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
	if s.dialect.pg {
		// Another payinv may be migrating this database: wait for it, then
		// see what it applied.
		if err := pgLock(ctx, tx, pgLockMigrate); err != nil {
			return err
		}
	}
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
