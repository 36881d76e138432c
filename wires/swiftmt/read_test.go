package swiftmt

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

// The samples below are modelled on the public conventions in the
// project's wires reference: the Payments Reject/Return Guidelines (§3.3,
// as in the CBPR+ translation samples of ballerina-platform's
// swiftmt-to-iso20022 tests), the gpi status in an MT199 (§3.4, Oracle's
// gpi documentation), an MT202COV with its sequence B, and the RJE files
// with ACK service messages of prowide-core's tests.

// retnMT103 is an MT103 returned with the five guideline lines of §3.3.
const retnMT103 = `{1:F01ANBTUS44AXXX0000000000}{2:O1030645210512CHASUS33AXXX00000000002105120645N}{3:{121:c0f9e8d7-b6a5-4c3d-9e2f-1a0b9c8d7e6f}}{4:
:20:P4C2B-005
:21:B2C0506272708
:23B:CRED
:32A:210512USD136455,
:33B:USD136480,
:50F:/96325874
1/DEBITEUR SA
2/RUE DE LA LOI 1
3/BE/BRUSSELS
:52A:CHASUS33
:59F:/12345678
1/JOHN CUSTOMER
2/1 MAIN ST
3/US/NEW YORK
:71A:SHA
:71F:USD25,
:72:/RETN/59
/AC04/optional text
/MREF/B2C0506272708
/TREF/E2E040445062713+
/CHGS/USD25,
-}`

// gpiMT199 is a gpi status whose block 3 lacks {111:}: the :79: tells.
const gpiMT199 = `{1:F01LKTBUS33AXXX0000000000}{2:O1991002261120DEUTDEFFAXXX00000000002611201002N}{3:{121:2B7C9D1E-3F4A-4B5C-9D6E-8F7A6B5C4D3E}}{4:
:20:DEUTGPI001
:21:WIR-2611200001
:79://2611201002+0100
//ACSP/G004
//DEUTDEFF
//USD5000,
-}`

// coverMT202 is an MT202COV received, with its sequence B.
const coverMT202 = `{1:F01LKTBUS33AXXX0000000000}{2:O2020920261120CITIUS33AXXX00000000002611200920N}{3:{119:COV}{121:7a562c67-ca16-48ba-b074-65581be6f001}}{4:
:20:CITICOV0001
:21:BARC261120X01
:32A:261120USD65784,32
:52A:BARCGB22
:56A:CITIUS33
:57A:LKTBUS33
:58A:LKTBUS33
:50F:/GB29BARC20000012345678
1/AISHA MOHAMMED
2/14 ELM ROAD
3/GB/LONDON
:59:/4470012345
NORTHWIND INVESTMENTS
:70:/RFB/WIR-2611190001
:33B:USD65800,00
-}`

// rjeWithACK is an RJE file as prowide exports it: each message preceded
// by the ACK that names it (same session and ISN), "$" between messages,
// and a stray "{" left after one "-}".
const rjeWithACK = "{1:F21LKTBUS33AXXX5195167828}{4:{177:2611200717}{451:0}}{1:F01LKTBUS33AXXX5195167828}{2:I103ROYCCAT2XXXXN}{3:{108:WIR2611200001}{121:2b7c9d1e-3f4a-4b5c-9d6e-8f7a6b5c4d3e}}{4:\n" +
	":20:WIR-2611200001\n:23B:CRED\n:32A:261120USD5000,\n:50K:/4470012345\nNORTHWIND INVESTMENTS\n:59:/0061234567\nEMILY NGUYEN\n:71A:OUR\n-}{\n$" +
	"{1:F21LKTBUS33AXXX5195167830}{4:{177:2611200718}{451:0}}{1:F01LKTBUS33AXXX5195167830}{2:I103BARCGB22XXXXN}{3:{121:8f9e0d1c-2b3a-4c5d-9e6f-0a1b2c3d4e5f}}{4:\n" +
	":20:WIR-2611200002\n:23B:CRED\n:32A:261120USD1500,00\n:50K:/4470012345\nNORTHWIND INVESTMENTS\n:59:/GB33BUKB20201555555555\nCARLOS RIVERA\n:71A:SHA\n:71F:USD0,\n:71F:USD12,50\n-}\n"

// mt103 returns a received MT103 with fields between the mandatory ones.
func mt103(ref, fields string) string {
	return "{1:F01LKTBUS33AXXX0000000000}{2:O1031001261130BARCGB22AXXX00000000002611301002N}{4:\n:20:" + ref +
		"\n:23B:CRED\n:32A:261130USD100,00\n:50K:/GB29BARC20000012345678\nAISHA MOHAMMED\n:59:/4470012345\nNORTHWIND INVESTMENTS\n:71A:SHA\n" +
		fields + "-}"
}

// sent103 returns an MT103 the company's bank sent, with the given fields
// after :50K:.
func sent103(ref, fields string) string {
	return "{1:F01LKTBUS33AXXX4418200109}{2:I103ROYCCAT2XXXXN}{4:\n:20:" + ref +
		"\n:23B:CRED\n:32A:261120USD200,00\n:50K:/4470012345\nNORTHWIND INVESTMENTS\n" + fields + ":71A:OUR\n-}"
}

