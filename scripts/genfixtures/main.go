// Command genfixtures writes payinv's shipped NACHA test fixtures.
//
// Run it from anywhere inside the module:
//
//	go run ./scripts/genfixtures
//
// It (re)writes every file in fixtures/ach/ and fixtures/bad/ except the two
// hand-written README.md files. The output is deterministic: every date and
// time is a constant of the story below (no time.Now), so two runs produce the
// same bytes.
//
// All good files are built from github.com/moov-io/ach record types and
// written with ach.NewWriter, which validates each file before writing it and
// pads the last block with 9-filled lines.
//
// # The story
//
// One fictional company, NORTHWIND INVEST (company ID 1470012345), banks with
// LAKESHORE TRUST BANK (the ODFI, routing 074012503). Its customers bank at six
// fictional RDFIs (see banks below; every routing number has a valid ABA check
// digit computed with ach.CalculateCheckDigit). The Individual ID Number of
// each entry is the company's reference for the deposit (DEP-...) or withdrawal
// (WDR-...). Trace numbers of the company's entries are the ODFI's first 8
// digits followed by MMDD and a 3-digit sequence, so they are unique across
// files.
//
//	2026-11-09-deposits.ach              WEB, PPD and CCD debits, EED 2026-11-10
//	2026-11-10-withdrawals.ach           PPD credits, EED 2026-11-12, one accidental duplicate
//	2026-11-12-returns.ach               R01 R02 R03 R10 R16 (WEB) and R29 (CCD), settled 2026-11-12
//	2026-11-12-noc.ach                   COR: C01, C02, C05, settled 2026-11-12
//	2026-11-13-sameday-withdrawals.ach   same-day PPD credits (SD1300), EED 2026-11-13
//	2026-11-13-reversal.ach              REVERSAL of the duplicate withdrawal, EED 2026-11-16
//	2026-11-16-returns.ach               late R01 of a PPD deposit, R03 of a withdrawal, settled 2026-11-16
//	2026-11-18-dishonored.ach            ODFI's R68 dishonor of the late R01, settled 2026-11-18
//	2026-11-20-contested.ach             RDFI's R73 contest of that dishonor, settled 2026-11-20
//
// The Settlement Date (batch header positions 76-78, Julian day) is blank in
// the files the company originated and set in every file the bank sends back.
//
// fixtures/bad/ holds malformed or unusual inputs derived from the good files;
// fixtures/bad/README.md says which line a reader should name for each.
package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/moov-io/ach"
)

// ---------------------------------------------------------------------------
// Parties

const (
	companyName     = "NORTHWIND INVEST"      // batch header company name (16 chars max)
	companyFileName = "NORTHWIND INVESTMENTS" // file header origin name (23 chars max)
	companyID       = "1470012345"            // batch header company identification
	odfiName        = "LAKESHORE TRUST BANK"
	fedName         = "FEDERAL RESERVE BANK"
	// fedRouting is the routing number the ACH Operator puts in the Immediate
	// Origin/Destination of the files it exchanges with the ODFI.
	fedRouting = "011000015"
)

type bank struct {
	name    string
	routing string // 9 digits including the check digit
}

// aba appends the ABA check digit to an 8-digit routing prefix.
func aba(prefix8 string) string {
	d := ach.CalculateCheckDigit(prefix8)
	if len(prefix8) != 8 || d < 0 {
		log.Fatalf("bad routing prefix %q", prefix8)
	}
	return fmt.Sprintf("%s%d", prefix8, d)
}

var (
	odfi  = bank{odfiName, aba("07401250")}                 // 074012503, the company's bank
	bankA = bank{"PRAIRIE STATE BANK", aba("04400347")}     // 044003474
	bankB = bank{"HARBORVIEW SAVINGS", aba("06110497")}     // 061104974
	bankC = bank{"COPPER RIVER BANK", aba("10710538")}      // 107105387
	bankD = bank{"PACIFIC CREST BANK", aba("12203518")}     // 122035186
	bankE = bank{"LONE MESA CREDIT UNION", aba("11300672")} // 113006726
	// bankF merged into bankA; its NOC (C02) names bankA's routing number.
	bankF = bank{"KEYSTONE VALLEY BANK", aba("03190422")} // 031904227
)

