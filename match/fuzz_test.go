package match

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
)

// fuzzInputs turns bytes into a small world of records and events drawn
// from few names, amounts and days, so that ties, duplicates, returns and
// near misses are common.
func fuzzInputs(data []byte) ([]*records.Record, []*payment.Event) {
	names := []string{"ANA RUIZ", "BO CHEN", "CY DUBOIS", "ANA RUIS"}
	kinds := []payment.Kind{payment.KindPayment, payment.KindPayment, payment.KindReturn, payment.KindNOC, payment.KindReversal}
	cardKinds := []payment.Kind{payment.KindAuthorization, payment.KindCapture, payment.KindCapture, payment.KindDecline,
		payment.KindAuthorizationReversal, payment.KindRefund, payment.KindRefundFailure, payment.KindChargeback,
		payment.KindChargebackReversal, payment.KindSecondChargeback, payment.KindPayout, payment.KindPayoutReturn,
		payment.KindFee, payment.KindStatus}
	var recs []*records.Record
	var evs []*payment.Event
	for i := 0; i+4 <= len(data) && i < 4*64; i += 4 {
		b0, b1, b2, b3 := data[i], data[i+1], data[i+2], data[i+3]
		amount := decimal.New(int64(100+int(b1%4)*50), -2)
		day := payment.NewDate(2026, time.November, 9+int(b2%6))
		name := names[int(b3)%len(names)]
		ref := fmt.Sprintf("REF-%d", b1%5)
		if b0%2 == 0 {
			typ := records.Deposit
			if b3%3 == 0 {
				typ = records.Withdrawal
			}
			rail := "ach"
			if b1%3 == 0 {
				rail = []string{records.RailCard, records.RailApplePay}[b3%2]
			}
			r := &records.Record{ID: fmt.Sprintf("R-%03d", i/4), Type: typ, Amount: amount, Currency: "USD", Rail: rail,
				CreatedAt: day.Time(time.UTC).Add(15 * time.Hour), Name: name, AccountLast4: fmt.Sprintf("%04d", b3%3),
				Source: payment.Source{File: "r.csv", Line: i/4 + 2}}
			if b2%3 != 0 {
				r.Reference = ref
			}
			if b2%5 == 0 {
				r.Status = records.StatusCompleted
			}
			recs = append(recs, r)
			continue
		}
		if b0%4 == 3 { // a card event: charges named ch_0 … ch_4, answers naming them
			e := &payment.Event{Rail: payment.RailCard, Kind: cardKinds[int(b0/4)%len(cardKinds)], Direction: payment.Credit,
				Amount: amount, Currency: "USD", SettlementDate: day, Party: payment.Party{Name: name},
				Refs:   payment.Refs{PSPID: fmt.Sprintf("ch_%d", b1%5), MerchantReference: ref},
				Card:   &payment.CardDetail{Last4: fmt.Sprintf("%04d", b3%3), DeviceLast4: fmt.Sprintf("%04d", b2%4)},
				Timing: payment.Timing{HoldExpiresOn: day.AddDays(int(b2 % 9))},
				Source: payment.Source{File: fmt.Sprintf("cards-%d.csv", b2%2), Line: i/4 + 1}}
			if b3%2 == 0 {
				e.Direction = payment.Debit
			}
			switch e.Kind {
			case payment.KindAuthorization, payment.KindCapture, payment.KindDecline, payment.KindPayout:
			default:
				if b2%4 != 0 { // fees and some answers name their charge by its id alone
					e.Refs.OriginalPSPID = e.Refs.PSPID
				}
			}
			evs = append(evs, e)
			continue
		}
		e := &payment.Event{Rail: payment.RailACH, Kind: kinds[int(b0/2)%len(kinds)], Direction: payment.Credit,
			Amount: amount, Currency: "USD", SettlementDate: day, Party: payment.Party{Name: name, Account: fmt.Sprintf("9%04d", b3%3), Routing: "044003474"},
			Refs:   payment.Refs{Trace: fmt.Sprintf("T%02d", b1%8), IndividualID: ref},
			Source: payment.Source{File: "e.ach", Line: i/4 + 1}}
		if b3%2 == 0 {
			e.Direction = payment.Debit
		}
		if e.Kind != payment.KindPayment && e.Kind != payment.KindReversal {
			e.Refs.OriginalTrace, e.Refs.Trace = e.Refs.Trace, fmt.Sprintf("A%02d", i/4)
		}
		evs = append(evs, e)
	}
	return recs, evs
}