func TestRealWorldReturn(t *testing.T) {
	res := readString(t, retnMT103, "retn.fin")
	require.Empty(t, res.problems, messages(res.problems))
	require.Len(t, res.events, 1)
	ev := res.events[0]
	w := ev.Wire
	assert.Equal(t, payment.KindReturn, ev.Kind)
	assert.Equal(t, payment.Credit, ev.Direction)
	assert.Equal(t, "136455.00", payment.FormatAmount(ev.Amount, ev.Currency))
	assert.Equal(t, payment.NewDate(2021, 5, 12), ev.SettlementDate)
	assert.Equal(t, reason.For(reason.SchemeReturn, "AC04"), ev.Reason)
	assert.Equal(t, "optional text", w.ReasonText)
	assert.Equal(t, "B2C0506272708", ev.Refs.OriginalSenderReference)
	assert.Equal(t, "B2C0506272708", ev.Refs.OriginalSenderReference)
	assert.Equal(t, "E2E040445062713+", ev.Refs.OriginalEndToEndID)
	assert.Empty(t, ev.Refs.OriginalUETR)
	assert.Equal(t, "c0f9e8d7-b6a5-4c3d-9e2f-1a0b9c8d7e6f", ev.Refs.UETR)
	assert.Equal(t, "B2C0506272708", w.RelatedReference)
	require.Len(t, w.Charges, 1, "/CHGS/ repeats :71F:")
	assert.Equal(t, "25.00", payment.FormatAmount(w.Charges[0].Amount, "USD"))
	require.NotNil(t, w.InstructedAmount)
	assert.Equal(t, "136480.00", payment.FormatAmount(w.InstructedAmount.Amount, "USD"))
	assert.Equal(t, payment.WireParty{Name: "DEBITEUR SA", Account: "96325874", Agent: payment.WireAgent{ID: "CHASUS33"}}, w.Debtor)
	assert.Equal(t, payment.WireParty{Name: "JOHN CUSTOMER", Account: "12345678", Agent: payment.WireAgent{ID: "ANBTUS44XXX"}}, w.Creditor)
	assert.Equal(t, payment.Party{Name: "DEBITEUR SA", Account: "96325874"}, ev.Party)
}

func TestRealWorldGPIStatus(t *testing.T) {
	for _, tt := range []struct {
		name, status string
		kind         payment.Kind
		reason       *payment.Reason
	}{
		{"ACSP/G004", "ACSP", payment.KindStatus, reason.For(reason.SchemeGPI, "G004")},
		{"ACCC", "ACCC", payment.KindStatus, nil},
		{"RJCT/AC01", "RJCT", payment.KindRejection, reason.For(reason.SchemeStatus, "AC01")},
		{"ACSP/G000/", "ACSP", payment.KindStatus, reason.For(reason.SchemeGPI, "G000")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := readString(t, strings.Replace(gpiMT199, "ACSP/G004", tt.name, 1), "gpi.fin")
			require.Empty(t, res.problems, messages(res.problems))
			require.Len(t, res.events, 1)
			ev := res.events[0]
			assert.Equal(t, FormatMT199, ev.Format)
			assert.Equal(t, tt.kind, ev.Kind)
			assert.Equal(t, payment.Debit, ev.Direction, "news about a payment the company sent")
			assert.Equal(t, tt.status, ev.Wire.Status)
			assert.Equal(t, tt.reason, ev.Reason)
			assert.Equal(t, "2026-11-20T10:02:00+01:00", ev.Wire.CreatedAt)
			assert.Equal(t, payment.NewDate(2026, 11, 20), ev.EffectiveDate)
			assert.Equal(t, "5000.00", payment.FormatAmount(ev.Amount, ev.Currency))
			assert.Equal(t, "USD", ev.Currency)
			assert.Equal(t, "2b7c9d1e-3f4a-4b5c-9d6e-8f7a6b5c4d3e", ev.Refs.OriginalUETR, "lower-cased")
			assert.Empty(t, ev.Refs.UETR)
			assert.Equal(t, "WIR-2611200001", ev.Refs.OriginalSenderReference)
		})
	}
}

func TestRealWorldCover(t *testing.T) {
	res := readString(t, coverMT202, "cov.fin")
	require.Empty(t, res.problems, messages(res.problems))
	require.Len(t, res.events, 1)
	ev := res.events[0]
	w := ev.Wire
	assert.Equal(t, FormatMT202COV, ev.Format)
	assert.Equal(t, "MT202COV", w.MessageType)
	assert.Equal(t, payment.KindPayment, ev.Kind)
	assert.Equal(t, payment.Credit, ev.Direction)
	assert.Equal(t, "65784.32", payment.FormatAmount(ev.Amount, ev.Currency))
	assert.Equal(t, payment.WireParty{Name: "AISHA MOHAMMED", Account: "GB29BARC20000012345678", Agent: payment.WireAgent{ID: "BARCGB22"}}, w.Debtor)
	assert.Equal(t, payment.WireParty{Name: "NORTHWIND INVESTMENTS", Account: "4470012345", Agent: payment.WireAgent{ID: "LKTBUS33"}}, w.Creditor)
	assert.Equal(t, []payment.WireAgent{{ID: "CITIUS33"}}, w.Intermediaries)
	assert.Equal(t, "/RFB/WIR-2611190001", w.Remittance)
	require.NotNil(t, w.InstructedAmount)
	assert.Equal(t, "65800.00", payment.FormatAmount(w.InstructedAmount.Amount, "USD"))
	assert.Equal(t, "BARC261120X01", ev.Refs.OriginalSenderReference)
	assert.Equal(t, payment.Party{Name: "AISHA MOHAMMED", Account: "GB29BARC20000012345678"}, ev.Party)
}

