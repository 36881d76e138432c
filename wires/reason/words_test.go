package reason

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatus(t *testing.T) {
	tests := []struct {
		word    string
		outcome string
		final   bool
	}{
		{"ACSC", OutcomeSettled, true},
		{" acsc ", OutcomeSettled, true},
		{"ACCC", OutcomeCredited, true},
		{"ACSP", OutcomeAccepted, false},
		{"ACTC", OutcomeAccepted, false},
		{"ACCP", OutcomeAccepted, false},
		{"ACWC", OutcomeAccepted, false},
		{"PDNG", OutcomePending, false},
		{"RCVD", OutcomeAccepted, false},
		{"RJCT", OutcomeRejected, true},
		{"BLCK", OutcomePending, false},
		{"PART", OutcomePartial, false},
		{"CNCL", OutcomeCancelled, true},
		{"RJCR", OutcomeRefused, true},
		{"PECR", OutcomePartial, true},
		{"PDCR", OutcomePending, false},
		{"ACCR", OutcomeCancelled, true},
		{"accepted", OutcomeSettled, true},
		{"Rejected", OutcomeRejected, true},
		{"intercepted", OutcomePending, false},
		{"0", OutcomePending, false},
		{"2", OutcomeSettled, true},
		{"3", OutcomeRejected, true},
		{"7", OutcomeAccepted, true},
		{"N", OutcomeSettled, true},
		{"S", OutcomeAccepted, true},
		{"ACK", OutcomeAccepted, false},
		{"NAK", OutcomeRejected, true},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			w, ok := Status(tt.word)
			require.True(t, ok)
			assert.Equal(t, tt.outcome, w.Outcome)
			assert.Equal(t, tt.final, w.Final)
		})
	}
	_, ok := Status("SETTLED")
	assert.False(t, ok)
	_, ok = Status("")
	assert.False(t, ok)
}

func TestACSCIsNotProofOfCredit(t *testing.T) {
	w, _ := Status("ACSC")
	assert.Contains(t, w.Meaning, "not proof that the beneficiary's account was credited")
	assert.NotEqual(t, OutcomeCredited, w.Outcome)
}

func TestStatusWordsAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, w := range StatusWords() {
		key := strings.ToUpper(w.Word)
		assert.False(t, seen[key], "%s listed twice", w.Word)
		seen[key] = true
		for field, text := range map[string]string{"Title": w.Title, "Where": w.Where, "Outcome": w.Outcome, "Meaning": w.Meaning, "Customer": w.Customer} {
			assert.NotEmpty(t, text, "%s has no %s", w.Word, field)
		}
	}
}
