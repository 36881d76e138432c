// Package settlement answers "which days do US payment rails move money
// on?" and the deadlines that follow from it.
//
// The banking-day calendar is the Federal Reserve's: weekends and Federal
// Reserve holidays are closed; a holiday on a Sunday closes the Monday
// after, a holiday on a Saturday leaves the Friday before open. The holiday
// rules come from github.com/moov-io/base (built on rickar/cal), whose
// banking-day logic matches the Federal Reserve's published schedule; this
// package never keeps a holiday list of its own. Instants are turned into
// days in America/New_York, where the US rails run.
package settlement
