package records

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode"

	"github.com/payinv/payinv/csvin"
	"github.com/payinv/payinv/payment"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Read streams the records of a CSV or JSON Lines file; name is used in
// every Source and problem. A nil Mapping means the default layout.
//
// The format is told from the content: JSON Lines when the first non-blank
// byte is "{", CSV otherwise (with the mapping's delimiter). A UTF-8 byte
// order mark is skipped. A CSV file needs a header row; its column names
// match case-insensitively and columns no field maps to are ignored.
//
// Each pair of the sequence holds a record or a problem, a
// *payment.Problem naming the file and the line where the row begins.
// A bad row is reported and skipped and reading goes on; problems that
// lose no data are warnings (Problem.Warning). A header without a required
// column gives one problem naming every missing column, and no records.
// The sequence reads r as it goes and can be ranged over once.
//
// Every record is new and the caller's to keep; records are allocated a
// block of 128 at a time, so one record kept keeps its block (27 KB).
func Read(r io.Reader, name string, m *Mapping) iter.Seq2[*Record, error] {
	return func(yield func(*Record, error) bool) {
		rd := &reader{name: name, yield: yield}
		l, err := m.compile()
		if err != nil {
			rd.problem(0, "invalid mapping: %v", err)
			return
		}
		rd.l = l
		br := bufio.NewReaderSize(r, 64<<10)
		if head, _ := br.Peek(len(bom)); bytes.Equal(head, bom) {
			_, _ = br.Discard(len(bom))
		}
		first, err := firstNonBlank(br)
		switch {
		case err != nil:
			rd.problem(0, "cannot read: %v", err)
		case first == 0:
			rd.problem(0, "empty file: no header row and no records")
		case first == '{':
			rd.readJSONL(br)
		case first == '[':
			rd.problem(0, "a JSON array, not JSON Lines: records must be one JSON object per line (jq -c '.[]' converts)")
		default:
			rd.readCSV(br)
		}
	}
}

// firstNonBlank returns the first byte of br that is not a blank or a line
// break without consuming it; 0 for an input that is all blank.
func firstNonBlank(br *bufio.Reader) (byte, error) {
	for n := 512; ; n *= 2 {
		p, err := br.Peek(n)
		for _, c := range p {
			switch c {
			case ' ', '\t', '\r', '\n':
			default:
				return c, nil
			}
		}
		switch {
		case errors.Is(err, io.EOF):
			return 0, nil
		case errors.Is(err, bufio.ErrBufferFull):
			return ' ', nil // a very long blank start: read it as CSV
		case err != nil:
			return 0, err
		}
	}
}

// reader is the state of one Read.
type reader struct {
	name  string
	l     *layout
	yield func(*Record, error) bool
	done  bool // the consumer stopped

	row  row
	msgs []string // what is wrong with the current row
	buf  []byte   // the strings the current record keeps
	slab []Record // records handed out next
}

// recordSlab is how many records are allocated at once: fewer, larger
// allocations for the common case of a caller that keeps every record.
const recordSlab = 128

// newRecord returns a fresh record from the current slab.
func (rd *reader) newRecord() *Record {
	if len(rd.slab) == 0 {
		rd.slab = make([]Record, recordSlab)
	}
	rec := &rd.slab[0]
	rd.slab = rd.slab[1:]
	return rec
}

// row is one row's values by field.
type row struct {
	vals [numFields]string
	has  [numFields]bool // the column or key is there
	num  [numFields]bool // JSON Lines: the value is a number literal
}

func (rd *reader) at(line int) payment.Source { return payment.Source{File: rd.name, Line: line} }

// problem reports an error; false when the consumer stopped.
func (rd *reader) problem(line int, format string, args ...any) bool {
	return rd.emit(nil, payment.Problemf(rd.at(line), format, args...))
}

func (rd *reader) emit(rec *Record, err error) bool {
	if rd.done {
		return false
	}
	if !rd.yield(rec, err) {
		rd.done = true
	}
	return !rd.done
}

// CSV.

func (rd *reader) readCSV(br *bufio.Reader) {
	cr := csv.NewReader(br)
	cr.Comma = rd.l.delim
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	// Leading blanks are trimmed (so "id, type, amount" reads), unless the
	// delimiter is itself a blank and trimming would merge empty fields.
	cr.TrimLeadingSpace = !unicode.IsSpace(rd.l.delim)

	header, err := cr.Read()
	if err != nil {
		var pe *csv.ParseError
		switch {
		case errors.Is(err, io.EOF):
			rd.problem(0, "empty file: no header row and no records")
		case errors.As(err, &pe):
			rd.problem(pe.StartLine, "cannot read the header row: %s", csvin.ParseErrorText(pe))
		default:
			rd.problem(0, "cannot read: %v", err)
		}
		return
	}
	headerLine, _ := cr.FieldPos(0)
	var idx [numFields]int
	if !rd.columns(header, headerLine, &idx) {
		return
	}
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
				// The reader failed: the line after the last row read is
				// where the file stops being readable (FieldPos is not
				// defined after such an error).
				rd.problem(line+1, "cannot read further: %v", err)
				return
			}
		}
		line, _ = cr.FieldPos(0)
		if len(fields) != width {
			if !rd.problem(line, "row skipped: it has %d fields, the header has %d", len(fields), width) {
				return
			}
			continue
		}
		for f := range numFields {
			if i := idx[f]; i >= 0 {
				rd.row.vals[f] = csvin.TrimCell(fields[i])
				rd.row.has[f] = true
			} else {
				rd.row.vals[f] = ""
				rd.row.has[f] = false
			}
		}
		if !rd.build(line) {
			return
		}
	}
}

