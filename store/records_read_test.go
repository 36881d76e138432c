package store

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
)

// ingestRecordList ingests recs as the file name, whose content is told
// apart by content.
func ingestRecordList(t *testing.T, s *Store, name, content string, recs ...records.Record) Result {
	t.Helper()
	res, err := s.IngestRecords(context.Background(), File{Name: name, SHA256: sum([]byte(name + "\x00" + content))},
		func(each func(*records.Record) error) (int, error) {
			for i := range recs {
				if err := each(&recs[i]); err != nil {
					return 0, err
				}
			}
			return 0, nil
		})
	require.NoError(t, err)
	require.False(t, res.Already || res.Skipped)
	return res
}

// collectRecords drains Records.
func collectRecords(t *testing.T, s *Store, f RecordFilter) []records.Record {
	t.Helper()
	var out []records.Record
	for r, err := range s.Records(context.Background(), f) {
		require.NoError(t, err)
		out = append(out, r)
	}
	return out
}

func ids(recs []records.Record) []string {
	out := []string{}
	for _, r := range recs {
		out = append(out, fmt.Sprintf("%s@%s", r.ID, r.Source))
	}
	return out
}

// assertSameRecord checks that every field came back as it went in: the
// amount as the same value, with the digits the store wrote
// (payment.FormatAmount), the creation time at the same instant and offset.
func assertSameRecord(t *testing.T, want, got records.Record) {
	t.Helper()
	assert.Equal(t, payment.FormatAmount(want.Amount, want.Currency), got.Amount.StringFixed(-got.Amount.Exponent()), "amount, as stored")
	assert.True(t, want.Amount.Equal(got.Amount), "amount %s, got %s", want.Amount, got.Amount)
	assert.True(t, want.CreatedAt.Equal(got.CreatedAt), "created_at %s, got %s", want.CreatedAt, got.CreatedAt)
	_, wantOff := want.CreatedAt.Zone()
	_, gotOff := got.CreatedAt.Zone()
	assert.Equal(t, wantOff, gotOff, "offset from UTC")
	assert.Equal(t, want.CreatedAt.Format(time.RFC3339Nano), got.CreatedAt.Format(time.RFC3339Nano))
	want.Amount, got.Amount, want.CreatedAt, got.CreatedAt = decimal.Zero, decimal.Zero, time.Time{}, time.Time{}
	assert.Equal(t, want, got)
}

func TestFindRecordRoundTrips(t *testing.T) {
	newYork, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	base := records.Record{ID: "DEP-1", CustomerID: "CUS-1", Type: records.Deposit, Rail: records.RailACH,
		Amount: decimal.RequireFromString("2500.00"), Currency: "USD", Status: records.StatusReturned,
		Reference: "DEP-1", AccountLast4: "9381", Name: "Maria Gonzalez", Source: payment.Source{File: "exports/records.csv", Line: 2},
		CreatedAt: time.Date(2026, 11, 9, 9, 12, 4, 0, newYork)}
	tests := []struct {
		name string
		edit func(*records.Record)
		// source is what comes back as the record's source; its own when "".
		source payment.Source
	}{
		{name: "as read", edit: func(*records.Record) {}},
		{name: "a zone east of UTC, with nanoseconds", edit: func(r *records.Record) {
			r.CreatedAt = time.Date(2026, 11, 9, 23, 59, 59, 123456789, time.FixedZone("", 5*3600+1800))
		}},
		{name: "UTC", edit: func(r *records.Record) { r.CreatedAt = time.Date(2026, 11, 9, 14, 0, 0, 0, time.UTC) }},
		{name: "no creation time", edit: func(r *records.Record) { r.CreatedAt = time.Time{} }},
		{name: "finer than cents", edit: func(r *records.Record) { r.Amount = decimal.RequireFromString("0.125") }},
		{name: "no minor units", edit: func(r *records.Record) {
			r.Amount, r.Currency = decimal.RequireFromString("150000"), "JPY"
		}},
		{name: "a withdrawal by wire, every text column", edit: func(r *records.Record) {
			r.Type, r.Rail, r.Status, r.Reference, r.AccountLast4, r.Name = records.Withdrawal, records.RailWire, "on hold", "E2E-Ünïcode", "", "O'Brien, Seán"
		}},
		{name: "no source file: the ingest's name", edit: func(r *records.Record) { r.Source = payment.Source{Line: 7} },
			source: payment.Source{File: "inbox/records.jsonl", Line: 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := openTemp(t)
			rec := base
			tt.edit(&rec)
			ingestRecordList(t, s, "inbox/records.jsonl", "", rec)
			got, err := s.FindRecord(context.Background(), "DEP-1")
			require.NoError(t, err)
			require.Len(t, got, 1)
			want := rec
			if tt.source != (payment.Source{}) {
				want.Source = tt.source
			}
			assertSameRecord(t, want, got[0])
		})
	}
}

