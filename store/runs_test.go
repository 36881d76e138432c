package store

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRecordRunAndLastRun(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, dsn string) {
		_, _, ok, err := s.LastRun(ctx)
		require.NoError(t, err)
		assert.False(t, ok, "no run yet")

		first := Run{
			StartedAt: testNow, FinishedAt: testNow.Add(time.Second), Version: "v1.2.3", AsOf: "2026-11-24",
			Options: `{"window":3}`, RecordsFile: "records.csv", RecordsSHA256: sum([]byte("records 1")),
			Records: 10, Events: 20, Breaks: 2,
			Inputs: []RunInput{
				{File: "history.db", Kind: KindStore, Count: 18},
				{File: "records.csv", SHA256: sum([]byte("records 1")), Kind: KindRecords},
				{File: "today.ach", SHA256: sum([]byte("today")), Kind: KindEvents},
			},
		}
		breaks1 := []Break{
			{RecordID: "DEP-1", Status: "missing", Why: "no payment found"},
			{Source: "today.ach:3", Status: "unexpected", Why: "no record claims this payment"},
		}
		id1, err := s.RecordRun(ctx, first, breaks1)
		require.NoError(t, err)
		assert.Equal(t, int64(1), id1)

		second := first
		second.AsOf, second.RecordsSHA256, second.Breaks = "2026-11-25", sum([]byte("records 2")), 1
		second.Inputs = []RunInput{{File: "history.db", Kind: KindStore, Count: 20}, {File: "records.csv", SHA256: sum([]byte("records 2")), Kind: KindRecords}}
		breaks2 := []Break{{RecordID: "DEP-2", Status: "amount_mismatch", Why: "the payment is 10.00, the record 11.00"}}
		id2, err := s.RecordRun(ctx, second, breaks2)
		require.NoError(t, err)
		assert.Equal(t, int64(2), id2)

		// Reopened: the runs are kept.
		require.NoError(t, s.Close())
		s, err = Open(ctx, dsn)
		require.NoError(t, err)
		defer s.Close()

		last, breaks, ok, err := s.LastRun(ctx)
		require.NoError(t, err)
		require.True(t, ok)
		second.ID = 2
		second.StartedAt, second.FinishedAt = testNow.UTC(), testNow.Add(time.Second).UTC()
		assert.Equal(t, second, last)
		assert.Equal(t, breaks2, breaks)
		assert.Equal(t, "DEP-2", breaks[0].Key())

		run1, got1, err := s.Run(ctx, 1)
		require.NoError(t, err)
		assert.Equal(t, first.Inputs, run1.Inputs, "the manifest keeps every input with its hash")
		assert.Equal(t, sum([]byte("today")), run1.Inputs[2].SHA256)
		assert.Equal(t, breaks1, got1)
		assert.Equal(t, "today.ach:3", got1[1].Key())

		_, _, err = s.Run(ctx, 3)
		assert.ErrorIs(t, err, ErrNoRun)
	})
}

func TestRecordRunIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		_, err := s.RecordRun(cancelled, Run{StartedAt: testNow, FinishedAt: testNow}, []Break{{RecordID: "X", Status: "missing"}})
		require.Error(t, err)
		var n int
		require.NoError(t, s.db.QueryRowContext(ctx, "SELECT (SELECT COUNT(*) FROM runs) + (SELECT COUNT(*) FROM run_breaks)").Scan(&n))
		assert.Zero(t, n)
	})
}
