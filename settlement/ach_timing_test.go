package settlement

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

func TestACHTimeline(t *testing.T) {
	tests := []timelineCase{
		{
			name: "Friday 4:50 p.m. same-day misses window 3 and settles Monday",
			req:  Request{At: railET(2026, 11, 20, 16, 50), SameDay: true, Direction: payment.Debit},
			steps: []string{
				"submitted@2026-11-20T16:50-05:00",
				"same_day_missed@2026-11-20T16:50-05:00",
				"cutoff@2026-11-23T02:15-05:00",
				"settles@2026-11-23T08:30-05:00",
				"available@2026-11-23T09:00-05:00",
				"returnable_until@2026-11-25",
			},
			says: []string{
				"4:50 p.m. ET on Friday, November 20, 2026",
				"after the last Same Day ACH cut-off of the day, 4:45 p.m. ET on Friday, November 20, 2026",
				"8:30 a.m. ET on Monday, November 23, 2026",
				"until Wednesday, November 25, 2026",
			},
		},
		{
			name: "Friday 4:40 p.m. same-day makes window 3",
			req:  Request{At: railET(2026, 11, 20, 16, 40), SameDay: true, Direction: payment.Debit},
			steps: []string{
				"submitted@2026-11-20T16:40-05:00",
				"cutoff@2026-11-20T16:45-05:00",
				"settles@2026-11-20T18:00-05:00",
				"available@2026-11-20",
				"returnable_until@2026-11-24",
			},
			says: []string{"Same Day ACH window 3", "6:00 p.m. ET on Friday, November 20, 2026", "end of its processing day on Friday, November 20, 2026"},
		},
		{
			name: "Thanksgiving-week consumer debit settles Friday",
			req:  Request{At: railET(2026, 11, 25, 15, 0), Direction: payment.Credit, Kind: "WEB"},
			steps: []string{
				"submitted@2026-11-25T15:00-05:00",
				"cutoff@2026-11-27T02:15-05:00",
				"settles@2026-11-27T08:30-05:00",
				"debited@2026-11-27T08:30-05:00",
				"returnable_until@2026-12-01",
				"unauthorized_returnable_until@2027-01-27",
			},
			says: []string{
				"8:30 a.m. ET on Friday, November 27, 2026",
				"until Tuesday, December 1, 2026; after that it is safe from ordinary returns",
				"until Wednesday, January 27, 2027; after that it is safe from unauthorized returns",
			},
		},
		{
			name: "Saturday same-day request goes in Monday's first window",
			req:  Request{At: railET(2026, 11, 21, 10, 0), SameDay: true, Direction: payment.Debit},
			steps: []string{
				"submitted@2026-11-21T10:00-05:00",
				"same_day_missed@2026-11-21T10:00-05:00",
				"cutoff@2026-11-23T02:15-05:00",
				"settles@2026-11-23T08:30-05:00",
				"available@2026-11-23T09:00-05:00",
				"returnable_until@2026-11-25",
			},
			says: []string{"Saturday, November 21, 2026 is not a banking day"},
		},
		{
			name: "effective date on Thanksgiving settles the next banking day",
			req:  Request{At: railET(2026, 11, 25, 10, 0), EffectiveDate: payment.NewDate(2026, 11, 26), Direction: payment.Debit},
			steps: []string{
				"submitted@2026-11-25T10:00-05:00",
				"cutoff@2026-11-27T02:15-05:00",
				"settles@2026-11-27T08:30-05:00",
				"available@2026-11-27T09:00-05:00",
				"returnable_until@2026-12-01",
			},
			notes: []string{"Thursday, November 26, 2026, is not a banking day (Thanksgiving Day)"},
		},
		{
			name: "a stale effective date goes same-day at the earliest opportunity",
			req:  Request{At: railET(2026, 11, 17, 11, 0), EffectiveDate: payment.NewDate(2026, 11, 13), Direction: payment.Credit, Kind: "ppd"},
			steps: []string{
				"submitted@2026-11-17T11:00-05:00",
				"cutoff@2026-11-17T14:45-05:00",
				"settles@2026-11-17T17:00-05:00",
				"debited@2026-11-17T17:00-05:00",
				"returnable_until@2026-11-19",
				"unauthorized_returnable_until@2027-01-19", // day 60 is Saturday, Monday is MLK Day
			},
			notes: []string{"had already passed"},
		},
		{
			name: "UTC timestamp late on Friday evening lands on Friday after the deadlines",
			req:  Request{At: time.Date(2026, 11, 21, 1, 30, 0, 0, time.UTC), SameDay: true, Direction: payment.Credit, Kind: "ccd"},
			steps: []string{
				"submitted@2026-11-20T20:30-05:00",
				"same_day_missed@2026-11-20T20:30-05:00",
				"cutoff@2026-11-23T02:15-05:00",
				"settles@2026-11-23T08:30-05:00",
				"debited@2026-11-23T08:30-05:00",
				"returnable_until@2026-11-25",
			},
			says: []string{"8:30 p.m. ET on Friday, November 20, 2026", "after the last Same Day ACH cut-off"},
		},
		{
			name: "over the Same Day limit goes next-day",
			req:  Request{At: railET(2026, 11, 17, 9, 0), SameDay: true, Direction: payment.Debit, Amount: decimal.RequireFromString("1500000")},
			steps: []string{
				"submitted@2026-11-17T09:00-05:00",
				"same_day_missed@2026-11-17T09:00-05:00",
				"cutoff@2026-11-18T02:15-05:00",
				"settles@2026-11-18T08:30-05:00",
				"available@2026-11-18T09:00-05:00",
				"returnable_until@2026-11-20",
			},
			says: []string{"$1,500,000 it is over the Same Day ACH limit of $1,000,000"},
		},
		{
			name: "same-day asked at 1 a.m. settles that morning in the next-day window",
			req:  Request{At: railET(2026, 11, 20, 1, 0), SameDay: true, Direction: payment.Debit},
			steps: []string{
				"submitted@2026-11-20T01:00-05:00",
				"cutoff@2026-11-20T02:15-05:00",
				"settles@2026-11-20T08:30-05:00",
				"available@2026-11-20T09:00-05:00",
				"returnable_until@2026-11-24",
			},
		},
		{
			name: "before 2026-09-18 a credit sent after 5 p.m. is available at the end of the day",
			req:  Request{At: railET(2026, 9, 14, 20, 0), Direction: payment.Debit},
			steps: []string{
				"submitted@2026-09-14T20:00-04:00",
				"cutoff@2026-09-15T02:15-04:00",
				"settles@2026-09-15T08:30-04:00",
				"available@2026-09-15",
				"returnable_until@2026-09-17",
			},
		},
		{
			name: "DST begins: Friday evening EST, Monday settlement EDT",
			req:  Request{At: railET(2026, 3, 6, 21, 0), Direction: payment.Debit},
			steps: []string{
				"submitted@2026-03-06T21:00-05:00",
				"cutoff@2026-03-09T02:15-04:00",
				"settles@2026-03-09T08:30-04:00",
				"available@2026-03-09", // before 2026-09-18, sent after 5 p.m. the banking day before
				"returnable_until@2026-03-11",
			},
		},
		{
			name: "DST begins: 1:30 a.m. EST on Sunday March 8",
			req:  Request{At: time.Date(2026, 3, 8, 6, 30, 0, 0, time.UTC), Direction: payment.Debit},
			steps: []string{
				"submitted@2026-03-08T01:30-05:00",
				"cutoff@2026-03-09T02:15-04:00",
				"settles@2026-03-09T08:30-04:00",
				"available@2026-03-09",
				"returnable_until@2026-03-11",
			},
		},
		{
			name: "DST ends: first 1:30 a.m. (EDT) on Sunday November 1",
			req:  Request{At: time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC), Direction: payment.Debit},
			steps: []string{
				"submitted@2026-11-01T01:30-04:00",
				"cutoff@2026-11-02T02:15-05:00",
				"settles@2026-11-02T08:30-05:00",
				"available@2026-11-02T09:00-05:00",
				"returnable_until@2026-11-04",
			},
		},
		{
			name: "DST ends: repeated 1:30 a.m. (EST) on Sunday November 1",
			req:  Request{At: time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC), Direction: payment.Debit},
			steps: []string{
				"submitted@2026-11-01T01:30-05:00",
				"cutoff@2026-11-02T02:15-05:00",
				"settles@2026-11-02T08:30-05:00",
				"available@2026-11-02T09:00-05:00",
				"returnable_until@2026-11-04",
			},
		},
		{
			name: "Friday before a Sunday holiday: Monday July 5, 2027 is closed",
			req:  Request{At: railET(2027, 7, 2, 17, 0), Direction: payment.Credit, Kind: "web"},
			steps: []string{
				"submitted@2027-07-02T17:00-04:00",
				"cutoff@2027-07-06T02:15-04:00",
				"settles@2027-07-06T08:30-04:00",
				"debited@2027-07-06T08:30-04:00",
				"returnable_until@2027-07-08",
				"unauthorized_returnable_until@2027-09-07",
			},
		},
	}
	checkTimelines(t, RailACH, tests, "bank's own cut-off is usually earlier")
}

