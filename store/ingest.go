package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
)

// Kinds of ingest: what a file brought.
const (
	KindEvents  = "events"
	KindRecords = "records"
)

// Ingest is one file ingested.
type Ingest struct {
	ID         int64
	File       string // the name it was ingested under
	SHA256     string // hex, lower case
	Kind       string // KindEvents or KindRecords
	Count      int    // events or records stored
	Problems   int    // problems reported while reading it
	IngestedAt time.Time
	// CopyOf is the ingest of the file this one copies — the same events
	// in other bytes — when it is a copy (nothing of it is stored then);
	// 0 otherwise.
	CopyOf int64
}

// ingestColumns are the columns scanIngest reads, in its order.
const ingestColumns = "id, file, sha256, kind, count, problems, ingested_at, COALESCE(copy_of, 0)"

// Hash returns the SHA-256 of everything r gives, in lower-case hex: the
// identity of a file in the store.
func Hash(r io.Reader) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// NewHash returns the hash Hash uses, for callers that hash a file while
// they read it (to check it did not change since it was hashed).
func NewHash() hash.Hash { return sha256.New() }

// Ingested returns the ingest of the file with this hash and kind, or nil
// when it has not been ingested.
func (s *Store) Ingested(ctx context.Context, sha, kind string) (*Ingest, error) {
	row := s.db.QueryRowContext(ctx, s.dialect.rebind(
		"SELECT "+ingestColumns+" FROM ingests WHERE sha256 = ? AND kind = ?"), sha, kind)
	in, err := scanIngest(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return in, err
}

// Ingests lists every ingest, oldest first.
func (s *Store) Ingests(ctx context.Context) ([]Ingest, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+ingestColumns+" FROM ingests ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Ingest
	for rows.Next() {
		in, err := scanIngest(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *in)
	}
	return out, rows.Err()
}

func scanIngest(row interface{ Scan(...any) error }) (*Ingest, error) {
	var in Ingest
	var at string
	if err := row.Scan(&in.ID, &in.File, &in.SHA256, &in.Kind, &in.Count, &in.Problems, &at, &in.CopyOf); err != nil {
		return nil, err
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return nil, fmt.Errorf("ingest %d: bad time %q", in.ID, at)
	}
	in.IngestedAt = t
	return &in, nil
}

// File names a file to ingest: the name it is known by and the SHA-256 of
// its content (Hash).
type File struct {
	Name   string
	SHA256 string
}

// Result says what an ingest did.
type Result struct {
	Ingest
	// Already is true when the file had been ingested before: Ingest is
	// that earlier ingest, and nothing was written.
	Already bool
	// Skipped is true when the reader found nothing to store (not a
	// payment file): nothing was written and no ingest is recorded.
	Skipped bool
	// Original is, for a copy (Ingest.CopyOf set), the ingest of the file
	// it copies: the same events were read from other bytes, and none was
	// stored again.
	Original *Ingest
}

// ErrNothingToIngest, returned by a read function, says the file is not one
// to ingest (not a payment file, say): the ingest is dropped and the
// Result is Skipped.
var ErrNothingToIngest = errors.New("nothing to ingest")

// EventReader reads a file's events, calling each with every one of them
// in order (each must not keep the event: it is written out before each
// returns). It returns the number of problems it reported, and stops at
// the first error each returns, returning it.
type EventReader func(each func(*payment.Event) error) (problems int, err error)

// RecordReader is EventReader for the company's records.
type RecordReader func(each func(*records.Record) error) (problems int, err error)

// IngestEvents stores the events read unless the file was ingested before.
// The events and the ingest's row are written in one transaction: an error
// from read, a cancelled ctx or a killed process leave nothing of the file.
//
// A file whose events are exactly those of a file ingested before (the
// same events, sources aside, in any order) is a copy in other bytes: its
// ingest is recorded, naming the original (Result.Original), and none of
// its events is stored again, so that nothing downstream counts a payment
// twice.
func (s *Store) IngestEvents(ctx context.Context, f File, read EventReader) (Result, error) {
	return s.ingest(ctx, f, KindEvents, func(w *writer) (int, error) {
		var buf []byte
		w.digest = &eventsDigest{}
		return read(func(ev *payment.Event) error {
			buf = ev.AppendJSON(buf[:0])
			w.digest.add(buf)
			return w.event(ev, buf)
		})
	})
}

// IngestRecords stores the records read unless the file was ingested
// before, like IngestEvents.
func (s *Store) IngestRecords(ctx context.Context, f File, read RecordReader) (Result, error) {
	return s.ingest(ctx, f, KindRecords, func(w *writer) (int, error) {
		return read(w.record)
	})
}

func (s *Store) ingest(ctx context.Context, f File, kind string, fill func(*writer) (int, error)) (Result, error) {
	if len(f.SHA256) != 64 {
		return Result{}, fmt.Errorf("%s: want the file's SHA-256 in hex", f.Name)
	}
	if prev, err := s.Ingested(ctx, f.SHA256, kind); err != nil || prev != nil {
		if prev != nil {
			return s.already(ctx, prev)
		}
		return Result{}, err
	}
	conn, tx, err := s.beginWrite(ctx)
	if err != nil {
		return Result{}, err
	}
	defer conn.Close()
	defer tx.Rollback()
	// Another ingest of the same file may have committed while this one
	// waited for the lock.
	if prev, err := scanIngest(tx.QueryRowContext(ctx, s.dialect.rebind(
		"SELECT "+ingestColumns+" FROM ingests WHERE sha256 = ? AND kind = ?"), f.SHA256, kind)); err == nil {
		tx.Rollback() // before already reads the original outside it
		return s.already(ctx, prev)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return Result{}, err
	}
	in := Ingest{File: s.dialect.text(f.Name), SHA256: f.SHA256, Kind: kind, IngestedAt: s.Now().UTC()}
	// Ids are given here, under the write lock, so that refs can name
	// their event without a round trip per row.
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) + 1 FROM ingests").Scan(&in.ID); err != nil {
		return Result{}, err
	}
	w := &writer{ctx: ctx, conn: conn, tx: tx, d: s.dialect, ingest: in.ID, file: f.Name}
	defer w.close()
	table := "events"
	if kind == KindRecords {
		table = "records"
	}
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM "+table).Scan(&w.lastID); err != nil {
		return Result{}, err
	}
	// The ingest's row goes first: the events name it.
	if _, err := tx.ExecContext(ctx, s.dialect.rebind(
		"INSERT INTO ingests (id, file, sha256, kind, count, problems, ingested_at) VALUES (?, ?, ?, ?, 0, 0, ?)"),
		in.ID, in.File, in.SHA256, in.Kind, in.IngestedAt.Format(time.RFC3339Nano)); err != nil {
		return Result{}, err
	}
	problems, err := fill(w)
	if errors.Is(err, ErrNothingToIngest) {
		return Result{Ingest: Ingest{File: f.Name, SHA256: f.SHA256, Kind: kind, Problems: problems}, Skipped: true}, nil
	}
	if err == nil {
		err = w.flush()
	}
	if err != nil {
		return Result{}, err
	}
	in.Count, in.Problems = w.count, problems
	var original *Ingest
	digest := ""
	if w.digest != nil && w.count > 0 {
		digest = w.digest.String()
		if original, err = s.copied(ctx, tx, in, digest); err != nil {
			return Result{}, err
		}
	}
	var copyOf any // NULL
	if original != nil {
		in.Count, in.CopyOf, copyOf = 0, original.ID, original.ID
	}
	if _, err := tx.ExecContext(ctx, s.dialect.rebind("UPDATE ingests SET count = ?, problems = ?, events_digest = ?, copy_of = ? WHERE id = ?"),
		in.Count, in.Problems, digest, copyOf, in.ID); err != nil {
		return Result{}, err
	}
	if err := tx.Commit(); err != nil {
		return Result{}, err
	}
	return Result{Ingest: in, Original: original}, nil
}