func (b bank) prefix() string { return b.routing[:8] }

// trace builds a 15-digit trace number from a bank's 8-digit prefix and a
// 7-digit sequence.
func trace(b bank, seq string) string {
	if len(seq) != 7 {
		log.Fatalf("trace sequence %q is not 7 digits", seq)
	}
	return b.prefix() + seq
}

// ---------------------------------------------------------------------------
// Forward entries the company originated

type fwd struct {
	ref     string // Individual ID Number (company reference), 15 chars max
	name    string
	bank    bank
	account string
	code    int // transaction code
	amount  int // cents
	trace   string
	payType string // WEB payment type code (entry positions 77-78), "" otherwise
}

func dep(seq, name string, b bank, account string, code, amount int, payType string) *fwd {
	return &fwd{
		ref: "DEP-261109" + seq, name: name, bank: b, account: account, code: code,
		amount: amount, trace: trace(odfi, "1109"+seq[1:]), payType: payType,
	}
}

// 2026-11-09 deposits (debits). Batch 1: WEB, batch 2: PPD, batch 3: CCD.
var (
	w1  = dep("0001", "MARIA GONZALEZ", bankA, "4410029381", ach.CheckingDebit, 250000, "S")
	w2  = dep("0002", "DAVID CHEN", bankB, "20557193", ach.CheckingDebit, 100000, "S")
	w3  = dep("0003", "PRIYA PATEL", bankB, "7001845522", ach.SavingsDebit, 75025, "S")
	w4  = dep("0004", "ROBERT JOHNSON", bankC, "3310077425", ach.CheckingDebit, 500000, "S")
	w5  = dep("0005", "AISHA MOHAMMED", bankE, "3398117204", ach.CheckingDebit, 32040, "S")
	w6  = dep("0006", "THOMAS WRIGHT", bankA, "4410188042", ach.CheckingDebit, 1200000, "S")
	w7  = dep("0007", "EMILY NGUYEN", bankD, "918273645", ach.CheckingDebit, 2500, "S")
	w8  = dep("0008", "CARLOS RIVERA", bankB, "20561138", ach.CheckingDebit, 825000, "S")
	w9  = dep("0009", "SARAH KOWALSKI", bankC, "3310092716", ach.CheckingDebit, 149999, "S")
	w10 = dep("0010", "MICHAEL OKAFOR", bankD, "918004512", ach.CheckingDebit, 60000, "S")

	p1 = dep("0011", "LINDA PARK", bankF, "600123987", ach.CheckingDebit, 20000, "")
	p2 = dep("0012", "KEVIN BROOKS", bankC, "8812004417", ach.CheckingDebit, 15000, "")
	p3 = dep("0013", "ANGELA MARTIN", bankE, "3398205561", ach.CheckingDebit, 50000, "")
	p4 = dep("0014", "DAVID CHEN", bankB, "20557193", ach.CheckingDebit, 25000, "")

	c1 = dep("0015", "BLUE HERON LLC", bankD, "9100004477120", ach.CheckingDebit, 2500000, "")

	webDeposits = []*fwd{w1, w2, w3, w4, w5, w6, w7, w8, w9, w10}
	ppdDeposits = []*fwd{p1, p2, p3, p4}
	ccdDeposits = []*fwd{c1}
)

