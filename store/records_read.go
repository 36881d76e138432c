package store

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
)

// Reading the company's records back.
//
// A record id may have been ingested several times: the records export of
// every day lists yesterday's records again, with their statuses brought up
// to date, and a file whose content changed is a new ingest. The latest
// ingest that holds an id is its current version and wins: FindRecord and
// Records give only the rows of that ingest (several when that file lists
// the id more than once, as a file read directly would). Ids are grouped
// as written; ingests are numbered in the order they were made.

// recordSelect reads a records row in the order scanRecord takes it.
const recordSelect = "SELECT r.id, r.ingest_id, r.source_file, r.line, r.record_id, r.customer_id, r.type, r.rail, r.amount, " +
	"r.currency, r.created_at, r.status, r.reference, r.account_last4, r.name FROM records r"

// latestVersion keeps, of the rows of a record id, those of the latest
// ingest that holds it.
const latestVersion = "r.ingest_id = (SELECT MAX(v.ingest_id) FROM records v WHERE v.record_id = r.record_id)"

// FindRecord returns the current version of the record id (case and
// surrounding blanks aside): the rows of the latest ingest that holds it,
// in the order of that file; none when the store has no such record.
//
// Every column comes back as it was read: the amount as the decimal
// written, created_at with its offset from UTC (a fixed zone; UTC for a
// zero offset), and the file and line it was read from as the record's
// Source (the ingest's file name when the reader gave none).
func (s *Store) FindRecord(ctx context.Context, id string) ([]records.Record, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		return nil, nil
	}
	// The index on record_id finds ids written as given, in upper or in
	// lower case; only an id written in mixed case some other way needs
	// the scan.
	vals := s.refArgs(id)
	rows, err := s.queryRecords(ctx, "r.record_id IN ("+placeholders(len(vals))+")", vals)
	if err == nil && len(rows) == 0 {
		rows, err = s.queryRecords(ctx, "UPPER(TRIM(r.record_id)) = ?", []any{s.dialect.text(NormalizeRef(id))})
	}
	if err != nil {
		return nil, err
	}
	var out []records.Record
	var latest int64
	for _, row := range rows {
		if !strings.EqualFold(strings.TrimSpace(row.rec.ID), id) {
			continue
		}
		switch {
		case row.ingest > latest:
			latest, out = row.ingest, append(out[:0], row.rec)
		case row.ingest == latest:
			out = append(out, row.rec)
		}
	}
	return out, nil
}

// RecordFilter narrows Records. The zero RecordFilter takes every record.
type RecordFilter struct {
	// From and To bound the day the record was created, as written (the
	// date of created_at in its own zone), both days included; zero means
	// open. A record with no creation time passes only when both are zero.
	From, To payment.Date
	// Refs, when not empty, keeps only the records whose id or reference
	// is one of Refs, case and surrounding blanks aside. The lookup goes
	// through the indexes on id and reference, which hold the values as
	// written: a value is found written as given, in upper or in lower
	// case, not in some other mixture of cases.
	Refs []string
}

// Records streams the current version of every record that passes f (see
// FindRecord), in the order they were stored, reading them from the
// database as the caller goes. Stopping the loop early is fine.
func (s *Store) Records(ctx context.Context, f RecordFilter) iter.Seq2[records.Record, error] {
	return func(yield func(records.Record, error) bool) {
		where := []string{latestVersion}
		var args []any
		// created_at starts with the date as written, and dates as text
		// sort as dates: "≥ From" and "< the day after To" bound it.
		if !f.From.IsZero() || !f.To.IsZero() {
			where = append(where, "r.created_at <> ''")
		}
		if !f.From.IsZero() {
			where = append(where, "r.created_at >= ?")
			args = append(args, f.From.String())
		}
		if !f.To.IsZero() {
			where = append(where, "r.created_at < ?")
			args = append(args, f.To.AddDays(1).String())
		}
		wanted := map[string]bool{}
		if len(f.Refs) > 0 {
			var vals []any
			for _, v := range f.Refs {
				if k := NormalizeRef(v); k != "" && !wanted[k] {
					wanted[k] = true
					vals = append(vals, s.refArgs(v)...)
				}
			}
			if len(vals) == 0 {
				return
			}
			in := placeholders(len(vals))
			where = append(where, "(r.record_id IN ("+in+") OR r.reference IN ("+in+"))")
			args = append(append(args, vals...), vals...)
		}
		q := s.dialect.rebind(recordSelect + " WHERE " + strings.Join(where, " AND ") + " ORDER BY r.id")
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			yield(records.Record{}, err)
			return
		}
		defer rows.Close()
		for rows.Next() {
			row, err := scanRecord(rows)
			if err != nil {
				yield(records.Record{}, err)
				return
			}
			if len(wanted) > 0 && !wanted[NormalizeRef(row.rec.ID)] && !wanted[NormalizeRef(row.rec.Reference)] {
				continue
			}
			if !yield(row.rec, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(records.Record{}, err)
		}
	}
}

// storedRecord is a records row: the record and the ingest it came with.
type storedRecord struct {
	ingest int64
	rec    records.Record
}

// queryRecords reads every records row that passes where (with "?"
// placeholders), in the order stored.
func (s *Store) queryRecords(ctx context.Context, where string, args []any) ([]storedRecord, error) {
	rows, err := s.db.QueryContext(ctx, s.dialect.rebind(recordSelect+" WHERE "+where+" ORDER BY r.id"), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedRecord
	for rows.Next() {
		row, err := scanRecord(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

func scanRecord(rows *sql.Rows) (storedRecord, error) {
	var row storedRecord
	var id, line int64
	var file, typ, amount, created string
	r := &row.rec
	if err := rows.Scan(&id, &row.ingest, &file, &line, &r.ID, &r.CustomerID, &typ, &r.Rail, &amount,
		&r.Currency, &created, &r.Status, &r.Reference, &r.AccountLast4, &r.Name); err != nil {
		return row, err
	}
	r.Type, r.Source = records.Type(typ), payment.Source{File: file, Line: int(line)}
	a, err := decimal.NewFromString(amount)
	if err != nil {
		return row, fmt.Errorf("stored record %d (%s): bad amount %q", id, r.ID, amount)
	}
	r.Amount = a
	if created != "" {
		t, err := parseCreated(created)
		if err != nil {
			return row, fmt.Errorf("stored record %d (%s): bad created_at %q", id, r.ID, created)
		}
		r.CreatedAt = t
	}
	return row, nil
}

// parseCreated reads a created_at back with the offset it was written
// with: a fixed zone, or UTC for a zero offset, whatever the local zone.
func parseCreated(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return t, err
	}
	_, off := t.Zone()
	if off == 0 {
		return t.UTC(), nil
	}
	return t.In(time.FixedZone("", off)), nil
}

// refVariants are the ways a reference may be written in a column indexed
// as written: as given (trimmed), in upper case and in lower case.
func refVariants(v string) []any {
	v = strings.TrimSpace(v)
	out := []any{v}
	for _, w := range []string{strings.ToUpper(v), strings.ToLower(v)} {
		if w != out[0] && (len(out) < 2 || w != out[1]) {
			out = append(out, w)
		}
	}
	return out
}

// refArgs are the query arguments that find v in a column indexed as
// written (refVariants), as the dialect stores text.
func (s *Store) refArgs(v string) []any {
	out := refVariants(v)
	for i, a := range out {
		out[i] = s.dialect.text(a.(string))
	}
	return out
}

// placeholders is n "?" separated by commas.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
