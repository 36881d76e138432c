package match

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
)

// wireEv builds a wire event on the given line of wires.xml.
func wireEv(kind payment.Kind, inbound bool, amount, day string, line int, refs payment.Refs, w payment.WireDetail) *payment.Event {
	w.Inbound = inbound
	if w.Network == "" {
		w.Network = "fedwire"
	}
	return &payment.Event{
		Rail: payment.RailWire, Format: "pacs.008", Kind: kind, Direction: payment.WireDirection(kind, inbound),
		Amount: decimal.RequireFromString(amount), Currency: "USD", SettlementDate: date(day),
		Refs: refs, Party: payment.Party{Name: "PRIYA PATEL", Account: "5500123498"},
		Source: payment.Source{File: "wires.xml", Line: line}, Wire: &w,
	}
}

func TestReconcileWires(t *testing.T) {
	const uetr = "e4b2c1a0-93d7-4f5e-8a6b-1c2d3e4f5a6b"
	sent := func(amount string) *payment.Event {
		return wireEv(payment.KindPayment, false, amount, "2026-11-17", 1,
			payment.Refs{UETR: uetr, IMAD: "20261117LKTBQR01000102", EndToEndID: "WIR-1"}, payment.WireDetail{})
	}
	acsc := wireEv(payment.KindStatus, true, "0", "2026-11-17", 20,
		payment.Refs{OriginalUETR: uetr}, payment.WireDetail{Status: "ACSC"})
	tests := []struct {
		name    string
		records []string
		events  []*payment.Event
		want    []string
		notes   []string
	}{
		{
			name:    "a return names its wire by UETR",
			records: []string{"WIR-1 withdrawal 8200.00 2026-11-17 ref=WIR-1 status=returned rail=wire"},
			events: []*payment.Event{sent("8200.00"), acsc,
				wireEv(payment.KindReturn, true, "8200.00", "2026-11-18", 40, payment.Refs{OriginalUETR: uetr},
					payment.WireDetail{})},
			want:  []string{"WIR-1 returned story=wires.xml:1"},
			notes: []string{"settled between the banks on 2026-11-17 (not yet proof that the beneficiary was credited)"},
		},
		{
			name:    "a rejection in a status report undoes the payment it names",
			records: []string{"WIR-1 withdrawal 8200.00 2026-11-17 ref=WIR-1 status=failed rail=wire"},
			events: []*payment.Event{sent("8200.00"),
				wireEv(payment.KindRejection, true, "8200.00", "2026-11-17", 30, payment.Refs{OriginalUETR: uetr},
					payment.WireDetail{Status: "RJCT"})},
			want: []string{"WIR-1 rejected story=wires.xml:1"},
		},
		{
			name:    "a Fedwire message rejected as it was sent is the attempt itself",
			records: []string{"WIR-3 withdrawal 6000.00 2025-06-20 ref=WIR-3 status=failed rail=wire"},
			events: []*payment.Event{wireEv(payment.KindRejection, false, "6000.00", "2025-06-20", 7,
				payment.Refs{IMAD: "20250620LKTBQR01000046", SenderReference: "WIR-3"}, payment.WireDetail{Status: "rejected"})},
			want: []string{"WIR-3 rejected story=wires.xml:7"},
		},
		{
			name:   "an unclaimed rejected wire is an attempt, not a break",
			events: []*payment.Event{wireEv(payment.KindRejection, false, "6000.00", "2025-06-20", 7, payment.Refs{IMAD: "20250620LKTBQR01000046"}, payment.WireDetail{})},
			want:   []string{"attempt wires.xml:7 rejected"},
		},
		{
			name:    "the payment message and the statement entry are one payment; the deposit reference is in the remittance",
			records: []string{"WIR-2 deposit 25000.00 2026-11-16 ref=WIR-2611160001 status=completed rail=wire"},
			events: []*payment.Event{
				wireEv(payment.KindPayment, true, "25000.00", "2026-11-16", 1, payment.Refs{UETR: uetr, EndToEndID: "CUS-1001-WIRE"},
					payment.WireDetail{Remittance: "FBO CUS-1001 WIR-2611160001"}),
				wireEv(payment.KindPayment, true, "25000.00", "2026-11-16", 90, payment.Refs{UETR: uetr}, payment.WireDetail{Network: "book"}),
			},
			want: []string{"WIR-2 matched story=wires.xml:1"},
		},
		{
			name:    "a SWIFT return short of charges names its payment by the original UETR",
			records: []string{"WIR-1 withdrawal 5000.00 2026-11-20 ref=WIR-1 status=returned rail=wire"},
			events: []*payment.Event{sent("5000.00"),
				wireEv(payment.KindReturn, true, "4975.00", "2026-11-24", 50, payment.Refs{OriginalUETR: uetr, OriginalSenderReference: "WIR-1"},
					payment.WireDetail{Network: "swift"})},
			want:  []string{"WIR-1 returned story=wires.xml:1"},
			notes: []string{"returned 4975.00 of 5000.00: the banks on the way took 25.00 in charges"},
		},
		{
			name:    "a Fedwire reversal names the IMAD it reverses",
			records: []string{"WIR-1 withdrawal 8200.00 2026-11-17 ref=WIR-1 status=returned rail=wire"},
			events: []*payment.Event{sent("8200.00"),
				wireEv(payment.KindReversal, true, "8200.00", "2026-11-18", 60, payment.Refs{IMAD: "20261118FCBKQR01000877", OriginalIMAD: "20261117LKTBQR01000102"},
					payment.WireDetail{})},
			want: []string{"WIR-1 reversed story=wires.xml:1"},
		},
		{
			name:    "a recall accepted, then the return",
			records: []string{"WIR-1 withdrawal 8200.00 2026-11-17 ref=WIR-1 status=returned rail=wire"},
			events: []*payment.Event{sent("8200.00"),
				wireEv(payment.KindRecall, false, "8200.00", "2026-11-19", 70, payment.Refs{OriginalUETR: uetr}, payment.WireDetail{}),
				wireEv(payment.KindRecallResponse, true, "0", "2026-11-20", 80, payment.Refs{OriginalUETR: uetr}, payment.WireDetail{Status: "CNCL"}),
				wireEv(payment.KindReturn, true, "8200.00", "2026-11-20", 90, payment.Refs{OriginalUETR: uetr}, payment.WireDetail{}),
			},
			want: []string{"WIR-1 returned story=wires.xml:1"},
			notes: []string{
				"a recall was asked for on 2026-11-19: the receiving bank decides, and needs the beneficiary's consent once the money is credited",
				"the receiving bank accepted the recall on 2026-11-20: the money comes back as a return",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var recs []*records.Record
			for _, r := range tt.records {
				recs = append(recs, rec(r))
			}
			res := Reconcile(recs, tt.events, Options{AsOf: date("2026-11-25")})
			assert.Equal(t, tt.want, summary(res))
			if tt.notes != nil {
				require.NotEmpty(t, res.Records)
				require.NotNil(t, res.Records[0].Story)
				assert.Equal(t, tt.notes, res.Records[0].Story.Notes())
			}
		})
	}
}