// 2026-11-10 withdrawals (PPD credits). wd5 is an accidental duplicate of wd4
// (same customer, account and amount; new trace, reference with suffix A).
var (
	wd1 = &fwd{"WDR-2611100001", "DAVID CHEN", bankB, "20557193", ach.CheckingCredit, 40000, trace(odfi, "1110001"), ""}
	wd2 = &fwd{"WDR-2611100002", "JENNIFER LOPEZ", bankD, "918339021", ach.CheckingCredit, 125000, trace(odfi, "1110002"), ""}
	wd3 = &fwd{"WDR-2611100003", "WILLIAM TURNER", bankC, "3310110394", ach.CheckingCredit, 300000, trace(odfi, "1110003"), ""}
	wd4 = &fwd{"WDR-2611100004", "SARAH KOWALSKI", bankC, "3310092716", ach.CheckingCredit, 98050, trace(odfi, "1110004"), ""}
	wd5 = &fwd{"WDR-2611100004A", "SARAH KOWALSKI", bankC, "3310092716", ach.CheckingCredit, 98050, trace(odfi, "1110005"), ""}
	wd6 = &fwd{"WDR-2611100005", "EMILY NGUYEN", bankD, "918273645", ach.CheckingCredit, 7500, trace(odfi, "1110006"), ""}

	withdrawals = []*fwd{wd1, wd2, wd3, wd4, wd5, wd6}
)

// NOC corrections (2026-11-12) that the company applied before 2026-11-13.
const (
	c01CorrectedAccount = "003398117204" // w5, AISHA MOHAMMED
	c05CorrectedCode    = ach.SavingsDebit
)

// c02CorrectedRouting: bankF (p1, LINDA PARK) merged into bankA.
var c02CorrectedRouting = bankA.routing

// 2026-11-13 same-day withdrawals. sd1 and sd2 already use the corrected data
// from the C01 and C02 NOCs.
var (
	sd1 = &fwd{"WDR-2611130001", "AISHA MOHAMMED", bankE, c01CorrectedAccount, ach.CheckingCredit, 30000, trace(odfi, "1113001"), ""}
	sd2 = &fwd{"WDR-2611130002", "LINDA PARK", bankA, "600123987", ach.CheckingCredit, 18000, trace(odfi, "1113002"), ""}
	sd3 = &fwd{"WDR-2611130003", "MICHAEL OKAFOR", bankD, "918004512", ach.CheckingCredit, 215075, trace(odfi, "1113003"), ""}

	sameDay = []*fwd{sd1, sd2, sd3}
)

// 2026-11-13 reversal of the duplicate wd5: same SEC (PPD), company ID and
// amount, debit transaction code 27, new trace.
var rev1 = &fwd{wd5.ref, wd5.name, wd5.bank, wd5.account, ach.CheckingDebit, wd5.amount, trace(odfi, "1113004"), ""}

// ---------------------------------------------------------------------------
// Record builders

type fileSpec struct {
	destination, destinationName string
	origin, originName           string
	date, time, modifier         string // YYMMDD, HHMM, file ID modifier
	// companyOrigin: Immediate Origin is the 10-character company ID.
	companyOrigin bool
}

func newFile(s fileSpec) *ach.File {
	fh := ach.NewFileHeader()
	fh.ImmediateDestination = s.destination
	fh.ImmediateDestinationName = s.destinationName
	fh.ImmediateOrigin = s.origin
	fh.ImmediateOriginName = s.originName
	fh.FileCreationDate = s.date
	fh.FileCreationTime = s.time
	fh.FileIDModifier = s.modifier
	if s.companyOrigin {
		// ValidateOpts, header only: files a company sends to its bank commonly
		// carry the 10-character company ID ("1" + EIN) as Immediate Origin.
		// Without BypassOriginValidation moov formats Immediate Origin as
		// " " + 9 characters and would cut "1470012345" to " 147001234".
		// Nothing else in these files is exempt from validation.
		fh.SetValidation(&ach.ValidateOpts{BypassOriginValidation: true})
	}
	f := ach.NewFile()
	f.SetHeader(fh)
	return f
}

