package store

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPreviousRunAndRuns(t *testing.T) {
	ctx := context.Background()
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		runs, err := s.Runs(ctx, 0)
		require.NoError(t, err)
		assert.Empty(t, runs)

		add := func(records, options string, breaks ...Break) int64 {
			id, err := s.RecordRun(ctx, Run{StartedAt: testNow, FinishedAt: testNow.Add(time.Second), AsOf: "2026-11-24",
				Options: options, RecordsFile: records, Breaks: len(breaks)}, breaks)
			require.NoError(t, err)
			return id
		}
		nightly := add("records.csv", `{"window":3}`, Break{RecordID: "DEP-1", Status: "missing"})
		add("records.csv", `{"window":5}`) // other options
		add("other.csv", `{"window":3}`)   // other records
		later := add("records.csv", `{"window":3}`, Break{RecordID: "DEP-2", Status: "missing"})
		add("records.csv", `{"rail":["ach"]}`) // other options again

		tests := []struct {
			name, records, options string
			want                   int64
			breaks                 []Break
		}{
			{"the latest of the same", "records.csv", `{"window":3}`, later, []Break{{RecordID: "DEP-2", Status: "missing"}}},
			{"other options", "records.csv", `{"window":5}`, 2, nil},
			{"never run", "records.csv", `{"window":9}`, 0, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r, breaks, ok, err := s.PreviousRun(ctx, tt.records, tt.options)
				require.NoError(t, err)
				assert.Equal(t, tt.want != 0, ok)
				assert.Equal(t, tt.want, r.ID)
				assert.Equal(t, tt.breaks, breaks)
			})
		}
		assert.NotEqual(t, nightly, later)

		runs, err = s.Runs(ctx, 2)
		require.NoError(t, err)
		require.Len(t, runs, 2)
		assert.Equal(t, []int64{5, 4}, []int64{runs[0].ID, runs[1].ID}, "newest first")
		assert.Equal(t, testNow.UTC(), runs[1].StartedAt)
		assert.Equal(t, 1, runs[1].Breaks)
		all, err := s.Runs(ctx, 0)
		require.NoError(t, err)
		assert.Len(t, all, 5)
	})
}
