// Package cli is payinv's command tree: flags, inputs and rendering. The
// payment logic lives in the packages the commands call (ach, explain,
// settlement, payment); a command here only reads its inputs, hands them
// over and prints the answer.
package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// options are the flags every command shares, and the IO it runs with.
type options struct {
	io     *IO
	output string // table, json or csv
	reveal bool
	asOf   string
	// today is --as-of as a date (today in US Eastern time by default).
	today payment.Date
}

// Main runs payinv with args and returns the process exit status.
func Main(args []string, io *IO, version string) int {
	root := newRootCmd(io, version)
	root.SetArgs(args)
	return exitCode(root.Execute(), io)
}

const exitStatusHelp = `

EXIT STATUS
  0  done, and the answer is clean
  1  done, and nothing was found (or breaks were found)
  2  bad usage, or an input that could not be read completely; everything
     that could be read is still printed, and each problem is named on
     stderr with its file and line`

func newRootCmd(io *IO, version string) *cobra.Command {
	opts := &options{io: io}
	root := &cobra.Command{
		Use:   "payinv",
		Short: "Find out where a customer's money is",
		Long: `payinv reads the evidence of money movement — NACHA files, card and Apple
Pay processor exports, wire messages (Fedwire, ISO 20022, SWIFT MT) — turns
every record into one normalized event, reconciles the events with the
company's own deposit and withdrawal records, explains returns, declines,
chargebacks, rejections and deadlines in plain language, says when money
arrives, and writes case notes and customer replies.

Account numbers are masked to their last four digits unless --reveal is
given. Tables are for people; -o json and -o csv are stable for scripts.` + exitStatusHelp,
		Example: `  $ payinv ach show fixtures/ach/2026-11-09-deposits.ach
  $ payinv ach returns fixtures/ach/
  $ payinv events -o json fixtures/ach/ | jq '.events[] | select(.kind=="return")'
  $ payinv explain R01 C02
  $ payinv match --records records.csv bank/ cards/ wires/
  $ payinv when --rail ach --same-day --at "2026-11-20 16:50"
  $ payinv reply --record DEP-2611090001 --records records.csv bank/`,
		Version:       version,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return opts.validate(cmd)
		},
	}
	root.SetIn(io.In)
	root.SetOut(io.Out) // help and --version are answers: stdout
	root.SetErr(io.ErrOut)
	root.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return usageErrorf(cmd.CommandPath(), "unknown command %q", args[0])
		}
		return nil
	}
	root.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{err: err, command: cmd.CommandPath()}
	})
	root.SetVersionTemplate("payinv {{.Version}}\n")

	f := root.PersistentFlags()
	f.StringVarP(&opts.output, "output", "o", "table", "output format: table, json or csv (match also xlsx)")
	f.BoolVar(&opts.reveal, "reveal", false, "show full account numbers (masked to the last four by default)")
	f.StringVar(&opts.asOf, "as-of", "", "the day taken as today for deadlines, YYYY-MM-DD (default: today, US Eastern)")
	_ = root.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(
		[]string{"table", "json", "csv"}, cobra.ShellCompDirectiveNoFileComp))

	root.AddCommand(
		newACHCmd(opts),
		newCardsCmd(opts),
		newWiresCmd(opts),
		newWhenCmd(opts),
		newEventsCmd(opts),
		newMatchCmd(opts),
		newRatesCmd(opts),
		newFindCmd(opts),
		newIngestCmd(opts),
		newRunsCmd(opts),
		newNoteCmd(opts),
		newExplainCmd(opts),
		newCodesCmd(opts),
		newReplyCmd(opts),
		newExitCodesTopic(),
		newEnvironmentTopic(),
	)
	return root
}

func (o *options) validate(cmd *cobra.Command) error {
	formats := "table,json,csv"
	if f, ok := cmd.Annotations["formats"]; ok {
		formats = f
	}
	if !slices.Contains(strings.Split(formats, ","), o.output) {
		list := strings.Split(formats, ",")
		return usageErrorf(cmd.CommandPath(), "--output %q: want %s or %s", o.output,
			strings.Join(list[:len(list)-1], ", "), list[len(list)-1])
	}
	if o.asOf == "" {
		o.today = settlement.DateOf(o.io.Now())
		return nil
	}
	d, err := payment.ParseDate(o.asOf)
	if err != nil {
		return usageErrorf(cmd.CommandPath(), "--as-of: %v", err)
	}
	o.today = d
	return nil
}

// minArgs returns a usage error naming the command when fewer than n
// arguments are given.
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usageErrorf(cmd.CommandPath(), "no %s given", what)
		}
		return nil
	}
}

func newExitCodesTopic() *cobra.Command {
	return &cobra.Command{
		Use:   "exit-codes",
		Short: "What payinv's exit statuses mean",
		Long:  strings.TrimSpace(exitStatusHelp),
	}
}

func newEnvironmentTopic() *cobra.Command {
	return &cobra.Command{
		Use:   "environment",
		Short: "Environment variables payinv reads",
		Long: `NO_COLOR           any value turns colour off (colour is only ever used on
                   stderr, and only when it is a terminal)
PAYINV_FORCE_TTY   "true" makes payinv treat stdout and stderr as terminals,
                   "false" as pipes; for testing terminal output from scripts`,
	}
}
