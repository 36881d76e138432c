// Package fedwire reads Fedwire Funds Service messages in the legacy FAIM
// tag format ({1500}{1510}...), the format of Fedwire before its move to
// ISO 20022 on 2025-07-14 and of many archives and bank exports since, and
// decodes the Fedwire identifiers both formats share: the IMAD and OMAD.
package fedwire
