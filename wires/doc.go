// Package wires reads wire messages into payment events, whatever their
// format: Fedwire's legacy FAIM tag format (package fedwire), ISO 20022
// messages — Fedwire since 2025-07-14, CBPR+ and bank statements —
// (package iso20022) and SWIFT MT (package swiftmt). Read tells the format
// from the content and hands the file to its reader; package reason holds
// the reason codes the messages carry.
//
// Every event is on payment.RailWire, from the company's side: a wire the
// company's bank received is a credit (a deposit, or a withdrawal coming
// back), one it sent a debit. Readers tell which from the message itself
// (the Fed's envelope, the MT block 2 direction, a statement's credit or
// debit mark); Options.Ours, the company's own account numbers, routing
// numbers and BICs, settles it from the parties where the message does
// not say.
package wires
