package iso20022

import (
	"strings"
	"time"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

// entry reads a camt.052, camt.053 or camt.054 Ntry: one event, or one for
// each transaction (TxDtls) of a batched entry.
func (rd *reader) entry() {
	t := &rd.tx
	rd.statementBlock()
	rd.dtls = rd.dtls[:0]
	for nd := t.child(0, "NtryDtls"); nd >= 0; nd = t.nextNamed(nd, "NtryDtls") {
		for td := t.child(nd, "TxDtls"); td >= 0; td = t.nextNamed(td, "TxDtls") {
			rd.dtls = append(rd.dtls, td)
		}
	}
	switch len(rd.dtls) {
	case 0:
		rd.entryEvent(-1, false)
	case 1:
		rd.entryEvent(rd.dtls[0], false)
	default:
		for _, td := range rd.dtls {
			if rd.done {
				return
			}
			rd.entryEvent(td, true)
		}
	}
}

// statementBlock reads, once per statement, what its entries take from
// it: the account (the company's side of every entry) and its date.
func (rd *reader) statementBlock() {
	d := &rd.doc
	if d.block == d.txParent {
		return
	}
	h := &rd.head
	b := d.txParent
	d.block = b
	acct := h.child(b, "Acct")
	d.account = payment.WireParty{Account: accountOf(h, acct), Agent: agentOf(h, h.child(acct, "Svcr"))}
	d.account.Name = h.str(acct, "Ownr", "Nm")
	if d.account.Name == "" {
		d.account.Name = h.str(acct, "Nm")
	}
	d.blockDate = payment.Date{}
	if v, ok := parseDateTime(h.raw(h.child(b, "CreDtTm"))); ok {
		d.blockDate = payment.DateOf(v)
	}
}

// entryEvent reads one event of the entry in rd.tx: the entry with its
// only transaction td (or none, -1), or, batched, the transaction td of a
// batched entry.
func (rd *reader) entryEvent(td int32, batched bool) {
	t := &rd.tx
	d := &rd.doc
	const ntry = 0
	x := rd.newTxn(t, ntry)
	if batched {
		x.root, x.line = td, t.line(td, x.line)
	}
	ev := rd.newEvent(payment.KindPayment, x.line)
	w := ev.Wire

	refs := t.child(td, "Refs")
	ev.Refs.MessageID = t.str(refs, "MsgId")
	setIMAD(ev, ev.Refs.MessageID)
	if clr := t.str(refs, "ClrSysRef"); clr != "" {
		if m, ok := parseOMAD(clr); ok {
			ev.Refs.OMAD = clr
			if w.CycleDate.IsZero() {
				w.CycleDate = m.CycleDate
			}
		} else if ev.Refs.IMAD == "" {
			setIMAD(ev, clr)
		}
	}
	rtr := t.child(td, "RtrInf")
	instr, e2e, uetr := t.str(refs, "InstrId"), reference(t.str(refs, "EndToEndId")), strings.ToLower(t.str(refs, "UETR"))
	if rtr >= 0 {
		// A returned payment's entry carries the references of the payment
		// that came back.
		w.OriginalInstructionID, ev.Refs.OriginalEndToEndID, ev.Refs.OriginalUETR = instr, e2e, uetr
		setOriginalGroup(ev, t, t.child(rtr, "OrgnlGrpInf"))
	} else {
		ev.Refs.InstructionID, ev.Refs.EndToEndID, ev.Refs.UETR = instr, e2e, uetr
	}
	ev.Refs.TransactionID = t.str(refs, "TxId")
	if ev.Refs.TransactionID == "" {
		ev.Refs.TransactionID = t.str(refs, "AcctSvcrRef")
	}
	if ev.Refs.TransactionID == "" && !batched {
		if ev.Refs.TransactionID = t.str(ntry, "AcctSvcrRef"); ev.Refs.TransactionID == "" {
			ev.Refs.TransactionID = t.str(ntry, "NtryRef")
		}
	}
	x.id = entryRef(ev, t.str(ntry, "NtryRef"))

	// Amount: the transaction's own, else (one transaction) the entry's.
	amt := t.child(td, "Amt")
	what := "TxDtls/Amt"
	if amt < 0 {
		amt, what = t.at(td, "AmtDtls", "TxAmt", "Amt"), "TxDtls/AmtDtls/TxAmt/Amt"
	}
	if amt < 0 && !batched {
		amt, what = t.child(ntry, "Amt"), "Amt"
	}
	if m, ok := x.money(t, amt, what, required); ok {
		ev.Amount, ev.Currency = m.Amount, m.Currency
	}
	cdi := t.child(td, "CdtDbtInd")
	if cdi < 0 {
		cdi = t.child(ntry, "CdtDbtInd")
	}
	switch s := t.text(cdi); s {
	case "CRDT":
		ev.Direction, w.Inbound = payment.Credit, true
	case "DBIT":
		ev.Direction, w.Inbound = payment.Debit, false
	case "":
		x.fail(t, cdi, "no CdtDbtInd (CRDT or DBIT)")
	default:
		x.fail(t, cdi, "CdtDbtInd %q is neither CRDT (credit) nor DBIT (debit)", clip([]byte(s)))
	}

	switch {
	case rtr >= 0:
		ev.Kind = payment.KindReturn
		cd, prtry, text := reasonInfo(t, td, "RtrInf")
		setReason(ev, cd, prtry, text, reason.SchemeReturn, reason.SchemeReturn)
	case t.str(ntry, "RvslInd") == "true":
		ev.Kind = payment.KindReversal
	}
	w.Status = t.str(ntry, "Sts", "Cd")
	if w.Status == "" {
		if w.Status = t.str(ntry, "Sts", "Prtry"); w.Status == "" {
			w.Status = t.str(ntry, "Sts")
		}
	}

	booked := x.dateChoice(t, t.child(ntry, "BookgDt"), "BookgDt", strict)
	value := x.dateChoice(t, t.child(ntry, "ValDt"), "ValDt", strict)
	dts := t.child(td, "RltdDts")
	interbank := x.date(t, t.child(dts, "IntrBkSttlmDt"), "RltdDts/IntrBkSttlmDt", strict)
	w.AcceptedAt = x.dateTime(t, t.child(dts, "AccptncDtTm"), "RltdDts/AccptncDtTm")
	ev.EffectiveDate = firstDate(booked, value, interbank, w.CycleDate, d.blockDate)
	ev.SettlementDate = firstDate(value, interbank, w.CycleDate, booked)

	w.Network = d.network
	if w.Network == "" {
		w.Network = entryNetwork(t, td, ev)
	}
	if m, ok := x.money(t, t.at(td, "AmtDtls", "InstdAmt", "Amt"), "AmtDtls/InstdAmt/Amt", optional); ok {
		w.InstructedAmount = &m
	}
	if w.FXRate = t.str(td, "AmtDtls", "InstdAmt", "CcyXchg", "XchgRate"); w.FXRate == "" {
		w.FXRate = t.str(td, "AmtDtls", "TxAmt", "CcyXchg", "XchgRate")
	}
	w.Charges = x.entryCharges(t, t.child(td, "Chrgs"))
	w.LocalInstrument = localInstrument(t, t.child(td, "LclInstrm"))

	rp, ra := t.child(td, "RltdPties"), t.child(td, "RltdAgts")
	w.Debtor = partyOf(t, t.child(rp, "Dbtr"), t.child(rp, "DbtrAcct"), t.child(ra, "DbtrAgt"))
	w.Creditor = partyOf(t, t.child(rp, "Cdtr"), t.child(rp, "CdtrAcct"), t.child(ra, "CdtrAgt"))
	w.Intermediaries = intermediaries(t, ra)
	// The statement's account is the company's side when the entry does
	// not name it.
	own := &w.Creditor
	if ev.Direction == payment.Debit {
		own = &w.Debtor
	}
	if own.Name == "" && own.Account == "" {
		*own = d.account
	}
	w.Remittance = remittance(t, t.child(td, "RmtInf"))
	w.BankInfo = join("; ", t.str(td, "AddtlTxInf"), t.str(ntry, "AddtlNtryInf"))

	setCustomer(ev)
	x.deliver(ev)
}

// entryRef names an entry in problems.
func entryRef(ev *payment.Event, ntryRef string) string {
	switch {
	case ntryRef != "":
		return "NtryRef " + ntryRef
	case ev.Refs.EndToEndID != "":
		return "EndToEndId " + ev.Refs.EndToEndID
	case ev.Refs.OriginalEndToEndID != "":
		return "EndToEndId " + ev.Refs.OriginalEndToEndID
	case ev.Refs.TransactionID != "":
		return "AcctSvcrRef " + ev.Refs.TransactionID
	}
	return ""
}

// entryNetwork tells the network of a statement entry: Fedwire when its
// references hold an IMAD or OMAD or its bank transaction code says so,
// CHIPS when the code says so, otherwise a book entry.
func entryNetwork(t *tree, td int32, ev *payment.Event) string {
	if ev.Refs.IMAD != "" || ev.Refs.OMAD != "" || isIMAD(ev.Refs.OriginalIMAD) {
		return networkFedwire
	}
	for _, n := range [...]int32{t.child(0, "BkTxCd"), t.child(td, "BkTxCd")} {
		p := t.child(n, "Prtry")
		for _, s := range [...]string{t.str(p, "Cd"), t.str(p, "Issr")} {
			u := strings.ToUpper(s)
			switch {
			case strings.Contains(u, "FDW") || strings.Contains(u, "FEDWIRE"):
				return networkFedwire
			case u == "CHP" || strings.Contains(u, "CHIPS"):
				return networkCHIPS
			}
		}
	}
	return networkBook
}

// entryCharges reads a transaction's Chrgs: each Rcrd/Amt (since
// camt.05x.001.04) or the older Chrgs/Amt.
func (x *txn) entryCharges(t *tree, n int32) []payment.Money {
	if n < 0 {
		return nil
	}
	var out []payment.Money
	for r := t.child(n, "Rcrd"); r >= 0; r = t.nextNamed(r, "Rcrd") {
		if m, ok := x.money(t, t.child(r, "Amt"), "Chrgs/Rcrd/Amt", optional); ok {
			out = append(out, m)
		}
	}
	if a := t.child(n, "Amt"); a >= 0 && out == nil {
		if m, ok := x.money(t, a, "Chrgs/Amt", optional); ok {
			out = append(out, m)
		}
	}
	return out
}

// firstDate returns the first date that is known.
func firstDate(dates ...payment.Date) payment.Date {
	for _, d := range dates {
		if !d.IsZero() {
			return d
		}
	}
	return payment.Date{}
}

// emptyBlock warns of a statement, report or notification without
// entries: a message read that gives no event.
func (rd *reader) emptyBlock(n int32) {
	h := &rd.head
	what := map[string]string{"Stmt": "statement", "Rpt": "report", "Ntfctn": "notification"}[h.name(n)]
	rd.warning(h.line(n, rd.doc.line), "%s %s %s for account %s holds no entries", rd.doc.format, what,
		quoteID(h.str(n, "Id")), orNone(accountOf(h, h.child(n, "Acct"))))
}

func orNone(s string) string {
	if s == "" {
		return "(none given)"
	}
	return s
}

// setCycle sets the Fedwire cycle date from a Fedwire message's own id
// when it has the form of an IMAD (the Fed's pacs.002 and the camt.056 and
// camt.029 a bank sends through it).
func setCycle(ev *payment.Event, d *document) {
	if ev.Wire.Network != networkFedwire || !looksLikeIMAD(d.msgID) {
		return
	}
	if v, ok := parseDate([]byte(d.msgID[0:4] + "-" + d.msgID[4:6] + "-" + d.msgID[6:8])); ok && isIMAD(d.msgID) {
		ev.Wire.CycleDate = v
	}
}

// businessDate is the date an answer or status belongs to: its settlement
// date, else the day it was accepted, else the day it was created.
func (rd *reader) businessDate(ev *payment.Event) payment.Date {
	if !ev.SettlementDate.IsZero() {
		return ev.SettlementDate
	}
	for _, s := range [...]string{ev.Wire.AcceptedAt, ev.Wire.CreatedAt} {
		if s == "" {
			continue
		}
		if v, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return payment.DateOf(v)
		}
	}
	return payment.Date{}
}
