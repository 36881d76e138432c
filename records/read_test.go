package records

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

func TestReadDefaultCSV(t *testing.T) {
	ny := newYork(t)
	in := defaultHeader +
		"dep-1,cust-1,deposit,ach,250.00,USD,2026-01-05T14:03:11Z,completed,DEP-0001,6789,Maria Gonzalez\n" +
		"wd-1,cust-2,Withdrawal,Apple Pay,\"1,234.56\",eur,2026-01-05 09:30:00,SETTLED,WD-0001,****1234, Bob Stone \n" +
		"dep-2,cust-3,DEPOSIT,,$25.00,,01/02/2026,,,,\n"
	res := readString(t, in, "records.csv", nil)
	require.Empty(t, res.problems)
	want := []Record{
		{ID: "dep-1", CustomerID: "cust-1", Type: Deposit, Rail: RailACH, Amount: dec("250.00"), Currency: "USD",
			CreatedAt: time.Date(2026, 1, 5, 14, 3, 11, 0, time.UTC), Status: StatusCompleted, Reference: "DEP-0001",
			AccountLast4: "6789", Name: "Maria Gonzalez", Source: payment.Source{File: "records.csv", Line: 2}},
		{ID: "wd-1", CustomerID: "cust-2", Type: Withdrawal, Rail: RailApplePay, Amount: dec("1234.56"), Currency: "EUR",
			CreatedAt: time.Date(2026, 1, 5, 9, 30, 0, 0, ny), Status: StatusCompleted, Reference: "WD-0001",
			AccountLast4: "1234", Name: "Bob Stone", Source: payment.Source{File: "records.csv", Line: 3}},
		{ID: "dep-2", CustomerID: "cust-3", Type: Deposit, Amount: dec("25"), Currency: "USD",
			CreatedAt: time.Date(2026, 1, 2, 0, 0, 0, 0, ny), Source: payment.Source{File: "records.csv", Line: 4}},
	}
	require.Len(t, res.records, len(want))
	for i, w := range want {
		assertRecord(t, w, res.records[i])
	}
	assert.Equal(t, payment.Credit, res.records[0].Direction())
	assert.Equal(t, payment.Debit, res.records[1].Direction())
}

// assertRecord compares a record field by field: amounts by value, times
// by instant and offset.
func assertRecord(t *testing.T, want Record, got *Record) {
	t.Helper()
	assert.True(t, want.Amount.Equal(got.Amount), "%s: amount %s, want %s", want.ID, got.Amount, want.Amount)
	assert.True(t, want.CreatedAt.Equal(got.CreatedAt), "%s: created_at %s, want %s", want.ID, got.CreatedAt, want.CreatedAt)
	_, wantOff := want.CreatedAt.Zone()
	_, gotOff := got.CreatedAt.Zone()
	assert.Equal(t, wantOff, gotOff, "%s: zone offset", want.ID)
	want.Amount, want.CreatedAt = got.Amount, got.CreatedAt
	assert.Equal(t, want, *got)
}

func TestReadDefaultJSONL(t *testing.T) {
	ny := newYork(t)
	in := `{"id":"dep-1","customer_id":"cust-1","type":"deposit","rail":"ach","amount":250.00,"currency":"USD","created_at":"2026-01-05T14:03:11.5Z","status":"completed","reference":"DEP-0001","account_last4":"6789","name":"Maria Gonzalez"}` + "\n" +
		"\n" +
		`  {"ID":"wd-1","Type":"withdrawal","amount":"1,234.56","created_at":1767623400,"name":"Zo\u00eb \"Z\" O'Neil","account_last4":123456789,"extra":{"nested":[1,2,{"a":"}"}]},"rail":null}` + "\n" +
		`{"id":17,"type":"deposit","amount":0.1,"created_at":"2026-01-02","status":"On_Hold","rail":"wire"}`
	res := readString(t, in, "records.jsonl", nil)
	require.Empty(t, res.problems)
	want := []Record{
		{ID: "dep-1", CustomerID: "cust-1", Type: Deposit, Rail: RailACH, Amount: dec("250"), Currency: "USD",
			CreatedAt: time.Date(2026, 1, 5, 14, 3, 11, 500_000_000, time.UTC), Status: StatusCompleted, Reference: "DEP-0001",
			AccountLast4: "6789", Name: "Maria Gonzalez", Source: payment.Source{File: "records.jsonl", Line: 1}},
		{ID: "wd-1", Type: Withdrawal, Amount: dec("1234.56"), Currency: "USD",
			CreatedAt: time.Date(2026, 1, 5, 9, 30, 0, 0, ny), AccountLast4: "6789", Name: `Zoë "Z" O'Neil`,
			Source: payment.Source{File: "records.jsonl", Line: 3}},
		{ID: "17", Type: Deposit, Rail: RailWire, Amount: dec("0.1"), Currency: "USD",
			CreatedAt: time.Date(2026, 1, 2, 0, 0, 0, 0, ny), Status: "on_hold", Source: payment.Source{File: "records.jsonl", Line: 4}},
	}
	require.Len(t, res.records, len(want))
	for i, w := range want {
		assertRecord(t, w, res.records[i])
	}
}

