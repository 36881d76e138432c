package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/explain/reply"
	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/settlement"
)

type replyOptions struct {
	*options
	lang, tone, templates string
	c                     caseFlags
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
			if err := ro.c.check(cmd.CommandPath()); err != nil {
				return err
			}
			if err := reply.CheckLang(ro.lang); err != nil {
				return usageErrorf(cmd.CommandPath(), "--lang: %v", err)
			}
			if err := reply.CheckTone(ro.tone); err != nil {
				return usageErrorf(cmd.CommandPath(), "--tone: %v", err)
			}
			return runReply(ro, args)
		},
	}
	ro.c.add(cmd)
	f := cmd.Flags()
	f.StringVar(&ro.lang, "lang", "en", "language of the reply ("+strings.Join(reply.Languages, ", ")+")")
	f.StringVar(&ro.tone, "tone", "standard", "tone of the reply ("+strings.Join(reply.Tones, ", ")+")")
	f.StringVar(&ro.templates, "templates", "", "a `DIR` of templates overriding the embedded ones (DIR/<lang>/<situation>.tmpl)")
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
	lc, err := loadCase(ro.options, &ro.c, args, nil)
	if err != nil {
		return err
	}
	if lc.standIn {
		fmt.Fprintf(ro.io.ErrOut, "payinv: warning: no record for %s: the reply is written from the evidence alone, "+
			"and the day the customer asked is taken to be the day the payment settled; check it before sending\n", ro.c.event)
	}
	text, facts, sit, err := ro.write(lc.rr)
	if err != nil {
		return err
	}
	if !facts.Complete {
		fmt.Fprintf(ro.io.ErrOut, "payinv: warning: record %s: the evidence is incomplete (%s); the reply says so\n",
			lc.rr.Record.ID, strings.Join(facts.Missing, "; "))
	}
	if ro.output == "json" {
		missing := facts.Missing
		if missing == nil {
			missing = []string{}
		}
		enc := json.NewEncoder(ro.io.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(replyJSON{Record: lc.rr.Record.ID, Situation: string(sit), Lang: ro.lang, Tone: ro.tone,
			Complete: facts.Complete, Missing: missing, Text: text}); err != nil {
			return err
		}
	} else {
		fmt.Fprint(ro.io.Out, text)
	}
	return lc.rep.result()
}

// write works out a reconciled record's situation and writes its reply.
func (ro *replyOptions) write(rr *match.RecordResult) (string, reply.Facts, reply.Situation, error) {
	sit, facts := reply.Situate(rr, reply.Options{AsOf: ro.today, Rules: settlement.DefaultRules(), Calendar: settlement.Fed})
	text, err := reply.Templates{Dir: ro.templates}.Render(ro.lang, ro.tone, sit, facts)
	if err != nil {
		return "", facts, sit, &exitError{code: ExitInput, message: err.Error()}
	}
	return text, facts, sit, nil
}
