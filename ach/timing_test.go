package ach

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

func TestReturnDeadline(t *testing.T) {
	tests := []struct {
		name     string
		code     string
		original string
		want     string // "" means not ok
	}{
		// Two banking days: by the 2nd banking day after the original
		// settlement.
		{"R01 across Veterans Day", "R01", "2026-11-10", "2026-11-13"},
		{"R01 over a weekend", "R01", "2026-11-12", "2026-11-16"},
		{"R02 over Thanksgiving", "R02", "2026-11-24", "2026-11-27"},
		{"R03 over New Year's Day", "R03", "2026-12-30", "2027-01-04"},
		{"lower case and blanks", " r01 ", "2026-11-10", "2026-11-13"},
		{"R29 corporate unauthorized", "R29", "2026-11-10", "2026-11-13"},
		// Sixty calendar days: by the banking day after the 60th day.
		{"R10: the 60th day is Saturday 2027-01-09", "R10", "2026-11-10", "2027-01-11"},
		{"R07: the 60th day is Monday 2027-01-11", "R07", "2026-11-12", "2027-01-12"},
		{"R05: the 60th day is New Year's Day", "R05", "2026-11-02", "2027-01-04"},
		{"R11: the 60th day is New Year's Eve", "R11", "2026-11-01", "2027-01-04"},
		// Deadlines that do not run from the original settlement.
		{"R13 operator return", "R13", "2026-11-10", ""},
		{"R19 operator return", "R19", "2026-11-10", ""},
		{"R06 by agreement", "R06", "2026-11-10", ""},
		{"R23 after the refusal", "R23", "2026-11-10", ""},
		{"R68 dishonor", "R68", "2026-11-10", ""},
		{"R73 contest", "R73", "2026-11-10", ""},
		{"R40 enrollment", "R40", "2026-11-10", ""},
		{"unknown R97", "R97", "2026-11-10", ""},
		{"change code", "C01", "2026-11-10", ""},
		{"empty code", "", "2026-11-10", ""},
		{"zero date", "R01", "", ""},
		{"zero date, 60 days", "R10", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ReturnDeadline(tt.code, mustDate(t, tt.original), settlement.Fed)
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, mustDate(t, tt.want), got)
		})
	}
}

func TestSixtyDayDeadline(t *testing.T) {
	tests := []struct {
		settled, want string
	}{
		{"2026-11-10", "2027-01-11"}, // 60th day Sat 2027-01-09
		{"2026-11-12", "2027-01-12"}, // 60th day Mon 2027-01-11: the banking day after it
		{"2026-11-01", "2027-01-04"}, // 60th day Thu 12-31; Fri 01-01 is New Year's Day
		{"2026-11-02", "2027-01-04"}, // 60th day is New Year's Day
		{"2026-11-03", "2027-01-04"}, // 60th day Sat 01-02
		{"2026-10-30", "2026-12-30"}, // 60th day Tue 12-29
		{"2026-10-27", "2026-12-28"}, // 60th day Sat 12-26
		{"2026-12-15", "2027-02-16"}, // 60th day Sat 02-13; Mon 02-15 is Washington's Birthday
		{"2027-12-31", "2028-03-01"}, // 60th day Tue 2028-02-29 (leap day)
	}
	for _, tt := range tests {
		t.Run(tt.settled, func(t *testing.T) {
			assert.Equal(t, mustDate(t, tt.want), SixtyDayDeadline(mustDate(t, tt.settled), settlement.Fed))
		})
	}
}

func TestDateReturn(t *testing.T) {
	intp := func(n int) *int { return &n }
	boolp := func(b bool) *bool { return &b }
	tests := []struct {
		name     string
		code     string // "" for an event without a reason
		settled  string // the return's settlement date
		original string
		want     payment.Timing
	}{
		{
			name: "timely R01", code: "R01", settled: "2026-11-12", original: "2026-11-10",
			want: payment.Timing{
				OriginalSettlementDate: mustDate(t, "2026-11-10"), BankingDaysAfter: intp(1),
				Deadline: mustDate(t, "2026-11-13"), Timely: boolp(true),
			},
		},
		{
			name: "R01 on its deadline", code: "R01", settled: "2026-11-13", original: "2026-11-10",
			want: payment.Timing{
				OriginalSettlementDate: mustDate(t, "2026-11-10"), BankingDaysAfter: intp(2),
				Deadline: mustDate(t, "2026-11-13"), Timely: boolp(true),
			},
		},
		{
			name: "late R01", code: "R01", settled: "2026-11-16", original: "2026-11-10",
			want: payment.Timing{
				OriginalSettlementDate: mustDate(t, "2026-11-10"), BankingDaysAfter: intp(3),
				Deadline: mustDate(t, "2026-11-13"), Timely: boolp(false),
			},
		},
		{
			name: "R10 within 60 days", code: "R10", settled: "2026-11-12", original: "2026-11-10",
			want: payment.Timing{
				OriginalSettlementDate: mustDate(t, "2026-11-10"), BankingDaysAfter: intp(1),
				Deadline: mustDate(t, "2027-01-11"), Timely: boolp(true),
			},
		},
		{
			name: "R10 after 60 days", code: "R10", settled: "2027-01-12", original: "2026-11-10",
			want: payment.Timing{
				OriginalSettlementDate: mustDate(t, "2026-11-10"), BankingDaysAfter: intp(41),
				Deadline: mustDate(t, "2027-01-11"), Timely: boolp(false),
			},
		},
		{
			name: "operator return: days counted, no deadline", code: "R13", settled: "2026-11-12", original: "2026-11-10",
			want: payment.Timing{OriginalSettlementDate: mustDate(t, "2026-11-10"), BankingDaysAfter: intp(1)},
		},
		{
			name: "unknown code: days counted, no deadline", code: "R97", settled: "2026-11-12", original: "2026-11-10",
			want: payment.Timing{OriginalSettlementDate: mustDate(t, "2026-11-10"), BankingDaysAfter: intp(1)},
		},
		{
			name: "no settlement date", code: "R01", settled: "", original: "2026-11-10",
			want: payment.Timing{OriginalSettlementDate: mustDate(t, "2026-11-10")},
		},
		{
			name: "no reason", code: "", settled: "2026-11-12", original: "2026-11-10",
			want: payment.Timing{OriginalSettlementDate: mustDate(t, "2026-11-10")},
		},
		{
			name: "original not known", code: "R01", settled: "2026-11-12", original: "",
			want: payment.Timing{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := &payment.Event{
				Kind:           payment.KindReturn,
				Amount:         decimal.New(250000, -2),
				SettlementDate: mustDate(t, tt.settled),
			}
			if tt.code != "" {
				ev.Reason = returnReason(tt.code)
			}
			DateReturn(ev, mustDate(t, tt.original), settlement.Fed)
			assert.Equal(t, tt.want, ev.Timing)
		})
	}
}

// TestForwardWindows: the windows a forward entry carries, from its
// settlement date.
func TestForwardWindows(t *testing.T) {
	w := forwardWindows(mustDate(t, "2026-11-10"), settlement.Fed)
	assert.Equal(t, payment.Timing{
		ReturnableUntil:             mustDate(t, "2026-11-13"),
		ReversibleUntil:             mustDate(t, "2026-11-18"),
		UnauthorizedReturnableUntil: mustDate(t, "2027-01-11"),
	}, w)
	assert.Equal(t, payment.Timing{}, forwardWindows(payment.Date{}, settlement.Fed))
}
