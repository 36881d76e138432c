// Package swiftmt reads SWIFT MT (FIN) messages into payment events:
// customer and bank transfers (MT103, MT202, MT202COV), their returns and
// rejections under the SWIFT Payments Reject/Return Guidelines, gpi status
// confirmations and free-format messages (MT199, MT299), and the debit
// and credit confirmations of the company's account (MT900, MT910).
//
// The parser is the package's own. A file holds any number of messages
// of blocks {1:}{2:}{3:}{4:...-}{5:}, one after another or separated by
// blank lines or the "$" of RJE files, with CRLF or LF line ends; ACK and
// NAK service messages ({1:F21...}{4:{177:...}{451:0|1}}) may stand next
// to the message they answer.
//
// How a message becomes an event:
//
//   - Block 2 tells the direction of travel: an input message (I) was sent
//     by the company's bank (Wire.Inbound false), an output message (O)
//     received by it. The direction of the company's account follows from
//     the kind (payment.WireDirection), except for MT900 (a debit) and
//     MT910 (a credit), which say so themselves.
//   - Block 3's {121:} is the UETR (lower case): Refs.UETR of a payment,
//     return or rejection (MT103, MT202, MT202COV); Refs.OriginalUETR of
//     any other message (a status, a confirmation, a cancellation request),
//     which is about a payment. {TNG:} in block 5 marks a test (Wire.Test).
//   - :20: is Refs.SenderReference and Refs.MessageID; :21: is
//     Wire.RelatedReference, and for answers (returns, rejections, status
//     messages, confirmations, covers) Refs.OriginalSenderReference.
//   - :32A: gives Amount, Currency, SettlementDate and EffectiveDate;
//     :33B: Wire.InstructedAmount; :36: Wire.FXRate (with a decimal
//     point); :71A: Wire.ChargeBearer; :71F: and :71G: Wire.Charges; :70:
//     Wire.Remittance; :23E:, :72: and :79: Wire.BankInfo.
//   - :50a: is the debtor, :59a: the creditor (name, account line); :52a:
//     the debtor's bank (the sender when absent), :57a: the creditor's
//     bank (the receiver when absent), :53a:/:54a:/:56a: the banks between.
//     An MT202's :58a: is the creditor's bank; an MT202COV takes the
//     customers, :33B: and :70: from its sequence B. A bank's ID is its
//     Fedwire routing number when a "//FW" line gives one, else its BIC.
//   - Party is the customer: the creditor of a message sent, the debtor of
//     one received; Party.Routing is set only from a routing number (nine
//     digits), never from a BIC.
//   - :72: beginning /RETN/ makes an MT103/202 a return (reason under
//     reason.SchemeReturn), /REJT/ a rejection (reason.SchemeStatus); /MREF/
//     (else :21:) is the original sender's reference, /TREF/ the original
//     end-to-end id, /TEXT//UETR/ the original UETR, /CHGS/ charges.
//   - An MT199/299 is a status: a gpi status (block 3 {111:001} or :79:
//     starting //YYMMDDHHMM) gives Wire.Status (ACSP, ACCC, RJCT …) and its
//     reason (reason.SchemeGPI for G000–G006), RJCT a rejection; /REJT/ in
//     :79: is a rejection; free text is a status whose reason, if the text
//     states one, is inferred (Wire.ReasonInferred).
//   - Other message types give a status event with what they carry.
//
// Times in block 2 are the sender's and receiver's local times without a
// zone; they give no instants. Wire.CreatedAt is the time of a gpi status
// and Wire.AcceptedAt the booking time (:13D:) of a confirmation, both
// with their offsets.
package swiftmt
