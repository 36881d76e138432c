package iso20022

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

// cbprEnvelope is a CBPR+ customer transfer as SWIFT carries it: the
// envelope, a head.001.001.02 AppHdr with BICs, a pacs.008.001.08 from a
// UK bank to a US bank with an intermediary, charges, an exchange rate,
// instructions and structured remittance; the UETR in upper case.
const cbprEnvelope = `<?xml version="1.0" encoding="UTF-8"?>
<Envelope xmlns="urn:swift:xsd:envelope" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
	<AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02">
		<Fr><FIId><FinInstnId><BICFI>BARCGB22XXX</BICFI></FinInstnId></FIId></Fr>
		<To><FIId><FinInstnId><BICFI>LKTBUS33XXX</BICFI></FinInstnId></FIId></To>
		<BizMsgIdr>BARC20261118-7781</BizMsgIdr>
		<MsgDefIdr>pacs.008.001.08</MsgDefIdr>
		<BizSvc>swift.cbprplus.02</BizSvc>
		<CreDt>2026-11-18T09:12:44.120+00:00</CreDt>
	</AppHdr>
	<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">
		<FIToFICstmrCdtTrf>
			<GrpHdr>
				<MsgId>BARC20261118-7781</MsgId>
				<CreDtTm>2026-11-18T09:12:44.120+00:00</CreDtTm>
				<NbOfTxs>1</NbOfTxs>
				<SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf>
			</GrpHdr>
			<CdtTrfTxInf>
				<PmtId>
					<InstrId>BARC-7781</InstrId>
					<EndToEndId>CUS-1005-GB</EndToEndId>
					<UETR>9F2C4E61-1B7A-4C3D-8E5F-6A7B8C9D0E1F</UETR>
				</PmtId>
				<IntrBkSttlmAmt Ccy="USD">9975.00</IntrBkSttlmAmt>
				<IntrBkSttlmDt>2026-11-19</IntrBkSttlmDt>
				<InstdAmt Ccy="GBP">7900.00</InstdAmt>
				<XchgRate>1.2658</XchgRate>
				<ChrgBr>SHAR</ChrgBr>
				<ChrgsInf>
					<Amt Ccy="USD">25.00</Amt>
					<Agt><FinInstnId><BICFI>BARCGB22XXX</BICFI></FinInstnId></Agt>
				</ChrgsInf>
				<InstgAgt><FinInstnId><BICFI>BARCGB22XXX</BICFI></FinInstnId></InstgAgt>
				<InstdAgt><FinInstnId><BICFI>LKTBUS33XXX</BICFI></FinInstnId></InstdAgt>
				<IntrmyAgt1><FinInstnId><BICFI>CHASUS33XXX</BICFI><Nm>JPMORGAN CHASE BANK</Nm></FinInstnId></IntrmyAgt1>
				<Dbtr><Nm>Aisha Mohammed</Nm><PstlAdr><TwnNm>London</TwnNm><Ctry>GB</Ctry></PstlAdr></Dbtr>
				<DbtrAcct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id></DbtrAcct>
				<DbtrAgt><FinInstnId><BICFI>BARCGB22</BICFI><Nm>BARCLAYS BANK UK</Nm></FinInstnId></DbtrAgt>
				<CdtrAgt><FinInstnId><BICFI>LKTBUS33XXX</BICFI></FinInstnId></CdtrAgt>
				<Cdtr><Nm>NORTHWIND INVESTMENTS</Nm></Cdtr>
				<CdtrAcct><Id><Othr><Id>4470012345</Id></Othr></Id></CdtrAcct>
				<InstrForCdtrAgt><Cd>PHOB</Cd><InstrInf>CALL BEFORE CREDIT</InstrInf></InstrForCdtrAgt>
				<InstrForNxtAgt><InstrInf>/ACC/FFC NORTHWIND</InstrInf></InstrForNxtAgt>
				<RmtInf>
					<Ustrd>FBO CUS-1005 WIR-2611190001</Ustrd>
					<Ustrd>AISHA MOHAMMED</Ustrd>
				</RmtInf>
			</CdtTrfTxInf>
		</FIToFICstmrCdtTrf>
	</Document>
</Envelope>
`

