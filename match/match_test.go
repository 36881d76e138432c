package match

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
)

func date(s string) payment.Date {
	d, err := payment.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

var eastern, _ = time.LoadLocation("America/New_York")

// rec builds a record: "DEP-1 deposit 100.00 2026-11-09 ref=X name=N last4=1234 status=completed rail=ach".
func rec(spec string) *records.Record {
	f := strings.Fields(spec)
	r := &records.Record{ID: f[0], Type: records.Type(f[1]), Amount: decimal.RequireFromString(f[2]), Currency: "USD", Rail: "ach"}
	created, err := time.ParseInLocation(time.DateOnly, f[3], eastern)
	if err != nil {
		panic(err)
	}
	r.CreatedAt = created.Add(10 * time.Hour)
	for _, kv := range f[4:] {
		k, v, _ := strings.Cut(kv, "=")
		if k != "rail" {
			v = strings.ReplaceAll(v, "_", " ")
		}
		switch k {
		case "ref":
			r.Reference = v
		case "name":
			r.Name = v
		case "last4":
			r.AccountLast4 = v
		case "status":
			r.Status = v
		case "rail":
			r.Rail = v
		}
	}
	r.Source = payment.Source{File: "records.csv", Line: 2}
	return r
}

// ev builds an event: "payment credit 100.00 2026-11-10 trace=T id=ID orig=O name=N acct=A code=R01 line=3".
func ev(spec string) *payment.Event {
	f := strings.Fields(spec)
	e := &payment.Event{
		Rail: payment.RailACH, Format: "nacha", Kind: payment.Kind(f[0]), Direction: payment.Direction(f[1]),
		Amount: decimal.RequireFromString(f[2]), Currency: "USD", SettlementDate: date(f[3]),
		Party:  payment.Party{Routing: "044003474"},
		Source: payment.Source{File: "f.ach"},
	}
	if f[1] == "-" {
		e.Direction = ""
	}
	for _, kv := range f[4:] {
		k, v, _ := strings.Cut(kv, "=")
		v = strings.ReplaceAll(v, "_", " ")
		switch k {
		case "trace":
			e.Refs.Trace = v
		case "id":
			e.Refs.IndividualID = v
		case "orig":
			e.Refs.OriginalTrace = v
		case "name":
			e.Party.Name = v
		case "acct":
			e.Party.Account = v
		case "code":
			e.Reason = &payment.Reason{Scheme: "nacha_return", Code: v, Known: true}
		case "line":
			fmt.Sscan(v, &e.Source.Line)
		case "file":
			e.Source.File = v
		case "rail":
			e.Rail, e.Format = payment.Rail(v), "stripe_balance"
		case "psp":
			e.Refs.PSPID = v
		case "uetr":
			e.Rail, e.Format, e.Refs.UETR = payment.RailWire, "pacs.008", v
		case "ouetr":
			e.Rail, e.Format, e.Refs.OriginalUETR = payment.RailWire, "pacs.004", v
		case "opsp":
			e.Refs.OriginalPSPID = v
		case "mref":
			e.Refs.MerchantReference = v
		case "dev":
			if e.Card == nil {
				e.Card = &payment.CardDetail{}
			}
			e.Card.DeviceLast4 = v
		case "wallet":
			if e.Card == nil {
				e.Card = &payment.CardDetail{}
			}
			e.Card.Wallet = strings.ReplaceAll(v, " ", "_") // undo the blanks made of underscores above
		case "hold":
			e.Timing.HoldExpiresOn = date(v)
		}
	}
	return e
}

// summary is a result in one line per record and per unexpected story.
func summary(res *Result) []string {
	var out []string
	for _, r := range res.Records {
		s := fmt.Sprintf("%s %s", r.Record.ID, r.Status)
		if r.Break {
			s += " break"
		}
		if r.Story != nil {
			s += " story=" + r.Story.key.String()
		}
		for _, d := range r.Duplicates {
			s += " dup=" + d.key.String()
		}
		for _, a := range r.Attempts {
			s += " try=" + a.key.String()
		}
		if r.DuplicateOf != "" {
			s += " of=" + r.DuplicateOf
		}
		for _, a := range r.Ambiguous {
			s += " tie=" + a.key.String()
		}
		if r.Conflict != "" {
			s += " conflict"
		}
		out = append(out, s)
	}
	for _, u := range res.Unexpected {
		out = append(out, "unexpected "+u.key.String()+" "+string(u.Outcome))
	}
	for _, a := range res.Attempts {
		out = append(out, "attempt "+a.key.String()+" "+string(a.Outcome))
	}
	return out
}

func TestReconcile(t *testing.T) {
	opts := Options{AsOf: date("2026-11-25")}
	tests := []struct {
		name    string
		records []string
		events  []string
		want    []string
	}{
		{
			name:    "matched by reference",
			records: []string{"DEP-1 deposit 100.00 2026-11-09 ref=REF1 status=completed"},
			events:  []string{"payment credit 100.00 2026-11-10 trace=T1 id=REF1 line=3"},
			want:    []string{"DEP-1 matched story=f.ach:3"},
		},
		{
			name:    "matched by record ID when the reference is blank",
			records: []string{"REF1 deposit 100.00 2026-11-09"},
			events:  []string{"payment credit 100.00 2026-11-10 trace=T1 id=REF1 line=3"},
			want:    []string{"REF1 matched story=f.ach:3"},
		},
		{
			name:    "returned, and the record still says completed",
			records: []string{"DEP-1 deposit 100.00 2026-11-09 ref=REF1 status=completed"},
			events: []string{"payment credit 100.00 2026-11-10 trace=T1 id=REF1 line=3",
				"return debit 100.00 2026-11-12 trace=R1 id=REF1 orig=T1 code=R01 line=9"},
			want: []string{"DEP-1 returned break story=f.ach:3 conflict"},
		},
		{
			name:    "returned, and the record knows",
			records: []string{"DEP-1 deposit 100.00 2026-11-09 ref=REF1 status=returned"},
			events: []string{"payment credit 100.00 2026-11-10 trace=T1 id=REF1 line=3",
				"return debit 100.00 2026-11-12 trace=R1 id=REF1 orig=T1 code=R01 line=9"},
			want: []string{"DEP-1 returned story=f.ach:3"},
		},
		{
			name:    "a dishonored return lets the payment stand",
			records: []string{"DEP-1 deposit 100.00 2026-11-09 ref=REF1 status=completed"},
			events: []string{"payment credit 100.00 2026-11-10 trace=T1 id=REF1 line=3",
				"return debit 100.00 2026-11-16 trace=R1 id=REF1 orig=T1 code=R01 line=9",
				"dishonored_return credit 100.00 2026-11-18 trace=D1 id=REF1 orig=T1 code=R68 line=12"},
			want: []string{"DEP-1 matched story=f.ach:3"},
		},
		{
			name:    "a contested dishonor brings the return back",
			records: []string{"DEP-1 deposit 100.00 2026-11-09 ref=REF1 status=completed"},
			events: []string{"payment credit 100.00 2026-11-10 trace=T1 id=REF1 line=3",
				"return debit 100.00 2026-11-16 trace=R1 id=REF1 orig=T1 code=R01 line=9",
				"dishonored_return credit 100.00 2026-11-18 trace=D1 id=REF1 orig=T1 code=R68 line=12",
				"contested_dishonored_return debit 100.00 2026-11-20 trace=C1 id=REF1 orig=T1 code=R73 line=15"},
			want: []string{"DEP-1 returned break story=f.ach:3 conflict"},
		},
		{
			name:    "a return whose payment is not among the inputs still finds the record",
			records: []string{"DEP-1 deposit 100.00 2026-11-09 ref=REF1 status=completed"},
			events:  []string{"return debit 100.00 2026-11-12 trace=R1 id=REF1 orig=T1 code=R01 line=9"},
			want:    []string{"DEP-1 returned break story=f.ach:9 conflict"},
		},
		{
			name:    "amount mismatch",
			records: []string{"DEP-1 deposit 1500.00 2026-11-09 ref=REF1"},
			events:  []string{"payment credit 1499.99 2026-11-10 trace=T1 id=REF1 line=3"},
			want:    []string{"DEP-1 amount_mismatch break story=f.ach:3"},
		},
		{
			name:    "matched by amount, date and name",
			records: []string{"DEP-1 deposit 600.00 2026-11-09 name=Michael_Okafor last4=4512"},
			events:  []string{"payment credit 600.00 2026-11-10 trace=T1 id=OTHER name=MICHAEL_OKAFOR acct=918004512 line=3"},
			want:    []string{"DEP-1 matched story=f.ach:3"},
		},
		{
			name:    "outside the date window: missing, the event unexpected",
			records: []string{"DEP-1 deposit 600.00 2026-11-02 name=Michael_Okafor last4=4512"},
			events:  []string{"payment credit 600.00 2026-11-10 trace=T1 id=OTHER name=MICHAEL_OKAFOR acct=918004512 line=3"},
			want:    []string{"DEP-1 missing break", "unexpected f.ach:3 matched"},
		},
		{
			name: "two records tie for one payment: ambiguous, not guessed",
			records: []string{"W-1 withdrawal 75.00 2026-11-10 name=Emily_Nguyen last4=3645",
				"W-2 withdrawal 75.00 2026-11-10 name=Emily_Nguyen last4=3645"},
			events: []string{"payment debit 75.00 2026-11-12 trace=T1 id=X name=EMILY_NGUYEN acct=918273645 line=8"},
			want:   []string{"W-1 ambiguous break tie=f.ach:8", "W-2 ambiguous break tie=f.ach:8", "unexpected f.ach:8 matched"},
		},
		{
			name:    "one record, two equal payments: ambiguous",
			records: []string{"W-1 withdrawal 75.00 2026-11-10 name=Emily_Nguyen"},
			events: []string{"payment debit 75.00 2026-11-12 trace=T1 id=X name=EMILY_NGUYEN acct=1 line=8",
				"payment debit 75.00 2026-11-12 trace=T2 id=Y name=EMILY_NGUYEN acct=1 line=9"},
			want: []string{"W-1 ambiguous break tie=f.ach:8 tie=f.ach:9", "unexpected f.ach:8 matched", "unexpected f.ach:9 matched"},
		},
		{
			name:    "the better-fitting record wins, the other takes what is left",
			records: []string{"W-1 withdrawal 75.00 2026-11-10 name=Emily_Nguyen last4=3645", "W-2 withdrawal 75.00 2026-11-10 name=Emily_Nguyen"},
			events: []string{"payment debit 75.00 2026-11-12 trace=T1 id=X name=EMILY_NGUYEN acct=918273645 line=8",
				"payment debit 75.00 2026-11-12 trace=T2 id=Y name=EMILY_NGUYEN acct=555550000 line=9"},
			want: []string{"W-1 matched story=f.ach:8", "W-2 matched story=f.ach:9"},
		},
		{
			name:    "a payment recorded twice",
			records: []string{"DEP-1 deposit 100.00 2026-11-09 ref=REF1", "DEP-1-B deposit 100.00 2026-11-09 ref=REF1"},
			events:  []string{"payment credit 100.00 2026-11-10 trace=T1 id=REF1 line=3"},
			want:    []string{"DEP-1 matched story=f.ach:3", "DEP-1-B duplicate break story=f.ach:3 of=DEP-1"},
		},
		{
			name:    "a payout sent twice under two references",
			records: []string{"W-1 withdrawal 980.50 2026-11-10 ref=W-1"},
			events: []string{"payment debit 980.50 2026-11-12 trace=T1 id=W-1 acct=3310092716 line=6",
				"payment debit 980.50 2026-11-12 trace=T2 id=W-1A acct=3310092716 line=7"},
			want: []string{"W-1 duplicate break story=f.ach:6 dup=f.ach:7"},
		},
		{
			name:    "a payout sent twice, the second reversed: noted, not a break",
			records: []string{"W-1 withdrawal 980.50 2026-11-10 ref=W-1 status=completed"},
			events: []string{"payment debit 980.50 2026-11-12 trace=T1 id=W-1 acct=3310092716 line=6",
				"payment debit 980.50 2026-11-12 trace=T2 id=W-1A acct=3310092716 line=7",
				"reversal credit 980.50 2026-11-16 trace=T3 id=W-1A acct=3310092716 file=rev.ach line=3"},
			want: []string{"W-1 matched story=f.ach:6 dup=f.ach:7"},
		},
		{
			name: "the reversed duplicate recorded too",
			records: []string{"W-1 withdrawal 980.50 2026-11-10 ref=W-1 status=completed",
				"W-1A withdrawal 980.50 2026-11-10 ref=W-1A status=reversed"},
			events: []string{"payment debit 980.50 2026-11-12 trace=T1 id=W-1 acct=3310092716 line=6",
				"payment debit 980.50 2026-11-12 trace=T2 id=W-1A acct=3310092716 line=7",
				"reversal credit 980.50 2026-11-16 trace=T3 id=W-1A acct=3310092716 file=rev.ach line=3"},
			want: []string{"W-1 matched story=f.ach:6", "W-1A reversed story=f.ach:7"},
		},
		{
			name:    "pending: young and no evidence yet",
			records: []string{"DEP-9 deposit 1000.00 2026-11-24 ref=DEP-9 status=pending"},
			want:    []string{"DEP-9 pending"},
		},
		{
			name:    "pending, but the record says completed",
			records: []string{"DEP-9 deposit 1000.00 2026-11-24 ref=DEP-9 status=completed"},
			want:    []string{"DEP-9 pending break conflict"},
		},
		{
			name:    "missing: old and no evidence",
			records: []string{"DEP-9 deposit 400.00 2026-11-16 ref=DEP-9"},
			want:    []string{"DEP-9 missing break"},
		},
		{
			name:    "a NOC is a note, the payment is matched",
			records: []string{"DEP-1 deposit 100.00 2026-11-09 ref=REF1 status=completed"},
			events: []string{"payment credit 100.00 2026-11-10 trace=T1 id=REF1 line=3",
				"noc - 0.00 2026-11-12 trace=N1 id=REF1 orig=T1 code=C01 file=noc.ach line=3"},
			want: []string{"DEP-1 matched story=f.ach:3"},
		},
		{
			name:    "the record says failed, the payment went through",
			records: []string{"DEP-1 deposit 100.00 2026-11-09 ref=REF1 status=failed"},
			events:  []string{"payment credit 100.00 2026-11-10 trace=T1 id=REF1 line=3"},
			want:    []string{"DEP-1 matched break story=f.ach:3 conflict"},
		},
		{
			name:    "card outcomes",
			records: []string{"C-1 deposit 50.00 2026-11-09 ref=ch_1 rail=card", "C-2 deposit 60.00 2026-11-09 ref=ch_2 rail=apple_pay", "C-3 deposit 70.00 2026-11-09 ref=ch_3 rail=card"},
			events: []string{
				"capture credit 50.00 2026-11-10 trace=ch_1 line=1", "chargeback debit 50.00 2026-11-20 orig=ch_1 line=2",
				"capture credit 60.00 2026-11-10 trace=ch_2 line=3", "refund debit 60.00 2026-11-12 orig=ch_2 line=4",
				"decline - 70.00 2026-11-09 trace=ch_3 line=5",
			},
			want: []string{"C-1 charged_back story=f.ach:1", "C-2 refunded story=f.ach:3", "C-3 rejected story=f.ach:5"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, summary(reconcileSpecs(tt.records, tt.events, opts)))
		})
	}
}

