// Package records reads the company's own deposit and withdrawal records —
// what the company believes happened — from CSV or JSON Lines exports, so
// that they can be matched against the evidence from the rails.
//
// The default layout has the columns id, customer_id, type (deposit or
// withdrawal), rail (ach, card, apple_pay, wire), amount, currency,
// created_at, status, reference, account_last4 and name. Any other layout
// is described by a mapping file (YAML or TOML): column names, date
// formats, sign conventions and value vocabularies.
//
// Reading streams and is lenient: a row that cannot be read (an amount that
// is not a number, a date in no known format, an unknown type) is reported
// with its line and skipped, and the rest of the file is still read.
package records

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// Type is which way a record moves the customer's money.
type Type string

// Record types.
const (
	Deposit    Type = "deposit"    // money in: the company is credited
	Withdrawal Type = "withdrawal" // money out: the company is debited
)

// Rails a record can name. Apple Pay is a card rail with a wallet.
const (
	RailACH      = "ach"
	RailCard     = "card"
	RailApplePay = "apple_pay"
	RailWire     = "wire"
)

// Statuses a record can carry, after the mapping's vocabulary is applied.
// Unknown statuses are kept as written, lower-cased.
const (
	StatusPending     = "pending"
	StatusCompleted   = "completed"
	StatusFailed      = "failed"
	StatusReturned    = "returned"
	StatusReversed    = "reversed"
	StatusRefunded    = "refunded"
	StatusChargedBack = "charged_back"
	StatusCancelled   = "cancelled"
)

// Record is one deposit or withdrawal as the company recorded it.
type Record struct {
	ID         string
	CustomerID string
	Type       Type
	Rail       string
	// Amount is positive; Type says the direction.
	Amount    decimal.Decimal
	Currency  string
	CreatedAt time.Time
	Status    string
	// Reference is what the company sent with the payment: the ACH
	// individual ID, a processor payment id, a wire end-to-end id ...
	Reference    string
	AccountLast4 string
	Name         string
	Source       payment.Source
}

// Direction is the record's effect on the company's account, in the
// vocabulary of payment.Event: deposits are credits, withdrawals debits.
func (r *Record) Direction() payment.Direction {
	if r.Type == Withdrawal {
		return payment.Debit
	}
	return payment.Credit
}
