package iso20022

import (
	"strings"

	"github.com/payinv/payinv/payment"
)

// msgKind is how a message is read.
type msgKind uint8

const (
	msgOther     msgKind = iota // any other ISO 20022 message: one status event
	msgTransfer                 // pacs.008, pacs.009: a payment per CdtTrfTxInf
	msgReturn                   // pacs.004: a return per TxInf
	msgStatus                   // pacs.002: a status or rejection per TxInfAndSts
	msgRecall                   // camt.056: a recall per Undrlyg/TxInf
	msgAnswer                   // camt.029: a recall response per TxInfAndSts
	msgStatement                // camt.052, camt.053, camt.054: an event per entry
)

// kinds maps the short message names payinv reads to how.
var kinds = map[string]msgKind{
	"pacs.008": msgTransfer, "pacs.009": msgTransfer, "pacs.004": msgReturn, "pacs.002": msgStatus,
	"camt.056": msgRecall, "camt.029": msgAnswer,
	"camt.052": msgStatement, "camt.053": msgStatement, "camt.054": msgStatement,
}

// roots maps the root element of each message payinv reads to its name,
// for a Document that has no namespace.
var roots = map[string]string{
	"FIToFICstmrCdtTrf": "pacs.008", "FICdtTrf": "pacs.009", "PmtRtr": "pacs.004",
	"FIToFIPmtStsRpt": "pacs.002", "FIToFIPmtCxlReq": "camt.056", "RsltnOfInvstgtn": "camt.029",
	"BkToCstmrAcctRpt": "camt.052", "BkToCstmrStmt": "camt.053", "BkToCstmrDbtCdtNtfctn": "camt.054",
}

// isoNamespace starts the namespace of every ISO 20022 message.
const isoNamespace = "urn:iso:std:iso:20022:tech:xsd:"

// messageOf reads a Document namespace, urn:iso:std:iso:20022:tech:xsd:
// pacs.008.001.08, into the message's full and short names.
func messageOf(uri string) (full, short string, ok bool) {
	id, found := strings.CutPrefix(strings.TrimSpace(uri), isoNamespace)
	if !found || !isMessageID(id) {
		return "", "", false
	}
	return id, id[:8], true
}

