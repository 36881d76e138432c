package settlement

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// Kinds of trade requests.
const (
	TradeBuy     = "buy"
	TradeSell    = "sell"
	TradeDeposit = "deposit" // an ACH deposit pulled from the customer's bank into the brokerage account
)

// Sources of the trade rules, as steps cite them.
const (
	ruleTradeHours    = "NYSE trading hours and Rule 7.2 holidays (nyse.com)"
	ruleSettlement    = "SEC Rule 15c6-1 (T+1 since May 28, 2024)"
	ruleRegTPayment   = "Regulation T, 12 CFR 220.2 and 220.8(b)"
	ruleGoodFaith     = "Regulation T, 12 CFR 220.8 (good-faith violation)"
	ruleCompany       = "company policy (rules file)"
	ruleFedACH        = "FedACH schedule (frbservices.org)"
	ruleUnauthorized  = "Nacha Operating Rules: extended return entries (R10, R11)"
	ruleACHReturnTime = "Nacha Operating Rules: return entries (2 banking days)"
)

// DayCount is a number of days as rules files write it: "5d" (or "5").
// Each field says whether it counts banking days or calendar days.
type DayCount int

// MarshalText writes "5d".
func (n DayCount) MarshalText() ([]byte, error) {
	return fmt.Appendf(nil, "%dd", int(n)), nil
}

// UnmarshalText reads "5d", "5 days" or "5".
func (n *DayCount) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "days"), "d"))
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		return fmt.Errorf("%q is not a number of days (want a whole number like 5d)", b)
	}
	*n = DayCount(v)
	return nil
}

// TradeRules are the securities settlement cycle and the company's holds
// on a brokerage account. Business days are Federal Reserve banking days
// (DTC, which settles US securities, follows the Fed's calendar).
type TradeRules struct {
	// MarketClose is the end of regular trading (NYSE and Nasdaq, US
	// Eastern time): an order placed at or after it trades on the next
	// trading day. Default 16:00 (nyse.com, trading hours). Early closes
	// (1:00 p.m. on some days before holidays) are not modelled.
	MarketClose Clock `yaml:"market_close" toml:"market_close"`
	// SettlementCycle is the standard settlement cycle in settlement
	// (banking) days after the trade date: default 1d, T+1 under SEC Rule
	// 15c6-1 since 2024-05-28.
	SettlementCycle DayCount `yaml:"settlement_cycle" toml:"settlement_cycle"`
	// PaymentPeriodExtra is what Regulation T adds to the settlement cycle
	// for paying for a purchase in a cash account, in business days:
	// default 2d (12 CFR 220.2, "payment period": T+3 under T+1).
	PaymentPeriodExtra DayCount `yaml:"payment_period_extra" toml:"payment_period_extra"`
	// ProceedsHold is how many business days after a sale settles its
	// proceeds can be withdrawn: default 0d, on the settlement date
	// (company policy).
	ProceedsHold DayCount `yaml:"proceeds_hold" toml:"proceeds_hold"`
	// DepositCutoff is the time of day (US Eastern) by which an ACH
	// deposit must be asked for to go to the bank that banking day: default
	// 16:00 (company policy; VERIFY with the broker's bank).
	DepositCutoff Clock `yaml:"deposit_cutoff" toml:"deposit_cutoff"`
	// DepositHold is how many business days after an ACH deposit is sent
	// to the bank its money can be withdrawn: default 5d (company policy;
	// brokers use 5 to 7, e.g. Robinhood "up to 5 business days",
	// Firstrade 5).
	DepositHold DayCount `yaml:"deposit_hold" toml:"deposit_hold"`
	// InstantDepositLimit is how much of an ACH deposit can buy
	// investments before the bank's payment settles. Default none: nothing
	// until it settles (company policy; Robinhood gives $1,000).
	InstantDepositLimit *decimal.Decimal `yaml:"instant_deposit_limit" toml:"instant_deposit_limit"`
	// GoodFaithViolations is how many good-faith violations within
	// GoodFaithWindowMonths restrict a cash account to settled cash for
	// SettledCashRestriction (calendar days): defaults 3, 12 and 90d
	// (common broker practice under Regulation T 220.8; some brokers
	// restrict on the 4th).
	GoodFaithViolations    int      `yaml:"good_faith_violations" toml:"good_faith_violations"`
	GoodFaithWindowMonths  int      `yaml:"good_faith_window_months" toml:"good_faith_window_months"`
	SettledCashRestriction DayCount `yaml:"settled_cash_restriction" toml:"settled_cash_restriction"`
	// Closures are days the stock market closes outside its holiday rules
	// (national days of mourning); the NYSE holidays come from the
	// calendar library. Default: Thursday, January 9, 2025.
	Closures []MarketClosure `yaml:"closures" toml:"closures"`
}