// reconcileSpecs reconciles records and events written as rec and ev
// read them; events of card kinds are on the card rail.
func reconcileSpecs(recSpecs, evSpecs []string, opts Options) *Result {
	var recs []*records.Record
	for _, s := range recSpecs {
		recs = append(recs, rec(s))
	}
	var evs []*payment.Event
	for _, s := range evSpecs {
		e := ev(s)
		switch payment.Kind(strings.Fields(s)[0]) {
		case payment.KindCapture, payment.KindChargeback, payment.KindRefund, payment.KindDecline:
			e.Rail = payment.RailCard
		}
		evs = append(evs, e)
	}
	return Reconcile(recs, evs, opts)
}

// TestOrderDoesNotMatter shuffles records and events and expects the same
// reconciliation every time.
func TestOrderDoesNotMatter(t *testing.T) {
	recs := []*records.Record{
		rec("W-1 withdrawal 75.00 2026-11-10 name=Emily_Nguyen last4=3645"),
		rec("W-2 withdrawal 75.00 2026-11-10 name=Emily_Nguyen"),
		rec("W-3 withdrawal 75.00 2026-11-10 name=Emily_Ngyuen last4=0000"),
		rec("D-1 deposit 100.00 2026-11-09 ref=REF1"),
		rec("D-2 deposit 100.00 2026-11-09 ref=REF1"),
		rec("D-3 deposit 250.00 2026-11-09 name=David_Chen"),
		rec("D-4 deposit 250.00 2026-11-09 name=Chen_David last4=7193"),
	}
	evs := []*payment.Event{
		ev("payment debit 75.00 2026-11-12 trace=T1 id=X name=EMILY_NGUYEN acct=918273645 line=8"),
		ev("payment debit 75.00 2026-11-12 trace=T2 id=Y name=EMILY_NGUYEN acct=555550000 line=9"),
		ev("payment debit 75.00 2026-11-13 trace=T3 id=Z name=EMILY_NGUYEN acct=555550000 line=10"),
		ev("payment credit 100.00 2026-11-10 trace=T4 id=REF1 line=3"),
		ev("payment credit 250.00 2026-11-10 trace=T5 id=A name=DAVID_CHEN acct=20557193 line=4"),
		ev("payment credit 250.00 2026-11-10 trace=T6 id=B name=DAVID_CHEN acct=20557193 line=5"),
		ev("return debit 100.00 2026-11-12 trace=R1 id=REF1 orig=T4 code=R01 file=r.ach line=3"),
	}
	want := summary(Reconcile(recs, evs, Options{AsOf: date("2026-11-25")}))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 50; i++ {
		r2, e2 := slices.Clone(recs), slices.Clone(evs)
		rng.Shuffle(len(r2), func(i, j int) { r2[i], r2[j] = r2[j], r2[i] })
		rng.Shuffle(len(e2), func(i, j int) { e2[i], e2[j] = e2[j], e2[i] })
		require.Equal(t, want, summary(Reconcile(r2, e2, Options{AsOf: date("2026-11-25")})), "shuffle %d", i)
	}
}