// TestWireConfirmations checks that an MT900/MT910 confirmation joins the
// payment it confirms (by the :21: reference of the payment or its cover),
// and stands as evidence of its own when that payment is not among the
// inputs.
func TestWireConfirmations(t *testing.T) {
	const uetr = "2b7c9d1e-3f4a-4b5c-9d6e-8f7a6b5c4d3e"
	sent := wireEv(payment.KindPayment, false, "5000.00", "2026-11-20", 1, payment.Refs{UETR: uetr, SenderReference: "WIR-1"}, payment.WireDetail{Network: "swift"})
	cover := wireEv(payment.KindPayment, false, "5000.00", "2026-11-20", 14,
		payment.Refs{UETR: uetr, SenderReference: "COV-1", OriginalSenderReference: "WIR-1"}, payment.WireDetail{Network: "swift"})
	advice := wireEv(payment.KindAdvice, false, "5000.00", "2026-11-20", 27,
		payment.Refs{SenderReference: "CITI900-1", OriginalSenderReference: "COV-1"}, payment.WireDetail{Network: "swift"})
	res := Reconcile(nil, []*payment.Event{sent, cover, advice}, Options{AsOf: date("2026-11-25")})
	require.Len(t, res.Stories, 1)
	assert.Len(t, res.Stories[0].Events, 3)

	res = Reconcile(nil, []*payment.Event{advice}, Options{AsOf: date("2026-11-25")})
	assert.Equal(t, []string{"unexpected wires.xml:27 matched"}, summary(res))
}
