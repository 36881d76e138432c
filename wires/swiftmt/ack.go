package swiftmt

import (
	"strings"

	"github.com/payinv/payinv/payment"
)

// service is an ACK or NAK service message (block 1 F21, block 4
// {177:YYMMDDHHMM}{451:0|1}{405:error}{108:MUR}): SWIFT's answer to a
// message the company's bank sent. Exports of sent messages (prowide's
// RJE files, Alliance Access) put it just before or after the message it
// answers.
type service struct {
	line    int // of its {1:
	num     int // its number in the file
	nak     bool
	code    string // {405:} of a NAK: error code, and the line it was found on
	sessISN string // the session and ISN of the message answered
	mur     string
	when    string // {177:} as found
	date    payment.Date
}

// msgID is how a service message names the message it answers.
type msgID struct{ sessISN, mur string }

// names reports whether s answers the message id.
func (s *service) names(id msgID) bool {
	return s.sessISN != "" && s.sessISN == id.sessISN || s.mur != "" && s.mur == id.mur
}

// anonymous reports whether s names no message: it answers the one next
// to it.
func (s *service) anonymous() bool { return s.sessISN == "" && s.mur == "" }

// idOf returns how service messages name the message of header h. A
// session and ISN of zeros (common in test files) names nothing.
func idOf(h *header) msgID {
	id := msgID{sessISN: h.sessISN, mur: h.mur}
	if strings.Trim(id.sessISN, "0") == "" {
		id.sessISN = ""
	}
	return id
}

// parseService reads an ACK or NAK; ok is false when block 4 holds no
// {451:} acknowledgement.
func parseService(m *rawMessage, h *header) (s *service, ok bool) {
	id := idOf(h)
	s = &service{line: m.line, num: m.num, sessISN: id.sessISN, mur: id.mur}
	found := false
	parseSubBlocks(m.content(m.block("4")), func(tag, value string) {
		value = strings.TrimSpace(value)
		switch tag {
		case "451":
			found = true
			s.nak = value != "0"
		case "405":
			s.code = value
		case "108":
			s.mur = value
		case "177":
			s.when = value
			if len(value) >= 6 {
				s.date, _ = parseDate6(value[:6])
			}
		}
	})
	return s, found
}

// applyTo marks the event of the message s answers: "ACK" (unless the
// message has a status word of its own), or "NAK".
func (s *service) applyTo(ev *payment.Event) {
	if ev == nil || ev.Wire == nil {
		return
	}
	if s.nak {
		ev.Wire.Status = "NAK"
	} else if ev.Wire.Status == "" {
		ev.Wire.Status = "ACK"
	}
}

// nakEvent is the rejection a NAK gives: SWIFT refused the message the
// company's bank sent (of, when it is in the file), so it went nowhere.
func (rd *reader) nakEvent(s *service, of *payment.Event) *payment.Event {
	ev, w := newEvent()
	ev.Rail = payment.RailWire
	ev.Format = FormatNAK
	ev.Kind = payment.KindRejection
	ev.Direction = payment.WireDirection(payment.KindRejection, true)
	ev.Source = payment.Source{File: rd.name, Line: s.line}
	ev.EffectiveDate = s.date
	w.Network = Network
	w.MessageType = "NAK"
	w.Inbound = true
	w.Status = "NAK"
	w.ReasonText = s.code
	if s.code == "" {
		w.ReasonText = "no error code given"
	}
	if of == nil {
		w.OriginalMessageID = s.mur
		w.BankInfo = "NAK of a message not in the file"
		if s.sessISN != "" {
			w.BankInfo += " (session " + s.sessISN[:4] + ", ISN " + s.sessISN[4:] + ")"
		}
		return ev
	}
	ow := of.Wire
	ev.Amount, ev.Currency = of.Amount, of.Currency
	ev.Party = of.Party
	ev.Refs.OriginalUETR = of.Refs.UETR
	ev.Refs.OriginalSenderReference = of.Refs.SenderReference
	w.Test = ow.Test
	w.Debtor, w.Creditor = ow.Debtor, ow.Creditor
	w.OriginalMessageType = ow.MessageType
	w.OriginalMessageID = s.mur
	w.OriginalSettlement = of.SettlementDate
	if !of.Amount.IsZero() {
		w.OriginalAmount = &payment.Money{Amount: of.Amount, Currency: of.Currency}
	}
	return ev
}
