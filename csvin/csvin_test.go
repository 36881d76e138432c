package csvin

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseErrorText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"unclosed quote", "a,\"b\nc,d\n", `a quoted cell is not closed, or has a quote (") inside that is not doubled (found at line 2, column 5)`},
		{"bare quote", "a,b\"c\n", `a quote (") inside a cell that is not quoted (column 4)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := csv.NewReader(strings.NewReader(tt.in)).ReadAll()
			var pe *csv.ParseError
			require.True(t, errors.As(err, &pe), "%v", err)
			assert.Equal(t, tt.want, ParseErrorText(pe))
		})
	}
}

func TestQuote(t *testing.T) {
	assert.Equal(t, `"abc"`, Quote("abc"))
	assert.Equal(t, `"a\"b"`, Quote(`a"b`))
	long := strings.Repeat("x", 39) + "é" + "tail"
	assert.Equal(t, `"`+strings.Repeat("x", 39)+`"...`, Quote(long), "cut on a character boundary")
}

func TestTrimCell(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "  a b\t": "a b", "\u00a0100.00\u00a0": "100.00", "x": "x", " \t ": "",
	} {
		assert.Equal(t, want, TrimCell(in), "%q", in)
	}
}

func TestDigitsAt(t *testing.T) {
	for _, tt := range []struct {
		s    string
		i, n int
		want int
	}{
		{"2026-11-10", 0, 4, 2026}, {"2026-11-10", 5, 2, 11}, {"2026-11-10", 4, 2, -1}, {"2026", 2, 4, -1}, {"12", -1, 1, -1},
	} {
		assert.Equal(t, tt.want, DigitsAt(tt.s, tt.i, tt.n), "%q[%d:+%d]", tt.s, tt.i, tt.n)
	}
}
