package iso20022

import (
	"strings"

	"github.com/payinv/payinv/payment"
)

// creditTransfer reads a pacs.008 or pacs.009 CdtTrfTxInf: one payment.
func (rd *reader) creditTransfer() {
	t, h := &rd.tx, &rd.head
	d := &rd.doc
	x := rd.newTxn(t, 0)
	ev := rd.newEvent(payment.KindPayment, x.line)
	w := ev.Wire
	grp := h.child(h.nodes[0].first, "GrpHdr")

	pmt := t.child(0, "PmtId")
	ev.Refs.InstructionID = t.str(pmt, "InstrId")
	ev.Refs.EndToEndID = reference(t.str(pmt, "EndToEndId"))
	ev.Refs.TransactionID = t.str(pmt, "TxId")
	ev.Refs.UETR = strings.ToLower(t.str(pmt, "UETR"))
	ev.Refs.MessageID = d.msgID
	setIMAD(ev, d.msgID)
	x.id = transferRef(ev)

	if m, ok := x.money(t, t.child(0, "IntrBkSttlmAmt"), "IntrBkSttlmAmt", required); ok {
		ev.Amount, ev.Currency = m.Amount, m.Currency
	}
	if dt := t.child(0, "IntrBkSttlmDt"); dt >= 0 {
		ev.SettlementDate = x.date(t, dt, "IntrBkSttlmDt", required)
	} else {
		ev.SettlementDate = x.date(h, h.child(grp, "IntrBkSttlmDt"), "IntrBkSttlmDt", expected)
	}
	ev.EffectiveDate = ev.SettlementDate
	if m, ok := x.money(t, t.child(0, "InstdAmt"), "InstdAmt", optional); ok {
		w.InstructedAmount = &m
	}
	w.ChargeBearer = t.str(0, "ChrgBr")
	w.Charges = x.charges(t, 0)
	w.FXRate = t.str(0, "XchgRate")
	w.LocalInstrument = localInstrument(t, t.at(0, "PmtTpInf", "LclInstrm"))
	if w.LocalInstrument == "" {
		w.LocalInstrument = localInstrument(h, h.at(grp, "PmtTpInf", "LclInstrm"))
	}

	w.Debtor = partyIn(t, 0, "Dbtr")
	w.Creditor = partyIn(t, 0, "Cdtr")
	w.Intermediaries = intermediaries(t, 0)
	w.Remittance = remittance(t, t.child(0, "RmtInf"))
	w.BankInfo = instructions(t, 0)

	ev.Direction = payment.WireDirection(ev.Kind, w.Inbound)
	setCustomer(ev)
	// A cover payment (pacs.009 COV) carries the customers it pays for.
	if u := t.child(0, "UndrlygCstmrCdtTrf"); u >= 0 {
		if ev.Direction == payment.Credit {
			ev.Party = customerOf(partyIn(t, u, "Dbtr"))
		} else {
			ev.Party = customerOf(partyIn(t, u, "Cdtr"))
		}
		if w.Remittance == "" {
			w.Remittance = remittance(t, t.child(u, "RmtInf"))
		}
	}
	x.deliver(ev)
}

// transferRef names a payment in problems.
func transferRef(ev *payment.Event) string {
	switch {
	case ev.Refs.EndToEndID != "":
		return "EndToEndId " + ev.Refs.EndToEndID
	case ev.Refs.InstructionID != "":
		return "InstrId " + ev.Refs.InstructionID
	case ev.Refs.UETR != "":
		return "UETR " + ev.Refs.UETR
	}
	return ""
}

// localInstrument reads LclInstrm: its proprietary value (Fedwire's CTRC,
// BTRC …) or its ISO code.
func localInstrument(t *tree, n int32) string {
	if s := t.str(n, "Prtry"); s != "" {
		return s
	}
	return t.str(n, "Cd")
}

// charges reads the ChrgsInf of a transaction: the fees taken on the way.
// One that cannot be read is a warning.
func (x *txn) charges(t *tree, n int32) []payment.Money {
	var out []payment.Money
	for c := t.child(n, "ChrgsInf"); c >= 0; c = t.nextNamed(c, "ChrgsInf") {
		if m, ok := x.money(t, t.child(c, "Amt"), "ChrgsInf/Amt", optional); ok {
			out = append(out, m)
		}
	}
	return out
}
