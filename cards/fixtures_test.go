package cards

import (
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/fixtures/table"
	"github.com/payinv/payinv/payment"
)

// readmeTiming is the Timing cell of a row of the event table in
// fixtures/cards/README.md: "hold until D; refund D to D; respond by D;
// available D", each part optional.
type readmeTiming struct {
	hold, refundFrom, refundBy, respondBy, availableOn string
}

// readmeEvents reads the README's event table, by file.
func readmeEvents(t *testing.T) map[string][]table.Row {
	t.Helper()
	rows, err := table.Read(filepath.Join(fixturesDir, "README.md"), "File", "Line", "Kind")
	require.NoError(t, err)
	_, byFile := table.Group(rows, "File")
	return byFile
}

// parseTiming reads a row's Timing cell.
func parseTiming(t *testing.T, cell string) readmeTiming {
	t.Helper()
	var tm readmeTiming
	if cell == "" {
		return tm
	}
	for _, part := range strings.Split(cell, ";") {
		part = strings.TrimSpace(part)
		switch {
		case strings.HasPrefix(part, "hold until "):
			tm.hold = strings.TrimPrefix(part, "hold until ")
		case strings.HasPrefix(part, "refund "):
			from, by, ok := strings.Cut(strings.TrimPrefix(part, "refund "), " to ")
			require.True(t, ok, part)
			tm.refundFrom, tm.refundBy = from, by
		case strings.HasPrefix(part, "respond by "):
			tm.respondBy = strings.TrimPrefix(part, "respond by ")
		case strings.HasPrefix(part, "available "):
			tm.availableOn = strings.TrimPrefix(part, "available ")
		default:
			t.Fatalf("README timing %q", part)
		}
	}
	return tm
}

// fixtureFiles are the fixtures of each format, with the options that
// read them.
func fixtureFiles(t testing.TB) []struct {
	file, format string
	opts         Options
} {
	return []struct {
		file, format string
		opts         Options
	}{
		{"stripe_balance.csv", FormatStripeBalance, Options{}},
		{"stripe_payments.csv", FormatStripePayments, Options{}},
		{"adyen_settlement.csv", FormatAdyenSettlement, Options{}},
		{"adyen_accounting.csv", FormatAdyenAccounting, Options{}},
		{"braintree.csv", FormatBraintree, Options{}},
		{"checkout_payments.csv", FormatCheckoutPayments, Options{}},
		{"checkout_financial.csv", FormatCheckoutFinancial, Options{}},
		{"maps/worldpay-like.csv", FormatGeneric, Options{Mapping: worldpayMapping(t)}},
	}
}

func dateString(d payment.Date) string { return d.String() }

