package settlement

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

func TestCardTimeline(t *testing.T) {
	tests := []timelineCase{
		{
			name:  "Visa authorization holds 7 days",
			req:   Request{At: railET(2026, 11, 20, 10, 0), Kind: "authorization", Network: "Visa"},
			steps: []string{"authorized@2026-11-20T10:00-05:00", "hold_expires@2026-11-27"},
			says:  []string{"by Friday, November 27, 2026"},
		},
		{
			name:  "Visa merchant-initiated authorization holds 5 days",
			req:   Request{At: railET(2026, 11, 20, 10, 0), Kind: "authorization", Network: "visa", MerchantInitiated: true},
			steps: []string{"authorized@2026-11-20T10:00-05:00", "hold_expires@2026-11-25"},
		},
		{
			name:  "Mastercard merchant-initiated authorization holds 7 days",
			req:   Request{At: railET(2026, 11, 20, 10, 0), Kind: "authorization", Network: "MC", MerchantInitiated: true},
			steps: []string{"authorized@2026-11-20T10:00-05:00", "hold_expires@2026-11-27"},
		},
		{
			name:  "authorization from a late UTC timestamp counts from its Eastern day",
			req:   Request{At: time.Date(2026, 11, 21, 3, 0, 0, 0, time.UTC), Kind: "authorization", Network: "amex"},
			steps: []string{"authorized@2026-11-20T22:00-05:00", "hold_expires@2026-11-27"},
		},
		{
			name:  "capture on Friday is paid Monday to Tuesday",
			req:   Request{At: railET(2026, 11, 20, 15, 0), Kind: "capture"},
			steps: []string{"captured@2026-11-20T15:00-05:00", "settles_from@2026-11-23", "settles_by@2026-11-24"},
			says:  []string{"between Monday, November 23, 2026 and Tuesday, November 24, 2026"},
		},
		{
			name:  "capture the day before Thanksgiving",
			req:   Request{At: railET(2026, 11, 25, 15, 0), Kind: "capture"},
			steps: []string{"captured@2026-11-25T15:00-05:00", "settles_from@2026-11-27", "settles_by@2026-11-30"},
		},
		{
			name:  "refund arrives in 5 to 10 banking days",
			req:   Request{At: railET(2026, 11, 12, 12, 0), Kind: "refund", Network: "visa"},
			steps: []string{"refunded@2026-11-12T12:00-05:00", "refund_arrives_from@2026-11-19", "refund_arrives_by@2026-11-27"},
			says:  []string{"between Thursday, November 19, 2026 and Friday, November 27, 2026"},
		},
		{
			name: "push-to-card payout on Friday afternoon",
			req:  Request{At: railET(2026, 11, 20, 16, 0), Kind: "payout"},
			steps: []string{
				"sent@2026-11-20T16:00-05:00",
				"available@2026-11-20T16:30-05:00",
				"available_by@2026-11-23",
			},
			says: []string{"within 30 minutes, by 4:30 p.m. ET on Friday, November 20, 2026", "end of Monday, November 23, 2026"},
		},
		{
			name: "push-to-card payout on Saturday",
			req:  Request{At: railET(2026, 11, 21, 11, 0), Kind: "payout"},
			steps: []string{
				"sent@2026-11-21T11:00-05:00",
				"available@2026-11-21T11:30-05:00",
				"available_by@2026-11-23",
			},
		},
		{
			name:  "payout across the end of DST keeps 30 real minutes",
			req:   Request{At: time.Date(2026, 11, 1, 5, 45, 0, 0, time.UTC), Kind: "payout"}, // 1:45 a.m. EDT
			steps: []string{"sent@2026-11-01T01:45-04:00", "available@2026-11-01T01:15-05:00", "available_by@2026-11-02"},
		},
		{
			name:  "Visa chargeback: 30 days",
			req:   Request{At: railET(2026, 11, 18, 9, 0), Kind: "chargeback", Network: "visa"},
			steps: []string{"chargeback_received@2026-11-18T09:00-05:00", "response_due@2026-12-18"},
			says:  []string{"until Friday, December 18, 2026 (30 days)"},
		},
		{
			name:  "Mastercard chargeback: 45 days",
			req:   Request{At: railET(2026, 11, 17, 9, 0), Kind: "chargeback", Network: "mastercard"},
			steps: []string{"chargeback_received@2026-11-17T09:00-05:00", "response_due@2027-01-01"},
		},
		{
			name:  "Amex chargeback: 20 days",
			req:   Request{At: railET(2026, 11, 18, 9, 0), Kind: "chargeback", Network: "American Express"},
			steps: []string{"chargeback_received@2026-11-18T09:00-05:00", "response_due@2026-12-08"},
		},
		{
			name:  "Discover chargeback: 30 days",
			req:   Request{At: railET(2026, 11, 18, 9, 0), Kind: "chargeback", Network: "discover"},
			steps: []string{"chargeback_received@2026-11-18T09:00-05:00", "response_due@2026-12-18"},
		},
	}
	checkTimelines(t, RailCard, tests, "")
}