// TestCoverSequenceBBank: sequence B's :57a: is the customer's bank; the
// cover's beneficiary institution is then a bank on the way.
func TestCoverSequenceBBank(t *testing.T) {
	in := strings.Replace(coverMT202, ":70:", ":57D://FW021040078\nFIRST CITY BANK\n:70:", 1)
	res := readString(t, in, "cov.fin")
	require.Empty(t, res.problems, messages(res.problems))
	w := res.events[0].Wire
	assert.Equal(t, payment.WireAgent{ID: "021040078", Name: "FIRST CITY BANK"}, w.Creditor.Agent)
	assert.Equal(t, []payment.WireAgent{{ID: "CITIUS33"}, {ID: "LKTBUS33"}}, w.Intermediaries)
}

func TestRealWorldRJEWithACK(t *testing.T) {
	res := readString(t, rjeWithACK, "bulk.rje")
	require.Len(t, res.problems, 1, messages(res.problems))
	assert.True(t, res.problems[0].Warning, "a stray { loses nothing")
	assert.Contains(t, res.problems[0].Message, `stray "{" outside any message ignored`)
	assert.Equal(t, 10, res.problems[0].Source.Line)
	require.Len(t, res.events, 2)
	for i, ref := range []string{"WIR-2611200001", "WIR-2611200002"} {
		ev := res.events[i]
		assert.Equal(t, ref, ev.Refs.SenderReference)
		assert.Equal(t, "ACK", ev.Wire.Status)
		assert.False(t, ev.Wire.Inbound)
		assert.Equal(t, payment.Debit, ev.Direction)
	}
	assert.Equal(t, 1, res.events[0].Source.Line)
	assert.Equal(t, 11, res.events[1].Source.Line)
	assert.Equal(t, "5000.00", payment.FormatAmount(res.events[0].Amount, "USD"))
	assert.Len(t, res.events[1].Wire.Charges, 2)
}

func TestServiceMessages(t *testing.T) {
	const nak = "{1:F21LKTBUS33AXXX4418200105}{4:{177:2611200930}{451:1}{405:T27}}"
	pay := sent103("WIR-2611200003", ":59:/0061234567\nEMILY NGUYEN\n")
	payWith := func(sessISN string) string {
		return strings.Replace(pay, "4418200109", sessISN, 1)
	}
	t.Run("NAK before the message it names", func(t *testing.T) {
		res := readString(t, nak+payWith("4418200105"), "nak.fin")
		require.Empty(t, res.problems, messages(res.problems))
		require.Len(t, res.events, 2)
		rej, p := res.events[0], res.events[1]
		assert.Equal(t, FormatNAK, rej.Format)
		assert.Equal(t, payment.KindRejection, rej.Kind)
		assert.Equal(t, payment.Debit, rej.Direction)
		assert.Equal(t, "NAK", rej.Wire.Status)
		assert.Equal(t, "T27", rej.Wire.ReasonText)
		assert.Nil(t, rej.Reason)
		assert.Equal(t, "WIR-2611200003", rej.Refs.OriginalSenderReference)
		assert.Equal(t, "200.00", payment.FormatAmount(rej.Amount, rej.Currency))
		assert.Equal(t, "MT103", rej.Wire.OriginalMessageType)
		assert.Equal(t, payment.NewDate(2026, 11, 20), rej.EffectiveDate)
		assert.Equal(t, "EMILY NGUYEN", rej.Party.Name)
		assert.Equal(t, payment.KindPayment, p.Kind)
		assert.Equal(t, "NAK", p.Wire.Status)
	})
	t.Run("ACK after the message it names", func(t *testing.T) {
		res := readString(t, payWith("4418200106")+"\n{1:F21LKTBUS33AXXX4418200106}{4:{177:2611200930}{451:0}}\n", "ack.fin")
		require.Empty(t, res.problems, messages(res.problems))
		require.Len(t, res.events, 1)
		assert.Equal(t, "ACK", res.events[0].Wire.Status)
	})
	t.Run("ACK naming the message by its MUR", func(t *testing.T) {
		m := strings.Replace(pay, "{4:", "{3:{108:MUR77}}{4:", 1)
		res := readString(t, m+"{1:F21LKTBUS33AXXX0000000000}{4:{177:2611200930}{451:0}{108:MUR77}}", "ack.fin")
		require.Empty(t, res.problems, messages(res.problems))
		require.Len(t, res.events, 1)
		assert.Equal(t, "ACK", res.events[0].Wire.Status)
	})
	t.Run("ACK after a message it does not name, before the one it names", func(t *testing.T) {
		in := payWith("4418200107") + "{1:F21LKTBUS33AXXX4418200108}{4:{177:2611200930}{451:0}}" + payWith("4418200108")
		res := readString(t, in, "ack.fin")
		require.Empty(t, res.problems, messages(res.problems))
		require.Len(t, res.events, 2)
		assert.Empty(t, res.events[0].Wire.Status)
		assert.Equal(t, "ACK", res.events[1].Wire.Status)
	})
	t.Run("NAK of no message in the file", func(t *testing.T) {
		res := readString(t, nak, "nak.fin")
		require.Empty(t, res.problems, messages(res.problems))
		require.Len(t, res.events, 1)
		ev := res.events[0]
		assert.Equal(t, payment.KindRejection, ev.Kind)
		assert.Equal(t, "NAK of a message not in the file (session 4418, ISN 200105)", ev.Wire.BankInfo)
		assert.True(t, ev.Amount.IsZero())
	})
	t.Run("ACK of no message in the file", func(t *testing.T) {
		res := readString(t, "{1:F21LKTBUS33AXXX4418200105}{4:{177:2611200930}{451:0}}"+payWith("4418200104"), "ack.fin")
		require.Len(t, res.problems, 1)
		assert.True(t, res.problems[0].Warning)
		assert.Equal(t, "message 1: an ACK for a message not in the file (session 4418 ISN 200105); nothing to mark", res.problems[0].Message)
		require.Len(t, res.events, 1)
		assert.Empty(t, res.events[0].Wire.Status)
	})
	t.Run("service message without 451", func(t *testing.T) {
		res := readString(t, "{1:F21LKTBUS33AXXX4418200105}{4:{177:2611200930}}", "svc.fin")
		require.Len(t, res.errs(), 1)
		assert.Contains(t, res.errs()[0].Message, "without {451:}")
	})
}

