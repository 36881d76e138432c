package explain

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/payinv/payinv/payment"
)

func TestLongDate(t *testing.T) {
	tests := []struct {
		in   payment.Date
		want string
	}{
		{payment.NewDate(2026, 11, 27), "Friday, November 27, 2026"},
		{payment.NewDate(2027, 1, 11), "Monday, January 11, 2027"},
		{payment.Date{}, "an unknown date"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, LongDate(tt.in))
	}
}

func TestDeadlines(t *testing.T) {
	d := payment.NewDate
	tests := []struct {
		name   string
		timing payment.Timing
		keys   []string
	}{
		{name: "none", timing: payment.Timing{}, keys: nil},
		{name: "payment", timing: payment.Timing{ReturnableUntil: d(2026, 11, 13), AvailableOn: d(2026, 11, 10)},
			keys: []string{"returnable_until", "available_on"}},
		{name: "return", timing: payment.Timing{DishonorableUntil: d(2026, 11, 23)}, keys: []string{"dishonorable_until"}},
		{name: "noc", timing: payment.Timing{CorrectionDue: d(2026, 11, 20)}, keys: []string{"correction_due"}},
		{name: "chargeback", timing: payment.Timing{DisputeResponseDue: d(2026, 12, 8), RefundArrivesBy: d(2026, 11, 20)},
			keys: []string{"refund_arrives_by", "dispute_response_due"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var keys []string
			for _, dl := range Deadlines(tt.timing) {
				keys = append(keys, dl.Key)
				assert.NotEmpty(t, dl.Label)
				assert.False(t, dl.Date.IsZero())
			}
			assert.Equal(t, tt.keys, keys)
		})
	}
}

func TestDeadlineState(t *testing.T) {
	day := payment.NewDate(2026, 11, 20)
	tests := []struct {
		name     string
		expected bool
		asOf     payment.Date
		want     string
	}{
		{name: "before", asOf: payment.NewDate(2026, 11, 19), want: "open"},
		{name: "on the day", asOf: day, want: "open"},
		{name: "after", asOf: payment.NewDate(2026, 11, 21), want: "passed"},
		{name: "expected before", expected: true, asOf: payment.NewDate(2026, 11, 19), want: "expected"},
		{name: "expected after", expected: true, asOf: payment.NewDate(2026, 11, 23), want: "passed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Deadline{Date: day, Expected: tt.expected}.State(tt.asOf))
		})
	}
}
