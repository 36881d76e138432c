package store

import (
	"context"
	"database/sql"
)

// PreviousRun returns the latest run of the same reconciliation — the same
// records file, by name, and the same options — with its inputs and
// breaks; false when there is none. A nightly run compares itself with it
// to say what changed.
func (s *Store) PreviousRun(ctx context.Context, recordsFile, options string) (Run, []Break, bool, error) {
	var id sql.NullInt64
	if err := s.db.QueryRowContext(ctx, s.dialect.rebind(
		"SELECT MAX(id) FROM runs WHERE records_file = ? AND options = ?"), recordsFile, options).Scan(&id); err != nil {
		return Run{}, nil, false, err
	}
	if !id.Valid {
		return Run{}, nil, false, nil
	}
	r, breaks, err := s.Run(ctx, id.Int64)
	return r, breaks, err == nil, err
}

// Runs returns the latest runs recorded, newest first, at most limit of
// them (every run when limit is 0); without their inputs.
func (s *Store) Runs(ctx context.Context, limit int) ([]Run, error) {
	q := "SELECT " + runColumns + " FROM runs ORDER BY id DESC"
	var args []any
	if limit > 0 {
		q += " LIMIT ?"
		args = append(args, limit)
	}
	rows, err := s.db.QueryContext(ctx, s.dialect.rebind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