// TestFixturesAgainstREADME reads every fixture and checks every event
// against the hand-checked table in fixtures/cards/README.md.
func TestFixturesAgainstREADME(t *testing.T) {
	byFile := readmeEvents(t)
	var files []string
	for _, fx := range fixtureFiles(t) {
		files = append(files, fx.file)
	}
	assert.ElementsMatch(t, files, slices.Collect(maps.Keys(byFile)), "every fixture in the README, and only those")
	for _, fx := range fixtureFiles(t) {
		t.Run(fx.file, func(t *testing.T) {
			want := byFile[fx.file]
			require.NotEmpty(t, want, "README has no events for %s", fx.file)
			res := readFile(t, fx.file, fx.opts)
			require.Empty(t, res.errs(), "problems: %v", messages(res.problems))
			require.Len(t, res.events, len(want))
			for i, w := range want {
				ev := res.events[i]
				t.Run(w.Get("Line")+"_"+w.Get("Kind"), func(t *testing.T) {
					c := ev.Card
					reason := ""
					if ev.Reason != nil {
						reason = ev.Reason.Scheme + " " + ev.Reason.Code
					}
					amount := strings.Fields(w.Get("Amount"))
					require.Len(t, amount, 2, "amount cell of %s", w)
					last4, deviceLast4, _ := strings.Cut(w.Get("Last4"), " (device ")
					deviceLast4 = strings.TrimSuffix(deviceLast4, ")")
					tm := parseTiming(t, w.Get("Timing"))
					assert.Equal(t, fx.format, ev.Format)
					assert.Equal(t, w.Get("Line"), strconv.Itoa(ev.Source.Line), "line")
					assert.Equal(t, w.Get("Kind"), string(ev.Kind), "kind")
					assert.Equal(t, w.Get("Direction"), string(ev.Direction), "direction")
					assert.Equal(t, amount[0], payment.FormatAmount(ev.Amount, ev.Currency), "amount")
					assert.Equal(t, amount[1], ev.Currency, "currency")
					assert.Equal(t, w.Get("PSP ID"), ev.Refs.PSPID, "psp id")
					assert.Equal(t, w.Get("PSP event ID"), ev.Refs.PSPEventID, "psp event id")
					assert.Equal(t, w.Get("Merchant reference"), ev.Refs.MerchantReference, "merchant reference")
					assert.Equal(t, w.Get("Original PSP ID"), ev.Refs.OriginalPSPID, "original psp id")
					assert.Equal(t, w.Get("Brand"), c.Brand, "brand")
					assert.Equal(t, w.Get("Wallet"), c.Wallet, "wallet")
					assert.Equal(t, last4, c.Last4, "last4")
					assert.Equal(t, deviceLast4, c.DeviceLast4, "device last4")
					assert.Equal(t, w.Get("Code"), reason, "reason")
					assert.Equal(t, w.Get("Effective"), dateString(ev.EffectiveDate), "effective date")
					assert.Equal(t, w.Get("Settlement"), dateString(ev.SettlementDate), "settlement date")
					assert.Equal(t, tm.hold, dateString(ev.Timing.HoldExpiresOn), "hold expires on")
					assert.Equal(t, tm.refundFrom, dateString(ev.Timing.RefundArrivesFrom), "refund arrives from")
					assert.Equal(t, tm.refundBy, dateString(ev.Timing.RefundArrivesBy), "refund arrives by")
					assert.Equal(t, tm.respondBy, dateString(ev.Timing.DisputeResponseDue), "dispute response due")
					assert.Equal(t, tm.availableOn, dateString(ev.Timing.AvailableOn), "available on")
					if t.Failed() {
						t.Logf("README: %s", w)
					}
				})
			}
		})
	}
}