// FuzzReconcile: whatever the inputs, reconciliation does not panic, gives
// every record a status, lets no story belong to two records, and comes out
// the same when records and events arrive in the opposite order.
func FuzzReconcile(f *testing.F) {
	f.Add([]byte("\x01\x02\\x03\\x04\\x00\\x02\\x03\\x04\\x00\\x02\\x03\\x05\\x03\\x02\\x03\\x04"))
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz0123456789"))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, evs := fuzzInputs(data)
		opts := Options{AsOf: payment.NewDate(2026, time.November, 25)}
		res := Reconcile(recs, evs, opts)
		owner := map[*Story]string{}
		for _, r := range res.Records {
			require.NotEmpty(t, r.Status, r.Record.ID)
			if r.Story != nil && r.Status != StatusDuplicate {
				if prev, ok := owner[r.Story]; ok {
					t.Fatalf("story %s belongs to %s and %s", r.Story.key, prev, r.Record.ID)
				}
				owner[r.Story] = r.Record.ID
			}
		}
		for _, a := range res.Attempts {
			require.False(t, a.claimed, "an attempt is a story no record claims")
			require.NotContains(t, res.Unexpected, a)
		}
		slices.Reverse(recs)
		slices.Reverse(evs)
		require.Equal(t, summary(res), summary(Reconcile(recs, evs, opts)))
	})
}

// BenchmarkReconcile matches 100,000 records against their payments, with
// a few percent of references missing, amounts off and returns.
func BenchmarkReconcile(b *testing.B) {
	const n = 100_000
	names := []string{"MARIA GONZALEZ", "DAVID CHEN", "PRIYA PATEL", "ROBERT JOHNSON", "EMILY NGUYEN", "CARLOS RIVERA"}
	var recs []*records.Record
	var evs []*payment.Event
	start := time.Date(2026, time.November, 2, 15, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		ref := fmt.Sprintf("DEP-%08d", i)
		amount := decimal.New(int64(1000+(i*7919)%250000), -2)
		day := start.AddDate(0, 0, i%20)
		r := &records.Record{ID: ref, Type: records.Deposit, Rail: "ach", Amount: amount, Currency: "USD", CreatedAt: day,
			Status: records.StatusCompleted, Reference: ref, AccountLast4: fmt.Sprintf("%04d", i%10000), Name: names[i%len(names)]}
		if i%17 == 0 {
			r.Reference = ""
		}
		recs = append(recs, r)
		trace := fmt.Sprintf("07401250%07d", i)
		evs = append(evs, &payment.Event{Rail: payment.RailACH, Kind: payment.KindPayment, Direction: payment.Credit, Amount: amount,
			Currency: "USD", SettlementDate: payment.DateOf(day.AddDate(0, 0, 1)),
			Refs: payment.Refs{Trace: trace, IndividualID: ref}, Party: payment.Party{Name: names[i%len(names)], Account: fmt.Sprintf("55%04d", i%10000)},
			Source: payment.Source{File: "deposits.ach", Line: i + 3}})
		if i%101 == 0 {
			evs = append(evs, &payment.Event{Rail: payment.RailACH, Kind: payment.KindReturn, Direction: payment.Debit, Amount: amount,
				Currency: "USD", SettlementDate: payment.DateOf(day.AddDate(0, 0, 3)),
				Refs:   payment.Refs{Trace: fmt.Sprintf("R%014d", i), IndividualID: ref, OriginalTrace: trace},
				Reason: &payment.Reason{Scheme: "nacha_return", Code: "R01"}, Source: payment.Source{File: "returns.ach", Line: i + 3}})
		}
	}
	opts := Options{AsOf: payment.NewDate(2026, time.December, 15)}
	b.ReportAllocs()
	for b.Loop() {
		Reconcile(recs, evs, opts)
	}
}
