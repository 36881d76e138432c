package ach

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode/utf8"

	moov "github.com/moov-io/ach"
	"golang.org/x/text/encoding/charmap"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// maxUnreadable is how many records in a row may fail to be NACHA records
// before the reader gives up on the rest of the file.
const maxUnreadable = 50

// Reader reads a NACHA file record by record. Problems in the input come
// back from Next as *payment.Problem errors, and reading goes on after
// them; the sequence ends with io.EOF.
type Reader struct {
	name string
	src  *recordSource
	cal  *settlement.Calendar

	out  []item
	head int
	done bool

	started     bool
	file        *FileHeader
	fileRecords int // physical records of the current file, filler included
	fileBatches int
	fileTotals  Totals
	closed      bool // the current file's control record has been read
	afterClose  bool // a record after the file control was reported

	batch       *BatchHeader
	batchTotals Totals
	entry       *Entry
	// skipped is the line of an entry that could not be read, whose addenda
	// are skipped with it; unchecked counts such entries in the batch and
	// file, whose amounts cannot be checked against the controls.
	skipped        int
	batchUnchecked int
	fileUnchecked  int

	unreadable int

	// With reuse, the entry handed out last is recycled once Next is called
	// again (see ReuseEntries).
	reuse       bool
	lastOut     *Entry
	spare       *Entry
	spareDetail *moov.EntryDetail
}

type item struct {
	rec Record
	err error
}

// NewReader returns a Reader of the NACHA file r; name is used in every
// position and problem it reports.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{name: name, src: newRecordSource(r), cal: settlement.Fed}
}

// Next returns the next record. A *payment.Problem error reports something
// wrong and reading can go on; io.EOF ends the file.
func (r *Reader) Next() (Record, error) {
	if r.reuse && r.lastOut != nil {
		r.spare, r.lastOut = r.lastOut, nil
	}
	for r.head == len(r.out) {
		if r.done {
			return nil, io.EOF
		}
		r.out, r.head = r.out[:0], 0
		r.step()
	}
	it := r.out[r.head]
	r.out[r.head] = item{}
	r.head++
	if e, ok := it.rec.(*Entry); ok && r.reuse {
		r.lastOut = e
	}
	return it.rec, it.err
}

// ReuseEntries makes the Reader recycle each *Entry it hands out (and the
// moov-io/ach record inside it) once Next is called again, instead of
// allocating a new one per entry. Callers that keep entries must not use
// it; those that turn each into an event or a line of output read large
// files with far less garbage.
func (r *Reader) ReuseEntries() { r.reuse = true }

// newEntry returns a blank entry, recycled when the Reader may.
func (r *Reader) newEntry() *Entry {
	e := r.spare
	r.spare = nil
	if e == nil {
		return &Entry{}
	}
	if e.Domestic != nil {
		r.spareDetail = e.Domestic
	}
	addenda05 := e.Addenda05[:0]
	*e = Entry{Addenda05: addenda05}
	return e
}

// newEntryDetail returns a blank moov-io/ach entry detail, recycled when
// the Reader may.
func (r *Reader) newEntryDetail() *moov.EntryDetail {
	d := r.spareDetail
	r.spareDetail = nil
	if d == nil {
		return moov.NewEntryDetail()
	}
	*d = moov.EntryDetail{Category: moov.CategoryForward}
	return d
}

// All returns the records and problems of the file as a sequence: each
// pair holds either a record or a problem.
func (r *Reader) All() iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		for {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(rec, err) {
				return
			}
		}
	}
}

func (r *Reader) emit(rec Record) { r.out = append(r.out, item{rec: rec}) }

func (r *Reader) problem(line int, format string, args ...any) {
	r.out = append(r.out, item{err: payment.Problemf(payment.Source{File: r.name, Line: line}, format, args...)})
}

func (r *Reader) at(line int) payment.Source { return payment.Source{File: r.name, Line: line} }

// step reads one physical record and acts on it.
func (r *Reader) step() {
	raw, err := r.src.next()
	if err != nil {
		if !errors.Is(err, io.EOF) {
			r.problem(r.src.number+1, "cannot read further: %v", err)
		}
		r.finish()
		return
	}
	r.handle(raw)
}

