package cli

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/cards"
	"github.com/payinv/payinv/payment"
)

// cardFlags are the flags of commands that read card processor exports:
// which export a file is when its header does not say, and how to read a
// processor payinv has no reader for.
type cardFlags struct {
	processor string
	mapPath   string
	// read is what they resolve to, for cards.Read.
	read cards.Options
}

// add registers the flags on a command.
func (c *cardFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&c.processor, "processor", "", "read card exports as this format ("+strings.Join(cards.Formats(), ", ")+"); told from the header by default")
	f.StringVar(&c.mapPath, "card-map", "", "YAML or TOML `FILE` describing the columns of another processor's card export (used for files whose header is no known export's)")
	_ = cmd.RegisterFlagCompletionFunc("processor", cobra.FixedCompletions(cards.Formats(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("card-map", "yaml", "yml", "toml")
}

// resolve checks the flags and loads the mapping; errors are usage errors
// (exit status 2).
func (c *cardFlags) resolve(command string) error {
	c.read = cards.Options{Processor: strings.ToLower(strings.TrimSpace(c.processor))}
	if c.read.Processor != "" && !slices.Contains(cards.Formats(), c.read.Processor) {
		return usageErrorf(command, "--processor %q: want one of %s", c.processor, strings.Join(cards.Formats(), ", "))
	}
	if c.mapPath != "" {
		m, err := cards.LoadMapping(c.mapPath)
		if err != nil {
			return usageErrorf(command, "--card-map: %v", err)
		}
		c.read.Mapping = m
	}
	if c.read.Processor == cards.FormatGeneric && c.read.Mapping == nil {
		return usageErrorf(command, "--processor generic needs --card-map FILE describing the columns")
	}
	return nil
}

// optionsFor says how to read a file that starts with head as a card
// export, and whether it is one: a file whose header is a known export's
// is read as that export (unless --processor says otherwise); any other
// file as --processor or --card-map say, if they were given. In a folder,
// --processor only takes card exports and --card-map only the files whose
// header has the mapped columns.
func (c *cardFlags) optionsFor(head []byte, inFolder bool) (cards.Options, bool) {
	known := cards.Sniff(head)
	switch {
	case c.read.Processor != "" && (!inFolder || known):
		return c.read, true
	case known:
		return cards.Options{}, true
	case c.read.Mapping != nil && (!inFolder || c.read.Mapping.Fits(head)):
		return c.read, true
	}
	return cards.Options{}, false
}

func newCardsCmd(opts *options) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cards",
		Short: "Read card and Apple Pay processor exports",
		Long: `Read card processors' CSV exports — Stripe (itemized balance report,
payments export), Adyen (settlement details, payment accounting), Braintree
(transaction search), Checkout.com (payments, financial actions) — or any
other processor's, described by --card-map: authorizations, captures,
declines, refunds, chargebacks and their reversals, payouts to cards, fees.

Full card numbers found anywhere in an export are masked on read to their
last four digits, with a warning naming the line and column; a card's BIN is
shown only with --reveal.`,
		Example: `  $ payinv cards show fixtures/cards/stripe_balance.csv
  $ payinv cards show --card-map fixtures/cards/maps/worldpay-like.yaml fixtures/cards/maps/worldpay-like.csv`,
	}
	cmd.AddCommand(newCardsShowCmd(opts))
	return cmd
}

func newCardsShowCmd(opts *options) *cobra.Command {
	cf := &cardFlags{}
	cmd := &cobra.Command{
		Use:   "show FILE...",
		Short: "Show the events of card processor exports, with their codes and dates explained",
		Long: `Show one line per event of card processor exports: what it is, which way
the money moves for the company, the amount, the date it settles (or is
available), the cardholder, the card (brand, last four digits, wallet), the
company's reference and the processor's id, and a note: the title of a
decline or chargeback code, when an authorization hold drops off, when a
refund reaches the card, when a chargeback must be answered.

The format is told from the header row; --processor names it when the
header is ambiguous, and --card-map describes any other processor's export.
Files may be gzip-compressed; "-" reads standard input; a folder stands for
every file in it (files that are not card exports are skipped with a note).
A bad row is reported on stderr with its file and line, and the rest of the
file is still read. -o json and -o csv are the same as payinv events'.` + exitStatusHelp + `
  (1 here means: the files hold no events)`,
		Example: `  $ payinv cards show fixtures/cards/stripe_balance.csv
  $ payinv cards show -o json fixtures/cards/ | jq '.events[] | select(.kind=="chargeback")'
  $ payinv cards show --processor checkout_financial export.csv
  $ payinv cards show --card-map worldpay.yaml worldpay-2026-11.csv`,
		Args: minArgs(1, "FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cf.resolve(cmd.CommandPath()); err != nil {
				return err
			}
			return runCardsShow(opts, cf, args)
		},
	}
	cf.add(cmd)
	return cmd
}

