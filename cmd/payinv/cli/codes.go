package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/explain"
)

func newCodesCmd(opts *options) *cobra.Command {
	var scheme string
	cmd := &cobra.Command{
		Use:   "codes",
		Short: "List the code catalog",
		Long: `List every code payinv can explain, or the codes of one scheme, with its
title and the scheme's particulars: for Nacha return codes who sends them,
their time frame, the return rate they count toward and whether the payment
may be sent again; for card declines soft or hard and whether the code is
sensitive; for chargebacks their category and filing window; for wire
reason codes whether they are sensitive and, for Fedwire errors, their
category. "payinv explain CODE" tells one code in full.

Schemes: ` + strings.Join(explain.Schemes, ", ") + `.` + exitStatusHelp,
		Example: `  $ payinv codes
  $ payinv codes --scheme nacha_change
  $ payinv codes --scheme visa
  $ payinv codes --scheme iso20022_return
  $ payinv codes -o csv > codes.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if scheme != "" && !explain.ValidScheme(scheme) {
				return usageErrorf(cmd.CommandPath(), "--scheme %q: want one of %s", scheme, strings.Join(explain.Schemes, ", "))
			}
			return runCodes(opts, scheme)
		},
	}
	cmd.Flags().StringVar(&scheme, "scheme", "", "list only this scheme ("+strings.Join(explain.Schemes, ", ")+")")
	_ = cmd.RegisterFlagCompletionFunc("scheme", cobra.FixedCompletions(explain.Schemes, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runCodes(opts *options, scheme string) error {
	codes := explain.All(scheme)
	switch opts.output {
	case "json":
		return writeCodesJSON(opts, codes)
	case "csv":
		return writeCodesCSV(opts, codes)
	}
	w := newBuffered(opts.io.Out)
	for i, s := range explain.Schemes {
		if scheme != "" && s != scheme {
			continue
		}
		if i > 0 && scheme == "" {
			w.printf("\n")
		}
		w.printf("%s\n", schemeName(s))
		var rows [][]string
		cols := []column{{title: "code"}, {title: "title"}}
		kind := codeKind(s)
		for _, c := range codes {
			if c.Scheme != s {
				continue
			}
			facts := map[string]string{}
			for _, f := range c.Facts {
				if v, ok := f.Value.(string); ok {
					facts[f.Key] = v
				}
			}
			row := []string{c.Code, c.Title}
			switch kind {
			case nachaCodes:
				row = append(row, facts["status"])
			case declineCodes:
				row = append(row, facts["decline_type"], yesNoWord(c.Sensitive))
			case disputeCodes:
				row = append(row, facts["category"], daysText(facts["filing_days"]))
			case wireCodes:
				row = append(row, yesNoWord(c.Sensitive))
				if s == explain.SchemeFedwire {
					row = append(row, categoryText(c))
				}
			}
			if s == explain.SchemeNachaReturn {
				row = append(row, facts["initiator"], shortTimeFrame[facts["time_frame"]], facts["rate_category"], shortReinit[facts["reinitiation"]])
			}
			rows = append(rows, row)
		}
		switch kind {
		case nachaCodes:
			cols = append(cols, column{title: "status"})
		case declineCodes:
			cols = append(cols, column{title: "decline"}, column{title: "sensitive"})
		case disputeCodes:
			cols = append(cols, column{title: "category"}, column{title: "filing window", right: true})
		case wireCodes:
			cols = append(cols, column{title: "sensitive"})
			if s == explain.SchemeFedwire {
				cols = append(cols, column{title: "category"})
			}
		}
		if s == explain.SchemeNachaReturn {
			cols = append(cols, column{title: "sent by"}, column{title: "time frame"}, column{title: "rate"}, column{title: "send again"})
		}
		if err := writeTable(w, cols, rows); err != nil {
			return err
		}
	}
	return w.flush()
}

var shortTimeFrame = map[string]string{
	"2_banking_days":                "2 banking days",
	"60_calendar_days":              "60 days",
	"2_banking_days_after_notice":   "2 BD after notice",
	"next_file_delivery":            "next file",
	"by_agreement":                  "by agreement",
	"5_banking_days_after_return":   "5 BD after return",
	"2_banking_days_after_dishonor": "2 BD after dishonor",
	"enrollment":                    "enrollment",
}

var shortReinit = map[string]string{
	"retry_allowed":          "up to 2 retries",
	"after_correction":       "after correction",
	"with_receiver_approval": "if customer agrees",
	"new_authorization":      "new authorization",
	"not_allowed":            "no",
	"not_applicable":         "n/a",
}

// codeKinds group schemes whose codes have the same particulars.
type codeKinds int

const (
	nachaCodes codeKinds = iota
	declineCodes
	disputeCodes
	wireCodes
)

func codeKind(scheme string) codeKinds {
	switch {
	case slices.Contains(explain.DeclineSchemes, scheme):
		return declineCodes
	case slices.Contains(explain.DisputeSchemes, scheme):
		return disputeCodes
	case slices.Contains(explain.WireSchemes, scheme):
		return wireCodes
	}
	return nachaCodes
}

func yesNoWord(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func daysText(days string) string {
	if days == "" {
		return ""
	}
	return days + " days"
}

// categoryText is a Fedwire code's category as shown: "E: data error".
func categoryText(c explain.Code) string {
	for _, f := range c.Facts {
		if f.Key == "category" {
			return f.Text
		}
	}
	return ""
}
