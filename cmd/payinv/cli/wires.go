package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires"
	"github.com/payinv/payinv/wires/reason"
)

// wireFlags are the flags of commands that read wire messages.
type wireFlags struct {
	ours []string
}

// add registers the flags on a command.
func (w *wireFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringSliceVar(&w.ours, "our-id", nil,
		"the company's own account `NUMBER`, its bank's routing number or BIC (repeatable or comma-separated): a wire whose debtor is one of them was sent by the company, one whose creditor is, received")
}

// options are what the flags say for wires.Read.
func (w *wireFlags) options() wires.Options { return wires.Options{Ours: w.ours} }

func newWiresCmd(opts *options) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "wires",
		Short: "Read wire messages: Fedwire, ISO 20022, SWIFT MT",
		Long: `Read wire messages — Fedwire's ISO 20022 messages (pacs.008, pacs.009,
pacs.004 returns, pacs.002 status reports and rejections, camt.056 recalls
and camt.029 answers), bank statements (camt.052, camt.053, camt.054),
CBPR+ messages, Fedwire's legacy FAIM tag format, and SWIFT MT103, MT202,
MT202COV, MT199, MT900 and MT910 — into the same events as NACHA files and
card exports: payments, returns and reversals linked to the wire they
answer by UETR, IMAD or end-to-end id, with their reason codes explained.`,
		Example: `  $ payinv wires show fixtures/wires/iso/
  $ payinv wires show -o json fixtures/wires/swift/2026-11-24-mt103-return.fin`,
	}
	cmd.AddCommand(newWiresShowCmd(opts))
	return cmd
}

func newWiresShowCmd(opts *options) *cobra.Command {
	wf := &wireFlags{}
	cmd := &cobra.Command{
		Use:   "show FILE...",
		Short: "Show the events of wire messages, with their references and reasons explained",
		Long: `Show one line per wire event: what it is (payment, return, reversal,
rejection, recall, recall answer, status report, statement entry), which way
the money moves for the company, the amount, the settlement date, the
customer and their account, the references to look it up by (UETR, IMAD,
end-to-end id or sender's reference) and a note: the reason code's title,
the status in words, the original payment an answer refers to, charges
taken on the way.

The format is told from the content: {1500} or {1100} for Fedwire FAIM, {1:
for SWIFT MT, an ISO 20022 namespace for XML. A file may hold many
messages; "-" reads standard input; a folder stands for every file in it
(files that are not wire messages are skipped with a note). A bad message
is reported on stderr with its file and line, and the rest of the file is
still read. -o json and -o csv are the same as payinv events'.

Which way a wire went is read from the message (the Fed's envelope, the
MT block 2, a statement's credit or debit mark); --our-id names the
company's own accounts, routing numbers and BICs where the message does
not say.` + exitStatusHelp + `
  (1 here means: the files hold no events)`,
		Example: `  $ payinv wires show fixtures/wires/iso/2026-11-18-return-pacs004.xml
  $ payinv wires show fixtures/wires/
  $ payinv wires show -o json fixtures/wires/ | jq '.events[] | select(.kind=="return")'
  $ payinv wires show --our-id 4470012345,074012503 bank-export.xml`,
		Args: minArgs(1, "FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return listEvents(opts, args, func(src source, rep *reporter, begin func(string), each func(*payment.Event)) int {
				return readWiresInto(src, rep, wf, begin, each)
			})
		},
	}
	wf.add(cmd)
	return cmd
}

// readWiresInto reads a source that should hold wire messages. A file found
// in a folder that is not one is skipped with a warning; a file named on
// the command line is read anyway, so the reader says what is wrong with
// it.
func readWiresInto(src source, rep *reporter, wf *wireFlags, begin func(string), each func(*payment.Event)) int {
	in, closer, err := openSource(src)
	if err != nil {
		rep.report(err, src.name)
		return 0
	}
	defer closer.Close()
	if head, _ := in.Peek(4096); src.inFolder && wires.Sniff(head) == "" {
		rep.report(payment.Warningf(payment.Source{File: src.name}, "skipped: not a wire message"), src.name)
		return 0
	}
	begin(src.name)
	return readWires(in, src.name, rep, wf, each)
}