func TestReadJSONNumbersExact(t *testing.T) {
	tests := []struct {
		number string
		minor  bool
		want   string
	}{
		{"0.1", false, "0.1"},
		{"0.3", false, "0.3"},
		{"12345678901234567.89", false, "12345678901234567.89"},
		{"123456789012345678.91", false, "123456789012345678.91"}, // past int64
		{"1e2", false, "100"},
		{"1.5E-1", false, "0.15"},
		{"0", false, "0"},
		{"2500", true, "25"},
		{"1", true, "0.01"},
		{"25e2", true, "25"},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			var m *Mapping
			if tt.minor {
				m = &Mapping{AmountUnit: UnitMinor}
			}
			in := fmt.Sprintf(`{"id":"a","type":"deposit","amount":%s,"created_at":"2026-01-02"}`, tt.number)
			res := readString(t, in, "n.jsonl", m)
			require.Empty(t, res.problems)
			require.Len(t, res.records, 1)
			assert.Equal(t, tt.want, res.records[0].Amount.String())
		})
	}
}

func TestReadBadCSVRows(t *testing.T) {
	in := defaultHeader + // 1
		csvRow("ok-1", "deposit", "10.00", "2026-01-05") + // 2
		csvRow("bad-amount", "deposit", "12.3.4", "2026-01-05") + // 3
		csvRow("bad-date", "deposit", "10.00", "2026-13-01") + // 4
		csvRow("bad-type", "transfer", "10.00", "2026-01-05") + // 5
		"too-few,C1,deposit,ach,10.00\n" + // 6
		csvRow("", "deposit", "10.00", "2026-01-05") + // 7
		"bad-currency,C1,deposit,ach,10.00,US$,2026-01-05,completed,REF,1234,Ann\n" + // 8
		csvRow("ok-2", "withdrawal", "-10.00", "2026-01-05") + // 9
		csvRow("neg-deposit", "deposit", "-10.00", "2026-01-05") + // 10
		"bad-rail,C1,deposit,paypal,10.00,USD,2026-01-05,completed,REF,1234,Ann\n" + // 11
		"bare-quote,C1,deposit,ach,10.00,USD,2026-01-05,completed,REF,1234,Ann \"The\" Bank\n" + // 12
		csvRow("no-amount", "deposit", "", "2026-01-05") + // 13
		csvRow("no-date", "deposit", "1", "") + // 14
		csvRow("ok-3", "deposit", "(0.00)", "2026-01-05") + // 15
		"too-many,C1,deposit,ach,10.00,USD,2026-01-05,completed,REF,1234,Ann,extra\n" + // 16
		csvRow("ok-4", "deposit", "1", "2026-01-05") // 17
	res := readString(t, in, "bad.csv", nil)
	assert.Equal(t, []string{"ok-1", "ok-2", "ok-3", "ok-4"}, res.ids())
	assert.Equal(t, []int{2, 9, 15, 17}, []int{res.records[0].Source.Line, res.records[1].Source.Line, res.records[2].Source.Line, res.records[3].Source.Line})
	want := map[int]string{
		3:  `record "bad-amount" skipped: amount "12.3.4": not a number`,
		4:  `created_at "2026-13-01" is not a date`,
		5:  `unknown type "transfer"`,
		6:  "it has 5 fields, the header has 11",
		7:  "row skipped: empty id",
		8:  `currency "US$" is not a three-letter code`,
		10: `amount "-10.00" is negative on a deposit`,
		11: `unknown rail "paypal"`,
		12: `a quote (") inside a cell that is not quoted`,
		13: "empty amount",
		14: "empty created_at",
		16: "it has 12 fields, the header has 11",
	}
	require.Len(t, res.errors(), len(want), "%v", res.problems)
	for _, p := range res.errors() {
		assert.Contains(t, p.Message, want[p.Source.Line], "line %d", p.Source.Line)
	}
	assert.True(t, res.records[1].Amount.Equal(dec("10")), "a negative withdrawal is read as its absolute value")
}

