// Command bench measures payinv as a user runs it, in separate processes:
// wall time and peak memory, each the median of several runs.
//
//	go run ./scripts/bench -payinv bin/payinv -moovread bin/moovread [-file F] [-runs 5]
//	go run ./scripts/bench -payinv bin/payinv -genbench bin/genbench -match 100000,300000,1000000
//
// The first form compares `payinv ach show -o json` with a bare
// moov-io/ach read (scripts/moovread) of the same file; without -file it
// uses moov-io/ach's 500,000-entry sample (in the module cache),
// decompressed to a temporary file. It fails when payinv takes more than
// -max-ratio times moov's time or more than -max-rss MB.
//
// The second form generates records and NACHA files of each size with
// scripts/genbench and times `payinv match` on them; it fails when a
// million records take more than 10 s or 1.5 GB.
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	payinv := flag.String("payinv", "bin/payinv", "the payinv binary")
	moovread := flag.String("moovread", "bin/moovread", "the moovread binary")
	file := flag.String("file", "", "NACHA file to read (default: moov-io/ach's 500,000-entry sample)")
	runs := flag.Int("runs", 5, "runs of each command")
	maxRatio := flag.Float64("max-ratio", 0.8, "fail when payinv takes longer than this times moov")
	maxRSS := flag.Int64("max-rss", 150, "fail when payinv's peak memory exceeds this many MB")
	genbench := flag.String("genbench", "bin/genbench", "the genbench binary (with -match)")
	sizes := flag.String("match", "", "benchmark payinv match at these record counts, e.g. 100000,300000,1000000")
	flag.Parse()
	if *sizes != "" {
		os.Exit(benchMatch(*payinv, *genbench, *sizes, *runs))
	}

	path := *file
	if path == "" {
		var err error
		path, err = largeSample()
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(2)
		}
		defer os.Remove(path)
	}
	info, err := os.Stat(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}

	ours := measure(*runs, *payinv, "ach", "show", "-o", "json", path)
	theirs := measure(*runs, *moovread, path)
	ratio := ours.wall.Seconds() / theirs.wall.Seconds()

	fmt.Printf("file: %s (%.1f MB)\n", path, float64(info.Size())/1e6)
	fmt.Printf("%-32s %10s %12s\n", "command (median of runs)", "wall", "peak RSS")
	fmt.Printf("%-32s %10s %9d MB\n", "payinv ach show -o json", ours.wall.Round(time.Millisecond), ours.rssMB)
	fmt.Printf("%-32s %10s %9d MB\n", "moov ach.NewReader(f).Read()", theirs.wall.Round(time.Millisecond), theirs.rssMB)
	fmt.Printf("ratio: %.2f (target <= %.2f), peak memory %d MB (target < %d MB)\n", ratio, *maxRatio, ours.rssMB, *maxRSS)
	if ratio > *maxRatio || ours.rssMB >= *maxRSS {
		fmt.Println("FAIL")
		os.Exit(1)
	}
	fmt.Println("ok")
}

type result struct {
	wall  time.Duration
	rssMB int64
}

// measure runs a command several times with its output going to
// /dev/null (written by the process itself, not copied through a pipe) and
// returns the median wall time and peak resident memory.
func measure(runs int, name string, args ...string) result {
	return measureAllowing(runs, nil, name, args...)
}

// measureAllowing is measure for a command whose exit statuses in ok are
// answers, not failures.
func measureAllowing(runs int, ok []int, name string, args ...string) result {
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	defer devNull.Close()
	var walls []time.Duration
	var rss []int64
	for range runs {
		cmd := exec.Command(name, args...)
		cmd.Stdout = devNull
		var stderr strings.Builder
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil && !slices.Contains(ok, cmd.ProcessState.ExitCode()) {
			fmt.Fprintf(os.Stderr, "bench: %s: %v\n%s", name, err, stderr.String())
			os.Exit(2)
		}
		walls = append(walls, time.Since(start))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = append(rss, ru.Maxrss/1024) // Linux reports KB
		}
	}
	slices.Sort(walls)
	slices.Sort(rss)
	r := result{wall: walls[len(walls)/2]}
	if len(rss) > 0 {
		r.rssMB = rss[len(rss)/2]
	}
	return r
}

// largeSample decompresses moov-io/ach's 500,000-entry sample file.
func largeSample() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/moov-io/ach").Output()
	if err != nil {
		return "", fmt.Errorf("finding moov-io/ach in the module cache (run go mod download): %v", err)
	}
	src := filepath.Join(strings.TrimSpace(string(out)), "test/testdata/large-files/PPD-2500-batches-500000-entries.ach.gz")
	f, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp("", "ppd-500000-*.ach")
	if err != nil {
		return "", err
	}
	defer tmp.Close()
	if _, err := io.Copy(tmp, zr); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// benchMatch times payinv match at each size and reports how the cost
// grows; 1 when a million records break the time or memory target.
func benchMatch(payinv, genbench, sizes string, runs int) int {
	fmt.Printf("%-10s %10s %10s %12s %14s\n", "records", "events", "wall", "peak RSS", "per 1k records")
	failed := false
	for _, field := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench: -match:", err)
			return 2
		}
		dir, err := os.MkdirTemp("", fmt.Sprintf("bench-match-%d-", n))
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			return 2
		}
		defer os.RemoveAll(dir)
		if out, err := exec.Command(genbench, "-n", strconv.Itoa(n), "-out", dir).CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "bench: genbench: %v\n%s", err, out)
			return 2
		}
		events := countEntries(filepath.Join(dir, "deposits.ach")) + countEntries(filepath.Join(dir, "returns.ach"))
		// Exit 1 (breaks found) is the expected answer here.
		r := measureAllowing(runs, []int{1}, payinv, "match", "--records", filepath.Join(dir, "records.csv"), "--as-of", "2026-12-15",
			filepath.Join(dir, "deposits.ach"), filepath.Join(dir, "returns.ach"))
		per := r.wall / time.Duration(max(1, n/1000))
		fmt.Printf("%-10d %10d %10s %9d MB %14s\n", n, events, r.wall.Round(time.Millisecond), r.rssMB, per.Round(time.Microsecond))
		if n >= 1_000_000 && (r.wall > 10*time.Second || r.rssMB >= 1500) {
			failed = true
		}
	}
	if failed {
		fmt.Println("FAIL: a million records must reconcile in under 10 s and 1.5 GB")
		return 1
	}
	fmt.Println("ok")
	return 0
}

// countEntries counts the entry records ("6") of a NACHA file.
func countEntries(path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	n := 0
	for line := range strings.Lines(string(data)) {
		if strings.HasPrefix(line, "6") {
			n++
		}
	}
	return n
}
