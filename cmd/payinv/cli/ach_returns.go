package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/explain"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

func newACHReturnsCmd(opts *options) *cobra.Command {
	return &cobra.Command{
		Use:   "returns FILE...",
		Short: "Explain the returns, NOCs, dishonored and contested returns and reversals in NACHA files",
		Long: `List every return, notification of change (NOC), refused NOC, dishonored
return, contested dishonored return and reversal in the NACHA files given,
explain each code in plain language, and work out its dates with the Federal
Reserve banking calendar:

  returns     banking days after the original entry settled, whether the
              return was on time, and until when it may be dishonored
  NOCs        what must change, and by when
  dishonored  whether the dishonor was on time, and until when it may be
              contested
  reversals   the entry reversed and the 5-banking-day limit

Give the files that hold the original entries too (a folder is easiest):
a return can only be dated against an original entry among the inputs.
--as-of sets the day that open and closed windows are judged on.` + exitStatusHelp + `
  (1 here means: no returns, NOCs or reversals in the files)`,
		Example: `  $ payinv ach returns fixtures/ach/
  $ payinv ach returns --as-of 2026-11-17 deposits.ach returns.ach
  $ payinv ach returns -o json fixtures/ach/ | jq '.entries[] | select(.event.timing.timely==false)'`,
		Args: minArgs(1, "FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runACHReturns(opts, args)
		},
	}
}

// answer is a return, NOC, dishonor, contest or reversal with what was
// found about the entry it answers.
type answer struct {
	ev   *payment.Event
	link ach.Link
	code explain.Code
}

func runACHReturns(opts *options, args []string) error {
	rep, sources := opts.inputs(args)
	originals := ach.NewOriginals()
	var answers []*answer
	prog := newProgress(opts.io, "reading", progressThreshold, sources)
	prog.attach(sources)
	defer prog.done()
	for _, src := range sources {
		in, closer, ok := openNACHA(src, rep)
		if !ok {
			continue
		}
		for rec, err := range ach.NewReader(in, src.name).All() {
			if err != nil {
				rep.report(err, src.name)
				continue
			}
			e, ok := rec.(*ach.Entry)
			if !ok {
				continue
			}
			// Forward entries are only indexed; the few entries that answer
			// them become events.
			originals.Add(e)
			switch e.Kind() {
			case payment.KindReturn, payment.KindNOC, payment.KindRefusedNOC, payment.KindDishonoredReturn,
				payment.KindContestedDishonoredReturn, payment.KindReversal:
				answers = append(answers, &answer{ev: e.Event()})
			}
		}
		closer.Close()
	}
	for _, a := range answers {
		a.link = originals.Date(a.ev, settlement.Fed)
		a.code, _ = explain.ForEvent(a.ev)
		if !opts.reveal {
			a.ev.Redact()
		}
	}

	var err error
	switch opts.output {
	case "json":
		err = returnsJSON(opts, answers, rep.problems)
	case "csv":
		err = returnsCSV(opts, answers)
	default:
		err = returnsTable(opts, answers)
	}
	if err != nil {
		return err
	}
	if res := rep.result(); res != nil {
		return res
	}
	if len(answers) == 0 {
		return errNothingFound
	}
	return nil
}

var returnsColumns = []column{
	{title: "source"}, {title: "kind"}, {title: "code"}, {title: "amount", right: true}, {title: "name"},
	{title: "account"}, {title: "original trace"}, {title: "details"},
}

func returnsTable(opts *options, answers []*answer) error {
	w := newBuffered(opts.io.Out)
	if len(answers) == 0 {
		w.printf("No returns, notifications of change or reversals in these files.\n")
		return w.flush()
	}
	rows := make([][]string, 0, len(answers))
	for _, a := range answers {
		code := ""
		if a.ev.Reason != nil {
			code = a.ev.Reason.Code
		}
		rows = append(rows, []string{
			a.ev.Source.String(), kindLabel(a.ev.Kind), code, money(a.ev.Amount, a.ev.Currency), a.ev.Party.Name,
			a.ev.Party.Account, a.ev.Refs.OriginalTrace, shortTiming(a.ev, opts.today),
		})
	}
	if err := writeTable(w, returnsColumns, rows); err != nil {
		return err
	}

	w.printf("\nDates (as of %s)\n", opts.today)
	for _, a := range answers {
		w.printf("  %s  %s\n", a.ev.Source, explain.Dates(a.ev, a.link, opts.today))
	}

	w.printf("\nWhat the codes mean\n")
	seen := map[string]bool{}
	for _, a := range answers {
		c := a.code
		key := c.Scheme + "/" + c.Code
		if c.Code == "" || seen[key] {
			continue
		}
		seen[key] = true
		title := c.Title
		if !c.Known {
			title = "not a Nacha code"
		}
		w.printf("\n  %s  %s\n", c.Code, title)
		w.printf("    What happened:     %s\n", c.Meaning)
		w.printf("    Tell the customer: %s\n", c.Customer)
		w.printf("    Next:              %s\n", c.Action)
	}
	return w.flush()
}

