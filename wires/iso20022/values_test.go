package iso20022

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/payinv/payinv/payment"
)

func TestParseAmount(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"510000.74", "510000.74", true},
		{"2450", "2450", true},
		{"0.5", "0.5", true},
		{"0.00001", "0.00001", true},
		{"123456789012345678901234.5", "123456789012345678901234.5", true},
		{"12,5O", "", false},
		{"1,000.00", "", false},
		{"-5.00", "", false},
		{"+5.00", "", false},
		{"1e5", "", false},
		{".5", "", false},
		{"5.", "", false},
		{"1.2.3", "", false},
		{"", "", false},
		{"1 000", "", false},
	} {
		d, ok := parseAmount([]byte(tt.in))
		assert.Equal(t, tt.ok, ok, tt.in)
		if ok {
			assert.Equal(t, tt.want, d.String(), tt.in)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want payment.Date
		ok   bool
	}{
		{"2026-11-16", payment.NewDate(2026, 11, 16), true},
		{"2028-02-29", payment.NewDate(2028, 2, 29), true},
		{"2026-11-16Z", payment.NewDate(2026, 11, 16), true},
		{"2026-11-16-05:00", payment.NewDate(2026, 11, 16), true},
		{"2026-11-31", payment.Date{}, false},
		{"2026-02-29", payment.Date{}, false},
		{"2026-13-01", payment.Date{}, false},
		{"2026-1-16", payment.Date{}, false},
		{"20261116", payment.Date{}, false},
		{"2026-11-16T10:00:00", payment.Date{}, false},
	} {
		d, ok := parseDate([]byte(tt.in))
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, d, tt.in)
	}
}

func TestParseDateTime(t *testing.T) {
	for _, tt := range []struct {
		in, want string
	}{
		{"2026-11-16T10:15:03-05:00", "2026-11-16T10:15:03-05:00"},
		{"2026-11-16T15:15:03Z", "2026-11-16T15:15:03Z"},
		{"2021-05-11T11:43:41.960+05:00", "2021-05-11T11:43:41.96+05:00"},
		{"2026-07-01T09:00:00", "2026-07-01T09:00:00-04:00"},
		{"2026-11-16 10:15:03", ""},
		{"2026-11-16T25:15:03Z", ""},
		{"2026-11-16", ""},
	} {
		v, ok := parseDateTime([]byte(tt.in))
		if tt.want == "" {
			assert.False(t, ok, tt.in)
			continue
		}
		assert.True(t, ok, tt.in)
		assert.Equal(t, tt.want, v.Format(time.RFC3339Nano), tt.in)
	}
}