func TestCBPREnvelope(t *testing.T) {
	res := readText(t, cbprEnvelope, "cbpr.xml")
	require.Empty(t, res.problems, messages(res.problems))
	require.Len(t, res.events, 1)
	ev := res.events[0]
	w := ev.Wire
	assert.Equal(t, "pacs.008", ev.Format)
	assert.Equal(t, "pacs.008.001.08", w.MessageType)
	assert.Equal(t, networkSWIFT, w.Network)
	assert.False(t, w.Inbound, "a CBPR+ header does not say whose bank is whose")
	assert.Equal(t, 19, ev.Source.Line)
	assert.Equal(t, "9975.00", payment.FormatAmount(ev.Amount, ev.Currency))
	assert.Equal(t, "USD", ev.Currency)
	assert.Equal(t, payment.NewDate(2026, 11, 19), ev.SettlementDate)
	assert.Equal(t, "9f2c4e61-1b7a-4c3d-8e5f-6a7b8c9d0e1f", ev.Refs.UETR)
	assert.Equal(t, "BARC20261118-7781", ev.Refs.MessageID)
	assert.Empty(t, ev.Refs.IMAD)
	assert.True(t, w.CycleDate.IsZero())
	assert.Equal(t, "CUS-1005-GB", ev.Refs.EndToEndID)
	assert.Equal(t, "BARC-7781", ev.Refs.InstructionID)
	assert.Equal(t, &payment.Money{Amount: dec("7900.00"), Currency: "GBP"}, w.InstructedAmount)
	assert.Equal(t, []payment.Money{{Amount: dec("25.00"), Currency: "USD"}}, w.Charges)
	assert.Equal(t, "1.2658", w.FXRate)
	assert.Equal(t, "SHAR", w.ChargeBearer)
	assert.Equal(t, []payment.WireAgent{{ID: "CHASUS33XXX", Name: "JPMORGAN CHASE BANK"}}, w.Intermediaries)
	assert.Equal(t, payment.WireParty{Name: "Aisha Mohammed", Account: "GB29NWBK60161331926819", Agent: payment.WireAgent{ID: "BARCGB22", Name: "BARCLAYS BANK UK"}}, w.Debtor)
	assert.Equal(t, "FBO CUS-1005 WIR-2611190001 AISHA MOHAMMED", w.Remittance)
	assert.Equal(t, "PHOB: CALL BEFORE CREDIT; /ACC/FFC NORTHWIND", w.BankInfo)
	assert.Equal(t, "2026-11-18T09:12:44.12Z", w.CreatedAt)
	assert.Equal(t, payment.Debit, ev.Direction, "no header direction: read as sent until the company's ids say otherwise")
	assert.Equal(t, payment.Party{Name: "NORTHWIND INVESTMENTS", Account: "4470012345"}, ev.Party, "no routing number for a BIC")
}

// dec reads a decimal for a test.
func dec(s string) decimal.Decimal {
	d, ok := parseAmount([]byte(s))
	if !ok {
		panic(s)
	}
	return d
}

// TestStatusVersionMismatch: a CBPR+ pacs.002 whose AppHdr says
// pacs.002.001.10 while its Document is pacs.002.001.14 (as a published
// CBPR+ sample does) is read as .14; its ISO reason code goes to the status
// scheme.
func TestStatusVersionMismatch(t *testing.T) {
	const doc = `<Envelope xmlns="urn:swift:xsd:envelope">
	<AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02">
		<Fr><FIId><FinInstnId><BICFI>ROYCCAT2XXX</BICFI></FinInstnId></FIId></Fr>
		<To><FIId><FinInstnId><BICFI>LKTBUS33XXX</BICFI></FinInstnId></FIId></To>
		<BizMsgIdr>ROYC-P2-0071</BizMsgIdr>
		<MsgDefIdr>pacs.002.001.10</MsgDefIdr>
		<BizSvc>swift.cbprplus.02</BizSvc>
		<CreDt>2026-11-19T15:40:00-05:00</CreDt>
	</AppHdr>
	<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.14">
		<FIToFIPmtStsRpt>
			<GrpHdr><MsgId>ROYC-P2-0071</MsgId><CreDtTm>2026-11-19T15:40:00-05:00</CreDtTm></GrpHdr>
			<TxInfAndSts>
				<OrgnlGrpInf><OrgnlMsgId>LKTB-CBPR-0042</OrgnlMsgId><OrgnlMsgNmId>pacs.008.001.08</OrgnlMsgNmId></OrgnlGrpInf>
				<OrgnlInstrId>LKTB-CBPR-0042</OrgnlInstrId>
				<OrgnlEndToEndId>WIR-2611190002</OrgnlEndToEndId>
				<OrgnlUETR>174c245f-2682-4291-ad67-2a41e530cd27</OrgnlUETR>
				<TxSts>RJCT</TxSts>
				<StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Beneficiary account closed</AddtlInf></StsRsnInf>
				<InstgAgt><FinInstnId><BICFI>ROYCCAT2XXX</BICFI></FinInstnId></InstgAgt>
				<InstdAgt><FinInstnId><BICFI>LKTBUS33XXX</BICFI></FinInstnId></InstdAgt>
				<OrgnlTxRef>
					<IntrBkSttlmAmt Ccy="CAD">6400.00</IntrBkSttlmAmt>
					<IntrBkSttlmDt>2026-11-19</IntrBkSttlmDt>
				</OrgnlTxRef>
			</TxInfAndSts>
		</FIToFIPmtStsRpt>
	</Document>
</Envelope>`
	res := readText(t, doc, "p2.xml")
	require.Empty(t, res.problems, messages(res.problems))
	require.Len(t, res.events, 1)
	ev := res.events[0]
	assert.Equal(t, "pacs.002.001.14", ev.Wire.MessageType, "the Document's namespace wins over MsgDefIdr")
	assert.Equal(t, payment.KindRejection, ev.Kind)
	assert.Equal(t, "RJCT", ev.Wire.Status)
	assert.Equal(t, reason.SchemeStatus, ev.Reason.Scheme)
	assert.Equal(t, "AC04", ev.Reason.Code)
	assert.Equal(t, "Beneficiary account closed", ev.Wire.ReasonText)
	assert.Equal(t, "LKTB-CBPR-0042", ev.Refs.OriginalMessageID, "not an IMAD")
	assert.Empty(t, ev.Refs.OriginalIMAD)
	assert.Equal(t, "WIR-2611190002", ev.Refs.OriginalEndToEndID)
	assert.Equal(t, "6400.00", payment.FormatAmount(ev.Amount, ev.Currency))
	assert.Equal(t, "CAD", ev.Currency)
	assert.Equal(t, payment.NewDate(2026, 11, 19), ev.Wire.OriginalSettlement)
	assert.Equal(t, payment.NewDate(2026, 11, 19), ev.EffectiveDate, "the day it was created")
	assert.True(t, ev.SettlementDate.IsZero())
	assert.Equal(t, networkSWIFT, ev.Wire.Network)
}

