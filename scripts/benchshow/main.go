// Command benchshow measures `payinv ach show -o json` against a bare
// moov-io/ach read (scripts/moovread) of the same file: wall time and peak
// memory, each the median of several runs, as separate processes.
//
//	go run ./scripts/benchshow -payinv bin/payinv -moovread bin/moovread [-file F] [-runs 5]
//
// Without -file it uses moov-io/ach's 500,000-entry sample
// (test/testdata/large-files/PPD-2500-batches-500000-entries.ach.gz in the
// module cache), decompressed to a temporary file. It exits 1 when payinv
// takes more than -max-ratio times moov's time or more than -max-rss MB.
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
	flag.Parse()

	path := *file
	if path == "" {
		var err error
		path, err = largeSample()
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchshow:", err)
			os.Exit(2)
		}
		defer os.Remove(path)
	}
	info, err := os.Stat(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchshow:", err)
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
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchshow:", err)
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
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "benchshow: %s: %v\n%s", name, err, stderr.String())
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
