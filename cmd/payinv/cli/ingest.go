package cli

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
	"github.com/payinv/payinv/store"
)

type ingestOptions struct {
	*options
	db      string
	records string
	mapping string
	read    inputFlags
}

func newIngestCmd(opts *options) *cobra.Command {
	ino := &ingestOptions{options: opts}
	cmd := &cobra.Command{
		Use:   "ingest [--db PATH] [--records FILE [--map FILE]] SOURCE...",
		Short: "Keep the events of payment files (and the company's records) in the history store",
		Long: `Read payment files of any rail, and the company's records with --records,
and keep their normalized events and records in the history store, so that
later runs remember what earlier ones saw: a return can arrive up to 60
days after the entry it returns.

Ingesting is idempotent: a file is known by the SHA-256 of its content, and
a file ingested before is skipped ("already ingested"), whatever its name.
A file whose content changed is a new file — unless its events are exactly
those of a file ingested before (the same events in any order, sources
aside): a copy in other bytes, such as a NACHA file whose line endings an
ASCII-mode transfer changed, or an export downloaded again. A copy is
recorded, naming the file it copies, and nothing of it is stored, so that
no payment counts twice. Everything a file brings is
written in one transaction: an ingest that is interrupted, even killed,
leaves nothing of the file it was writing, and the next run ingests that
file whole.

The store is one SQLite file: --db PATH, or by default
$XDG_DATA_HOME/payinv/payinv.db (~/.local/share/payinv/payinv.db when
XDG_DATA_HOME is not set; ~/Library/Application Support/payinv/payinv.db on
macOS, %LocalAppData%\payinv\payinv.db on Windows). A team shares one
PostgreSQL database instead: --db postgres://USER:PASSWORD@HOST/DB (the
same schema, created and migrated on first use; PGPASSWORD and the other
libpq variables work too). It holds full account numbers, as the files do:
keep it where the files are kept.

SOURCE is a file or a folder (every file below it, in name order; files that
are not payment files are skipped with a note). Standard input cannot be
ingested: its content cannot be hashed before it is read.

One line per file says what was done; -o json says it for scripts.` + exitStatusHelp + `
  (2 here means: a file could not be read, or only in part — what could be
  read of it is ingested and its errors counted as its problems)`,
		Example: `  $ payinv ingest fixtures/ach/
  $ payinv ingest --db /var/lib/payinv/history.db --records records.csv inbox/2026-11-25/
  $ payinv ingest --db postgres://payinv@db.internal/payinv inbox/2026-11-25/
  $ payinv ingest -o json --db history.db today/ | jq '.files[] | select(.status=="ingested")'`,
		Annotations: map[string]string{"formats": "table,json"},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && ino.records == "" {
				return usageErrorf(cmd.CommandPath(), "no SOURCE or --records given")
			}
			if ino.mapping != "" && ino.records == "" {
				return usageErrorf(cmd.CommandPath(), "--map needs --records")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := ino.read.resolve(cmd.CommandPath()); err != nil {
				return err
			}
			return runIngest(ino, args)
		},
	}
	ino.read.add(cmd)
	f := cmd.Flags()
	f.StringVar(&ino.db, "db", "", "the history store: a SQLite file (default under the user's data folder) or a postgres:// URL")
	f.StringVar(&ino.records, "records", "", "the company's records, CSV or JSON Lines, to keep as well")
	f.StringVar(&ino.mapping, "map", "", "a YAML or TOML file describing the records' layout")
	return cmd
}

// ingestLine is what happened to one file.
type ingestLine struct {
	file   string
	status string // ingested, copy, already_ingested, skipped, failed
	res    store.Result
	err    error
}

func runIngest(o *ingestOptions, args []string) error {
	ctx := context.Background()
	rep, sources := o.inputs(args)
	st, err := store.Open(ctx, o.db)
	if err != nil {
		return &exitError{code: ExitInput, message: "store: " + err.Error()}
	}
	defer st.Close()
	st.Now = o.io.Now

	var lines []ingestLine
	if o.records != "" {
		lines = append(lines, o.ingestRecords(ctx, st, rep)...)
	}
	for _, src := range sources {
		lines = append(lines, o.ingestEvents(ctx, st, rep, src))
	}

	if o.output == "json" {
		err = writeIngestJSON(o.io.Out, lines, rep.problems)
	} else {
		err = writeIngestText(o.io.Out, lines)
	}
	if err != nil {
		return err
	}
	for _, l := range lines {
		if l.status == "failed" {
			return errInputProblems
		}
	}
	return rep.result()
}

