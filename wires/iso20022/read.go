package iso20022

import (
	"bytes"
	"io"
	"iter"
	"sync"

	"github.com/payinv/payinv/payment"
)

// Read streams the events of a file of ISO 20022 messages; name is used in
// every Source and problem.
//
// Each pair holds an event or a problem, a *payment.Problem naming the
// file and line. One event is given per transaction: a pacs.008 or
// pacs.009 CdtTrfTxInf, a pacs.004 TxInf, a pacs.002 TxInfAndSts, a
// camt.056 Undrlyg/TxInf, a camt.029 TxInfAndSts, a camt.052/053/054
// entry (or each transaction of a batched entry); a pacs.002 or camt.029
// without transactions and any other ISO 20022 message give one status
// event. Source.Line is the line where the transaction element starts.
//
// A transaction that lacks a mandatory piece or has one that cannot be read
// (an amount, a date) is reported and skipped, and reading goes on; an
// optional piece that cannot be read is a warning and left empty. A
// Document whose namespace is not ISO 20022 is one problem. XML that is not
// well-formed ends the reading with one problem giving the line, column
// and the parser's words; the events read before it stand.
//
// Events are the caller's to keep. The sequence reads r as it goes and can
// be ranged over once.
func Read(r io.Reader, name string) iter.Seq2[*payment.Event, error] {
	return func(yield func(*payment.Event, error) bool) {
		rd := readers.Get().(*reader)
		rd.name, rd.yield = name, yield
		rd.run(r)
		rd.release()
		readers.Put(rd)
	}
}

// readers recycles the readers' buffers between files: a job reading a
// day's 100,000 one-message Fedwire files allocates them once.
var readers = sync.Pool{New: func() any { return new(reader) }}

// reader is the state of one Read.
type reader struct {
	name  string
	yield func(*payment.Event, error) bool
	done  bool // the consumer stopped

	sc scanner

	hdr    tree   // the AppHdr being read
	bah    appHdr // the last AppHdr read, waiting for its Document
	hasBAH bool

	inDoc bool
	doc   document
	head  tree // the current Document outside its transactions
	tx    tree // the transaction being read

	txnBuf txn     // the transaction being turned into an event
	dtls   []int32 // the TxDtls of the entry being read

	// capture is hdr or tx while an AppHdr or a transaction is read;
	// captureDepth the scanner depth of its element.
	capture      *tree
	captureDepth int

	documents int  // Documents begun
	reported  int  // problems reported
	elements  bool // an element was seen
	words     bool // text other than blank space was seen outside elements
}

// release drops what the reader must not keep between files.
func (rd *reader) release() {
	rd.name, rd.yield, rd.done = "", nil, false
	rd.sc.d, rd.sc.text, rd.sc.attrs, rd.sc.err = nil, nil, nil, nil
	rd.hasBAH, rd.inDoc, rd.capture = false, false, nil
	rd.bah, rd.doc = appHdr{}, document{}
	rd.documents, rd.reported, rd.elements, rd.words = 0, 0, false, false
	for _, t := range []*tree{&rd.hdr, &rd.head, &rd.tx} {
		if cap(t.nodes) > 4096 || cap(t.buf) > 1<<16 {
			*t = tree{} // do not keep a huge statement's buffers
		}
		t.reset()
	}
}

func (rd *reader) at(line int) payment.Source { return payment.Source{File: rd.name, Line: line} }

// emit hands a pair to the consumer; false once it has stopped.
func (rd *reader) emit(ev *payment.Event, err error) bool {
	if rd.done {
		return false
	}
	if err != nil {
		rd.reported++
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

func (rd *reader) run(r io.Reader) {
	rd.sc.reset(r)
	for !rd.done {
		switch rd.sc.next() {
		case tokStart:
			rd.start()
		case tokEnd:
			rd.end()
		case tokText:
			if rd.capture != nil {
				rd.capture.addText(rd.sc.text)
			} else if rd.inDoc && !rd.doc.skip {
				rd.head.addText(rd.sc.text)
			} else if !rd.words && !isBlank(bytes.TrimPrefix(rd.sc.text, bom)) {
				rd.words = true
			}
		case tokEOF:
			rd.finish()
			return
		case tokErr:
			rd.malformed()
			return
		}
	}
}

// start handles the start of an element.
func (rd *reader) start() {
	sc := &rd.sc
	rd.elements = true
	switch {
	case rd.capture != nil:
		rd.capture.open(sc.local, sc.attrs, sc.line)
	case rd.inDoc:
		rd.docElement()
	case sc.local == "AppHdr":
		if rd.hasBAH {
			rd.problem(rd.bah.line, "AppHdr (BizMsgIdr %q) is not followed by its Document; another AppHdr starts at line %d", rd.bah.bizMsgID, sc.line)
			rd.hasBAH = false
		}
		rd.hdr.reset()
		rd.hdr.open(sc.local, sc.attrs, sc.line)
		rd.capture, rd.captureDepth = &rd.hdr, sc.depth()
	case sc.local == "Document":
		rd.beginDocument()
	}
	// Any other element outside a Document wraps messages (a CBPR+
	// Envelope, a bank export's root): read on inside it.
}

// end handles the end of an element.
func (rd *reader) end() {
	sc := &rd.sc
	if c := rd.capture; c != nil {
		c.close()
		if sc.depth() < rd.captureDepth {
			rd.capture = nil
			if c == &rd.tx {
				rd.transaction()
			} else {
				rd.appHdrRead()
			}
		}
		return
	}
	if !rd.inDoc {
		return
	}
	if sc.depth() < rd.doc.depth {
		rd.endDocument()
		return
	}
	if rd.doc.skip {
		return
	}
	n := rd.head.top()
	rd.head.close()
	rd.blockEnd(n)
}

// finish ends a file read to its end.
func (rd *reader) finish() {
	if rd.hasBAH {
		rd.problem(rd.bah.line, "AppHdr (BizMsgIdr %q) is not followed by its Document", rd.bah.bizMsgID)
	}
	if rd.documents > 0 || rd.reported > 0 {
		return
	}
	switch {
	case rd.elements:
		rd.problem(1, "no ISO 20022 message in the file: no <Document> element found")
	case rd.words:
		rd.problem(1, "not an ISO 20022 file: no XML element found")
	default:
		rd.problem(0, "empty file: no ISO 20022 message")
	}
}

// bom is the UTF-8 byte order mark.
var bom = []byte{0xEF, 0xBB, 0xBF}

// malformed reports XML that is not well-formed and ends the reading.
func (rd *reader) malformed() {
	e := rd.sc.err
	msg := "not well-formed XML at line %d, column %d: %s; nothing after it is read"
	if e.cut {
		msg = "the file is cut short at line %d, column %d: %s"
	}
	args := []any{e.line, e.col, e.msg}
	switch {
	case rd.capture == &rd.tx:
		msg += "; the %s transaction starting at line %d is lost"
		args = append(args, rd.tx.name(0), rd.tx.line(0, 0))
	case rd.capture == &rd.hdr:
		msg += "; the AppHdr starting at line %d is lost"
		args = append(args, rd.hdr.line(0, 0))
	case rd.inDoc && !rd.doc.skip && rd.doc.txs == 0:
		msg += "; the Document starting at line %d gave no events"
		args = append(args, rd.doc.line)
	}
	rd.problem(e.line, msg, args...)
}
