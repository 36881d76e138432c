package ach

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/payinv/payinv/payment"
)

// readResult is everything a Reader handed out for one input.
type readResult struct {
	records  []Record
	entries  []*Entry
	problems []*payment.Problem
}

// problemAt reports whether a problem was reported at line.
func (r readResult) problemAt(line int) bool {
	for _, p := range r.problems {
		if p.Source.Line == line {
			return true
		}
	}
	return false
}

func (r readResult) String() string {
	var b strings.Builder
	for _, p := range r.problems {
		fmt.Fprintf(&b, "\n  %s", p.Error())
	}
	return b.String()
}

// readLimit bounds how many items a Reader may hand out for an input of
// this size before the test calls it a runaway: every physical record gives
// at most a few records and problems.
func readLimit(data []byte) int {
	return 16 * (bytes.Count(data, []byte{'\n'}) + len(data)/RecordLength + 4)
}

// readBytes reads data to the end with NewReader, failing the test on a
// panic, on an error that is not a *payment.Problem and on a reader that
// does not stop.
func readBytes(t testing.TB, data []byte, name string) (res readResult) {
	t.Helper()
	defer func() {
		if v := recover(); v != nil {
			t.Fatalf("%s: reader panicked: %v\n%s", name, v, debug.Stack())
		}
	}()
	r := NewReader(bytes.NewReader(data), name)
	limit := readLimit(data)
	for n := 0; ; n++ {
		if n > limit {
			t.Fatalf("%s: reader does not terminate: more than %d items for %d bytes", name, limit, len(data))
		}
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var p *payment.Problem
			if !errors.As(err, &p) {
				t.Fatalf("%s: Next returned %T %v, want *payment.Problem", name, err, err)
			}
			res.problems = append(res.problems, p)
			continue
		}
		if rec == nil {
			t.Fatalf("%s: Next returned a nil record and a nil error", name)
		}
		res.records = append(res.records, rec)
		if e, ok := rec.(*Entry); ok {
			res.entries = append(res.entries, e)
		}
	}
	// The end is sticky.
	if rec, err := r.Next(); err != io.EOF || rec != nil {
		t.Fatalf("%s: Next after io.EOF returned %v, %v", name, rec, err)
	}
	return res
}

// problemWant is a problem a reader must report: its line, a piece of its
// message and whether it is a warning.
type problemWant struct {
	line    int
	text    string
	warning bool
}

// assertProblems checks that every problem reported matches one of want
// and that every want is matched by at least one problem.
func assertProblems(t *testing.T, got []*payment.Problem, want []problemWant) {
	t.Helper()
	matched := make([]bool, len(want))
	for _, p := range got {
		ok := false
		for i, w := range want {
			if p.Source.Line == w.line && p.Warning == w.warning && strings.Contains(p.Message, w.text) {
				matched[i], ok = true, true
			}
		}
		assert.Truef(t, ok, "unexpected problem: %s (warning=%v)", p.Error(), p.Warning)
	}
	for i, w := range want {
		kind := "error"
		if w.warning {
			kind = "warning"
		}
		assert.Truef(t, matched[i], "missing %s at line %d containing %q; got:%s", kind, w.line, w.text, readResult{problems: got})
	}
}

// entryLines returns the lines of the entries read.
func entryLines(entries []*Entry) []int {
	out := make([]int, len(entries))
	for i, e := range entries {
		out[i] = e.Source.Line
	}
	return out
}

// mustDate parses YYYY-MM-DD; "" is the zero Date.
func mustDate(t testing.TB, s string) payment.Date {
	t.Helper()
	if s == "" {
		return payment.Date{}
	}
	d, err := payment.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