func TestFindRecordFixtures(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	const file = "../fixtures/records/records.csv"
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	var read []records.Record
	for r, err := range records.Read(f, file, nil) {
		if err == nil {
			read = append(read, *r)
		}
	}
	require.NotEmpty(t, read)
	_, err = s.IngestRecords(ctx, File{Name: file, SHA256: sum(b)}, func(each func(*records.Record) error) (int, error) {
		for i := range read {
			r := read[i]
			if err := each(&r); err != nil {
				return 0, err
			}
		}
		return 0, nil
	})
	require.NoError(t, err)
	for _, want := range read {
		got, err := s.FindRecord(ctx, want.ID)
		require.NoError(t, err)
		var same []records.Record
		for _, g := range got {
			if g.Source == want.Source {
				same = append(same, g)
			}
		}
		require.Len(t, same, 1, want.ID)
		assertSameRecord(t, want, same[0])
	}
	all := collectRecords(t, s, RecordFilter{})
	require.Len(t, all, len(read))
	for i := range read {
		assertSameRecord(t, read[i], all[i])
	}
}

func TestFindRecordLatestIngestWins(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 9, 9, 0, 0, 0, time.FixedZone("", -5*3600))
	rec := func(id, status, file string, line int) records.Record {
		return records.Record{ID: id, Type: records.Deposit, Rail: records.RailACH, Amount: decimal.NewFromInt(10), Currency: "USD",
			CreatedAt: at, Status: status, Reference: id, Source: payment.Source{File: file, Line: line}}
	}
	s, _ := openTemp(t)
	ingestRecordList(t, s, "records-1109.csv", "", rec("DEP-1", "pending", "records-1109.csv", 2), rec("DEP-2", "pending", "records-1109.csv", 3))
	ingestRecordList(t, s, "records-1110.csv", "", rec("DEP-1", "completed", "records-1110.csv", 2))
	// A later file with the id twice: both rows are the current version.
	ingestRecordList(t, s, "records-1111.csv", "", rec("DEP-1", "returned", "records-1111.csv", 2), rec("DEP-3", "pending", "records-1111.csv", 3),
		rec("DEP-1", "returned", "records-1111.csv", 4))
	// The same name, other content: a new ingest, and the newest version.
	ingestRecordList(t, s, "records-1109.csv", "changed", rec("DEP-2", "completed", "records-1109.csv", 3))

	tests := []struct {
		id       string
		statuses []string
		sources  []string
	}{
		{id: "DEP-1", statuses: []string{"returned", "returned"}, sources: []string{"records-1111.csv:2", "records-1111.csv:4"}},
		{id: "  dep-1 ", statuses: []string{"returned", "returned"}, sources: []string{"records-1111.csv:2", "records-1111.csv:4"}},
		{id: "DEP-2", statuses: []string{"completed"}, sources: []string{"records-1109.csv:3"}},
		{id: "DEP-3", statuses: []string{"pending"}, sources: []string{"records-1111.csv:3"}},
		{id: "DEP-4"},
		{id: "  "},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, err := s.FindRecord(ctx, tt.id)
			require.NoError(t, err)
			var statuses, sources []string
			for _, r := range got {
				statuses, sources = append(statuses, r.Status), append(sources, r.Source.String())
			}
			assert.Equal(t, tt.statuses, statuses)
			assert.Equal(t, tt.sources, sources)
		})
	}
	// Records gives only current versions too, in the order stored.
	assert.Equal(t, []string{"DEP-1@records-1111.csv:2", "DEP-3@records-1111.csv:3", "DEP-1@records-1111.csv:4", "DEP-2@records-1109.csv:3"},
		ids(collectRecords(t, s, RecordFilter{})))
}

