package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/explain"
	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

type noteOptions struct {
	*options
	c caseFlags
}

func newNoteCmd(opts *options) *cobra.Command {
	no := &noteOptions{options: opts}
	cmd := &cobra.Command{
		Use:   "note (--record ID --records FILE | --event REF) SOURCE... | note (--record ID | --event REF) --db PATH [SOURCE...]",
		Short: "Write an audit-friendly case note in Markdown for one record",
		Long: `Write the case note an escalation needs for one of the company's records, in
Markdown: what the record says against what the evidence says, a summary in
plain words, the timeline with each event's source file and line, the codes
with their meaning and action, the deadlines (open or passed as of
--as-of), the actions due and done, the evidence read and its problems, and
what must not be told to the customer.

The record is reconciled against the sources exactly as match does. A
record with no evidence gets a note that says so, with the nearest
candidate. --event REF writes the note of the payment a reference names
(a trace, UETR, IMAD, processor id ...), from the record that claims it or,
with none, from the evidence alone. Account numbers are masked to their last
four digits unless --reveal. -o json gives {"record", "markdown"}.
` + caseDBHelp + exitStatusHelp + `
  (1 here means: the record is in neither the records file nor the store,
  or no event has the reference)`,
		Example: `  $ payinv note --record DEP-2611090013 --records fixtures/records/records.csv fixtures/ach
  $ payinv note --record WIR-2611180001 --records records.csv --as-of 2026-11-25 -o json wires/
  $ payinv note --record DEP-2611090013 --db history.db`,
		Args:        no.c.sourcesArgs,
		Annotations: map[string]string{"formats": "table,json"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := no.c.check(cmd.CommandPath()); err != nil {
				return err
			}
			return runNote(no, args)
		},
	}
	no.c.add(cmd)
	return cmd
}

// eventFacts is what a note needs of an event beyond what matching keeps:
// its dates and, for a NOC, the correction it asks for.
type eventFacts struct {
	timing     payment.Timing
	correction string
}

func runNote(no *noteOptions, args []string) error {
	facts, keep := no.collectFacts()
	lc, err := loadCase(no.options, &no.c, args, keep)
	if err != nil {
		return err
	}
	rr, rep, files := lc.rr, lc.rep, lc.files
	n := &noteWriter{opts: no, rr: rr, facts: facts, files: files, problems: lc.problems(), standIn: lc.standIn}
	md := n.markdown()

	out := newBuffered(no.io.Out)
	if no.output == "json" {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Record   string `json:"record"`
			Markdown string `json:"markdown"`
		}{rr.Record.ID, md}); err != nil {
			return err
		}
		_, _ = out.Write(b.Bytes())
	} else {
		out.printf("%s", md)
	}
	if err := out.flush(); err != nil {
		return err
	}
	return rep.result()
}

// collectFacts returns the map a note's facts go in and the function that
// keeps each event's.
func (no *noteOptions) collectFacts() (map[payment.Source]eventFacts, func(*payment.Event)) {
	facts := map[payment.Source]eventFacts{}
	return facts, func(ev *payment.Event) {
		if f := no.factsOf(ev); f != (eventFacts{}) {
			facts[ev.Source] = f
		}
	}
}

// factsOf keeps an event's timing and, for a NOC, its correction, with the
// corrected account number masked unless --reveal.
func (no *noteOptions) factsOf(ev *payment.Event) eventFacts {
	f := eventFacts{timing: ev.Timing}
	if ev.Kind == payment.KindNOC || ev.Kind == payment.KindRefusedNOC {
		f.correction = explain.Correction(ev)
		if c := ev.ACH.Corrected; c != nil && c.AccountNumber != "" && !no.reveal {
			f.correction = strings.ReplaceAll(f.correction, c.AccountNumber, payment.MaskAccount(c.AccountNumber))
			f.correction = payment.MaskNumbersInText(f.correction)
		}
	}
	return f
}

// noteWriter writes the case note of one record.
type noteWriter struct {
	opts     *noteOptions
	rr       *match.RecordResult
	facts    map[payment.Source]eventFacts
	files    []string
	problems []*payment.Problem
	// standIn is true when no record names the payment: the note is
	// written from the evidence alone.
	standIn bool
	b       strings.Builder
}