func TestReadBadJSONLines(t *testing.T) {
	in := `{"id":"ok-1","type":"deposit","amount":1,"created_at":"2026-01-05"}` + "\n" + // 1
		`{"id":"bad-amount","type":"deposit","amount":"ten","created_at":"2026-01-05"}` + "\n" + // 2
		`{"id":"bad-json","type":"deposit",` + "\n" + // 3
		`["not","an","object"]` + "\n" + // 4
		`{"id":"bool","type":"deposit","amount":true,"created_at":"2026-01-05"}` + "\n" + // 5
		`{"id":"obj","type":"deposit","amount":{"value":1},"created_at":"2026-01-05"}` + "\n" + // 6
		`{"type":"deposit","amount":1,"created_at":"2026-01-05"}` + "\n" + // 7
		`{"id":"bad-date","type":"deposit","amount":1,"created_at":"05/01/2026 9am"}` + "\n" + // 8
		`{"id":"ok-2","type":"withdrawal","amount":"2","created_at":"2026-01-05"}` + "\n" + // 9
		`{"id":"trailing","type":"deposit","amount":1,"created_at":"2026-01-05"} x` + "\n" + // 10
		`{"id":"arr","type":["deposit"],"amount":1,"created_at":"2026-01-05"}` + "\n" + // 11
		`{"id":"no-type","amount":1,"created_at":"2026-01-05"}` + "\n" + // 12
		`{"id":"ok-3","type":"deposit","amount":-0,"created_at":"2026-01-05","currency":null}` // 13
	res := readString(t, in, "bad.jsonl", nil)
	assert.Equal(t, []string{"ok-1", "ok-2", "ok-3"}, res.ids())
	want := map[int]string{
		2:  `amount "ten": not a number`,
		3:  "not valid JSON",
		4:  "not a JSON object",
		5:  "amount is true: want a string or a number",
		6:  "amount is a JSON object",
		7:  "row skipped: no id",
		8:  `created_at "05/01/2026 9am" is not a date`,
		10: "not valid JSON",
		11: "type is a JSON array",
		12: "no type",
	}
	require.Len(t, res.errors(), len(want), "%v", res.problems)
	for _, p := range res.errors() {
		assert.Contains(t, p.Message, want[p.Source.Line], "line %d", p.Source.Line)
	}
}