// handle checks one record's shape and passes it on by record type.
func (r *Reader) handle(raw rawRecord) {
	line := raw.number
	if !r.started {
		r.started = true
		why := notNACHA(raw.text)
		if r.src.binary {
			why = "it holds binary data"
		}
		if why != "" {
			r.problem(line, "not a NACHA file: %s", why)
			r.done = true
			return
		}
	}
	if len(bytes.Trim(raw.text, "\x1a \t")) == 0 {
		// MS-DOS ended text files with Ctrl-Z; it carries nothing.
		r.out = append(r.out, item{err: payment.Warningf(r.at(line), "end-of-file mark (Ctrl-Z) ignored")})
		return
	}
	if hasControlBytes(raw.text) {
		switch raw.text[0] {
		case '1', '5', '6', '7', '8', '9':
			// A stray control character inside an otherwise sound record.
			raw.text = replaceControlBytes(raw.text)
			r.problem(line, "holds control characters; read with them replaced by '?'")
		default:
			r.unreadableRecord(line, "holds binary data (control characters), not a NACHA record; skipped")
			return
		}
	}
	rec := r.normalize(raw)
	if rec.pos == allNines {
		r.fileRecords++ // block filler
		return
	}
	kind := rec.pos[0]
	if r.closed && kind != '1' {
		if !r.afterClose {
			r.problem(line, "records after the file control record; reading them as part of the file")
			r.afterClose = true
		}
		r.closed = false
	}
	switch kind {
	case '1', '5', '6', '7', '8', '9':
		r.unreadable = 0
		r.fileRecords++
	default:
		r.unreadableRecord(line, "unknown record type %q (a NACHA record starts with 1, 5, 6, 7, 8 or 9); skipped", rec.pos[:1])
		return
	}
	if kind != '7' {
		r.skipped = 0
	}
	switch kind {
	case '1':
		r.fileHeader(rec)
	case '5':
		r.batchHeader(rec)
	case '6':
		r.entryDetail(rec)
	case '7':
		r.addenda(rec)
	case '8':
		r.batchControl(rec)
	case '9':
		r.fileControl(rec)
	}
}

var allNines = strings.Repeat("9", RecordLength)

func (r *Reader) unreadableRecord(line int, format string, args ...any) {
	r.problem(line, format, args...)
	r.unreadable++
	if r.unreadable >= maxUnreadable {
		r.problem(line, "stopped reading: %d records in a row are not NACHA records", r.unreadable)
		r.finish()
	}
}

// notNACHA says why the first record shows the input is not a NACHA file,
// or returns "" when it may be one.
func notNACHA(first []byte) string {
	if len(first) == 0 {
		return "it is empty"
	}
	if hasControlBytes(first) {
		return "it holds binary data"
	}
	s := string(first)
	digitsAt := func(from, to int) bool { return len(s) >= to && isDigits(s[from:to]) }
	switch s[0] {
	case '1':
		if digitsAt(1, 3) {
			return ""
		}
	case '5', '8':
		if digitsAt(1, 4) {
			return "" // a file that starts without its header
		}
	case '6':
		if digitsAt(1, 3) && len(s) >= RecordLength-10 {
			return ""
		}
	}
	shown := s
	if len(shown) > 20 {
		shown = shown[:20] + "..."
	}
	return fmt.Sprintf("the first record should be a file header starting with \"101\", found %q", shown)
}

func replaceControlBytes(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if c < 0x20 && c != '\t' || c == 0x7f {
			c = '?'
		}
		out[i] = c
	}
	return out
}

func hasControlBytes(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' || c == 0x7f {
			return true
		}
	}
	return false
}

// record is one NACHA record of exactly 94 characters.
type record struct {
	text string // the record as UTF-8 text
	// pos is text with every non-ASCII character replaced by '?', so that
	// byte offsets in pos are character positions in text.
	pos  string
	line int
}

// f returns the characters at 1-based positions from..to, for codes,
// numbers and dates (non-ASCII characters read as '?').
func (rec record) f(from, to int) string { return rec.pos[from-1 : to] }

// t returns the text at 1-based positions from..to, accents kept.
func (rec record) t(from, to int) string {
	if len(rec.text) == len(rec.pos) {
		return rec.text[from-1 : to]
	}
	runes := []rune(rec.text)
	return string(runes[from-1 : to])
}

// minLength is, per record type, how short a line may be and still hold
// every required field: the file header's bank names and reference code
// and the file control's reserved tail are optional, so lines that lost
// only those (editors trim trailing blanks) are read with a warning.
var minLength = map[byte]int{'1': 40, '9': 55}

