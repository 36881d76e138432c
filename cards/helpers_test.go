package cards

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

const fixturesDir = "../fixtures/cards"

// readResult is everything one Read handed out.
type readResult struct {
	events   []*payment.Event
	problems []*payment.Problem // errors and warnings, in order
}

// errs returns the problems that are not warnings.
func (r readResult) errs() []*payment.Problem {
	var out []*payment.Problem
	for _, p := range r.problems {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// warnings returns the warnings.
func (r readResult) warnings() []*payment.Problem {
	var out []*payment.Problem
	for _, p := range r.problems {
		if p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// errLines returns the lines of the problems that are not warnings.
func (r readResult) errLines() []int {
	var out []int
	for _, p := range r.errs() {
		out = append(out, p.Source.Line)
	}
	return out
}

// readCards reads r to the end, failing the test on a panic, an error
// that is not a *payment.Problem naming the file, a pair with neither or
// both an event and an error, and an event that is not a well-formed card
// event of file name.
func readCards(t testing.TB, r io.Reader, name string, opts Options) (res readResult) {
	t.Helper()
	defer func() {
		if v := recover(); v != nil {
			t.Fatalf("%s: Read panicked: %v\n%s", name, v, debug.Stack())
		}
	}()
	for ev, err := range Read(r, name, opts) {
		if (ev == nil) == (err == nil) {
			t.Fatalf("%s: Read yielded event %v and error %v", name, ev, err)
		}
		if err != nil {
			var p *payment.Problem
			if !errors.As(err, &p) {
				t.Fatalf("%s: error %v (%T) is not a *payment.Problem", name, err, err)
			}
			if p.Source.File != name {
				t.Fatalf("problem %q names file %q, want %q", p.Error(), p.Source.File, name)
			}
			if pan := findFullPAN(p.Message); pan != "" {
				t.Fatalf("problem %q shows the card number %q", p.Error(), pan)
			}
			res.problems = append(res.problems, p)
			continue
		}
		checkEvent(t, ev, name)
		res.events = append(res.events, ev)
	}
	return res
}

// checkEvent checks what holds for every event the readers give.
func checkEvent(t testing.TB, ev *payment.Event, name string) {
	t.Helper()
	switch {
	case ev.Rail != payment.RailCard:
		t.Fatalf("%s:%d: rail %q", name, ev.Source.Line, ev.Rail)
	case ev.Kind == "":
		t.Fatalf("%s:%d: no kind", name, ev.Source.Line)
	case ev.Source.File != name:
		t.Fatalf("event names file %q, want %q", ev.Source.File, name)
	case ev.Source.Line < 2:
		t.Fatalf("%s: event at line %d (the header is line 1 or later)", name, ev.Source.Line)
	case ev.Card == nil:
		t.Fatalf("%s:%d: no card detail", name, ev.Source.Line)
	case ev.Format == "" || ev.Card.Report != ev.Format:
		t.Fatalf("%s:%d: format %q, report %q", name, ev.Source.Line, ev.Format, ev.Card.Report)
	case ev.Amount.IsNegative():
		t.Fatalf("%s:%d: negative amount %s", name, ev.Source.Line, ev.Amount)
	case len(ev.Currency) != 3 || strings.ToUpper(ev.Currency) != ev.Currency:
		t.Fatalf("%s:%d: currency %q", name, ev.Source.Line, ev.Currency)
	case ev.Direction != payment.Credit && ev.Direction != payment.Debit:
		t.Fatalf("%s:%d: direction %q", name, ev.Source.Line, ev.Direction)
	}
	js := ev.AppendJSON(nil)
	if !json.Valid(js) {
		t.Fatalf("%s:%d: invalid JSON %s", name, ev.Source.Line, js)
	}
	if pan := findFullPAN(string(js)); pan != "" {
		t.Fatalf("%s:%d: a full card number %q in the event's JSON: %s", name, ev.Source.Line, pan, js)
	}
}

// findFullPAN returns a card number in s, found independently of the
// reader's own scanner: every run of digits, and every sequence of digit
// groups of 3 to 8 joined by one blank or hyphen, of 13 to 19 digits,
// starting with 2–6 and passing the Luhn check. "" when there is none.
func findFullPAN(s string) string {
	isD := func(c byte) bool { return c >= '0' && c <= '9' }
	ok := func(d string) bool {
		if len(d) < 13 || len(d) > 19 || d[0] < '2' || d[0] > '6' {
			return false
		}
		sum := 0
		for i := 0; i < len(d); i++ {
			v := int(d[len(d)-1-i] - '0')
			if i%2 == 1 {
				v *= 2
				if v > 9 {
					v -= 9
				}
			}
			sum += v
		}
		return sum%10 == 0
	}
	// Split s into groups of digits and what separates them.
	type grp struct {
		digits string
		joined bool // joined to the previous group by one blank or hyphen
	}
	var groups []grp
	for i := 0; i < len(s); {
		if !isD(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isD(s[j]) {
			j++
		}
		joined := i >= 2 && (s[i-1] == ' ' || s[i-1] == '-') && isD(s[i-2])
		groups = append(groups, grp{s[i:j], joined})
		i = j
	}
	for a := range groups {
		if ok(groups[a].digits) {
			return groups[a].digits
		}
		d := ""
		for b := a; b < len(groups); b++ {
			if b > a && !groups[b].joined {
				break
			}
			if n := len(groups[b].digits); n < 3 || n > 8 {
				break
			}
			d += groups[b].digits
			if len(d) > 19 {
				break
			}
			if b > a && ok(d) {
				return d
			}
		}
	}
	return ""
}

// readFile reads a fixture by its path under fixtures/cards; name is the
// path as given.
func readFile(t testing.TB, path string, opts Options) readResult {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixturesDir, path))
	require.NoError(t, err)
	return readCards(t, bytes.NewReader(data), path, opts)
}

// readText reads s under name.
func readText(t testing.TB, s, name string, opts Options) readResult {
	t.Helper()
	return readCards(t, strings.NewReader(s), name, opts)
}

// worldpayMapping loads the shipped sample mapping.
func worldpayMapping(t testing.TB) *Mapping {
	t.Helper()
	m, err := LoadMapping(filepath.Join(fixturesDir, "maps", "worldpay-like.yaml"))
	require.NoError(t, err)
	return m
}

// messages returns the problems' messages.
func messages(ps []*payment.Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Error()
	}
	return out
}
