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
	spec   rates.Spec
}

func newRatesCmd(opts *options) *cobra.Command {
	ro := &ratesOptions{options: opts}
	cmd := &cobra.Command{
		Use:   "rates [--window 60d|2m] [--as-of DATE] [--db PATH] [SOURCE...]",
		Short: "Nacha return rates and card decline and chargeback rates, against their thresholds",
		Long: `Compute the rates the payment networks watch over a window:

  --window 60d  the 60 calendar days ending on --as-of, both included
                (the default: Nacha's "preceding 60 days"); 1d to 3660d
  --window 2m   the two whole calendar months before the month of --as-of
                (Nacha's "two calendar months"): as of any day of November
                2026, 2026-09-01 to 2026-10-31. The month of --as-of is
                never included, even on its last day; 1m to 120m

The rates:

  ach_unauthorized    returns R05, R07, R10, R11, R29, R51   threshold 0.5 % (Nacha)
  ach_administrative  returns R02, R03, R04                  threshold 3 % (Nacha)
  ach_overall         every return of a debit (RCK entries   threshold 15 % (Nacha)
                      left out of both sides)
  card_decline        declines / (declines + approved        no threshold
                      payments), by response code
  card_chargeback     first chargebacks / captures, all      line 1 % (rule of
                      networks together, by dispute reason   thumb, advisory)
  card_chargeback_NETWORK  the same for each card network the window holds
                      (visa, mastercard, amex, discover …; "unknown" when no
                      input tells), as its program measures it where payinv
                      can:
    visa        over the Visa captures of the window. No threshold: Visa's
                monitoring program (VAMP) adds fraud reports (TC40), which
                exports do not carry, and counts card-not-present sales
                only; its lines could not be confirmed from a Visa document
    mastercard  over the Mastercard captures of the window moved back one
                calendar month: the Excessive Chargeback Program divides a
                month's chargebacks by the previous month's sales. Line:
                above 1 % with at least 100 chargebacks (Chargeback-
                Monitored Merchant; advisory; "below_minimum" when over 1 %
                with fewer). The program counts calendar months: --window 1m
    others      (amex, discover …) over the captures of the window; no
                threshold (none published that payinv could confirm)

Which ACH entries count. The ACH rates divide the returns of debit entries
by the live debit entries the company originated, consumer and business
alike. Reversing entries (batch REVERSAL) that debit the customer and
reinitiated entries (batch RETRY PYMT) are debit entries the company
originated: they count, and so do their returns (an improper reversal comes
back R11 or R17). Prenotes and zero-dollar entries are left out, with their
returns; returns of credits are not measured; a dishonored or contested
return does not take back the return it answers. The table "How the counts
were made" (parts in JSON; counted_parts and excluded_parts in CSV) names
each of these with its count and amount, to reconcile with the bank's
report.

As in Nacha's method, debits and returns are counted by their own
settlement date: a return counts in the window it arrived in, even when its
original settled before the window or is not in the sources. Card events
count on the processor's date of the event. An entry or card payment read
twice (the same file twice, a file already in --db, two exports of one
processor) counts once.

Rates are percentages rounded to two decimals. A rate is "near" from 80 %
of its threshold and "crossed" at or above it (above it for Mastercard's;
the exact rate is compared, not the rounded one); near and crossed rates
are named on stderr. Only Nacha's thresholds are alerts: the card lines
only warn. "no_data" means nothing to divide by.

With --db, the events of the history store (payinv ingest) are counted as
well as the SOURCE files, which may then be left out.` + `

EXIT STATUS
  0  done, and no Nacha threshold is crossed
  1  done, and a Nacha return rate is at or above its threshold (for alerts)
  2  bad usage, or an input that could not be read completely (this wins
     over 1: the rates may be incomplete)`,
		Example: `  $ payinv rates --as-of 2026-11-25 fixtures/ach fixtures/cards/stripe_balance.csv
  # September and October 2026, the two calendar months before the as-of date:
  $ payinv rates --window 2m --as-of 2026-11-25 fixtures/ach
  # Last month's Mastercard chargebacks over the month before's sales:
  $ payinv rates --window 1m --db history.db -o json | jq '.rates[] | select(.network == "mastercard")'
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
			spec, err := rates.ParseWindow(ro.window)
			if err != nil {
				return usageErrorf(cmd.CommandPath(), "--window: %v", err)
			}
			ro.spec = spec
			if err := ro.read.resolve(cmd.CommandPath()); err != nil {
				return err
			}
			return runRates(ro, args)
		},
	}
	ro.read.add(cmd)
	f := cmd.Flags()
	f.StringVar(&ro.window, "window", strconv.Itoa(rates.DefaultDays)+"d",
		"calendar days ending on --as-of (60d), or whole calendar months before the month of --as-of (2m), to measure over")
	f.StringVar(&ro.db, "db", "", "also count every event of the history store (payinv ingest): a SQLite file or a postgres:// URL")
	return cmd
}

func runRates(ro *ratesOptions, args []string) error {
	rep, sources := ro.inputs(args)
	counter := rates.NewCounterAsOf(ro.spec.Window(ro.today), ro.today)
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
			fmt.Fprintf(w, "payinv: %s%s: %d counted, but no %s to divide by\n", rep.paint("warning: ", yellow),
				r.Title, r.Numerator, denominatorNoun(r, report.Window))
		case r.Status == rates.Crossed && r.Threshold.Enforced:
			fmt.Fprintf(w, "payinv: %s is %s%%, at or above the %s%% threshold (%s): %d of %d\n", r.Title, p.StringFixed(2),
				r.Threshold.Percent.StringFixed(2), r.Threshold.Source, r.Numerator, r.Denominator)
		case r.Status == rates.Crossed:
			fmt.Fprintf(w, "payinv: %s%s is %s%%, %s the %s%% monitoring line (%s, advisory): %d of %d\n", rep.paint("warning: ", yellow),
				r.Title, p.StringFixed(2), crossedWords(r.Threshold), r.Threshold.Percent.StringFixed(2), r.Threshold.Source, r.Numerator, r.Denominator)
		case r.Status == rates.BelowMinimum:
			fmt.Fprintf(w, "payinv: %s%s is %s%%, %s the %s%% monitoring line (%s, advisory), but with %d chargebacks, fewer than the %d it applies from: %d of %d\n",
				rep.paint("warning: ", yellow), r.Title, p.StringFixed(2), crossedWords(r.Threshold), r.Threshold.Percent.StringFixed(2),
				r.Threshold.Source, r.Numerator, r.Threshold.MinCount, r.Numerator, r.Denominator)
		case r.Status == rates.Near:
			fmt.Fprintf(w, "payinv: %s%s is %s%%, near the %s%% threshold (%s): %d of %d\n", rep.paint("warning: ", yellow),
				r.Title, p.StringFixed(2), r.Threshold.Percent.StringFixed(2), r.Threshold.Source, r.Numerator, r.Denominator)
		}
	}
}

// crossedWords says how a rate stands over a line it crossed.
func crossedWords(th *rates.Threshold) string {
	if th.Exceed {
		return "above"
	}
	return "at or above"
}

// denominatorNoun names what a rate divides by, with the period when it
// is not the report's window.
func denominatorNoun(r *rates.Rate, window rates.Window) string {
	var noun string
	switch {
	case r.Name == rates.CardDecline:
		noun = "card payment attempts"
	case r.Name == rates.CardChargeback:
		noun = "card captures"
	case r.Network == rates.UnknownNetwork:
		noun = "card captures of an unknown network"
	case r.Network != "":
		noun = networkName(r.Network) + " captures"
	default:
		noun = "debit entries"
	}
	if d := r.DenominatorWindow; d.From != window.From || d.To != window.To {
		return fmt.Sprintf("%s from %s to %s (the month before)", noun, d.From, d.To)
	}
	return noun + " in the window"
}

// networkName writes a card network for people.
func networkName(n string) string {
	switch n {
	case "visa":
		return "Visa"
	case "mastercard":
		return "Mastercard"
	case "amex":
		return "American Express"
	case "discover":
		return "Discover"
	}
	return n
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
	out.printf("Rates over %s\n\n", report.Window)
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
	if notes := ratesNotes(report); len(notes) > 0 {
		out.printf("\n")
		for _, n := range notes {
			out.printf("%s\n", n)
		}
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
	if rows := partRows(report); len(rows) > 0 {
		out.printf("\nHow the counts were made (to reconcile with the bank's and the processor's reports)\n")
		if err := writeTable(out, []column{{title: "rates"}, {title: "part"}, {title: "side"}, {title: "count", right: true},
			{title: "amount", right: true}, {title: "why"}}, rows); err != nil {
			return err
		}
	}
	return out.flush()
}

// ratesNotes explains the rates whose denominator covers another period
// than the window, or whose line has conditions.
func ratesNotes(report *rates.Report) []string {
	var notes []string
	for _, r := range report.Rates {
		if d := r.DenominatorWindow; d.From != report.Window.From || d.To != report.Window.To {
			notes = append(notes, fmt.Sprintf("%s: chargebacks of the window over the %s", r.Name, denominatorNoun(r, report.Window)))
		}
		if th := r.Threshold; th != nil && th.MinCount > 0 {
			notes = append(notes, fmt.Sprintf("%s: the line is a rate %s %s%% with at least %d chargebacks in a calendar month (%s)",
				r.Name, crossedWords(th), th.Percent.StringFixed(2), th.MinCount, th.Source))
		}
	}
	return notes
}

// partRows lists the parts of the rates, one row for a part that several
// rates share with the same count and amounts.
func partRows(report *rates.Report) [][]string {
	type row struct {
		names []string
		cells []string
	}
	var rows []*row
	index := map[string]*row{}
	for _, r := range report.Rates {
		for _, p := range r.Parts {
			part := p.Key + " (counted)"
			if !p.Counted {
				part = p.Key + " (left out)"
			}
			cells := []string{part, p.Side, strconv.Itoa(p.Count), ratesMoneyText(p.Amounts), p.Title}
			key := strings.Join(cells, "\x00")
			if x := index[key]; x != nil {
				x.names = append(x.names, r.Name)
				continue
			}
			x := &row{names: []string{r.Name}, cells: cells}
			index[key] = x
			rows = append(rows, x)
		}
	}
	out := make([][]string, len(rows))
	for i, x := range rows {
		out[i] = append([]string{strings.Join(x.names, ", ")}, x.cells...)
	}
	return out
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
		From   string `json:"from"`
		To     string `json:"to"`
		Days   int    `json:"days"`
		Months int    `json:"months"` // whole calendar months; 0 for a window of days
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
		// Added with the rates by network, the month windows and the parts.
		Network           string     `json:"network"` // "" but for a rate by card network
		DenominatorFrom   string     `json:"denominator_from"`
		DenominatorTo     string     `json:"denominator_to"`
		ThresholdStrict   bool       `json:"threshold_strict"`    // crossed only above the line, not at it
		ThresholdMinCount int        `json:"threshold_min_count"` // numerator count from which the line applies; 0: any
		Parts             []partJSON `json:"parts"`
	}
	partJSON struct {
		Key     string      `json:"key"`
		Side    string      `json:"side"` // numerator | denominator
		Counted bool        `json:"counted"`
		Title   string      `json:"title"`
		Count   int         `json:"count"`
		Amounts []moneyJSON `json:"amounts"`
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
		AsOf: report.AsOf.String(),
		Window: windowJSON{From: report.Window.From.String(), To: report.Window.To.String(), Days: report.Window.Days,
			Months: report.Window.Months},
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
			Threshold:       optionalString(thresholdCell(r)),
			Status:          string(r.Status),
			Codes:           []codeJSON{},
			Network:         r.Network,
			DenominatorFrom: r.DenominatorWindow.From.String(), DenominatorTo: r.DenominatorWindow.To.String(),
			Parts: []partJSON{},
		}
		if th := r.Threshold; th != nil {
			x.ThresholdSource, x.Enforced = th.Source, th.Enforced
			x.ThresholdStrict, x.ThresholdMinCount = th.Exceed, th.MinCount
		}
		for _, p := range r.Parts {
			x.Parts = append(x.Parts, partJSON{Key: p.Key, Side: p.Side, Counted: p.Counted, Title: p.Title, Count: p.Count,
				Amounts: moneyJSONList(p.Amounts)})
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
// months is 0 for a window of days; network is empty but for a rate by
// card network; counted_parts and excluded_parts list "key=count" pairs
// separated by ";" (the JSON has their amounts and titles).
var ratesCSVHeader = []string{"as_of", "from", "to", "days", "name", "rail", "rate", "numerator", "denominator",
	"numerator_amount", "denominator_amount", "currency", "threshold", "threshold_source", "enforced", "status", "codes",
	"months", "network", "denominator_from", "denominator_to", "threshold_min_count", "counted_parts", "excluded_parts"}

func writeRatesCSV(w io.Writer, report *rates.Report) error {
	rows := newCSVRows(w, ratesCSVHeader)
	win := report.Window
	for _, r := range report.Rates {
		num, den, currency := csvAmounts(r.NumeratorAmounts, r.DenominatorAmounts)
		var source, enforced, minCount string
		if th := r.Threshold; th != nil {
			source, enforced, minCount = th.Source, strconv.FormatBool(th.Enforced), strconv.Itoa(th.MinCount)
		}
		var counted, excluded []string
		for _, p := range r.Parts {
			cell := p.Key + "=" + strconv.Itoa(p.Count)
			if p.Counted {
				counted = append(counted, cell)
			} else {
				excluded = append(excluded, cell)
			}
		}
		codes := make([]string, len(r.Codes))
		for i, c := range r.Codes {
			codes[i] = codeName(c) + "=" + strconv.Itoa(c.Count)
		}
		rows.write([]string{report.AsOf.String(), win.From.String(), win.To.String(), strconv.Itoa(win.Days),
			r.Name, string(r.Rail), percentCell(r), strconv.Itoa(r.Numerator), strconv.Itoa(r.Denominator),
			num, den, currency, thresholdCell(r), source, enforced, string(r.Status), strings.Join(codes, ";"),
			strconv.Itoa(win.Months), r.Network, r.DenominatorWindow.From.String(), r.DenominatorWindow.To.String(), minCount,
			strings.Join(counted, ";"), strings.Join(excluded, ";")})
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