func (n *noteWriter) printf(format string, args ...any) { fmt.Fprintf(&n.b, format, args...) }

func (n *noteWriter) events() []*match.Evidence {
	if n.rr.Story == nil {
		return nil
	}
	return n.rr.Story.Events
}

func (n *noteWriter) markdown() string {
	n.title()
	n.summary()
	n.timeline()
	n.codes()
	n.deadlines()
	n.actions()
	n.evidence()
	n.notForCustomer()
	return n.b.String()
}

// noteAmount writes an amount with its currency: "2500.00 USD".
func noteAmount(e *match.Evidence) string {
	return payment.FormatAmountGrouped(e.Amount.Abs(), e.Currency) + " " + e.Currency
}

func (n *noteWriter) recordAmount() string {
	r := n.rr.Record
	return payment.FormatAmountGrouped(r.Amount, r.Currency) + " " + r.Currency
}

func (n *noteWriter) title() {
	r, rr := n.rr.Record, n.rr
	brk := "not a break"
	if rr.Break {
		brk = "**break**"
	}
	if n.standIn {
		n.printf("# Case note %s: %s %s by %s — no record of the company's names this payment; evidence says %s\n\n",
			r.ID, n.recordAmount(), r.Type, orUnknown(r.Rail), rr.Status)
		n.printf("Customer name %s. Written from the evidence alone: the payment settled %s. As of %s.\n",
			orUnknown(r.Name), explain.LongDate(settlement.DateOf(r.CreatedAt)), explain.LongDate(n.opts.today))
		return
	}
	n.printf("# Case note %s: customer %s, %s %s by %s — recorded %q, evidence says %s (%s)\n\n",
		r.ID, orUnknown(r.CustomerID), n.recordAmount(), r.Type, orUnknown(r.Rail), orUnknown(r.Status), rr.Status, brk)
	account := ""
	if r.AccountLast4 != "" {
		account = ", account ending " + r.AccountLast4
	}
	n.printf("Customer name %s%s. Record created %s. As of %s.\n",
		orUnknown(r.Name), account, explain.LongDate(settlement.DateOf(r.CreatedAt)), explain.LongDate(n.opts.today))
	if rr.Conflict != "" {
		n.printf("\nConflict: %s.\n", rr.Conflict)
	}
}

func (n *noteWriter) summary() {
	n.printf("\n## Summary\n\n")
	rr := n.rr
	if rr.Story == nil {
		n.printf("%s\n", n.noEvidence())
		return
	}
	var s []string
	var prev *match.Evidence
	for _, e := range rr.Story.Events {
		if prev != nil && prev.Kind == e.Kind && prev.Amount.Equal(e.Amount) && prev.Code == e.Code {
			continue // the same event read from a second file
		}
		if e.Kind == payment.KindFee || e.Kind == payment.KindStatus && noteEventSentence(e, n.rr) == "" {
			continue
		}
		prev = e
		s = append(s, "On "+explain.LongDate(e.Day())+", "+noteEventSentence(e, n.rr)+".")
	}
	s = append(s, "The evidence says the "+string(rr.Record.Type)+" is "+noteStatusWords(rr.Status)+".")
	if rr.Conflict != "" {
		s = append(s, "The record disagrees: "+rr.Conflict+".")
	}
	n.printf("%s\n", strings.Join(s, " "))
}

// noEvidence says plainly that a record has no payment in the evidence,
// and what came closest.
func (n *noteWriter) noEvidence() string {
	rr := n.rr
	s := fmt.Sprintf("No payment for this record was found in the evidence (%s read), so this note rests on the record alone. Status: %s.",
		countOf(len(n.files), "file", "files"), rr.Status)
	if d := rr.ExpectedSettlement; !d.IsZero() {
		s += " The payment is expected to settle by " + explain.LongDate(d) + "."
	}
	switch {
	case rr.NearMiss != nil:
		s += " Nearest candidate: " + storyHead(rr.NearMiss.Story).Source.String() + " (" + strings.Join(rr.NearMiss.Failed, "; ") + ")."
	case len(rr.Ambiguous) > 0:
		var parts []string
		for _, st := range rr.Ambiguous {
			parts = append(parts, storyHead(st).Source.String())
		}
		s += " Several payments fit equally well and none was picked: " + strings.Join(parts, ", ") + "."
	default:
		s += " Nothing similar is in the evidence."
	}
	return s
}