// hashSource returns the SHA-256 of a source's bytes as they are on disk.
func hashSource(src source) (string, error) {
	rc, err := src.open()
	if err != nil {
		return "", errors.New(describeOSError(err))
	}
	defer rc.Close()
	return store.Hash(rc)
}

// hashingSource is src read through a hash: once closed, the hash holds
// every byte of the file, read or not, so that it can be checked against
// the hash the file was ingested under.
func hashingSource(src source, h hash.Hash) source {
	open := src.open
	src.open = func() (io.ReadCloser, error) {
		rc, err := open()
		if err != nil {
			return nil, err
		}
		return &hashingReader{r: io.TeeReader(rc, h), c: rc}, nil
	}
	return src
}

type hashingReader struct {
	r io.Reader
	c io.Closer
}

func (h *hashingReader) Read(b []byte) (int, error) { return h.r.Read(b) }

func (h *hashingReader) Close() error {
	_, err := io.Copy(io.Discard, h.r)
	if cerr := h.c.Close(); err == nil {
		err = cerr
	}
	return err
}

// errChanged says a file changed between being hashed and being read.
var errChanged = errors.New("the file changed while it was being ingested; nothing of it was kept: run again")

func (o *ingestOptions) ingestEvents(ctx context.Context, st *store.Store, rep *reporter, src source) ingestLine {
	line := ingestLine{file: src.name}
	if src.name == stdinName {
		rep.report(payment.Problemf(payment.Source{File: stdinName}, "standard input cannot be ingested: save it to a file first"), "")
		line.status = "failed"
		return line
	}
	sum, err := hashSource(src)
	if err != nil {
		rep.report(err, src.name)
		line.status = "failed"
		return line
	}
	h := store.NewHash()
	read := func(each func(*payment.Event) error) (int, error) {
		problems := 0
		srcRep := &reporter{forward: func(p *payment.Problem) {
			if !p.Warning {
				problems++
			}
			rep.report(p, "")
		}}
		var failed error
		recognized := false
		readEventsInto(hashingSource(src, h), srcRep, &o.read, func(string) { recognized = true }, func(ev *payment.Event) {
			if failed == nil {
				failed = each(ev)
			}
		})
		switch {
		case failed != nil:
			return problems, failed
		case !recognized:
			return problems, store.ErrNothingToIngest
		case hex.EncodeToString(h.Sum(nil)) != sum:
			return problems, errChanged
		}
		return problems, nil
	}
	res, err := st.IngestEvents(ctx, store.File{Name: src.name, SHA256: sum}, read)
	return finish(line, res, err, rep)
}

func (o *ingestOptions) ingestRecords(ctx context.Context, st *store.Store, rep *reporter) []ingestLine {
	var mapping *records.Mapping
	if o.mapping != "" {
		m, err := records.LoadMapping(o.mapping)
		if err != nil {
			rep.report(err, o.mapping)
			return []ingestLine{{file: o.records, status: "failed"}}
		}
		mapping = m
	}
	srcs, problems := expandSources([]string{o.records}, o.io.In)
	for _, p := range problems {
		rep.report(p, "")
	}
	var out []ingestLine
	for _, src := range srcs {
		line := ingestLine{file: src.name}
		if src.name == stdinName {
			rep.report(payment.Problemf(payment.Source{File: stdinName}, "standard input cannot be ingested: save it to a file first"), "")
			line.status = "failed"
			out = append(out, line)
			continue
		}
		sum, err := hashSource(src)
		if err != nil {
			rep.report(err, src.name)
			line.status = "failed"
			out = append(out, line)
			continue
		}
		h := store.NewHash()
		read := func(each func(*records.Record) error) (int, error) {
			in, closer, err := openSource(hashingSource(src, h))
			if err != nil {
				return 0, err
			}
			problems := 0
			for r, err := range records.Read(in, src.name, mapping) {
				if err != nil {
					var p *payment.Problem
					if !errors.As(err, &p) || !p.Warning {
						problems++
					}
					rep.report(err, src.name)
					continue
				}
				if err := each(r); err != nil {
					closer.Close()
					return problems, err
				}
			}
			if err := closer.Close(); err != nil {
				return problems, err
			}
			if hex.EncodeToString(h.Sum(nil)) != sum {
				return problems, errChanged
			}
			return problems, nil
		}
		res, err := st.IngestRecords(ctx, store.File{Name: src.name, SHA256: sum}, read)
		out = append(out, finish(line, res, err, rep))
	}
	return out
}

