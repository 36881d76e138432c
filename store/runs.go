package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Kinds of run input, besides KindEvents and KindRecords: the history
// store itself, whose stored events a run reconciled against.
const KindStore = "store"

// Run is the manifest of one reconciliation: what it read (with the
// files' hashes), how (its options and payinv's version) and what it
// found, so that its report can be reproduced and audited.
type Run struct {
	ID         int64 // given by RecordRun
	StartedAt  time.Time
	FinishedAt time.Time
	Version    string // payinv's
	AsOf       string // YYYY-MM-DD
	// Options are the run's options as a JSON object.
	Options       string
	RecordsFile   string
	RecordsSHA256 string
	// Records, Events and Breaks are what the run counted.
	Records int
	Events  int
	Breaks  int
	// Inputs are the files read, in order, and the store.
	Inputs []RunInput
}

// RunInput is one input of a run.
type RunInput struct {
	File   string
	SHA256 string // hex, lower case; "" for the store and standard input
	Kind   string // KindEvents, KindRecords or KindStore
	Count  int    // for KindStore: the stored events read
}

// Break is one break a run reported: a record's, or that of a story no
// record claims (RecordID "", Source its first event's "file:line").
type Break struct {
	RecordID string
	Source   string
	Status   string
	Why      string
}

// Key names the break's subject: its record's id, or its story's source.
func (b Break) Key() string {
	if b.RecordID != "" {
		return b.RecordID
	}
	return b.Source
}

// RecordRun writes a run's manifest, its inputs and its breaks in one
// transaction, and returns the run's id.
func (s *Store) RecordRun(ctx context.Context, r Run, breaks []Break) (int64, error) {
	conn, tx, err := s.beginWrite(ctx) // ids are given under the write lock
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	defer tx.Rollback()
	t := s.dialect.text
	var id int64
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) + 1 FROM runs").Scan(&id); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, s.dialect.rebind(`INSERT INTO runs (id, started_at, finished_at, version, as_of, options,
    records_file, records_sha256, records, events, breaks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		id, r.StartedAt.UTC().Format(time.RFC3339Nano), r.FinishedAt.UTC().Format(time.RFC3339Nano), t(r.Version), t(r.AsOf), t(r.Options),
		t(r.RecordsFile), t(r.RecordsSHA256), r.Records, r.Events, r.Breaks); err != nil {
		return 0, err
	}
	for i, in := range r.Inputs {
		if _, err := tx.ExecContext(ctx, s.dialect.rebind(
			"INSERT INTO run_inputs (run_id, seq, file, sha256, kind, count) VALUES (?, ?, ?, ?, ?, ?)"),
			id, i, t(in.File), t(in.SHA256), t(in.Kind), in.Count); err != nil {
			return 0, err
		}
	}
	for i, b := range breaks {
		if _, err := tx.ExecContext(ctx, s.dialect.rebind(
			"INSERT INTO run_breaks (run_id, seq, record_id, source, status, why) VALUES (?, ?, ?, ?, ?, ?)"),
			id, i, t(b.RecordID), t(b.Source), t(b.Status), t(b.Why)); err != nil {
			return 0, err
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return id, nil
}

// LastRun returns the latest run recorded, with its inputs and breaks;
// false when there is none.
func (s *Store) LastRun(ctx context.Context) (Run, []Break, bool, error) {
	var id sql.NullInt64
	if err := s.db.QueryRowContext(ctx, "SELECT MAX(id) FROM runs").Scan(&id); err != nil {
		return Run{}, nil, false, err
	}
	if !id.Valid {
		return Run{}, nil, false, nil
	}
	r, breaks, err := s.Run(ctx, id.Int64)
	return r, breaks, err == nil, err
}

// runColumns are the columns of runs scanRun reads, in its order.
const runColumns = `id, started_at, finished_at, version, as_of, options,
    records_file, records_sha256, records, events, breaks`

// scanRun reads a row of runColumns: a run without its inputs.
func scanRun(row interface{ Scan(...any) error }) (Run, error) {
	var r Run
	var started, finished string
	if err := row.Scan(&r.ID, &started, &finished, &r.Version, &r.AsOf, &r.Options,
		&r.RecordsFile, &r.RecordsSHA256, &r.Records, &r.Events, &r.Breaks); err != nil {
		return Run{}, err
	}
	var err error
	if r.StartedAt, err = time.Parse(time.RFC3339Nano, started); err != nil {
		return Run{}, fmt.Errorf("run %d: bad time %q", r.ID, started)
	}
	if r.FinishedAt, err = time.Parse(time.RFC3339Nano, finished); err != nil {
		return Run{}, fmt.Errorf("run %d: bad time %q", r.ID, finished)
	}
	return r, nil
}

// ErrNoRun is returned by Run for an id no run has.
var ErrNoRun = errors.New("no such run")

// Run returns the run id, with its inputs and breaks.
func (s *Store) Run(ctx context.Context, id int64) (Run, []Break, error) {
	r, err := scanRun(s.db.QueryRowContext(ctx, s.dialect.rebind("SELECT "+runColumns+" FROM runs WHERE id = ?"), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, nil, fmt.Errorf("run %d: %w", id, ErrNoRun)
	}
	if err != nil {
		return Run{}, nil, err
	}
	rows, err := s.db.QueryContext(ctx, s.dialect.rebind(
		"SELECT file, sha256, kind, count FROM run_inputs WHERE run_id = ? ORDER BY seq"), id)
	if err != nil {
		return Run{}, nil, err
	}
	for rows.Next() {
		var in RunInput
		if err := rows.Scan(&in.File, &in.SHA256, &in.Kind, &in.Count); err != nil {
			rows.Close()
			return Run{}, nil, err
		}
		r.Inputs = append(r.Inputs, in)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return Run{}, nil, err
	}
	if err := rows.Close(); err != nil {
		return Run{}, nil, err
	}
	rows, err = s.db.QueryContext(ctx, s.dialect.rebind(
		"SELECT record_id, source, status, why FROM run_breaks WHERE run_id = ? ORDER BY seq"), id)
	if err != nil {
		return Run{}, nil, err
	}
	defer rows.Close()
	var breaks []Break
	for rows.Next() {
		var b Break
		if err := rows.Scan(&b.RecordID, &b.Source, &b.Status, &b.Why); err != nil {
			return Run{}, nil, err
		}
		breaks = append(breaks, b)
	}
	return r, breaks, rows.Err()
}
