package cards

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

func TestMaskPANs(t *testing.T) {
	for _, tt := range []struct {
		in, want string
	}{
		{"", ""},
		{"4242424242424242", "************4242"},
		{"card 4242424242424242 please", "card ************4242 please"},
		{"4242 4242 4242 4242", "************4242"},
		{"4242-4242-4242-4242", "************4242"},
		{"3782 822463 10005", "***********0005"},              // Amex 4-6-5
		{"6011111111111117", "************1117"},              // Discover
		{"2223003122003222", "************3222"},              // Mastercard 2-series
		{"4222222222222", "*********2222"},                    // 13 digits
		{"4242424242424242 1229", "************4242 1229"},    // then an expiry
		{"4242 4242 4242 4242 1234", "************4242 1234"}, // grouped, then more digits
		{"x4111111111111111y", "x************1111y"},          // inside a word
		{"4111111111111111,5555555555554444", "************1111,************4444"},
		{"8826110718233147", "8826110718233147"},               // an Adyen PSP reference: not a card network's
		{"4242424242424241", "4242424242424241"},               // fails Luhn
		{"74987506314000012345672", "74987506314000012345672"}, // an ARN: 23 digits
		{"42424242424242424242", "42424242424242424242"},       // 20 digits
		{"2026-11-10 15:04:11", "2026-11-10 15:04:11"},
		{"1,234,567,890.12", "1,234,567,890.12"},
		{"4242 42424242 4242", "************4242"},
		{"123 4242 4242 4242 4242", "123 ************4242"},
	} {
		got, masked := MaskPANs(tt.in)
		assert.Equal(t, tt.want, got, tt.in)
		assert.Equal(t, tt.in != tt.want, masked, tt.in)
		assert.Empty(t, findFullPAN(got), tt.in)
	}
}

// TestMaskRescan: masking can leave digits that form a card number with
// their neighbours; they are masked too.
func TestMaskRescan(t *testing.T) {
	// 4242 4242 4242 4242 is a PAN; after it is masked, "4242" and the
	// groups after it would read 4242 4000 0566 5566 ..., checked again.
	in := "4242 4242 4242 4242 4000 0566 5566 5556"
	got, ok := MaskPANs(in)
	assert.True(t, ok)
	assert.Empty(t, findFullPAN(got), got)
}

func TestLuhn(t *testing.T) {
	assert.True(t, luhn([]byte("4242424242424242")))
	assert.True(t, luhn([]byte("79927398713")))
	assert.False(t, luhn([]byte("79927398710")))
}

func TestParseAmount(t *testing.T) {
	for _, tt := range []struct {
		in, want, why string
	}{
		{"1234.56", "1234.56", ""},
		{"1,234.56", "1234.56", ""},
		{"1,234,567", "1234567", ""},
		{"-5.00", "-5", ""},
		{"+5", "5", ""},
		{"(5.00)", "-5", ""},
		{"$25.00", "25", ""},
		{"-$25.00", "-25", ""},
		{"5.00-", "-5", ""},
		{" 7 ", "7", ""},
		{"0.001", "0.001", ""},
		{"", "", "no amount"},
		{"abc", "", "not a number"},
		{"2O0.00", "", "not a number"},
		{"1.2.3", "", "not a number"},
		{"12,34.56", "", "digit groups must have three digits"},
		{"1,234", "1234", ""},
		{"1,23", "", "digit groups must have three digits"},
		{"5.", "", "no digits after the decimal point"},
		{"1234567890123456789", "", "too many digits"},
		{"1.123456789", "", "too many decimals"},
		{"-", "", "not a number"},
	} {
		d, why := parseAmount(tt.in)
		assert.Equal(t, tt.why, why, tt.in)
		if tt.why == "" {
			assert.Equal(t, tt.want, d.String(), tt.in)
		}
	}
	d, why := parseMinor("12345", "JPY")
	assert.Empty(t, why)
	assert.Equal(t, "12345", d.String())
	d, _ = parseMinor("12345", "KWD")
	assert.Equal(t, "12.345", d.String())
	d, _ = parseMinor("12345", "USD")
	assert.Equal(t, "123.45", d.String())
	_, why = parseMinor("123.45", "USD")
	assert.Contains(t, why, "minor units")
}