// already is the Result of a file ingested before as prev, with the
// original prev copies when it is a copy.
func (s *Store) already(ctx context.Context, prev *Ingest) (Result, error) {
	res := Result{Ingest: *prev, Already: true}
	if prev.CopyOf != 0 {
		orig, err := scanIngest(s.db.QueryRowContext(ctx, s.dialect.rebind("SELECT "+ingestColumns+" FROM ingests WHERE id = ?"), prev.CopyOf))
		if err != nil {
			return Result{}, fmt.Errorf("ingest %d, the original of ingest %d: %w", prev.CopyOf, prev.ID, err)
		}
		res.Original = orig
	}
	return res, nil
}

// copied looks, inside the ingest's transaction, for an earlier file with
// the same events (count and digest) that is not itself a copy. When
// there is one, the events the ingest wrote and their references are
// taken out again, and the original's ingest returned; nil otherwise.
func (s *Store) copied(ctx context.Context, tx *sql.Tx, in Ingest, digest string) (*Ingest, error) {
	original, err := scanIngest(tx.QueryRowContext(ctx, s.dialect.rebind("SELECT "+ingestColumns+
		" FROM ingests WHERE events_digest = ? AND kind = ? AND count = ? AND copy_of IS NULL AND id <> ? ORDER BY id LIMIT 1"),
		digest, KindEvents, in.Count, in.ID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	for _, q := range []string{
		"DELETE FROM refs WHERE event_id IN (SELECT id FROM events WHERE ingest_id = ?)",
		"DELETE FROM events WHERE ingest_id = ?",
	} {
		if _, err := tx.ExecContext(ctx, s.dialect.rebind(q), in.ID); err != nil {
			return nil, err
		}
	}
	return original, nil
}

// Rows per INSERT statement on SQLite. Each statement is prepared once per
// ingest; many rows per statement is what makes SQLite fast through
// database/sql. Refs are written when their events are: in whole
// statements then, the rest with the next events.
const (
	eventBatch  = 200
	refBatch    = 400
	recordBatch = 200
)

// Rows per COPY on PostgreSQL: each COPY costs a few round trips, and the
// rows wait in memory until it runs (an event's columns take a kilobyte or
// so). COPY has no limit on parameters, unlike INSERT (65,535). The refs
// of the events written go with them, in a COPY of their own.
const (
	pgEventBatch  = 10_000
	pgRecordBatch = 10_000
)

var (
	eventColumns  = []string{"id", "ingest_id", "source_file", "line", "rail", "format", "kind", "direction", "amount", "currency", "effective_date", "settlement_date", "json"}
	refColumns    = []string{"event_id", "name", "value", "original"}
	recordColumns = []string{"id", "ingest_id", "source_file", "line", "record_id", "customer_id", "type", "rail", "amount", "currency", "created_at", "status", "reference", "account_last4", "name"}
)

// insertSQL is an INSERT of rows rows into table.
func insertSQL(d dialect, table string, columns []string, rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES ")
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(columns)), ", ") + ")"
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(one)
	}
	return d.rebind(b.String())
}

