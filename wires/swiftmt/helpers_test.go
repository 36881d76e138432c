package swiftmt

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

const fixturesDir = "../../fixtures/wires/swift"

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

// messages returns the problems as "file:line: message" texts.
func messages(ps []*payment.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return out
}

// readMT reads r to the end, failing the test on a panic, an error that
// is not a *payment.Problem naming the file, a pair with neither or both
// an event and an error, and an event that is not a well-formed SWIFT
// event of file name.
func readMT(t testing.TB, r io.Reader, name string) (res readResult) {
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
				t.Fatalf("%s: a problem without a message", name)
			}
			res.problems = append(res.problems, p)
			continue
		}
		checkEvent(t, ev, name)
		res.events = append(res.events, ev)
	}
	return res
}

// readString reads the text s as a file called name.
func readString(t testing.TB, s, name string) readResult {
	t.Helper()
	return readMT(t, strings.NewReader(s), name)
}

// readFile reads a fixture.
func readFile(t testing.TB, file string) readResult {
	t.Helper()
	f, err := os.Open(filepath.Join(fixturesDir, file))
	require.NoError(t, err)
	defer f.Close()
	return readMT(t, f, file)
}

// knownFormats are the formats an event may have besides "mt" and a
// number.
var knownFormats = []string{FormatMT103, FormatMT202, FormatMT202COV, FormatMT199, FormatMT299, FormatMT900, FormatMT910, FormatNAK}

// checkEvent checks what holds for every event the reader gives.
func checkEvent(t testing.TB, ev *payment.Event, name string) {
	t.Helper()
	at := func() string { return ev.Source.String() }
	switch {
	case ev.Rail != payment.RailWire:
		t.Fatalf("%s: rail %q", at(), ev.Rail)
	case ev.Kind == "":
		t.Fatalf("%s: no kind", at())
	case ev.Source.File != name:
		t.Fatalf("event names file %q, want %q", ev.Source.File, name)
	case ev.Source.Line < 1:
		t.Fatalf("%s: event at line %d", name, ev.Source.Line)
	case ev.Wire == nil:
		t.Fatalf("%s: no wire detail", at())
	case ev.Wire.Network != Network:
		t.Fatalf("%s: network %q", at(), ev.Wire.Network)
	case !slices.Contains(knownFormats, ev.Format) && !(len(ev.Format) == 5 && strings.HasPrefix(ev.Format, "mt") && allDigits(ev.Format[2:])):
		t.Fatalf("%s: format %q", at(), ev.Format)
	case ev.Amount.IsNegative():
		t.Fatalf("%s: negative amount %s", at(), ev.Amount)
	case !ev.Amount.IsZero() && (len(ev.Currency) != 3 || strings.ToUpper(ev.Currency) != ev.Currency):
		t.Fatalf("%s: currency %q", at(), ev.Currency)
	case ev.Direction != payment.Credit && ev.Direction != payment.Debit:
		t.Fatalf("%s: direction %q", at(), ev.Direction)
	case ev.Refs.UETR != strings.ToLower(ev.Refs.UETR) || ev.Refs.OriginalUETR != strings.ToLower(ev.Refs.OriginalUETR):
		t.Fatalf("%s: UETR not in lower case: %q %q", at(), ev.Refs.UETR, ev.Refs.OriginalUETR)
	case ev.Kind != payment.KindAdvice && ev.Format != FormatNAK && ev.Refs.SenderReference == "":
		t.Fatalf("%s: no sender's reference", at())
	}
	js := ev.AppendJSON(nil)
	if !json.Valid(js) {
		t.Fatalf("%s: invalid JSON %s", at(), js)
	}
}

// readFixtureBytes returns a fixture's content.
func readFixtureBytes(t testing.TB, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixturesDir, file))
	require.NoError(t, err)
	return data
}
