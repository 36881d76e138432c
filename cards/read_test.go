package cards

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

func TestFormats(t *testing.T) {
	assert.Equal(t, []string{
		"stripe_balance", "stripe_payments", "adyen_settlement", "adyen_accounting",
		"braintree", "checkout_payments", "checkout_financial", "generic",
	}, Formats())
	for _, f := range formats {
		assert.Contains(t, Formats(), f.name)
		assert.NotEmpty(t, f.idents, f.name)
	}
}

// TestDetectAndForce reads every fixture with the format detected and
// with it forced: the same events either way.
func TestDetectAndForce(t *testing.T) {
	for _, fx := range fixtureFiles(t) {
		t.Run(fx.file, func(t *testing.T) {
			detected := readFile(t, fx.file, fx.opts)
			require.Empty(t, detected.errs())
			require.NotEmpty(t, detected.events)
			for _, ev := range detected.events {
				assert.Equal(t, fx.format, ev.Format)
			}
			forced := fx.opts
			forced.Processor = strings.ToUpper(fx.format) // names compare without case
			got := readFile(t, fx.file, forced)
			require.Empty(t, got.errs())
			assert.Equal(t, detected.events, got.events)
		})
	}
}

// TestForceWrongFormat: a file read as another format gives one problem
// naming the columns that format misses, and no events.
func TestForceWrongFormat(t *testing.T) {
	res := readFile(t, "stripe_balance.csv", Options{Processor: FormatBraintree})
	assert.Empty(t, res.events)
	require.Len(t, res.errs(), 1)
	p := res.errs()[0]
	assert.Equal(t, 1, p.Source.Line)
	for _, col := range []string{`"Transaction ID"`, `"Transaction Type"`, `"Transaction Status"`, `"Created Datetime"`, `"Currency ISO Code"`,
		`one of "Amount Submitted For Settlement", "Amount Authorized"`} {
		assert.Contains(t, p.Message, col)
	}
}

func TestOptionsProblems(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts Options
		want string
	}{
		{"unknown processor", Options{Processor: "worldpay"}, `unknown processor format "worldpay"`},
		{"generic without mapping", Options{Processor: "generic"}, "the generic format needs a mapping"},
		{"invalid mapping", Options{Mapping: &Mapping{}}, "invalid mapping: columns: kind is required"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := readText(t, "a,b\n1,2\n", "x.csv", tt.opts)
			assert.Empty(t, res.events)
			require.Len(t, res.problems, 1)
			assert.Contains(t, res.problems[0].Message, tt.want)
		})
	}
}

const balanceHeader = "balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,source_id,charge_id,card_brand,payment_metadata[deposit_id]"

func balanceRow(id, created, gross, category string) string {
	return "txn_" + id + "," + created + ",2026-11-12 00:00:00,usd," + gross + ",0.50,9.50," + category + ",ch_" + id + ",ch_" + id + ",visa,DEP-" + id
}

// TestHeaderMatching: column names compare without case, blanks,
// underscores or hyphens; order does not matter; unknown columns are
// ignored.
func TestHeaderMatching(t *testing.T) {
	in := "Extra Column,REPORTING CATEGORY,Gross,Currency,Created-UTC,Balance Transaction ID,Charge_ID,Payment_Metadata[Deposit_ID]\n" +
		"x,charge,10.00,usd,2026-11-10 15:00:00,txn_1,ch_1,DEP-1\n"
	res := readText(t, in, "x.csv", Options{})
	require.Empty(t, res.problems)
	require.Len(t, res.events, 1)
	ev := res.events[0]
	assert.Equal(t, FormatStripeBalance, ev.Format)
	assert.Equal(t, "txn_1", ev.Refs.PSPEventID)
	assert.Equal(t, "DEP-1", ev.Refs.MerchantReference)
	assert.Equal(t, "10.00", ev.Amount.StringFixed(2))
	assert.True(t, Sniff([]byte(in)))
}

// TestMetadataReferenceOrder: reference, then deposit_id, then order_id.
func TestMetadataReferenceOrder(t *testing.T) {
	in := "balance_transaction_id,created_utc,currency,gross,reporting_category,payment_metadata[order_id],payment_metadata[deposit_id],payment_metadata[reference]\n" +
		"txn_1,2026-11-10 15:00:00,usd,10.00,charge,ORD-1,DEP-1,REF-1\n" +
		"txn_2,2026-11-10 15:00:00,usd,10.00,charge,ORD-2,DEP-2,\n" +
		"txn_3,2026-11-10 15:00:00,usd,10.00,charge,ORD-3,,\n"
	res := readText(t, in, "x.csv", Options{})
	require.Len(t, res.events, 3)
	assert.Equal(t, "REF-1", res.events[0].Refs.MerchantReference)
	assert.Equal(t, "DEP-2", res.events[1].Refs.MerchantReference)
	assert.Equal(t, "ORD-3", res.events[2].Refs.MerchantReference)
}

