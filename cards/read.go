package cards

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/csvin"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// Format names: the exports Read understands.
const (
	FormatStripeBalance     = "stripe_balance"     // Stripe itemized balance change / payout reconciliation report
	FormatStripePayments    = "stripe_payments"    // Stripe Dashboard payments export (unified_payments.csv)
	FormatAdyenSettlement   = "adyen_settlement"   // Adyen settlement details report
	FormatAdyenAccounting   = "adyen_accounting"   // Adyen payment accounting report
	FormatBraintree         = "braintree"          // Braintree Control Panel transaction search CSV
	FormatCheckoutPayments  = "checkout_payments"  // Checkout.com payments report
	FormatCheckoutFinancial = "checkout_financial" // Checkout.com financial actions (by payout ID or date range)
	FormatGeneric           = "generic"            // any CSV, described by a Mapping
)

// Formats returns the names Options.Processor accepts.
func Formats() []string {
	return []string{
		FormatStripeBalance, FormatStripePayments, FormatAdyenSettlement, FormatAdyenAccounting,
		FormatBraintree, FormatCheckoutPayments, FormatCheckoutFinancial, FormatGeneric,
	}
}

// Options say how to read an export.
type Options struct {
	// Processor is the export's format, one of Formats(); "" tells it from
	// the header row (or means generic when Mapping is set).
	Processor string
	// Mapping describes the columns of the generic format; other formats
	// do not use it.
	Mapping *Mapping
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// Read streams the events of a card processor's CSV export; name is used
// in every Source and problem.
//
// The format is told from the header row by its column names, compared
// without regard to case, blanks, underscores or hyphens; columns the
// reader does not use are ignored and the column order does not matter.
// A UTF-8 byte order mark, CRLF line ends and quoted cells spanning lines
// are read. A header that is a known format without some of its required
// columns gives one problem naming every missing column and no events;
// a header of no known format gives one problem.
//
// Each pair of the sequence holds an event or a problem, a
// *payment.Problem naming the file and the line where the row begins. A
// bad row (an amount or date that cannot be read, an unknown type) is
// reported and skipped and reading goes on. A full card number in any
// cell is masked to its last four digits on read and reported as
// a warning (Problem.Warning) naming the column. Times without a zone are
// read in the zone the export documents (UTC for Stripe and
// Checkout.com, the TimeZone column for Adyen, Created Timezone for
// Braintree, the mapping's time_zone for the generic format); event dates
// are the civil dates of those instants in US Eastern time.
//
// One row can give more than one event: a Stripe payments export row of a
// refunded or disputed charge gives the capture and the refund or
// chargeback. Events are the caller's to keep; they are allocated in
// blocks of 32, so a kept event keeps its block. The sequence reads r as
// it goes and can be ranged over once.
func Read(r io.Reader, name string, opts Options) iter.Seq2[*payment.Event, error] {
	return func(yield func(*payment.Event, error) bool) {
		rd := &reader{name: name, yield: yield}
		rd.run(r, opts)
	}
}

// reader is the state of one Read.
type reader struct {
	name  string
	yield func(*payment.Event, error) bool
	done  bool

	f      *format
	gen    *layout // the generic format's compiled mapping
	idx    [numFields]int
	header []string

	fields []string // the current row
	line   int
	clone  bool // the row held a card number: copy what events keep
	msgs   []string

	events []payment.Event
	cards  []payment.CardDetail
	money  []payment.Money
	buf    []byte

	zoneName string
	zone     *time.Location
	zones    map[string]*time.Location
	badZones map[string]bool
}

// slab is how many events are allocated at once.
const slab = 32

func (rd *reader) at(line int) payment.Source { return payment.Source{File: rd.name, Line: line} }

// emit hands a pair to the consumer; false when it stopped.
func (rd *reader) emit(ev *payment.Event, err error) bool {
	if rd.done {
		return false
	}
	if !rd.yield(ev, err) {
		rd.done = true
	}
	return !rd.done
}

func (rd *reader) problem(line int, format string, args ...any) bool {
	return rd.emit(nil, payment.Problemf(rd.at(line), format, args...))
}

func (rd *reader) warning(line int, format string, args ...any) bool {
	return rd.emit(nil, payment.Warningf(rd.at(line), format, args...))
}

func (rd *reader) run(r io.Reader, opts Options) {
	f, err := chooseFormat(opts)
	if err != "" {
		rd.problem(0, "%s", err)
		return
	}
	delim := ','
	if f != nil && f.name == FormatGeneric {
		l, err := opts.Mapping.compile()
		if err != nil {
			rd.problem(0, "invalid mapping: %v", err)
			return
		}
		rd.gen = l
		f = l.format
		delim = l.delim
	}

	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(len(bom)); bytes.Equal(head, bom) {
		_, _ = br.Discard(len(bom))
	}
	cr := csv.NewReader(br)
	cr.Comma = delim
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = !unicode.IsSpace(delim)

	header, err2 := cr.Read()
	if err2 != nil {
		var pe *csv.ParseError
		switch {
		case errors.Is(err2, io.EOF):
			rd.problem(0, "empty file: no header row and no events")
		case errors.As(err2, &pe):
			rd.problem(pe.StartLine, "cannot read the header row: %s", csvin.ParseErrorText(pe))
		default:
			rd.problem(0, "cannot read: %v", err2)
		}
		return
	}
	headerLine, _ := cr.FieldPos(0)
	for i, h := range header {
		if m, ok := maskPANs(h); ok {
			header[i] = m
			if !rd.warning(headerLine, "a full card number in the header (column %d) was masked", i+1) {
				return
			}
		}
	}
	rd.header = slices.Clone(header)
	keys := headerKeys(header)

	if f == nil {
		var missing []string
		f, missing = detect(keys)
		switch {
		case f == nil:
			rd.problem(headerLine, "not a card processor export payinv knows (use --processor %s, or a mapping for the generic format)", strings.Join(Formats()[:len(Formats())-1], "|"))
			return
		case len(missing) > 0:
			rd.missing(headerLine, f, missing)
			return
		}
	}
	var missing []string
	rd.idx, missing = f.resolve(keys)
	if len(missing) > 0 {
		rd.missing(headerLine, f, missing)
		return
	}
	rd.f = f

	width := len(header)
	line := headerLine
	for {
		fields, err := cr.Read()
		if err != nil {
			var pe *csv.ParseError
			switch {
			case errors.Is(err, io.EOF):
				return
			case errors.As(err, &pe):
				if !rd.problem(pe.StartLine, "row skipped: %s", csvin.ParseErrorText(pe)) {
					return
				}
				line = pe.Line
				continue
			default:
				rd.problem(line+1, "cannot read further: %v", err)
				return
			}
		}
		line, _ = cr.FieldPos(0)
		rd.line = line
		rd.fields = fields
		if !rd.mask() {
			return
		}
		if len(fields) != width {
			// A row cut short, or with cells the header does not name.
			if len(fields) == 1 && csvin.TrimCell(fields[0]) == "" {
				continue // a line of blanks
			}
			if !rd.problem(line, "row skipped: it has %d fields, the header has %d", len(fields), width) {
				return
			}
			continue
		}
		if !rd.f.build(rd) {
			return
		}
		rd.clone = false
	}
}

// chooseFormat returns the format Options name, nil to detect it, or why
// the options cannot be used.
func chooseFormat(opts Options) (*format, string) {
	p := strings.ToLower(strings.TrimSpace(opts.Processor))
	switch {
	case p == "" && opts.Mapping != nil, p == FormatGeneric && opts.Mapping != nil:
		return genericFormat, ""
	case p == FormatGeneric:
		return nil, "the generic format needs a mapping (--mapping FILE.yaml or .toml) naming its columns"
	case p == "":
		return nil, ""
	}
	for _, f := range formats {
		if f.name == p {
			return f, ""
		}
	}
	return nil, fmt.Sprintf("unknown processor format %q (known: %s)", opts.Processor, strings.Join(Formats(), ", "))
}

// missing reports the required columns a header lacks.
func (rd *reader) missing(line int, f *format, missing []string) {
	noun := "column"
	if len(missing) > 1 {
		noun = "columns"
	}
	rd.problem(line, "%s export without the required %s %s; no events read", f.name, noun, strings.Join(missing, ", "))
}

// mask masks the card numbers of the current row, with a warning per
// cell; false when the consumer stopped.
func (rd *reader) mask() bool {
	for i, cell := range rd.fields {
		m, ok := maskPANs(cell)
		if !ok {
			continue
		}
		rd.fields[i] = m
		rd.clone = true
		col := fmt.Sprintf("%d", i+1)
		if i < len(rd.header) {
			col = csvin.Quote(csvin.TrimCell(rd.header[i]))
		}
		if !rd.warning(rd.line, "a full card number in column %s was masked (only its last four digits are kept)", col) {
			return false
		}
	}
	return true
}

// v returns the current row's value of field f, trimmed; "" when the
// file has no such column.
func (rd *reader) v(f field) string {
	i := rd.idx[f]
	if i < 0 || i >= len(rd.fields) {
		return ""
	}
	return csvin.TrimCell(rd.fields[i])
}

// has reports whether the file has a column for f.
func (rd *reader) has(f field) bool { return rd.idx[f] >= 0 }

// keep returns s for an event to keep: a copy when the row held a card
// number, so that the row's memory is not retained.
func (rd *reader) keep(s string) string {
	if rd.clone && s != "" {
		return strings.Clone(s)
	}
	return s
}

// bad notes what is wrong with the current row.
func (rd *reader) bad(format string, args ...any) {
	rd.msgs = append(rd.msgs, fmt.Sprintf(format, args...))
}

// skipped reports the row's problems, if any: true when the row is bad
// (and was reported); ok false when the consumer stopped.
func (rd *reader) skipped() (skip, ok bool) {
	if len(rd.msgs) == 0 {
		return false, true
	}
	msg := strings.Join(rd.msgs, "; ")
	rd.msgs = rd.msgs[:0]
	return true, rd.problem(rd.line, "row skipped: %s", msg)
}

// amount reads a required amount column.
func (rd *reader) amount(f field) (v valueAmount) {
	s := rd.v(f)
	if s == "" {
		if rd.has(f) {
			rd.bad("empty %s", rd.colName(f))
		} else {
			rd.bad("no %s column", rd.colName(f))
		}
		return v
	}
	d, why := parseAmount(s)
	if why != "" {
		rd.bad("%s %s: %s", rd.colName(f), csvin.Quote(s), why)
		return v
	}
	return valueAmount{d: d, ok: true}
}

// optAmount reads an optional amount column: not ok when empty.
func (rd *reader) optAmount(f field) (v valueAmount) {
	s := rd.v(f)
	if s == "" {
		return v
	}
	d, why := parseAmount(s)
	if why != "" {
		rd.bad("%s %s: %s", rd.colName(f), csvin.Quote(s), why)
		return v
	}
	return valueAmount{d: d, ok: true}
}

// settled reads the amount in another currency (Stripe's customer-facing
// or converted amount, Braintree's settlement amount): not ok when its
// currency is absent or the event's own, and then the amount is not read.
func (rd *reader) settled(currency string) (valueAmount, string) {
	sc := rd.optCurrency(fSettleCurrency)
	if sc == "" || sc == currency {
		return valueAmount{}, ""
	}
	return rd.optAmount(fSettleAmount), sc
}

// currency reads a required currency column.
func (rd *reader) currency(f field) string {
	s := rd.v(f)
	if s == "" {
		rd.bad("no currency (%s)", rd.colName(f))
		return ""
	}
	c, ok := payment.CurrencyCode(s)
	if !ok {
		rd.bad("currency %s is not a three-letter code", csvin.Quote(s))
	}
	return c
}

// optCurrency reads an optional currency column.
func (rd *reader) optCurrency(f field) string {
	s := rd.v(f)
	if s == "" {
		return ""
	}
	c, ok := payment.CurrencyCode(s)
	if !ok {
		rd.bad("currency %s is not a three-letter code", csvin.Quote(s))
	}
	return c
}

// timestamp reads a required date-time column; times without a zone are
// in loc.
func (rd *reader) timestamp(f field, loc *time.Location) time.Time {
	s := rd.v(f)
	if s == "" {
		rd.bad("no date (%s)", rd.colName(f))
		return time.Time{}
	}
	var c civil
	var ok bool
	if rd.gen != nil && len(rd.gen.formats) > 0 {
		for _, layout := range rd.gen.formats {
			if t, err := time.ParseInLocation(layout, s, loc); err == nil && t.Year() >= minYear && t.Year() <= maxYear {
				return t
			}
		}
	}
	if c, ok = parseCivil(s); !ok {
		rd.bad("%s %s is not a date", rd.colName(f), csvin.Quote(s))
		return time.Time{}
	}
	return c.in(loc)
}

// day reads an optional date column as the day written (a date-only
// column, or a midnight time standing for a day): zero when empty.
func (rd *reader) day(f field) payment.Date {
	s := rd.v(f)
	if s == "" {
		return payment.Date{}
	}
	if rd.gen != nil {
		for _, layout := range rd.gen.formats {
			if t, err := time.Parse(layout, s); err == nil && t.Year() >= minYear && t.Year() <= maxYear {
				return payment.DateOf(t)
			}
		}
	}
	c, ok := parseCivil(s)
	if !ok {
		rd.bad("%s %s is not a date", rd.colName(f), csvin.Quote(s))
		return payment.Date{}
	}
	return c.date()
}

// location resolves the current row's time zone column, falling back to
// def; an unknown zone is reported once and read as def.
func (rd *reader) location(f field, def *time.Location) *time.Location {
	name := rd.v(f)
	if name == "" {
		return def
	}
	if name == rd.zoneName && rd.zone != nil {
		return rd.zone
	}
	loc, ok := rd.zones[name]
	if ok {
		return loc
	}
	loc, ok = loadZone(name)
	if !ok {
		if !rd.badZones[name] {
			if rd.badZones == nil {
				rd.badZones = map[string]bool{}
			}
			rd.badZones[strings.Clone(name)] = true
			rd.warning(rd.line, "time zone %s is not known; times in it are read as %s", csvin.Quote(name), def)
		}
		return def
	}
	if rd.zones == nil {
		rd.zones = map[string]*time.Location{}
	}
	key := strings.Clone(name)
	rd.zones[key] = loc
	rd.zoneName, rd.zone = key, loc
	return loc
}

// colName is the header's name of f's column, or its first documented
// name.
func (rd *reader) colName(f field) string {
	if i := rd.idx[f]; i >= 0 && i < len(rd.header) {
		return csvin.TrimCell(rd.header[i])
	}
	if rd.f != nil {
		for _, c := range rd.f.cols {
			if c.f == f {
				return c.names[0]
			}
		}
	}
	return fieldNames[f]
}

// valueAmount is an amount read from a cell.
type valueAmount struct {
	d  decimal.Decimal
	ok bool
}

// newEvent returns a blank card event of the current row.
func (rd *reader) newEvent(kind payment.Kind, dir payment.Direction) *payment.Event {
	if len(rd.events) == 0 {
		rd.events = make([]payment.Event, slab)
		rd.cards = make([]payment.CardDetail, slab)
	}
	ev, cd := &rd.events[0], &rd.cards[0]
	rd.events, rd.cards = rd.events[1:], rd.cards[1:]
	ev.Rail = payment.RailCard
	ev.Format = rd.f.name
	ev.Kind = kind
	ev.Direction = dir
	ev.Source = payment.Source{File: rd.name, Line: rd.line}
	cd.Processor = rd.f.processor
	if rd.gen != nil {
		cd.Processor = rd.gen.processor
	}
	cd.Report = rd.f.name
	ev.Card = cd
	return ev
}

// newMoney returns an amount with its currency, from a block.
func (rd *reader) newMoney(d decimal.Decimal, currency string) *payment.Money {
	if len(rd.money) == 0 {
		rd.money = make([]payment.Money, slab*2)
	}
	m := &rd.money[0]
	rd.money = rd.money[1:]
	m.Amount, m.Currency = d, currency
	return m
}

// finish dates an event and hands it out: the effective date is the day
// of at in US Eastern; the settlement date is settled when the export
// gives it, else the day the money is available, else (for events that
// move money, and status lines of balance reports) the effective date.
// false when the consumer stopped.
func (rd *reader) finish(ev *payment.Event, at time.Time, settled, available payment.Date) bool {
	if !at.IsZero() {
		ev.EffectiveDate = settlement.DateOf(at)
		rd.buf = at.AppendFormat(rd.buf[:0], time.RFC3339)
		ev.Card.CreatedAt = string(rd.buf)
	}
	ev.Timing.AvailableOn = available
	switch {
	case !settled.IsZero():
		ev.SettlementDate = settled
	case !available.IsZero():
		ev.SettlementDate = available
	case movesMoney(ev.Kind), rd.f.ledger && ev.Kind == payment.KindStatus:
		ev.SettlementDate = ev.EffectiveDate
	}
	ev.Card.DisputeNetwork = disputeNetworkOf(ev)
	applyTiming(ev)
	return rd.emit(ev, nil)
}

// disputeNetworkOf is the network of a chargeback event's reason.
func disputeNetworkOf(ev *payment.Event) string {
	if ev.Card.DisputeNetwork != "" {
		return ev.Card.DisputeNetwork
	}
	switch ev.Kind {
	case payment.KindChargeback, payment.KindChargebackReversal, payment.KindSecondChargeback:
		return disputeNetwork(ev.Card.Brand)
	}
	return ""
}

// movesMoney reports whether events of kind move money between the
// company and the processor, the customer or the bank.
func movesMoney(k payment.Kind) bool {
	switch k {
	case payment.KindCapture, payment.KindRefund, payment.KindRefundFailure, payment.KindChargeback,
		payment.KindChargebackReversal, payment.KindSecondChargeback, payment.KindPayout,
		payment.KindPayoutReturn, payment.KindFee:
		return true
	}
	return false
}

// signDirection is the direction of a signed amount from the company's
// side: negative is money out.
func signDirection(d decimal.Decimal, def payment.Direction) payment.Direction {
	switch d.Sign() {
	case -1:
		return payment.Debit
	case 1:
		return payment.Credit
	}
	return def
}

// setReason sets a decline's or chargeback's code, with its title when
// the catalog knows it.
func setReason(ev *payment.Event, scheme, code string) {
	if code == "" {
		return
	}
	ev.Reason = &payment.Reason{Scheme: scheme, Code: code}
	if found := LookupResponse(code, scheme); len(found) > 0 {
		ev.Reason.Title, ev.Reason.Known = found[0].Title, true
	} else if found := LookupDispute(code, scheme); len(found) > 0 {
		ev.Reason.Title, ev.Reason.Known = found[0].Title, true
	}
}

// Sniff reports whether head, the start of a file, looks like a card
// processor export Read understands: its first line is the header row of
// a known format (a header naming a format's identifying columns counts,
// even without all of its required ones, so that Read can say which are
// missing).
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, bom)
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 {
		return false
	}
	first := head
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	cr := csv.NewReader(bytes.NewReader(first))
	cr.TrimLeadingSpace = true
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cells, err := cr.Read()
	if err != nil {
		return false
	}
	f, _ := detect(headerKeys(cells))
	return f != nil
}