// isMessageID reports whether id has the shape of an ISO 20022 message
// identifier: four letters, then three groups of digits, "pacs.008.001.08".
func isMessageID(id string) bool {
	if len(id) != 15 || id[4] != '.' || id[8] != '.' || id[12] != '.' {
		return false
	}
	for i := 0; i < 4; i++ {
		if c := id[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	_, ok1 := digitsOf([]byte(id[5:8]))
	_, ok2 := digitsOf([]byte(id[9:12]))
	_, ok3 := digitsOf([]byte(id[13:15]))
	return ok1 && ok2 && ok3
}

// document is the Document being read.
type document struct {
	line, depth int // where it starts; the scanner depth of <Document>
	msgType     string
	format      string
	kind        msgKind
	skip        bool // not ISO 20022: reported, its content ignored
	infer       bool // no namespace: the type is told from the root element
	bah         appHdr
	hasBAH      bool

	txs      int   // transactions read
	txParent int32 // the head element holding the last transaction
	blocks   int   // statements, reports or notifications closed

	// Worked out once, at the first transaction.
	prepared  bool
	msgID     string
	createdAt string
	network   string
	inbound   bool

	// The statement (Stmt, Rpt, Ntfctn) of the last entry, and what the
	// entries take from it.
	block     int32
	account   payment.WireParty
	blockDate payment.Date
}

// beginDocument starts reading a Document, the message after its AppHdr.
func (rd *reader) beginDocument() {
	sc := &rd.sc
	rd.documents++
	rd.inDoc = true
	rd.doc = document{line: sc.line, depth: sc.depth(), txParent: -1, block: -1}
	d := &rd.doc
	d.bah, d.hasBAH = rd.bah, rd.hasBAH
	rd.hasBAH = false
	rd.head.reset()
	rd.head.open(sc.local, nil, sc.line)

	uri := sc.namespace(sc.prefix())
	if full, short, ok := messageOf(uri); ok {
		d.msgType, d.format, d.kind = full, short, kinds[short]
		return
	}
	if uri == "" {
		d.infer = true // told at the root element
		return
	}
	d.skip = true
	rd.problem(d.line, "Document is not an ISO 20022 message payinv reads: its namespace is %q (want %s<message>, like %spacs.008.001.08); skipped",
		clip([]byte(uri)), isoNamespace, isoNamespace)
}

// docElement handles an element starting inside the Document: a
// transaction is read into a tree of its own, anything else into the
// Document's head.
func (rd *reader) docElement() {
	sc := &rd.sc
	d := &rd.doc
	if d.skip {
		return
	}
	if d.infer {
		d.infer = false
		short, ok := roots[sc.local]
		if !ok {
			d.skip = true
			rd.problem(d.line, "Document has no namespace and its message <%s> is not one payinv reads; skipped", sc.local)
			return
		}
		d.msgType, d.format, d.kind = short, short, kinds[short]
		rd.warning(d.line, "Document has no namespace; read as %s from its <%s> element, version unknown", short, sc.local)
	}
	parent := rd.head.top()
	if isTransaction(d.kind, sc.local, rd.head.name(parent)) {
		rd.tx.reset()
		rd.tx.open(sc.local, sc.attrs, sc.line)
		rd.capture, rd.captureDepth = &rd.tx, sc.depth()
		d.txParent = parent
		return
	}
	rd.head.open(sc.local, sc.attrs, sc.line)
}

// isTransaction reports whether an element named name under parent is a
// transaction of a message of kind k.
func isTransaction(k msgKind, name, parent string) bool {
	switch k {
	case msgTransfer:
		return name == "CdtTrfTxInf"
	case msgReturn:
		return name == "TxInf" && parent == "PmtRtr"
	case msgStatus:
		return name == "TxInfAndSts" && parent == "FIToFIPmtStsRpt"
	case msgRecall:
		return name == "TxInf" && parent == "Undrlyg"
	case msgAnswer:
		return name == "TxInfAndSts" && parent == "CxlDtls"
	case msgStatement:
		return name == "Ntry" && isBlock(parent)
	}
	return false
}

// isBlock reports whether name is a statement's, report's or
// notification's element, the holder of entries.
func isBlock(name string) bool { return name == "Stmt" || name == "Rpt" || name == "Ntfctn" }

// blockEnd is called when the head element n has closed. Once the element
// holding transactions closes, what it held is no longer needed: dropping
// it keeps a file of many statements in bounded memory.
func (rd *reader) blockEnd(n int32) {
	d := &rd.doc
	if n < 0 {
		return
	}
	if d.kind == msgStatement && isBlock(rd.head.name(n)) {
		d.blocks++
		if n != d.txParent {
			rd.emptyBlock(n)
		}
	} else if n != d.txParent {
		return
	}
	rd.head.drop(n)
	d.txParent, d.block = -1, -1
}

// transaction turns the transaction just read into events.
func (rd *reader) transaction() {
	d := &rd.doc
	d.txs++
	rd.prepare()
	if rd.tx.full {
		rd.problem(rd.tx.line(0, 0), "%s %s at line %d is too large to read (over %d elements or %d MB of text); skipped",
			d.format, rd.tx.name(0), rd.tx.line(0, 0), maxNodes, maxTextSize>>20)
		return
	}
	switch d.kind {
	case msgTransfer:
		rd.creditTransfer()
	case msgReturn:
		rd.paymentReturn()
	case msgStatus:
		rd.statusReport(&rd.tx, 0)
	case msgRecall:
		rd.recall()
	case msgAnswer:
		rd.recallAnswer(&rd.tx, 0)
	case msgStatement:
		rd.entry()
	}
}

// endDocument ends the Document: messages that gave no transaction give
// their one event or a problem.
func (rd *reader) endDocument() {
	d := &rd.doc
	rd.inDoc = false
	if d.skip {
		return
	}
	if d.infer { // an empty Document
		rd.problem(d.line, "Document holds no message")
		return
	}
	if rd.head.full {
		rd.problem(d.line, "%s message at line %d is too large to read whole outside its transactions; some of it was left out", d.format, d.line)
	}
	if d.txs > 0 {
		return
	}
	rd.prepare()
	switch d.kind {
	case msgStatus:
		root := rd.head.nodes[0].first
		rd.statusReport(&rd.head, root)
	case msgAnswer:
		rd.recallAnswer(&rd.head, rd.head.nodes[0].first)
	case msgOther:
		rd.otherMessage()
	case msgStatement:
		if d.blocks == 0 {
			rd.warning(d.line, "%s message %s holds no statement, report or notification", d.format, quoteID(d.msgID))
		}
	default:
		rd.problem(d.line, "%s message %s holds no transaction (%s)", d.format, quoteID(d.msgID), txElement(d.kind))
	}
}

// txElement names the transaction element of a kind of message.
func txElement(k msgKind) string {
	switch k {
	case msgTransfer:
		return "CdtTrfTxInf"
	case msgReturn:
		return "TxInf"
	case msgRecall:
		return "Undrlyg/TxInf"
	}
	return "transaction"
}

// quoteID names a message by its id in a problem.
func quoteID(id string) string {
	if id == "" {
		return "(no MsgId)"
	}
	return id
}

// prepare works out, once per Document, what every event of it shares:
// the message id, when it was created, the network and the direction.
func (rd *reader) prepare() {
	d := &rd.doc
	if d.prepared {
		return
	}
	d.prepared = true
	h := &rd.head
	root := h.nodes[0].first // the message element under <Document>
	grp := h.child(root, "GrpHdr")
	if d.kind == msgRecall || d.kind == msgAnswer {
		if a := h.child(root, "Assgnmt"); a >= 0 {
			grp = a
			d.msgID = h.str(a, "Id")
		}
	}
	if d.msgID == "" {
		d.msgID = h.str(grp, "MsgId")
	}
	if d.hasBAH && d.bah.createdAt != "" {
		d.createdAt = d.bah.createdAt
	} else if cre := h.child(grp, "CreDtTm"); cre >= 0 {
		if v, ok := parseDateTime(h.raw(cre)); ok {
			d.createdAt = formatDateTime(v)
		} else {
			rd.warning(h.line(cre, d.line), "%s CreDtTm %q is not a valid date and time; left out", d.format, clip(h.raw(cre)))
		}
	}
	switch {
	case d.hasBAH && d.bah.network != "":
		d.network = d.bah.network
	case d.kind == msgStatement:
		// Entries tell their own network.
	default:
		d.network = networkOf(h.str(grp, "SttlmInf", "ClrSys", "Cd"), h.str(grp, "SttlmInf", "ClrSys", "Prtry"), d.msgID)
	}
	if d.hasBAH {
		d.inbound = d.bah.inbound()
	}
}

// networkOf tells the network from a clearing system code or a Fedwire
// message id.
func networkOf(clrCd, clrPrtry, msgID string) string {
	for _, c := range [...]string{clrCd, clrPrtry} {
		switch strings.ToUpper(c) {
		case "FDW", "FEDWIRE", "USFDW":
			return networkFedwire
		case "CHP", "CHIPS", "USCHP":
			return networkCHIPS
		}
	}
	if isIMAD(msgID) {
		return networkFedwire
	}
	return ""
}

// Networks, as in payment.WireDetail.Network.
const (
	networkFedwire = "fedwire"
	networkCHIPS   = "chips"
	networkSWIFT   = "swift"
	networkBook    = "book"
)

// eventBlock holds an event and its wire detail in one allocation.
type eventBlock struct {
	ev payment.Event
	w  payment.WireDetail
}

// newEvent starts an event of the current Document at line.
func (rd *reader) newEvent(kind payment.Kind, line int) *payment.Event {
	d := &rd.doc
	b := new(eventBlock)
	ev := &b.ev
	ev.Rail, ev.Format, ev.Kind = payment.RailWire, d.format, kind
	ev.Source = payment.Source{File: rd.name, Line: line}
	ev.Wire = &b.w
	b.w.Network, b.w.MessageType = d.network, d.msgType
	b.w.Inbound, b.w.Test = d.inbound, d.hasBAH && d.bah.test
	b.w.CreatedAt = d.createdAt
	return ev
}
