package settlement

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWireTimeline(t *testing.T) {
	tests := []timelineCase{
		{
			name: "Fedwire Friday 2 p.m. settles in real time",
			req:  Request{At: railET(2026, 11, 20, 14, 0)},
			steps: []string{
				"submitted@2026-11-20T14:00-05:00",
				"cutoff_met@2026-11-20T14:00-05:00",
				"settles@2026-11-20T14:00-05:00",
				"available@2026-11-20",
			},
			says: []string{"before the bank's cut-off of 5:00 p.m. ET", "within minutes of 2:00 p.m. ET on Friday, November 20, 2026"},
		},
		{
			name: "Fedwire Friday 6:50 p.m. misses the cut-offs: cycle date Monday",
			req:  Request{At: railET(2026, 11, 20, 18, 50), Kind: "fedwire"},
			steps: []string{
				"submitted@2026-11-20T18:50-05:00",
				"cutoff_missed@2026-11-20T18:50-05:00",
				"network_opens@2026-11-22T21:00-05:00",
				"settles@2026-11-23",
				"available@2026-11-23",
			},
			says: []string{
				"after the bank's cut-off of 5:00 p.m. ET and Fedwire's 6:45 p.m. ET cut-off for customer wires on Friday, November 20, 2026",
				"next business day, Monday, November 23, 2026",
				"9:00 p.m. ET on Sunday, November 22, 2026",
			},
		},
		{
			name: "Fedwire Wednesday 9:30 p.m. before Thanksgiving: cycle date Friday",
			req:  Request{At: railET(2026, 11, 25, 21, 30)},
			steps: []string{
				"submitted@2026-11-25T21:30-05:00",
				"cutoff_missed@2026-11-25T21:30-05:00",
				"network_opens@2026-11-26T21:00-05:00",
				"settles@2026-11-27",
				"available@2026-11-27",
			},
			says: []string{"Friday, November 27, 2026"},
		},
		{
			name: "Fedwire Tuesday 9:30 p.m.: already the next cycle date",
			req:  Request{At: railET(2026, 11, 17, 21, 30)},
			steps: []string{
				"submitted@2026-11-17T21:30-05:00",
				"cutoff_met@2026-11-17T21:30-05:00",
				"settles@2026-11-18",
				"available@2026-11-18",
			},
			says: []string{"carries the cycle date of Wednesday, November 18, 2026"},
		},
		{
			name: "Fedwire from a UTC timestamp on a Sunday night (EST)",
			req:  Request{At: time.Date(2026, 11, 23, 2, 30, 0, 0, time.UTC)}, // 9:30 p.m. Sunday
			steps: []string{
				"submitted@2026-11-22T21:30-05:00",
				"cutoff_met@2026-11-22T21:30-05:00",
				"settles@2026-11-23",
				"available@2026-11-23",
			},
		},
		{
			name: "Fedwire on Veterans Day",
			req:  Request{At: railET(2026, 11, 11, 10, 0)},
			steps: []string{
				"submitted@2026-11-11T10:00-05:00",
				"closed_day@2026-11-11T10:00-05:00",
				"network_opens@2026-11-11T21:00-05:00",
				"settles@2026-11-12",
				"available@2026-11-12",
			},
			says: []string{"Wednesday, November 11, 2026 is not a business day for wires (Veterans Day)"},
		},
		{
			name: "CHIPS Friday 2 p.m.",
			req:  Request{At: railET(2026, 11, 20, 14, 0), Kind: "CHIPS"},
			steps: []string{
				"submitted@2026-11-20T14:00-05:00",
				"cutoff_met@2026-11-20T14:00-05:00",
				"settles@2026-11-20T18:00-05:00",
				"available@2026-11-20",
			},
			says: []string{"end-of-day settlement after 6:00 p.m. ET on Friday, November 20, 2026"},
		},
		{
			name: "SWIFT Friday 2 p.m.",
			req:  Request{At: railET(2026, 11, 20, 14, 0), Kind: "swift"},
			steps: []string{
				"submitted@2026-11-20T14:00-05:00",
				"cutoff_met@2026-11-20T14:00-05:00",
				"reaches_bank@2026-11-20",
				"credit_expected_from@2026-11-23",
				"credit_expected_by@2026-11-30",
			},
			says: []string{"between Monday, November 23, 2026 and Monday, November 30, 2026"},
		},
	}
	checkTimelines(t, RailWire, tests, "a recall is only a request")
}

func TestWireTimelineRules(t *testing.T) {
	rules := DefaultRules()
	// A bank whose cut-off is later than Fedwire's: Fedwire's governs.
	rules.Wire.BankCutoff = Clock{19, 0}
	tl, err := rules.When(Request{Rail: RailWire, At: railET(2026, 11, 20, 18, 50)}, Fed)
	require.NoError(t, err)
	assert.Equal(t, "cutoff_missed", tl.Steps[1].Key)
	assert.Contains(t, tl.Steps[1].Sentence, "Fedwire's cut-off for customer wires of 6:45 p.m. ET")

	tl, err = rules.When(Request{Rail: RailWire, At: railET(2026, 11, 20, 18, 30)}, Fed)
	require.NoError(t, err)
	assert.Equal(t, "cutoff_met", tl.Steps[1].Key)

	_, err = rules.When(Request{Rail: RailWire, At: railET(2026, 11, 20, 18, 30), Kind: "rtgs"}, Fed)
	assert.ErrorContains(t, err, `"rtgs" is not a wire network`)
}

func BenchmarkWireTimeline(b *testing.B) {
	rules := DefaultRules()
	req := Request{Rail: RailWire, At: railET(2026, 11, 25, 21, 30)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rules.When(req, Fed); err != nil {
			b.Fatal(err)
		}
	}
}
