package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/rates"
)

type ratesOptions struct {
	*options
	window string
	db     string
	read   inputFlags
	days   int
}

func newRatesCmd(opts *options) *cobra.Command {
	ro := &ratesOptions{options: opts}
	cmd := &cobra.Command{
		Use:   "rates [--window 60d] [--as-of DATE] [--db PATH] [SOURCE...]",
		Short: "Nacha return rates and card decline and chargeback rates, against their thresholds",
		Long: `Compute, over the --window days ending on --as-of (both included), the
rates the payment networks watch:

  ach_unauthorized    returns R05, R07, R10, R11, R29, R51   threshold 0.5 % (Nacha)
  ach_administrative  returns R02, R03, R04                  threshold 3 % (Nacha)
  ach_overall         every return of a debit (RCK entries   threshold 15 % (Nacha)
                      left out of both sides)
  card_decline        declines / (declines + approved        no threshold
                      payments), by response code
  card_chargeback     chargebacks / captures, by dispute     line 1 % (advisory)
                      reason

The ACH rates divide the returns of debit entries by the live debit entries
the company originated (consumer and business alike; prenotes, zero-dollar
entries and reversals left out). As in Nacha's method, both are counted by
their own settlement date: a return counts in the window it arrived in,
even when its original settled before the window or is not in the sources.
Card events count on the processor's date of the event. An entry or card
payment read twice (the same file twice, a file already in --db, two
exports of one processor) counts once.

Rates are percentages rounded to two decimals. A rate is "near" from 80 %
of its threshold and "crossed" at or above it (the exact rate is
compared, not the rounded one); near and crossed rates are named on
stderr. Only Nacha's thresholds are alerts: the card line (about 1 %,
after the networks' monitoring programs, whose exact levels vary) only
warns. "no_data" means nothing to divide by in the window.

With --db, the events of the history store (payinv ingest) are counted as
well as the SOURCE files, which may then be left out.` + `

EXIT STATUS
  0  done, and no Nacha threshold is crossed
  1  done, and a Nacha return rate is at or above its threshold (for alerts)
  2  bad usage, or an input that could not be read completely (this wins
     over 1: the rates may be incomplete)`,
		Example: `  $ payinv rates --as-of 2026-11-25 fixtures/ach fixtures/cards/stripe_balance.csv
  $ payinv rates --db /var/lib/payinv/history.db || notify-ops "ACH return rate crossed"
  $ payinv rates --window 30d -o json bank/ | jq '.rates[] | select(.status != "ok")'
  $ payinv rates -o csv --db history.db > rates-$(date +%F).csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			if ro.db != "" {
				return nil
			}
			return minArgs(1, "SOURCE")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			days, err := rates.ParseDays(ro.window)
			if err != nil {
				return usageErrorf(cmd.CommandPath(), "--window: %v", err)
			}
			ro.days = days
			if err := ro.read.resolve(cmd.CommandPath()); err != nil {
				return err
			}
			return runRates(ro, args)
		},
	}
	ro.read.add(cmd)
	f := cmd.Flags()
	f.StringVar(&ro.window, "window", strconv.Itoa(rates.DefaultDays)+"d", "calendar days ending on --as-of to measure over, e.g. 60d")
	f.StringVar(&ro.db, "db", "", "also count every event of the history store, a SQLite file written by payinv ingest")
	return cmd
}

func runRates(ro *ratesOptions, args []string) error {
	rep, sources := ro.inputs(args)
	counter := rates.NewCounter(rates.NewWindow(ro.today, ro.days))
	if ro.db != "" {
		if _, err := addStoredEvents(ro.db, counter.Add); err != nil {
			return &exitError{code: ExitInput, message: "store: " + err.Error()}
		}
	}
	prog := newProgress(ro.io, "reading", progressThreshold, sources)
	prog.attach(sources)
	readInOrder(sources, rep, func(src source, rep *reporter, begin func(string), each func(*payment.Event)) int {
		return readEventsInto(src, rep, &ro.read, begin, each)
	}, func(string) {}, counter.Add)
	prog.done()
	report := counter.Report()

	var err error
	switch ro.output {
	case "json":
		err = writeRatesJSON(ro.io.Out, report, rep.problems)
	case "csv":
		err = writeRatesCSV(ro.io.Out, report)
	default:
		err = writeRatesTable(ro.io.Out, report)
	}
	if err != nil {
		return err
	}
	warnRates(rep, report)
	if err := rep.result(); err != nil {
		return err
	}
	if len(report.Alerts()) > 0 {
		return &exitError{code: ExitNothing}
	}
	return nil
}

// warnRates names on stderr every rate near or over its line, and rates
// with a numerator but nothing to divide it by.
func warnRates(rep *reporter, report *rates.Report) {
	w := rep.io.ErrOut
	for _, r := range report.Rates {
		p, _ := r.Percent()
		switch {
		case r.Status == rates.NoData && r.Numerator > 0:
			fmt.Fprintf(w, "payinv: %s%s: %d counted, but no %s in the window to divide by\n", rep.paint("warning: ", yellow),
				r.Title, r.Numerator, denominatorNoun(r))
		case r.Status == rates.Crossed && r.Threshold.Enforced:
			fmt.Fprintf(w, "payinv: %s is %s%%, at or above the %s%% threshold (%s): %d of %d\n", r.Title, p.StringFixed(2),
				r.Threshold.Percent.StringFixed(2), r.Threshold.Source, r.Numerator, r.Denominator)
		case r.Status == rates.Crossed:
			fmt.Fprintf(w, "payinv: %s%s is %s%%, at or above the %s%% monitoring line (%s, advisory): %d of %d\n", rep.paint("warning: ", yellow),
				r.Title, p.StringFixed(2), r.Threshold.Percent.StringFixed(2), r.Threshold.Source, r.Numerator, r.Denominator)
		case r.Status == rates.Near:
			fmt.Fprintf(w, "payinv: %s%s is %s%%, near the %s%% threshold (%s): %d of %d\n", rep.paint("warning: ", yellow),
				r.Title, p.StringFixed(2), r.Threshold.Percent.StringFixed(2), r.Threshold.Source, r.Numerator, r.Denominator)
		}
	}
}

// denominatorNoun names what a rate divides by.
func denominatorNoun(r *rates.Rate) string {
	switch r.Name {
	case rates.CardDecline:
		return "card payment attempts"
	case rates.CardChargeback:
		return "card captures"
	}
	return "debit entries"
}

func percentCell(r *rates.Rate) string {
	p, ok := r.Percent()
	if !ok {
		return ""
	}
	return p.StringFixed(2)
}

func thresholdCell(r *rates.Rate) string {
	if r.Threshold == nil {
		return ""
	}
	return r.Threshold.Percent.StringFixed(2)
}

// ratesMoneyText writes amounts for people: "37,000.00 USD; 12.00 EUR".
func ratesMoneyText(list []payment.Money) string {
	parts := make([]string, len(list))
	for i, m := range list {
		parts[i] = money(m.Amount, m.Currency) + " " + m.Currency
	}
	return strings.Join(parts, "; ")
}

func codeName(c rates.Code) string {
	code := c.Code
	if code == "" {
		code = "no code"
	}
	if c.Scheme != "" && c.Scheme != "nacha_return" {
		return c.Scheme + " " + code
	}
	return code
}

func writeRatesTable(w io.Writer, report *rates.Report) error {
	out := newBuffered(w)
	win := report.Window
	out.printf("Rates over %d %s, %s to %s\n\n", win.Days, plural(win.Days, "day", "days"), win.From, win.To)
	var rows [][]string
	for _, r := range report.Rates {
		rate := "-"
		if p := percentCell(r); p != "" {
			rate = p + "%"
		}
		threshold := "-"
		if r.Threshold != nil {
			threshold = thresholdCell(r) + "%"
			if !r.Threshold.Enforced {
				threshold += " advisory"
			}
		}
		var codes []string
		for _, c := range r.Codes {
			codes = append(codes, fmt.Sprintf("%s (%d)", codeName(c), c.Count))
		}
		rows = append(rows, []string{r.Name, rate, strconv.Itoa(r.Numerator), strconv.Itoa(r.Denominator),
			ratesMoneyText(r.NumeratorAmounts), ratesMoneyText(r.DenominatorAmounts), threshold, string(r.Status), strings.Join(codes, ", ")})
	}
	if err := writeTable(out, []column{{title: "rate"}, {title: "percent", right: true}, {title: "count", right: true},
		{title: "of", right: true}, {title: "amount", right: true}, {title: "of amount", right: true},
		{title: "threshold", right: true}, {title: "status"}, {title: "codes"}}, rows); err != nil {
		return err
	}
	rows = rows[:0]
	for _, r := range report.Rates {
		for _, c := range r.Codes {
			rows = append(rows, []string{r.Name, codeName(c), c.Title, strconv.Itoa(c.Count), ratesMoneyText(c.Amounts)})
		}
	}
	if len(rows) > 0 {
		out.printf("\nCodes behind the rates\n")
		if err := writeTable(out, []column{{title: "rate"}, {title: "code"}, {title: "title"}, {title: "count", right: true},
			{title: "amount", right: true}}, rows); err != nil {
			return err
		}
	}
	return out.flush()
}

// The JSON face of a report; field names are a contract.
type (
	ratesJSON struct {
		AsOf   string       `json:"as_of"`
		Window windowJSON   `json:"window"`
		Rates  []rateJSON   `json:"rates"`
		Alerts []string     `json:"alerts"`
		Probs  []problemRow `json:"problems"`
	}
	windowJSON struct {
		From string `json:"from"`
		To   string `json:"to"`
		Days int    `json:"days"`
	}
	rateJSON struct {
		Name               string      `json:"name"`
		Rail               string      `json:"rail"`
		Title              string      `json:"title"`
		Rate               *string     `json:"rate"` // percent, null when nothing to divide by
		Numerator          int         `json:"numerator"`
		Denominator        int         `json:"denominator"`
		NumeratorAmounts   []moneyJSON `json:"numerator_amounts"`
		DenominatorAmounts []moneyJSON `json:"denominator_amounts"`
		Threshold          *string     `json:"threshold"` // percent, null when none
		ThresholdSource    string      `json:"threshold_source"`
		Enforced           bool        `json:"enforced"`
		Status             string      `json:"status"`
		Codes              []codeJSON  `json:"codes"`
	}
	codeJSON struct {
		Scheme  string      `json:"scheme"`
		Code    string      `json:"code"`
		Title   string      `json:"title"`
		Count   int         `json:"count"`
		Amounts []moneyJSON `json:"amounts"`
	}
	moneyJSON struct {
		Amount   string `json:"amount"`
		Currency string `json:"currency"`
	}
	problemRow struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}
)

func moneyJSONList(list []payment.Money) []moneyJSON {
	out := make([]moneyJSON, len(list))
	for i, m := range list {
		out[i] = moneyJSON{Amount: payment.FormatAmount(m.Amount, m.Currency), Currency: m.Currency}
	}
	return out
}

func optionalString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func writeRatesJSON(w io.Writer, report *rates.Report, problems []*payment.Problem) error {
	doc := ratesJSON{
		AsOf:   report.AsOf.String(),
		Window: windowJSON{From: report.Window.From.String(), To: report.Window.To.String(), Days: report.Window.Days},
		Rates:  []rateJSON{},
		Alerts: []string{},
		Probs:  []problemRow{},
	}
	for _, r := range report.Rates {
		x := rateJSON{
			Name: r.Name, Rail: string(r.Rail), Title: r.Title,
			Rate:      optionalString(percentCell(r)),
			Numerator: r.Numerator, Denominator: r.Denominator,
			NumeratorAmounts: moneyJSONList(r.NumeratorAmounts), DenominatorAmounts: moneyJSONList(r.DenominatorAmounts),
			Threshold: optionalString(thresholdCell(r)),
			Status:    string(r.Status),
			Codes:     []codeJSON{},
		}
		if r.Threshold != nil {
			x.ThresholdSource, x.Enforced = r.Threshold.Source, r.Threshold.Enforced
		}
		for _, c := range r.Codes {
			x.Codes = append(x.Codes, codeJSON{Scheme: c.Scheme, Code: c.Code, Title: c.Title, Count: c.Count, Amounts: moneyJSONList(c.Amounts)})
		}
		doc.Rates = append(doc.Rates, x)
	}
	for _, r := range report.Alerts() {
		doc.Alerts = append(doc.Alerts, r.Name)
	}
	for _, p := range problems {
		severity := "error"
		if p.Warning {
			severity = "warning"
		}
		doc.Probs = append(doc.Probs, problemRow{File: p.Source.File, Line: p.Source.Line, Severity: severity, Message: p.Message})
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// ratesCSVHeader: one row per rate; columns are only ever added at the
// end. Amounts are plain decimals when the rate has one currency (the
// currency column names it); with several, each cell lists "amount
// currency" pairs separated by ";" and currency is empty. codes lists
// "code=count" pairs separated by ";" (card codes as "scheme code=count").
var ratesCSVHeader = []string{"as_of", "from", "to", "days", "name", "rail", "rate", "numerator", "denominator",
	"numerator_amount", "denominator_amount", "currency", "threshold", "threshold_source", "enforced", "status", "codes"}

func writeRatesCSV(w io.Writer, report *rates.Report) error {
	rows := newCSVRows(w, ratesCSVHeader)
	win := report.Window
	for _, r := range report.Rates {
		num, den, currency := csvAmounts(r.NumeratorAmounts, r.DenominatorAmounts)
		var source, enforced string
		if r.Threshold != nil {
			source, enforced = r.Threshold.Source, strconv.FormatBool(r.Threshold.Enforced)
		}
		codes := make([]string, len(r.Codes))
		for i, c := range r.Codes {
			codes[i] = codeName(c) + "=" + strconv.Itoa(c.Count)
		}
		rows.write([]string{report.AsOf.String(), win.From.String(), win.To.String(), strconv.Itoa(win.Days),
			r.Name, string(r.Rail), percentCell(r), strconv.Itoa(r.Numerator), strconv.Itoa(r.Denominator),
			num, den, currency, thresholdCell(r), source, enforced, string(r.Status), strings.Join(codes, ";")})
	}
	return rows.flush()
}

// csvAmounts writes the numerator and denominator amounts as CSV cells,
// with their currency when there is only one.
func csvAmounts(num, den []payment.Money) (string, string, string) {
	currencies := map[string]bool{}
	for _, m := range append(append([]payment.Money{}, num...), den...) {
		currencies[m.Currency] = true
	}
	if len(currencies) > 1 {
		cell := func(list []payment.Money) string {
			parts := make([]string, len(list))
			for i, m := range list {
				parts[i] = payment.FormatAmount(m.Amount, m.Currency) + " " + m.Currency
			}
			return strings.Join(parts, ";")
		}
		return cell(num), cell(den), ""
	}
	var currency string
	for c := range currencies {
		currency = c
	}
	single := func(list []payment.Money) string {
		if len(list) == 0 {
			return payment.FormatAmount(decimal.Zero, currency)
		}
		return payment.FormatAmount(list[0].Amount, list[0].Currency)
	}
	return single(num), single(den), currency
}