func TestNearMiss(t *testing.T) {
	recs := []*records.Record{rec("WDR-20 withdrawal 1205.00 2026-11-10 ref=WDR-20 name=Jennifer_Lopez last4=9021")}
	evs := []*payment.Event{ev("payment debit 1250.00 2026-11-12 trace=T1 id=WDR-2 name=JENNIFER_LOPEZ acct=918339021 line=4")}
	res := Reconcile(recs, evs, Options{AsOf: date("2026-11-25")})
	r := res.Records[0]
	require.Equal(t, StatusMissing, r.Status)
	require.NotNil(t, r.NearMiss)
	assert.Equal(t, "f.ach:4", r.NearMiss.Story.key.String())
	assert.Equal(t, []string{`reference "WDR-20" is not on the payment`, "amount 1250.00 instead of 1205.00"}, r.NearMiss.Failed)
}

func TestNameSimilarity(t *testing.T) {
	assert.Equal(t, 1.0, nameSimilarity("CHEN, DAVID", "David Chen"))
	assert.Greater(t, nameSimilarity("EMILY NGUYEN", "Emily Ngyuen"), 0.9)
	assert.Less(t, nameSimilarity("EMILY NGUYEN", "Robert Johnson"), 0.6)
	assert.Equal(t, 0.0, nameSimilarity("", "X"))
}

