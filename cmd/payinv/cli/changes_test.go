package cli

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/payinv/payinv/store"
)

func TestCompareRuns(t *testing.T) {
	prev := &store.Run{ID: 7, AsOf: "2026-11-24"}
	missing := store.Break{RecordID: "DEP-1", Status: "missing", Why: "no payment"}
	story := store.Break{Source: "bank.ach:4", Status: "unexpected", Why: "no record claims this payment"}
	now := map[string]string{"DEP-1": "matched"}
	tests := []struct {
		name            string
		prev            *store.Run
		before, after   []store.Break
		want            []breakChange
		unchanged       int
		needsSomeone    bool
		newN, resolvedN int
	}{
		{name: "first run: every break is new", after: []store.Break{missing, story},
			want: []breakChange{{change: changeNew, now: missing}, {change: changeNew, now: story}}, needsSomeone: true, newN: 2},
		{name: "nothing changed", prev: prev, before: []store.Break{missing, story}, after: []store.Break{missing, story}, unchanged: 2},
		{name: "status changed", prev: prev, before: []store.Break{missing},
			after: []store.Break{{RecordID: "DEP-1", Status: "amount_mismatch", Why: "10.00 against 11.00"}},
			want:  []breakChange{{change: changeChanged, now: store.Break{RecordID: "DEP-1", Status: "amount_mismatch", Why: "10.00 against 11.00"}, previous: "missing"}}, needsSomeone: true},
		{name: "resolved record and claimed story", prev: prev, before: []store.Break{missing, story},
			want: []breakChange{
				{change: changeResolved, now: store.Break{RecordID: "DEP-1", Status: "matched", Why: "no longer a break; was: no payment"}, previous: "missing"},
				{change: changeResolved, now: store.Break{Source: "bank.ach:4", Status: "claimed", Why: "a record now claims it; was: no record claims this payment"}, previous: "unexpected"},
			}, resolvedN: 2},
		{name: "record gone", prev: prev, before: []store.Break{{RecordID: "DEP-9", Status: "missing", Why: "no payment"}},
			want: []breakChange{{change: changeResolved, now: store.Break{RecordID: "DEP-9", Why: "the record is no longer among the records reconciled; was: no payment"}, previous: "missing"}}, resolvedN: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := compareRuns(8, tt.prev, tt.before, tt.after, func(id string) string { return now[id] })
			assert.Equal(t, tt.want, c.changes)
			assert.Equal(t, tt.unchanged, c.unchanged)
			assert.Equal(t, tt.needsSomeone, c.needsSomeone())
			assert.Equal(t, tt.newN, c.count(changeNew))
			assert.Equal(t, tt.resolvedN, c.count(changeResolved))
		})
	}
}