func TestParseCivil(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	for _, tt := range []struct {
		in   string
		want string // RFC 3339 in New York when the text has no zone
		ok   bool
	}{
		{"2026-11-10", "2026-11-10T00:00:00-05:00", true},
		{"2026-11-10 15:04:11", "2026-11-10T15:04:11-05:00", true},
		{"2026-11-10T15:04:11Z", "2026-11-10T15:04:11Z", true},
		{"2026-11-10T15:04:11.844", "2026-11-10T15:04:11.844-05:00", true},
		{"2026-11-10 15:04:11 UTC", "2026-11-10T15:04:11Z", true},
		{"2026-11-10T15:04:11+01:00", "2026-11-10T15:04:11+01:00", true},
		{"2026-11-10T10:04:11-0500", "2026-11-10T10:04:11-05:00", true},
		{"2026/11/10 9:04", "2026-11-10T09:04:00-05:00", true},
		{"11/10/2026", "2026-11-10T00:00:00-05:00", true},
		{"1/2/2026 13:05", "2026-01-02T13:05:00-05:00", true},
		{"2026-11-31", "", false},
		{"2026-13-01", "", false},
		{"2026-11-10 25:00", "", false},
		{"10.11.2026", "", false},
		{"yesterday", "", false},
		{"1767623400", "", false},
		{"2026-11-10 15:04:11 +25:00", "", false},
	} {
		c, ok := parseCivil(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		if ok {
			assert.Equal(t, tt.want, c.in(ny).Format(time.RFC3339Nano), tt.in)
		}
	}
}

func TestNormBrandWallet(t *testing.T) {
	for in, want := range map[string]string{
		"Visa": "visa", "visa": "visa", "VISA": "visa", "visadebit": "visa", "visaclassic": "visa",
		"mc": "mastercard", "MasterCard": "mastercard", "mc_applepay": "mastercard", "mcstandardcredit": "mastercard",
		"Apple Pay - Visa": "visa", "Apple Pay - MasterCard": "mastercard", "Apple Pay - American Express": "amex",
		"American Express": "amex", "amexcorporate": "amex", "Discover": "discover", "cup": "unionpay",
		"Diners Club": "diners", "JCB": "jcb", "": "", "Elo": "elo",
	} {
		assert.Equal(t, want, normBrand(in), in)
	}
	for in, want := range map[string]string{
		"apple_pay": "apple_pay", "Apple Pay": "apple_pay", "APPLEPAY": "apple_pay", "apple_pay_card": "apple_pay",
		"android_pay_card": "google_pay", "google_pay": "google_pay", "paywithgoogle": "google_pay",
		"samsung_pay_card": "samsung_pay", "credit_card": "", "": "", "link": "link",
	} {
		assert.Equal(t, want, normWallet(in), in)
	}
	assert.Equal(t, "4242", last4("************4242"))
	assert.Equal(t, "42", last4("42"))
	assert.Equal(t, "424242", bin("4242 42XX XXXX 4242"))
}

func TestLoadZone(t *testing.T) {
	for _, name := range []string{"CET", "UTC", "GMT", "PST", "CST", "America/Chicago", "Central Time (US & Canada)", "Europe/Amsterdam", "cet"} {
		_, ok := loadZone(name)
		assert.True(t, ok, name)
	}
	for _, name := range []string{"Local", "Mars/Olympus", "XYZ"} {
		_, ok := loadZone(name)
		assert.False(t, ok, name)
	}
}

func TestDisputeResponseDays(t *testing.T) {
	for network, days := range map[string]int{
		"visa": 30, "mastercard": 45, "mc": 45, "amex": 20, "American Express": 20, "discover": 30,
		"jcb": 0, "": 0, "unionpay": 0,
	} {
		assert.Equal(t, days, DisputeResponseDays(network), network)
	}
}

func TestTiming(t *testing.T) {
	d := payment.NewDate
	assert.Equal(t, d(2026, 11, 17), HoldExpiresOn(d(2026, 11, 10), "visa", false))
	assert.Equal(t, d(2026, 11, 15), HoldExpiresOn(d(2026, 11, 10), "visa", true))
	assert.Equal(t, d(2026, 11, 17), HoldExpiresOn(d(2026, 11, 10), "mastercard", true))
	assert.True(t, HoldExpiresOn(payment.Date{}, "visa", false).IsZero())

	// Thu 2026-11-12: 5 banking days is Thu 11-19; 10 skips Thanksgiving
	// (Thu 11-26) and is Fri 11-27.
	from, by := RefundArrives(d(2026, 11, 12), settlement.Fed)
	assert.Equal(t, d(2026, 11, 19), from)
	assert.Equal(t, d(2026, 11, 27), by)
	// Tue 2026-11-10: the next day is Veterans Day.
	from, by = RefundArrives(d(2026, 11, 10), settlement.Fed)
	assert.Equal(t, d(2026, 11, 18), from)
	assert.Equal(t, d(2026, 11, 25), by)

	assert.Equal(t, d(2027, 1, 1), DisputeResponseDue(d(2026, 11, 17), "mastercard"))
	assert.Equal(t, d(2026, 12, 18), DisputeResponseDue(d(2026, 11, 18), "visa"))
	assert.Equal(t, d(2026, 12, 8), DisputeResponseDue(d(2026, 11, 18), "amex"))
	assert.True(t, DisputeResponseDue(d(2026, 11, 18), "jcb").IsZero())
}

func TestApplyTiming(t *testing.T) {
	day := payment.NewDate(2026, 11, 10)
	for _, tt := range []struct {
		kind  payment.Kind
		brand string
		check func(payment.Timing) bool
	}{
		{payment.KindAuthorization, "visa", func(tm payment.Timing) bool { return tm.HoldExpiresOn == payment.NewDate(2026, 11, 17) }},
		{payment.KindRefund, "visa", func(tm payment.Timing) bool { return !tm.RefundArrivesFrom.IsZero() && !tm.RefundArrivesBy.IsZero() }},
		{payment.KindChargeback, "amex", func(tm payment.Timing) bool { return tm.DisputeResponseDue == payment.NewDate(2026, 11, 30) }},
		{payment.KindSecondChargeback, "visa", func(tm payment.Timing) bool { return tm.DisputeResponseDue == payment.NewDate(2026, 12, 10) }},
		{payment.KindChargeback, "", func(tm payment.Timing) bool { return tm == payment.Timing{} }},
		{payment.KindPayout, "visa", func(tm payment.Timing) bool { return tm == payment.Timing{} }},
		{payment.KindCapture, "visa", func(tm payment.Timing) bool { return tm == payment.Timing{} }},
	} {
		ev := &payment.Event{Kind: tt.kind, EffectiveDate: day, Card: &payment.CardDetail{Brand: tt.brand}}
		applyTiming(ev)
		assert.True(t, tt.check(ev.Timing), "%s %s: %+v", tt.kind, tt.brand, ev.Timing)
	}
}

func TestKeyOf(t *testing.T) {
	var b [64]byte
	assert.Equal(t, "grosscredit(gc)", string(keyOf("Gross Credit (GC)", b[:0])))
	assert.Equal(t, "paymentmetadata[depositid]", string(keyOf("payment_metadata[deposit_id]", b[:0])))
	assert.Equal(t, "settledbulk", string(keyOf("Settled-Bulk", b[:0])))
	assert.Equal(t, "createdutc", headerKey("\ufeff created_utc "))
}