// TestBOMCRLFMultiline: the same rows read alike with and without a BOM
// and CRLF, and a quoted cell over several lines moves the lines of the
// rows after it.
func TestBOMCRLFMultiline(t *testing.T) {
	rows := []string{
		balanceHeader,
		balanceRow("A1", "2026-11-10 15:00:00", "10.00", "charge"),
		`txn_B2,2026-11-10 15:00:00,2026-11-12 00:00:00,usd,20.00,0.50,19.50,charge,ch_B2,ch_B2,visa,"DEP-B2`,
		`second line of a quoted cell`,
		`third"`,
		balanceRow("C3", "2026-11-10 15:00:00", "-5.00", "refund"),
	}
	for _, tt := range []struct{ name, bom, eol string }{
		{"LF", "", "\n"}, {"CRLF", "", "\r\n"}, {"BOM LF", "\ufeff", "\n"}, {"BOM CRLF", "\ufeff", "\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := readText(t, tt.bom+strings.Join(rows, tt.eol)+tt.eol, "x.csv", Options{})
			require.Empty(t, res.problems)
			require.Len(t, res.events, 3)
			assert.Equal(t, []int{2, 3, 6}, []int{res.events[0].Source.Line, res.events[1].Source.Line, res.events[2].Source.Line})
			ref := res.events[1].Refs.MerchantReference
			assert.True(t, strings.HasPrefix(ref, "DEP-B2"), ref)
			assert.Equal(t, 3, strings.Count(ref, "\n")+1)
			assert.Equal(t, payment.KindRefund, res.events[2].Kind)
		})
	}
}

// TestBadRows: each bad row is one problem at its line, the rest is read.
func TestBadRows(t *testing.T) {
	rows := []string{
		balanceHeader,
		balanceRow("01", "2026-11-10 15:00:00", `"1,234.56"`, "charge"),
		balanceRow("02", "2026-11-10 15:00:00", `"12,34.56"`, "charge"),
		balanceRow("03", "11/10/2026 15:00", "-5.00", "refund"),
		balanceRow("04", "2026-02-30 15:00:00", "5.00", "charge"),
		balanceRow("05", "2026-11-10 15:00:00", "", "charge"),
		balanceRow("06", "2026-11-10 15:00:00", "5.00", ""),
		"txn_07,2026-11-10 15:00:00,2026-11-12 00:00:00,usd,5.00",
		`txn_08,2026-11-10 15:00:00,2026-11-12 00:00:00,"us"d,5.00,0,5,charge,ch_08,ch_08,visa,DEP-08`,
		balanceRow("09", "2026-11-10 15:00:00", "(7.50)", "other_adjustment"),
		strings.Replace(balanceRow("10", "2026-11-10 15:00:00", "5.00", "charge"), "usd", "dollars", 1),
		balanceRow("11", "2026-11-10T15:00:00+01:00", "5.00", "charge"),
	}
	res := readText(t, strings.Join(rows, "\n")+"\n", "x.csv", Options{})
	assert.Equal(t, []int{3, 5, 6, 7, 8, 9, 11}, res.errLines(), "%v", messages(res.problems))
	msgs := messages(res.errs())
	assert.Contains(t, msgs[0], `gross "12,34.56": digit groups must have three digits`)
	assert.Contains(t, msgs[1], `created_utc "2026-02-30 15:00:00" is not a date`)
	assert.Contains(t, msgs[2], `empty gross`)
	assert.Contains(t, msgs[3], `empty reporting_category`)
	assert.Contains(t, msgs[4], `it has 5 fields, the header has 12`)
	assert.Contains(t, msgs[5], `a quoted cell is not closed, or has a quote (") inside that is not doubled`)
	assert.Contains(t, msgs[6], `currency "dollars" is not a three-letter code`)

	var ids []string
	for _, ev := range res.events {
		ids = append(ids, ev.Refs.PSPEventID)
	}
	assert.Equal(t, []string{"txn_01", "txn_03", "txn_09", "txn_11"}, ids)
	assert.Equal(t, "1234.56", res.events[0].Amount.String())
	other := res.events[2]
	assert.Equal(t, payment.KindStatus, other.Kind)
	assert.Equal(t, payment.Debit, other.Direction)
	assert.Equal(t, "7.5", other.Amount.String())
	// An offset in the time is kept: 15:00 at +01:00 is 09:00 in New York.
	assert.Equal(t, "2026-11-10T15:00:00+01:00", res.events[3].Card.CreatedAt)
	assert.Equal(t, "2026-11-10", res.events[3].EffectiveDate.String())
}

