// Package payment is the normalized model that every rail reader produces:
// one Event per record of a NACHA file, processor export or wire message,
// with its amount as a decimal, its references, the party it concerns, the
// reason code it carries and the place in the source it came from.
//
// The package does no I/O. Its JSON field names are a contract with the
// scheduled jobs that read payinv's output: fields may be added, never
// renamed.
package payment