func TestReadMissingColumns(t *testing.T) {
	tests := []struct {
		name    string
		header  string
		mapping *Mapping
		want    string
	}{
		{"all required", "customer_id,rail,currency\n", nil,
			`missing required columns id, type, amount, created_at; no records read (the header has "customer_id", "rail", "currency")`},
		{"one", "id,type,amount\n", nil, "missing required column created_at;"},
		{"renamed", "id,Betrag\n", &Mapping{Columns: map[string]string{"amount": "Betrag", "created_at": "Datum"}},
			`missing required columns type, created_at ("Datum");`},
		{"signed needs no type", "id,amount\n", &Mapping{Sign: SignSigned}, "missing required column created_at;"},
		{"wide header", "c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18,c19,c20,c21,c22,id,type,amount\n", nil,
			`missing required column created_at; no records read (the header has "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17", "c18", "c19", "c20", and 5 more)`},
		{"a default type", "id,amount,created_at\n", &Mapping{Defaults: map[string]string{"type": "deposit"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.header + "r1,1.00,2026-01-05\nr2,1.00,2026-01-05\n"
			res := readString(t, in, "m.csv", tt.mapping)
			if tt.want == "" {
				assert.Empty(t, res.problems)
				assert.Len(t, res.records, 2)
				return
			}
			assert.Empty(t, res.records)
			require.Len(t, res.problems, 1)
			assert.Equal(t, 1, res.problems[0].Source.Line)
			assert.Contains(t, res.problems[0].Message, tt.want)
		})
	}
}

func TestReadMultiLineCells(t *testing.T) {
	in := defaultHeader + // 1
		"r1,C1,deposit,ach,1.00,USD,2026-01-05,completed,REF,1234,\"Ann\n" + // 2
		"Smith\"\n" + // 3
		csvRow("r2", "deposit", "1.00", "2026-01-05") + // 4
		"r3,C1,deposit,ach,x,USD,2026-01-05,completed,\"a\n" + // 5
		"b\n" + // 6
		"c\",1234,Ann\n" + // 7
		"\n" + // 8
		csvRow("r4", "deposit", "1.00", "2026-01-05") + // 9
		"r5,C1,deposit,ach,1.00,USD,2026-01-05,completed,\"never closed,1234,Ann\n" + // 10
		csvRow("r6", "deposit", "1.00", "2026-01-05") // 11, swallowed by the open quote
	res := readString(t, in, "ml.csv", nil)
	require.Equal(t, []string{"r1", "r2", "r4"}, res.ids())
	assert.Equal(t, 2, res.records[0].Source.Line)
	assert.Equal(t, "Ann\nSmith", res.records[0].Name)
	assert.Equal(t, 4, res.records[1].Source.Line)
	assert.Equal(t, 9, res.records[2].Source.Line)
	assert.Equal(t, []int{5, 10}, res.errorLines())
	assert.Contains(t, res.errors()[1].Message, "not closed")
}

func TestReadBOMAndCRLF(t *testing.T) {
	rows := []string{
		"id,type,amount,created_at,name",
		"r1,deposit,1.00,2026-01-05,Ann",
		"",
		"r2,withdrawal,2.00,2026-01-05,\"Bob\r\nStone\"",
		"r3,deposit,x,2026-01-05,Cy",
		"r4,deposit,3.00,2026-01-05,Di",
	}
	for _, tt := range []struct{ name, bom, eol string }{
		{"LF", "", "\n"}, {"CRLF", "", "\r\n"}, {"BOM LF", "\ufeff", "\n"}, {"BOM CRLF", "\ufeff", "\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := readString(t, tt.bom+strings.Join(rows, tt.eol)+tt.eol, "x.csv", nil)
			require.Equal(t, []string{"r1", "r2", "r4"}, res.ids())
			assert.Equal(t, []int{2, 4, 7}, []int{res.records[0].Source.Line, res.records[1].Source.Line, res.records[2].Source.Line})
			assert.Equal(t, "Ann", res.records[0].Name)
			assert.Equal(t, "Bob\nStone", res.records[1].Name, "csv turns a quoted CRLF into LF")
			assert.Equal(t, []int{6}, res.errorLines())
		})
	}
	t.Run("JSONL BOM CRLF", func(t *testing.T) {
		in := "\ufeff" + `{"id":"r1","type":"deposit","amount":1,"created_at":"2026-01-05","name":"Ann"}` + "\r\n\r\n" +
			`{"id":"r2","type":"deposit","amount":1,"created_at":"2026-01-05"}` + "\r\n"
		res := readString(t, in, "x.jsonl", nil)
		require.Empty(t, res.problems)
		require.Equal(t, []string{"r1", "r2"}, res.ids())
		assert.Equal(t, 3, res.records[1].Source.Line)
		assert.Equal(t, "Ann", res.records[0].Name)
	})
}

func TestReadAccountLast4(t *testing.T) {
	tests := []struct {
		in, want string
		warn     bool
	}{
		{"6789", "6789", false},
		{"123456789", "6789", false},
		{"****1234", "1234", false},
		{"XXXX-XXXX-XXXX-4242", "4242", false},
		{"DE89370400440532013000", "3000", false},
		{"42", "0042", true},
		{"", "", false},
		{"n/a", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			in := "id,type,amount,created_at,account_last4\nr1,deposit,1,2026-01-05," + tt.in + "\n"
			res := readString(t, in, "a.csv", nil)
			require.Len(t, res.records, 1)
			rec := res.records[0]
			assert.Equal(t, tt.want, rec.AccountLast4)
			if len(tt.in) > 4 {
				assert.NotContains(t, fmt.Sprintf("%+v", *rec), tt.in, "the full number must not be kept")
			}
			if tt.warn {
				require.Len(t, res.problems, 1)
				assert.True(t, res.problems[0].Warning)
				assert.Equal(t, 2, res.problems[0].Source.Line)
			} else {
				assert.Empty(t, res.problems)
			}
		})
	}
}