// columns finds each field's column in the header; false (after one
// problem) when a required column is missing.
func (rd *reader) columns(header []string, line int, idx *[numFields]int) bool {
	for f := range idx {
		idx[f] = -1
	}
	for i, cell := range header {
		cell = csvin.TrimCell(cell)
		for f := range numFields {
			if !strings.EqualFold(cell, rd.l.columns[f]) {
				continue
			}
			if idx[f] < 0 {
				idx[f] = i
			} else if !rd.emit(nil, payment.Warningf(rd.at(line), "column %q appears twice (columns %d and %d); the first is read as %s", cell, idx[f]+1, i+1, fieldNames[f])) {
				return false
			}
		}
	}
	var missing []string
	for _, f := range rd.l.required() {
		if idx[f] < 0 {
			missing = append(missing, rd.l.describe(f))
		}
	}
	if len(missing) == 0 {
		return true
	}
	const shown = 20
	found := make([]string, 0, min(len(header), shown+1))
	for i, h := range header {
		if i == shown {
			found = append(found, fmt.Sprintf("and %d more", len(header)-shown))
			break
		}
		found = append(found, csvin.Quote(csvin.TrimCell(h)))
	}
	noun := "column"
	if len(missing) > 1 {
		noun = "columns"
	}
	rd.problem(line, "missing required %s %s; no records read (the header has %s)", noun, strings.Join(missing, ", "), strings.Join(found, ", "))
	return false
}

// required lists the fields a file must have: id, amount, created_at, and
// type when the type column gives the direction and no default is set.
func (l *layout) required() []int {
	req := []int{fID}
	if l.sign == signTypeColumn && l.defType == "" {
		req = append(req, fType)
	}
	return append(req, fAmount, fCreatedAt)
}

// describe names a field and, when it differs, the column it is read from.
func (l *layout) describe(f int) string {
	if l.columns[f] == fieldNames[f] {
		return fieldNames[f]
	}
	return fmt.Sprintf("%s (%q)", fieldNames[f], l.columns[f])
}

// Records.