func noteStatusWords(s match.Status) string {
	switch s {
	case match.StatusMatched:
		return "matched: the money moved as recorded"
	case match.StatusChargedBack:
		return "charged back"
	case match.StatusAmountMismatch:
		return "for a different amount than recorded"
	}
	return string(s)
}

// noteCodeText is a code with its title: "R01 Insufficient Funds".
func noteCodeText(e *match.Evidence) string {
	if e.Code == "" {
		return ""
	}
	if c := explain.Lookup(e.Code, e.CodeScheme); len(c) > 0 && c[0].Title != "" {
		return e.Code + " " + c[0].Title
	}
	return e.Code
}

// noteEventSentence says in plain words what an event was: "the customer's
// bank returned it (R01 Insufficient Funds)".
func noteEventSentence(e *match.Evidence, rr *match.RecordResult) string {
	why := ""
	if c := noteCodeText(e); c != "" {
		why = " (" + c + ")"
	}
	amt := noteAmount(e)
	switch e.Kind {
	case payment.KindPayment:
		return fmt.Sprintf("the %s %s of %s settled", railWords(e.Rail), rr.Record.Type, amt)
	case payment.KindPrenote:
		return "a prenote (a zero-dollar test entry) was sent"
	case payment.KindReturn:
		return "the receiving bank returned the payment" + why
	case payment.KindNOC:
		return "the customer's bank sent a notification of change" + why
	case payment.KindRefusedNOC:
		return "our bank refused a notification of change" + why
	case payment.KindDishonoredReturn:
		return "our bank dishonored the return" + why
	case payment.KindContestedDishonoredReturn:
		return "the receiving bank contested the dishonor" + why
	case payment.KindReversal:
		return "the payment was reversed"
	case payment.KindAdvice:
		return "a bank advice of " + amt + " was received"
	case payment.KindAuthorization:
		return "the card was authorized for " + amt
	case payment.KindAuthorizationReversal:
		return "the authorization was released"
	case payment.KindCapture:
		return "the card payment of " + amt + " was captured"
	case payment.KindRefund:
		return amt + " was refunded to the card"
	case payment.KindRefundFailure:
		return "a refund of " + amt + " failed"
	case payment.KindDecline:
		return "the card was declined" + why
	case payment.KindChargeback:
		return "the cardholder disputed the payment and it was charged back" + why
	case payment.KindChargebackReversal:
		return "the chargeback was reversed in the company's favour"
	case payment.KindSecondChargeback:
		return "a second chargeback (pre-arbitration) came" + why
	case payment.KindPayout:
		return amt + " was paid out to the card"
	case payment.KindPayoutReturn:
		return "the card's bank sent the payout back" + why
	case payment.KindFee:
		return "a fee of " + amt + " was charged"
	case payment.KindRejection:
		return "the payment was rejected" + why
	case payment.KindRecall:
		return "a recall of the payment was asked for" + why
	case payment.KindRecallResponse:
		switch e.WireStatus {
		case "CNCL", "ACCR":
			return "the receiving bank accepted the recall"
		case "RJCR":
			return "the receiving bank refused the recall" + why
		}
		return "the receiving bank answered the recall" + why
	case payment.KindStatus:
		if e.WireStatus != "" {
			return "a status report said " + e.WireStatus + why
		}
		return ""
	}
	return string(e.Kind) + why
}

// noteCell makes text safe in a Markdown table cell.
func noteCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

func (n *noteWriter) row(cells ...string) {
	for i := range cells {
		cells[i] = noteCell(cells[i])
	}
	n.printf("| %s |\n", strings.Join(cells, " | "))
}