type batchSpec struct {
	// serviceClass: batches a bank sends back keep the service class of the
	// original batch (225 for the deposit debits, 220 for the withdrawal
	// credits); moov counts return codes 26/36 as debits and 21/31 as credits.
	serviceClass int
	sec          string
	description  string
	descDate     string // company descriptive date
	eed          string // YYMMDD
	settlement   string // Julian day, "" for files the company originated
	odfi         string // batch header ODFI identification (8 digits)
	number       int
}

func newBatch(s batchSpec, entries ...*ach.EntryDetail) ach.Batcher {
	bh := ach.NewBatchHeader()
	bh.ServiceClassCode = s.serviceClass
	bh.CompanyName = companyName
	bh.CompanyIdentification = companyID
	bh.StandardEntryClassCode = s.sec
	bh.CompanyEntryDescription = s.description
	bh.CompanyDescriptiveDate = s.descDate
	bh.EffectiveEntryDate = s.eed
	bh.SettlementDate = s.settlement
	bh.ODFIIdentification = s.odfi
	bh.BatchNumber = s.number
	b, err := ach.NewBatch(bh)
	must(err)
	for _, e := range entries {
		b.AddEntry(e)
	}
	must(b.Create())
	return b
}

// forwardEntry is the entry detail record of an entry the company originated.
func forwardEntry(f *fwd) *ach.EntryDetail {
	e := ach.NewEntryDetail()
	e.TransactionCode = f.code
	e.SetRDFI(f.bank.routing)
	e.DFIAccountNumber = f.account
	e.Amount = f.amount
	e.IdentificationNumber = f.ref
	e.IndividualName = f.name
	e.DiscretionaryData = f.payType
	e.TraceNumber = f.trace
	e.Category = ach.CategoryForward
	return e
}

// returnCode maps a forward transaction code to its return/NOC code.
func returnCode(code int) int {
	switch code {
	case ach.CheckingCredit, ach.CheckingDebit, ach.SavingsCredit, ach.SavingsDebit:
		return code - 1
	}
	log.Fatalf("no return code for transaction code %d", code)
	return 0
}

// bankSentEntry is an entry detail record that a bank sends back about the
// original entry f (return, NOC, dishonored or contested return): it keeps
// the original account, amount, name, ID and discretionary data, uses the
// return transaction code and the given trace number. rdfi is the bank the
// record goes to.
func bankSentEntry(f *fwd, rdfi bank, traceNumber string) *ach.EntryDetail {
	e := ach.NewEntryDetail()
	e.TransactionCode = returnCode(f.code)
	e.SetRDFI(rdfi.routing)
	e.DFIAccountNumber = f.account
	e.Amount = f.amount
	e.IdentificationNumber = f.ref
	e.IndividualName = f.name
	e.DiscretionaryData = f.payType
	e.AddendaRecordIndicator = 1
	e.TraceNumber = traceNumber
	return e
}

// returnEntry is the RDFI's return of f with reason code; the entry goes back
// to the ODFI and its trace begins with the returning RDFI's routing number.
func returnEntry(f *fwd, code, seq string) *ach.EntryDetail {
	tr := trace(f.bank, seq)
	e := bankSentEntry(f, odfi, tr)
	a := ach.NewAddenda99()
	a.ReturnCode = code
	a.OriginalTrace = f.trace
	a.OriginalDFI = f.bank.prefix()
	a.TraceNumber = tr
	e.Addenda99 = a
	e.Category = ach.CategoryReturn
	return e
}

// nocEntry is the RDFI's notification of change for f (zero amount).
func nocEntry(f *fwd, code string, data *ach.CorrectedData, seq string) *ach.EntryDetail {
	tr := trace(f.bank, seq)
	e := bankSentEntry(f, odfi, tr)
	e.Amount = 0
	a := ach.NewAddenda98()
	a.ChangeCode = code
	a.OriginalTrace = f.trace
	a.OriginalDFI = f.bank.prefix()
	a.CorrectedData = ach.WriteCorrectionData(code, data)
	a.TraceNumber = tr
	e.Addenda98 = a
	e.Category = ach.CategoryNOC
	return e
}

// ---------------------------------------------------------------------------
// Files

