package iso20022

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

const fixturesDir = "../../fixtures/wires/iso"

// readResult is everything one Read handed out.
type readResult struct {
	events   []*payment.Event
	problems []*payment.Problem // errors and warnings, in order
}

// readISO reads r to the end, failing the test on a panic, an error that
// is not a *payment.Problem naming the file, a pair with neither or both
// an event and an error, and an event that is not a well-formed wire event
// of file name.
func readISO(t testing.TB, r io.Reader, name string) (res readResult) {
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
			if p.Message == "" {
				t.Fatalf("%s: problem without a message", name)
			}
			res.problems = append(res.problems, p)
			continue
		}
		checkEvent(t, ev, name)
		res.events = append(res.events, ev)
	}
	return res
}

// checkEvent checks what holds for every event the reader gives.
func checkEvent(t testing.TB, ev *payment.Event, name string) {
	t.Helper()
	switch {
	case ev.Rail != payment.RailWire:
		t.Fatalf("%s:%d: rail %q", name, ev.Source.Line, ev.Rail)
	case ev.Kind == "":
		t.Fatalf("%s:%d: no kind", name, ev.Source.Line)
	case ev.Source.File != name:
		t.Fatalf("event names file %q, want %q", ev.Source.File, name)
	case ev.Source.Line < 1:
		t.Fatalf("%s: event at line %d", name, ev.Source.Line)
	case ev.Wire == nil:
		t.Fatalf("%s:%d: no wire detail", name, ev.Source.Line)
	case ev.Format == "" || !strings.HasPrefix(ev.Wire.MessageType, ev.Format):
		t.Fatalf("%s:%d: format %q, message type %q", name, ev.Source.Line, ev.Format, ev.Wire.MessageType)
	case ev.Amount.IsNegative():
		t.Fatalf("%s:%d: negative amount %s", name, ev.Source.Line, ev.Amount)
	case ev.Currency != "" && (len(ev.Currency) != 3 || strings.ToUpper(ev.Currency) != ev.Currency):
		t.Fatalf("%s:%d: currency %q", name, ev.Source.Line, ev.Currency)
	case ev.Currency == "" && !ev.Amount.IsZero():
		t.Fatalf("%s:%d: amount %s without a currency", name, ev.Source.Line, ev.Amount)
	case ev.Direction != payment.Credit && ev.Direction != payment.Debit:
		t.Fatalf("%s:%d: direction %q", name, ev.Source.Line, ev.Direction)
	case ev.Refs.UETR != strings.ToLower(ev.Refs.UETR) || ev.Refs.OriginalUETR != strings.ToLower(ev.Refs.OriginalUETR):
		t.Fatalf("%s:%d: UETR not lower case", name, ev.Source.Line)
	}
	switch ev.Wire.Network {
	case "", networkFedwire, networkCHIPS, networkSWIFT, networkBook:
	default:
		t.Fatalf("%s:%d: network %q", name, ev.Source.Line, ev.Wire.Network)
	}
	js := ev.AppendJSON(nil)
	if !json.Valid(js) {
		t.Fatalf("%s:%d: invalid JSON %s", name, ev.Source.Line, js)
	}
}

// readFile reads a fixture by its path under fixtures/wires/iso; name is
// the path as given.
func readFile(t testing.TB, path string) readResult {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixturesDir, path))
	require.NoError(t, err)
	return readISO(t, bytes.NewReader(data), path)
}

// readText reads s under name.
func readText(t testing.TB, s, name string) readResult {
	t.Helper()
	return readISO(t, strings.NewReader(s), name)
}

// messages returns the problems' texts.
func messages(ps []*payment.Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Error()
	}
	return out
}
