package match

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/payinv/payinv/records"
	"github.com/payinv/payinv/settlement"
)

// TestExpectedSettlement checks the dates the settlement engine gives
// pending records, rail by rail.
func TestExpectedSettlement(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, eastern)
		if err != nil {
			panic(err)
		}
		return v
	}
	tests := []struct {
		name string
		rec  records.Record
		want string
	}{
		{"an ACH deposit on Tuesday evening settles Wednesday", records.Record{Rail: "ach", Type: records.Deposit, CreatedAt: at("2026-11-24 16:48")}, "2026-11-25"},
		{"an ACH deposit on Wednesday settles after Thanksgiving", records.Record{Rail: "ach", Type: records.Deposit, CreatedAt: at("2026-11-25 15:00")}, "2026-11-27"},
		{"a wire before the cut-off settles the same day", records.Record{Rail: "wire", Type: records.Withdrawal, CreatedAt: at("2026-11-20 10:00")}, "2026-11-20"},
		{"a wire after the cut-off settles Monday", records.Record{Rail: "wire", Type: records.Withdrawal, CreatedAt: at("2026-11-20 18:50")}, "2026-11-23"},
		{"a card deposit settles within the processor's days", records.Record{Rail: "card", Type: records.Deposit, CreatedAt: at("2026-11-20 10:00")}, "2026-11-24"},
		{"a push-to-card payout has no settlement step", records.Record{Rail: "card", Type: records.Withdrawal, CreatedAt: at("2026-11-20 10:00")}, ""},
		{"an unknown rail has no date", records.Record{Type: records.Deposit, CreatedAt: at("2026-11-20 10:00")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := expectedSettlement(&tt.rec, settlement.DefaultRules(), settlement.Fed)
			if tt.want == "" {
				assert.True(t, got.IsZero(), got.String())
				return
			}
			assert.Equal(t, tt.want, got.String())
		})
	}
}