func TestCardTimelineRules(t *testing.T) {
	rules := DefaultRules()
	rules.Card.SettlementFromDays, rules.Card.SettlementByDays = 2, 2
	rules.Card.DisputeResponseDays["visa"] = 18
	tl, err := rules.When(Request{Rail: RailCard, At: railET(2026, 11, 20, 15, 0), Kind: "capture"}, Fed)
	require.NoError(t, err)
	assert.Equal(t, []string{"captured@2026-11-20T15:00-05:00", "settles@2026-11-24"}, railStepLines(tl.Steps))
	tl, err = rules.When(Request{Rail: RailCard, At: railET(2026, 11, 18, 9, 0), Kind: "chargeback", Network: "visa"}, Fed)
	require.NoError(t, err)
	assert.Equal(t, "response_due@2026-12-06", railStepLines(tl.Steps)[1])
	assert.Equal(t, 30, DefaultRules().Card.DisputeResponseDays["visa"], "defaults are not shared")
}

func TestCardTimelineErrors(t *testing.T) {
	rules := DefaultRules()
	at := railET(2026, 11, 20, 10, 0)
	tests := []struct {
		name string
		req  Request
		want string
	}{
		{"chargeback without network", Request{Kind: "chargeback"}, "depends on the network"},
		{"unknown network", Request{Kind: "refund", Network: "jcb"}, `"jcb" is not a card network`},
		{"unknown kind", Request{Kind: "settlement"}, `"settlement" is not a card event`},
		{"no kind", Request{}, "say what happened"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Rail, tt.req.At = RailCard, at
			_, err := rules.When(tt.req, Fed)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestCardRuleFunctions(t *testing.T) {
	day := payment.NewDate(2026, 11, 18)
	assert.Equal(t, "2026-11-25", CardHoldExpiresOn(day, "visa", false).String())
	assert.Equal(t, "2026-11-23", CardHoldExpiresOn(day, "VISA", true).String())
	assert.Equal(t, "2026-11-25", CardHoldExpiresOn(day, "amex", true).String())
	assert.True(t, CardHoldExpiresOn(payment.Date{}, "visa", false).IsZero())
	from, by := CardRefundArrives(payment.NewDate(2026, 11, 10), Fed)
	assert.Equal(t, "2026-11-18", from.String(), "Veterans Day is not a banking day")
	assert.Equal(t, "2026-11-25", by.String())
	assert.Equal(t, "2026-12-08", CardDisputeResponseDue(day, "Amex").String())
	assert.True(t, CardDisputeResponseDue(day, "jcb").IsZero())
	for in, want := range map[string]string{"MasterCard": CardMastercard, "mc": CardMastercard, "Maestro": CardMastercard,
		"American Express": CardAmex, "Diners Club": CardDiscover, "visa": CardVisa, "jcb": "", "": ""} {
		assert.Equal(t, want, CardNetwork(in), in)
	}
	assert.Equal(t, 45, CardDisputeResponseDays("mastercard"))
	assert.Equal(t, 0, CardDisputeResponseDays("unionpay"))
}

func BenchmarkCardTimeline(b *testing.B) {
	rules := DefaultRules()
	req := Request{Rail: RailCard, At: railET(2026, 11, 12, 12, 0), Kind: "refund", Network: "visa"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rules.When(req, Fed); err != nil {
			b.Fatal(err)
		}
	}
}