// statement053 is a camt.053.001.02 (old shapes: Sts as text, Dbtr/Nm
// without Pty) with four entries: a Fedwire credit told by its bank
// transaction code, a batch of three payments, a CHIPS debit and a
// reversal without transaction details.
const statement053 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-20261117</MsgId><CreDtTm>2026-11-17T23:00:00-05:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-4470012345-20261117</Id>
      <CreDtTm>2026-11-17T23:00:00-05:00</CreDtTm>
      <Acct><Id><Othr><Id>4470012345</Id></Othr></Id><Ccy>USD</Ccy><Ownr><Nm>NORTHWIND INVESTMENTS</Nm></Ownr></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">100000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-17</Dt></Dt></Bal>
      <Ntry>
        <Amt Ccy="USD">9975.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><DtTm>2026-11-17T10:42:00-05:00</DtTm></BookgDt>
        <ValDt><Dt>2026-11-17</Dt></ValDt>
        <AcctSvcrRef>LKTB2611170901</AcctSvcrRef>
        <BkTxCd><Prtry><Cd>FDW</Cd><Issr>LKTB</Issr></Prtry></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>CUS-1005-WIRE</EndToEndId></Refs>
          <RltdPties><Dbtr><Nm>Aisha Mohammed</Nm></Dbtr><DbtrAcct><Id><Othr><Id>7788990011</Id></Othr></Id></DbtrAcct></RltdPties>
          <RmtInf><Ustrd>FBO CUS-1005</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
        <AddtlNtryInf>INCOMING WIRE</AddtlNtryInf>
      </Ntry>
      <Ntry>
        <Amt Ccy="USD">1500.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-17</Dt></BookgDt>
        <ValDt><Dt>2026-11-17</Dt></ValDt>
        <AcctSvcrRef>LKTB2611170902</AcctSvcrRef>
        <NtryDtls>
          <Btch><NbOfTxs>3</NbOfTxs></Btch>
          <TxDtls>
            <Refs><EndToEndId>PAY-1</EndToEndId><TxId>B-1</TxId></Refs>
            <AmtDtls><TxAmt><Amt Ccy="USD">250.00</Amt></TxAmt></AmtDtls>
            <RltdPties><Cdtr><Nm>Emily Nguyen</Nm></Cdtr><CdtrAcct><Id><Othr><Id>111</Id></Othr></Id></CdtrAcct></RltdPties>
            <RltdAgts><CdtrAgt><FinInstnId><ClrSysMmbId><MmbId>021040078</MmbId></ClrSysMmbId></FinInstnId></CdtrAgt></RltdAgts>
          </TxDtls>
          <TxDtls>
            <Refs><EndToEndId>PAY-2</EndToEndId><TxId>B-2</TxId></Refs>
            <AmtDtls><TxAmt><Amt Ccy="USD">500.00</Amt></TxAmt></AmtDtls>
            <RltdPties><Cdtr><Nm>Carlos Rivera</Nm></Cdtr></RltdPties>
          </TxDtls>
          <TxDtls>
            <Refs><EndToEndId>PAY-3</EndToEndId><TxId>B-3</TxId></Refs>
            <AmtDtls><TxAmt><Amt Ccy="USD">750.00</Amt></TxAmt></AmtDtls>
            <RltdPties><Cdtr><Nm>Grace Kim</Nm></Cdtr></RltdPties>
            <AddtlTxInf>THIRD OF THREE</AddtlTxInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="USD">5000.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>PDNG</Sts>
        <BookgDt><Dt>2026-11-17</Dt></BookgDt>
        <BkTxCd><Prtry><Cd>CHP</Cd></Prtry></BkTxCd>
        <NtryDtls><TxDtls><Refs><EndToEndId>WIR-2611170009</EndToEndId></Refs></TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>REV-1</NtryRef>
        <Amt Ccy="USD">75.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <RvslInd>true</RvslInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-17</Dt></BookgDt>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>`

func TestStatementWithBatch(t *testing.T) {
	res := readText(t, statement053, "stmt.xml")
	require.Empty(t, res.problems, messages(res.problems))
	require.Len(t, res.events, 6)
	type row struct {
		line      int
		kind      payment.Kind
		dir       payment.Direction
		amount    string
		e2e, txID string
		network   string
		status    string
		party     string
	}
	var got []row
	for _, ev := range res.events {
		assert.Equal(t, "camt.053.001.02", ev.Wire.MessageType)
		got = append(got, row{ev.Source.Line, ev.Kind, ev.Direction, payment.FormatAmount(ev.Amount, ev.Currency),
			ev.Refs.EndToEndID, ev.Refs.TransactionID, ev.Wire.Network, ev.Wire.Status, ev.Party.Name})
	}
	assert.Equal(t, []row{
		{10, payment.KindPayment, payment.Credit, "9975.00", "CUS-1005-WIRE", "LKTB2611170901", networkFedwire, "BOOK", "Aisha Mohammed"},
		{34, payment.KindPayment, payment.Debit, "250.00", "PAY-1", "B-1", networkBook, "BOOK", "Emily Nguyen"},
		{40, payment.KindPayment, payment.Debit, "500.00", "PAY-2", "B-2", networkBook, "BOOK", "Carlos Rivera"},
		{45, payment.KindPayment, payment.Debit, "750.00", "PAY-3", "B-3", networkBook, "BOOK", "Grace Kim"},
		{53, payment.KindPayment, payment.Debit, "5000.00", "WIR-2611170009", "", networkCHIPS, "PDNG", ""},
		{61, payment.KindReversal, payment.Credit, "75.00", "", "REV-1", networkBook, "BOOK", ""},
	}, got)
	first := res.events[0]
	assert.Equal(t, payment.NewDate(2026, 11, 17), first.EffectiveDate, "the civil date of BookgDt/DtTm")
	assert.Equal(t, "FBO CUS-1005", first.Wire.Remittance)
	assert.Equal(t, "INCOMING WIRE", first.Wire.BankInfo)
	assert.Equal(t, payment.WireParty{Name: "NORTHWIND INVESTMENTS", Account: "4470012345"}, first.Wire.Creditor, "the statement's account is the company's side")
	assert.Equal(t, "021040078", res.events[1].Party.Routing)
	assert.Equal(t, "THIRD OF THREE", res.events[3].Wire.BankInfo)
	assert.Equal(t, payment.NewDate(2026, 11, 17), res.events[4].SettlementDate, "no ValDt: the booking date")
}

func TestRecallAnswers(t *testing.T) {
	const refused = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.029.001.13">
 <RsltnOfInvstgtn>
  <Assgnmt><Id>ANS-0098</Id><CreDtTm>2026-11-23T08:00:00-05:00</CreDtTm></Assgnmt>
  <RslvdCase><Id>CASE-WIR-2611200001</Id></RslvdCase>
  <Sts><Conf>RJCR</Conf></Sts>
  <CxlDtls>
   <OrgnlGrpInfAndSts><OrgnlMsgId>20261120LKTBQR01000111</OrgnlMsgId><OrgnlMsgNmId>pacs.008.001.08</OrgnlMsgNmId></OrgnlGrpInfAndSts>
   <TxInfAndSts>
    <OrgnlEndToEndId>WIR-2611200001</OrgnlEndToEndId>
    <OrgnlUETR>2c4d6e8f-1a3b-4c5d-9e7f-0a1b2c3d4e5f</OrgnlUETR>
    <TxCxlSts>RJCR</TxCxlSts>
    <CxlStsRsnInf><Rsn><Cd>NOOR</Cd></Rsn><AddtlInf>Original transaction never received</AddtlInf></CxlStsRsnInf>
    <OrgnlTxRef><IntrBkSttlmAmt Ccy="USD">5000.00</IntrBkSttlmAmt><IntrBkSttlmDt>2026-11-20</IntrBkSttlmDt>
     <Cdtr><Pty><Nm>Emily Nguyen</Nm></Pty></Cdtr><CdtrAcct><Id><Othr><Id>4567</Id></Othr></Id></CdtrAcct></OrgnlTxRef>
   </TxInfAndSts>
  </CxlDtls>
 </RsltnOfInvstgtn>
</Document>`
	res := readText(t, refused, "rjcr.xml")
	require.Empty(t, res.problems, messages(res.problems))
	require.Len(t, res.events, 1)
	ev := res.events[0]
	assert.Equal(t, payment.KindRecallResponse, ev.Kind)
	assert.Equal(t, "RJCR", ev.Wire.Status)
	assert.Equal(t, &payment.Reason{Scheme: reason.SchemeCancellationRefusal, Code: "NOOR", Title: ev.Reason.Title, Known: ev.Reason.Known}, ev.Reason)
	assert.Equal(t, "Original transaction never received", ev.Wire.ReasonText)
	assert.Equal(t, "CASE-WIR-2611200001", ev.Wire.CaseID)
	assert.Equal(t, "20261120LKTBQR01000111", ev.Refs.OriginalIMAD, "from the group's OrgnlGrpInfAndSts")
	assert.Equal(t, "WIR-2611200001", ev.Refs.OriginalEndToEndID)
	assert.Equal(t, "5000.00", payment.FormatAmount(ev.Amount, ev.Currency))
	assert.Equal(t, "ANS-0098", ev.Refs.MessageID)
	assert.Equal(t, 8, ev.Source.Line)
	assert.Equal(t, "Emily Nguyen", ev.Wire.Creditor.Name)
	assert.Equal(t, payment.Credit, ev.Direction, "no header: read as an answer the company's bank sent")
	assert.Equal(t, payment.NewDate(2026, 11, 23), ev.EffectiveDate)

	// Without transaction details, the answer's overall status is the event.
	const pending = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.029.001.09"><RsltnOfInvstgtn>
