// Package rates computes the rates the payment networks watch a company
// by, over a window of days ending on an as-of date:
//
//   - ACH (Nacha Risk Management rule, /work/shared/reference/ach-rules-and-timing.md
//     §1.1): the unauthorized return rate (R05, R07, R10, R11, R29, R51;
//     threshold 0.5 %), the administrative return rate (R02, R03, R04; 3 %)
//     and the overall return rate (every return of a debit, RCK entries
//     excluded; 15 %), each over the forward debit entries the company
//     originated in the window;
//   - cards: the decline rate (declines over declines and approved
//     attempts) by response code, and the chargeback rate (chargebacks over
//     captures) by dispute reason.
//
// Rates are counts over counts, shown as decimal percentages rounded half
// up to two places; amounts are summed as decimals per currency. No
// floating point is used anywhere.
//
// # How the window is counted
//
// The window is the Days calendar days ending on the as-of date, both
// included (60 days by default, the "preceding 60 days" of the rule).
// Events are placed by their settlement date, or their effective date when
// they have none.
//
// Returns are counted by their own date, not by the date of the entry they
// return. That is Nacha's method as the reference gives it: the returns
// received in the period over the debit entries originated in the same
// period; the ODFI does not re-attribute a return to its original's month.
// So a return may count in the window although its original was settled
// before it (an R10 can come 60 days later), and the original need not be
// among the inputs at all. A cohort view (the returns of this window's
// debits, whenever they came) is not what the rule measures and is not
// computed.
//
// Every input is counted once even when it is read twice (the same file
// given twice, a file already in the history store, or a card payment
// that two exports of the same processor both list): ACH entries are told
// apart by their trace numbers, card events by processor and payment id.
package rates
