package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// whenOptions are the flags of payinv when.
type whenOptions struct {
	*options
	rail, at, direction, kind, amount, rules string
	sameDay, consumer                        bool
}

func newWhenCmd(opts *options) *cobra.Command {
	wo := &whenOptions{options: opts}
	cmd := &cobra.Command{
		Use:   "when --rail ach|wire|card|trade [--at TIME]",
		Short: "Say when money moves: a dated timeline for a payment or trade",
		Long: `Answer "when will my money arrive?" before anything has gone wrong: for
something that starts on a rail at a time — an ACH file submitted, a wire
sent, a card charged or refunded, a trade made, a deposit to a brokerage
account — list the dated steps that follow, each with a sentence: when it
settles, when the money is available, until when it can still come back.

--at is the starting instant: RFC 3339 with its zone (2026-11-20T16:50:00-05:00,
or ...Z for UTC), or a time without a zone, read in US Eastern time, the
rails' clock ("2026-11-20 16:50"); by default now. Each step is marked past,
today or ahead against --as-of (today by default), so that an analyst can
tell a customer what is still to come. Steps are given in US
Eastern time. Dates follow the Federal Reserve's banking calendar (and, for
trades, the exchanges' trading calendar).

Cut-off times and hold periods differ by bank and broker: --rules FILE, YAML
or TOML, overrides the published defaults (see settlement/*_timing.go for
the keys and their sources).` + exitStatusHelp,
		Example: `  $ payinv when --rail ach --same-day --at "2026-11-20 16:50"
  $ payinv when --rail ach --direction credit --consumer --at 2026-11-25T15:00:00-05:00
  $ payinv when --rail wire --at "2026-11-20 18:50"
  $ payinv when --rail trade --kind sell --at "2026-11-25 11:00" -o json
  $ payinv when --rail trade --kind deposit --rules broker.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			req, rules, err := wo.request(cmd.CommandPath())
			if err != nil {
				return err
			}
			tl, err := rules.When(req, settlement.Fed)
			if err != nil {
				return usageErrorf(cmd.CommandPath(), "%v", err)
			}
			return writeTimeline(opts, tl)
		},
	}
	f := cmd.Flags()
	f.StringVar(&wo.rail, "rail", "", "ach, wire, card or trade")
	f.StringVar(&wo.at, "at", "", "when it starts: RFC 3339, or \"YYYY-MM-DD HH:MM\" in US Eastern time (default: now)")
	f.BoolVar(&wo.sameDay, "same-day", false, "ACH: ask for Same Day ACH")
	f.StringVar(&wo.direction, "direction", "", "the effect on the company: credit (a deposit pulled from the customer) or debit (a withdrawal paid out)")
	f.StringVar(&wo.kind, "kind", "", "card: authorization, capture, refund, payout, chargeback; trade: buy, sell, deposit; wire: fedwire, chips, swift")
	f.BoolVar(&wo.consumer, "consumer", false, "ACH: the customer's account is a consumer account (unauthorized returns for 60 days)")
	f.StringVar(&wo.amount, "amount", "", "the amount, checked against limits (Same Day ACH's $1,000,000)")
	f.StringVar(&wo.rules, "rules", "", "YAML or TOML `FILE` of cut-off times and hold periods overriding the defaults")
	_ = cmd.RegisterFlagCompletionFunc("rail", cobra.FixedCompletions(settlement.Rails, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("direction", cobra.FixedCompletions([]string{"credit", "debit"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("rules", "yaml", "yml", "toml")
	return cmd
}

// request turns the flags into a timing question; errors are usage errors.
func (wo *whenOptions) request(command string) (settlement.Request, *settlement.Rules, error) {
	req := settlement.Request{Rail: strings.ToLower(strings.TrimSpace(wo.rail)), SameDay: wo.sameDay, Consumer: wo.consumer,
		Kind: strings.ToLower(strings.TrimSpace(wo.kind)), AsOf: wo.io.Now()}
	if req.Rail == "" {
		return req, nil, usageErrorf(command, "--rail is required: one of %s", strings.Join(settlement.Rails, ", "))
	}
	at, err := parseInstant(wo.at, wo.io.Now())
	if err != nil {
		return req, nil, usageErrorf(command, "--at: %v", err)
	}
	req.At = at
	switch d := strings.ToLower(wo.direction); d {
	case "":
	case "credit", "debit":
		req.Direction = payment.Direction(d)
	default:
		return req, nil, usageErrorf(command, "--direction %q: want credit or debit", wo.direction)
	}
	if wo.amount != "" {
		a, err := decimal.NewFromString(strings.ReplaceAll(wo.amount, ",", ""))
		if err != nil {
			return req, nil, usageErrorf(command, "--amount %q is not a number", wo.amount)
		}
		req.Amount = a
	}
	rules := settlement.DefaultRules()
	if wo.rules != "" {
		if rules, err = settlement.LoadRules(wo.rules); err != nil {
			return req, nil, usageErrorf(command, "--rules: %v", err)
		}
	}
	return req, rules, nil
}

// instantLayouts are the forms --at takes without a zone, read in US
// Eastern time.
var instantLayouts = []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"}

// parseInstant reads an instant: RFC 3339 with its zone, or a date and
// time without one, in US Eastern time; "" or "now" is now.
func parseInstant(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "now") {
		return now, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range instantLayouts {
		if t, err := time.ParseInLocation(layout, s, settlement.Eastern); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time: want RFC 3339 (2026-11-20T16:50:00-05:00) or \"2026-11-20 16:50\" (US Eastern)", s)
}

var whenColumns = []column{{title: "when"}, {title: "step"}, {title: "as of"}, {title: "what"}}

// stepState says where a step stands on today (--as-of): "past", "today"
// or "ahead".
func stepState(s settlement.Step, today payment.Date) string {
	switch d := s.Day(); {
	case d.Before(today):
		return "past"
	case d == today:
		return "today"
	}
	return "ahead"
}

// stepTime writes a step's moment for a table: "Fri 2026-11-20 4:50 p.m.".
func stepTime(s settlement.Step) string {
	day := s.At.Format("Mon 2006-01-02")
	if s.DayOnly {
		return day
	}
	return day + " " + settlement.ClockText(s.At)
}

func writeTimeline(opts *options, tl settlement.Timeline) error {
	switch opts.output {
	case "json":
		out := newJSONOut(opts.io.Out)
		out.raw(`{"rail":`)
		out.str(tl.Request.Rail)
		out.raw(`,"as_of":`)
		out.str(opts.today.String())
		out.raw(`,"at":`)
		out.str(tl.Request.At.In(settlement.Eastern).Format(time.RFC3339))
		out.raw(`,"steps":[`)
		for i, s := range tl.Steps {
			if i > 0 {
				out.raw(",")
			}
			out.raw("\n{\"key\":")
			out.str(s.Key)
			out.raw(`,"at":`)
			out.str(s.At.Format(time.RFC3339))
			out.raw(`,"date":`)
			out.str(s.Day().String())
			out.raw(`,"day_only":` + strconv.FormatBool(s.DayOnly) + `,"as_of":`)
			out.str(stepState(s, opts.today))
			out.raw(`,"sentence":`)
			out.str(s.Sentence)
			out.raw(`,"rule":`)
			out.str(s.Rule)
			out.raw("}")
		}
		if len(tl.Steps) > 0 {
			out.raw("\n")
		}
		out.raw(`],"notes":[`)
		for i, n := range tl.Notes {
			if i > 0 {
				out.raw(",")
			}
			out.str(n)
		}
		out.raw("]}\n")
		return out.flush()
	case "csv":
		rows := newCSVRows(opts.io.Out, []string{"key", "at", "date", "day_only", "sentence", "rule", "as_of"})
		for _, s := range tl.Steps {
			rows.write([]string{s.Key, s.At.Format(time.RFC3339), s.Day().String(), strconv.FormatBool(s.DayOnly), s.Sentence, s.Rule,
				stepState(s, opts.today)})
		}
		return rows.flush()
	}
	w := newBuffered(opts.io.Out)
	rows := make([][]string, len(tl.Steps))
	for i, s := range tl.Steps {
		rows[i] = []string{stepTime(s), s.Key, stepState(s, opts.today), s.Sentence}
	}
	_ = writeTable(w, whenColumns, rows)
	for _, n := range tl.Notes {
		w.printf("\nNote: %s\n", n)
	}
	w.printf("\nTimes are US Eastern (the rails' clock); \"as of\" is against %s (--as-of).\n", opts.today)
	return w.flush()
}