func TestReadTypesAndSigns(t *testing.T) {
	tests := []struct {
		name    string
		mapping *Mapping
		typ     string
		amount  string
		want    Type
		amt     string
		err     string
	}{
		{"deposit", nil, "deposit", "1", Deposit, "1", ""},
		{"upper case", nil, "WITHDRAWAL", "1", Withdrawal, "1", ""},
		{"payout", nil, "Payout", "1", Withdrawal, "1", ""},
		{"top-up", nil, "top-up", "1", Deposit, "1", ""},
		{"credit is a deposit", nil, "credit", "1", Deposit, "1", ""},
		{"debit is a withdrawal", nil, "Debit", "1", Withdrawal, "1", ""},
		{"credit overridden", &Mapping{Types: map[string]string{"Credit": "withdrawal", "DEBIT": "deposit"}}, "CREDIT", "1", Withdrawal, "1", ""},
		{"debit overridden", &Mapping{Types: map[string]string{"Credit": "withdrawal", "DEBIT": "deposit"}}, "debit", "1", Deposit, "1", ""},
		{"CR not built in", nil, "CR", "1", "", "", `unknown type "CR"`},
		{"CR mapped", &Mapping{Types: map[string]string{"cr": "deposit"}}, "CR", "1", Deposit, "1", ""},
		{"empty type", nil, "", "1", "", "", "empty type"},
		{"default type", &Mapping{Defaults: map[string]string{"type": "withdrawal"}}, "", "1", Withdrawal, "1", ""},
		{"negative withdrawal", nil, "withdrawal", "-5", Withdrawal, "5", ""},
		{"negative deposit", nil, "deposit", "(5)", "", "", "negative on a deposit"},
		{"signed positive", &Mapping{Sign: SignSigned}, "", "5", Deposit, "5", ""},
		{"signed negative", &Mapping{Sign: SignSigned}, "", "-5", Withdrawal, "5", ""},
		{"signed accounting", &Mapping{Sign: SignSigned}, "", "(5.25)", Withdrawal, "5.25", ""},
		{"signed agrees", &Mapping{Sign: SignSigned}, "withdrawal", "-5", Withdrawal, "5", ""},
		{"signed disagrees", &Mapping{Sign: SignSigned}, "deposit", "-5", "", "", `type "deposit" disagrees with the sign of amount "-5"`},
		{"signed zero", &Mapping{Sign: SignSigned}, "", "0.00", "", "", "amount is zero and no type"},
		{"signed zero typed", &Mapping{Sign: SignSigned}, "withdrawal", "-0.00", Withdrawal, "0", ""},
		{"inverted positive", &Mapping{Sign: SignSignedInverted}, "", "5", Withdrawal, "5", ""},
		{"inverted negative", &Mapping{Sign: SignSignedInverted}, "", "-5", Deposit, "5", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := "id,type,amount,created_at\nr1," + tt.typ + "," + tt.amount + ",2026-01-05\n"
			res := readString(t, in, "t.csv", tt.mapping)
			if tt.err != "" {
				assert.Empty(t, res.records)
				require.Len(t, res.problems, 1)
				assert.Contains(t, res.problems[0].Message, tt.err)
				return
			}
			require.Empty(t, res.problems)
			require.Len(t, res.records, 1)
			assert.Equal(t, tt.want, res.records[0].Type)
			assert.True(t, dec(tt.amt).Equal(res.records[0].Amount), "amount %s", res.records[0].Amount)
		})
	}
}