// normalize makes a 94-character record of what was read, decoding Latin-1
// text to UTF-8 and reporting (then padding or cutting) wrong lengths.
func (r *Reader) normalize(raw rawRecord) record {
	text := raw.text
	ascii := true
	for _, c := range text {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	var s string
	n := len(text)
	if ascii {
		s = string(text)
	} else {
		if !utf8.Valid(text) {
			// Bank files are often Latin-1 / Windows-1252: decode so names
			// keep their accents; one byte stays one character.
			if dec, err := charmap.Windows1252.NewDecoder().Bytes(text); err == nil {
				text = dec
			}
		}
		s = string(text)
		n = utf8.RuneCountInString(s)
	}
	if raw.cut > 0 {
		n = raw.cut
	}
	switch {
	case n > RecordLength:
		head := firstRunes(s, RecordLength)
		if raw.cut > 0 || !isBlank(s[len(head):]) {
			r.problem(raw.number, "record is %d characters long, expected %d; characters after position %d ignored", n, RecordLength, RecordLength)
		}
		s = head
	case n < RecordLength:
		what := "line"
		if r.src.fixed {
			what = "record"
		}
		if min, ok := minLength[s[0]]; ok && n >= min {
			r.out = append(r.out, item{err: payment.Warningf(r.at(raw.number),
				"%s is %d characters long, expected %d (trailing blanks trimmed?); read as if padded with spaces", what, n, RecordLength)})
		} else {
			r.problem(raw.number, "%s is %d characters long, expected %d; read as if padded with spaces (the file may be damaged or truncated)", what, n, RecordLength)
		}
		s += strings.Repeat(" ", RecordLength-n)
	}
	rec := record{text: s, pos: s, line: raw.number}
	if !ascii {
		pos := make([]byte, 0, RecordLength)
		for _, c := range s {
			if c >= utf8.RuneSelf {
				c = '?'
			}
			pos = append(pos, byte(c))
		}
		rec.pos = string(pos)
	}
	return rec
}

func firstRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// finish ends the file: whatever is open is closed, with a problem for
// each record that should have come and did not.
func (r *Reader) finish() {
	if r.done {
		return
	}
	r.flushEntry()
	last := r.src.number
	if r.batch != nil {
		r.problem(last, "file ends inside batch %d (line %d): no batch control record; the file may be truncated", r.batch.Number, r.batch.Source.Line)
		r.closeBatch(nil, nil, last)
	}
	if r.file != nil && !r.closed {
		r.problem(last, "file ends without a file control record; the file may be truncated")
		r.closeFile(nil, nil, last)
	}
	if !r.started {
		r.problem(0, "empty file: no NACHA records")
	}
	r.done = true
}

func (r *Reader) fileHeader(rec record) {
	line := rec.line
	if r.file != nil && !r.closed {
		r.flushEntry()
		if r.batch != nil {
			r.problem(line, "batch %d (line %d) has no batch control record", r.batch.Number, r.batch.Source.Line)
			r.closeBatch(nil, nil, line)
		}
		r.problem(line, "a new file header before the file control of the file at line %d", r.file.Source.Line)
		r.closeFile(nil, nil, line)
	}
	fh := moov.NewFileHeader()
	fh.Parse(rec.text)
	h := &FileHeader{FileHeader: &fh, Source: r.at(line)}
	if d, ok := parseYYMMDD(rec.f(24, 29)); ok {
		h.CreationDate = d
	} else {
		r.problem(line, "file header: creation date %q is not a valid YYMMDD date", rec.f(24, 29))
	}
	if size := rec.f(35, 37); size != "094" {
		r.problem(line, "file header: record size is %q, expected \"094\"", size)
	}
	r.startFile(h)
	r.fileRecords = 1
	r.emit(h)
}

func (r *Reader) startFile(h *FileHeader) {
	r.file = h
	r.fileBatches = 0
	r.fileTotals = Totals{}
	r.fileUnchecked = 0
	r.closed = false
	r.afterClose = false
}

// ensureFile makes up a file header for records that come before any.
func (r *Reader) ensureFile(line int) {
	if r.file != nil {
		return
	}
	r.problem(line, "no file header record before this one")
	fh := moov.NewFileHeader()
	h := &FileHeader{FileHeader: &fh, Source: r.at(line), Missing: true}
	r.startFile(h)
	r.emit(h)
}

func (r *Reader) batchHeader(rec record) {
	line := rec.line
	r.ensureFile(line)
	r.flushEntry()
	if r.batch != nil {
		r.problem(line, "batch %d (line %d) has no batch control record", r.batch.Number, r.batch.Source.Line)
		r.closeBatch(nil, nil, line)
	}
	b := &BatchHeader{File: r.file, Source: r.at(line)}
	sec := rec.f(51, 53)
	if sec == "IAT" || strings.TrimSpace(rec.t(5, 20)) == moov.IATCOR {
		h := moov.NewIATBatchHeader()
		h.Parse(rec.text)
		b.IAT = h
		b.CompanyID = strings.TrimSpace(h.OriginatorIdentification)
		b.EntryDescription = strings.TrimSpace(h.CompanyEntryDescription)
		b.ODFI = h.ODFIIdentification
		b.ServiceClassCode = h.ServiceClassCode
		if strings.TrimSpace(rec.t(5, 20)) == moov.IATCOR {
			b.CompanyName = moov.IATCOR
		}
	} else {
		h := moov.NewBatchHeader()
		h.Parse(rec.text)
		b.Domestic = h
		b.CompanyName = h.CompanyName
		b.CompanyDiscretionaryData = h.CompanyDiscretionaryData
		b.CompanyID = h.CompanyIdentification
		b.EntryDescription = h.CompanyEntryDescription
		b.DescriptiveDate = h.CompanyDescriptiveDate
		b.ODFI = h.ODFIIdentification
		b.ServiceClassCode = h.ServiceClassCode
	}
	b.SECCode = sec
	if !secCodes[sec] {
		r.problem(line, "batch header: %q is not a Standard Entry Class code", sec)
	}
	switch scc := rec.f(2, 4); scc {
	case "200", "220", "225", "280":
	default:
		r.problem(line, "batch header: service class code %q is not 200, 220, 225 or 280", scc)
	}
	if n, ok := parseDigits(rec.f(88, 94)); ok {
		b.Number = int(n)
	} else {
		r.problem(line, "batch header: batch number %q is not a number", rec.f(88, 94))
	}
	eed := rec.f(70, 75)
	if d, ok := parseYYMMDD(eed); ok {
		b.EffectiveDate = d
	} else if !isBlank(eed) && eed != "000000" {
		r.problem(line, "batch header: effective entry date %q is not a valid YYMMDD date", eed)
	}
	near := b.EffectiveDate
	if near.IsZero() {
		near = r.file.CreationDate
	}
	if jul := rec.f(76, 78); !isBlank(jul) && jul != "000" {
		if d, ok := ResolveJulian(jul, near); ok {
			b.SettlementDate = d
		} else if near.IsZero() {
			r.problem(line, "batch header: settlement day %q cannot be dated: the batch has no effective date and the file no creation date", jul)
		} else {
			r.problem(line, "batch header: settlement date %q is not a day of the year (001–366)", jul)
		}
	}
	b.Reversal = strings.EqualFold(strings.TrimSpace(b.EntryDescription), "REVERSAL")
	// A file the company sends carries no settlement date yet; there an
	// effective date of the day the file was made asks for same-day
	// settlement. Files from the bank (returns, NOCs) are dated by their
	// processing day, so only an explicit "SDhhmm" counts there.
	b.SameDay = isSameDayDescriptive(b.DescriptiveDate) ||
		(b.SettlementDate.IsZero() && !b.IsADV() && !b.EffectiveDate.IsZero() && b.EffectiveDate == r.file.CreationDate)
	b.ExpectedSettlement = r.expectedSettlement(b)
	b.forward = forwardWindows(b.ExpectedSettlement, r.cal)
	r.batch = b
	r.batchTotals = Totals{}
	r.emit(b)
}

func isSameDayDescriptive(s string) bool {
	return len(s) == 6 && (s[:2] == "SD" || s[:2] == "sd") && isDigits(s[2:])
}

// expectedSettlement is the settlement date a batch has or will have: the
// operator's date when the file carries one; otherwise its effective date,
// moved to the next banking day when that is a weekend or holiday, and to
// the file's creation date when the effective date is already past (a
// stale date settles at the first opportunity).
func (r *Reader) expectedSettlement(b *BatchHeader) payment.Date {
	if !b.SettlementDate.IsZero() {
		return b.SettlementDate
	}
	d := b.EffectiveDate
	if created := r.file.CreationDate; !created.IsZero() && (d.IsZero() || d.Before(created)) {
		d = created
	}
	if d.IsZero() {
		return d
	}
	return r.cal.OnOrAfter(d)
}

// ensureBatch makes up a batch header for entries that come before any.
func (r *Reader) ensureBatch(line int) {
	if r.batch != nil {
		return
	}
	r.ensureFile(line)
	r.problem(line, "entry outside a batch: no batch header before it")
	b := &BatchHeader{File: r.file, Source: r.at(line), Missing: true}
	r.batch = b
	r.batchTotals = Totals{}
	r.emit(b)
}

func (r *Reader) entryDetail(rec record) {
	line := rec.line
	r.flushEntry()
	r.ensureBatch(line)
	e := r.newEntry()
	e.Batch, e.Source = r.batch, r.at(line)
	switch {
	case r.batch.IsIAT():
		d := moov.NewIATEntryDetail()
		d.Parse(rec.text)
		e.IAT = d
		e.Account = strings.TrimSpace(d.DFIAccountNumber)
	case r.batch.IsADV():
		d := moov.NewADVEntryDetail()
		d.Parse(rec.text)
		e.ADV = d
		e.Account = strings.TrimSpace(d.DFIAccountNumber)
		e.Name = strings.TrimSpace(d.IndividualName)
	default:
		d := r.newEntryDetail()
		d.SetSECCode(r.batch.SECCode)
		d.Parse(rec.text)
		e.Domestic = d
		e.Account = d.DFIAccountNumber
		e.IndividualID = strings.TrimSpace(d.IdentificationNumber)
		e.Name = strings.TrimSpace(d.IndividualName)
		e.Discretionary = d.DiscretionaryData
		if r.batch.SECCode == "CTX" || r.batch.SECCode == "ENR" {
			// Positions 59–74 hold the receiving company's name after a
			// four-digit addenda count.
			e.Name = strings.TrimSpace(rec.t(59, 74))
		}
	}

	code := rec.f(2, 3)
	tc, ok := parseDigits(code)
	if _, known := LookupTransactionCode(int(tc)); !ok || !known {
		r.skipEntry(rec, "entry detail: transaction code %q is not a Nacha transaction code; entry skipped", code)
		return
	}
	e.TransactionCode = int(tc)

	amountField := rec.f(30, 39)
	if r.batch.IsADV() {
		amountField = rec.f(28, 39)
	}
	amount, ok := parseDigits(amountField)
	if !ok {
		r.skipEntry(rec, "entry detail: amount %q is not a number; entry skipped", amountField)
		return
	}
	e.Amount = amount

	e.RDFI = rec.f(4, 11)
	e.CheckDigit = rec.f(12, 12)
	e.routing = rec.f(4, 12)
	if want, ok := checkDigit(e.RDFI); !ok {
		r.problem(line, "entry detail: receiving bank routing number %q is not eight digits", e.RDFI)
	} else if e.CheckDigit[0] != want {
		r.problem(line, "entry detail: routing number %s%s fails its check digit (expected %c)", e.RDFI, e.CheckDigit, want)
	}
	e.Trace = rec.f(80, 94)
	if !isDigits(e.Trace) {
		r.problem(line, "entry detail: trace number %q is not 15 digits", e.Trace)
		e.Trace = strings.TrimSpace(e.Trace)
	}
	switch ind := rec.pos[78]; ind {
	case '0', '1':
		e.AddendaIndicator = int(ind - '0')
	default:
		r.problem(line, "entry detail: addenda record indicator %q is not 0 or 1", string(ind))
	}
	r.entry = e
}

// skipEntry reports an entry that cannot become an event. It still counts
// in the batch's entry count and hash, so that the controls are checked
// for everything else.
func (r *Reader) skipEntry(rec record, format string, args ...any) {
	r.problem(rec.line, format, args...)
	r.skipped = rec.line
	r.batchUnchecked++
	r.batchTotals.Entries++
	if rdfi, ok := parseDigits(rec.f(4, 11)); ok {
		r.batchTotals.Hash = (r.batchTotals.Hash + rdfi) % 1e10
	}
}

func (r *Reader) addenda(rec record) {
	line := rec.line
	e := r.entry
	if e == nil && r.skipped > 0 {
		r.problem(line, "addenda record of the entry at line %d, which was skipped; skipped too", r.skipped)
		r.batchTotals.Addenda++
		return
	}
	if e == nil {
		r.ensureFile(line)
		r.problem(line, "addenda record without an entry detail record before it; skipped")
		return
	}
	e.AddendaRecords++
	typ := rec.f(2, 3)
	switch typ {
	case "02":
		a := moov.NewAddenda02()
		a.Parse(rec.text)
		e.Addenda02 = a
	case "05":
		a := moov.NewAddenda05()
		a.Parse(rec.text)
		e.Addenda05 = append(e.Addenda05, a)
	case "98":
		r.changeAddenda(e, rec)
	case "99":
		r.returnAddenda(e, rec)
	case "10", "11", "12", "13", "14", "15", "16", "17", "18":
		if e.IAT == nil {
			r.problem(line, "IAT addenda type %s after an entry that is not IAT; kept", typ)
		}
		r.iatAddenda(e, typ, rec)
	default:
		r.problem(line, "addenda type code %q is not one the rules define; skipped", typ)
	}
}

func (r *Reader) returnAddenda(e *Entry, rec record) {
	line := rec.line
	code := rec.f(4, 6)
	if e.Return != nil || e.Dishonored != nil || e.Contested != nil {
		r.problem(line, "more than one return addenda (type 99) for the entry at line %d", e.Source.Line)
	}
	if code[0] != 'R' || !isDigits(code[1:]) {
		r.problem(line, "return addenda: return reason code %q is not of the form Rnn", code)
	}
	if trace := rec.f(7, 21); !isDigits(trace) {
		r.problem(line, "return addenda: original entry trace number %q is not 15 digits", trace)
	}
	switch {
	case IsDishonoredReturnCode(code):
		a := moov.NewAddenda99Dishonored()
		a.Parse(rec.text)
		e.Dishonored = a
	case IsContestedReturnCode(code):
		a := moov.NewAddenda99Contested()
		a.Parse(rec.text)
		e.Contested = a
	default:
		a := moov.NewAddenda99()
		a.Parse(rec.text)
		// moov-io/ach keeps the code only when it knows it; keep it always.
		a.ReturnCode = code
		e.Return = a
	}
}

func (r *Reader) changeAddenda(e *Entry, rec record) {
	line := rec.line
	code := rec.f(4, 6)
	if e.Change != nil || e.RefusedChange != nil {
		r.problem(line, "more than one change addenda (type 98) for the entry at line %d", e.Source.Line)
	}
	if code[0] != 'C' || !isDigits(code[1:]) {
		r.problem(line, "change addenda: change code %q is not of the form Cnn", code)
	}
	if trace := rec.f(7, 21); !isDigits(trace) {
		r.problem(line, "change addenda: original entry trace number %q is not 15 digits", trace)
	}
	if IsRefusedChangeCode(code) {
		a := moov.NewAddenda98Refused()
		a.Parse(rec.text)
		e.RefusedChange = a
		return
	}
	a := moov.NewAddenda98()
	a.Parse(rec.text)
	a.ChangeCode = code
	e.Change = a
}

func (r *Reader) iatAddenda(e *Entry, typ string, rec record) {
	x := &e.IATAddenda
	switch typ {
	case "10":
		x.Addenda10 = moov.NewAddenda10()
		x.Addenda10.Parse(rec.text)
	case "11":
		x.Addenda11 = moov.NewAddenda11()
		x.Addenda11.Parse(rec.text)
	case "12":
		x.Addenda12 = moov.NewAddenda12()
		x.Addenda12.Parse(rec.text)
	case "13":
		x.Addenda13 = moov.NewAddenda13()
		x.Addenda13.Parse(rec.text)
	case "14":
		x.Addenda14 = moov.NewAddenda14()
		x.Addenda14.Parse(rec.text)
	case "15":
		x.Addenda15 = moov.NewAddenda15()
		x.Addenda15.Parse(rec.text)
	case "16":
		x.Addenda16 = moov.NewAddenda16()
		x.Addenda16.Parse(rec.text)
	case "17":
		a := moov.NewAddenda17()
		a.Parse(rec.text)
		x.Addenda17 = append(x.Addenda17, a)
	case "18":
		a := moov.NewAddenda18()
		a.Parse(rec.text)
		x.Addenda18 = append(x.Addenda18, a)
	}
}

// flushEntry hands out the entry waiting for its addenda, once the record
// after its last addenda has been seen.
func (r *Reader) flushEntry() {
	e := r.entry
	if e == nil {
		return
	}
	r.entry = nil
	line := e.Source.Line
	switch {
	case e.AddendaIndicator == 0 && e.AddendaRecords > 0:
		r.problem(line, "entry detail: addenda record indicator is 0 but %d addenda record(s) follow", e.AddendaRecords)
	case e.AddendaIndicator == 1 && e.AddendaRecords == 0:
		r.problem(line, "entry detail: addenda record indicator is 1 but no addenda record follows")
	}
	if e.IAT != nil {
		x := e.IATAddenda
		// An IAT entry names its receiver in addenda 10 and identifies it
		// in addenda 15.
		if x.Addenda10 != nil {
			e.Name = strings.TrimSpace(x.Addenda10.Name)
		}
		if x.Addenda15 != nil {
			e.IndividualID = strings.TrimSpace(x.Addenda15.ReceiverIDNumber)
		}
		if x.Addenda10 == nil || x.Addenda11 == nil || x.Addenda12 == nil || x.Addenda13 == nil ||
			x.Addenda14 == nil || x.Addenda15 == nil || x.Addenda16 == nil {
			r.problem(line, "IAT entry: the mandatory addenda records 10 to 16 are not all present")
		}
	}
	if tc, _ := LookupTransactionCode(e.TransactionCode); tc.Purpose == "return_or_noc" && !e.HasReturnOrChange() {
		r.problem(line, "entry detail: transaction code %d is for returns and notifications of change, but no addenda 98 or 99 follows", e.TransactionCode)
	}

	t := &r.batchTotals
	t.Entries++
	t.Addenda += e.AddendaRecords
	if rdfi, ok := parseDigits(e.RDFI); ok {
		t.Hash = (t.Hash + rdfi) % 1e10
	}
	if tc, _ := LookupTransactionCode(e.TransactionCode); tc.Debit {
		t.Debit += e.Amount
	} else {
		t.Credit += e.Amount
	}
	r.emit(e)
}

// HasReturnOrChange reports whether the entry carries a return, dishonored,
// contested, change or refused-change addenda.
func (e *Entry) HasReturnOrChange() bool {
	return e.Return != nil || e.Dishonored != nil || e.Contested != nil || e.Change != nil || e.RefusedChange != nil
}

func (r *Reader) batchControl(rec record) {
	line := rec.line
	r.flushEntry()
	if r.batch == nil {
		r.ensureFile(line)
		r.problem(line, "batch control record without a batch header before it; skipped")
		return
	}
	if r.batch.IsADV() {
		c := moov.NewADVBatchControl()
		c.Parse(rec.text)
		r.checkControl(line, "batch control", controlFields{
			count: rec.f(5, 10), hash: rec.f(11, 20),
			debit: rec.f(21, 40), credit: rec.f(41, 60),
		}, r.batchTotals, r.batchUnchecked)
		r.closeBatch(nil, c, line)
		return
	}
	c := moov.NewBatchControl()
	c.Parse(rec.text)
	r.checkControl(line, "batch control", controlFields{
		count: rec.f(5, 10), hash: rec.f(11, 20),
		debit: rec.f(21, 32), credit: rec.f(33, 44),
	}, r.batchTotals, r.batchUnchecked)
	b := r.batch
	if !b.Missing {
		if n, ok := parseDigits(rec.f(88, 94)); ok && int(n) != b.Number {
			r.problem(line, "batch control: batch number %d does not match its header's %d", n, b.Number)
		}
		if scc := rec.f(2, 4); isDigits(scc) && b.ServiceClassCode != 0 && scc != fmt.Sprintf("%03d", b.ServiceClassCode) {
			r.problem(line, "batch control: service class code %s does not match its header's %d", scc, b.ServiceClassCode)
		}
		if id := strings.TrimSpace(rec.t(45, 54)); id != "" && id != strings.TrimSpace(b.CompanyID) {
			r.problem(line, "batch control: company identification %q does not match its header's %q", id, strings.TrimSpace(b.CompanyID))
		}
	}
	switch {
	case b.ServiceClassCode == 220 && r.batchTotals.Debit > 0:
		r.problem(b.Source.Line, "batch %d: service class 220 (credits only) but it holds debit entries", b.Number)
	case b.ServiceClassCode == 225 && r.batchTotals.Credit > 0:
		r.problem(b.Source.Line, "batch %d: service class 225 (debits only) but it holds credit entries", b.Number)
	}
	r.closeBatch(c, nil, line)
}

func (r *Reader) closeBatch(c *moov.BatchControl, adv *moov.ADVBatchControl, line int) {
	bc := &BatchControl{
		Batch: r.batch, Domestic: c, ADV: adv, Missing: c == nil && adv == nil,
		Found: r.batchTotals, Source: r.at(line),
	}
	r.fileTotals.add(r.batchTotals)
	r.fileUnchecked += r.batchUnchecked
	r.batchUnchecked = 0
	r.fileBatches++
	r.batch = nil
	r.batchTotals = Totals{}
	r.emit(bc)
}

func (r *Reader) fileControl(rec record) {
	line := rec.line
	r.flushEntry()
	if r.batch != nil {
		r.problem(line, "batch %d (line %d) has no batch control record", r.batch.Number, r.batch.Source.Line)
		r.closeBatch(nil, nil, line)
	}
	if r.file == nil {
		r.ensureFile(line)
	}
	adv := r.fileIsADV(rec)
	var fields controlFields
	if adv {
		fields = controlFields{count: rec.f(14, 21), hash: rec.f(22, 31), debit: rec.f(32, 51), credit: rec.f(52, 71)}
	} else {
		fields = controlFields{count: rec.f(14, 21), hash: rec.f(22, 31), debit: rec.f(32, 43), credit: rec.f(44, 55)}
	}
	r.checkControl(line, "file control", fields, r.fileTotals, r.fileUnchecked)
	if n, ok := parseDigits(rec.f(2, 7)); !ok || int(n) != r.fileBatches {
		r.problem(line, "file control: batch count %q does not match the %d batch(es) in the file", rec.f(2, 7), r.fileBatches)
	}
	blocks := (r.fileRecords + 9) / 10
	if n, ok := parseDigits(rec.f(8, 13)); !ok || int(n) != blocks {
		r.problem(line, "file control: block count %q does not match the %d block(s) of ten records", rec.f(8, 13), blocks)
	}
	if adv {
		c := moov.NewADVFileControl()
		c.Parse(rec.text)
		r.closeFile(nil, &c, line)
		return
	}
	c := moov.NewFileControl()
	c.Parse(rec.text)
	r.closeFile(&c, nil, line)
}

// fileIsADV tells an ADV file control (20-digit totals) from a domestic
// one: its reserved positions 72–94 are blank and positions 56–71 hold
// digits where a domestic control has blanks.
func (r *Reader) fileIsADV(rec record) bool {
	return isDigits(rec.f(56, 71)) && isBlank(rec.f(72, 94))
}

func (r *Reader) closeFile(c *moov.FileControl, adv *moov.ADVFileControl, line int) {
	fc := &FileControl{
		File: r.file, Domestic: c, ADV: adv, Missing: c == nil && adv == nil,
		Batches: r.fileBatches, Found: r.fileTotals, Source: r.at(line),
	}
	r.closed = true
	r.emit(fc)
	// What follows is either filler or another file.
	r.file = nil
}

// controlFields are the raw total fields of a batch or file control.
type controlFields struct{ count, hash, debit, credit string }

func (r *Reader) checkControl(line int, what string, f controlFields, found Totals, unchecked int) {
	if n, ok := parseDigits(f.count); !ok {
		r.problem(line, "%s: entry/addenda count %q is not a number", what, f.count)
	} else if int(n) != found.Entries+found.Addenda {
		r.problem(line, "%s: entry/addenda count is %d but %d entries and %d addenda were read", what, n, found.Entries, found.Addenda)
	}
	if n, ok := parseDigits(f.hash); !ok {
		r.problem(line, "%s: entry hash %q is not a number", what, f.hash)
	} else if n != found.Hash {
		r.problem(line, "%s: entry hash is %d but the entries' routing numbers add up to %d", what, n, found.Hash)
	}
	for _, t := range []struct {
		name  string
		field string
		sum   int64
	}{{"debit", f.debit, found.Debit}, {"credit", f.credit, found.Credit}} {
		n, ok := parseDigits(t.field)
		switch {
		case !ok:
			r.problem(line, "%s: total %s amount %q is not a number", what, t.name, t.field)
		case n == t.sum:
		case unchecked > 0:
			r.out = append(r.out, item{err: payment.Warningf(r.at(line), "%s: total %s amount %s cannot be checked: %d entr%s could not be read", what, t.name, cents(n), unchecked, plural(unchecked, "y", "ies"))})
		default:
			r.problem(line, "%s: total %s amount is %s but the %s entries add up to %s", what, t.name, cents(n), t.name, cents(t.sum))
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// cents formats an amount in cents as dollars: 123456 → "1234.56".
func cents(n int64) string {
	return fmt.Sprintf("%d.%02d", n/100, n%100)
}

// Sniff reports whether the start of an input looks like a NACHA file, for
// choosing a reader by content rather than by file name.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	// The first record is the first line that is not blank.
	for len(head) > 0 {
		first := head
		rest := []byte(nil)
		if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
			first, rest = head[:i], head[i+1:]
		}
		if len(bytes.TrimSpace(first)) > 0 {
			if len(first) > RecordLength {
				first = first[:RecordLength]
			}
			return notNACHA(first) == ""
		}
		head = rest
	}
	return false
}