<Assgnmt><Id>ANS-0099</Id><CreDtTm>2026-11-23T08:00:00-05:00</CreDtTm></Assgnmt>
<RslvdCase><Id>CASE-7</Id></RslvdCase><Sts><Conf>PDCR</Conf></Sts></RsltnOfInvstgtn></Document>`
	res = readText(t, pending, "pdcr.xml")
	require.Empty(t, res.problems, messages(res.problems))
	require.Len(t, res.events, 1)
	assert.Equal(t, "PDCR", res.events[0].Wire.Status)
	assert.Equal(t, "CASE-7", res.events[0].Wire.CaseID)
	assert.Equal(t, 1, res.events[0].Source.Line)
}

// TestNamespacePrefixes: prefixed elements, a prefix declared on a wrapper,
// and a default namespace inherited from it read as plain ones.
func TestNamespacePrefixes(t *testing.T) {
	plain, err := os.ReadFile(filepath.Join(fixturesDir, "2026-11-16-deposit-pacs008.xml"))
	require.NoError(t, err)
	want := readISO(t, strings.NewReader(string(plain)), "x.xml").events
	require.Len(t, want, 1)

	prefixed := prefix(string(plain), "ns2")
	prefixed = strings.Replace(prefixed, `<ns2:Document xmlns="`, `<ns2:Document xmlns:ns2="`, 1)
	prefixed = strings.Replace(prefixed, `<ns2:AppHdr xmlns="`, `<ns2:AppHdr xmlns:ns2="`, 1)
	require.Contains(t, prefixed, "<ns2:IntrBkSttlmAmt Ccy=")

	inherited := strings.Replace(string(plain), `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">`, `<Document>`, 1)
	inherited = strings.Replace(inherited, "<AppHdr", `<Msg xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><AppHdr`, 1) + "</Msg>\n"

	for name, text := range map[string]string{"prefixed": prefixed, "inherited": inherited} {
		t.Run(name, func(t *testing.T) {
			res := readText(t, text, "x.xml")
			require.Empty(t, res.problems, messages(res.problems))
			require.Len(t, res.events, 1)
			assert.Equal(t, want[0], res.events[0])
		})
	}
}