func TestACHTimelineBankCutoff(t *testing.T) {
	rules := DefaultRules()
	rules.ACH.SameDay3.BankCutoff = Clock{16, 15}
	tl, err := rules.When(Request{Rail: RailACH, At: railET(2026, 11, 20, 16, 30), SameDay: true, Direction: payment.Debit}, Fed)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"submitted@2026-11-20T16:30-05:00",
		"same_day_missed@2026-11-20T16:30-05:00",
		"cutoff@2026-11-23T02:15-05:00",
		"settles@2026-11-23T08:30-05:00",
		"available@2026-11-23T09:00-05:00",
		"returnable_until@2026-11-25",
	}, railStepLines(tl.Steps))
	assert.Contains(t, tl.Steps[1].Sentence, "4:15 p.m. ET")

	tl, err = rules.When(Request{Rail: RailACH, At: railET(2026, 11, 20, 16, 10), SameDay: true}, Fed)
	require.NoError(t, err)
	assert.Contains(t, tl.Steps[1].Sentence, "the bank's cut-off")
	assert.Equal(t, "cutoff@2026-11-20T16:15-05:00", railStepLines(tl.Steps)[1])
}

func TestTimingRulesFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"bank.yaml": "ach:\n  same_day_3:\n    bank_cutoff: \"16:15\"\n  same_day_limit: 500000\n" +
			"wire:\n  bank_cutoff: \"15:30\"\n  fedwire_customer_cutoff: \"18:00\"\n" +
			"card:\n  settlement_by_days: 3\n  dispute_response_days:\n    visa: 18\n",
		"bank.toml": "[ach]\nsame_day_limit = \"500000\"\n[ach.same_day_3]\nbank_cutoff = \"16:15\"\n" +
			"[wire]\nbank_cutoff = \"15:30\"\nfedwire_customer_cutoff = \"18:00\"\n" +
			"[card]\nsettlement_by_days = 3\n[card.dispute_response_days]\nvisa = 18\n",
	}
	for name, text := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			require.NoError(t, os.WriteFile(path, []byte(text), 0o600))
			r, err := LoadRules(path)
			require.NoError(t, err)
			def := DefaultRules()
			assert.Equal(t, Clock{16, 15}, r.ACH.SameDay3.BankCutoff)
			assert.Equal(t, def.ACH.SameDay3.Deadline, r.ACH.SameDay3.Deadline, "the rest of the window keeps its defaults")
			assert.Equal(t, def.ACH.SameDay1, r.ACH.SameDay1)
			assert.Equal(t, "500000", r.ACH.SameDayLimit.String())
			assert.Equal(t, Clock{15, 30}, r.Wire.BankCutoff)
			assert.Equal(t, Clock{18, 0}, r.Wire.FedwireCustomerCutoff)
			assert.Equal(t, 3, r.Card.SettlementByDays)
			assert.Equal(t, 18, r.Card.DisputeResponseDays["visa"])
		})
	}
}