func TestReadRailsAndStatuses(t *testing.T) {
	m := &Mapping{
		Rails:    map[string]string{"SEPA": "wire", "Lastschrift": "ach"},
		Statuses: map[string]string{"gebucht": "completed", "Chargeback": "refunded"},
		Defaults: map[string]string{"rail": "card", "status": "pending"},
	}
	tests := []struct {
		rail, status         string
		wantRail, wantStatus string
		mapping              *Mapping
	}{
		{"ach", "completed", RailACH, StatusCompleted, nil},
		{"ACH", "Completed", RailACH, StatusCompleted, nil},
		{"apple_pay", "succeeded", RailApplePay, StatusCompleted, nil},
		{"applepay", "canceled", RailApplePay, StatusCancelled, nil},
		{"Apple Pay", "charged back", RailApplePay, StatusChargedBack, nil},
		{"card", "Returned", RailCard, StatusReturned, nil},
		{"Wire", "REVERSED", RailWire, StatusReversed, nil},
		{"", "", "", "", nil},
		{"wire", "Awaiting Review", RailWire, "awaiting review", nil},
		{"sepa", "GEBUCHT", RailWire, StatusCompleted, m},
		{"Lastschrift", "chargeback", RailACH, StatusRefunded, m},
		{"", "", RailCard, StatusPending, m},
		{"wire", "declined", RailWire, StatusFailed, m},
	}
	for _, tt := range tests {
		t.Run(tt.rail+"/"+tt.status, func(t *testing.T) {
			in := "id,type,amount,created_at,rail,status\nr1,deposit,1,2026-01-05," + tt.rail + "," + tt.status + "\n"
			res := readString(t, in, "r.csv", tt.mapping)
			require.Empty(t, res.problems)
			require.Len(t, res.records, 1)
			assert.Equal(t, tt.wantRail, res.records[0].Rail)
			assert.Equal(t, tt.wantStatus, res.records[0].Status)
		})
	}
}

func TestReadCurrency(t *testing.T) {
	tests := []struct {
		header, cell, want string
		mapping            *Mapping
	}{
		{"currency", "usd", "USD", nil},
		{"currency", "Gbp", "GBP", nil},
		{"currency", "", "USD", nil},
		{"x", "EUR", "USD", nil}, // no currency column: USD
		{"x", "", "EUR", &Mapping{Defaults: map[string]string{"currency": "eur"}}},
		{"currency", "chf", "CHF", &Mapping{Defaults: map[string]string{"currency": "eur"}}},
	}
	for _, tt := range tests {
		t.Run(tt.header+"="+tt.cell, func(t *testing.T) {
			in := "id,type,amount,created_at," + tt.header + "\nr1,deposit,1,2026-01-05," + tt.cell + "\n"
			res := readString(t, in, "c.csv", tt.mapping)
			require.Empty(t, res.problems)
			require.Len(t, res.records, 1)
			assert.Equal(t, tt.want, res.records[0].Currency)
		})
	}
}

func TestReadMinorUnits(t *testing.T) {
	m := &Mapping{AmountUnit: UnitMinor}
	in := "id,type,amount,currency,created_at\n" +
		"r1,deposit,2500,USD,2026-01-05\n" +
		"r2,deposit,2500,JPY,2026-01-05\n" +
		"r3,deposit,2500,KWD,2026-01-05\n" +
		"r4,deposit,25.00,USD,2026-01-05\n" +
		"r5,withdrawal,-7,USD,2026-01-05\n"
	res := readString(t, in, "minor.csv", m)
	require.Equal(t, []string{"r1", "r2", "r3", "r5"}, res.ids())
	for i, want := range []string{"25", "2500", "2.5", "0.07"} {
		assert.True(t, dec(want).Equal(res.records[i].Amount), "%s: %s", res.records[i].ID, res.records[i].Amount)
	}
	require.Equal(t, []int{5}, res.errorLines())
	assert.Contains(t, res.errors()[0].Message, "minor units")
}

func TestReadDelimiters(t *testing.T) {
	for _, tt := range []struct {
		delim string
		sep   string
	}{{"", ","}, {";", ";"}, {"tab", "\t"}, {`\t`, "\t"}, {"|", "|"}} {
		t.Run(tt.sep, func(t *testing.T) {
			in := strings.Join([]string{"id", "type", "amount", "created_at", "name"}, tt.sep) + "\n" +
				strings.Join([]string{"r1", "deposit", "1", "2026-01-05", ""}, tt.sep) + "\n" +
				strings.Join([]string{"r2", "deposit", "2", "2026-01-05", "Ann, Bo; Cy"}, tt.sep) + "\n"
			if tt.sep == "," || tt.sep == ";" {
				in = strings.Replace(in, "Ann, Bo; Cy", `"Ann, Bo; Cy"`, 1)
			}
			res := readString(t, in, "d.csv", &Mapping{Delimiter: tt.delim})
			require.Empty(t, res.problems)
			require.Equal(t, []string{"r1", "r2"}, res.ids())
			assert.Equal(t, "Ann, Bo; Cy", res.records[1].Name)
		})
	}
}

