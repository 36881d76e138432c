package fedwire

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

func TestParseIMAD(t *testing.T) {
	tests := []struct {
		in      string
		want    IMAD
		wantErr string
	}{
		{in: "20250310B1QDRCQR000001", want: IMAD{CycleDate: payment.NewDate(2025, 3, 10), Source: "B1QDRCQR", Sequence: "000001"}},
		{in: "20190410Source08000001", want: IMAD{CycleDate: payment.NewDate(2019, 4, 10), Source: "Source08", Sequence: "000001"}},
		{in: "20250310B1QDRCQR00000", wantErr: "want 22 characters"},
		{in: "20251310B1QDRCQR000001", wantErr: "not a valid date"},
		{in: "2025031XB1QDRCQR000001", wantErr: "not CCYYMMDD"},
		{in: "20250310B1QD-CQR000001", wantErr: "input source"},
		{in: "20250310B1QDRCQR00000A", wantErr: "sequence"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseIMAD(tt.in)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				assert.False(t, IsIMAD(tt.in))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.True(t, IsIMAD(tt.in))
		})
	}
	m, _ := ParseIMAD("20250310B1QDRCQR000001")
	assert.Equal(t, "20250310B1QDRCQR000001", m.String())
}

func TestParseOMAD(t *testing.T) {
	tests := []struct {
		in      string
		cycle   payment.Date
		output  string
		wantErr string
	}{
		{in: "20250310QMGFNP7500070103101100FT03", cycle: payment.NewDate(2025, 3, 10), output: "2025-03-10T11:00:00-04:00"},
		{in: "20190502Source0800000105021230B123", cycle: payment.NewDate(2019, 5, 2), output: "2019-05-02T12:30:00-04:00"},
		// Sent on the evening of New Year's Eve for the January cycle.
		{in: "20260102QMGFNP750007011231.2100FT03", wantErr: "want 34 characters"},
		{in: "20260102QMGFNP7500070112312100FT03", cycle: payment.NewDate(2026, 1, 2), output: "2025-12-31T21:00:00-05:00"},
		{in: "20250310QMGFNP7500070113101100FT03", wantErr: "not a valid MMDDHHMM"},
		{in: "20250310QMGFNP7500070103102500FT03", wantErr: "not a valid MMDDHHMM"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseOMAD(tt.in)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.cycle, got.CycleDate)
			assert.Equal(t, tt.output, got.Output.Format(time.RFC3339))
			assert.Equal(t, tt.in, got.String())
		})
	}
}
