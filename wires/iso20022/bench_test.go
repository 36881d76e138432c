package iso20022

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"
	"testing"
)

// Measured on this 2-core machine (linux/amd64, AMD EPYC, Go 1.26.8),
// 2026-11, with other jobs running (load average 7–9):
//
//	go test ./wires/iso20022 -run '^$' -bench . -benchmem -count 3
//
//	BenchmarkReadFedwireFiles-2  3.38–3.53 s/op  59–62 MB/s  28,000–29,600 msgs/s  1.37 GB/op  41.9 M allocs/op
//	BenchmarkReadNotification-2  1.98–2.04 s/op  64–66 MB/s  49,000–50,400 entries/s  0.84 GB/op  25.6 M allocs/op
//
// (100,000 files of 2.1 KB, a BAH and a pacs.008 each: 210 MB; one
// camt.054 of 100,000 entries: 131 MB.) About 80% of the time is
// encoding/xml's RawToken, which allocates every name and boxes every token
// (about 400 allocations per message); the reader itself adds the event
// and its strings. TestNotificationBoundedMemory reads the 100,000 entries
// from a stream with a live heap of about 0.4 MB throughout. Recycling
// the reader through a sync.Pool, and not building a bufio.Reader for a
// decoder that was about to be dropped, took BenchmarkReadFedwireFiles
// from 1.82 to 1.37 GB/op.

// benchMessages is how many one-message files BenchmarkReadFedwireFiles
// reads, and benchEntries how many entries the camt.054 of
// BenchmarkReadNotification holds: the sizes the speed targets name.
const (
	benchMessages = 100_000
	benchEntries  = 100_000
)

// fedwireMessage writes the i-th of a day's Fedwire files: a BAH and a
// pacs.008 the size of the reference's sample (wires.md §2.4), each with
// its own ids and amount.
func fedwireMessage(b []byte, i int) []byte {
	seq := fmt.Sprintf("%06d", i%1_000_000)
	imad := "20261116B1QDRCQR" + seq
	cents := 1000 + (i*7919)%50_000_000
	amount := strconv.Itoa(cents/100) + "." + fmt.Sprintf("%02d", cents%100)
	ref := "WD-" + seq
	uetr := fmt.Sprintf("8a562c67-ca16-48ba-b074-%012d", i)
	b = append(b, `<AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.03">
  <Fr><FIId><FinInstnId><ClrSysMmbId><MmbId>011104238</MmbId></ClrSysMmbId></FinInstnId></FIId></Fr>
  <To><FIId><FinInstnId><ClrSysMmbId><MmbId>021151080</MmbId></ClrSysMmbId></FinInstnId></FIId></To>
  <BizMsgIdr>`+imad+`</BizMsgIdr><MsgDefIdr>pacs.008.001.08</MsgDefIdr><BizSvc>PROD</BizSvc>
  <MktPrctc><Regy>www2.swift.com/mystandards/#/group/Federal_Reserve_Financial_Services/Fedwire_Funds_Service</Regy><Id>frb.fedwire.01</Id></MktPrctc>
  <CreDt>2026-11-16T09:00:00-05:00</CreDt></AppHdr>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
  <GrpHdr><MsgId>`+imad+`</MsgId><CreDtTm>2026-11-16T09:00:00-05:00</CreDtTm><NbOfTxs>1</NbOfTxs>
    <SttlmInf><SttlmMtd>CLRG</SttlmMtd><ClrSys><Cd>FDW</Cd></ClrSys></SttlmInf></GrpHdr>
  <CdtTrfTxInf><PmtId><InstrId>`+ref+`</InstrId><EndToEndId>`+ref+`</EndToEndId><UETR>`+uetr+`</UETR></PmtId>
    <PmtTpInf><LclInstrm><Prtry>CTRC</Prtry></LclInstrm></PmtTpInf>
    <IntrBkSttlmAmt Ccy="USD">`+amount+`</IntrBkSttlmAmt><IntrBkSttlmDt>2026-11-16</IntrBkSttlmDt>
    <InstdAmt Ccy="USD">`+amount+`</InstdAmt><ChrgBr>SLEV</ChrgBr>
    <InstgAgt><FinInstnId><ClrSysMmbId><ClrSysId><Cd>USABA</Cd></ClrSysId><MmbId>011104238</MmbId></ClrSysMmbId></FinInstnId></InstgAgt>
    <InstdAgt><FinInstnId><ClrSysMmbId><ClrSysId><Cd>USABA</Cd></ClrSysId><MmbId>021040078</MmbId></ClrSysMmbId></FinInstnId></InstdAgt>
    <Dbtr><Nm>Corporation A</Nm></Dbtr><DbtrAcct><Id><Othr><Id>5647772655</Id></Othr></Id></DbtrAcct>
    <DbtrAgt><FinInstnId><ClrSysMmbId><ClrSysId><Cd>USABA</Cd></ClrSysId><MmbId>011104238</MmbId></ClrSysMmbId></FinInstnId></DbtrAgt>
    <CdtrAgt><FinInstnId><ClrSysMmbId><ClrSysId><Cd>USABA</Cd></ClrSysId><MmbId>021040078</MmbId></ClrSysMmbId></FinInstnId></CdtrAgt>
    <Cdtr><Nm>Jane Customer</Nm></Cdtr><CdtrAcct><Id><Othr><Id>567876543</Id></Othr></Id></CdtrAcct>
    <RmtInf><Ustrd>FBO ACCT 8842-17 DEPOSIT `+ref+`</Ustrd></RmtInf></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>
`...)
	return b
}