// build makes a record of the current row and yields it, or yields the
// problem with it; false when the consumer stopped. Messages already in
// rd.msgs (from reading the row) make the row bad too.
func (rd *reader) build(line int) bool {
	l, v := rd.l, &rd.row
	bad := func(format string, args ...any) { rd.msgs = append(rd.msgs, fmt.Sprintf(format, args...)) }
	missing := func(f int) {
		if v.has[f] {
			bad("empty %s", fieldNames[f])
		} else {
			bad("no %s", l.describe(f))
		}
	}

	id := v.vals[fID]
	if id == "" {
		missing(fID)
	}

	currency := l.defCurrency
	if c := v.vals[fCurrency]; c != "" {
		if code, ok := payment.CurrencyCode(c); ok {
			currency = code
		} else {
			bad("currency %s is not a three-letter code", csvin.Quote(c))
		}
	}

	var amt amount
	amtOK := false
	if a := v.vals[fAmount]; a == "" {
		missing(fAmount)
	} else {
		var why string
		if v.num[fAmount] {
			amt, why = l.parseNumber(a)
		} else {
			amt, why = l.parseAmount(a)
		}
		if why != "" {
			bad("amount %s: %s", csvin.Quote(a), why)
		} else {
			amtOK = true
			if amt.value.IsZero() {
				amt.neg = false
			}
			if l.minor {
				amt.value = amt.value.Shift(-payment.MinorUnits(currency))
			}
		}
	}

	var created = v.vals[fCreatedAt]
	t, ok := l.parseTime(created)
	switch {
	case created == "":
		missing(fCreatedAt)
	case !ok:
		bad("created_at %s is not a date in a known format%s", csvin.Quote(created), dateHint(created))
	}

	// The type, by the sign convention.
	var typ Type
	written := v.vals[fType]
	wtyp, wok := l.typ(written)
	if written != "" && !wok {
		bad("unknown type %s (want deposit or withdrawal; map other words in a mapping's types)", csvin.Quote(written))
	}
	switch l.sign {
	case signTypeColumn:
		switch {
		case wok:
			typ = wtyp
		case written == "" && l.defType != "":
			typ = l.defType
		case written == "":
			missing(fType)
		}
		if amtOK && amt.neg {
			if typ == Deposit {
				bad("amount %s is negative on a deposit (with sign: type_column amounts are positive; use sign: signed when the amount carries the direction)", csvin.Quote(v.vals[fAmount]))
			}
			amt.neg = false
		}
	default:
		if amtOK && !amt.value.IsZero() {
			typ = Deposit
			if amt.neg != (l.sign == signInverted) {
				typ = Withdrawal
			}
			if wok && wtyp != typ {
				bad("type %s disagrees with the sign of amount %s", csvin.Quote(written), csvin.Quote(v.vals[fAmount]))
			}
		} else if amtOK {
			switch {
			case wok:
				typ = wtyp
			case written == "" && l.defType != "":
				typ = l.defType
			case written == "":
				bad("amount is zero and no type says whether it is a deposit or a withdrawal")
			}
		}
	}

	rail := l.defRail
	if s := v.vals[fRail]; s != "" {
		if r, ok := l.rail(s); ok {
			rail = r
		} else {
			bad("unknown rail %s (want ach, card, apple_pay or wire; map others in a mapping's rails)", csvin.Quote(s))
		}
	}

	if len(rd.msgs) > 0 {
		msg := strings.Join(rd.msgs, "; ")
		rd.msgs = rd.msgs[:0]
		if id != "" {
			return rd.problem(line, "record %s skipped: %s", csvin.Quote(id), msg)
		}
		return rd.problem(line, "row skipped: %s", msg)
	}

	status := l.defStatus
	if s := v.vals[fStatus]; s != "" {
		status = l.status(s)
	}

	var acct [4]byte
	nAcct, padded := 0, false
	if s := v.vals[fAccountLast4]; s != "" {
		l4, p := last4(s)
		nAcct, padded = copy(acct[:], l4), p
	}
	if padded {
		if !rd.emit(nil, payment.Warningf(rd.at(line), "account_last4 has fewer than four digits (leading zeros lost?); read as %q", acct[:nAcct])) {
			return false
		}
	}

	// One string holds every text the record keeps, so that the row's
	// own memory (which may hold a full account number) is not retained.
	b := rd.buf[:0]
	b = append(b, id...)
	b = append(b, v.vals[fCustomerID]...)
	b = append(b, v.vals[fReference]...)
	b = append(b, v.vals[fName]...)
	b = append(b, acct[:nAcct]...)
	ownStatus := status != "" && !isStatusConst(status)
	if ownStatus {
		b = append(b, status...)
	}
	rd.buf = b
	s := string(b)
	cut := func(n int) string {
		out := s[:n]
		s = s[n:]
		return out
	}
	rec := rd.newRecord()
	*rec = Record{
		ID:           cut(len(id)),
		CustomerID:   cut(len(v.vals[fCustomerID])),
		Reference:    cut(len(v.vals[fReference])),
		Name:         cut(len(v.vals[fName])),
		AccountLast4: cut(nAcct),
		Type:         typ,
		Rail:         rail,
		Amount:       amt.value,
		Currency:     currency,
		CreatedAt:    t,
		Status:       status,
		Source:       rd.at(line),
	}
	if ownStatus {
		rec.Status = s
	}
	return rd.emit(rec, nil)
}

func isStatusConst(s string) bool {
	_, ok := statusConst(s)
	return ok
}

// dateHint suggests what to do about a date that could not be read.
func dateHint(s string) string {
	switch {
	case len(s) >= 8 && (s[2] == '.' || s[1] == '.'):
		return " (for day.month.year add \"02.01.2006\" to a mapping's date_formats)"
	case len(s) >= 8 && (s[2] == '/' || s[1] == '/'):
		return " (slashed dates are read month first, 01/02/2006; for day first add \"02/01/2006\" to a mapping's date_formats)"
	}
	return " (add its Go layout to a mapping's date_formats)"
}

// Sniff reports whether head, the start of a file, looks like a records
// file in the default layout: a CSV header (comma-delimited) naming at
// least id, type, amount and created_at, or a JSON object with those keys.
// It tells records from NACHA files and other inputs.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, bom)
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 {
		return false
	}
	var names []string
	if head[0] == '{' {
		dec := json.NewDecoder(bytes.NewReader(head))
		dec.UseNumber()
		if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
			return false
		}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			key, ok := tok.(string)
			if !ok {
				break
			}
			names = append(names, key)
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				break
			}
		}
	} else {
		first := head
		if i := bytes.IndexByte(first, '\n'); i >= 0 {
			first = first[:i]
		}
		cr := csv.NewReader(bytes.NewReader(first))
		cr.TrimLeadingSpace = true
		cr.FieldsPerRecord = -1
		cells, err := cr.Read()
		if err != nil {
			return false
		}
		names = cells
	}
	need := map[string]bool{FieldID: false, FieldType: false, FieldAmount: false, FieldCreatedAt: false}
	found := 0
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if seen, ok := need[n]; ok && !seen {
			need[n] = true
			found++
		}
	}
	return found == len(need)
}