func (n *noteWriter) timeline() {
	n.printf("\n## Timeline\n\n")
	n.row("Date", "Event", "Amount", "Code", "Source")
	n.printf("|---|---|---:|---|---|\n")
	r := n.rr.Record
	n.row(explain.LongDate(settlement.DateOf(r.CreatedAt)), "record created, status "+orUnknown(r.Status), n.recordAmount(), "", r.Source.String())
	for _, e := range n.events() {
		what := noteEventSentence(e, n.rr)
		if what == "" {
			what = string(e.Kind)
		}
		n.row(explain.LongDate(e.Day()), what, noteAmount(e), noteCodeText(e), e.Source.String())
	}
}

// noteCode is a code met in a story, with the first event that carried it.
type noteCode struct {
	code  explain.Code
	event *match.Evidence
}

func (n *noteWriter) storyCodes() []noteCode {
	var out []noteCode
	seen := map[string]bool{}
	for _, e := range n.events() {
		if e.Code == "" || seen[e.CodeScheme+" "+e.Code] {
			continue
		}
		seen[e.CodeScheme+" "+e.Code] = true
		c := explain.Code{Code: e.Code, Scheme: e.CodeScheme, Meaning: "This code is in no catalog payinv knows."}
		if found := explain.Lookup(e.Code, e.CodeScheme); len(found) > 0 {
			c = found[0]
		}
		out = append(out, noteCode{code: c, event: e})
	}
	return out
}

func (n *noteWriter) codes() {
	n.printf("\n## Codes\n\n")
	codes := n.storyCodes()
	if len(codes) == 0 {
		n.printf("No reason codes in the evidence.\n")
		return
	}
	for _, nc := range codes {
		c := nc.code
		title := c.Code
		if c.Title != "" {
			title += " — " + c.Title
		}
		n.printf("- **%s** (%s, %s)", title, explain.SchemeTitle(c.Scheme), nc.event.Source)
		if c.Sensitive {
			n.printf(" — **not for the customer**")
		}
		n.printf("\n  - Meaning: %s\n", noteOneLine(c.Meaning))
		if c.Action != "" {
			n.printf("  - Action: %s\n", noteOneLine(c.Action))
		}
	}
}

// countOf writes a count with its noun: "1 file", "3 files".
func countOf(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }

func noteOneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// noteDeadline is a deadline of one event of the story.
type noteDeadline struct {
	explain.Deadline
	event *match.Evidence
	state string
}

// storyDeadlines lists every event's deadlines, in story order, with
// their state: passed or open on --as-of, or met by a later event.
func (n *noteWriter) storyDeadlines() []noteDeadline {
	var out []noteDeadline
	events := n.events()
	for i, e := range events {
		for _, d := range explain.Deadlines(n.facts[e.Source].timing) {
			nd := noteDeadline{Deadline: d, event: e, state: d.State(n.opts.today)}
			if d.MetBy != "" {
				if j := slices.IndexFunc(events[i+1:], func(l *match.Evidence) bool { return l.Kind == d.MetBy }); j >= 0 {
					later := events[i+1+j]
					nd.state = "used: "
					if later.Day().After(d.Date) {
						nd.state = "passed; after it, "
					}
					nd.state += noteEventSentence(later, n.rr) + " on " + explain.LongDate(later.Day())
				}
			}
			out = append(out, nd)
		}
	}
	if d := n.rr.ExpectedSettlement; !d.IsZero() {
		dl := explain.Deadline{Key: "expected_settlement", Label: "expected settlement of the payment", Date: d, Expected: true}
		out = append(out, noteDeadline{Deadline: dl, state: dl.State(n.opts.today)})
	}
	return out
}

func (n *noteWriter) deadlines() {
	n.printf("\n## Deadlines\n\n")
	ds := n.storyDeadlines()
	if len(ds) == 0 {
		n.printf("No deadlines follow from the evidence.\n")
		return
	}
	n.row("Deadline", "Date", "From", "State as of "+explain.LongDate(n.opts.today))
	n.printf("|---|---|---|---|\n")
	for _, d := range ds {
		from := "the record"
		if d.event != nil {
			from = d.event.Source.String()
		}
		n.row(d.Label, explain.LongDate(d.Date), from, d.state)
	}
}