// Julian settlement days (2026): 314 = Nov 10, 316 = Nov 12, 320 = Nov 16,
// 322 = Nov 18, 324 = Nov 20.

func companyFileSpec(date, hhmm, modifier string) fileSpec {
	return fileSpec{
		destination: odfi.routing, destinationName: odfiName,
		origin: companyID, originName: companyFileName,
		date: date, time: hhmm, modifier: modifier, companyOrigin: true,
	}
}

// fedToODFI is the header of a file the ACH Operator delivers to the ODFI
// (which passes it on to the company unchanged).
func fedToODFI(date, hhmm, modifier string) fileSpec {
	return fileSpec{
		destination: odfi.routing, destinationName: odfiName,
		origin: fedRouting, originName: fedName,
		date: date, time: hhmm, modifier: modifier,
	}
}

func entries(fs []*fwd) []*ach.EntryDetail {
	out := make([]*ach.EntryDetail, len(fs))
	for i, f := range fs {
		out[i] = forwardEntry(f)
	}
	return out
}

func depositsFile() *ach.File {
	f := newFile(companyFileSpec("261109", "1605", "A"))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.WEB, "DEPOSIT", "", "261110", "", odfi.prefix(), 1}, entries(webDeposits)...))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.PPD, "DEPOSIT", "", "261110", "", odfi.prefix(), 2}, entries(ppdDeposits)...))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.CCD, "DEPOSIT", "", "261110", "", odfi.prefix(), 3}, entries(ccdDeposits)...))
	must(f.Create())
	return f
}

func withdrawalsFile() *ach.File {
	f := newFile(companyFileSpec("261110", "1530", "A"))
	f.AddBatch(newBatch(batchSpec{ach.CreditsOnly, ach.PPD, "WITHDRAWAL", "", "261112", "", odfi.prefix(), 1}, entries(withdrawals)...))
	must(f.Create())
	return f
}

func returns1112File() *ach.File {
	f := newFile(fedToODFI("261112", "0705", "A"))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.WEB, "DEPOSIT", "", "261112", "316", bankA.prefix(), 1},
		returnEntry(w1, "R01", "0004411"),
		returnEntry(w6, "R10", "0004412")))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.WEB, "DEPOSIT", "", "261112", "316", bankB.prefix(), 2},
		returnEntry(w3, "R02", "0018730"),
		returnEntry(w8, "R16", "0018731")))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.WEB, "DEPOSIT", "", "261112", "316", bankC.prefix(), 3},
		returnEntry(w4, "R03", "0102255")))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.CCD, "DEPOSIT", "", "261112", "316", bankD.prefix(), 4},
		returnEntry(c1, "R29", "0000871")))
	must(f.Create())
	return f
}

func nocFile() *ach.File {
	f := newFile(fedToODFI("261112", "0710", "B"))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.COR, "DEPOSIT", "", "261112", "316", bankE.prefix(), 1},
		nocEntry(w5, "C01", &ach.CorrectedData{AccountNumber: c01CorrectedAccount}, "0007702")))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.COR, "DEPOSIT", "", "261112", "316", bankF.prefix(), 2},
		nocEntry(p1, "C02", &ach.CorrectedData{RoutingNumber: c02CorrectedRouting}, "0051009")))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.COR, "DEPOSIT", "", "261112", "316", bankC.prefix(), 3},
		nocEntry(p2, "C05", &ach.CorrectedData{TransactionCode: c05CorrectedCode}, "0102261")))
	must(f.Create())
	return f
}

func sameDayFile() *ach.File {
	f := newFile(companyFileSpec("261113", "0940", "A"))
	f.AddBatch(newBatch(batchSpec{ach.CreditsOnly, ach.PPD, "WITHDRAWAL", "SD1300", "261113", "", odfi.prefix(), 1}, entries(sameDay)...))
	must(f.Create())
	return f
}