// TestFixtureDetails checks what the README table leaves out: fees, net
// amounts, raw types, codes and texts, BINs, ARNs, payout ids.
func TestFixtureDetails(t *testing.T) {
	get := func(t *testing.T, file string, opts Options, i int) *payment.Event {
		t.Helper()
		res := readFile(t, file, opts)
		require.Greater(t, len(res.events), i)
		return res.events[i]
	}
	money := func(m *payment.Money) string {
		if m == nil {
			return ""
		}
		return payment.FormatAmount(m.Amount, m.Currency) + " " + m.Currency
	}
	t.Run("stripe balance charge", func(t *testing.T) {
		ev := get(t, "stripe_balance.csv", Options{}, 0)
		assert.Equal(t, "6.10 USD", money(ev.Card.Fee))
		assert.Equal(t, "193.90 USD", money(ev.Card.Net))
		assert.Equal(t, "charge", ev.Card.RawType)
		assert.Equal(t, "stripe", ev.Card.Processor)
		assert.Equal(t, "debit", ev.Card.Funding)
		assert.Equal(t, "US", ev.Card.Country)
		assert.Equal(t, "pi_3SxKq2LkNw7Rt1Ab0Pn5Qa2X", ev.Refs.TransactionID)
		assert.Equal(t, "po_1SyBv8LkNw7Rt1AbQe3D9sKm", ev.Card.PayoutID)
		assert.Equal(t, "2026-11-10T15:04:11Z", ev.Card.CreatedAt)
		assert.Equal(t, "Maria Gonzalez", ev.Party.Name)
	})
	t.Run("stripe balance payout is the company's", func(t *testing.T) {
		ev := get(t, "stripe_balance.csv", Options{}, 4)
		assert.Equal(t, payment.KindStatus, ev.Kind)
		assert.Equal(t, "payout", ev.Card.RawType)
		assert.Equal(t, "po_1SyBv8LkNw7Rt1AbQe3D9sKm", ev.Card.PayoutID)
		assert.Empty(t, ev.Refs.MerchantReference)
	})
	t.Run("stripe balance dispute", func(t *testing.T) {
		ev := get(t, "stripe_balance.csv", Options{}, 5)
		assert.Equal(t, "4837", ev.Card.DisputeReason)
		assert.Equal(t, NetworkMastercard, ev.Card.DisputeNetwork)
		assert.Equal(t, &payment.Reason{Scheme: NetworkMastercard, Code: "4837", Title: "No Cardholder Authorization", Known: true}, ev.Reason)
	})
	t.Run("stripe payments decline", func(t *testing.T) {
		ev := get(t, "stripe_payments.csv", Options{}, 4)
		assert.Equal(t, payment.KindDecline, ev.Kind)
		assert.Equal(t, SchemeStripeDecline, ev.Card.ResponseScheme)
		assert.Equal(t, "insufficient_funds", ev.Card.ResponseCode)
		assert.Contains(t, ev.Card.ResponseText, "network decline code 51")
		assert.Equal(t, "Failed", ev.Card.RawStatus)
		assert.Equal(t, "pi_3SxNf5LkNw7Rt1Ab4Ty6Vb9P", ev.Refs.TransactionID)
	})
	t.Run("stripe payments dispute status", func(t *testing.T) {
		ev := get(t, "stripe_payments.csv", Options{}, 3)
		assert.Equal(t, payment.KindChargeback, ev.Kind)
		assert.Equal(t, "won", ev.Card.RawStatus)
	})
	t.Run("stripe payments masked card name", func(t *testing.T) {
		ev := get(t, "stripe_payments.csv", Options{}, 5)
		assert.Equal(t, "OLIVIA BENNETT ************5556", ev.Party.Name)
	})
	t.Run("adyen settled fees", func(t *testing.T) {
		ev := get(t, "adyen_settlement.csv", Options{}, 0)
		assert.Equal(t, "43.00 USD", money(ev.Card.Fee))
		assert.Equal(t, "1957.00 USD", money(ev.Card.Net))
		assert.Equal(t, "48", ev.Card.PayoutID)
		assert.Equal(t, "2026-11-10T20:15:33+01:00", ev.Card.CreatedAt)
	})
	t.Run("adyen chargeback fee in the net", func(t *testing.T) {
		ev := get(t, "adyen_settlement.csv", Options{}, 4)
		assert.Equal(t, "15.00 USD", money(ev.Card.Fee))
		assert.Equal(t, "-2015.00 USD", money(ev.Card.Net))
		assert.Equal(t, "Chargeback", ev.Card.RawType)
	})
	t.Run("adyen refusal", func(t *testing.T) {
		ev := get(t, "adyen_accounting.csv", Options{}, 6)
		assert.Equal(t, "Not enough balance", ev.Card.ResponseText)
		assert.Equal(t, "12", ev.Card.ResponseCode)
		assert.Equal(t, SchemeAdyenRefusal, ev.Card.ResponseScheme)
		assert.Equal(t, &payment.Reason{Scheme: SchemeAdyenRefusal, Code: "12", Title: "Not enough balance", Known: true}, ev.Reason)
		assert.Equal(t, "debit", ev.Card.Funding)
		assert.Equal(t, "2026-11-10T16:48:44-08:00", ev.Card.CreatedAt)
	})
	t.Run("braintree apple pay", func(t *testing.T) {
		ev := get(t, "braintree.csv", Options{}, 0)
		assert.Equal(t, "489537", ev.Card.BIN)
		assert.Equal(t, "0A12B3", ev.Card.AuthCode)
		assert.Equal(t, "settled", ev.Card.RawStatus)
		assert.Equal(t, "Emily Nguyen", ev.Party.Name)
	})
	t.Run("braintree decline", func(t *testing.T) {
		ev := get(t, "braintree.csv", Options{}, 1)
		assert.Equal(t, SchemeBraintree, ev.Card.ResponseScheme)
		assert.Equal(t, "2001", ev.Card.ResponseCode)
		assert.Equal(t, "Insufficient Funds", ev.Card.ResponseText)
	})
	t.Run("braintree gateway rejection", func(t *testing.T) {
		ev := get(t, "braintree.csv", Options{}, 2)
		assert.Equal(t, "gateway_rejected", ev.Card.RawStatus)
		assert.Contains(t, ev.Card.ResponseText, "not by the bank: cvv")
		assert.Nil(t, ev.Reason)
	})
	t.Run("checkout capture ARN", func(t *testing.T) {
		ev := get(t, "checkout_payments.csv", Options{}, 1)
		assert.Equal(t, "74987506314000012345672", ev.Refs.ARN)
		assert.Equal(t, "438857", ev.Card.BIN)
		assert.Equal(t, SchemeCheckout, ev.Card.ResponseScheme)
		assert.Equal(t, "10000", ev.Card.ResponseCode)
	})
	t.Run("checkout fee breakdown", func(t *testing.T) {
		ev := get(t, "checkout_financial.csv", Options{}, 1)
		assert.Equal(t, "Capture", ev.Card.RawType)
		assert.Equal(t, "Interchange Variable Fee", ev.Card.RawStatus)
		assert.Equal(t, "000G7HDD96SH", ev.Card.PayoutID)
	})
	t.Run("generic fee and net from minor units", func(t *testing.T) {
		ev := get(t, "maps/worldpay-like.csv", Options{Mapping: worldpayMapping(t)}, 1)
		assert.Equal(t, "2.32 USD", money(ev.Card.Fee))
		assert.Equal(t, "77.68 USD", money(ev.Card.Net))
		assert.Equal(t, "worldpay", ev.Card.Processor)
		assert.Equal(t, "411111", ev.Card.BIN)
		assert.Equal(t, "74987506315000098765434", ev.Refs.ARN)
	})
}