// TestStopEarly: breaking out of the loop stops reading, on an event and
// on a problem.
func TestStopEarly(t *testing.T) {
	in := balanceHeader + "\n" + balanceRow("1", "bad", "1", "charge") + "\n" + balanceRow("2", "2026-11-10 15:00:00", "1", "charge") + "\n"
	n := 0
	for range Read(strings.NewReader(in), "x.csv", Options{}) {
		n++
		break
	}
	assert.Equal(t, 1, n)
	n = 0
	for ev := range Read(strings.NewReader(in), "x.csv", Options{}) {
		n++
		if ev != nil {
			break
		}
	}
	assert.Equal(t, 2, n)
}

// TestTimeZones: Adyen's TimeZone column, an unknown zone reported once
// and read as UTC.
func TestTimeZones(t *testing.T) {
	header := "Psp Reference,Merchant Reference,Creation Date,TimeZone,Type,Gross Currency,Gross Debit (GC),Gross Credit (GC)\n"
	in := header +
		"8800000000000001,R1,2026-11-10 23:30:00,CET,Settled,USD,,1.00\n" + // 22:30 UTC: 17:30 in New York
		"8800000000000002,R2,2026-11-11 03:30:00,UTC,Settled,USD,,1.00\n" + // 22:30 the day before in New York
		"8800000000000003,R3,2026-11-10 20:00:00,America/Los_Angeles,Settled,USD,,1.00\n" + // 23:00 in New York
		"8800000000000004,R4,2026-11-11 01:00:00,Mars/Olympus,Settled,USD,,1.00\n" +
		"8800000000000005,R5,2026-11-11 02:00:00,Mars/Olympus,Settled,USD,,1.00\n"
	res := readText(t, in, "x.csv", Options{})
	require.Empty(t, res.errs())
	require.Len(t, res.warnings(), 1)
	assert.Equal(t, 5, res.warnings()[0].Source.Line)
	assert.Contains(t, res.warnings()[0].Message, `time zone "Mars/Olympus" is not known; times in it are read as UTC`)
	require.Len(t, res.events, 5)
	var days []string
	for _, ev := range res.events {
		days = append(days, ev.EffectiveDate.String())
	}
	assert.Equal(t, []string{"2026-11-10", "2026-11-10", "2026-11-10", "2026-11-10", "2026-11-10"}, days)
	assert.Equal(t, "2026-11-10T20:00:00-08:00", res.events[2].Card.CreatedAt)
}

// TestCardNumberMasking: a PAN in any cell is masked before anything is
// read from it, with one warning per cell; nothing of it survives in the
// events' JSON.
func TestCardNumberMasking(t *testing.T) {
	header := "Transaction ID,Transaction Type,Transaction Status,Created Datetime,Currency ISO Code,Amount Authorized,Amount Submitted For Settlement,Order ID,Card Type,First Six of Credit Card,Last Four of Credit Card,Customer First Name,Customer Last Name\n"
	in := header +
		"t1,sale,settled,2026-11-10 10:00:00,USD,5.00,5.00,ORDER 4111111111111111,Visa,4111111111111111,4111111111111111,Ann,\"5555-5555-5555-4444 and 378282246310005\"\n" +
		"t2,sale,settled,2026-11-10 10:00:00,USD,5.00,5.00,R2,Visa,411111,1111,Bob,4111 1111 1111 1112\n"
	res := readText(t, in, "x.csv", Options{})
	require.Empty(t, res.errs())
	ws := res.warnings()
	require.Len(t, ws, 4, "%v", messages(ws))
	for i, col := range []string{`"Order ID"`, `"First Six of Credit Card"`, `"Last Four of Credit Card"`, `"Customer Last Name"`} {
		assert.Equal(t, 2, ws[i].Source.Line)
		assert.Contains(t, ws[i].Message, "a full card number in column "+col+" was masked")
	}
	require.Len(t, res.events, 2)
	ev := res.events[0]
	assert.Equal(t, "ORDER ************1111", ev.Refs.MerchantReference)
	assert.Empty(t, ev.Card.BIN, "a BIN column holding a whole card number keeps only its last four")
	assert.Equal(t, "1111", ev.Card.Last4)
	assert.Equal(t, "Ann ************4444 and ***********0005", ev.Party.Name)
	// Not Luhn-valid: not a card number, kept as written.
	assert.Equal(t, "Bob 4111 1111 1111 1112", res.events[1].Party.Name)
	for _, ev := range res.events {
		assert.Empty(t, findFullPAN(string(ev.AppendJSON(nil))))
	}
}