// readWires hands every event of a wire file to each and every problem to
// rep.
func readWires(in io.Reader, name string, rep *reporter, wf *wireFlags, each func(*payment.Event)) int {
	n := 0
	for ev, err := range wires.Read(in, name, wf.options()) {
		if err != nil {
			rep.report(err, name)
			continue
		}
		each(ev)
		n++
	}
	return n
}

// wireMessage names a wire event's message briefly: "pacs.004", "MT103",
// "fedwire 1008 CTR".
func wireMessage(ev *payment.Event) string {
	if w := ev.Wire; w != nil && w.MessageType != "" {
		if strings.HasPrefix(w.MessageType, "pacs.") || strings.HasPrefix(w.MessageType, "camt.") {
			return ev.Format // the version is in JSON
		}
		return w.MessageType
	}
	return ev.Format
}

// wireRef is the reference an analyst looks a wire up by: the UETR, else
// the IMAD, else the end-to-end id or sender's reference; for an answer
// that names its payment by the original's.
func wireRef(ev *payment.Event) string {
	r := ev.Refs
	for _, v := range []string{r.UETR, r.IMAD, r.EndToEndID, r.SenderReference, r.MessageID} {
		if v != "" && !strings.EqualFold(v, "NOTPROVIDED") {
			return v
		}
	}
	return ""
}

// wireNote is what an analyst should know of a wire event at a glance:
// the reason and the status in words, what it answers, charges taken.
func wireNote(ev *payment.Event) string {
	var parts []string
	w := ev.Wire
	if r := ev.Reason; r != nil {
		text := r.Code
		if r.Title != "" {
			text += " " + r.Title
		}
		if w != nil && w.ReasonInferred {
			text += " (read from the bank's text)"
		}
		parts = append(parts, text)
	}
	if w == nil {
		return strings.Join(parts, "; ")
	}
	if w.Status != "" {
		if st, ok := reason.Status(w.Status); ok {
			parts = append(parts, w.Status+": "+st.Title)
		} else {
			parts = append(parts, w.Status)
		}
	}
	if orig := wireOriginal(ev); orig != "" {
		parts = append(parts, "for "+orig)
	}
	if w.Test {
		parts = append(parts, "TEST message")
	}
	if ev.Kind == payment.KindPayment && w.InstructedAmount != nil && w.InstructedAmount.Currency == ev.Currency &&
		w.InstructedAmount.Amount.GreaterThan(ev.Amount) {
		parts = append(parts, "sent "+payment.FormatAmount(w.InstructedAmount.Amount, ev.Currency)+
			", "+payment.FormatAmount(w.InstructedAmount.Amount.Sub(ev.Amount), ev.Currency)+" taken in charges on the way")
	}
	if w.Network == "fedwire" && w.BusinessFunction == "FFR" {
		parts = append(parts, "Fed funds returned: the end of an overnight loan between banks, not a returned payment")
	}
	return strings.Join(parts, "; ")
}

// wireOriginal names the payment a wire answer refers to.
func wireOriginal(ev *payment.Event) string {
	r := ev.Refs
	for _, v := range []string{r.OriginalUETR, r.OriginalIMAD, r.OriginalEndToEndID, r.OriginalSenderReference, r.OriginalMessageID} {
		if v != "" {
			return v
		}
	}
	return ""
}

// inputFlags are the flags of commands that read payment files of every
// rail: how to read card exports and wire messages.
type inputFlags struct {
	cards cardFlags
	wires wireFlags
}

// add registers the flags on a command.
func (f *inputFlags) add(cmd *cobra.Command) {
	f.cards.add(cmd)
	f.wires.add(cmd)
}

// resolve checks the flags; errors are usage errors (exit status 2).
func (f *inputFlags) resolve(command string) error { return f.cards.resolve(command) }
