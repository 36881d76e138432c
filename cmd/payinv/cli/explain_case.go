package cli

import (
	"encoding/json"
	"strings"
)

// runExplainCase explains one record's (or payment's) whole life: the
// analyst's view, which is the case note, and the customer's, which is the
// reply.
func runExplainCase(opts *options, c *caseFlags, args []string) error {
	no := &noteOptions{options: opts, c: *c}
	facts, keep := no.collectFacts()
	lc, err := loadCase(opts, c, args, keep)
	if err != nil {
		return err
	}
	analyst := (&noteWriter{opts: no, rr: lc.rr, facts: facts, files: lc.files, problems: lc.problems(), standIn: lc.standIn}).markdown()
	ro := &replyOptions{options: opts, lang: "en", tone: "standard"}
	customer, rf, sit, err := ro.write(lc.rr)
	if err != nil {
		return err
	}
	out := newBuffered(opts.io.Out)
	if opts.output == "json" {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Record    string `json:"record"`
			Situation string `json:"situation"`
			Complete  bool   `json:"complete"`
			Analyst   string `json:"analyst"`
			Customer  string `json:"customer"`
		}{lc.rr.Record.ID, string(sit), rf.Complete, analyst, customer}); err != nil {
			return err
		}
	} else {
		out.printf("%s\n## For the customer\n\n", analyst)
		if !rf.Complete {
			out.printf("(The evidence is incomplete: %s. The reply says so.)\n\n", strings.Join(rf.Missing, "; "))
		}
		out.printf("%s", customer)
	}
	if err := out.flush(); err != nil {
		return err
	}
	return lc.rep.result()
}
