package ach

import "github.com/payinv/payinv/payment"

// TransactionCode describes what an entry's two-digit transaction code
// means: the account type, debit or credit, and whether it is a live
// entry, a prenote, a zero-dollar remittance or a return/NOC.
type TransactionCode struct {
	Code        int
	AccountType string // checking, savings, general_ledger, loan, accounting
	// Debit is true when the entry debits the Receiver's account (for a
	// return or NOC code: when the original entry was a debit).
	Debit   bool
	Purpose string // live, prenote, zero_dollar, return_or_noc, advice
}

// Description is a short label such as "checking debit" or
// "savings credit prenote".
func (t TransactionCode) Description() string {
	side := "credit"
	if t.Debit {
		side = "debit"
	}
	acct := t.AccountType
	if acct == "general_ledger" {
		acct = "general ledger"
	}
	switch t.Purpose {
	case "prenote":
		return acct + " " + side + " prenote"
	case "zero_dollar":
		return acct + " zero-dollar " + side
	case "return_or_noc":
		return acct + " " + side + " return/NOC"
	case "advice":
		return "accounting advice " + side
	}
	return acct + " " + side
}

// LookupTransactionCode returns the meaning of a transaction code; ok is
// false for codes the rules do not define.
func LookupTransactionCode(code int) (TransactionCode, bool) {
	if code >= 81 && code <= 88 {
		// ADV accounting records: odd codes credit, even codes debit.
		return TransactionCode{Code: code, AccountType: "accounting", Debit: code%2 == 0, Purpose: "advice"}, true
	}
	var acct string
	switch code / 10 {
	case 2:
		acct = "checking"
	case 3:
		acct = "savings"
	case 4:
		acct = "general_ledger"
	case 5:
		acct = "loan"
	default:
		return TransactionCode{}, false
	}
	t := TransactionCode{Code: code, AccountType: acct}
	switch code % 10 {
	case 1:
		t.Purpose = "return_or_noc"
	case 2:
		t.Purpose = "live"
	case 3:
		t.Purpose = "prenote"
	case 4:
		t.Purpose = "zero_dollar"
	case 5:
		if acct != "loan" {
			return TransactionCode{}, false
		}
		t.Debit, t.Purpose = true, "live" // loan debit: reversals only
	case 6:
		t.Debit, t.Purpose = true, "return_or_noc"
	case 7:
		if acct == "loan" {
			return TransactionCode{}, false
		}
		t.Debit, t.Purpose = true, "live"
	case 8:
		if acct == "loan" {
			return TransactionCode{}, false
		}
		t.Debit, t.Purpose = true, "prenote"
	case 9:
		if acct == "loan" {
			return TransactionCode{}, false
		}
		t.Debit, t.Purpose = true, "zero_dollar"
	default:
		return TransactionCode{}, false
	}
	return t, true
}

// companyDirection is the effect of an entry on the company's own account,
// reading the file as the Originator's: a debit to the Receiver moves money
// to the company (credit), a credit to the Receiver moves it out (debit);
// a return moves the money back the other way.
func (t TransactionCode) companyDirection(kind payment.Kind) payment.Direction {
	toCompany := t.Debit
	switch kind {
	case payment.KindNOC, payment.KindRefusedNOC:
		return ""
	case payment.KindReturn, payment.KindContestedDishonoredReturn:
		toCompany = !toCompany
	}
	if t.Purpose == "advice" {
		// Accounting advice is told from the financial institution's side.
		toCompany = !t.Debit
	}
	if toCompany {
		return payment.Credit
	}
	return payment.Debit
}
