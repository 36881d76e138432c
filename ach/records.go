package ach

import (
	moov "github.com/moov-io/ach"

	"github.com/payinv/payinv/payment"
)

// Record is one item a Reader hands out: *FileHeader, *BatchHeader,
// *Entry, *BatchControl or *FileControl.
type Record interface {
	// Where returns the file and line the record was read from.
	Where() payment.Source
}

// FileHeader is a file header record ("1").
type FileHeader struct {
	*moov.FileHeader
	CreationDate payment.Date // zero when the field is not a valid date
	Source       payment.Source
	// Missing is true when the file had no header record; the reader made
	// this one up so that every batch belongs to a file.
	Missing bool
}

// Where returns the header's position.
func (h *FileHeader) Where() payment.Source { return h.Source }

// BatchHeader is a batch header record ("5"), domestic or IAT, with the
// fields both kinds share brought to one place.
type BatchHeader struct {
	ServiceClassCode         int
	CompanyName              string // IAT batches have none
	CompanyDiscretionaryData string
	CompanyID                string // IAT: the originator identification
	SECCode                  string
	EntryDescription         string
	DescriptiveDate          string
	// EffectiveDate is the effective entry date; zero when blank or invalid.
	EffectiveDate payment.Date
	// SettlementDate is the date the ACH Operator settled the batch, from
	// the Julian day in positions 76–78; zero when the batch carries none
	// (files the company originates) — see ExpectedSettlement.
	SettlementDate payment.Date
	// ExpectedSettlement is SettlementDate when known, otherwise the date
	// the batch settles by the effective date and the banking calendar.
	ExpectedSettlement payment.Date
	ODFI               string
	Number             int
	// forward holds the return and reversal windows of the batch's forward
	// entries, worked out once for all of them.
	forward payment.Timing
	// SameDay is true for a batch sent for same-day settlement: a company
	// descriptive date of "SDhhmm", or an effective date equal to the file's
	// creation date.
	SameDay bool
	// Reversal is true for a batch described "REVERSAL".
	Reversal bool
	// Missing is true when the entries had no batch header; the reader
	// made this one up so that no entry is lost.
	Missing bool

	Domestic *moov.BatchHeader    // nil for IAT batches
	IAT      *moov.IATBatchHeader // nil for domestic batches
	File     *FileHeader
	Source   payment.Source
}

// Where returns the header's position.
func (b *BatchHeader) Where() payment.Source { return b.Source }

// IsIAT reports whether the batch holds international (IAT) entries.
func (b *BatchHeader) IsIAT() bool { return b.IAT != nil }

// IsADV reports whether the batch holds accounting advice (ADV) entries.
func (b *BatchHeader) IsADV() bool { return b.SECCode == "ADV" }

// Entry is an entry detail record ("6") with the addenda records that
// follow it.
type Entry struct {
	Batch  *BatchHeader
	Source payment.Source

	TransactionCode  int
	RDFI             string // receiving bank's routing number, 8 digits
	CheckDigit       string
	routing          string // RDFI and check digit
	Account          string
	Amount           int64 // cents
	IndividualID     string
	Name             string
	Discretionary    string
	AddendaIndicator int
	Trace            string

	// Exactly one of these is set: the moov-io/ach record the entry was
	// decoded into.
	Domestic *moov.EntryDetail
	IAT      *moov.IATEntryDetail
	ADV      *moov.ADVEntryDetail

	Addenda02      *moov.Addenda02
	Addenda05      []*moov.Addenda05
	Return         *moov.Addenda99
	Dishonored     *moov.Addenda99Dishonored
	Contested      *moov.Addenda99Contested
	Change         *moov.Addenda98
	RefusedChange  *moov.Addenda98Refused
	IATAddenda     IATAddenda
	AddendaRecords int // number of addenda records that followed the entry
}

// IATAddenda are the addenda records of an IAT entry.
type IATAddenda struct {
	Addenda10 *moov.Addenda10
	Addenda11 *moov.Addenda11
	Addenda12 *moov.Addenda12
	Addenda13 *moov.Addenda13
	Addenda14 *moov.Addenda14
	Addenda15 *moov.Addenda15
	Addenda16 *moov.Addenda16
	Addenda17 []*moov.Addenda17
	Addenda18 []*moov.Addenda18
}

// Where returns the entry's position.
func (e *Entry) Where() payment.Source { return e.Source }

// Routing returns the receiving bank's full nine-digit routing number.
func (e *Entry) Routing() string { return e.routing }

// Totals are the counts and sums of a batch or file, as found in its
// entries.
type Totals struct {
	Entries int
	Addenda int
	Hash    int64 // sum of the RDFI routing numbers, last ten digits
	Debit   int64 // cents
	Credit  int64 // cents
}

func (t *Totals) add(o Totals) {
	t.Entries += o.Entries
	t.Addenda += o.Addenda
	t.Hash = (t.Hash + o.Hash) % 1e10
	t.Debit += o.Debit
	t.Credit += o.Credit
}

// BatchControl is a batch control record ("8"), with the totals the
// reader found in the batch.
type BatchControl struct {
	Batch *BatchHeader
	// Domestic or ADV is the record as read; both are nil when the batch
	// ended without one (Missing).
	Domestic *moov.BatchControl
	ADV      *moov.ADVBatchControl
	Missing  bool
	Found    Totals
	Source   payment.Source
}

// Where returns the record's position.
func (c *BatchControl) Where() payment.Source { return c.Source }

// FileControl is a file control record ("9"), with the totals the reader
// found in the file.
type FileControl struct {
	File     *FileHeader
	Domestic *moov.FileControl
	ADV      *moov.ADVFileControl
	Missing  bool
	Batches  int
	Found    Totals
	Source   payment.Source
}

// Where returns the record's position.
func (c *FileControl) Where() payment.Source { return c.Source }