func finish(line ingestLine, res store.Result, err error, rep *reporter) ingestLine {
	line.res = res
	switch {
	case err != nil:
		line.status, line.err = "failed", err
		rep.report(err, line.file)
	case res.Already:
		line.status = "already_ingested"
	case res.Skipped:
		line.status = "skipped"
	case res.Original != nil:
		line.status = "copy"
	default:
		line.status = "ingested"
	}
	return line
}

// ingestCount is "1 event" or "1,234 events".
func ingestCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return groupThousands(n) + " " + many
}

func writeIngestText(w io.Writer, lines []ingestLine) error {
	out := newBuffered(w)
	var files, events, recs, copies, already, skipped, failed int
	for _, l := range lines {
		what := "events"
		if l.res.Kind == store.KindRecords {
			what = "records"
		}
		switch l.status {
		case "ingested":
			files++
			if l.res.Kind == store.KindRecords {
				recs += l.res.Count
			} else {
				events += l.res.Count
			}
			text := "ingested " + ingestCount(l.res.Count, what[:len(what)-1], what)
			if l.res.Problems > 0 {
				text += " (" + ingestCount(l.res.Problems, "problem", "problems") + ")"
			}
			out.printf("%s: %s\n", l.file, text)
		case "copy":
			copies++
			out.printf("%s: not stored: a copy of %s (ingest %d, %s on %s): the same %s in other bytes\n", l.file,
				l.res.Original.File, l.res.Original.ID, ingestCount(l.res.Original.Count, what[:len(what)-1], what),
				l.res.Original.IngestedAt.UTC().Format("2006-01-02 15:04 UTC"), what)
		case "already_ingested":
			already++
			kept := ingestCount(l.res.Count, what[:len(what)-1], what)
			if o := l.res.Original; o != nil {
				kept = fmt.Sprintf("a copy of %s, ingest %d", o.File, o.ID)
			}
			out.printf("%s: already ingested on %s (ingest %d, %s)\n", l.file,
				l.res.IngestedAt.UTC().Format("2006-01-02 15:04 UTC"), l.res.ID, kept)
		case "skipped":
			skipped++
			out.printf("%s: not ingested: not a payment file\n", l.file)
		default:
			failed++
			out.printf("%s: not ingested: could not be read\n", l.file)
		}
	}
	summary := fmt.Sprintf("%s ingested (%s, %s)", ingestCount(files, "file", "files"), ingestCount(events, "event", "events"), ingestCount(recs, "record", "records"))
	if copies > 0 {
		summary += ", " + ingestCount(copies, "copy of a file ingested before", "copies of files ingested before")
	}
	if already > 0 {
		summary += fmt.Sprintf(", %d already ingested", already)
	}
	if skipped > 0 {
		summary += ", " + ingestCount(skipped, "not a payment file", "not payment files")
	}
	if failed > 0 {
		summary += fmt.Sprintf(", %d unreadable", failed)
	}
	out.printf("%s\n", summary)
	return out.flush()
}

func writeIngestJSON(w io.Writer, lines []ingestLine, problems []*payment.Problem) error {
	out := newJSONOut(w)
	out.raw(`{"files":[`)
	for i, l := range lines {
		if i > 0 {
			out.raw(",")
		}
		out.raw("\n{\"file\":")
		out.str(l.file)
		out.raw(`,"status":`)
		out.str(l.status)
		if l.status == "ingested" || l.status == "copy" || l.status == "already_ingested" {
			out.raw(`,"kind":`)
			out.str(l.res.Kind)
			out.raw(`,"sha256":`)
			out.str(l.res.SHA256)
			out.raw(`,"ingest_id":`)
			out.int(int(l.res.ID))
			out.raw(`,"count":`)
			out.int(l.res.Count)
			out.raw(`,"problems":`)
			out.int(l.res.Problems)
			out.raw(`,"ingested_at":`)
			out.str(l.res.IngestedAt.UTC().Format("2006-01-02T15:04:05Z07:00"))
			if o := l.res.Original; o != nil {
				out.raw(`,"copy_of":{"file":`)
				out.str(o.File)
				out.raw(`,"sha256":`)
				out.str(o.SHA256)
				out.raw(`,"ingest_id":`)
				out.int(int(o.ID))
				out.raw(`}`)
			}
		}
		out.raw("}")
	}
	if len(lines) > 0 {
		out.raw("\n")
	}
	out.raw("],")
	out.problems(problems)
	out.raw("}\n")
	return out.flush()
}
