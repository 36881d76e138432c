package store

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/cards"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires"
)

var testNow = time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)

// openTemp opens a new store in a temporary folder.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "payinv.db")
	s, err := Open(context.Background(), path)
	require.NoError(t, err)
	s.Now = func() time.Time { return testNow }
	t.Cleanup(func() { s.Close() })
	return s, path
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// readFixture reads the events of a payment file with the reader its
// content calls for, as the CLI does.
func readFixture(name string, content []byte) EventReader {
	return func(each func(*payment.Event) error) (int, error) {
		problems := 0
		in := bufio.NewReader(bytes.NewReader(content))
		head, _ := in.Peek(4096)
		var err error
		switch {
		case ach.Sniff(head):
			var ev payment.Event
			for rec, rerr := range ach.NewReader(in, name).All() {
				if rerr != nil {
					problems++
					continue
				}
				if e, ok := rec.(*ach.Entry); ok && err == nil {
					e.FillEvent(&ev)
					err = each(&ev)
				}
			}
		case wires.Sniff(head) != "":
			for ev, rerr := range wires.Read(in, name, wires.Options{}) {
				if rerr != nil {
					problems++
					continue
				}
				if err == nil {
					err = each(ev)
				}
			}
		case cards.Sniff(head):
			for ev, rerr := range cards.Read(in, name, cards.Options{}) {
				if rerr != nil {
					problems++
					continue
				}
				if err == nil {
					err = each(ev)
				}
			}
		default:
			return 0, ErrNothingToIngest
		}
		return problems, err
	}
}

// ingestFile ingests a fixture file as the CLI would.
func ingestFile(t testing.TB, s *Store, path string) Result {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	res, err := s.IngestEvents(context.Background(), File{Name: path, SHA256: sum(b)}, readFixture(path, b))
	require.NoError(t, err)
	return res
}

// genEvent fills ev with the i-th event of a generated ACH file: payments,
// with every tenth a return of the payment before it.
func genEvent(i int, ev *payment.Event) {
	*ev = payment.Event{
		Rail: payment.RailACH, Format: "nacha", Kind: payment.KindPayment, Direction: payment.Credit,
		Amount:        decimal.New(int64(10000+i%99991), -2),
		Currency:      "USD",
		EffectiveDate: payment.NewDate(2026, 11, 2+i%20), SettlementDate: payment.NewDate(2026, 11, 2+i%20),
		Refs:   payment.Refs{Trace: fmt.Sprintf("0740125%08d", i), IndividualID: fmt.Sprintf("DEP-%010d", i)},
		Party:  payment.Party{Name: "CUSTOMER NUMBER " + fmt.Sprint(i), Account: fmt.Sprintf("%012d", i), Routing: "091400606", AccountType: "checking"},
		Source: payment.Source{File: "generated.ach", Line: 3 + i},
		ACH: &payment.ACHDetail{SECCode: "PPD", TransactionCode: 27, BatchNumber: 1 + i/1000, CompanyName: "PAYINV TEST",
			CompanyID: "1234567890", EntryDescription: "DEPOSIT", ODFI: "07401250"},
	}
	if i%10 == 9 {
		ev.Kind, ev.Direction = payment.KindReturn, payment.Debit
		ev.Refs.OriginalTrace = fmt.Sprintf("0740125%08d", i-1)
		ev.Reason = &payment.Reason{Scheme: "nacha_return", Code: "R01", Title: "Insufficient Funds", Known: true}
	}
}

// genReader gives n generated events; after is called once, after the
// first afterN of them were handed over.
func genReader(n, afterN int, after func()) EventReader {
	return func(each func(*payment.Event) error) (int, error) {
		var ev payment.Event
		for i := range n {
			if i == afterN && after != nil {
				after()
			}
			genEvent(i, &ev)
			if err := each(&ev); err != nil {
				return 0, err
			}
		}
		return 0, nil
	}
}

// genFrom gives the generated events start to start+n-1.
func genFrom(start, n int) EventReader {
	return func(each func(*payment.Event) error) (int, error) {
		var ev payment.Event
		for i := start; i < start+n; i++ {
			genEvent(i, &ev)
			if err := each(&ev); err != nil {
				return 0, err
			}
		}
		return 0, nil
	}
}