// batch gathers the rows of one table and writes them many at a time:
// with multi-row INSERTs on SQLite, with COPY on PostgreSQL.
type batch struct {
	table   string
	columns []string
	rows    int // rows per full statement
	args    []any
	full    *sql.Stmt // prepared on first use
}

// add appends a row and reports whether the batch is full.
func (b *batch) add(values ...any) bool {
	b.args = append(b.args, values...)
	return len(b.args) >= b.rows*len(b.columns)
}

// flush writes the rows gathered; with whole, on SQLite, only as many as
// fill whole statements (the prepared one), keeping the rest for later.
func (b *batch) flush(w *writer, whole bool) error {
	if w.d.pg {
		if len(b.args) == 0 {
			return nil
		}
		err := w.copy(b)
		clear(b.args)
		b.args = b.args[:0]
		return err
	}
	size := b.rows * len(b.columns)
	done := 0
	for len(b.args)-done >= size {
		if b.full == nil {
			var err error
			if b.full, err = w.tx.PrepareContext(w.ctx, insertSQL(w.d, b.table, b.columns, b.rows)); err != nil {
				return err
			}
		}
		if _, err := b.full.ExecContext(w.ctx, b.args[done:done+size]...); err != nil {
			return err
		}
		done += size
	}
	if n := (len(b.args) - done) / len(b.columns); n > 0 && !whole {
		if _, err := w.tx.ExecContext(w.ctx, insertSQL(w.d, b.table, b.columns, n), b.args[done:]...); err != nil {
			return err
		}
		done = len(b.args)
	}
	rest := copy(b.args, b.args[done:])
	clear(b.args[rest:])
	b.args = b.args[:rest]
	return nil
}

