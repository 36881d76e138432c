package settlement

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadRules(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
		return p
	}
	r, err := LoadRules(write("empty.yaml", ""))
	require.NoError(t, err)
	assert.Equal(t, DefaultRules(), r, "an empty file keeps every default")

	_, err = LoadRules(write("bad.yaml", "ach:\n  no_such_rule: 1\n"))
	assert.ErrorContains(t, err, "no_such_rule")
	_, err = LoadRules(write("bad.toml", "[wire]\nno_such_rule = 1\n"))
	assert.ErrorContains(t, err, "no_such_rule")
	_, err = LoadRules(filepath.Join(dir, "missing.yaml"))
	assert.ErrorContains(t, err, "rules:")
}
