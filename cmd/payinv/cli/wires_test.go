package cli

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestWireAccountsMasked runs every command that reads wires, in every
// output, and checks that no customer's or the company's full account
// number reaches stdout or stderr without --reveal.
func TestWireAccountsMasked(t *testing.T) {
	accounts := []string{
		"3319004471", "8812345670", "5500123498", "7700456123", "9900112233", "2200987654", "4470012345",
		"6021778899", "4410098765", "3300221144", "5566778899", "GB29BARC20000012345678", "0061234567", "GB33BUKB20201555555555",
	}
	files := slices.Concat(isoWires, fedwireFiles, swiftWires)
	commands := [][]string{
		{"wires", "show"}, {"events"},
		{"match", "--records", "fixtures/records/records.csv", "--rail", "wire"},
		{"find", "--name", "a"},
	}
	for _, c := range commands {
		for _, out := range []string{"table", "json", "csv"} {
			r := runCLI("", slices.Concat(c, []string{"-o", out, "--as-of=2026-11-25"}, files)...)
			for _, acct := range accounts {
				assert.NotContains(t, r.stdout, acct, "%v -o %s", c, out)
				assert.NotContains(t, r.stderr, acct, "%v -o %s", c, out)
			}
		}
	}
	r := runCLI("", slices.Concat([]string{"wires", "show", "-o", "json", "--reveal"}, files)...)
	assert.Contains(t, r.stdout, "3319004471", "--reveal shows them")
}
