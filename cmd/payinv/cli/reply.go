package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/explain/reply"
	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
	"github.com/payinv/payinv/settlement"
)

type replyOptions struct {
	*options
	record, event, records string
	mapping                string
	lang, tone, templates  string
	window                 int
	read                   inputFlags
}

func newReplyCmd(opts *options) *cobra.Command {
	ro := &replyOptions{options: opts}
	cmd := &cobra.Command{
		Use:   "reply (--record ID --records FILE | --event REF) SOURCE...",
		Short: "Customer-ready text for one record's situation",
		Long: `Write the reply a support agent can send a customer about one record: the
record is reconciled with the evidence in the sources (as payinv match
does), its situation is worked out (a deposit returned for insufficient
funds, a wire returned by the beneficiary's bank, an Apple Pay refund ...),
and the reply says what happened, why, what the customer can do and when,
with dates from the evidence and the settlement calendar.

Replies hold no full account numbers (last four digits only), no internal
codes and no internal notes; reasons marked not-for-customers are given in
neutral words. When the evidence is incomplete (no payment found yet, a
return whose original payment is not in the sources, a record that fits
several payments) the reply says so, and so does stderr.

Templates are Go text/template files embedded in payinv, one per situation
(templates/<lang>/<situation>.tmpl, plus _common.tmpl for the openings and
closings of each tone); --templates DIR overrides them file by file with the
same layout. -o json prints {"record", "situation", "lang", "tone",
"complete", "missing", "text"}.

--event REF replies about the payment a reference names (a trace, UETR,
IMAD, end-to-end id, processor id, the company's reference ...) when there is
no record to hand: its amount, direction and customer come from the evidence.
With --records too, the record that claims that payment is used.` + exitStatusHelp + `
  (1 here means: the record is not in the records file, or no event has the reference)`,
		Example: `  $ payinv reply --record DEP-2611090001 --records fixtures/records/records.csv fixtures/ach
  $ payinv reply --record WIR-2611170001 --records fixtures/records/records.csv --tone vip fixtures/wires/iso
  $ payinv reply --record CRD-2611100001 --records records.csv --templates ./our-templates -o json cards/
  $ payinv reply --event e4b2c1a0-93d7-4f5e-8a6b-1c2d3e4f5a6b fixtures/wires/iso`,
		Args: minArgs(1, "SOURCE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case ro.record != "" && ro.event != "":
				return usageErrorf(cmd.CommandPath(), "give --record or --event, not both")
			case ro.record == "" && ro.event == "":
				return usageErrorf(cmd.CommandPath(), "--record ID (with --records FILE) or --event REF is required")
			case ro.record != "" && ro.records == "":
				return usageErrorf(cmd.CommandPath(), "--records FILE is required with --record")
			}
			if err := reply.CheckLang(ro.lang); err != nil {
				return usageErrorf(cmd.CommandPath(), "--lang: %v", err)
			}
			if err := reply.CheckTone(ro.tone); err != nil {
				return usageErrorf(cmd.CommandPath(), "--tone: %v", err)
			}
			if err := ro.read.resolve(cmd.CommandPath()); err != nil {
				return err
			}
			return runReply(ro, args)
		},
	}
	ro.read.add(cmd)
	f := cmd.Flags()
	f.StringVar(&ro.record, "record", "", "the record `ID` to reply about")
	f.StringVar(&ro.event, "event", "", "a `REF`erence of the payment to reply about, when there is no record (trace, UETR, IMAD, end-to-end id, processor id ...)")
	f.StringVar(&ro.records, "records", "", "the company's records, CSV or JSON Lines")
	f.StringVar(&ro.mapping, "map", "", "a YAML or TOML file describing the records' layout")
	f.StringVar(&ro.lang, "lang", "en", "language of the reply ("+strings.Join(reply.Languages, ", ")+")")
	f.StringVar(&ro.tone, "tone", "standard", "tone of the reply ("+strings.Join(reply.Tones, ", ")+")")
	f.StringVar(&ro.templates, "templates", "", "a `DIR` of templates overriding the embedded ones (DIR/<lang>/<situation>.tmpl)")
	f.IntVar(&ro.window, "window", match.DefaultWindow, "banking days a record and its payment may be apart")
	return cmd
}

// replyJSON is the JSON face of a reply.
type replyJSON struct {
	Record    string   `json:"record"`
	Situation string   `json:"situation"`
	Lang      string   `json:"lang"`
	Tone      string   `json:"tone"`
	Complete  bool     `json:"complete"`
	Missing   []string `json:"missing"`
	Text      string   `json:"text"`
}