func defaultTradeRules() TradeRules {
	return TradeRules{
		MarketClose:            Clock{Hour: 16},
		SettlementCycle:        1,
		PaymentPeriodExtra:     2,
		ProceedsHold:           0,
		DepositCutoff:          Clock{Hour: 16},
		DepositHold:            5,
		GoodFaithViolations:    3,
		GoodFaithWindowMonths:  12,
		SettledCashRestriction: 90,
		Closures: []MarketClosure{{
			Date:   payment.NewDate(2025, time.January, 9),
			Reason: "the National Day of Mourning for former President Jimmy Carter",
			Source: "NYSE Group announcement, December 2024 (nyse.com)",
		}},
	}
}

// TradingCalendar returns the trading calendar with these rules' closures.
func (t *TradeRules) TradingCalendar() *TradingCalendar {
	return NewTradingCalendar(t.Closures)
}

func (r *Rules) tradeTimeline(req Request, cal *Calendar) (Timeline, error) {
	tr := &r.Trade
	switch req.Kind {
	case TradeBuy, TradeSell:
		if req.SameDay {
			return Timeline{}, fmt.Errorf("trade %s: same-day applies to an ACH deposit, not to a trade", req.Kind)
		}
		return tr.tradeSteps(req, cal), nil
	case TradeDeposit:
		if req.Amount.IsNegative() {
			return Timeline{}, fmt.Errorf("trade deposit: amount %s is negative", req.Amount)
		}
		return tr.depositSteps(req, cal), nil
	case "":
		return Timeline{}, fmt.Errorf("trade: no kind given: want buy, sell or deposit")
	}
	return Timeline{}, fmt.Errorf("trade: kind %q: want buy, sell or deposit", req.Kind)
}