func TestReadHeaderVariants(t *testing.T) {
	in := " ID , Type,AMOUNT,Created_At ,Unknown,amount\nr1,deposit,1,2026-01-05,x,2\n"
	res := readString(t, in, "h.csv", nil)
	require.Len(t, res.records, 1)
	assert.True(t, dec("1").Equal(res.records[0].Amount), "the first of two amount columns is read")
	require.Len(t, res.problems, 1)
	assert.True(t, res.problems[0].Warning)
	assert.Contains(t, res.problems[0].Message, `column "amount" appears twice`)
}

func TestReadEmptyAndOdd(t *testing.T) {
	tests := []struct {
		name, in string
		records  int
		want     string // the only problem
	}{
		{"empty", "", 0, "empty file"},
		{"blank", " \n\r\n\t\n", 0, "empty file"},
		{"only BOM", "\ufeff", 0, "empty file"},
		{"header only", defaultHeader, 0, ""},
		{"JSON array", `[{"id":"a"}]`, 0, "a JSON array, not JSON Lines"},
		{"lone brace", "{", 0, "not valid JSON"},
		{"leading blank lines", "\n\n" + defaultHeader + csvRow("r1", "deposit", "1", "2026-01-05"), 1, ""},
		{"unclosed header quote", "\"id,type\n", 0, "cannot read the header row"},
		{"NACHA", "101 07401250314700123452611091605A094101LAKESHORE TRUST BANK   NORTHWIND INVESTMENTS          \n", 0, "missing required columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readString(t, tt.in, "e", nil)
			assert.Len(t, res.records, tt.records)
			if tt.want == "" {
				assert.Empty(t, res.problems)
				return
			}
			require.Len(t, res.problems, 1)
			assert.Contains(t, res.problems[0].Message, tt.want)
		})
	}
}

func TestReadLongJSONLine(t *testing.T) {
	long := `{"id":"big","type":"deposit","amount":1,"created_at":"2026-01-05","name":"` + strings.Repeat("x", maxJSONLine) + `"}`
	in := long + "\n" + `{"id":"r2","type":"deposit","amount":1,"created_at":"2026-01-05"}` + "\n"
	res := readString(t, in, "long.jsonl", nil)
	assert.Equal(t, []string{"r2"}, res.ids())
	assert.Equal(t, 2, res.records[0].Source.Line)
	assert.Equal(t, []int{1}, res.errorLines())

	// Just under the limit, read in small pieces, is read.
	ok := `{"id":"big","type":"deposit","amount":1,"created_at":"2026-01-05","name":"` + strings.Repeat("y", 100_000) + `"}`
	res = readAll(t, iotest.OneByteReader(strings.NewReader(ok)), "ok.jsonl", nil)
	require.Empty(t, res.problems)
	assert.Len(t, res.records[0].Name, 100_000)
}

func TestReadInvalidMapping(t *testing.T) {
	res := readString(t, defaultHeader, "x.csv", &Mapping{Sign: "sideways"})
	require.Len(t, res.problems, 1)
	assert.Equal(t, 0, res.problems[0].Source.Line)
	assert.Contains(t, res.problems[0].Message, `invalid mapping: sign "sideways"`)
}

func TestReadDefaultMappingIsNil(t *testing.T) {
	in := defaultHeader +
		csvRow("r1", "deposit", `"1,234.56"`, "2026-01-05 10:00:00") +
		csvRow("r2", "payout", "$5", "01/02/2026 15:04") +
		csvRow("r3", "nope", "1", "2026-01-05")
	a := readString(t, in, "x.csv", nil)
	b := readString(t, in, "x.csv", DefaultMapping())
	assert.Equal(t, a, b)
	assert.Len(t, a.records, 2)
}

