// Package ach reads NACHA (ACH) files and turns their entries into
// payment events: forward entries, returns, dishonored and contested
// dishonored returns, notifications of change (and refused ones) and
// reversals, of every SEC code github.com/moov-io/ach knows, IAT and ADV
// included.
//
// Reading streams: a Reader hands out one record at a time and holds only
// the entry it is completing, so files of any size read in constant memory.
// Each record is decoded with moov-io/ach's record types; the structure
// (which record may follow which), the totals and the fields moov-io/ach
// would silently blank are checked here, leniently: a problem is reported
// with its file and line and reading goes on, so that no entry is ever
// dropped without a word.
//
// The package also holds the catalog of Nacha return and change codes
// (catalog*.go) and the return, dishonor and correction deadlines that
// follow from them (timing.go).
package ach
