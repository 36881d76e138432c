package payment

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestFormatAmount(t *testing.T) {
	tests := []struct {
		amount   decimal.Decimal
		currency string
		want     string
	}{
		{decimal.New(12354, -2), "USD", "123.54"},
		{decimal.New(5, -2), "USD", "0.05"},
		{decimal.New(0, -2), "USD", "0.00"},
		{decimal.New(-250, -2), "USD", "-2.50"},
		{decimal.New(12, 0), "USD", "12.00"},
		{decimal.New(12345, -3), "USD", "12.345"}, // never rounded away
		{decimal.New(1500, 0), "JPY", "1500"},
		{decimal.New(1234, -3), "KWD", "1.234"},
		{decimal.RequireFromString("123456789012345678901234.5"), "USD", "123456789012345678901234.50"},
		{decimal.New(7, 10), "USD", "70000000000.00"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, FormatAmount(tt.amount, tt.currency))
		})
	}
}

func TestCurrencyCode(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"USD", "USD", true}, {"usd", "USD", true}, {"eUr", "EUR", true}, {"jpy", "JPY", true},
		{"US", "", false}, {"USDT", "", false}, {"U$D", "", false}, {"€", "", false}, {"", "", false}, {" gbp ", "GBP", true},
	} {
		got, ok := CurrencyCode(tt.in)
		assert.Equal(t, tt.want, got, tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
	}
}

func TestFormatAmountGrouped(t *testing.T) {
	tests := []struct{ in, currency, want string }{
		{"12000", "USD", "12,000.00"}, {"-1234567.5", "USD", "-1,234,567.50"}, {"999.99", "USD", "999.99"},
		{"1000000", "JPY", "1,000,000"}, {"0", "USD", "0.00"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FormatAmountGrouped(decimal.RequireFromString(tt.in), tt.currency), tt.in)
	}
	assert.Equal(t, "Friday, November 27, 2026", NewDate(2026, 11, 27).Long())
	assert.Equal(t, "", Date{}.Long())
}