func TestReadStopsWhenTheLoopBreaks(t *testing.T) {
	in := defaultHeader + csvRow("", "deposit", "1", "2026-01-05") + csvRow("r2", "deposit", "1", "2026-01-05") + csvRow("r3", "deposit", "1", "2026-01-05")
	for stopAfter := 1; stopAfter <= 3; stopAfter++ {
		n := 0
		for range Read(strings.NewReader(in), "x.csv", nil) {
			n++
			if n == stopAfter {
				break
			}
		}
		assert.Equal(t, stopAfter, n)
	}
	jsonl := "[]\n" + `{"id":"a"}` + "\n" + `{"id":"b","type":"deposit","amount":1,"created_at":"2026-01-05"}` + "\n"
	for range Read(strings.NewReader(jsonl), "x.jsonl", nil) {
		break
	}
}

func TestReadIOError(t *testing.T) {
	in := defaultHeader + csvRow("r1", "deposit", "1", "2026-01-05") + csvRow("r2", "deposit", "1", "2026-01-05")
	r := io.MultiReader(strings.NewReader(in), iotest.ErrReader(errors.New("disk on fire")))
	res := readAll(t, r, "io.csv", nil)
	assert.Equal(t, []string{"r1", "r2"}, res.ids())
	require.Len(t, res.problems, 1)
	assert.Equal(t, "cannot read further: disk on fire", res.problems[0].Message)

	r = io.MultiReader(strings.NewReader(`{"id":"a","type":"deposit","amount":1,"created_at":"2026-01-05"}`+"\n"), iotest.ErrReader(errors.New("disk on fire")))
	res = readAll(t, r, "io.jsonl", nil)
	assert.Equal(t, []string{"a"}, res.ids())
	require.Len(t, res.problems, 1)
	assert.Equal(t, "io.jsonl:2: cannot read further: disk on fire", res.problems[0].Error())
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, head string
		want       bool
	}{
		{"default header", defaultHeader, true},
		{"minimal header", "ID, Type, Amount, Created_At\n", true},
		{"quoted header", "\ufeff\"id\",\"type\",\"amount\",\"created_at\"\r\n", true},
		{"header cut short", "id,type,amount,crea", false},
		{"no type", "id,amount,created_at\n", false},
		{"semicolons", "id;type;amount;created_at\n", false},
		{"JSON", `{"id":"a","type":"deposit","amount":1.5,"created_at":"2026-01-05","x":{"y":[1]}}` + "\n", true},
		{"JSON cut short", `{"id":"a","type":"deposit","amount":1.5,"created_at":"2026-01-05","name":"Mar`, true},
		{"JSON missing key", `{"id":"a","type":"deposit","amount":1.5}`, false},
		{"JSON keys nested only", `{"x":{"id":"a","type":"deposit","amount":1.5,"created_at":"2026"}}`, false},
		{"NACHA", "101 07401250314700123452611091605A094101LAKESHORE TRUST BANK   NORTHWIND INVESTMENTS          \n", false},
		{"empty", "", false},
		{"binary", "\x00\x01\x02", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Sniff([]byte(tt.head)))
		})
	}
}

func TestJSONObjectValidity(t *testing.T) {
	l := mustLayout(t, nil)
	deep := func(n int) string { return `{"a":` + strings.Repeat("[", n) + strings.Repeat("]", n) + "}" }
	for _, s := range []string{
		`{}`, ` { } `, `{"a":1}`, `{"a":-0.5e+3}`, `{"a":01}`, `{"a":1.}`, `{"a":-}`, `{"a":.5}`, `{"a":1e}`,
		"{\"a\":\"\x01\"}", `{"a":"\u12"}`, `{"a":"\u12g4"}`, `{"a":"\u00e9"}`, `{"a":"\q"}`, `{"a":"\/"}`,
		`{"a":[1,]}`, `{"a":[1,2]}`, `{"a":{"b":}}`, `{"a":{"b":null}}`, `{,}`, `{"a":1,}`, `{"a" 1}`, `{"a":1 "b":2}`,
		`{"a":tru}`, `{"a":nul}`, `{"a":truex}`, `{"a":true}`, `{"a":1}}`, `{"a":1} {}`, `{"a":"x`, `{"a`, `{1:2}`,
		"{\"a\":\"\xff\"}", `{"a":"\"}`, `{"a":"\\"}`, `{"a":[[{"b":[]}]]}`,
		deep(9998), deep(9999), deep(10000), deep(20000),
	} {
		rd := &reader{l: l}
		assert.Equal(t, json.Valid([]byte(s)), rd.jsonObject(s), "%.60q", s)
	}
}
