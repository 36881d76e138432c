// Command payinv investigates payments: it reads NACHA files (and, as
// they land, card processor exports and wire messages), turns every record
// into one normalized event and explains returns, corrections and their
// deadlines in plain language.
//
// All the wiring lives in package cli so that tests can run the whole
// command; main only connects it to the process.
package main

import (
	"os"

	"github.com/payinv/payinv/cmd/payinv/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.SystemIO(), version))
}
