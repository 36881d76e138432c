// Package iso20022 reads ISO 20022 wire messages into payment events: the
// Fedwire Funds Service's messages since 2025-07-14 (a head.001 business
// application header followed by its Document), SWIFT CBPR+ messages in
// their envelope, and banks' account reports, statements and notifications
// (camt.052, camt.053, camt.054).
//
// Messages are read by local element name with encoding/xml's token
// reader, so every version of a message (pacs.008.001.08 or .12,
// camt.053.001.02 to .13 …) and any namespace prefix reads the same; the
// message type and version come from the Document's namespace. A file may
// hold a bare Document, an AppHdr and its Document side by side, either of
// them inside any wrapper element, and many messages one after another.
// Each transaction (CdtTrfTxInf, TxInf, TxInfAndSts, Ntry) is decoded on
// its own, so statements of any length are read in bounded memory.
package iso20022