func reversalFile() *ach.File {
	// Second file of the day from the same origin to the same destination,
	// so File ID Modifier B.
	f := newFile(companyFileSpec("261113", "1100", "B"))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.PPD, "REVERSAL", "", "261116", "", odfi.prefix(), 1}, forwardEntry(rev1)))
	must(f.Create())
	return f
}

// Late R01 of p3 (settled 2026-11-16, 3 banking days after 2026-11-10).
const (
	lateReturnSeq      = "0007745"
	dishonorSeq        = "1118001"
	contestSeq         = "0007790"
	lateReturnSettle   = "320"
	dishonorSettle     = "322"
	origSettle1110     = "314"
	origReturnSentDate = "261112" // R73: date the RDFI says it sent the original return
)

func returns1116File() *ach.File {
	f := newFile(fedToODFI("261116", "0705", "A"))
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.PPD, "DEPOSIT", "", "261116", "320", bankE.prefix(), 1},
		returnEntry(p3, "R01", lateReturnSeq)))
	f.AddBatch(newBatch(batchSpec{ach.CreditsOnly, ach.PPD, "WITHDRAWAL", "", "261116", "320", bankC.prefix(), 2},
		returnEntry(wd3, "R03", "0102398")))
	must(f.Create())
	return f
}

func dishonoredFile() *ach.File {
	// The ODFI's dishonored return, sent to the ACH Operator and copied to the
	// company with the settlement date it settled on.
	f := newFile(fileSpec{
		destination: fedRouting, destinationName: fedName,
		origin: odfi.routing, originName: odfiName,
		date: "261118", time: "1020", modifier: "A",
	})
	tr := trace(odfi, dishonorSeq)
	// Goes back to the RDFI that sent the late return (bankE).
	e := bankSentEntry(p3, bankE, tr)
	a := ach.NewAddenda99Dishonored()
	a.DishonoredReturnReasonCode = "R68"
	a.OriginalEntryTraceNumber = p3.trace
	a.OriginalReceivingDFIIdentification = bankE.prefix()
	a.ReturnTraceNumber = trace(bankE, lateReturnSeq)
	a.ReturnSettlementDate = lateReturnSettle
	a.ReturnReasonCode = "01"
	a.TraceNumber = tr
	e.Addenda99Dishonored = a
	e.Category = ach.CategoryDishonoredReturn
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.PPD, "DEPOSIT", "", "261118", dishonorSettle, odfi.prefix(), 1}, e))
	must(f.Create())
	return f
}

func contestedFile() *ach.File {
	f := newFile(fedToODFI("261120", "0705", "A"))
	tr := trace(bankE, contestSeq)
	e := bankSentEntry(p3, odfi, tr)
	a := ach.NewAddenda99Contested()
	a.ContestedReturnCode = "R73"
	a.OriginalEntryTraceNumber = p3.trace
	a.DateOriginalEntryReturned = origReturnSentDate
	a.OriginalReceivingDFIIdentification = bankE.prefix()
	a.OriginalSettlementDate = origSettle1110
	a.ReturnTraceNumber = trace(bankE, lateReturnSeq)
	a.ReturnSettlementDate = lateReturnSettle
	a.ReturnReasonCode = "01"
	a.DishonoredReturnTraceNumber = trace(odfi, dishonorSeq)
	a.DishonoredReturnSettlementDate = dishonorSettle
	a.DishonoredReturnReasonCode = "68"
	a.TraceNumber = tr
	e.Addenda99Contested = a
	e.Category = ach.CategoryDishonoredReturnContested
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.PPD, "DEPOSIT", "", "261120", "324", bankE.prefix(), 1}, e))
	must(f.Create())
	return f
}

// customCodeFile returns w7 with the bank's private reason code R97.
func customCodeFile() *ach.File {
	f := newFile(fedToODFI("261112", "0715", "C"))
	e := returnEntry(w7, "R97", "0000872")
	// ValidateOpts: R97 is not a Nacha return code; moov refuses it unless
	// CustomReturnCodes is set. Only this addenda record is exempted.
	e.Addenda99.SetValidation(&ach.ValidateOpts{CustomReturnCodes: true})
	f.AddBatch(newBatch(batchSpec{ach.DebitsOnly, ach.WEB, "DEPOSIT", "", "261112", "316", bankD.prefix(), 1}, e))
	must(f.Create())
	return f
}

