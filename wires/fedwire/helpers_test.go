package fedwire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

const fixturesDir = "../../fixtures/wires/fedwire"

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

// readAll reads r to the end, failing the test on a panic, an error that
// is not a *payment.Problem naming the file, a pair with neither or both
// an event and an error, and an event that is not a well-formed Fedwire
// event of file name.
func readAll(t testing.TB, r io.Reader, name string) (res readResult) {
	t.Helper()
	defer func() {
		if v := recover(); v != nil {
			t.Fatalf("%s: Read panicked: %v\n%s", name, v, debug.Stack())
		}
	}()
	for ev, err := range Read(r, name) {
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
			res.problems = append(res.problems, p)
			continue
		}
		checkEvent(t, ev, name)
		res.events = append(res.events, ev)
	}
	return res
}

// checkEvent checks what holds for every event Read gives.
func checkEvent(t testing.TB, ev *payment.Event, name string) {
	t.Helper()
	where := fmt.Sprintf("%s:%d", name, ev.Source.Line)
	switch {
	case ev.Rail != payment.RailWire:
		t.Fatalf("%s: rail %q", where, ev.Rail)
	case ev.Format != Format:
		t.Fatalf("%s: format %q", where, ev.Format)
	case ev.Kind == "":
		t.Fatalf("%s: no kind", where)
	case ev.Source.File != name:
		t.Fatalf("event names file %q, want %q", ev.Source.File, name)
	case ev.Source.Line < 1:
		t.Fatalf("%s: event at line %d", name, ev.Source.Line)
	case ev.Wire == nil:
		t.Fatalf("%s: no wire detail", where)
	case ev.Wire.Network != Network:
		t.Fatalf("%s: network %q", where, ev.Wire.Network)
	case !strings.HasPrefix(ev.Wire.MessageType, "fedwire "+ev.Wire.TypeSubtype):
		t.Fatalf("%s: message type %q, type/subtype %q", where, ev.Wire.MessageType, ev.Wire.TypeSubtype)
	case ev.Amount.IsNegative():
		t.Fatalf("%s: negative amount %s", where, ev.Amount)
	case ev.Amount.Exponent() < -2:
		t.Fatalf("%s: amount %s has more than 2 decimals", where, ev.Amount)
	case ev.Currency != "USD":
		t.Fatalf("%s: currency %q", where, ev.Currency)
	case ev.Direction != payment.Credit && ev.Direction != payment.Debit:
		t.Fatalf("%s: direction %q", where, ev.Direction)
	case ev.Refs.IMAD != "" && !IsIMAD(ev.Refs.IMAD):
		t.Fatalf("%s: IMAD %q", where, ev.Refs.IMAD)
	case ev.Refs.OriginalIMAD != "" && !IsIMAD(ev.Refs.OriginalIMAD):
		t.Fatalf("%s: original IMAD %q", where, ev.Refs.OriginalIMAD)
	case !ev.SettlementDate.IsZero() && ev.SettlementDate != ev.Wire.CycleDate:
		t.Fatalf("%s: settlement date %v, cycle date %v", where, ev.SettlementDate, ev.Wire.CycleDate)
	}
	js := ev.AppendJSON(nil)
	if !json.Valid(js) {
		t.Fatalf("%s: invalid JSON %s", where, js)
	}
}

// readFixture reads a fixture by its path under fixtures/wires/fedwire;
// name is the path as given.
func readFixture(t testing.TB, path string) readResult {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixturesDir, path))
	require.NoError(t, err)
	return readAll(t, bytes.NewReader(data), path)
}

// readText reads s under name.
func readText(t testing.TB, s, name string) readResult {
	t.Helper()
	return readAll(t, strings.NewReader(s), name)
}

// messages returns the problems' texts.
func messages(ps []*payment.Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Error()
	}
	return out
}
