package settlement

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClock(t *testing.T) {
	tests := []struct {
		in, text, want string
	}{
		{"16:45", "4:45 p.m.", "16:45"},
		{"09:00", "9:00 a.m.", "09:00"},
		{"4:45pm", "4:45 p.m.", "16:45"},
		{"12:00", "12:00 p.m.", "12:00"},
		{"00:30", "12:30 a.m.", "00:30"},
	}
	for _, tt := range tests {
		var c Clock
		require.NoError(t, c.UnmarshalText([]byte(tt.in)), tt.in)
		assert.Equal(t, tt.text, c.String())
		b, _ := c.MarshalText()
		assert.Equal(t, tt.want, string(b))
	}
	var c Clock
	assert.ErrorContains(t, c.UnmarshalText([]byte("25:00")), "not a time of day")

	c = Clock{Hour: 16, Minute: 45}
	// 21:40 UTC on 2026-11-20 is 4:40 p.m. in New York (EST).
	assert.True(t, c.Before(time.Date(2026, 11, 20, 21, 40, 0, 0, time.UTC)))
	assert.False(t, c.Before(time.Date(2026, 11, 20, 21, 50, 0, 0, time.UTC)))
	assert.Equal(t, "2026-11-20T16:45:00-05:00", c.At(time.Date(2026, 11, 20, 23, 0, 0, 0, time.UTC)).Format(time.RFC3339))
}