// TestFixtureWarnings checks the masking warnings the fixtures give, and
// that the bad inputs give what fixtures/cards/README.md says.
func TestFixtureWarnings(t *testing.T) {
	for _, tt := range []struct {
		file string
		line int
		col  string
	}{
		{"stripe_balance.csv", 4, `"description"`},
		{"stripe_payments.csv", 5, `"Card Name"`},
	} {
		res := readFile(t, tt.file, Options{})
		ws := res.warnings()
		require.Len(t, ws, 1, tt.file)
		assert.Equal(t, tt.line, ws[0].Source.Line)
		assert.Contains(t, ws[0].Message, "a full card number in column "+tt.col+" was masked")
	}
}

func TestBadFixtures(t *testing.T) {
	for _, tt := range []struct {
		file     string
		lines    []int
		contains string
		events   []string // merchant references of the events read
	}{
		{"bad/bad-amount.csv", []int{2}, `gross "2O0.00": not a number`, []string{"CRD-2611109002"}},
		{"bad/bad-date.csv", []int{2}, `Created Datetime "2026-11-31 10:00:00" is not a date`, []string{"CRD-2611109004"}},
		{"bad/unknown-type.csv", []int{2}, `unknown Type "SettledLater"`, []string{"CRD-2611109006"}},
		{"bad/missing-columns.csv", []int{1}, `stripe_balance export without the required columns "currency", "gross"; no events read`, nil},
		{"bad/unknown-format.csv", []int{1}, "not a card processor export payinv knows (use --processor", nil},
		{"bad/empty.csv", []int{0}, "empty file", nil},
	} {
		t.Run(tt.file, func(t *testing.T) {
			res := readFile(t, tt.file, Options{})
			assert.Equal(t, tt.lines, res.errLines())
			require.NotEmpty(t, res.errs())
			assert.Contains(t, res.errs()[0].Message, tt.contains)
			var refs []string
			for _, ev := range res.events {
				refs = append(refs, ev.Refs.MerchantReference)
			}
			assert.Equal(t, tt.events, refs)
		})
	}
}

// TestFixtureReasonsInCatalog: the reasons the readers put on the
// fixtures' events are found in the catalog under the same scheme, so
// the explanation layer can fill in their titles.
func TestFixtureReasonsInCatalog(t *testing.T) {
	for _, fx := range fixtureFiles(t) {
		for _, ev := range readFile(t, fx.file, fx.opts).events {
			r := ev.Reason
			if r == nil {
				continue
			}
			switch r.Scheme {
			case SchemeISO8583, SchemeStripeDecline, SchemeBraintree, SchemeCheckout, SchemeAdyenRefusal:
				assert.NotEmpty(t, LookupResponse(r.Code, r.Scheme), "%s:%d: %s %s", fx.file, ev.Source.Line, r.Scheme, r.Code)
			case NetworkVisa, NetworkMastercard, NetworkAmex, NetworkDiscover, SchemeStripeDispute:
				assert.NotEmpty(t, LookupDispute(r.Code, r.Scheme), "%s:%d: %s %s", fx.file, ev.Source.Line, r.Scheme, r.Code)
			}
		}
	}
	assert.NotEmpty(t, LookupDispute("product_not_received", SchemeStripeDispute))
}