func TestFindRecordCaseAside(t *testing.T) {
	s, _ := openTemp(t)
	at := time.Date(2026, 11, 9, 9, 0, 0, 0, time.UTC)
	ingestRecordList(t, s, "r.csv", "",
		records.Record{ID: "Wir-Mixed-1", Type: records.Withdrawal, Amount: decimal.NewFromInt(1), Currency: "USD", CreatedAt: at, Source: payment.Source{File: "r.csv", Line: 2}},
		records.Record{ID: "crd-lower-1", Type: records.Deposit, Amount: decimal.NewFromInt(1), Currency: "USD", CreatedAt: at, Source: payment.Source{File: "r.csv", Line: 3}})
	for _, id := range []string{"Wir-Mixed-1", "WIR-MIXED-1", "wir-mixed-1", "wIR-mIXED-1", "crd-lower-1", "CRD-LOWER-1", "Crd-Lower-1"} {
		t.Run(id, func(t *testing.T) {
			got, err := s.FindRecord(context.Background(), id)
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.True(t, sameID(id, got[0].ID))
		})
	}
}

func sameID(a, b string) bool { return NormalizeRef(a) == NormalizeRef(b) }

func TestRecordsFilter(t *testing.T) {
	s, _ := openTemp(t)
	eastern := time.FixedZone("", -5*3600)
	rec := func(id, ref string, created time.Time, line int) records.Record {
		return records.Record{ID: id, Type: records.Deposit, Amount: decimal.NewFromInt(1), Currency: "USD",
			CreatedAt: created, Reference: ref, Source: payment.Source{File: "r.csv", Line: line}}
	}
	ingestRecordList(t, s, "r.csv", "",
		rec("A", "TRACE-A", time.Date(2026, 11, 8, 23, 30, 0, 0, eastern), 2), // 2026-11-09 in UTC; the 8th as written
		rec("B", "uetr-b", time.Date(2026, 11, 9, 0, 0, 0, 0, eastern), 3),
		rec("C", "", time.Date(2026, 11, 10, 23, 59, 59, 0, time.UTC), 4),
		rec("D", "C", time.Date(2026, 11, 11, 0, 0, 0, 0, time.FixedZone("", 9*3600)), 5),
		rec("E", "", time.Time{}, 6))
	day := func(d int) payment.Date { return payment.NewDate(2026, 11, d) }
	tests := []struct {
		name string
		f    RecordFilter
		want []string
	}{
		{name: "every record", want: []string{"A", "B", "C", "D", "E"}},
		{name: "from the 9th", f: RecordFilter{From: day(9)}, want: []string{"B", "C", "D"}},
		{name: "to the 10th", f: RecordFilter{To: day(10)}, want: []string{"A", "B", "C"}},
		{name: "one day", f: RecordFilter{From: day(10), To: day(10)}, want: []string{"C"}},
		{name: "no day", f: RecordFilter{From: day(12), To: day(20)}, want: nil},
		{name: "by id or reference, case aside", f: RecordFilter{Refs: []string{" trace-a", "UETR-B", "c"}}, want: []string{"A", "B", "C", "D"}},
		{name: "refs and days", f: RecordFilter{From: day(11), Refs: []string{"c"}}, want: []string{"D"}},
		{name: "blank refs", f: RecordFilter{Refs: []string{" ", ""}}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range collectRecords(t, s, tt.f) {
				got = append(got, r.ID)
			}
			assert.Equal(t, tt.want, got)
		})
	}
	// Stopping early is fine.
	for range s.Records(context.Background(), RecordFilter{}) {
		break
	}
}

func TestRefVariants(t *testing.T) {
	tests := []struct {
		in   string
		want []any
	}{
		{in: " DEP-1 ", want: []any{"DEP-1", "dep-1"}},
		{in: "dep-1", want: []any{"dep-1", "DEP-1"}},
		{in: "Dep-1", want: []any{"Dep-1", "DEP-1", "dep-1"}},
		{in: "12345", want: []any{"12345"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, refVariants(tt.in), tt.in)
	}
}