// tradeSteps is the life of a buy or a sell: trade date, settlement, and
// for a sell when its proceeds can leave, for a buy when it must be paid.
func (t *TradeRules) tradeSteps(req Request, fed *Calendar) Timeline {
	tc := TradingCalendar{closures: t.Closures}
	at := req.At.In(Eastern)
	tl := Timeline{Request: req, Steps: make([]Step, 0, 5)}

	day := DateOf(at)
	tradeDate := day
	why := ""
	switch {
	case !tc.IsTradingDay(day):
		why = "when the stock market is closed " + tradeClosedWhy(&tc, day)
	case !t.MarketClose.Before(at):
		why = "after the market's " + t.MarketClose.String() + " ET close"
	}
	if why != "" {
		tradeDate = tc.OnOrAfter(day.AddDays(1))
		tl.Steps = append(tl.Steps, Step{
			Key: "order_placed", At: at,
			Sentence: fmt.Sprintf("The order was placed at %s, %s, so it trades on the next trading day.", spokenTime(at), why),
			Rule:     ruleTradeHours,
		}, Step{
			Key: "trade_date", At: tradeDate.Time(Eastern), DayOnly: true,
			Sentence: fmt.Sprintf("The trade date is %s.", spokenDate(tradeDate)),
			Rule:     ruleTradeHours,
		})
	} else {
		tl.Steps = append(tl.Steps, Step{
			Key: "trade_date", At: at,
			Sentence: fmt.Sprintf("The order was placed at %s, during trading hours, so that is its trade date.", spokenTime(at)),
			Rule:     ruleTradeHours,
		})
		if at.Hour() >= 13 {
			tl.Notes = append(tl.Notes, "On a few days before holidays the market closes early, at 1:00 p.m. ET; this timeline assumes the regular close.")
		}
	}

	settles := fed.OnOrAfter(tradeDate)
	if t.SettlementCycle > 0 {
		settles = fed.AddBankingDays(tradeDate, int(t.SettlementCycle))
	}
	for d := tradeDate; d.Before(settles); d = d.AddDays(1) {
		if tc.IsTradingDay(d) && !fed.IsBankingDay(d) {
			name, _ := fed.Holiday(d)
			tl.Notes = append(tl.Notes, fmt.Sprintf("%s is %s: the stock market trades, but banks are closed and nothing settles.", spokenDate(d), tradeHolidayOr(name, "a bank holiday")))
		}
	}

	if req.Kind == TradeSell {
		tl.Steps = append(tl.Steps, Step{
			Key: "settles", At: settles.Time(Eastern), DayOnly: true,
			Sentence: fmt.Sprintf("The sale settles on %s.", spokenDate(settles)),
			Rule:     ruleSettlement,
		})
		free := fed.AddBankingDays(settles, int(t.ProceedsHold))
		s := Step{
			Key: "proceeds_withdrawable", At: free.Time(Eastern), DayOnly: true,
			Sentence: fmt.Sprintf("The money from the sale can be withdrawn from %s, once the sale has settled.", spokenDate(free)),
			Rule:     ruleSettlement,
		}
		if t.ProceedsHold > 0 {
			s.Sentence = fmt.Sprintf("The money from the sale can be withdrawn from %s, %s after the sale settles.", spokenDate(free), tradeBusinessDays(int(t.ProceedsHold)))
			s.Rule = ruleCompany
		}
		tl.Steps = append(tl.Steps, s)
		tl.Notes = append(tl.Notes, "Until the sale settles, its money can buy other investments but cannot be withdrawn.")
		return tl
	}

	tl.Steps = append(tl.Steps, Step{
		Key: "settles", At: settles.Time(Eastern), DayOnly: true,
		Sentence: fmt.Sprintf("The purchase settles on %s, and is paid for by then.", spokenDate(settles)),
		Rule:     ruleSettlement,
	})
	if req.UnsettledFunds {
		// Money that was unsettled on the trade date came from sales (or
		// deposits) that settle by this purchase's own settlement date.
		tl.Steps = append(tl.Steps, Step{
			Key: "sell_without_violation_from", At: settles.Time(Eastern), DayOnly: true,
			Sentence: fmt.Sprintf("Selling these shares before %s, when the money used to buy them has settled, would be a good-faith violation.", spokenDate(settles)),
			Rule:     ruleGoodFaith,
		})
		if t.GoodFaithViolations > 0 {
			tl.Notes = append(tl.Notes, fmt.Sprintf("%d good-faith violations within %d months limit the account to buying with settled cash only, for %d days.",
				t.GoodFaithViolations, t.GoodFaithWindowMonths, int(t.SettledCashRestriction)))
		}
	}
	due := fed.AddBankingDays(settles, int(t.PaymentPeriodExtra))
	tl.Steps = append(tl.Steps, Step{
		Key: "reg_t_payment_due", At: due.Time(Eastern), DayOnly: true,
		Sentence: fmt.Sprintf("If the purchase is still unpaid at the end of %s, the broker must cancel it or sell the shares.", spokenDate(due)),
		Rule:     ruleRegTPayment,
	})
	return tl
}