func runCardsShow(opts *options, cf *cardFlags, args []string) error {
	return listEvents(opts, args, func(src source, rep *reporter, begin func(string), each func(*payment.Event)) int {
		return readCardsInto(src, rep, cf, begin, each)
	})
}

// readCardsInto reads a source that should be a card export. A file found
// in a folder that is not one is skipped with a warning; a file named on
// the command line is read anyway, so the reader says what is wrong with
// it.
func readCardsInto(src source, rep *reporter, cf *cardFlags, begin func(string), each func(*payment.Event)) int {
	in, closer, err := openSource(src)
	if err != nil {
		rep.report(err, src.name)
		return 0
	}
	defer closer.Close()
	head, _ := in.Peek(4096)
	read, ok := cf.optionsFor(head, src.inFolder)
	if !ok && src.inFolder {
		rep.report(payment.Warningf(payment.Source{File: src.name}, "skipped: not a card processor export"), src.name)
		return 0
	}
	begin(src.name)
	return readCards(in, src.name, rep, read, each)
}

// readCards hands every event of a card export to each and every problem
// to rep.
func readCards(in io.Reader, name string, rep *reporter, read cards.Options, each func(*payment.Event)) int {
	n := 0
	for ev, err := range cards.Read(in, name, read) {
		if err != nil {
			rep.report(err, name)
			continue
		}
		each(ev)
		n++
	}
	return n
}

// cardDate is the day a card event happened for people: its settlement
// date, or the day it was made when it moves no money yet.
func cardDate(ev *payment.Event) string { return ev.Day().String() }

// cardText is the card in a few words: "visa ••1881 apple_pay (device
// ••4242)". Exports hold no more than the last four digits, and payinv
// masks any full number on read.
func cardText(ev *payment.Event) string {
	c := ev.Card
	if c == nil {
		return ""
	}
	var parts []string
	if c.Brand != "" {
		parts = append(parts, c.Brand)
	}
	if c.Last4 != "" {
		parts = append(parts, "••"+c.Last4)
	}
	if c.Wallet != "" {
		w := c.Wallet
		if c.DeviceLast4 != "" && c.DeviceLast4 != c.Last4 {
			w += " (device ••" + c.DeviceLast4 + ")"
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}

// cardNote is what an analyst should know of a card event at a glance:
// the title of its code and the date that matters next.
func cardNote(ev *payment.Event, today payment.Date) string {
	var parts []string
	code := ""
	if r := ev.Reason; r != nil {
		code = r.Code
		if r.Title != "" {
			parts = append(parts, r.Title)
		}
	}
	if c := ev.Card; len(parts) == 0 && c != nil && ev.Kind == payment.KindDecline && c.ResponseText != "" && c.ResponseText != code {
		parts = append(parts, c.ResponseText)
	}
	if c := ev.Card; c != nil && c.Wallet == "apple_pay" && (ev.Kind == payment.KindCapture || ev.Kind == payment.KindAuthorization) {
		parts = append(parts, "Apple Pay: the customer's wallet shows the device number's last four, not the card's")
	}
	t := ev.Timing
	switch ev.Kind {
	case payment.KindAuthorization:
		if !t.HoldExpiresOn.IsZero() {
			parts = append(parts, "hold drops off by "+t.HoldExpiresOn.String()+" if not captured")
		}
	case payment.KindRefund:
		if !t.RefundArrivesBy.IsZero() {
			parts = append(parts, "reaches the card "+t.RefundArrivesFrom.String()+" to "+t.RefundArrivesBy.String())
		}
	case payment.KindChargeback, payment.KindSecondChargeback:
		if due := t.DisputeResponseDue; !due.IsZero() {
			word := "answer by "
			if today.After(due) {
				word = "answer was due "
			}
			parts = append(parts, word+due.String())
		}
	}
	return strings.Join(parts, "; ")
}