// benchFedwireFiles holds the 100,000 files, generated once.
var benchFedwireFiles = sync.OnceValue(func() [][]byte {
	files := make([][]byte, benchMessages)
	for i := range files {
		files[i] = fedwireMessage(nil, i)
	}
	return files
})

// BenchmarkReadFedwireFiles reads 100,000 one-message files (BAH and
// pacs.008), each from its own reader, as a day of Fedwire traffic comes.
func BenchmarkReadFedwireFiles(b *testing.B) {
	files := benchFedwireFiles()
	size := 0
	for _, f := range files {
		size += len(f)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for _, f := range files {
			for ev, err := range Read(bytes.NewReader(f), "bench.xml") {
				if err != nil {
					b.Fatal(err)
				}
				_ = ev
				n++
			}
		}
		if n != benchMessages {
			b.Fatalf("read %d events, want %d", n, benchMessages)
		}
	}
	b.ReportMetric(float64(benchMessages)*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// notificationEntry writes the i-th entry of a large camt.054: a Fedwire
// credit or debit with its references, parties, agents and remittance.
func notificationEntry(b []byte, i int) []byte {
	seq := fmt.Sprintf("%06d", i%1_000_000)
	cents := 1000 + (i*7919)%50_000_000
	amount := strconv.Itoa(cents/100) + "." + fmt.Sprintf("%02d", cents%100)
	cdi, who, acct := "CRDT", "Maria Gonzalez", "3319004471"
	role := "Dbtr"
	if i%3 == 1 {
		cdi, who, acct, role = "DBIT", "David Chen", "8812345670", "Cdtr"
	}
	b = append(b, `      <Ntry>
        <NtryRef>N`+seq+`</NtryRef>
        <Amt Ccy="USD">`+amount+`</Amt>
        <CdtDbtInd>`+cdi+`</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-16</Dt></BookgDt>
        <ValDt><Dt>2026-11-16</Dt></ValDt>
        <AcctSvcrRef>LKTB`+seq+`</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs>
              <MsgId>20261116FCBKQR01`+seq+`</MsgId>
              <EndToEndId>CUS-`+seq+`</EndToEndId>
              <UETR>3f1b2c4d-5e6f-4a1b-8c2d-`+fmt.Sprintf("%012d", i)+`</UETR>
              <ClrSysRef>20261116LKTBFT01`+seq+`11161022FT03</ClrSysRef>
            </Refs>
            <Amt Ccy="USD">`+amount+`</Amt>
            <CdtDbtInd>`+cdi+`</CdtDbtInd>
            <RltdPties>
              <`+role+`><Pty><Nm>`+who+`</Nm></Pty></`+role+`>
              <`+role+`Acct><Id><Othr><Id>`+acct+`</Id></Othr></Id></`+role+`Acct>
            </RltdPties>
            <RltdAgts>
              <`+role+`Agt><FinInstnId><ClrSysMmbId><ClrSysId><Cd>USABA</Cd></ClrSysId><MmbId>021040078</MmbId></ClrSysMmbId><Nm>FIRST CITY BANK</Nm></FinInstnId></`+role+`Agt>
            </RltdAgts>
            <RmtInf><Ustrd>FBO CUS-`+seq+`</Ustrd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
`...)
	return b
}

// The parts of a generated camt.054 around its entries.
const (
	notificationHead = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>LKTB-NTF-BENCH</MsgId><CreDtTm>2026-11-16T18:30:00-05:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>NTF-BENCH</Id>
      <Acct><Id><Othr><Id>4470012345</Id></Othr></Id><Ccy>USD</Ccy><Ownr><Nm>NORTHWIND INVESTMENTS</Nm></Ownr></Acct>
`
	notificationTail = "    </Ntfctn>\n  </BkToCstmrDbtCdtNtfctn>\n</Document>\n"
)

// generateNotification writes a camt.054 with n entries.
func generateNotification(n int) []byte {
	b := []byte(notificationHead)
	for i := range n {
		b = notificationEntry(b, i)
	}
	return append(b, notificationTail...)
}

var benchNotification = sync.OnceValue(func() []byte { return generateNotification(benchEntries) })

// BenchmarkReadNotification reads one camt.054 of 100,000 entries. (Its
// memory is checked by TestNotificationBoundedMemory, which streams the
// same entries without holding them.)
func BenchmarkReadNotification(b *testing.B) {
	data := benchNotification()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for ev, err := range Read(bytes.NewReader(data), "bench.xml") {
			if err != nil {
				b.Fatal(err)
			}
			_ = ev
			n++
		}
		if n != benchEntries {
			b.Fatalf("read %d events, want %d", n, benchEntries)
		}
	}
	b.ReportMetric(float64(benchEntries)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}