// ---------------------------------------------------------------------------
// Output

func render(f *ach.File) []byte {
	var buf bytes.Buffer
	must(ach.NewWriter(&buf).Write(f))
	return buf.Bytes()
}

func lines(b []byte) []string {
	s := strings.TrimSuffix(string(b), "\n")
	return strings.Split(s, "\n")
}

func join(ls []string, sep string) []byte {
	return []byte(strings.Join(ls, sep) + sep)
}

// replaceAt returns line with s written over it at 1-based position pos.
func replaceAt(line string, pos int, s string) string {
	if pos < 1 || pos-1+len(s) > len(line) {
		log.Fatalf("replaceAt(%d, %q) outside a %d-char line", pos, s, len(line))
	}
	return line[:pos-1] + s + line[pos-1+len(s):]
}

// addToField adds delta to the numeric field of the given width at 1-based
// position pos.
func addToField(line string, pos, width, delta int) string {
	var n int
	if _, err := fmt.Sscanf(line[pos-1:pos-1+width], "%d", &n); err != nil {
		log.Fatalf("field at %d of %q: %v", pos, line, err)
	}
	return replaceAt(line, pos, fmt.Sprintf("%0*d", width, n+delta))
}

// expectPrefix guards the bad-file edits against a changed layout.
func expectPrefix(ls []string, n int, prefix string) {
	if !strings.HasPrefix(ls[n-1], prefix) {
		log.Fatalf("line %d is %q, expected it to start with %q", n, ls[n-1], prefix)
	}
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	must(err)
	// Header left zero: no name, no comment, mtime 0.
	_, err = zw.Write(b)
	must(err)
	must(zw.Close())
	return buf.Bytes()
}

// binaryBlob is a PNG signature and IHDR chunk start followed by fixed
// pseudo-random bytes (xorshift32, fixed seed) that include NUL bytes.
func binaryBlob() []byte {
	b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x00\xc8\x08\x06\x00\x00\x00")
	x := uint32(0x2611_0901)
	for i := 0; i < 488; i++ {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		v := byte(x >> 24)
		if i%16 == 3 {
			v = 0
		}
		b = append(b, v)
	}
	return b
}

const depositsCSV = `reference,customer,sec,bank_routing,account_last4,amount,effective_date
DEP-2611090001,MARIA GONZALEZ,WEB,044003474,9381,2500.00,2026-11-10
DEP-2611090002,DAVID CHEN,WEB,061104974,7193,1000.00,2026-11-10
DEP-2611090003,PRIYA PATEL,WEB,061104974,5522,750.25,2026-11-10
DEP-2611090011,LINDA PARK,PPD,031904227,3987,200.00,2026-11-10
DEP-2611090015,BLUE HERON LLC,CCD,122035186,7120,25000.00,2026-11-10
`

