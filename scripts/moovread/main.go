// Command moovread reads a NACHA file with moov-io/ach's own reader,
// ach.NewReader(f).Read(), and prints how many entries it found. It is the
// baseline that scripts/benchshow compares `payinv ach show` with.
package main

import (
	"fmt"
	"os"

	"github.com/moov-io/ach"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: moovread FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer f.Close()
	file, err := ach.NewReader(f).Read()
	n := 0
	for _, b := range file.Batches {
		n += len(b.GetEntries())
	}
	fmt.Println(n)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