func runReply(ro *replyOptions, args []string) error {
	rep, sources := ro.inputs(args)
	m := match.NewMatcher(match.Options{Window: ro.window, AsOf: ro.today})
	if ro.records != "" {
		mo := &matchOptions{options: ro.options, records: ro.records, mapping: ro.mapping}
		recs := readRecords(mo, rep, nil)
		if recs == nil && rep.errors > 0 {
			return rep.result()
		}
		for _, r := range recs {
			m.AddRecord(r)
		}
	}
	readInOrder(sources, rep, func(src source, rep *reporter, begin func(string), each func(*payment.Event)) int {
		return readEventsInto(src, rep, &ro.read, begin, each)
	}, func(string) {}, m.AddEvent)
	res := m.Run()

	var rr *match.RecordResult
	if ro.event != "" {
		if rr = resultForEvent(res, ro.event); rr == nil {
			return &exitError{code: ExitNothing, message: fmt.Sprintf("no event in the sources has the reference %q", ro.event)}
		}
		if rr.Record.ID == ro.event { // no record claims the payment
			fmt.Fprintf(ro.io.ErrOut, "payinv: warning: no record for %s: the reply is written from the evidence alone, "+
				"and the day the customer asked is taken to be the day the payment settled; check it before sending\n", ro.event)
		}
	} else {
		for _, r := range res.Records {
			if strings.EqualFold(strings.TrimSpace(r.Record.ID), strings.TrimSpace(ro.record)) {
				rr = r
				break
			}
		}
		if rr == nil {
			return &exitError{code: ExitNothing, message: fmt.Sprintf("record %q is not in %s", ro.record, ro.records)}
		}
	}
	sit, facts := reply.Situate(rr, reply.Options{AsOf: ro.today, Rules: settlement.DefaultRules(), Calendar: settlement.Fed})
	text, err := reply.Templates{Dir: ro.templates}.Render(ro.lang, ro.tone, sit, facts)
	if err != nil {
		return &exitError{code: ExitInput, message: err.Error()}
	}
	if !facts.Complete {
		fmt.Fprintf(ro.io.ErrOut, "payinv: warning: record %s: the evidence is incomplete (%s); the reply says so\n",
			rr.Record.ID, strings.Join(facts.Missing, "; "))
	}
	if ro.output == "json" {
		missing := facts.Missing
		if missing == nil {
			missing = []string{}
		}
		enc := json.NewEncoder(ro.io.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(replyJSON{Record: rr.Record.ID, Situation: string(sit), Lang: ro.lang, Tone: ro.tone,
			Complete: facts.Complete, Missing: missing, Text: text}); err != nil {
			return err
		}
	} else {
		fmt.Fprint(ro.io.Out, text)
	}
	return rep.result()
}

// resultForEvent finds the payment a reference names and the record that
// claims it; with no record, it stands one in from the evidence: the
// payment's amount, direction, rail, customer and day, the reference as
// its id.
func resultForEvent(res *match.Result, ref string) *match.RecordResult {
	var story *match.Story
	for _, s := range res.Stories {
		if storyHasRef(s, ref) {
			story = s
			break
		}
	}
	if story == nil {
		return nil
	}
	for _, rr := range res.Records {
		if rr.Story == story {
			return rr
		}
	}
	head := storyHead(story)
	rec := &records.Record{
		ID: ref, Type: records.Withdrawal, Rail: recordRail(head), Amount: story.Amount().Abs(), Currency: story.Currency(),
		CreatedAt: story.Day().Time(settlement.Eastern).Add(12 * time.Hour), Name: head.Name,
		AccountLast4: head.CardLast4(), Source: head.Source,
	}
	if story.Direction() == payment.Credit {
		rec.Type = records.Deposit
	}
	if rec.AccountLast4 == "" && len(head.Account) >= 4 {
		rec.AccountLast4 = head.Account[len(head.Account)-4:]
	}
	return &match.RecordResult{Record: rec, Status: story.Outcome, Story: story}
}

// storyHasRef reports whether some event of the story has ref as one of
// its references or the references of the payment it answers.
func storyHasRef(s *match.Story, ref string) bool {
	for _, e := range s.Events {
		for _, r := range e.Refs() {
			if sameRef(ref, r.Value) {
				return true
			}
		}
		for _, r := range e.Originals() {
			if sameRef(ref, r.Value) {
				return true
			}
		}
	}
	return false
}

// recordRail is the records' name of an event's rail: apple_pay for a card
// in Apple Pay.
func recordRail(e *match.Evidence) string {
	if e.Rail == payment.RailCard && e.Wallet == "apple_pay" {
		return records.RailApplePay
	}
	return string(e.Rail)
}
