package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/payinv/payinv/explain/reply"
	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/settlement"
)

type replyOptions struct {
	*options
	lang, tone, templates string
	c                     caseFlags
	// A sale of investments, timed by the settlement engine: --sale-at,
	// --amount and --name.
	saleAt, amount, name string
}

func newReplyCmd(opts *options) *cobra.Command {
	ro := &replyOptions{options: opts}
	cmd := &cobra.Command{
		Use:   "reply (--record ID --records FILE | --event REF) SOURCE... | reply (--record ID | --event REF) --db PATH [SOURCE...] | reply --sale-at TIME --amount N",
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
With --records too, the record that claims that payment is used.

--sale-at TIME --amount N [--name NAME] replies about the money of a sale
of investments that cannot be withdrawn yet: its trade date, when it
settles and when it can be withdrawn, from the settlement engine (as payinv
when --rail trade --kind sell gives them); no payment files are read.
` + caseDBHelp + exitStatusHelp + `
  (1 here means: the record is in neither the records file nor the store,
  or no event has the reference)`,
		Example: `  $ payinv reply --record DEP-2611090001 --records fixtures/records/records.csv fixtures/ach
  $ payinv reply --record WIR-2611170001 --records fixtures/records/records.csv --tone vip fixtures/wires/iso
  $ payinv reply --record CRD-2611100001 --records records.csv --templates ./our-templates -o json cards/
  $ payinv reply --event e4b2c1a0-93d7-4f5e-8a6b-1c2d3e4f5a6b fixtures/wires/iso
  $ payinv reply --record DEP-2611090001 --db history.db --lang es
  $ payinv reply --sale-at "2026-11-25 11:00" --amount 4200 --name "Maria Gonzalez" --lang es`,
		Args: func(cmd *cobra.Command, args []string) error {
			if ro.saleAt != "" && len(args) > 0 {
				return usageErrorf(cmd.CommandPath(), "--sale-at reads no payment files (%s given)", args[0])
			}
			if ro.saleAt != "" && ro.c.db != "" {
				return usageErrorf(cmd.CommandPath(), "--sale-at reads no history store (--db given)")
			}
			if ro.saleAt != "" {
				return nil
			}
			return ro.c.sourcesArgs(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if ro.saleAt == "" {
				if err := ro.c.check(cmd.CommandPath()); err != nil {
					return err
				}
			} else if ro.c.given() {
				return usageErrorf(cmd.CommandPath(), "--sale-at replies about a sale, not about --record or --event")
			}
			if err := reply.CheckLang(ro.lang); err != nil {
				return usageErrorf(cmd.CommandPath(), "--lang: %v", err)
			}
			if err := reply.CheckTone(ro.tone); err != nil {
				return usageErrorf(cmd.CommandPath(), "--tone: %v", err)
			}
			if ro.saleAt != "" {
				return runSaleReply(ro, cmd.CommandPath())
			}
			return runReply(ro, args)
		},
	}
	ro.c.add(cmd)
	f := cmd.Flags()
	f.StringVar(&ro.saleAt, "sale-at", "", "reply about a sale of investments made at `TIME` (RFC 3339, or \"YYYY-MM-DD HH:MM\" US Eastern)")
	f.StringVar(&ro.amount, "amount", "", "with --sale-at: the sale's proceeds, in US dollars")
	f.StringVar(&ro.name, "name", "", "with --sale-at: the customer's name")
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

// runSaleReply writes the reply about a sale whose money cannot be
// withdrawn until it settles.
func runSaleReply(ro *replyOptions, command string) error {
	at, err := parseInstant(ro.saleAt, ro.io.Now())
	if err != nil {
		return usageErrorf(command, "--sale-at: %v", err)
	}
	amount, err := decimal.NewFromString(strings.ReplaceAll(ro.amount, ",", ""))
	if err != nil || !amount.IsPositive() {
		return usageErrorf(command, "--amount %q: want the sale's proceeds, a positive number", ro.amount)
	}
	tl, err := settlement.DefaultRules().When(settlement.Request{Rail: settlement.RailTrade, Kind: "sell", At: at, Amount: amount}, settlement.Fed)
	if err != nil {
		return usageErrorf(command, "%v", err)
	}
	sit, facts, err := reply.SituateTrade(tl, amount, "USD", ro.name)
	if err != nil {
		return &exitError{code: ExitInput, message: err.Error()}
	}
	text, err := reply.Templates{Dir: ro.templates}.Render(ro.lang, ro.tone, sit, facts)
	if err != nil {
		return &exitError{code: ExitInput, message: err.Error()}
	}
	if ro.output == "json" {
		enc := json.NewEncoder(ro.io.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(replyJSON{Situation: string(sit), Lang: ro.lang, Tone: ro.tone, Complete: true, Missing: []string{}, Text: text})
	}
	_, err = fmt.Fprint(ro.io.Out, text)
	return err
}
