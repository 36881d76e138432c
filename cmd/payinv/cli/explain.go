package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/explain"
)

func newExplainCmd(opts *options) *cobra.Command {
	var scheme string
	var c caseFlags
	cmd := &cobra.Command{
		Use:   "explain CODE... | explain (--record ID --records FILE | --event REF) SOURCE... | explain (--record ID | --event REF) --db PATH [SOURCE...]",
		Short: "Explain what a return, change, decline, chargeback or wire reason code means",
		Long: `Explain codes in plain language: the official title, what happened, a
sentence fit for the customer, the next step for operations, and the
scheme's particulars: for Nacha codes who sends them and within what time,
how they count toward return rates and whether the payment may be sent
again; for card declines whether they are soft or hard and when to retry;
for chargebacks their category and time limits; for wire codes (ISO 20022
return, rejection and recall reasons, SWIFT gpi reasons, Fedwire errors)
the messages that carry them and, for Fedwire errors, their category.

A code can belong to several schemes ("C05" is a Nacha change code and an
Amex chargeback reason; "AC04" a wire return, rejection and recall-refusal
reason; "insufficient_funds" a Stripe decline code and a Stripe dispute
reason): each is shown, and --scheme picks one. Sensitive codes (a stolen
card, suspected fraud, a regulatory block, a death) carry a neutral
customer sentence and a warning.

Known schemes: ` + strings.Join(explain.Schemes, ", ") + `. A code that looks like a
Nacha code but is not one (a bank's private "R97") is shown as such; a
Fedwire error code the catalog does not list ("E999") is explained by its
category letter.

With --record (and --records) or --event, the arguments are payment files
instead, and payinv explains the whole life of that record or payment: the
analyst's view (the case note payinv note writes: timeline with sources,
codes, deadlines, actions) and the customer's view (the reply payinv reply
writes, in English, standard tone).
` + caseDBHelp + exitStatusHelp + `
  (1 here means: at least one code is not a known code, or the record or
  reference is not found in the records file or the store)`,
		Example: `  $ payinv explain R01
  $ payinv explain R10 C02 R97
  $ payinv explain 51 10.4
  $ payinv explain AC04
  $ payinv explain E433 G004
  $ payinv explain --scheme mastercard 4837
  $ payinv explain --scheme stripe_decline insufficient_funds
  $ payinv explain -o json R29 | jq -r '.codes[0].customer'
  $ payinv explain --record WIR-2611170001 --records fixtures/records/records.csv fixtures/wires/iso
  $ payinv explain --record CRD-2611100006 --db history.db`,
		Args: func(cmd *cobra.Command, args []string) error {
			if c.given() && c.db != "" {
				return nil // the store is evidence enough
			}
			return minArgs(1, "CODE or SOURCE")(cmd, args)
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			var out []string
			for _, c := range explain.All(scheme) {
				if strings.HasPrefix(c.Code, strings.ToUpper(toComplete)) {
					out = append(out, c.Code+"\t"+c.Title)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if scheme != "" && !explain.ValidScheme(scheme) {
				return usageErrorf(cmd.CommandPath(), "--scheme %q: want one of %s", scheme, strings.Join(explain.Schemes, ", "))
			}
			if c.given() {
				if err := c.check(cmd.CommandPath()); err != nil {
					return err
				}
				return runExplainCase(opts, &c, args)
			}
			if c.db != "" {
				return usageErrorf(cmd.CommandPath(), "--db goes with --record ID or --event REF: codes are explained without a store")
			}
			return runExplain(opts, args, scheme)
		},
	}
	c.add(cmd)
	cmd.Flags().StringVar(&scheme, "scheme", "", "look only in this code scheme ("+strings.Join(explain.Schemes, ", ")+")")
	_ = cmd.RegisterFlagCompletionFunc("scheme", cobra.FixedCompletions(explain.Schemes, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runExplain(opts *options, args []string, scheme string) error {
	var codes []explain.Code
	missing := false
	for _, arg := range args {
		found := explain.Lookup(arg, scheme)
		// An unknown code with a title (a Fedwire error known only by its
		// category) is explained; one without (a private Nacha code asked
		// for in its scheme) is reported as not of the scheme.
		if len(found) == 0 || (scheme != "" && !found[0].Known && found[0].Title == "") {
			missing = true
			codes = append(codes, notFound(arg, scheme))
			continue
		}
		for _, c := range found {
			if !c.Known {
				missing = true
			}
		}
		if len(found) > 1 && opts.output == "table" {
			var in []string
			for _, c := range found {
				in = append(in, c.Scheme)
			}
			fmt.Fprintf(opts.io.ErrOut, "payinv: %s is a code of %d schemes (%s); --scheme picks one\n",
				found[0].Code, len(found), strings.Join(in, ", "))
		}
		codes = append(codes, found...)
	}
	var err error
	switch opts.output {
	case "json":
		err = writeCodesJSON(opts, codes)
	case "csv":
		err = writeCodesCSV(opts, codes)
	default:
		w := newBuffered(opts.io.Out)
		for i, c := range codes {
			if i > 0 {
				w.printf("\n")
			}
			writeCodeDetail(w, c)
		}
		err = w.flush()
	}
	if err != nil {
		return err
	}
	if missing {
		return errNothingFound
	}
	return nil
}

// notFound explains a code that is not in the catalogs looked in, and
// points to the scheme it belongs to when there is one.
func notFound(arg, scheme string) explain.Code {
	code := strings.ToUpper(strings.TrimSpace(arg))
	c := explain.Code{Code: code, Meaning: "No catalog payinv knows has this code."}
	if scheme == "" {
		return c
	}
	c.Meaning = code + " is not a " + scheme + " code."
	if other := explain.Lookup(code, ""); len(other) > 0 && other[0].Known {
		c.Meaning += " It is a " + other[0].Scheme + " code: payinv explain " + code
	}
	return c
}

func writeCodeDetail(w *buffered, c explain.Code) {
	title := c.Title
	switch {
	case !c.Known && c.Scheme == "":
		title = "unknown code"
	case !c.Known && c.Title == "":
		title = "not a Nacha code"
	}
	w.printf("%s  %s\n", c.Code, title)
	if c.Scheme != "" {
		w.printf("  %-19s %s\n", "Scheme:", schemeName(c.Scheme))
	}
	for _, f := range c.Facts {
		w.printf("  %-19s %s\n", f.Label+":", f.Text)
	}
	w.printf("  %-19s %s\n", "What happened:", c.Meaning)
	if c.Customer != "" {
		w.printf("  %-19s %s\n", "Tell the customer:", c.Customer)
	}
	if c.Sensitive {
		w.printf("  %-19s %s\n", "Careful:", "sensitive code: a person handles the customer contact, not an automatic message")
	}
	if c.Action != "" {
		w.printf("  %-19s %s\n", "Next:", c.Action)
	}
}

func schemeName(s string) string { return explain.SchemeTitle(s) + " (" + s + ")" }

func writeCodesJSON(opts *options, codes []explain.Code) error {
	out := newJSONOut(opts.io.Out)
	out.raw(`{"codes":[`)
	for i, c := range codes {
		if i > 0 {
			out.raw(",")
		}
		out.raw("\n{\"scheme\":")
		out.str(c.Scheme)
		out.raw(`,"code":`)
		out.str(c.Code)
		out.raw(`,"title":`)
		out.str(c.Title)
		out.raw(`,"known":` + strconv.FormatBool(c.Known))
		for _, f := range c.Facts {
			out.raw(`,"` + f.Key + `":`)
			switch v := f.Value.(type) {
			case bool:
				out.raw(strconv.FormatBool(v))
			default:
				out.str(fmt.Sprint(v))
			}
		}
		out.raw(`,"sensitive":` + strconv.FormatBool(c.Sensitive) + `,"meaning":`)
		out.str(c.Meaning)
		out.raw(`,"customer":`)
		out.str(c.Customer)
		out.raw(`,"action":`)
		out.str(c.Action)
		out.raw("}")
	}
	if len(codes) > 0 {
		out.raw("\n")
	}
	out.raw("]}\n")
	return out.flush()
}

var codesCSVHeader = []string{
	"scheme", "code", "title", "known", "status", "initiator", "time_frame", "rate_category", "reinitiation",
	"written_statement", "corrected_data", "refused", "sensitive", "meaning", "customer", "action",
}

func writeCodesCSV(opts *options, codes []explain.Code) error {
	rows := newCSVRows(opts.io.Out, codesCSVHeader)
	for _, c := range codes {
		facts := map[string]string{}
		for _, f := range c.Facts {
			facts[f.Key] = fmt.Sprint(f.Value)
		}
		rows.write([]string{
			c.Scheme, c.Code, c.Title, strconv.FormatBool(c.Known), facts["status"], facts["initiator"],
			facts["time_frame"], facts["rate_category"], facts["reinitiation"], facts["written_statement"],
			facts["corrected_data"], facts["refused"], strconv.FormatBool(c.Sensitive), c.Meaning, c.Customer, c.Action,
		})
	}
	return rows.flush()
}