func TestReconcileCards(t *testing.T) {
	opts := Options{AsOf: date("2026-11-25")}
	tests := []struct {
		name    string
		records []string
		events  []string
		want    []string
		notes   []string // of the first record's story
	}{
		{
			name:    "authorization and capture are one story, found by the merchant reference",
			records: []string{"CRD-1 deposit 200.00 2026-11-10 ref=CRD-1 status=completed rail=card"},
			events: []string{"authorization credit 200.00 2026-11-10 rail=card psp=ch_1 mref=CRD-1 line=2",
				"capture credit 200.00 2026-11-10 rail=card psp=ch_1 mref=CRD-1 line=3"},
			want: []string{"CRD-1 matched story=f.ach:2"},
		},
		{
			name:    "the same charge in two exports is one payment, not a duplicate",
			records: []string{"CRD-1 deposit 200.00 2026-11-10 ref=CRD-1 status=completed rail=card"},
			events: []string{"capture credit 200.00 2026-11-10 rail=card psp=ch_1 mref=CRD-1 line=3",
				"capture credit 200.00 2026-11-12 rail=card psp=ch_1 file=payments.csv line=7"},
			want: []string{"CRD-1 matched story=f.ach:3"},
		},
		{
			name:    "a refund dated before the charge settled still joins it",
			records: []string{"CRD-1 deposit 200.00 2026-11-10 ref=CRD-1 status=completed rail=card"},
			events: []string{"capture credit 200.00 2026-11-13 rail=card psp=ch_1 mref=CRD-1 line=3",
				"refund debit 200.00 2026-11-12 rail=card psp=re_1 opsp=ch_1 line=9"},
			want: []string{"CRD-1 refunded break story=f.ach:3 conflict"},
		},
		{
			name:    "a partial refund",
			records: []string{"CRD-1 deposit 200.00 2026-11-10 ref=CRD-1 status=refunded rail=card"},
			events: []string{"capture credit 200.00 2026-11-10 rail=card psp=ch_1 mref=CRD-1 line=3",
				"refund debit 50.00 2026-11-12 rail=card opsp=ch_1 line=9"},
			want:  []string{"CRD-1 refunded story=f.ach:3"},
			notes: []string{"partly refunded: 50.00 of 200.00"},
		},
		{
			name:    "a wire return finds its wire by the original UETR",
			records: []string{"WIR-1 withdrawal 25000.00 2026-11-10 ref=WIR-1 status=completed rail=wire"},
			events: []string{"payment debit 25000.00 2026-11-10 uetr=eb6305c9-1f7f-49de-aed0-16487c27b42d mref=WIR-1 line=3",
				"return credit 25000.00 2026-11-12 ouetr=EB6305C9-1F7F-49DE-AED0-16487C27B42D line=9"},
			want: []string{"WIR-1 returned break story=f.ach:3 conflict"},
		},
		{
			name:    "a partial refund read from two exports counts once",
			records: []string{"CRD-1 deposit 200.00 2026-11-10 ref=CRD-1 status=refunded rail=card"},
			events: []string{"capture credit 200.00 2026-11-10 rail=card psp=ch_1 mref=CRD-1 line=3",
				"refund debit 50.00 2026-11-12 rail=card opsp=ch_1 line=9",
				"refund debit 50.00 2026-11-12 rail=card opsp=ch_1 file=payments.csv line=2"},
			want:  []string{"CRD-1 refunded story=f.ach:3"},
			notes: []string{"partly refunded: 50.00 of 200.00"},
		},
		{
			name:    "a refund that failed leaves the money with the company",
			records: []string{"CRD-1 deposit 200.00 2026-11-10 ref=CRD-1 status=completed rail=card"},
			events: []string{"capture credit 200.00 2026-11-10 rail=card psp=ch_1 mref=CRD-1 line=3",
				"refund debit 200.00 2026-11-12 rail=card opsp=ch_1 line=9",
				"refund_failure credit 200.00 2026-11-16 rail=card opsp=ch_1 line=12"},
			want:  []string{"CRD-1 matched story=f.ach:3"},
			notes: []string{"a refund failed on 2026-11-16: the money went back to the company, not to the customer"},
		},
		{
			name:    "a chargeback, its fee, and a reversal won back",
			records: []string{"CRD-2 deposit 500.00 2026-11-10 ref=CRD-2 status=completed rail=card"},
			events: []string{"capture credit 500.00 2026-11-10 rail=card psp=ch_2 mref=CRD-2 line=3",
				"chargeback debit 500.00 2026-11-17 rail=card opsp=ch_2 code=4837 line=9",
				"fee debit 15.00 2026-11-17 rail=card opsp=ch_2 line=10",
				"chargeback_reversal credit 500.00 2026-11-24 rail=card opsp=ch_2 line=14"},
			want:  []string{"CRD-2 matched story=f.ach:3"},
			notes: []string{"the chargeback was reversed in the company's favour on 2026-11-24"},
		},
		{
			name:    "a second chargeback stands",
			records: []string{"CRD-6 deposit 2000.00 2026-11-10 ref=CRD-6 status=completed rail=card"},
			events: []string{"capture credit 2000.00 2026-11-10 rail=card psp=P6 mref=CRD-6 line=3",
				"chargeback debit 2000.00 2026-11-18 rail=card opsp=P6 line=9",
				"chargeback_reversal credit 2000.00 2026-11-20 rail=card opsp=P6 line=11",
				"second_chargeback debit 2000.00 2026-11-24 rail=card opsp=P6 line=14"},
			want: []string{"CRD-6 charged_back break story=f.ach:3 conflict"},
			notes: []string{"the chargeback was reversed in the company's favour on 2026-11-20",
				"second chargeback (pre-arbitration) on 2026-11-24"},
		},
		{
			name:    "a decline is rejected",
			records: []string{"CRD-3 deposit 1000.00 2026-11-11 ref=CRD-3 status=failed rail=card"},
			events:  []string{"decline credit 1000.00 2026-11-11 rail=card psp=ch_3 mref=CRD-3 code=51 line=3"},
			want:    []string{"CRD-3 rejected story=f.ach:3"},
		},
		{
			name:    "a declined try and the retry that went through: the record is the retry's",
			records: []string{"CRD-3 deposit 1000.00 2026-11-11 ref=CRD-3 status=completed rail=card"},
			events: []string{"decline credit 1000.00 2026-11-11 rail=card psp=ch_3 mref=CRD-3 code=51 line=3",
				"capture credit 1000.00 2026-11-11 rail=card psp=ch_4 mref=CRD-3 line=4"},
			want: []string{"CRD-3 matched story=f.ach:4 try=f.ach:3"},
		},
		{
			name:    "a declined card no one recorded is an attempt, not a break",
			records: []string{},
			events:  []string{"decline credit 75.00 2026-11-11 rail=card psp=ch_9 code=05 line=3"},
			want:    []string{"attempt f.ach:3 rejected"},
		},
		{
			name:    "an authorization voided",
			records: []string{"CRD-4 deposit 750.00 2026-11-10 ref=CRD-4 status=cancelled rail=card"},
			events: []string{"authorization credit 750.00 2026-11-10 rail=card psp=P4 mref=CRD-4 hold=2026-11-17 line=3",
				"authorization_reversal debit 750.00 2026-11-11 rail=card opsp=P4 line=5"},
			want:  []string{"CRD-4 reversed story=f.ach:3"},
			notes: []string{"the authorization was released without a capture: the customer was not charged"},
		},
		{
			name:    "an authorization not captured, hold still on: pending, and the record is wrong to say completed",
			records: []string{"CRD-4 deposit 750.00 2026-11-20 ref=CRD-4 status=completed rail=card"},
			events:  []string{"authorization credit 750.00 2026-11-20 rail=card psp=P4 mref=CRD-4 hold=2026-11-27 line=3"},
			want:    []string{"CRD-4 pending break story=f.ach:3 conflict"},
			notes:   []string{"authorized, not captured: the hold drops off by 2026-11-27 unless captured"},
		},
		{
			name:    "an authorization whose hold lapsed is reversed",
			records: []string{"CRD-4 deposit 750.00 2026-11-10 ref=CRD-4 status=completed rail=card"},
			events:  []string{"authorization credit 750.00 2026-11-10 rail=card psp=P4 mref=CRD-4 hold=2026-11-17 line=3"},
			want:    []string{"CRD-4 reversed break story=f.ach:3 conflict"},
			notes:   []string{"the authorization expired on 2026-11-17 without a capture: the customer was not charged"},
		},
		{
			name:    "a payout to a card, returned",
			records: []string{"PTC-2 withdrawal 120.00 2026-11-12 ref=PTC-2 status=completed rail=card"},
			events: []string{"payout debit 120.00 2026-11-12 rail=card psp=pay_2 mref=PTC-2 line=3",
				"payout_return credit 120.00 2026-11-13 rail=card opsp=pay_2 line=6"},
			want: []string{"PTC-2 returned break story=f.ach:3 conflict"},
		},
		{
			name:    "Apple Pay: the customer quotes the device number's last four",
			records: []string{"CRD-5 deposit 300.00 2026-11-11 name=Aisha_Mohammed last4=9876 rail=apple_pay"},
			events:  []string{"capture credit 300.00 2026-11-11 rail=card psp=P5 name=AISHA_MOHAMMED acct=4111 dev=9876 wallet=apple_pay line=3"},
			want:    []string{"CRD-5 matched story=f.ach:3"},
			notes: []string{"paid with Apple Pay: the last four digits the customer sees in the wallet are the device account number's (DPAN), " +
				"not those printed on the card, so \"that's not my card number\" is expected; refunds go back to the same card account"},
		},
		{
			name:    "a chargeback whose charge is not among the inputs still finds the record by its reference",
			records: []string{"CRD-2 deposit 500.00 2026-11-10 ref=ch_2 status=completed rail=card"},
			events: []string{"chargeback debit 500.00 2026-11-17 rail=card opsp=ch_2 line=9",
				"fee debit 15.00 2026-11-17 rail=card opsp=ch_2 line=10"},
			want: []string{"CRD-2 charged_back break story=f.ach:9 conflict"},
		},
		{
			name:    "a fee that names no payment is not a story",
			records: []string{},
			events:  []string{"fee debit 0.50 2026-11-17 rail=card line=10"},
			want:    nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := reconcileSpecs(tt.records, tt.events, opts)
			assert.Equal(t, tt.want, summary(res))
			if tt.notes != nil {
				require.NotNil(t, res.Records[0].Story)
				assert.Equal(t, tt.notes, res.Records[0].Story.Notes())
			}
		})
	}
}