func TestNarratives(t *testing.T) {
	mt199 := func(b3, text string) string {
		return "{1:F01LKTBUS33AXXX0000000000}{2:O1991135261121ROYCCAT2AXXX00000000002611211135N}" + b3 + "{4:\n:20:RBC199-01\n:21:WIR-2611200001\n:79:" + text + "\n-}"
	}
	t.Run("free text with a reason", func(t *testing.T) {
		res := readString(t, mt199("", "WE CANNOT APPLY YOUR PAYMENT\nREF WIR-2611200001: ACCOUNT CLOSED"), "199.fin")
		require.Empty(t, res.problems, messages(res.problems))
		ev := res.events[0]
		assert.Equal(t, payment.KindStatus, ev.Kind)
		assert.Equal(t, reason.For(reason.SchemeReturn, "AC04"), ev.Reason)
		assert.True(t, ev.Wire.ReasonInferred)
		assert.Equal(t, "WE CANNOT APPLY YOUR PAYMENT REF WIR-2611200001: ACCOUNT CLOSED", ev.Wire.BankInfo)
		assert.Equal(t, ev.Wire.BankInfo, ev.Wire.ReasonText)
		assert.Equal(t, payment.NewDate(2026, 11, 21), ev.EffectiveDate, "the delivery date")
		assert.True(t, ev.Amount.IsZero())
		assert.Empty(t, ev.Currency)
		assert.Equal(t, "WIR-2611200001", ev.Refs.OriginalSenderReference)
	})
	t.Run("free text without a reason", func(t *testing.T) {
		res := readString(t, mt199("", "PLEASE CONFIRM THE BENEFICIARY ADDRESS"), "199.fin")
		ev := res.events[0]
		assert.Nil(t, ev.Reason)
		assert.False(t, ev.Wire.ReasonInferred)
		assert.Empty(t, ev.Wire.ReasonText)
	})
	t.Run("REJT in 79, ISO code behind XT99", func(t *testing.T) {
		res := readString(t, mt199("{3:{121:174c245f-2682-4291-ad67-2a41e530cd27}}", "/REJT/99\n/XT99/MD01/\n/MREF/C2D0506272708\n/TREF/E2E040445062713+\n/TEXT//UETR/174c245f-2682-4291-ad67-2a41e530cd27"), "199.fin")
		require.Empty(t, res.problems, messages(res.problems))
		ev := res.events[0]
		assert.Equal(t, payment.KindRejection, ev.Kind)
		assert.Equal(t, reason.For(reason.SchemeStatus, "MD01"), ev.Reason)
		assert.Equal(t, "C2D0506272708", ev.Refs.OriginalSenderReference)
		assert.Equal(t, "E2E040445062713+", ev.Refs.OriginalEndToEndID)
		assert.Equal(t, "174c245f-2682-4291-ad67-2a41e530cd27", ev.Refs.OriginalUETR)
	})
	t.Run("gpi flag with a narrative that is no status", func(t *testing.T) {
		res := readString(t, mt199("{3:{111:001}}", "//2611211135\nNOT A STATUS LINE"), "199.fin")
		require.Len(t, res.warnings(), 1, messages(res.problems))
		assert.Contains(t, res.warnings()[0].Message, "does not read as a gpi status")
		assert.Equal(t, payment.KindStatus, res.events[0].Kind)
	})
	t.Run("MT299", func(t *testing.T) {
		res := readString(t, strings.Replace(mt199("", "/REJT/99\n/AC04/"), "O199", "O299", 1), "299.fin")
		ev := res.events[0]
		assert.Equal(t, FormatMT299, ev.Format)
		assert.Equal(t, payment.KindRejection, ev.Kind)
		assert.Equal(t, "WIR-2611200001", ev.Refs.OriginalSenderReference, ":21: when there is no /MREF/")
	})
}