// TestHeaderCardNumber: even a header cell is masked.
func TestHeaderCardNumber(t *testing.T) {
	res := readText(t, "balance_transaction_id,reporting_category,4242424242424242\ntxn_1,charge,x\n", "x.csv", Options{})
	require.Len(t, res.warnings(), 1)
	assert.Contains(t, res.warnings()[0].Message, "a full card number in the header (column 3) was masked")
	require.Len(t, res.errs(), 1)
	assert.Contains(t, res.errs()[0].Message, "stripe_balance export without the required columns")
}

// TestAllFixturesNoPAN: no fixture event's JSON holds a full card number,
// even by the strict rule (any 13–19 Luhn-valid digits, whatever the
// first digit).
func TestAllFixturesNoPAN(t *testing.T) {
	for _, fx := range fixtureFiles(t) {
		res := readFile(t, fx.file, fx.opts)
		for _, ev := range res.events {
			js := string(ev.AppendJSON(nil))
			for _, run := range digitRuns(js) {
				if len(run) >= 13 && len(run) <= 19 {
					assert.False(t, luhn([]byte(run)), "%s:%d: Luhn-valid %s in %s", fx.file, ev.Source.Line, run, js)
				}
			}
		}
	}
}

func digitRuns(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// TestStripePayments covers the statuses of the payments export.
func TestStripePayments(t *testing.T) {
	header := "id,Created (UTC),Amount,Amount Refunded,Currency,Captured,Status,Description,Card Tokenization Method,Card Brand,Disputed Amount,Dispute Reason,Dispute Date (UTC)\n"
	in := header +
		"ch_1,2026-11-10 15:00,10.00,0.00,usd,false,Uncaptured,D1,google_pay,Visa,,,\n" +
		"ch_2,2026-11-10 15:00,10.00,4.00,usd,true,Partially Refunded,D2,,MasterCard,,,\n" +
		"ch_3,2026-11-10 15:00,10.00,0.00,usd,false,Canceled,D3,,American Express,,,\n" +
		"ch_4,2026-11-10 15:00,10.00,0.00,usd,true,Disputed,D4,,Discover,10.00,product_not_received,2026-11-20 10:00\n" +
		"ch_5,2026-11-10 15:00,10.00,0.00,usd,true,Mystery,D5,,Visa,,,\n"
	res := readText(t, in, "x.csv", Options{})
	assert.Equal(t, []int{6}, res.errLines())
	var kinds []string
	for _, ev := range res.events {
		kinds = append(kinds, string(ev.Kind))
	}
	assert.Equal(t, []string{"authorization", "capture", "refund", "authorization_reversal", "capture", "chargeback"}, kinds)
	assert.Equal(t, "google_pay", res.events[0].Card.Wallet)
	assert.Equal(t, "2026-11-17", res.events[0].Timing.HoldExpiresOn.String())
	assert.Equal(t, "D1", res.events[0].Refs.MerchantReference, "Description when there is no metadata")
	refund := res.events[2]
	assert.Equal(t, "4", refund.Amount.String())
	assert.True(t, refund.EffectiveDate.IsZero(), "the export has no refund date")
	assert.True(t, refund.Timing.RefundArrivesFrom.IsZero())
	assert.Equal(t, "amex", res.events[3].Card.Brand)
	cb := res.events[5]
	assert.Equal(t, &payment.Reason{Scheme: SchemeStripeDispute, Code: "product_not_received", Title: "Product not received", Known: true}, cb.Reason)
	assert.Equal(t, NetworkDiscover, cb.Card.DisputeNetwork)
	assert.Equal(t, "2026-12-20", cb.Timing.DisputeResponseDue.String())
}

// TestAdyenTypes covers the journal and record types.
func TestAdyenTypes(t *testing.T) {
	header := "Psp Reference,Merchant Reference,Payment Method,Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),Gross Credit (GC),Net Currency,Net Debit (NC),Net Credit (NC),Payment Method Variant\n"
	row := func(typ, gd, gc, nd, nc, pm, variant string) string {
		return "8800000000000001,R," + pm + ",2026-11-10 12:00:00,CET," + typ + ",M,USD," + gd + "," + gc + ",USD," + nd + "," + nc + "," + variant + "\n"
	}
	in := header +
		row("SettledBulk", "", "10.00", "", "9.80", "amex", "amexcorporate") +
		row("RefundedExternallyWithInfo", "10.00", "", "10.00", "", "visa", "visadebit") +
		row("RefundedReversed", "", "10.00", "", "10.00", "applepay", "visa_applepay") +
		row("ChargebackReversed", "", "10.00", "", "10.00", "discover", "") +
		row("BPPaidOut", "10.00", "", "10.00", "", "visa", "visadebit") +
		row("DepositCorrection", "", "", "", "3.00", "", "") +
		row("InvoiceDeduction", "", "", "2.00", "", "", "") +
		row("Settled", "", "", "", "", "visa", "")
	res := readText(t, in, "x.csv", Options{})
	assert.Equal(t, []int{9}, res.errLines(), "%v", messages(res.problems))
	type kd struct{ kind, dir, brand, wallet, funding string }
	var got []kd
	for _, ev := range res.events {
		got = append(got, kd{string(ev.Kind), string(ev.Direction), ev.Card.Brand, ev.Card.Wallet, ev.Card.Funding})
	}
	assert.Equal(t, []kd{
		{"capture", "credit", "amex", "", ""},
		{"refund", "debit", "visa", "", "debit"},
		{"refund_failure", "credit", "visa", "apple_pay", ""},
		{"chargeback_reversal", "credit", "discover", "", ""},
		{"payout", "debit", "visa", "", "debit"},
		{"status", "credit", "", "", ""},
		{"fee", "debit", "", "", ""},
	}, got)
}

// TestAdyenRefusalReasons checks that a refusal reason's text becomes the
// catalog's code, and that an unknown text stays the code.
func TestAdyenRefusalReasons(t *testing.T) {
	header := "Psp Reference,Merchant Reference,Payment Method,Booking Date,TimeZone,Record Type,Payment Currency,Received (PC),Authorised (PC),Captured (PC),Refusal Reason\n"
	row := func(reason string) string {
		return "8800000000000001,R,visa,2026-11-10 12:00:00,CET,Refused,USD,10.00,,," + reason + "\n"
	}
	in := header + row("Not enough balance") + row("cvc declined") + row("Blocked Card") + row("Balance too low") + row("")
	res := readText(t, in, "x.csv", Options{})
	require.Empty(t, res.errs(), "%v", messages(res.problems))
	type reason struct{ code, text, title string }
	var got []reason
	for _, ev := range res.events {
		require.Equal(t, "decline", string(ev.Kind))
		r := reason{ev.Card.ResponseCode, ev.Card.ResponseText, ""}
		if ev.Reason != nil {
			assert.Equal(t, SchemeAdyenRefusal, ev.Reason.Scheme)
			assert.Equal(t, ev.Card.ResponseCode, ev.Reason.Code)
			assert.Equal(t, ev.Reason.Title != "", ev.Reason.Known)
			r.title = ev.Reason.Title
		}
		got = append(got, r)
	}
	assert.Equal(t, []reason{
		{"12", "Not enough balance", "Not enough balance"},
		{"24", "cvc declined", "CVC Declined"},
		{"5", "Blocked Card", "Blocked Card"},
		{"Balance too low", "Balance too low", ""},
		{"", "", ""},
	}, got)
}

// TestBraintreeStatuses covers sale and credit statuses.
func TestBraintreeStatuses(t *testing.T) {
	header := "Transaction ID,Transaction Type,Transaction Status,Created Datetime,Created Timezone,Currency ISO Code,Amount Authorized,Amount Submitted For Settlement,Payment Instrument Type,Card Type\n"
	row := func(typ, status, tz, instr, card string) string {
		return "t," + typ + "," + status + ",2026-11-10 10:00:00," + tz + ",USD,7.00,6.00," + instr + "," + card + "\n"
	}
	in := header +
		row("sale", "authorized", "Eastern Time (US & Canada)", "android_pay_card", "Google Pay - MasterCard") +
		row("sale", "voided", "UTC", "credit_card", "Visa") +
		row("sale", "settling", "America/Chicago", "paypal_account", "") +
		row("credit", "processor_declined", "UTC", "credit_card", "Discover") +
		row("sale", "unheard_of", "UTC", "credit_card", "Visa") +
		row("refund", "settled", "UTC", "credit_card", "Visa")
	res := readText(t, in, "x.csv", Options{})
	assert.Equal(t, []int{6, 7}, res.errLines())
	msgs := messages(res.errs())
	assert.Contains(t, msgs[0], `unknown Transaction Status "unheard_of"`)
	assert.Contains(t, msgs[1], `unknown Transaction Type "refund"`)
	type kd struct{ kind, dir, amount, brand, wallet string }
	var got []kd
	for _, ev := range res.events {
		got = append(got, kd{string(ev.Kind), string(ev.Direction), ev.Amount.String(), ev.Card.Brand, ev.Card.Wallet})
	}
	assert.Equal(t, []kd{
		{"authorization", "credit", "7", "mastercard", "google_pay"},
		{"authorization_reversal", "debit", "7", "visa", ""},
		{"capture", "credit", "6", "", "paypal"},
		{"status", "debit", "6", "discover", ""},
	}, got)
	assert.Equal(t, "2026-11-10T10:00:00-05:00", res.events[0].Card.CreatedAt)
}

// TestCheckoutActions covers action types and response codes.
func TestCheckoutActions(t *testing.T) {
	header := "Action ID,Action Date UTC,Payment ID,Action Type,Reference,Amount,Currency,Response Code,Breakdown Type\n"
	row := func(typ, code, breakdown string) string {
		return "act_1,2026-11-10 12:00:00,pay_1," + typ + ",R,-3.00,USD," + code + "," + breakdown + "\n"
	}
	in := header +
		row("Void", "10000", "") +
		row("Pay To Card", "20005", "") +
		row("Refund", "20005", "") +
		row("Chargeback Reversal", "", "") +
		row("Capture", "", "Scheme Fixed Fee") +
		row("Teleport", "", "")
	res := readText(t, in, "x.csv", Options{})
	assert.Equal(t, []int{7}, res.errLines())
	type kd struct{ kind, dir, orig string }
	var got []kd
	for _, ev := range res.events {
		got = append(got, kd{string(ev.Kind), string(ev.Direction), ev.Refs.OriginalPSPID})
	}
	assert.Equal(t, []kd{
		{"authorization_reversal", "debit", "pay_1"},
		{"decline", "debit", ""},
		{"status", "debit", ""},
		{"chargeback_reversal", "credit", "pay_1"},
		{"fee", "debit", ""},
	}, got)
}

func TestSniff(t *testing.T) {
	for _, fx := range fixtureFiles(t) {
		if fx.format == FormatGeneric {
			continue
		}
		data, err := os.ReadFile(filepath.Join(fixturesDir, fx.file))
		require.NoError(t, err)
		assert.True(t, Sniff(data[:min(len(data), 512)]), fx.file)
	}
	for _, tt := range []struct {
		name string
		head string
		want bool
	}{
		{"missing columns still sniffed", "balance_transaction_id,reporting_category,created_utc\n", true},
		{"cut inside the header", balanceHeader[:strings.Index(balanceHeader, "source_id")+3], true},
		{"cut before an identifying column", balanceHeader[:60], false},
		{"records layout", "id,customer_id,type,rail,amount,currency,created_at\n", false},
		{"bank statement", "Date,Description,Debit,Credit,Balance\n", false},
		{"NACHA", "101 074012503 1470012345261109", false},
		{"empty", "", false},
		{"binary", "\x89PNG\r\n\x1a\n", false},
	} {
		assert.Equal(t, tt.want, Sniff([]byte(tt.head)), tt.name)
	}
}

// TestDetectMissingPicksClosest: among formats whose identifying columns
// are there, the one with the most of its required columns is blamed.
func TestDetectMissingPicksClosest(t *testing.T) {
	res := readText(t, "Action ID,Action Type,Breakdown Type,Payment ID,Processing Currency\nact_1,Capture,Capture,pay_1,USD\n", "x.csv", Options{})
	require.Len(t, res.errs(), 1)
	msg := res.errs()[0].Message
	assert.Contains(t, msg, "checkout_financial export without the required columns")
	assert.Contains(t, msg, `"Processed On UTC" (or "Processed On (UTC)", "Processed On")`)
	assert.Contains(t, msg, `one of "Processing Currency Amount", "Holding Currency Amount"`)
}
