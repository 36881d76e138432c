package cli

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/payment"
)

// column is one column of a people-facing table.
type column struct {
	title string
	right bool // numbers are right-aligned
}

// writeTable renders rows as a plain, borderless table with upper-case
// headers, columns two spaces apart and no trailing blanks.
func writeTable(w io.Writer, cols []column, rows [][]string) error {
	var buf bytes.Buffer
	align := make([]tw.Align, len(cols))
	headers := make([]string, len(cols))
	for i, c := range cols {
		headers[i] = c.title
		align[i] = tw.AlignLeft
		if c.right {
			align[i] = tw.AlignRight
		}
	}
	t := tablewriter.NewTable(&buf,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Symbols: tw.NewSymbols(tw.StyleNone),
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenRows: tw.Off, BetweenColumns: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.Off},
			},
		})),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithHeaderAutoFormat(tw.On),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoFormat(tw.Off),
		tablewriter.WithPadding(tw.Padding{Left: "", Right: "  ", Overwrite: true}),
	)
	t.Configure(func(c *tablewriter.Config) { c.Row.Alignment.PerColumn = align })
	t.Header(headers)
	if err := t.Bulk(rows); err != nil {
		return err
	}
	if err := t.Render(); err != nil {
		return err
	}
	for line := range strings.Lines(buf.String()) {
		if _, err := io.WriteString(w, strings.TrimRight(line, " \n")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// money formats an amount for people: thousands separated, the currency's
// decimals ("12,000.00").
func money(d decimal.Decimal, currency string) string {
	return payment.FormatAmountGrouped(d, currency)
}

// cents formats an amount in cents for people.
func cents(n int64) string { return money(decimal.New(n, -2), "USD") }

// groupThousands writes a count with thousands separators: "999,000".
func groupThousands(n int) string { return money(decimal.NewFromInt(int64(n)), "JPY") }

// account shows an account number as the user asked: masked unless
// --reveal.
func (o *options) account(s string) string {
	if o.reveal {
		return s
	}
	return payment.MaskAccount(s)
}

// evidenceAccount is the account of an event in a story, masked unless
// --reveal; for a card, its last four digits (all a card export shows).
func (o *options) evidenceAccount(e *match.Evidence) string {
	if l4 := e.CardLast4(); e.Account == "" && l4 != "" {
		return "****" + l4
	}
	return o.account(e.Account)
}

// jsonOut writes one JSON document piece by piece, so that long lists
// stream instead of being held in memory.
type jsonOut struct {
	w   *bufio.Writer
	buf []byte
}

func newJSONOut(w io.Writer) *jsonOut {
	return &jsonOut{w: bufio.NewWriterSize(w, 256*1024)}
}

func (j *jsonOut) raw(s string) { _, _ = j.w.WriteString(s) }

// event writes an event, masked unless reveal.
func (j *jsonOut) event(ev *payment.Event, reveal bool) {
	if !reveal {
		ev.Redact()
	}
	j.buf = ev.AppendJSON(j.buf[:0])
	_, _ = j.w.Write(j.buf)
}

func (j *jsonOut) str(s string) {
	j.buf = payment.AppendJSONString(j.buf[:0], s)
	_, _ = j.w.Write(j.buf)
}

func (j *jsonOut) int(n int) { _, _ = j.w.WriteString(strconv.Itoa(n)) }

// problems writes a "problems" array.
func (j *jsonOut) problems(ps []*payment.Problem) {
	j.raw(`"problems":[`)
	for i, p := range ps {
		if i > 0 {
			j.raw(",")
		}
		j.raw("\n{\"file\":")
		j.str(p.Source.File)
		j.raw(`,"line":`)
		j.int(p.Source.Line)
		j.raw(`,"severity":`)
		if p.Warning {
			j.str("warning")
		} else {
			j.str("error")
		}
		j.raw(`,"message":`)
		j.str(p.Message)
		j.raw("}")
	}
	if len(ps) > 0 {
		j.raw("\n")
	}
	j.raw("]")
}

func (j *jsonOut) flush() error { return j.w.Flush() }

// eventCSVHeader is the column list of every event CSV; columns are only
// ever added at the end.
var eventCSVHeader = []string{
	"file", "line", "rail", "format", "kind", "direction", "amount", "currency",
	"effective_date", "settlement_date", "settlement_date_estimated",
	"trace", "individual_id", "original_trace",
	"name", "account", "routing", "account_type",
	"reason_scheme", "reason_code", "reason_title", "reason_known",
	"sec_code", "transaction_code", "batch_number", "company_name", "company_id", "entry_description", "same_day",
	"returnable_until", "unauthorized_returnable_until", "original_settlement_date",
	"banking_days_after_settlement", "deadline", "timely", "dishonorable_until",
	"contestable_until", "correction_due", "reversible_until",
	// cards and wires
	"psp_id", "psp_event_id", "merchant_reference", "arn", "original_psp_id",
	"uetr", "imad", "end_to_end_id", "original_uetr",
	"processor", "wallet", "card_brand", "card_last4", "device_last4", "fee", "net",
	"response_code", "dispute_reason", "hold_expires_on", "refund_arrives_from", "refund_arrives_by",
	"dispute_response_due", "available_on",
	// wires
	"sender_reference", "message_id", "original_imad", "original_end_to_end_id", "original_sender_reference",
	"wire_network", "wire_message_type", "wire_inbound", "wire_status", "wire_reason_text", "wire_remittance",
}

// eventCSVRow is an event as a CSV row, in eventCSVHeader's order; the
// event must already be redacted if it should be.
func eventCSVRow(ev *payment.Event) []string {
	var scheme, code, title, known string
	if r := ev.Reason; r != nil {
		scheme, code, title, known = r.Scheme, r.Code, r.Title, strconv.FormatBool(r.Known)
	}
	var sec, txn, batch, company, companyID, desc, sameDay string
	if a := ev.ACH; a != nil {
		sec, txn, batch = a.SECCode, strconv.Itoa(a.TransactionCode), strconv.Itoa(a.BatchNumber)
		company, companyID, desc, sameDay = a.CompanyName, a.CompanyID, a.EntryDescription, strconv.FormatBool(a.SameDay)
	}
	var processor, wallet, brand, last4, deviceLast4, responseCode, disputeReason string
	var network, messageType, inbound, status, reasonText, remittance string
	if w := ev.Wire; w != nil {
		network, messageType, inbound = w.Network, w.MessageType, strconv.FormatBool(w.Inbound)
		status, reasonText, remittance = w.Status, w.ReasonText, w.Remittance
	}
	var fee, net *payment.Money
	if c := ev.Card; c != nil {
		processor, wallet, brand, last4, deviceLast4 = c.Processor, c.Wallet, c.Brand, c.Last4, c.DeviceLast4
		fee, net, responseCode, disputeReason = c.Fee, c.Net, c.ResponseCode, c.DisputeReason
	}
	t, r := ev.Timing, ev.Refs
	return []string{
		ev.Source.File, strconv.Itoa(ev.Source.Line), string(ev.Rail), ev.Format, string(ev.Kind), string(ev.Direction),
		payment.FormatAmount(ev.Amount, ev.Currency), ev.Currency,
		ev.EffectiveDate.String(), ev.SettlementDate.String(), strconv.FormatBool(ev.SettlementEstimated),
		ev.Refs.Trace, ev.Refs.IndividualID, ev.Refs.OriginalTrace,
		ev.Party.Name, ev.Party.Account, ev.Party.Routing, ev.Party.AccountType,
		scheme, code, title, known,
		sec, txn, batch, company, companyID, desc, sameDay,
		t.ReturnableUntil.String(), t.UnauthorizedReturnableUntil.String(), t.OriginalSettlementDate.String(),
		optionalInt(t.BankingDaysAfter), t.Deadline.String(), optionalBool(t.Timely), t.DishonorableUntil.String(),
		t.ContestableUntil.String(), t.CorrectionDue.String(), t.ReversibleUntil.String(),
		r.PSPID, r.PSPEventID, r.MerchantReference, r.ARN, r.OriginalPSPID,
		r.UETR, r.IMAD, r.EndToEndID, r.OriginalUETR,
		processor, wallet, brand, last4, deviceLast4, moneyCell(fee), moneyCell(net),
		responseCode, disputeReason, t.HoldExpiresOn.String(), t.RefundArrivesFrom.String(), t.RefundArrivesBy.String(),
		t.DisputeResponseDue.String(), t.AvailableOn.String(),
		r.SenderReference, r.MessageID, r.OriginalIMAD, r.OriginalEndToEndID, r.OriginalSenderReference,
		network, messageType, inbound, status, reasonText, remittance,
	}
}

// moneyCell writes an optional amount for CSV: "1.50", or "" when none.
func moneyCell(m *payment.Money) string {
	if m == nil {
		return ""
	}
	return payment.FormatAmount(m.Amount, m.Currency)
}

func optionalInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func optionalBool(p *bool) string {
	if p == nil {
		return ""
	}
	return strconv.FormatBool(*p)
}

// buffered is a buffered writer for text output.
type buffered struct{ w *bufio.Writer }

func newBuffered(w io.Writer) *buffered { return &buffered{w: bufio.NewWriterSize(w, 64*1024)} }

func (b *buffered) Write(p []byte) (int, error) { return b.w.Write(p) }

func (b *buffered) printf(format string, args ...any) { fmt.Fprintf(b.w, format, args...) }

func (b *buffered) flush() error { return b.w.Flush() }

// csvRows writes CSV rows through a buffer.
type csvRows struct {
	buf *bufio.Writer
	cw  *csv.Writer
}

func newCSVRows(w io.Writer, header []string) *csvRows {
	buf := bufio.NewWriterSize(w, 64*1024)
	c := &csvRows{buf: buf, cw: csv.NewWriter(buf)}
	c.write(header)
	return c
}

func (c *csvRows) write(row []string) { _ = c.cw.Write(row) }

func (c *csvRows) flush() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	return c.buf.Flush()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