func TestGuidelineForms(t *testing.T) {
	for _, tt := range []struct {
		name, f72  string
		kind       payment.Kind
		code, text string
		inferred   bool
		uetr, mref string
		fx         string
	}{
		{"the guideline", "/RETN/59\n/AC01/\n/MREF/WIR-1", payment.KindReturn, "AC01", "", false, "", "WIR-1", ""},
		{"code on the first line", "/RETN/AC01/Invalid account number", payment.KindReturn, "AC01", "Invalid account number", false, "", "REL-1", ""},
		{"words on the first line", "/RETN/ACCOUNT CLOSED", payment.KindReturn, "AC04", "ACCOUNT CLOSED", true, "", "REL-1", ""},
		{"XT99", "/REJT/99\n/XT99/AC05/closed debtor account", payment.KindRejection, "AC05", "closed debtor account", false, "", "REL-1", ""},
		{"UETR continued over two lines", "/RETN/59\n/BE01/\n/TEXT//UETR/2b7c9d1e-3f4a-4b5c-9d6e\n//-8f7a6b5c4d3e", payment.KindReturn, "BE01", "", false, "2b7c9d1e-3f4a-4b5c-9d6e-8f7a6b5c4d3e", "REL-1", ""},
		{"text and exchange rate", "/RETN/59\n/AC04/\n/EXCH/1,0909\n/TEXT/ACCOUNT CLOSED 2026\n//-11-01", payment.KindReturn, "AC04", "ACCOUNT CLOSED 2026 -11-01", false, "", "REL-1", "1.0909"},
		{"lower case keyword", "/rejt/59\n/AC01/", payment.KindRejection, "AC01", "", false, "", "REL-1", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := readString(t, mt103("RET-1", ":21:REL-1\n:72:"+tt.f72+"\n"), "g.fin")
			require.Empty(t, res.problems, messages(res.problems))
			ev := res.events[0]
			scheme := reason.SchemeReturn
			if tt.kind == payment.KindRejection {
				scheme = reason.SchemeStatus
			}
			assert.Equal(t, tt.kind, ev.Kind)
			assert.Equal(t, reason.For(scheme, tt.code), ev.Reason)
			assert.Equal(t, tt.text, ev.Wire.ReasonText)
			assert.Equal(t, tt.inferred, ev.Wire.ReasonInferred)
			assert.Equal(t, tt.uetr, ev.Refs.OriginalUETR)
			assert.Equal(t, tt.mref, ev.Refs.OriginalSenderReference)
			assert.Equal(t, tt.fx, ev.Wire.FXRate)
		})
	}
	t.Run("bad charges", func(t *testing.T) {
		res := readString(t, mt103("RET-1", ":72:/RETN/59\n/AC01/\n/CHGS/USD25.00\n"), "g.fin")
		require.Len(t, res.warnings(), 1)
		assert.Contains(t, res.warnings()[0].Message, `field :72: /CHGS/ amount "25.00" has a decimal point`)
		assert.Equal(t, payment.KindReturn, res.events[0].Kind)
	})
}