// depositSteps is the life of an ACH deposit into the brokerage account:
// buying power, the bank's payment settling, the hold, the return window.
func (t *TradeRules) depositSteps(req Request, fed *Calendar) Timeline {
	at := req.At.In(Eastern)
	tl := Timeline{Request: req, Steps: make([]Step, 0, 4)}

	day := DateOf(at)
	sent := day
	if !fed.IsBankingDay(day) || !t.DepositCutoff.Before(at) {
		sent = fed.AddBankingDays(day, 1)
		tl.Notes = append(tl.Notes, fmt.Sprintf("The deposit was asked for after the %s ET cut-off or on a day banks are closed, so it goes to the bank on %s.",
			t.DepositCutoff.String(), spokenDate(sent)))
	}
	settles := sent
	if !req.SameDay {
		settles = fed.AddBankingDays(sent, 1)
	}
	withdrawable := fed.AddBankingDays(sent, int(t.DepositHold))
	if withdrawable.Before(settles) {
		withdrawable = settles
	}
	// The same windows as every ACH debit (ach_timing.go).
	returnable := ACHUnauthorizedReturnDeadline(settles, fed)

	debit := Step{
		Key: "debit_settles", At: settles.Time(Eastern), DayOnly: true,
		Sentence: fmt.Sprintf("The bank's ACH payment for the deposit settles on %s.", spokenDate(settles)),
		Rule:     ruleFedACH,
	}
	if req.SameDay {
		debit.Sentence = fmt.Sprintf("The bank's Same Day ACH payment for the deposit settles on %s.", spokenDate(settles))
	}
	limit := t.InstantDepositLimit
	if limit != nil && limit.IsPositive() {
		var s string
		switch {
		case req.Amount.IsPositive() && req.Amount.LessThanOrEqual(*limit):
			s = fmt.Sprintf("All %s of the deposit can be used to buy investments right away, from %s.", spokenDollars(req.Amount), spokenTime(at))
		case req.Amount.IsPositive():
			s = fmt.Sprintf("%s of the %s deposit can be used to buy investments right away, from %s, and the rest once the bank's payment settles.",
				spokenDollars(*limit), spokenDollars(req.Amount), spokenTime(at))
		default:
			s = fmt.Sprintf("Up to %s of the deposit can be used to buy investments right away, from %s.", spokenDollars(*limit), spokenTime(at))
		}
		tl.Steps = append(tl.Steps, Step{Key: "buying_power", At: at, Sentence: s, Rule: ruleCompany}, debit)
	} else {
		tl.Steps = append(tl.Steps, debit, Step{
			Key: "buying_power", At: settles.Time(Eastern), DayOnly: true,
			Sentence: fmt.Sprintf("The deposit can be used to buy investments once the bank's payment settles, on %s.", spokenDate(settles)),
			Rule:     ruleCompany,
		})
	}
	tl.Steps = append(tl.Steps, Step{
		Key: "withdrawable", At: withdrawable.Time(Eastern), DayOnly: true,
		Sentence: fmt.Sprintf("The deposited money can be withdrawn from %s, after a hold of %s.", spokenDate(withdrawable), tradeBusinessDays(int(t.DepositHold))),
		Rule:     ruleCompany,
	}, Step{
		Key: "unauthorized_return_until", At: returnable.Time(Eastern), DayOnly: true,
		Sentence: fmt.Sprintf("The customer's bank can still return the payment as unauthorized until %s, the banking day after the %dth day from settlement.", spokenDate(returnable), ACHUnauthorizedReturnDays),
		Rule:     ruleUnauthorized,
	})
	// In day order; on one day, an instant (buying power now) comes before
	// what happens in the course of the day (a same-day debit settling).
	slices.SortStableFunc(tl.Steps, func(a, b Step) int { return a.Day().Compare(b.Day()) })

	tl.Notes = append(tl.Notes,
		fmt.Sprintf("The bank can return the payment for other reasons, such as insufficient funds, until %s (%s).", spokenDate(ACHReturnDeadline(settles, fed)), ruleACHReturnTime),
		"If the bank returns the payment, the deposit is taken back from the account, even if it was already used to buy investments.")
	return tl
}

// tradeClosedWhy says why the market is closed on d: "for Good Friday",
// "for the weekend".
func tradeClosedWhy(tc *TradingCalendar, d payment.Date) string {
	if name, ok := tc.Holiday(d); ok {
		return "for " + name
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return "for the weekend"
	}
	return "that day"
}

func tradeHolidayOr(name, other string) string {
	if name == "" {
		return other
	}
	return name
}

func tradeBusinessDays(n int) string {
	if n == 1 {
		return "1 business day"
	}
	return strconv.Itoa(n) + " business days"
}
