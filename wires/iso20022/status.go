package iso20022

import (
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

// statusReport reads a pacs.002 TxInfAndSts (t is the transaction's tree,
// n its root), or, for a report without one, the group status (t is the
// head, n the message element): a rejection when the status is RJCT, a
// status event otherwise.
func (rd *reader) statusReport(t *tree, n int32) {
	h := &rd.head
	d := &rd.doc
	root := h.nodes[0].first
	grp := h.child(root, "GrpHdr")
	grpSts := h.child(root, "OrgnlGrpInfAndSts")
	group := t == h
	if group {
		n = grpSts
	}
	x := rd.newTxn(t, n)
	if n < 0 {
		x.line = d.line
	}
	status := t.str(n, "TxSts")
	if group || status == "" {
		status = h.str(grpSts, "GrpSts")
	}
	kind := payment.KindStatus
	if status == "RJCT" {
		kind = payment.KindRejection
	}
	ev := rd.newEvent(kind, x.line)
	w := ev.Wire
	w.Status = status
	ev.Refs.MessageID = d.msgID
	setCycle(ev, d)

	if og := t.child(n, "OrgnlGrpInf"); !group && og >= 0 {
		setOriginalGroup(ev, t, og)
	} else {
		setOriginalGroup(ev, h, grpSts)
	}
	if !group {
		setOriginals(ev, t, n)
	}
	x.id = originalRef(ev)

	// The Fed's own error codes are proprietary; other senders' are ISO.
	instg := agentOf(t, t.child(n, "InstgAgt"))
	if instg.ID == "" {
		instg = agentOf(h, h.child(grp, "InstgAgt"))
	}
	fromFed := instg.ID == fedABA || (d.hasBAH && d.bah.from == fedABA)
	if fromFed {
		w.Inbound = true
		if w.Network == "" {
			w.Network = networkFedwire
		}
	}
	cd, prtry, text := reasonInfo(t, n, "StsRsnInf")
	if !group && cd == "" && prtry == "" && text == "" {
		cd, prtry, text = reasonInfo(h, grpSts, "StsRsnInf")
	}
	prtryScheme := reason.SchemeStatus
	if fromFed {
		prtryScheme = reason.SchemeFedwire
	}
	setReason(ev, cd, prtry, text, reason.SchemeStatus, prtryScheme)

	w.AcceptedAt = x.dateTime(t, t.child(n, "AccptncDtTm"), "AccptncDtTm")
	ev.SettlementDate = x.dateChoice(t, t.child(n, "FctvIntrBkSttlmDt"), "FctvIntrBkSttlmDt", strict)

	otr := t.child(n, "OrgnlTxRef")
	if m, ok := x.money(t, t.child(otr, "IntrBkSttlmAmt"), "OrgnlTxRef/IntrBkSttlmAmt", strict); ok {
		ev.Amount, ev.Currency = m.Amount, m.Currency
		w.OriginalAmount = &m
	}
	w.OriginalSettlement = x.date(t, t.child(otr, "IntrBkSttlmDt"), "OrgnlTxRef/IntrBkSttlmDt", optional)
	w.LocalInstrument = localInstrument(t, t.at(otr, "PmtTpInf", "LclInstrm"))
	w.Debtor = partyIn(t, otr, "Dbtr")
	w.Creditor = partyIn(t, otr, "Cdtr")

	ev.EffectiveDate = rd.businessDate(ev)
	ev.Direction = payment.WireDirection(ev.Kind, w.Inbound)
	setCustomer(ev)
	x.deliver(ev)
}
