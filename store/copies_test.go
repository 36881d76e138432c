package store

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

// TestIngestCopy ingests a NACHA file, then the same file with CRLF line
// endings under another name (as an ASCII-mode transfer leaves it): the
// copy is recognized, recorded with its original, and stores nothing.
func TestIngestCopy(t *testing.T) {
	ctx := context.Background()
	const name = "../fixtures/ach/2026-11-09-deposits.ach"
	lf, err := os.ReadFile(name)
	require.NoError(t, err)
	crlf := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
	require.NotEqual(t, sum(lf), sum(crlf))
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		first := ingestFile(t, s, name)
		require.Positive(t, first.Count)
		before, err := s.Count(ctx)
		require.NoError(t, err)

		copyFile := File{Name: "inbox/deposits-again.ach", SHA256: sum(crlf)}
		res, err := s.IngestEvents(ctx, copyFile, readFixture(copyFile.Name, crlf))
		require.NoError(t, err)
		require.NotNil(t, res.Original, "a copy in other bytes")
		assert.Equal(t, first.ID, res.Original.ID)
		assert.Equal(t, first.ID, res.CopyOf)
		assert.Equal(t, name, res.Original.File)
		assert.Zero(t, res.Count, "nothing stored")
		after, err := s.Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, before.Events, after.Events)
		assert.Equal(t, before.Refs, after.Refs)
		assert.Equal(t, before.Ingests+1, after.Ingests, "the copy's ingest is recorded")

		// The copy is known by its own hash from now on.
		again, err := s.IngestEvents(ctx, copyFile, readFixture(copyFile.Name, crlf))
		require.NoError(t, err)
		assert.True(t, again.Already)
		assert.Equal(t, first.ID, again.CopyOf)
		require.NotNil(t, again.Original)
		assert.Equal(t, name, again.Original.File)

		ingests, err := s.Ingests(ctx)
		require.NoError(t, err)
		assert.Equal(t, []int64{0, first.ID}, []int64{ingests[0].CopyOf, ingests[1].CopyOf})
	})
}

// TestIngestNotACopy checks what is not a copy: a file with an event more,
// an event less, or an event changed is stored; events in another order
// are still a copy.
func TestIngestNotACopy(t *testing.T) {
	ctx := context.Background()
	gen := func(idx ...int) EventReader {
		return func(each func(*payment.Event) error) (int, error) {
			var ev payment.Event
			for line, i := range idx {
				genEvent(i, &ev)
				ev.Source = payment.Source{File: "x", Line: line + 1}
				if i < 0 { // a changed event: another amount
					genEvent(-i, &ev)
					ev.Amount = ev.Amount.Add(ev.Amount)
				}
				if err := each(&ev); err != nil {
					return 0, err
				}
			}
			return 0, nil
		}
	}
	tests := []struct {
		name   string
		events []int
		isCopy bool
	}{
		{"the same events", []int{1, 2, 3}, true},
		{"in another order", []int{3, 1, 2}, true},
		{"an event more", []int{1, 2, 3, 4}, false},
		{"an event less", []int{1, 2}, false},
		{"an event changed", []int{1, 2, -3}, false},
		{"one event twice", []int{1, 2, 3, 3}, false},
	}
	eachBackend(t, func(t *testing.T, s *Store, _ string) {
		orig, err := s.IngestEvents(ctx, File{Name: "orig.ach", SHA256: sum([]byte("orig"))}, gen(1, 2, 3))
		require.NoError(t, err)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res, err := s.IngestEvents(ctx, File{Name: tt.name, SHA256: sum([]byte(tt.name))}, gen(tt.events...))
				require.NoError(t, err)
				if tt.isCopy {
					require.NotNil(t, res.Original)
					assert.Equal(t, orig.ID, res.Original.ID, "a copy names the original, never another copy")
					assert.Zero(t, res.Count)
					return
				}
				assert.Nil(t, res.Original)
				assert.Equal(t, len(tt.events), res.Count)
			})
		}
	})
}

func TestWithoutSource(t *testing.T) {
	tests := []struct {
		name, js, before, after string
	}{
		{"plain", `{"a":1,"source":{"file":"x.ach","line":3},"ach":{}}`, `{"a":1`, `,"ach":{}}`},
		{"quotes and braces in the name", `{"a":1,"source":{"file":"a\"}b\\","line":12}}`, `{"a":1`, `}`},
		{"no source", `{"a":1}`, `{"a":1}`, ``},
		{"cut short", `{"a":1,"source":{"file":"x`, `{"a":1,"source":{"file":"x`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, a := withoutSource([]byte(tt.js))
			assert.Equal(t, tt.before, string(b))
			assert.Equal(t, tt.after, string(a))
		})
	}
}

func FuzzWithoutSource(f *testing.F) {
	f.Add([]byte(`{"a":1,"source":{"file":"x.ach","line":3},"ach":{}}`))
	f.Add([]byte(`,"source":{"file":"\`))
	f.Fuzz(func(t *testing.T, js []byte) {
		b, a := withoutSource(js)
		if len(b)+len(a) > len(js) || !bytes.HasPrefix(js, b) || !bytes.HasSuffix(js, a) {
			t.Fatalf("withoutSource(%q) = %q, %q", js, b, a)
		}
	})
}

// TestDigestIgnoresSourceOnly checks that the digest of a file's events
// does not change with their sources and does with anything else.
func TestDigestIgnoresSourceOnly(t *testing.T) {
	var ev payment.Event
	digest := func(edit func(*payment.Event)) string {
		genEvent(7, &ev)
		edit(&ev)
		var d eventsDigest
		d.add(ev.AppendJSON(nil))
		return d.String()
	}
	base := digest(func(*payment.Event) {})
	assert.Equal(t, base, digest(func(e *payment.Event) { e.Source = payment.Source{File: `in"box/}x.ach`, Line: 99} }))
	for _, edit := range []func(*payment.Event){
		func(e *payment.Event) { e.Refs.Trace = "074012500000008" },
		func(e *payment.Event) { e.Party.Name = "SOMEONE ELSE" },
		func(e *payment.Event) { e.ACH.BatchNumber++ },
	} {
		assert.NotEqual(t, base, digest(edit))
	}
}