// prefix writes every element of an XML text with a namespace prefix.
func prefix(s, p string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if s[i] == '<' && i+1 < len(s) {
			switch c := s[i+1]; {
			case c == '/':
				b.WriteString("/" + p + ":")
				i++
			case c != '?' && c != '!':
				b.WriteString(p + ":")
			}
		}
	}
	return b.String()
}

// TestCRLFAndBOM: a byte order mark and Windows line ends change nothing,
// line numbers included.
func TestCRLFAndBOM(t *testing.T) {
	for _, file := range []string{"2026-11-17-withdrawals-pacs008.xml", "2026-11-20-notification-camt054.xml"} {
		plain, err := os.ReadFile(filepath.Join(fixturesDir, file))
		require.NoError(t, err)
		want := readISO(t, strings.NewReader(string(plain)), file).events
		crlf := "\ufeff" + strings.ReplaceAll(string(plain), "\n", "\r\n")
		res := readText(t, crlf, file)
		require.Empty(t, res.problems, messages(res.problems))
		assert.Equal(t, want, res.events, file)
		assert.True(t, Sniff([]byte(crlf)))
	}
}

func TestOtherMessages(t *testing.T) {
	const ack = `<AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.03">
  <Fr><FIId><FinInstnId><ClrSysMmbId><MmbId>021151080</MmbId></ClrSysMmbId></FinInstnId></FIId></Fr>
  <To><FIId><FinInstnId><ClrSysMmbId><MmbId>074012503</MmbId></ClrSysMmbId></FinInstnId></FIId></To>
  <BizMsgIdr>20261119QMGFNP6200000711190930FT03</BizMsgIdr><MsgDefIdr>admi.007.001.01</MsgDefIdr><BizSvc>TEST</BizSvc>
  <CreDt>2026-11-19T09:30:13-05:00</CreDt></AppHdr>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:admi.007.001.01"><RctAck>
  <MsgId><MsgId>20261119QMGFNP6200000711190930FT03</MsgId></MsgId>
  <Rpt><RltdRef><Ref>20261119LKTBQR01000007</Ref></RltdRef><ReqHdlg><StsCd>TS01</StsCd></ReqHdlg></Rpt>
</RctAck></Document>`
	res := readText(t, ack, "ack.xml")
	require.Empty(t, res.problems, messages(res.problems))
	require.Len(t, res.events, 1)
	ev := res.events[0]
	assert.Equal(t, payment.KindStatus, ev.Kind)
	assert.Equal(t, "admi.007", ev.Format)
	assert.Equal(t, "admi.007.001.01", ev.Wire.MessageType)
	assert.Equal(t, "20261119QMGFNP6200000711190930FT03", ev.Refs.OMAD)
	assert.Equal(t, "TS01", ev.Wire.Status)
	assert.True(t, ev.Wire.Test, "BizSvc TEST")
	assert.True(t, ev.Wire.Inbound)
	assert.Equal(t, networkFedwire, ev.Wire.Network)
	assert.Equal(t, 6, ev.Source.Line)
	assert.Equal(t, payment.NewDate(2026, 11, 19), ev.EffectiveDate)

	const statusRequest = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.028.001.03"><FIToFIPmtStsReq>
<GrpHdr><MsgId>REQ-1</MsgId><CreDtTm>2026-11-19T12:00:00-05:00</CreDtTm></GrpHdr>
<TxInf><OrgnlGrpInf><OrgnlMsgId>20261118LKTBQR01000104</OrgnlMsgId><OrgnlMsgNmId>pacs.008.001.08</OrgnlMsgNmId></OrgnlGrpInf>
<OrgnlEndToEndId>WIR-2611180001</OrgnlEndToEndId><OrgnlUETR>5A8D3F21-6B4C-4D7E-9F10-2B3C4D5E6F70</OrgnlUETR></TxInf>
</FIToFIPmtStsReq></Document>`
	res = readText(t, statusRequest, "req.xml")
	require.Empty(t, res.problems, messages(res.problems))
	require.Len(t, res.events, 1)
	ev = res.events[0]
	assert.Equal(t, "REQ-1", ev.Refs.MessageID)
	assert.Equal(t, "20261118LKTBQR01000104", ev.Refs.OriginalIMAD)
	assert.Equal(t, "WIR-2611180001", ev.Refs.OriginalEndToEndID)
	assert.Equal(t, "5a8d3f21-6b4c-4d7e-9f10-2b3c4d5e6f70", ev.Refs.OriginalUETR)
	assert.Equal(t, "2026-11-19T12:00:00-05:00", ev.Wire.CreatedAt)
}

func TestOlderAndOtherShapes(t *testing.T) {
	t.Run("pacs.004 before RtrChain", func(t *testing.T) {
		const doc = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.004.001.02"><PmtRtr>
<GrpHdr><MsgId>RTN-OLD-1</MsgId><CreDtTm>2026-11-18T09:00:00</CreDtTm><NbOfTxs>1</NbOfTxs><IntrBkSttlmDt>2026-11-18</IntrBkSttlmDt></GrpHdr>
<OrgnlGrpInf><OrgnlMsgId>ORIG-MSG-9</OrgnlMsgId><OrgnlMsgNmId>pacs.008.001.01</OrgnlMsgNmId></OrgnlGrpInf>
<TxInf><RtrId>R-9</RtrId><OrgnlEndToEndId>WIR-2611170009</OrgnlEndToEndId>
<RtrdIntrBkSttlmAmt Ccy="USD">99.50</RtrdIntrBkSttlmAmt>
<RtrRsnInf><Rsn><Prtry>X99</Prtry></Rsn><AddtlInf>Returned</AddtlInf><AddtlInf>by request</AddtlInf></RtrRsnInf>
<OrgnlTxRef><Dbtr><Nm>NORTHWIND INVESTMENTS</Nm></Dbtr><CdtrAgt><FinInstnId><ClrSysMmbId><MmbId>011104238</MmbId></ClrSysMmbId></FinInstnId></CdtrAgt>
<Cdtr><Nm>Priya Patel</Nm></Cdtr></OrgnlTxRef></TxInf></PmtRtr></Document>`
		res := readText(t, doc, "old.xml")
		require.Empty(t, res.problems, messages(res.problems))
		require.Len(t, res.events, 1)
		ev := res.events[0]
		assert.Equal(t, payment.NewDate(2026, 11, 18), ev.SettlementDate, "the group's IntrBkSttlmDt")
		assert.Equal(t, "ORIG-MSG-9", ev.Refs.OriginalMessageID, "the group's OrgnlGrpInf")
		assert.Equal(t, "Priya Patel", ev.Wire.Debtor.Name, "the original creditor is the return's debtor")
		assert.Equal(t, "011104238", ev.Wire.Debtor.Agent.ID)
		assert.Equal(t, &payment.Reason{Scheme: reason.SchemeReturn, Code: "X99"}, ev.Reason, "a proprietary code, kept as found")
		assert.Equal(t, "Returned by request", ev.Wire.ReasonText)
		assert.Equal(t, "2026-11-18T09:00:00-05:00", ev.Wire.CreatedAt, "a time without a zone is read as US Eastern")
		assert.Equal(t, "", ev.Wire.Network)
	})
	t.Run("pacs.002 group status", func(t *testing.T) {
		const doc = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt>
<GrpHdr><MsgId>STS-1</MsgId><CreDtTm>2026-11-18T09:00:00-05:00</CreDtTm><InstgAgt><FinInstnId><ClrSysMmbId><MmbId>021151080</MmbId></ClrSysMmbId></FinInstnId></InstgAgt></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>20261118LKTBQR01000199</OrgnlMsgId><OrgnlMsgNmId>pacs.008.001.08</OrgnlMsgNmId><GrpSts>RJCT</GrpSts>
<StsRsnInf><Rsn><Prtry>E900</Prtry></Rsn></StsRsnInf></OrgnlGrpInfAndSts></FIToFIPmtStsRpt></Document>`
		res := readText(t, doc, "grp.xml")
		require.Empty(t, res.problems, messages(res.problems))
		require.Len(t, res.events, 1)
		ev := res.events[0]
		assert.Equal(t, payment.KindRejection, ev.Kind)
		assert.Equal(t, 3, ev.Source.Line)
		assert.Equal(t, reason.SchemeFedwire, ev.Reason.Scheme, "InstgAgt is the Fed")
		assert.True(t, ev.Wire.Inbound)
		assert.Equal(t, payment.Debit, ev.Direction)
		assert.Equal(t, "20261118LKTBQR01000199", ev.Refs.OriginalIMAD)
	})
	t.Run("pacs.009 cover", func(t *testing.T) {
		const doc = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08"><FICdtTrf>
<GrpHdr><MsgId>20261118B1QDRCQR000777</MsgId><CreDtTm>2026-11-18T09:00:00-05:00</CreDtTm><NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>CLRG</SttlmMtd><ClrSys><Cd>FDW</Cd></ClrSys></SttlmInf></GrpHdr>
<CdtTrfTxInf><PmtId><EndToEndId>COV-1</EndToEndId><UETR>8a562c67-ca16-48ba-b074-65581be6f011</UETR></PmtId>
<PmtTpInf><LclInstrm><Prtry>COVS</Prtry></LclInstrm></PmtTpInf>
<IntrBkSttlmAmt Ccy="USD">1000000.00</IntrBkSttlmAmt><IntrBkSttlmDt>2026-11-18</IntrBkSttlmDt>
<Dbtr><FinInstnId><ClrSysMmbId><MmbId>011104238</MmbId></ClrSysMmbId><Nm>MERIDIAN SAVINGS</Nm></FinInstnId></Dbtr>
<Cdtr><FinInstnId><ClrSysMmbId><MmbId>074012503</MmbId></ClrSysMmbId></FinInstnId></Cdtr>
<UndrlygCstmrCdtTrf><Dbtr><Nm>Robert Johnson</Nm></Dbtr><DbtrAcct><Id><Othr><Id>7700456123</Id></Othr></Id></DbtrAcct>
<DbtrAgt><FinInstnId><ClrSysMmbId><MmbId>011104238</MmbId></ClrSysMmbId></FinInstnId></DbtrAgt>
<Cdtr><Nm>NORTHWIND INVESTMENTS</Nm></Cdtr></UndrlygCstmrCdtTrf></CdtTrfTxInf></FICdtTrf></Document>`
		res := readText(t, doc, "cov.xml")
		require.Empty(t, res.problems, messages(res.problems))
		require.Len(t, res.events, 1)
		ev := res.events[0]
		assert.Equal(t, "pacs.009", ev.Format)
		assert.Equal(t, "COVS", ev.Wire.LocalInstrument)
		assert.Equal(t, payment.WireParty{Name: "MERIDIAN SAVINGS", Agent: payment.WireAgent{ID: "011104238", Name: "MERIDIAN SAVINGS"}}, ev.Wire.Debtor)
		assert.Equal(t, "20261118B1QDRCQR000777", ev.Refs.IMAD)
		assert.Equal(t, networkFedwire, ev.Wire.Network)
		assert.Equal(t, payment.Party{Name: "NORTHWIND INVESTMENTS"}, ev.Party, "no header: read as sent, so the underlying creditor")
	})
	t.Run("CHIPS", func(t *testing.T) {
		const doc = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
<GrpHdr><MsgId>CHIPS-1</MsgId><CreDtTm>2026-11-18T09:00:00-05:00</CreDtTm><NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>CLRG</SttlmMtd><ClrSys><Cd>CHP</Cd></ClrSys></SttlmInf></GrpHdr>
<CdtTrfTxInf><PmtId><EndToEndId>E</EndToEndId></PmtId><IntrBkSttlmAmt Ccy="usd">1</IntrBkSttlmAmt><IntrBkSttlmDt>2026-11-18</IntrBkSttlmDt></CdtTrfTxInf>
</FIToFICstmrCdtTrf></Document>`
		res := readText(t, doc, "chips.xml")
		require.Len(t, res.events, 1)
		assert.Equal(t, networkCHIPS, res.events[0].Wire.Network)
		assert.Equal(t, "USD", res.events[0].Currency)
	})
}

func TestProblems(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		problems   []string // "line: message", warnings marked "warning: "
		events     int
	}{
		{"empty", "", []string{"0: empty file: no ISO 20022 message"}, 0},
		{"blank", "\ufeff \r\n\t\n", []string{"0: empty file: no ISO 20022 message"}, 0},
		{"not XML", "hello, world\n", []string{"1: not an ISO 20022 file: no XML element found"}, 0},
		{"other XML", "<html><body>hi</body></html>", []string{"1: no ISO 20022 message in the file: no <Document> element found"}, 0},
		{"mismatched", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\">\n<FIToFICstmrCdtTrf>\n</Document>",
			[]string{"3: not well-formed XML at line 3, column 12: element <FIToFICstmrCdtTrf> opened at line 2 is closed by </Document>; nothing after it is read; the Document starting at line 1 gave no events"}, 0},
		{"bad character", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\">\n<A>\x00</A></Document>",
			[]string{"2: not well-formed XML at line 2, column 5: illegal character code U+0000; nothing after it is read; the Document starting at line 1 gave no events"}, 0},
		{"AppHdr alone", `<AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.03"><BizMsgIdr>X1</BizMsgIdr></AppHdr>`,
			[]string{`1: AppHdr (BizMsgIdr "X1") is not followed by its Document`}, 0},
		{"no transactions", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf><GrpHdr><MsgId>M1</MsgId></GrpHdr></FIToFICstmrCdtTrf></Document>`,
			[]string{"1: pacs.008 message M1 holds no transaction (CdtTrfTxInf)"}, 0},
		{"no amount, no currency", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
<CdtTrfTxInf><PmtId><EndToEndId>E1</EndToEndId></PmtId><IntrBkSttlmDt>2026-11-16</IntrBkSttlmDt></CdtTrfTxInf>
<CdtTrfTxInf><PmtId><EndToEndId>E2</EndToEndId></PmtId><IntrBkSttlmAmt>5.00</IntrBkSttlmAmt><IntrBkSttlmDt>2026-11-16</IntrBkSttlmDt></CdtTrfTxInf>
<CdtTrfTxInf><PmtId><EndToEndId>E3</EndToEndId></PmtId><IntrBkSttlmAmt Ccy="US">5.00</IntrBkSttlmAmt></CdtTrfTxInf>
</FIToFICstmrCdtTrf></Document>`, []string{
			"2: pacs.008 CdtTrfTxInf at line 2 (EndToEndId E1) skipped: no IntrBkSttlmAmt",
			"3: pacs.008 CdtTrfTxInf at line 3 (EndToEndId E2) skipped: IntrBkSttlmAmt 5.00 has no currency (Ccy attribute)",
			`4: pacs.008 CdtTrfTxInf at line 4 (EndToEndId E3) skipped: IntrBkSttlmAmt 5.00 has currency "US", not a three-letter ISO 4217 code`,
		}, 0},
		{"optional pieces", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
<GrpHdr><MsgId>M2</MsgId><CreDtTm>yesterday</CreDtTm></GrpHdr>
<CdtTrfTxInf><PmtId><EndToEndId>E4</EndToEndId></PmtId><IntrBkSttlmAmt Ccy="USD">5.00</IntrBkSttlmAmt><InstdAmt Ccy="USD">5,00</InstdAmt></CdtTrfTxInf>
</FIToFICstmrCdtTrf></Document>`, []string{
			`2: warning: pacs.008 CreDtTm "yesterday" is not a valid date and time; left out`,
			`3: warning: pacs.008 CdtTrfTxInf at line 3 (EndToEndId E4): no IntrBkSttlmDt`,
			`3: warning: pacs.008 CdtTrfTxInf at line 3 (EndToEndId E4): InstdAmt "5,00" is not an amount (want digits and a decimal point, like 1234.56); left out`,
		}, 1},
		{"no namespace", `<Document><BkToCstmrDbtCdtNtfctn><Ntfctn><Ntry><Amt Ccy="USD">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`,
			[]string{"1: warning: Document has no namespace; read as camt.054 from its <BkToCstmrDbtCdtNtfctn> element, version unknown"}, 1},
		{"no namespace, unknown", `<Document><Stuff/></Document>`,
			[]string{"1: Document has no namespace and its message <Stuff> is not one payinv reads; skipped"}, 0},
		{"bad entry", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><Ntfctn>
<Ntry><NtryRef>N1</NtryRef><Amt Ccy="USD">1.00</Amt><CdtDbtInd>CRED</CdtDbtInd><BookgDt><Dt>2026-02-30</Dt></BookgDt></Ntry>
<Ntry><NtryRef>N2</NtryRef><Amt Ccy="USD">2.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></Ntry>
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`, []string{
			`2: camt.054 Ntry at line 2 (NtryRef N1) skipped: CdtDbtInd "CRED" is neither CRDT (credit) nor DBIT (debit); BookgDt/Dt "2026-02-30" is not a valid date (want YYYY-MM-DD)`,
		}, 1},
		{"empty statement", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>S1</Id><Acct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id></Acct></Stmt></BkToCstmrStmt></Document>`,
			[]string{"1: warning: camt.053 statement S1 for account GB29NWBK60161331926819 holds no entries"}, 0},
		{"encoding", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Document/>",
			[]string{`1: not well-formed XML at line 1, column 40: opening charset "UTF-16": payinv reads UTF-8, ISO-8859-1 and Windows-1252 only; nothing after it is read`}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := readText(t, tt.text, "p.xml")
			var got []string
			for _, p := range res.problems {
				s := p.Message
				if p.Warning {
					s = "warning: " + s
				}
				got = append(got, strconv.Itoa(p.Source.Line)+": "+s)
			}
			assert.Equal(t, tt.problems, got)
			assert.Len(t, res.events, tt.events)
		})
	}
}

func TestLatin1(t *testing.T) {
	text := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" +
		`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf><CdtTrfTxInf>` +
		`<IntrBkSttlmAmt Ccy="USD">1.00</IntrBkSttlmAmt><IntrBkSttlmDt>2026-11-16</IntrBkSttlmDt>` +
		"<Cdtr><Nm>Jos\xe9 Pe\xf1a</Nm></Cdtr></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"
	res := readText(t, text, "l1.xml")
	require.Empty(t, res.problems, messages(res.problems))
	require.Len(t, res.events, 1)
	assert.Equal(t, "José Peña", res.events[0].Party.Name)
}

// TestManyMessagesNoWrapper: AppHdr and Document pairs one after another
// at the top level, each header going with its own Document.
func TestManyMessagesNoWrapper(t *testing.T) {
	var b strings.Builder
	for _, f := range []string{"2026-11-16-deposit-pacs008.xml", "2026-11-16-withdrawal-pacs008.xml", "2026-11-16-status-pacs002.xml"} {
		data, err := os.ReadFile(filepath.Join(fixturesDir, f))
		require.NoError(t, err)
		b.Write(data)
	}
	res := readText(t, b.String(), "day.xml")
	require.Empty(t, res.problems, messages(res.problems))
	require.Len(t, res.events, 3)
	assert.Equal(t, []bool{true, false, true}, []bool{res.events[0].Wire.Inbound, res.events[1].Wire.Inbound, res.events[2].Wire.Inbound})
	assert.Equal(t, []payment.Direction{payment.Credit, payment.Debit, payment.Debit}, []payment.Direction{res.events[0].Direction, res.events[1].Direction, res.events[2].Direction})
	assert.Equal(t, []int{26, 82 + 25, 82 + 73 + 21}, []int{res.events[0].Source.Line, res.events[1].Source.Line, res.events[2].Source.Line})
}

// TestStopEarly: the reader stops when the consumer does.
func TestStopEarly(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixturesDir, "2026-11-20-notification-camt054.xml"))
	require.NoError(t, err)
	n := 0
	for range Read(strings.NewReader(string(data)), "n.xml") {
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
	// The pooled reader is clean for the next file.
	res := readFile(t, "2026-11-16-deposit-pacs008.xml")
	require.Len(t, res.events, 1)
	assert.Empty(t, res.problems)
}
