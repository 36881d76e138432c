// Package fedwire reads Fedwire Funds Service messages in the legacy FAIM
// tag format ({1500}{1510}...), the format of Fedwire before its move to
// ISO 20022 on 2025-07-14 and of many archives and bank exports since, and
// decodes the Fedwire identifiers both formats share: the IMAD and OMAD.
//
// Read streams the messages of a file as payment events: one event per
// message, with the Fed's disposition ({1100}: accepted, rejected,
// received), the IMAD and OMAD, the parties and their banks, and the kind
// the message has in a payment's life — a payment, a reversal (subtypes 02
// and 08), a request for reversal (01, 07: a recall), a drawdown request,
// refusal or service message (a status), a rejection by the Fed, or a
// return sent as a new transfer whose free text says so (FAIM has no
// return message and no reason codes; the reason is read from the text
// with reason.Infer). moov-io/wire reads each message's tags; payinv cuts
// the file into messages and reads by their layout the tags moov cannot
// (fixed-width exports). Sniff tells FAIM from other content.
//
// Files, in order of reading: scan.go cuts the input into tags, split.go
// gathers tags into messages, parse.go and tags.go read a message's tags
// (layout.go when moov-io/wire cannot), event.go, kind.go, parties.go,
// narrative.go and amount.go make the event.
package fedwire
