package records

import (
	"errors"
	"io"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

// result is everything one Read handed out.
type result struct {
	records  []*Record
	problems []*payment.Problem // errors and warnings, in order
}

// errors returns the problems that are not warnings.
func (r result) errors() []*payment.Problem {
	var out []*payment.Problem
	for _, p := range r.problems {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// lines returns the lines of the problems that are not warnings.
func (r result) errorLines() []int {
	var out []int
	for _, p := range r.errors() {
		out = append(out, p.Source.Line)
	}
	return out
}

// ids returns the IDs of the records read.
func (r result) ids() []string {
	var out []string
	for _, rec := range r.records {
		out = append(out, rec.ID)
	}
	return out
}

// readAll reads r to the end, failing the test on a panic, on an error
// that is not a *payment.Problem naming the file, and on a pair with
// neither or both a record and an error.
func readAll(t testing.TB, r io.Reader, name string, m *Mapping) (res result) {
	t.Helper()
	defer func() {
		if v := recover(); v != nil {
			t.Fatalf("%s: Read panicked: %v\n%s", name, v, debug.Stack())
		}
	}()
	for rec, err := range Read(r, name, m) {
		if (rec == nil) == (err == nil) {
			t.Fatalf("%s: Read yielded record %v and error %v", name, rec, err)
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
		if rec.Source.File != name {
			t.Fatalf("record %q names file %q, want %q", rec.ID, rec.Source.File, name)
		}
		res.records = append(res.records, rec)
	}
	return res
}

// readString reads s as the file name.
func readString(t testing.TB, s, name string, m *Mapping) result {
	t.Helper()
	return readAll(t, strings.NewReader(s), name, m)
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func newYork(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	return loc
}

// defaultHeader is the default layout's header row.
const defaultHeader = "id,customer_id,type,rail,amount,currency,created_at,status,reference,account_last4,name\n"

// csvRow builds a default-layout row with the given amount, created_at and
// type, the other fields fixed.
func csvRow(id, typ, amount, created string) string {
	return id + ",C1," + typ + ",ach," + amount + ",USD," + created + ",completed,REF,1234,Ann\n"
}