func kindLabel(k payment.Kind) string {
	switch k {
	case payment.KindDishonoredReturn:
		return "dishonored return"
	case payment.KindContestedDishonoredReturn:
		return "contested dishonor"
	case payment.KindRefusedNOC:
		return "refused NOC"
	case payment.KindNOC:
		return "NOC"
	}
	return string(k)
}

// shortTiming is the table's one-glance summary of an answer's dates.
func shortTiming(ev *payment.Event, today payment.Date) string {
	t := ev.Timing
	after := func(what string) string {
		if t.BankingDaysAfter == nil {
			return ""
		}
		return fmt.Sprintf("%d BD after %s · ", *t.BankingDaysAfter, what)
	}
	verdict := func() string {
		if t.Timely == nil {
			return ""
		}
		if *t.Timely {
			return "on time (by " + t.Deadline.String() + ")"
		}
		return "LATE (due " + t.Deadline.String() + ")"
	}
	switch ev.Kind {
	case payment.KindReturn:
		if t.OriginalSettlementDate.IsZero() {
			return "original not in inputs"
		}
		s := after("original") + verdict()
		if t.Timely != nil && !*t.Timely && !t.DishonorableUntil.IsZero() {
			s += " · dishonor by " + t.DishonorableUntil.String()
		}
		return strings.TrimSuffix(s, " · ")
	case payment.KindNOC:
		s := strings.TrimPrefix(explain.Correction(ev), "change ")
		if !t.CorrectionDue.IsZero() {
			s += " by " + t.CorrectionDue.String()
			if today.After(t.CorrectionDue) {
				s += " (passed)"
			}
		}
		return strings.TrimSpace(s)
	case payment.KindDishonoredReturn:
		s := after("return") + verdict()
		if !t.ContestableUntil.IsZero() {
			s += " · contest by " + t.ContestableUntil.String()
		}
		return s
	case payment.KindContestedDishonoredReturn:
		return strings.TrimSuffix(after("dishonor")+verdict(), " · ")
	case payment.KindReversal:
		if t.BankingDaysAfter == nil {
			return "original not in inputs"
		}
		return after("original") + verdict()
	}
	return ""
}

func returnsJSON(opts *options, answers []*answer, problems []*payment.Problem) error {
	out := newJSONOut(opts.io.Out)
	out.raw(`{"as_of":`)
	out.str(opts.today.String())
	out.raw(`,"entries":[`)
	for i, a := range answers {
		if i > 0 {
			out.raw(",")
		}
		out.raw("\n{\"event\":")
		out.event(a.ev, true) // already redacted unless --reveal
		out.raw(`,"original":`)
		if a.link.Original.File == "" {
			out.raw("null")
		} else {
			out.raw(`{"file":`)
			out.str(a.link.Original.File)
			out.raw(`,"line":`)
			out.int(a.link.Original.Line)
			out.raw("}")
		}
		out.raw(`,"explanation":{"dates":`)
		out.str(explain.Dates(a.ev, a.link, opts.today))
		out.raw(`,"title":`)
		out.str(a.code.Title)
		out.raw(`,"meaning":`)
		out.str(a.code.Meaning)
		out.raw(`,"customer":`)
		out.str(a.code.Customer)
		out.raw(`,"action":`)
		out.str(a.code.Action)
		out.raw(`,"sensitive":` + strconv.FormatBool(a.code.Sensitive) + "}}")
	}
	if len(answers) > 0 {
		out.raw("\n")
	}
	out.raw("],")
	out.problems(problems)
	out.raw("}\n")
	return out.flush()
}

var returnsCSVExtra = []string{"original_file", "original_line", "dates", "meaning", "customer", "action"}

func returnsCSV(opts *options, answers []*answer) error {
	rows := newCSVRows(opts.io.Out, append(append([]string{}, eventCSVHeader...), returnsCSVExtra...))
	for _, a := range answers {
		line := ""
		if a.link.Original.Line > 0 {
			line = strconv.Itoa(a.link.Original.Line)
		}
		row := append(eventCSVRow(a.ev), a.link.Original.File, line,
			explain.Dates(a.ev, a.link, opts.today), a.code.Meaning, a.code.Customer, a.code.Action)
		rows.write(row)
	}
	return rows.flush()
}
