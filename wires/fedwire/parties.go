package fedwire

import (
	"strings"

	"github.com/moov-io/wire"

	"github.com/payinv/payinv/payment"
)

// agent is a bank of the message with what is known of its ABA.
type agent struct {
	payment.WireAgent
	aba string // its routing number, when the message gives it
}

// fromDI is the sender's or receiver's bank: always an ABA.
func fromDI(aba, name string) agent {
	return agent{WireAgent: payment.WireAgent{ID: aba, Name: name}, aba: aba}
}

// fromFI is a bank of {4000}, {4100}, {5100} or {5200}: its identifier is an
// ABA when its code is F (Fed routing number); a BIC (B), CHIPS id (C, U)
// or account (D) otherwise.
func fromFI(fi wire.FinancialInstitution) agent {
	a := agent{WireAgent: payment.WireAgent{ID: fi.Identifier, Name: fi.Name}}
	if fi.IdentificationCode == "F" {
		a.aba = fi.Identifier
	}
	return a
}

func (a agent) empty() bool { return a.ID == "" && a.Name == "" }

// same reports whether a and b name the same bank.
func (a agent) same(b agent) bool {
	if a.ID != "" || b.ID != "" {
		return a.ID == b.ID
	}
	return a.Name == b.Name
}

// parties sets the debtor and creditor with their banks, the banks in
// between, and the event's Party: the customer side, the beneficiary of a
// message the company's bank sent and the originator of one it received,
// with the routing number of their bank.
//
// The chain of banks is: originator's bank {5100}, instructing bank
// {5200}, sender {3100}, (the Fed), receiver {3400}, intermediary {4000},
// beneficiary's bank {4100}. The debtor's bank is {5100}, or the sender
// when there is none; the creditor's bank {4100}, or the receiver. The
// others, when they are other banks, are the intermediaries, in order.
func parties(fw *wire.FEDWireMessage, ev *payment.Event) {
	wd := ev.Wire
	var sender, receiver, debtorBank, creditorBank, instructing, intermediary agent
	if t := fw.SenderDepositoryInstitution; t != nil {
		sender = fromDI(t.SenderABANumber, t.SenderShortName)
	}
	if t := fw.ReceiverDepositoryInstitution; t != nil {
		receiver = fromDI(t.ReceiverABANumber, t.ReceiverShortName)
	}
	debtorBank, creditorBank = sender, receiver
	if t := fw.OriginatorFI; t != nil {
		debtorBank = fromFI(t.FinancialInstitution)
	}
	if t := fw.BeneficiaryFI; t != nil {
		creditorBank = fromFI(t.FinancialInstitution)
	}
	if t := fw.InstructingFI; t != nil {
		instructing = fromFI(t.FinancialInstitution)
	}
	if t := fw.BeneficiaryIntermediaryFI; t != nil {
		intermediary = fromFI(t.FinancialInstitution)
	}

	wd.Debtor.Agent = debtorBank.WireAgent
	wd.Creditor.Agent = creditorBank.WireAgent
	if t := fw.Originator; t != nil {
		wd.Debtor.Name, wd.Debtor.Account = t.Personal.Name, t.Personal.Identifier
	} else if t := fw.OriginatorOptionF; t != nil {
		wd.Debtor.Name = lineValue(t.Name)
		if acct, ok := strings.CutPrefix(t.PartyIdentifier, "/"); ok {
			wd.Debtor.Account = acct
		}
	}
	if t := fw.Beneficiary; t != nil {
		wd.Creditor.Name, wd.Creditor.Account = t.Personal.Name, t.Personal.Identifier
	}

	last := debtorBank
	for _, a := range []agent{instructing, sender, receiver, intermediary} {
		if a.empty() || a.same(last) || a.same(debtorBank) || a.same(creditorBank) {
			continue
		}
		wd.Intermediaries = append(wd.Intermediaries, a.WireAgent)
		last = a
	}

	party, bank := &wd.Creditor, creditorBank
	if wd.Inbound {
		party, bank = &wd.Debtor, debtorBank
	}
	ev.Party = payment.Party{Name: party.Name, Account: party.Account, Routing: bank.aba}
	if ev.Party.Name == "" && ev.Party.Account == "" && bankFunction(wd.BusinessFunction) {
		// A transfer between banks: the other bank is the customer side.
		ev.Party.Name = bank.Name
	}
}

// bankFunction reports whether a business function is a transfer between
// banks (for a bank's own account): bank transfer, check same-day
// settlement, deposit to the sender's account, bank drawdown request, Fed
// funds returned or sold.
func bankFunction(bfc string) bool {
	switch bfc {
	case "BTR", "CKS", "DEP", "DRB", "FFR", "FFS":
		return true
	}
	return false
}

// lineValue strips the line code of an option F line, "1/SMITH JOHN".
func lineValue(s string) string {
	if len(s) > 2 && s[1] == '/' && s[0] >= '0' && s[0] <= '9' {
		return s[2:]
	}
	return s
}