func main() {
	root, err := moduleRoot()
	must(err)
	achDir := filepath.Join(root, "fixtures", "ach")
	badDir := filepath.Join(root, "fixtures", "bad")
	must(os.MkdirAll(achDir, 0o755))
	must(os.MkdirAll(badDir, 0o755))

	deposits := render(depositsFile())
	returns := render(returns1112File())

	good := []struct {
		name string
		data []byte
	}{
		{"2026-11-09-deposits.ach", deposits},
		{"2026-11-10-withdrawals.ach", render(withdrawalsFile())},
		{"2026-11-12-returns.ach", returns},
		{"2026-11-12-noc.ach", render(nocFile())},
		{"2026-11-13-sameday-withdrawals.ach", render(sameDayFile())},
		{"2026-11-13-reversal.ach", render(reversalFile())},
		{"2026-11-16-returns.ach", render(returns1116File())},
		{"2026-11-18-dishonored.ach", render(dishonoredFile())},
		{"2026-11-20-contested.ach", render(contestedFile())},
	}
	for _, g := range good {
		write(filepath.Join(achDir, g.name), g.data)
	}

	dl := lines(deposits)
	// Layout of the deposits file this relies on: 1 file header, 2 WEB batch
	// header, 3-12 WEB entries, 13 batch control, 14 PPD batch header,
	// 15-18 PPD entries, 19 control, 20 CCD header, 21 entry, 22 control,
	// 23 file control, 24-30 padding.
	expectPrefix(dl, 13, "8225")
	expectPrefix(dl, 14, "5225")
	expectPrefix(dl, 17, "627")
	expectPrefix(dl, 23, "9")

	// truncated.ach: lines 1-16 intact, line 17 (third PPD entry) cut after
	// 41 characters, no final newline.
	write(filepath.Join(badDir, "truncated.ach"), []byte(strings.Join(dl[:16], "\n")+"\n"+dl[16][:41]))

	// wrong-length.ach: line 5 loses the last 3 characters of its trace
	// (91 chars); line 8 gets "XYZ" appended (97 chars).
	wl := append([]string(nil), dl...)
	expectPrefix(wl, 5, "637")
	expectPrefix(wl, 8, "627")
	wl[4] = wl[4][:91]
	wl[7] += "XYZ"
	write(filepath.Join(badDir, "wrong-length.ach"), join(wl, "\n"))

	// bad-totals.ach: WEB batch control (line 13): entry hash +1 and total
	// debit +$100.00; file control (line 23): entry/addenda count +1, entry
	// hash +100000 and total debit +$1,000.00.
	bt := append([]string(nil), dl...)
	expectPrefix(bt, 13, "8225")
	bt[12] = addToField(bt[12], 11, 10, 1)      // entry hash
	bt[12] = addToField(bt[12], 21, 12, 10000)  // total debit
	bt[22] = addToField(bt[22], 14, 8, 1)       // entry/addenda count
	bt[22] = addToField(bt[22], 22, 10, 100000) // entry hash
	bt[22] = addToField(bt[22], 32, 12, 100000) // total debit
	write(filepath.Join(badDir, "bad-totals.ach"), join(bt, "\n"))

	// bad-fields.ach, from the 2026-11-12 returns file (the deposits file has
	// no addenda 99): line 3 amount "00001O0000" (letter O), line 9 RDFI
	// check digit 3 -> 8, line 16 addenda 99 original trace with a letter.
	rl := lines(returns)
	bf := append([]string(nil), rl...)
	expectPrefix(bf, 3, "626074012503")
	expectPrefix(bf, 9, "636074012503")
	expectPrefix(bf, 16, "799R03"+w4.trace)
	bf[2] = replaceAt(bf[2], 30, "00001O0000")
	bf[8] = replaceAt(bf[8], 12, "8")
	bf[15] = replaceAt(bf[15], 7, "0740125O1109004")
	write(filepath.Join(badDir, "bad-fields.ach"), join(bf, "\n"))

	write(filepath.Join(badDir, "no-newlines.ach"), join(dl, ""))
	write(filepath.Join(badDir, "crlf.ach"), join(dl, "\r\n"))
	write(filepath.Join(badDir, "deposits.ach.gz"), gz(deposits))
	write(filepath.Join(badDir, "custom-code.ach"), render(customCodeFile()))
	write(filepath.Join(badDir, "empty.ach"), nil)
	write(filepath.Join(badDir, "not-nacha.csv"), []byte(depositsCSV))
	write(filepath.Join(badDir, "binary.bin"), binaryBlob())
}

func write(path string, data []byte) {
	must(os.WriteFile(path, data, 0o644))
	fmt.Printf("%7d  %s\n", len(data), path)
}

// moduleRoot walks up from the working directory to the directory holding
// go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