func TestACHTimelineErrors(t *testing.T) {
	rules := DefaultRules()
	at := railET(2026, 11, 20, 10, 0)
	tests := []struct {
		name string
		req  Request
		want string
	}{
		{"IAT same-day", Request{Rail: RailACH, At: at, SameDay: true, Kind: "IAT"}, "IAT entries cannot go by Same Day ACH"},
		{"unknown SEC code", Request{Rail: RailACH, At: at, Kind: "xyz"}, `"xyz" is not an SEC code`},
		{"same-day with a later effective date", Request{Rail: RailACH, At: at, SameDay: true, EffectiveDate: payment.NewDate(2026, 11, 23)}, "effective date 2026-11-23 is after"},
		{"negative amount", Request{Rail: RailACH, At: at, Amount: decimal.NewFromInt(-5)}, "negative"},
		{"no time", Request{Rail: RailACH}, "no starting time"},
		{"unknown rail", Request{Rail: "rtp", At: at}, `rail "rtp"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.When(tt.req, Fed)
			assert.ErrorContains(t, err, tt.want)
		})
	}
	// An IAT entry with a stale date is not an error: it goes next-day.
	tl, err := rules.When(Request{Rail: RailACH, At: at, Kind: "iat", EffectiveDate: payment.NewDate(2026, 11, 19)}, Fed)
	require.NoError(t, err)
	assert.Equal(t, "same_day_missed", tl.Steps[1].Key)
	assert.Contains(t, tl.Steps[1].Sentence, "IAT entries never go by Same Day ACH")
}

func TestACHDeadlines(t *testing.T) {
	settled := payment.NewDate(2026, 11, 27)
	assert.Equal(t, "2026-12-01", ACHReturnDeadline(settled, Fed).String())
	assert.Equal(t, "2027-01-27", ACHUnauthorizedReturnDeadline(settled, Fed).String())
	assert.Equal(t, "2026-12-04", ACHReversalDeadline(settled, Fed).String())
}

func TestSpokenDollars(t *testing.T) {
	for in, want := range map[string]string{"1000000": "$1,000,000", "999.5": "$999.50", "12": "$12", "1234567.89": "$1,234,567.89", "100": "$100"} {
		assert.Equal(t, want, spokenDollars(decimal.RequireFromString(in)), in)
	}
}

func BenchmarkACHTimeline(b *testing.B) {
	rules := DefaultRules()
	req := Request{Rail: RailACH, At: railET(2026, 11, 25, 15, 0), Direction: payment.Credit, Kind: "web"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rules.When(req, Fed); err != nil {
			b.Fatal(err)
		}
	}
}
