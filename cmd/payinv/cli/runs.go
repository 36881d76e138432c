package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/store"
)

type runsOptions struct {
	*options
	db    string
	limit int
}

func newRunsCmd(opts *options) *cobra.Command {
	ro := &runsOptions{options: opts}
	cmd := &cobra.Command{
		Use:   "runs [--db PATH] [show ID]",
		Short: "List the reconciliations kept in the history store, or show one's manifest",
		Long: `Every payinv match --db keeps its run in the store: a manifest (payinv's
version, --as-of, the options, every input with its SHA-256 and what it
brought, the counts) and the breaks it reported. payinv runs lists the
latest runs, newest first; payinv runs show ID prints one run's manifest and
breaks, so that a report can be audited, and reproduced from the same
inputs (check the files' SHA-256 against the manifest's).

--db is the store, as for payinv ingest (default: payinv's own store).` + exitStatusHelp + `
  (1 here means: no run is kept yet)`,
		Example: `  $ payinv runs --db history.db
  $ payinv runs --db history.db show 42
  $ payinv runs --db history.db show 42 -o json > run-42.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return nil
			case args[0] != "show":
				return usageErrorf(cmd.CommandPath(), "unknown argument %q: want show ID", args[0])
			case len(args) != 2:
				return usageErrorf(cmd.CommandPath(), "show takes one run ID")
			}
			if id, err := strconv.ParseInt(args[1], 10, 64); err != nil || id <= 0 {
				return usageErrorf(cmd.CommandPath(), "run ID %q: want a positive number", args[1])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if ro.limit < 0 {
				return usageErrorf(cmd.CommandPath(), "--limit must be 0 (all) or more")
			}
			ctx := context.Background()
			st, err := store.Open(ctx, ro.db)
			if err != nil {
				return &exitError{code: ExitInput, message: "store: " + err.Error()}
			}
			defer st.Close()
			if len(args) == 2 {
				id, _ := strconv.ParseInt(args[1], 10, 64)
				return ro.show(ctx, st, id)
			}
			return ro.list(ctx, st)
		},
	}
	f := cmd.Flags()
	f.StringVar(&ro.db, "db", "", "the history store: a SQLite file, or a postgres:// URL (default: payinv's own)")
	f.IntVar(&ro.limit, "limit", 20, "list at most this many runs (0: all)")
	return cmd
}

func (ro *runsOptions) list(ctx context.Context, st *store.Store) error {
	runs, err := st.Runs(ctx, ro.limit)
	if err != nil {
		return &exitError{code: ExitInput, message: "store: " + err.Error()}
	}
	out := newBuffered(ro.io.Out)
	switch ro.output {
	case "json":
		list := make([]manifestJSON, 0, len(runs))
		for _, r := range runs {
			list = append(list, newManifestJSON(r, r.ID, 0))
		}
		err = writeIndentedJSON(out, map[string]any{"runs": list})
	case "csv":
		rows := newCSVRows(out, []string{"run_id", "started_at", "as_of", "version", "records_file", "records", "events", "breaks"})
		for _, r := range runs {
			rows.write(runRow(r))
		}
		err = rows.flush()
	default:
		var rows [][]string
		for _, r := range runs {
			rows = append(rows, runRow(r))
		}
		if len(rows) == 0 {
			fmt.Fprintln(out, "No run is kept in this store yet: payinv match --db keeps one.")
			break
		}
		err = writeTable(out, []column{{title: "run", right: true}, {title: "started UTC"}, {title: "as of"}, {title: "version"},
			{title: "records file"}, {title: "records", right: true}, {title: "events", right: true}, {title: "breaks", right: true}}, rows)
	}
	if err != nil {
		return err
	}
	if err := out.flush(); err != nil {
		return err
	}
	if len(runs) == 0 {
		return errNothingFound
	}
	return nil
}

func runRow(r store.Run) []string {
	return []string{strconv.FormatInt(r.ID, 10), r.StartedAt.UTC().Format("2006-01-02 15:04:05"), r.AsOf, r.Version,
		r.RecordsFile, strconv.Itoa(r.Records), strconv.Itoa(r.Events), strconv.Itoa(r.Breaks)}
}

func (ro *runsOptions) show(ctx context.Context, st *store.Store, id int64) error {
	run, breaks, err := st.Run(ctx, id)
	if errors.Is(err, store.ErrNoRun) {
		return &exitError{code: ExitNothing, message: fmt.Sprintf("the store keeps no run %d (payinv runs lists them)", id)}
	}
	if err != nil {
		return &exitError{code: ExitInput, message: "store: " + err.Error()}
	}
	out := newBuffered(ro.io.Out)
	switch ro.output {
	case "json":
		err = writeIndentedJSON(out, struct {
			manifestJSON
			BreakList []breakJSON `json:"break_list"`
		}{newManifestJSON(run, id, 0), breaksJSON(breaks)})
	case "csv":
		rows := newCSVRows(out, []string{"run_id", "record_id", "source", "status", "why"})
		for _, b := range breaks {
			rows.write([]string{strconv.FormatInt(id, 10), b.RecordID, b.Source, b.Status, b.Why})
		}
		err = rows.flush()
	default:
		err = writeRunTable(out, run, breaks)
	}
	if err != nil {
		return err
	}
	return out.flush()
}

type breakJSON struct {
	RecordID string `json:"record_id"`
	Source   string `json:"source"`
	Status   string `json:"status"`
	Why      string `json:"why"`
}

func breaksJSON(breaks []store.Break) []breakJSON {
	out := make([]breakJSON, 0, len(breaks))
	for _, b := range breaks {
		out = append(out, breakJSON(b))
	}
	return out
}

func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func writeRunTable(w io.Writer, run store.Run, breaks []store.Break) error {
	b := &bytes.Buffer{}
	fmt.Fprintf(b, "Run %d as of %s, payinv %s\n", run.ID, run.AsOf, run.Version)
	fmt.Fprintf(b, "Started %s, finished %s (UTC)\n", run.StartedAt.UTC().Format("2006-01-02 15:04:05"), run.FinishedAt.UTC().Format("2006-01-02 15:04:05"))
	fmt.Fprintf(b, "Options %s\n", run.Options)
	fmt.Fprintf(b, "%d records against %d events: %d breaks\n\nInputs\n", run.Records, run.Events, run.Breaks)
	var rows [][]string
	for _, in := range run.Inputs {
		sum := in.SHA256
		if sum == "" {
			sum = "-"
		}
		rows = append(rows, []string{in.Kind, in.File, sum, strconv.Itoa(in.Count)})
	}
	if err := writeTable(b, []column{{title: "kind"}, {title: "file"}, {title: "sha256"}, {title: "count", right: true}}, rows); err != nil {
		return err
	}
	if len(breaks) > 0 {
		fmt.Fprintf(b, "\nBreaks\n")
		rows = rows[:0]
		for _, br := range breaks {
			subject := br.RecordID
			if subject == "" {
				subject = "(no record) " + br.Source
			}
			rows = append(rows, []string{subject, br.Status, br.Why})
		}
		if err := writeTable(b, []column{{title: "record"}, {title: "status"}, {title: "why"}}, rows); err != nil {
			return err
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}