func TestFieldOptions(t *testing.T) {
	t.Run("50A and 59A name banks' customers by BIC", func(t *testing.T) {
		in := strings.Replace(strings.Replace(mt103("X-1", ""), ":50K:/GB29BARC20000012345678\nAISHA MOHAMMED", ":50A:/12345\nACMEGB2L", 1),
			":59:/4470012345\nNORTHWIND INVESTMENTS", ":59A:/4470012345\nNWINUS31", 1)
		res := readString(t, in, "o.fin")
		require.Empty(t, res.problems, messages(res.problems))
		w := res.events[0].Wire
		assert.Equal(t, "ACMEGB2L", w.Debtor.Name)
		assert.Equal(t, "12345", w.Debtor.Account)
		assert.Equal(t, "NWINUS31", w.Creditor.Name)
	})
	t.Run("a Fedwire routing number names the customer's bank", func(t *testing.T) {
		res := readString(t, sent103("WIR-9", ":57D://FW021040078\nFIRST CITY BANK\nNEW YORK\n:59:/567876543\nJANE CUSTOMER\n"), "fw.fin")
		require.Empty(t, res.problems, messages(res.problems))
		ev := res.events[0]
		assert.Equal(t, payment.Party{Name: "JANE CUSTOMER", Account: "567876543", Routing: "021040078"}, ev.Party)
		assert.Equal(t, payment.WireAgent{ID: "021040078", Name: "FIRST CITY BANK"}, ev.Wire.Creditor.Agent)
	})
	t.Run("57A with a Fedwire line", func(t *testing.T) {
		res := readString(t, sent103("WIR-9", ":57A://FW021040078\nFCBKUS33\n:59:/567876543\nJANE CUSTOMER\n"), "fw.fin")
		ev := res.events[0]
		assert.Equal(t, "021040078", ev.Party.Routing)
		assert.Equal(t, payment.WireAgent{ID: "021040078", Name: "FCBKUS33"}, ev.Wire.Creditor.Agent)
	})
	t.Run("a BIC is no routing number", func(t *testing.T) {
		res := readString(t, sent103("WIR-9", ":57A:ROYCCAT2\n:59:/0061234567\nEMILY NGUYEN\n"), "fw.fin")
		assert.Empty(t, res.events[0].Party.Routing)
	})
	t.Run("intermediaries, FX, charges, instruction codes", func(t *testing.T) {
		res := readString(t, sent103("WIR-9", ":23E:SDVA\n:33B:EUR4600,\n:36:0,92\n:53A:CITIUS33\n:56C://FW026009593\n:57A:ROYCCAT2\n:59:/0061234567\nEMILY NGUYEN\n:71G:USD10,\n:72:/INS/CITIUS33\n"), "fw.fin")
		require.Empty(t, res.problems, messages(res.problems))
		w := res.events[0].Wire
		assert.Equal(t, []payment.WireAgent{{ID: "CITIUS33"}, {ID: "026009593"}}, w.Intermediaries)
		assert.Equal(t, "0.92", w.FXRate)
		assert.Equal(t, "EUR", w.InstructedAmount.Currency)
		require.Len(t, w.Charges, 1)
		assert.Equal(t, "23E:SDVA /INS/CITIUS33", w.BankInfo)
	})
	t.Run("MT202", func(t *testing.T) {
		in := "{1:F01LKTBUS33AXXX0000000000}{2:I202CITIUS33XXXXN}{4:\n:20:LKTB202-1\n:21:NONREF\n:32A:261120USD250000,\n:57A:CHASUS33\n:58A:/998877\nROYCCAT2\n-}"
		res := readString(t, in, "202.fin")
		require.Empty(t, res.problems, messages(res.problems))
		ev := res.events[0]
		assert.Equal(t, FormatMT202, ev.Format)
		assert.Equal(t, payment.KindPayment, ev.Kind)
		assert.Equal(t, payment.Debit, ev.Direction)
		assert.Equal(t, payment.WireParty{Account: "998877", Agent: payment.WireAgent{ID: "ROYCCAT2"}}, ev.Wire.Creditor)
		assert.Equal(t, payment.WireAgent{ID: "LKTBUS33XXX"}, ev.Wire.Debtor.Agent)
		assert.Equal(t, []payment.WireAgent{{ID: "CHASUS33"}}, ev.Wire.Intermediaries)
		assert.Empty(t, ev.Refs.OriginalSenderReference)
	})
}

func TestOtherTypesAndFlags(t *testing.T) {
	t.Run("MT192 is a status", func(t *testing.T) {
		in := "{1:F01LKTBUS33AXXX0000000000}{2:O1921234261123ROYCCAT2AXXX00000000002611231234N}{4:\n:20:RBCCXL1\n:21:WIR-2611200001\n:11S:103\n261120\n:32A:261120USD5000,00\n:79:/DUPL/\n-}"
		res := readString(t, in, "192.fin")
		require.Empty(t, res.problems, messages(res.problems))
		ev := res.events[0]
		assert.Equal(t, "mt192", ev.Format)
		assert.Equal(t, "MT192", ev.Wire.MessageType)
		assert.Equal(t, payment.KindStatus, ev.Kind)
		assert.Equal(t, "5000.00", payment.FormatAmount(ev.Amount, ev.Currency))
		assert.Equal(t, "/DUPL/", ev.Wire.BankInfo)
		assert.Equal(t, "WIR-2611200001", ev.Refs.OriginalSenderReference)
	})
	t.Run("training message", func(t *testing.T) {
		res := readString(t, mt103("X-1", "")+"{5:{CHK:123456789ABC}{TNG:}}", "tng.fin")
		require.Empty(t, res.problems, messages(res.problems))
		assert.True(t, res.events[0].Wire.Test)
	})
	t.Run("UETR in capitals", func(t *testing.T) {
		in := strings.Replace(mt103("X-1", ""), "{4:", "{3:{121:9D4E7B1C-2A3F-4E5D-8C6B-7A8F9E0D1C2B}}{4:", 1)
		res := readString(t, in, "u.fin")
		assert.Equal(t, "9d4e7b1c-2a3f-4e5d-8c6b-7a8f9e0d1c2b", res.events[0].Refs.UETR)
	})
}