func (n *noteWriter) actions() {
	n.printf("\n## Actions\n\n")
	var due []string
	rr := n.rr
	if rr.Conflict != "" {
		due = append(due, "Update the record: "+rr.Conflict+".")
	}
	for _, d := range n.storyDeadlines() {
		switch {
		case d.state != "open" && d.state != "expected", d.Key == "expected_settlement", d.Key == "correction_due":
		case d.Expected:
			due = append(due, "Expect by "+explain.LongDate(d.Date)+": "+d.Label+".")
		case d.Ours:
			due = append(due, "Due by "+explain.LongDate(d.Date)+": "+d.Label+".")
		default:
			due = append(due, "Watch until "+explain.LongDate(d.Date)+": "+d.Label+".")
		}
	}
	// The last code decides what to do now; earlier ones are history.
	if codes := n.storyCodes(); len(codes) > 0 {
		last := codes[len(codes)-1]
		if last.code.Action != "" {
			due = append(due, fmt.Sprintf("For %s (%s): %s", last.code.Code, explain.LongDate(last.event.Day()), noteOneLine(last.code.Action)))
		}
	}
	for _, e := range n.events() {
		if f := n.facts[e.Source]; f.correction != "" {
			by := ""
			if d := f.timing.CorrectionDue; !d.IsZero() {
				by = " by " + explain.LongDate(d) + " or before the next entry, whichever is later"
				if n.opts.today.After(d) {
					by += " (overdue if not yet done)"
				}
			}
			due = append(due, "Correct the stored bank details"+by+": "+f.correction+" ("+e.Source.String()+").")
		}
	}
	if rr.Story != nil {
		for _, note := range rr.Story.Notes() {
			due = append(due, "Note: "+note+".")
		}
	} else {
		switch {
		case !rr.ExpectedSettlement.IsZero():
			due = append(due, "Wait for the payment, expected by "+explain.LongDate(rr.ExpectedSettlement)+"; if it has not arrived then, ask the bank.")
		default:
			due = append(due, "Find the payment: ask the bank or the processor, or add the file that holds it.")
		}
	}
	n.printf("### Due\n\n")
	n.bullets(due, "Nothing is due.")

	var done []string
	for _, e := range n.events() {
		if e == rr.Story.Forward || e.Kind == payment.KindFee || e.Kind == payment.KindStatus {
			continue
		}
		done = append(done, noteUpperFirst(noteEventSentence(e, rr))+" on "+explain.LongDate(e.Day())+" ("+e.Source.String()+").")
	}
	n.printf("\n### Done, as the evidence shows\n\n")
	none := "Nothing after the payment itself."
	if rr.Story == nil {
		none = "Nothing: there is no evidence yet."
	}
	n.bullets(done, none)
}

func (n *noteWriter) bullets(items []string, none string) {
	if len(items) == 0 {
		n.printf("%s\n", none)
		return
	}
	seen := map[string]bool{}
	for _, s := range items {
		if !seen[s] { // the same fact read from two exports
			seen[s] = true
			n.printf("- %s\n", s)
		}
	}
}

func noteUpperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (n *noteWriter) evidence() {
	n.printf("\n## Evidence\n\n")
	r := n.rr.Record
	n.printf("- The record: %s\n", r.Source)
	used := map[string]bool{r.Source.File: true}
	for _, e := range n.events() {
		n.printf("- %s: %s, %s\n", e.Source, e.Kind, refsText(e))
		used[e.Source.File] = true
	}
	n.printf("- Sources read: %s\n", countOf(len(n.files), "file", "files"))
	var problems []string
	for _, p := range n.problems {
		if used[p.Source.File] {
			problems = append(problems, p.Error())
		}
	}
	n.printf("\nProblems in these files:\n\n")
	n.bullets(problems, "None reported.")
}

func (n *noteWriter) notForCustomer() {
	var items []string
	for _, nc := range n.storyCodes() {
		if nc.code.Sensitive {
			items = append(items, fmt.Sprintf("%s %s: an automatic message must not explain it; tell the customer only: %q",
				nc.code.Code, nc.code.Title, nc.code.Customer))
		}
	}
	if len(items) == 0 {
		return
	}
	n.printf("\n## Not for the customer\n\n")
	n.bullets(items, "")
}

// railWords names a rail for a sentence: "ACH", "card", "wire".
func railWords(r payment.Rail) string {
	if r == payment.RailACH {
		return "ACH"
	}
	return string(r)
}
