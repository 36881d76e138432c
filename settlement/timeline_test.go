package settlement

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// railET is an instant on the rails' clock (US Eastern).
func railET(y int, m time.Month, day, h, min int) time.Time {
	return time.Date(y, m, day, h, min, 0, 0, Eastern)
}

// railStepLines writes steps as "key@RFC3339" (timed) or "key@date"
// (DayOnly) for comparing timelines in one assertion.
func railStepLines(steps []Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		if s.DayOnly {
			out[i] = s.Key + "@" + s.Day().String()
			continue
		}
		out[i] = s.Key + "@" + s.At.In(Eastern).Format("2006-01-02T15:04Z07:00")
	}
	return out
}

// requireRailTimeline checks what every timeline must be: steps in time
// order (a DayOnly step counts as the end of its day), Eastern instants,
// DayOnly steps at midnight, a sentence and a rule on every step.
func requireRailTimeline(t *testing.T, tl Timeline) {
	t.Helper()
	var last time.Time
	for _, s := range tl.Steps {
		assert.Equal(t, Eastern, s.At.Location(), s.Key)
		assert.NotEmpty(t, s.Key)
		assert.NotEmpty(t, s.Sentence, s.Key)
		assert.NotEmpty(t, s.Rule, s.Key)
		at := s.At
		if s.DayOnly {
			assert.Equal(t, "00:00", s.At.Format("15:04"), s.Key)
			at = s.Day().AddDays(1).Time(Eastern).Add(-time.Nanosecond)
		}
		assert.False(t, at.Before(last), "step %s is out of time order", s.Key)
		last = at
	}
}

// timelineCase is one worked example: a request and the steps it must
// give ("key@time" as railStepLines writes them), words its sentences and
// notes must contain.
type timelineCase struct {
	name  string
	req   Request
	steps []string
	says  []string // sentences (joined) must contain each
	notes []string // notes (joined) must contain each
}

// checkTimelines runs worked examples on rail under the default rules;
// every timeline's notes must also contain always, when given.
func checkTimelines(t *testing.T, rail string, tests []timelineCase, always string) {
	t.Helper()
	rules := DefaultRules()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Rail = rail
			tl, err := rules.When(tt.req, Fed)
			require.NoError(t, err)
			assert.Equal(t, tt.steps, railStepLines(tl.Steps))
			requireRailTimeline(t, tl)
			var says strings.Builder
			for _, s := range tl.Steps {
				says.WriteString(s.Sentence + "\n")
			}
			for _, want := range tt.says {
				assert.Contains(t, says.String(), want)
			}
			notes := strings.Join(tl.Notes, "\n")
			for _, want := range tt.notes {
				assert.Contains(t, notes, want)
			}
			if always != "" {
				assert.Contains(t, notes, always)
			}
		})
	}
}
