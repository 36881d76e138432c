package store

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"

	"github.com/payinv/payinv/payment"
)

// Stored is an event as the store holds it.
type Stored struct {
	ID     int64 // the event's id in the store
	Ingest int64 // the ingest that brought it
	JSON   string
	// Event is decoded from JSON.
	Event *payment.Event
}

// FindByRef returns the stored events that carry value as one of their
// references, or as a reference to the payment they answer (a return's
// original trace), case and surrounding blanks aside; in the order they
// were stored. The lookup is a search of the refs index.
func (s *Store) FindByRef(ctx context.Context, value string) ([]Stored, error) {
	v := s.dialect.text(NormalizeRef(value))
	if v == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, s.dialect.rebind(
		"SELECT id, ingest_id, json FROM events WHERE id IN (SELECT event_id FROM refs WHERE value = ?) ORDER BY id"), v)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Stored
	for rows.Next() {
		st, err := scanStored(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

func scanStored(rows *sql.Rows) (Stored, error) {
	var st Stored
	if err := rows.Scan(&st.ID, &st.Ingest, &st.JSON); err != nil {
		return st, err
	}
	ev, err := DecodeEvent([]byte(st.JSON))
	if err != nil {
		return st, fmt.Errorf("stored event %d: %w", st.ID, err)
	}
	st.Event = ev
	return st, nil
}

// Filter narrows Events. The zero Filter takes every event.
type Filter struct {
	Rail payment.Rail // "" for every rail
	// From and To bound the settlement date (the effective date when an
	// event has none), both days included; zero means open.
	From, To payment.Date
}

// Events streams the stored events that pass f, in the order they were
// stored, reading them from the database as the caller goes: memory stays
// bounded however many there are. Stopping the loop early is fine.
func (s *Store) Events(ctx context.Context, f Filter) iter.Seq2[Stored, error] {
	return func(yield func(Stored, error) bool) {
		var where []string
		var args []any
		if f.Rail != "" {
			where = append(where, "rail = ?")
			args = append(args, string(f.Rail))
		}
		day := "COALESCE(settlement_date, effective_date)"
		if !f.From.IsZero() {
			where = append(where, day+" >= ?")
			args = append(args, f.From.String())
		}
		if !f.To.IsZero() {
			where = append(where, day+" <= ?")
			args = append(args, f.To.String())
		}
		q := "SELECT id, ingest_id, json FROM events"
		if len(where) > 0 {
			q += " WHERE " + strings.Join(where, " AND ")
		}
		rows, err := s.db.QueryContext(ctx, s.dialect.rebind(q+" ORDER BY id"), args...)
		if err != nil {
			yield(Stored{}, err)
			return
		}
		defer rows.Close()
		for rows.Next() {
			st, err := scanStored(rows)
			if !yield(st, err) || err != nil {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(Stored{}, err)
		}
	}
}

// Counts are how many rows each table holds.
type Counts struct {
	Ingests, Events, Refs, Records int
}

// Count counts the rows of every table.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT
    (SELECT COUNT(*) FROM ingests), (SELECT COUNT(*) FROM events),
    (SELECT COUNT(*) FROM refs), (SELECT COUNT(*) FROM records)`).Scan(&c.Ingests, &c.Events, &c.Refs, &c.Records)
	return c, err
}
