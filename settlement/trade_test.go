package settlement

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tradeET is an instant on the US Eastern clock.
func tradeET(y int, m time.Month, day, hour, minute int) time.Time {
	return time.Date(y, m, day, hour, minute, 0, 0, Eastern)
}

// tradeUTC parses an RFC 3339 UTC instant.
func tradeUTC(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// wantStep is a step as the tests check it: its key, its day and, for a
// step at a known instant, its Eastern clock time ("" for a day-only step).
type wantStep struct {
	key, day, clock string
}

func checkSteps(t *testing.T, want []wantStep, got Timeline) {
	t.Helper()
	require.Len(t, got.Steps, len(want), "steps: %+v", got.Steps)
	for i, w := range want {
		s := got.Steps[i]
		assert.Equal(t, w.key, s.Key, "step %d", i)
		assert.Equal(t, d(w.day), s.Day(), "step %d (%s)", i, s.Key)
		assert.Equal(t, Eastern, s.At.Location(), "step %d (%s) in Eastern time", i, s.Key)
		if w.clock == "" {
			assert.True(t, s.DayOnly, "step %d (%s) is day-only", i, s.Key)
			assert.Equal(t, "00:00", s.At.Format("15:04"), "step %d (%s)", i, s.Key)
		} else {
			assert.False(t, s.DayOnly, "step %d (%s) has a time", i, s.Key)
			assert.Equal(t, w.clock, s.At.Format("15:04"), "step %d (%s)", i, s.Key)
		}
		assert.NotEmpty(t, s.Sentence, "step %d (%s)", i, s.Key)
		assert.NotEmpty(t, s.Rule, "step %d (%s)", i, s.Key)
		if i > 0 {
			assert.False(t, s.Day().Before(got.Steps[i-1].Day()), "step %d (%s) in time order", i, s.Key)
		}
	}
}

func TestTradeTimeline(t *testing.T) {
	rules := DefaultRules()
	tests := []struct {
		name      string
		req       Request
		want      []wantStep
		sentences map[string]string // key → sentence, for the steps whose words are checked
		notes     []string          // each must appear among the notes
	}{
		{
			name: "before MLK Day: Friday 2026-01-16 settles Tuesday 2026-01-20",
			req:  Request{Rail: RailTrade, Kind: TradeSell, At: tradeET(2026, time.January, 16, 11, 0)},
			want: []wantStep{
				{"trade_date", "2026-01-16", "11:00"},
				{"settles", "2026-01-20", ""},
				{"proceeds_withdrawable", "2026-01-20", ""},
			},
			sentences: map[string]string{
				"trade_date":            "The order was placed at 11:00 a.m. ET on Friday, January 16, 2026, during trading hours, so that is its trade date.",
				"settles":               "The sale settles on Tuesday, January 20, 2026.",
				"proceeds_withdrawable": "The money from the sale can be withdrawn from Tuesday, January 20, 2026, once the sale has settled.",
			},
		},
		{
			name: "Good Friday 2026-04-03: placed for Monday 2026-04-06",
			req:  Request{Rail: RailTrade, Kind: TradeBuy, At: tradeET(2026, time.April, 3, 10, 0)},
			want: []wantStep{
				{"order_placed", "2026-04-03", "10:00"},
				{"trade_date", "2026-04-06", ""},
				{"settles", "2026-04-07", ""},
				{"reg_t_payment_due", "2026-04-09", ""},
			},
			sentences: map[string]string{
				"order_placed": "The order was placed at 10:00 a.m. ET on Friday, April 3, 2026, when the stock market is closed for Good Friday, so it trades on the next trading day.",
				"trade_date":   "The trade date is Monday, April 6, 2026.",
				"settles":      "The purchase settles on Tuesday, April 7, 2026, and is paid for by then.",
			},
		},
		{
			name: "sell the day before Thanksgiving settles Friday 2026-11-27",
			req:  Request{Rail: RailTrade, Kind: TradeSell, At: tradeET(2026, time.November, 25, 14, 0)},
			want: []wantStep{
				{"trade_date", "2026-11-25", "14:00"},
				{"settles", "2026-11-27", ""},
				{"proceeds_withdrawable", "2026-11-27", ""},
			},
			notes: []string{"On a few days before holidays the market closes early, at 1:00 p.m. ET; this timeline assumes the regular close."},
		},
		{
			name: "4:30 p.m. ET Tuesday 2026-11-10: trades on Veterans Day, settles Thursday",
			req:  Request{Rail: RailTrade, Kind: TradeSell, At: tradeET(2026, time.November, 10, 16, 30)},
			want: []wantStep{
				{"order_placed", "2026-11-10", "16:30"},
				{"trade_date", "2026-11-11", ""},
				{"settles", "2026-11-12", ""},
				{"proceeds_withdrawable", "2026-11-12", ""},
			},
			sentences: map[string]string{
				"order_placed": "The order was placed at 4:30 p.m. ET on Tuesday, November 10, 2026, after the market's 4:00 p.m. ET close, so it trades on the next trading day.",
			},
			notes: []string{"Wednesday, November 11, 2026 is Veterans Day: the stock market trades, but banks are closed and nothing settles."},
		},
		{
			name: "on Veterans Day 2026-11-11 settles Thursday 2026-11-12",
			req:  Request{Rail: RailTrade, Kind: TradeBuy, At: tradeET(2026, time.November, 11, 10, 0)},
			want: []wantStep{
				{"trade_date", "2026-11-11", "10:00"},
				{"settles", "2026-11-12", ""},
				{"reg_t_payment_due", "2026-11-16", ""},
			},
			notes: []string{"Wednesday, November 11, 2026 is Veterans Day: the stock market trades, but banks are closed and nothing settles."},
		},
		{
			name: "Tuesday 2026-11-10 settles Thursday 2026-11-12: Veterans Day is no settlement day",
			req:  Request{Rail: RailTrade, Kind: TradeBuy, At: tradeET(2026, time.November, 10, 10, 0)},
			want: []wantStep{
				{"trade_date", "2026-11-10", "10:00"},
				{"settles", "2026-11-12", ""},
				{"reg_t_payment_due", "2026-11-16", ""},
			},
		},
		{
			name: "buy at 2026-11-20T21:30:00Z is 4:30 p.m. ET Friday, after the close",
			req:  Request{Rail: RailTrade, Kind: TradeBuy, At: tradeUTC("2026-11-20T21:30:00Z")},
			want: []wantStep{
				{"order_placed", "2026-11-20", "16:30"},
				{"trade_date", "2026-11-23", ""},
				{"settles", "2026-11-24", ""},
				{"reg_t_payment_due", "2026-11-27", ""}, // over Thanksgiving
			},
			sentences: map[string]string{
				"order_placed":      "The order was placed at 4:30 p.m. ET on Friday, November 20, 2026, after the market's 4:00 p.m. ET close, so it trades on the next trading day.",
				"reg_t_payment_due": "If the purchase is still unpaid at the end of Friday, November 27, 2026, the broker must cancel it or sell the shares.",
			},
		},
		{
			name: "late Friday evening ET is Saturday in UTC: 2026-11-21T03:30:00Z",
			req:  Request{Rail: RailTrade, Kind: TradeBuy, At: tradeUTC("2026-11-21T03:30:00Z")},
			want: []wantStep{
				{"order_placed", "2026-11-20", "22:30"},
				{"trade_date", "2026-11-23", ""},
				{"settles", "2026-11-24", ""},
				{"reg_t_payment_due", "2026-11-27", ""},
			},
		},
		{
			name: "DST: 2026-03-09T13:45:00Z is 9:45 a.m. EDT",
			req:  Request{Rail: RailTrade, Kind: TradeBuy, At: tradeUTC("2026-03-09T13:45:00Z")},
			want: []wantStep{
				{"trade_date", "2026-03-09", "09:45"},
				{"settles", "2026-03-10", ""},
				{"reg_t_payment_due", "2026-03-12", ""},
			},
			sentences: map[string]string{
				"trade_date": "The order was placed at 9:45 a.m. ET on Monday, March 9, 2026, during trading hours, so that is its trade date.",
			},
		},
		{
			name: "DST: 2026-03-06T20:30:00Z is 3:30 p.m. EST, before the close",
			req:  Request{Rail: RailTrade, Kind: TradeSell, At: tradeUTC("2026-03-06T20:30:00Z")},
			want: []wantStep{
				{"trade_date", "2026-03-06", "15:30"},
				{"settles", "2026-03-09", ""},
				{"proceeds_withdrawable", "2026-03-09", ""},
			},
		},
		{
			name: "DST: 2026-03-09T20:30:00Z is 4:30 p.m. EDT, after the close",
			req:  Request{Rail: RailTrade, Kind: TradeSell, At: tradeUTC("2026-03-09T20:30:00Z")},
			want: []wantStep{
				{"order_placed", "2026-03-09", "16:30"},
				{"trade_date", "2026-03-10", ""},
				{"settles", "2026-03-11", ""},
				{"proceeds_withdrawable", "2026-03-11", ""},
			},
		},
		{
			name: "DST ends: 2026-11-02T20:30:00Z is 3:30 p.m. EST, before the close",
			req:  Request{Rail: RailTrade, Kind: TradeSell, At: tradeUTC("2026-11-02T20:30:00Z")},
			want: []wantStep{
				{"trade_date", "2026-11-02", "15:30"},
				{"settles", "2026-11-03", ""},
				{"proceeds_withdrawable", "2026-11-03", ""},
			},
		},
		{
			name: "national day of mourning 2025-01-09 (rules closure): placed for Friday",
			req:  Request{Rail: RailTrade, Kind: TradeBuy, At: tradeET(2025, time.January, 9, 10, 0)},
			want: []wantStep{
				{"order_placed", "2025-01-09", "10:00"},
				{"trade_date", "2025-01-10", ""},
				{"settles", "2025-01-13", ""},
				{"reg_t_payment_due", "2025-01-15", ""},
			},
			sentences: map[string]string{
				"order_placed": "The order was placed at 10:00 a.m. ET on Thursday, January 9, 2025, when the stock market is closed for the National Day of Mourning for former President Jimmy Carter, so it trades on the next trading day.",
			},
		},
		{
			name: "Saturday order before Independence Day observed on Friday 2026-07-03",
			req:  Request{Rail: RailTrade, Kind: TradeSell, At: tradeET(2026, time.July, 3, 10, 0)},
			want: []wantStep{
				{"order_placed", "2026-07-03", "10:00"},
				{"trade_date", "2026-07-06", ""},
				{"settles", "2026-07-07", ""},
				{"proceeds_withdrawable", "2026-07-07", ""},
			},
		},
		{
			name: "buy with unsettled funds: the good-faith-violation rule",
			req:  Request{Rail: RailTrade, Kind: TradeBuy, At: tradeET(2026, time.November, 10, 10, 0), UnsettledFunds: true},
			want: []wantStep{
				{"trade_date", "2026-11-10", "10:00"},
				{"settles", "2026-11-12", ""},
				{"sell_without_violation_from", "2026-11-12", ""},
				{"reg_t_payment_due", "2026-11-16", ""},
			},
			sentences: map[string]string{
				"sell_without_violation_from": "Selling these shares before Thursday, November 12, 2026, when the money used to buy them has settled, would be a good-faith violation.",
			},
			notes: []string{"3 good-faith violations within 12 months limit the account to buying with settled cash only, for 90 days."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := rules.When(tt.req, Fed)
			require.NoError(t, err)
			checkSteps(t, tt.want, tl)
			for key, want := range tt.sentences {
				found := false
				for _, s := range tl.Steps {
					if s.Key == key {
						assert.Equal(t, want, s.Sentence, key)
						found = true
					}
				}
				assert.True(t, found, "step %s", key)
			}
			for _, n := range tt.notes {
				assert.Contains(t, tl.Notes, n)
			}
		})
	}
}

func TestTradeDepositTimeline(t *testing.T) {
	withLimit := DefaultRules()
	limit := decimal.RequireFromString("1000")
	withLimit.Trade.InstantDepositLimit = &limit
	tests := []struct {
		name      string
		rules     *Rules
		req       Request
		want      []wantStep
		sentences map[string]string
	}{
		{
			name:  "after the cut-off on Friday 2026-11-20, no instant deposit",
			rules: DefaultRules(),
			req:   Request{Rail: RailTrade, Kind: TradeDeposit, At: tradeUTC("2026-11-20T21:30:00Z")},
			want: []wantStep{
				{"debit_settles", "2026-11-24", ""},
				{"buying_power", "2026-11-24", ""},
				{"withdrawable", "2026-12-01", ""}, // 5 banking days after Monday 11-23, over Thanksgiving
				{"unauthorized_return_until", "2027-01-25", ""},
			},
			sentences: map[string]string{
				"debit_settles":             "The bank's ACH payment for the deposit settles on Tuesday, November 24, 2026.",
				"buying_power":              "The deposit can be used to buy investments once the bank's payment settles, on Tuesday, November 24, 2026.",
				"withdrawable":              "The deposited money can be withdrawn from Tuesday, December 1, 2026, after a hold of 5 business days.",
				"unauthorized_return_until": "The customer's bank can still return the payment as unauthorized until Monday, January 25, 2027, the banking day after the 60th day from settlement.",
			},
		},
		{
			name:  "morning deposit over the instant limit",
			rules: withLimit,
			req: Request{Rail: RailTrade, Kind: TradeDeposit, At: tradeET(2026, time.November, 16, 10, 0),
				Amount: decimal.RequireFromString("5000")},
			want: []wantStep{
				{"buying_power", "2026-11-16", "10:00"},
				{"debit_settles", "2026-11-17", ""},
				{"withdrawable", "2026-11-23", ""},
				{"unauthorized_return_until", "2027-01-19", ""},
			},
			sentences: map[string]string{
				"buying_power": "$1,000 of the $5,000 deposit can be used to buy investments right away, from 10:00 a.m. ET on Monday, November 16, 2026, and the rest once the bank's payment settles.",
			},
		},
		{
			name:  "deposit under the instant limit",
			rules: withLimit,
			req: Request{Rail: RailTrade, Kind: TradeDeposit, At: tradeET(2026, time.November, 16, 10, 0),
				Amount: decimal.RequireFromString("250")},
			want: []wantStep{
				{"buying_power", "2026-11-16", "10:00"},
				{"debit_settles", "2026-11-17", ""},
				{"withdrawable", "2026-11-23", ""},
				{"unauthorized_return_until", "2027-01-19", ""},
			},
			sentences: map[string]string{
				"buying_power": "All $250 of the deposit can be used to buy investments right away, from 10:00 a.m. ET on Monday, November 16, 2026.",
			},
		},
		{
			name:  "same-day ACH deposit settles the same day",
			rules: withLimit,
			req:   Request{Rail: RailTrade, Kind: TradeDeposit, SameDay: true, At: tradeET(2026, time.November, 16, 10, 0)},
			want: []wantStep{
				{"buying_power", "2026-11-16", "10:00"},
				{"debit_settles", "2026-11-16", ""},
				{"withdrawable", "2026-11-23", ""},
				{"unauthorized_return_until", "2027-01-19", ""},
			},
			sentences: map[string]string{
				"buying_power":  "Up to $1,000 of the deposit can be used to buy investments right away, from 10:00 a.m. ET on Monday, November 16, 2026.",
				"debit_settles": "The bank's Same Day ACH payment for the deposit settles on Monday, November 16, 2026.",
			},
		},
		{
			name:  "deposit on Veterans Day goes to the bank on Thursday",
			rules: DefaultRules(),
			req:   Request{Rail: RailTrade, Kind: TradeDeposit, At: tradeET(2026, time.November, 11, 9, 0)},
			want: []wantStep{
				{"debit_settles", "2026-11-13", ""},
				{"buying_power", "2026-11-13", ""},
				{"withdrawable", "2026-11-19", ""},
				{"unauthorized_return_until", "2027-01-13", ""},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := tt.rules.When(tt.req, Fed)
			require.NoError(t, err)
			checkSteps(t, tt.want, tl)
			for key, want := range tt.sentences {
				for _, s := range tl.Steps {
					if s.Key == key {
						assert.Equal(t, want, s.Sentence, key)
					}
				}
			}
			assert.NotEmpty(t, tl.Notes)
		})
	}
}

func TestTradeTimelineErrors(t *testing.T) {
	rules := DefaultRules()
	at := tradeET(2026, time.November, 16, 10, 0)
	tests := []struct {
		name string
		req  Request
		want string
	}{
		{"same-day trade", Request{Rail: RailTrade, Kind: TradeBuy, SameDay: true, At: at}, "same-day applies to an ACH deposit"},
		{"unknown kind", Request{Rail: RailTrade, Kind: "short", At: at}, `kind "short": want buy, sell or deposit`},
		{"no kind", Request{Rail: RailTrade, At: at}, "no kind given"},
		{"negative deposit", Request{Rail: RailTrade, Kind: TradeDeposit, At: at, Amount: decimal.RequireFromString("-5")}, "negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.When(tt.req, Fed)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestTradeRulesFromFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"rules.yaml": `trade:
  market_close: "16:00"
  settlement_cycle: 2d
  deposit_hold: 7d
  deposit_cutoff: "14:30"
  instant_deposit_limit: 1000
  closures:
    - date: 2026-12-24
      reason: a storm
      source: test
`,
		"rules.toml": `[trade]
settlement_cycle = "2d"
deposit_hold = "7"
deposit_cutoff = "14:30"
instant_deposit_limit = "1000"
[[trade.closures]]
date = "2026-12-24"
reason = "a storm"
source = "test"
`,
	}
	for name, text := range files {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
			r, err := LoadRules(p)
			require.NoError(t, err)
			assert.Equal(t, DayCount(2), r.Trade.SettlementCycle)
			assert.Equal(t, DayCount(7), r.Trade.DepositHold)
			assert.Equal(t, Clock{Hour: 14, Minute: 30}, r.Trade.DepositCutoff)
			assert.Equal(t, Clock{Hour: 16}, r.Trade.MarketClose)
			assert.Equal(t, DayCount(2), r.Trade.PaymentPeriodExtra, "unset keeps the default")
			require.NotNil(t, r.Trade.InstantDepositLimit)
			assert.Equal(t, "1000", r.Trade.InstantDepositLimit.String())
			require.Len(t, r.Trade.Closures, 1)
			assert.Equal(t, d("2026-12-24"), r.Trade.Closures[0].Date)
			assert.False(t, r.Trade.TradingCalendar().IsTradingDay(d("2026-12-24")))
		})
	}
}

func TestDayCountText(t *testing.T) {
	for in, want := range map[string]DayCount{"5d": 5, "5": 5, "0d": 0, " 7 days": 7, "60d": 60} {
		var n DayCount
		require.NoError(t, n.UnmarshalText([]byte(in)), in)
		assert.Equal(t, want, n, in)
	}
	for _, in := range []string{"", "d", "-1d", "5h", "five"} {
		var n DayCount
		assert.Error(t, n.UnmarshalText([]byte(in)), in)
	}
	b, err := DayCount(5).MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "5d", string(b))
}

var benchSinkTimeline Timeline

func BenchmarkTradeTimeline(b *testing.B) {
	rules := DefaultRules()
	reqs := map[string]Request{
		"buy":     {Rail: RailTrade, Kind: TradeBuy, At: tradeUTC("2026-11-20T21:30:00Z"), UnsettledFunds: true},
		"sell":    {Rail: RailTrade, Kind: TradeSell, At: tradeET(2026, time.November, 10, 10, 0)},
		"deposit": {Rail: RailTrade, Kind: TradeDeposit, At: tradeET(2026, time.November, 16, 10, 0)},
	}
	for name, req := range reqs {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tl, err := rules.When(req, Fed)
				if err != nil {
					b.Fatal(err)
				}
				benchSinkTimeline = tl
			}
		})
	}
}