func TestFraming(t *testing.T) {
	one := mt103("A-1", "")
	two := mt103("A-2", "")
	for _, tt := range []struct {
		name     string
		in       string
		refs     []string
		lines    []int
		problems []string // messages, errors and warnings in order
	}{
		{"back to back", one + two, []string{"A-1", "A-2"}, []int{1, 10}, nil},
		{"blank lines and a BOM", "\ufeff\n\n" + one + "\n\n\n" + two + "\n", []string{"A-1", "A-2"}, []int{3, 15}, nil},
		{"CRLF", strings.ReplaceAll(one+"\n"+two, "\n", "\r\n"), []string{"A-1", "A-2"}, []int{1, 11}, nil},
		{"RJE", "$" + one + "\n$\n" + two + "$", []string{"A-1", "A-2"}, []int{1, 12}, nil},
		{"SOH and ETX framing", "\x01" + one + "\x03\x01" + two + "\x03", []string{"A-1", "A-2"}, []int{1, 10}, nil},
		{"blocks on lines of their own", "{1:F01LKTBUS33AXXX0000000000}\n{2:O1031001261130BARCGB22AXXX00000000002611301002N}\n{4:\n:20:A-3\n:32A:261130USD1,\n-}\n{5:{CHK:1}}", []string{"A-3"}, []int{1}, nil},
		{"empty file", "", nil, nil, []string{"empty file: no SWIFT message"}},
		{"blank file", " \r\n\n", nil, nil, []string{"empty file: no SWIFT message"}},
		{"no SWIFT", "hello\nworld\n", nil, nil, []string{
			`5 characters outside any message ignored ("hello"); a SWIFT message starts with {1:`,
			`5 characters outside any message ignored ("world"); a SWIFT message starts with {1:`}},
		{"text between messages", one + "\nPAGE 2\n" + two, []string{"A-1", "A-2"}, []int{1, 12}, []string{
			`6 characters outside any message ignored ("PAGE 2"); a SWIFT message starts with {1:`}},
		{"orphan block", "{2:I103ROYCCAT2XXXXN}" + one, []string{"A-1"}, []int{1}, []string{"block {2: outside any message (no {1: before it) ignored"}},
		{"block 4 cut by the end of the file", one + strings.TrimSuffix(two, "-}"), []string{"A-1"}, []int{1}, []string{
			"message 2: block {4: (the text) is not closed with -} at the end of the file; the message is skipped"}},
		{"block 4 cut by a $", strings.TrimSuffix(one, "-}") + "\n$" + two, []string{"A-2"}, []int{11}, []string{
			"message 1: block {4: (the text) is not closed with -} before the $ that separates messages, on line 11; the message is skipped"}},
		{"block 3 not closed", strings.Replace(one, "{4:", "{3:{108:X}{4:", 1) + two, []string{"A-2"}, []int{10}, []string{
			"message 1: block {3: is not closed with } before the next block; the message is skipped"}},
		{"block 1 not closed", "{1:F01LKTBUS33AXXX0000000000{2:I103ROYCCAT2XXXXN}{4:\n:20:X\n-}" + two, []string{"A-2"}, []int{3}, []string{
			"message 1: block {1: is not closed with }; the message is skipped"}},
		{"block 5 not closed", one + "{5:{CHK:1}" + two, []string{"A-1", "A-2"}, []int{1, 10}, []string{
			"warning: message 1 (MT103 A-1): block {5: is not closed with } before the next block; the block is ignored"}},
		{"-} on the last field's line", strings.Replace(one, ":71A:SHA\n-}", ":71A:SHA-}", 1), []string{"A-1"}, []int{1}, []string{
			"warning: message 1 (MT103 A-1): block 4 should end with -} on a line of its own"}},
		{"} without -", strings.Replace(one, "\n-}", "\n}", 1), []string{"A-1"}, []int{1}, []string{
			"warning: message 1 (MT103 A-1): block 4 ends with } instead of -}"}},
		{"text before the first field", strings.Replace(one, "{4:\n", "{4:\nHELLO\n", 1), []string{"A-1"}, []int{1}, []string{
			`warning: message 1 (MT103 A-1): text before the first field ignored: "HELLO"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := readString(t, tt.in, "f.fin")
			var refs []string
			var lines []int
			for _, ev := range res.events {
				refs = append(refs, ev.Refs.SenderReference)
				lines = append(lines, ev.Source.Line)
			}
			var probs []string
			for _, p := range res.problems {
				if p.Warning {
					probs = append(probs, "warning: "+p.Message)
				} else {
					probs = append(probs, p.Message)
				}
			}
			assert.Equal(t, tt.refs, refs)
			assert.Equal(t, tt.lines, lines)
			assert.Equal(t, tt.problems, probs)
		})
	}
}

func TestMessageProblems(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		line     int
		problem  string
		events   int
	}{
		{"no 20", strings.Replace(mt103("X", ""), ":20:X\n", "", 1), 1, "message 1 (MT103): field :20: (the sender's reference) is missing or empty; the message is skipped", 0},
		{"no block 2", "{1:F01LKTBUS33AXXX0000000000}{4:\n:20:X\n-}", 1, "message 1: no application header {2:...}, so the message type is unknown; the message is skipped", 0},
		{"bad block 2", "{1:F01LKTBUS33AXXX0000000000}{2:X103}{4:\n:20:X\n-}", 1, "message 1: application header {2:X103} is not I or O and a three-digit message type; the message is skipped", 0},
		{"no block 4", "{1:F01LKTBUS33AXXX0000000000}{2:I103ROYCCAT2XXXXN}", 1, "message 1 (MT103): no text block {4:...} with fields; the message is skipped", 0},
		{"bad currency", strings.Replace(mt103("X", ""), "USD100,00", "U$D100,00", 1), 4, `message 1 (MT103 X): field :32A: currency "U$D" is not a three-letter code; the message is skipped`, 0},
		{"letters in the amount", strings.Replace(mt103("X", ""), "USD100,00", "USD1O0,00", 1), 4, `message 1 (MT103 X): field :32A: amount "1O0,00" is not a number (digits and a decimal comma); the message is skipped`, 0},
		{"short 32A", strings.Replace(mt103("X", ""), "261130USD100,00", "2611", 1), 4, `message 1 (MT103 X): field :32A: "2611" is not a value date (YYMMDD), a currency and an amount; the message is skipped`, 0},
		{"amount without a comma", strings.Replace(mt103("X", ""), "USD100,00", "USD100", 1), 4, `message 1 (MT103 X): field :32A: amount "100" has no decimal comma (SWIFT writes 100,); read as a whole amount`, 1},
		{"bad 33B", mt103("X", ":33B:USD1.5\n"), 10, `message 1 (MT103 X): field :33B: amount "1.5" has a decimal point; SWIFT writes amounts with a decimal comma (1,5); the field is ignored`, 1},
		{"bad 36", mt103("X", ":36:ABC\n"), 10, `message 1 (MT103 X): field :36: exchange rate "ABC" is not a number; the field is ignored`, 1},
		{"bad 13D", "{1:F01LKTBUS33AXXX0000000000}{2:O9101043261119LKTBUS33BXXX20417702512611191043N}{4:\n:20:C-1\n:21:X\n:25:4470012345\n:13D:2611191042\n:32A:261119USD1,\n-}", 5, `message 1 (MT910 C-1): field :13D: "2611191042" is not a date, time and offset (YYMMDDHHMM±HHMM)`, 1},
		{"bad UETR", strings.Replace(mt103("X", ""), "{4:", "{3:{121:not-a-uuid}}{4:", 1), 1, "message 1 (MT103 X): UETR {121:not-a-uuid} is not a UUID", 1},
		{"no 58a", "{1:F01LKTBUS33AXXX0000000000}{2:I202CITIUS33XXXXN}{4:\n:20:B-1\n:21:NONREF\n:32A:261120USD1,\n-}", 1, "message 1 (MT202 B-1): field :58a: (beneficiary institution) is missing; the receiver is taken for it", 1},
		{"February 30", strings.Replace(mt103("X", ""), ":32A:261130", ":32A:260230", 1), 4, `message 1 (MT103 X): field :32A: value date "260230" is not a valid date (YYMMDD); the message is skipped`, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := readString(t, tt.in, "p.fin")
			require.Len(t, res.problems, 1, messages(res.problems))
			assert.Equal(t, tt.problem, res.problems[0].Message)
			assert.Equal(t, tt.line, res.problems[0].Source.Line)
			assert.Equal(t, tt.events == 1, res.problems[0].Warning, "a warning when the message is still read")
			assert.Len(t, res.events, tt.events)
		})
	}
}

func TestSniff(t *testing.T) {
	for _, tt := range []struct {
		head string
		want bool
	}{
		{"{1:F01LKTBUS33AXXX0000000000}{2:", true},
		{"{1:", true},
		{"\ufeff\r\n  {1:F01", true},
		{"$\n{1:F21AAAAUSLAAXXX5195167828}", true},
		{"{1:X", false},
		{"{1", false},
		{"", false},
		{"{1500}30", false},
		{"<?xml version=\"1.0\"?>", false},
		{":20:ABC\n:32A:", false},
		{"hello {1:F01", false},
	} {
		assert.Equal(t, tt.want, Sniff([]byte(tt.head)), "%q", tt.head)
	}
	for _, f := range []string{"2026-11-19-mt103-deposit.fin", "2026-11-20-mt103-withdrawal.fin", "bad/unterminated-block4.fin"} {
		data := readFixtureBytes(t, f)
		assert.True(t, Sniff(data[:min(len(data), 4096)]), f)
	}
}

// TestStopEarly: the sequence stops when the consumer does.
func TestStopEarly(t *testing.T) {
	in := strings.Repeat(mt103("S-1", ""), 5)
	n := 0
	for range Read(strings.NewReader(in), "s.fin") {
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
	// And on a problem.
	n = 0
	for _, err := range Read(strings.NewReader("junk\n"+in), "s.fin") {
		n++
		require.Error(t, err)
		break
	}
	assert.Equal(t, 1, n)
}

// countingReader hands out a generated file of n messages and counts the
// bytes read.
type countingReader struct {
	msg  string
	left int
	cur  string
	read int
}

func (r *countingReader) Read(p []byte) (int, error) {
	if r.cur == "" {
		if r.left == 0 {
			return 0, io.EOF
		}
		r.left--
		r.cur = r.msg
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	r.read += n
	return n, nil
}

// TestStreams: events come out as the file is read, not at its end, for a
// file of 100,000 messages.
func TestStreams(t *testing.T) {
	const n = 100_000
	r := &countingReader{msg: mt103("STREAM-1", "") + "\n", left: n}
	count := 0
	for ev, err := range Read(r, "big.fin") {
		require.NoError(t, err)
		require.NotNil(t, ev)
		if count == 0 {
			assert.Less(t, r.read, 256<<10, "the first event came after %d bytes", r.read)
		}
		count++
	}
	assert.Equal(t, n, count)
}
