// Package nightly holds the nightly reconciliation job, a shell script, and
// its test: two nights run against one store, the second with nothing new.
package nightly

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNightlyTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("builds payinv")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "payinv")
	build := exec.Command("go", "build", "-o", bin, "github.com/payinv/payinv/cmd/payinv")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)
	root, err := filepath.Abs("../..")
	require.NoError(t, err)

	night := func() (string, int) {
		cmd := exec.Command("sh", filepath.Join(root, "scripts/nightly/nightly.sh"))
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "PAYINV="+bin, "PAYINV_DB="+filepath.Join(dir, "history.db"),
			"INBOX=fixtures/ach", "RECORDS=fixtures/records/records.csv", "REPORTS="+filepath.Join(dir, "reports"), "NO_COLOR=1")
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else {
			require.NoError(t, err)
		}
		return string(out), code
	}
	first, code := night()
	assert.Equal(t, 1, code, first)
	assert.Contains(t, first, "Run 1, no earlier run of this reconciliation: every break is new")
	assert.Contains(t, first, "new or changed breaks (above)")

	second, code := night()
	assert.Equal(t, 0, code, second)
	assert.Contains(t, second, "Run 2, since run 1")
	assert.Contains(t, second, "Nothing changed.")
	assert.Contains(t, second, "nothing new since the last run")

	reports, err := filepath.Glob(filepath.Join(dir, "reports", "recon-*"))
	require.NoError(t, err)
	assert.Len(t, reports, 2, "the day's report and manifest: %v", reports)
}