// copy writes the rows of b with COPY, inside the transaction: that of
// the connection w.conn.
func (w *writer) copy(b *batch) error {
	for i, a := range b.args {
		if v, ok := a.(string); ok {
			if t := w.d.text(v); t != v {
				b.args[i] = t
			}
		}
	}
	return w.conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("COPY needs a pgx connection, not %T", dc)
		}
		_, err := c.Conn().CopyFrom(w.ctx, pgx.Identifier{b.table}, b.columns, &flatRows{args: b.args, width: len(b.columns)})
		return err
	})
}

// flatRows hands COPY rows laid end to end in one slice.
type flatRows struct {
	args       []any
	width, end int
}

func (r *flatRows) Next() bool {
	r.end += r.width
	return r.end <= len(r.args)
}

func (r *flatRows) Values() ([]any, error) { return r.args[r.end-r.width : r.end], nil }

func (r *flatRows) Err() error { return nil }

// writer writes one ingest's rows inside its transaction.
type writer struct {
	ctx    context.Context
	conn   *sql.Conn // the transaction's, for COPY
	tx     *sql.Tx
	d      dialect
	ingest int64
	file   string
	lastID int64
	count  int

	events, refs, recs *batch
	// digest, for an ingest of events, sums up what they say.
	digest *eventsDigest
}

func (w *writer) event(ev *payment.Event, js []byte) error {
	if w.events == nil {
		rows := eventBatch
		if w.d.pg {
			rows = pgEventBatch
		}
		w.events = &batch{table: "events", columns: eventColumns, rows: rows}
		w.refs = &batch{table: "refs", columns: refColumns, rows: refBatch}
	}
	w.lastID++
	w.count++
	id := w.lastID
	file := ev.Source.File
	if file == "" {
		file = w.file
	}
	if w.events.add(id, w.ingest, file, ev.Source.Line, string(ev.Rail), ev.Format, string(ev.Kind), string(ev.Direction),
		payment.FormatAmount(ev.Amount, ev.Currency), ev.Currency, dateValue(ev.EffectiveDate), dateValue(ev.SettlementDate), string(js)) {
		// The refs gathered name events now written: they may follow, in
		// whole statements (this event's own are not gathered yet).
		if err := w.events.flush(w, false); err != nil {
			return err
		}
		if err := w.refs.flush(w, true); err != nil {
			return err
		}
	}
	ev.Refs.Each(w.addRef(id, 0))
	ev.Refs.EachOriginal(w.addRef(id, 1))
	return nil
}

// addRef returns a function that gathers the references of event id;
// refs are written after their events (writer.event, writer.flush).
func (w *writer) addRef(id int64, original int) func(name, value string) {
	return func(name, value string) {
		if v := NormalizeRef(value); v != "" {
			w.refs.add(id, name, v, original)
		}
	}
}

func (w *writer) record(r *records.Record) error {
	if w.recs == nil {
		rows := recordBatch
		if w.d.pg {
			rows = pgRecordBatch
		}
		w.recs = &batch{table: "records", columns: recordColumns, rows: rows}
	}
	w.lastID++
	w.count++
	file := r.Source.File
	if file == "" {
		file = w.file
	}
	created := ""
	if !r.CreatedAt.IsZero() {
		created = r.CreatedAt.Format(time.RFC3339Nano)
	}
	if w.recs.add(w.lastID, w.ingest, file, r.Source.Line, r.ID, r.CustomerID, string(r.Type), r.Rail,
		payment.FormatAmount(r.Amount, r.Currency), r.Currency, created, r.Status, r.Reference, r.AccountLast4, r.Name) {
		return w.recs.flush(w, false)
	}
	return nil
}

// flush writes what the batches still hold: events before their refs.
func (w *writer) flush() error {
	for _, b := range []*batch{w.events, w.refs, w.recs} {
		if b != nil {
			if err := b.flush(w, false); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *writer) close() {
	for _, b := range []*batch{w.events, w.refs, w.recs} {
		if b != nil && b.full != nil {
			b.full.Close()
		}
	}
}

// NormalizeRef is a reference as the store keeps and looks it up: trimmed
// and upper case.
func NormalizeRef(v string) string { return strings.ToUpper(strings.TrimSpace(v)) }

func dateValue(d payment.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}
