package iso20022

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// fuzzEdgeInputs are short inputs at the edges of what the reader decides.
var fuzzEdgeInputs = []string{
	"",
	"\ufeff",
	"<",
	"<Document/>",
	"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"/>",
	"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10\"><FIToFIPmtStsRpt/></Document>",
	"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.029.001.09\"><RsltnOfInvstgtn/></Document>",
	"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:admi.007.001.01\"/>",
	"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Ntry><NtryDtls><TxDtls/><TxDtls/></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>",
	"<AppHdr><AppHdr/></AppHdr><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.004.001.10\"><PmtRtr><TxInf/></PmtRtr></Document>",
	"<a:Document xmlns:a=\"urn:iso:std:iso:20022:tech:xsd:camt.056.001.08\"><a:X><a:Undrlyg><a:TxInf><a:OrgnlIntrBkSttlmAmt Ccy=\"usd\">1</a:OrgnlIntrBkSttlmAmt></a:TxInf></a:Undrlyg></a:X></a:Document>",
	"<?xml version=\"1.0\" encoding=\"latin1\"?><Document>\xff</Document>",
	// One small message of each kind, for the mutator to work on.
	`<AppHdr><Fr><FIId><FinInstnId><ClrSysMmbId><MmbId>021151080</MmbId></ClrSysMmbId></FinInstnId></FIId></Fr><BizSvc>TEST</BizSvc><CreDt>2026-11-16T10:00:00Z</CreDt></AppHdr>` +
		`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><X><GrpHdr><MsgId>20261116B1QDRCQR000001</MsgId></GrpHdr><CdtTrfTxInf><PmtId><UETR>A</UETR></PmtId>` +
		`<IntrBkSttlmAmt Ccy="USD">1.5</IntrBkSttlmAmt><IntrBkSttlmDt>2026-11-16</IntrBkSttlmDt><Dbtr><Nm>D</Nm></Dbtr><DbtrAgt><FinInstnId><ClrSysMmbId><MmbId>021040078</MmbId></ClrSysMmbId></FinInstnId></DbtrAgt>` +
		`<ChrgsInf><Amt Ccy="USD">1</Amt></ChrgsInf><RmtInf><Ustrd>U</Ustrd><Strd><RfrdDocInf><Nb>1</Nb></RfrdDocInf></Strd></RmtInf></CdtTrfTxInf></X></Document>`,
	`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.004.001.10"><PmtRtr><GrpHdr><MsgId>M</MsgId></GrpHdr><TxInf><RtrId>R</RtrId><OrgnlGrpInf><OrgnlMsgId>20261116B1QDRCQR000001</OrgnlMsgId></OrgnlGrpInf>` +
		`<RtrdIntrBkSttlmAmt Ccy="USD">2</RtrdIntrBkSttlmAmt><IntrBkSttlmDt>2026-11-17</IntrBkSttlmDt><RtrChain><Dbtr><Pty><Nm>P</Nm></Pty></Dbtr></RtrChain><RtrRsnInf><Rsn><Cd>AC04</Cd></Rsn></RtrRsnInf></TxInf></PmtRtr></Document>`,
	`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt><GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-16T10:00:00</CreDtTm></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>O</OrgnlMsgId><GrpSts>ACCP</GrpSts></OrgnlGrpInfAndSts>` +
		`<TxInfAndSts><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Prtry>E1</Prtry></Rsn><AddtlInf>A</AddtlInf></StsRsnInf><AccptncDtTm>2026-11-16T10:00:00Z</AccptncDtTm><FctvIntrBkSttlmDt><Dt>2026-11-16</Dt></FctvIntrBkSttlmDt>` +
		`<OrgnlTxRef><IntrBkSttlmAmt Ccy="USD">3</IntrBkSttlmAmt></OrgnlTxRef></TxInfAndSts></FIToFIPmtStsRpt></Document>`,
	`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.056.001.08"><R><Assgnmt><Id>A</Id></Assgnmt><Case><Id>C</Id></Case><Undrlyg><OrgnlGrpInfAndCxl><OrgnlMsgId>O</OrgnlMsgId></OrgnlGrpInfAndCxl>` +
		`<TxInf><OrgnlIntrBkSttlmAmt Ccy="USD">4</OrgnlIntrBkSttlmAmt><OrgnlIntrBkSttlmDt>2026-11-16</OrgnlIntrBkSttlmDt><CxlRsnInf><Rsn><Cd>DUPL</Cd></Rsn></CxlRsnInf></TxInf></Undrlyg></R></Document>`,
	`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.029.001.09"><R><RslvdCase><Id>C</Id></RslvdCase><Sts><Conf>RJCR</Conf></Sts><CxlDtls><OrgnlGrpInfAndSts><OrgnlMsgId>O</OrgnlMsgId></OrgnlGrpInfAndSts>` +
		`<TxInfAndSts><TxCxlSts>RJCR</TxCxlSts><CxlStsRsnInf><Rsn><Cd>NOOR</Cd></Rsn></CxlStsRsnInf><OrgnlTxRef><IntrBkSttlmAmt Ccy="USD">5</IntrBkSttlmAmt></OrgnlTxRef></TxInfAndSts></CxlDtls></R></Document>`,
	`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><R><Ntfctn><CreDtTm>2026-11-16T10:00:00Z</CreDtTm><Acct><Id><IBAN>I</IBAN></Id></Acct><Ntry><Amt Ccy="USD">6</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
		`<BookgDt><DtTm>2026-11-16T10:00:00Z</DtTm></BookgDt><BkTxCd><Prtry><Cd>FDW</Cd></Prtry></BkTxCd><NtryDtls><TxDtls><Refs><ClrSysRef>20261116LKTBFT0100041711161022FT03</ClrSysRef></Refs><Amt Ccy="USD">6</Amt>` +
		`<RltdPties><Dbtr><Pty><Nm>N</Nm></Pty></Dbtr></RltdPties><RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf><Chrgs><Rcrd><Amt Ccy="USD">1</Amt></Rcrd></Chrgs></TxDtls><TxDtls><AmtDtls><TxAmt><Amt Ccy="USD">1</Amt></TxAmt></AmtDtls></TxDtls></NtryDtls></Ntry></Ntfctn></R></Document>`,
}

// FuzzRead reads any input and checks what must hold: no panic; every
// pair an event or a *payment.Problem naming the file; events on the wire
// rail with a kind, a direction, a non-negative amount, a currency when
// there is an amount, lower-case UETRs and valid JSON (readISO and
// checkEvent check these); lines within the input.
func FuzzRead(f *testing.F) {
	for _, dir := range []string{fixturesDir, filepath.Join(fixturesDir, "bad")} {
		files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range []string{cbprEnvelope, statement053} {
		f.Add([]byte(s))
	}
	for _, s := range fuzzEdgeInputs {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			t.Skip()
		}
		const name = "fuzz.xml"
		res := readISO(t, bytes.NewReader(data), name)
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, p := range res.problems {
			if p.Source.Line < 0 || p.Source.Line > lines {
				t.Fatalf("problem at line %d; the input has %d lines: %s", p.Source.Line, lines, p.Error())
			}
		}
		for _, ev := range res.events {
			if ev.Source.Line > lines {
				t.Fatalf("event at line %d; the input has %d lines", ev.Source.Line, lines)
			}
		}
		Sniff(data) // must not panic either
	})
}
