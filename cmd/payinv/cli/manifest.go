package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"hash"
	"slices"
	"time"

	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/store"
)

// runOptions are a reconciliation's options as its manifest keeps them:
// everything besides the inputs that changes its answer. Two runs with the
// same records file and the same options are the same reconciliation on
// another day, which is what match --changes compares.
type runOptions struct {
	Window      int      `json:"window"`
	Rails       []string `json:"rails"`
	Map         string   `json:"map"`
	MapSHA256   string   `json:"map_sha256"`
	Rules       string   `json:"rules"`
	RulesSHA256 string   `json:"rules_sha256"`
}

// runTracker collects, while match reads, what its manifest needs: when it
// started, each input with the hash of its bytes, and the events each
// brought.
type runTracker struct {
	started time.Time
	sources []trackedSource
	// events counts the events read per file name.
	events map[string]int
	stored int
}

type trackedSource struct {
	name string
	hash hash.Hash // nil for standard input, whose bytes are not kept
}

// newRunTracker wraps the sources so that each is hashed as it is read
// (every byte, read or not: the hash is that of the file).
func newRunTracker(now time.Time, sources []source) *runTracker {
	t := &runTracker{started: now, events: map[string]int{}}
	for i, src := range sources {
		ts := trackedSource{name: src.name}
		if src.name != stdinName {
			ts.hash = store.NewHash()
			sources[i] = hashingSource(src, ts.hash)
		}
		t.sources = append(t.sources, ts)
	}
	return t
}

// event counts an event read from a file.
func (t *runTracker) event(file string) { t.events[file]++ }

// fileHash is the SHA-256 of a file named on the command line, "" for
// standard input or a file that cannot be read (its problem is reported
// where it is read).
func fileHash(name string) string {
	if name == "" || name == "-" {
		return ""
	}
	srcs, problems := expandSources([]string{name}, nil)
	if len(problems) > 0 || len(srcs) != 1 {
		return ""
	}
	sum, err := hashSource(srcs[0])
	if err != nil {
		return ""
	}
	return sum
}

// manifest is the run's manifest once the reconciliation is done.
func (t *runTracker) manifest(mo *matchOptions, version string, now time.Time, report *matchReport) store.Run {
	opts := runOptions{
		Window: mo.window, Rails: slices.Sorted(slices.Values(mo.rails)),
		Map: mo.mapping, MapSHA256: fileHash(mo.mapping),
		Rules: mo.rulesPath, RulesSHA256: fileHash(mo.rulesPath),
	}
	if opts.Rails == nil {
		opts.Rails = []string{}
	}
	js, _ := json.Marshal(opts) // plain strings and numbers: cannot fail
	recordsFile := mo.records
	if recordsFile == "-" {
		recordsFile = stdinName
	}
	run := store.Run{
		StartedAt: t.started, FinishedAt: now, Version: version, AsOf: mo.today.String(),
		Options: string(js), RecordsFile: recordsFile, RecordsSHA256: fileHash(mo.records),
		Records: report.records, Events: report.events, Breaks: report.breaks,
	}
	if mo.db != "" {
		run.Inputs = append(run.Inputs, store.RunInput{File: store.Redact(mo.db), Kind: store.KindStore, Count: t.stored})
	}
	run.Inputs = append(run.Inputs, store.RunInput{File: recordsFile, SHA256: run.RecordsSHA256, Kind: store.KindRecords, Count: report.records})
	for _, s := range t.sources {
		in := store.RunInput{File: s.name, Kind: store.KindEvents, Count: t.events[s.name]}
		if s.hash != nil {
			in.SHA256 = fmt.Sprintf("%x", s.hash.Sum(nil))
		}
		run.Inputs = append(run.Inputs, in)
	}
	return run
}

// reportBreaks lists the breaks of a reconciliation in the order its
// report does: records first, then stories no record claims.
func reportBreaks(r *matchReport) []store.Break {
	var out []store.Break
	for _, rr := range r.res.Records {
		if rr.Break {
			out = append(out, store.Break{RecordID: rr.Record.ID, Status: string(rr.Status), Why: r.why(rr)})
		}
	}
	for _, s := range r.res.Unexpected {
		out = append(out, store.Break{Source: storyHead(s).Source.String(), Status: string(match.StatusUnexpected), Why: unexpectedWhy(s)})
	}
	return out
}

// manifestJSON is a run's manifest as --manifest writes it.
type manifestJSON struct {
	RunID      *int64          `json:"run_id"` // null when the run was not kept in a store
	Version    string          `json:"version"`
	StartedAt  string          `json:"started_at"`
	FinishedAt string          `json:"finished_at"`
	AsOf       string          `json:"as_of"`
	Options    json.RawMessage `json:"options"`
	Inputs     []inputJSON     `json:"inputs"`
	Records    int             `json:"records"`
	Events     int             `json:"events"`
	Breaks     int             `json:"breaks"`
	Problems   int             `json:"problems"`
}

type inputJSON struct {
	File   string `json:"file"`
	Kind   string `json:"kind"`
	SHA256 string `json:"sha256"`
	Count  int    `json:"count"`
}

// newManifestJSON is a run's manifest in the JSON of --manifest and
// payinv runs; id 0 is a run not kept in a store.
func newManifestJSON(run store.Run, id int64, problems int) manifestJSON {
	m := manifestJSON{
		Version: run.Version, AsOf: run.AsOf, Options: json.RawMessage(run.Options),
		StartedAt:  run.StartedAt.UTC().Format(time.RFC3339Nano),
		FinishedAt: run.FinishedAt.UTC().Format(time.RFC3339Nano),
		Records:    run.Records, Events: run.Events, Breaks: run.Breaks, Problems: problems,
		Inputs: []inputJSON{},
	}
	if id > 0 {
		m.RunID = &id
	}
	if !json.Valid(m.Options) {
		m.Options = json.RawMessage("null")
	}
	for _, in := range run.Inputs {
		m.Inputs = append(m.Inputs, inputJSON{File: in.File, Kind: in.Kind, SHA256: in.SHA256, Count: in.Count})
	}
	return m
}

// recordRun keeps a run and its breaks in the store when keep is true,
// returning the run's id (0 when not kept) and, when changes are wanted,
// the previous run of the same reconciliation.
func recordRun(dsn string, run store.Run, breaks []store.Break, keep, wantPrevious bool) (id int64, prev *store.Run, prevBreaks []store.Break, err error) {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return 0, nil, nil, err
	}
	defer st.Close()
	if wantPrevious {
		r, b, ok, err := st.PreviousRun(ctx, run.RecordsFile, run.Options)
		if err != nil {
			return 0, nil, nil, err
		}
		if ok {
			prev, prevBreaks = &r, b
		}
	}
	if keep {
		id, err = st.RecordRun(ctx, run, breaks)
	}
	return id, prev, prevBreaks, err
}
