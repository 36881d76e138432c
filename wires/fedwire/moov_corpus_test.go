package fedwire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/moov-io/wire"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

// moovWireDir returns the test data folder of github.com/moov-io/wire in
// the module cache, or skips the test when it cannot be found.
func moovWireDir(tb testing.TB) string {
	tb.Helper()
	dir, err := findMoovWire()
	if err != nil {
		tb.Skipf("moov-io/wire samples not found: %v", err)
	}
	return dir
}

// findMoovWire finds the test data folder of github.com/moov-io/wire.
var findMoovWire = sync.OnceValues(func() (string, error) {
	// go test puts the go command on the tests' PATH.
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/moov-io/wire").Output()
	if err != nil {
		return "", fmt.Errorf("go list -m github.com/moov-io/wire: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "test", "testdata")
	if _, err := os.Stat(dir); err != nil {
		return "", fmt.Errorf("moov-io/wire test data not in the module cache (go mod download): %v", err)
	}
	return dir, nil
})

// moovSamples lists moov-io/wire's FAIM samples (the .txt files).
func moovSamples(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(moovWireDir(tb), "*.txt"))
	require.NoError(tb, err)
	require.NotEmpty(tb, files)
	return files
}

// negativeSamples are moov-io/wire's samples of bad input, with the words
// the problem each gives must hold.
var negativeSamples = map[string]string{
	"fedWireMessage-InvalidTag.txt":         "unknown tag {1599}",
	"fedWireMessage-MissingRequiredTag.txt": "required",
	"fedWireMessage-NoMessage.txt":          "empty file",
}

// TestMoovSamples reads every Fedwire sample of moov-io/wire: each good
// sample gives one event and no error, and its values equal those of the
// sample's JSON twin (moov's JSON of the same message); each negative
// sample gives a clear problem.
func TestMoovSamples(t *testing.T) {
	for _, path := range moovSamples(t) {
		base := filepath.Base(path)
		t.Run(base, func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			res := readAll(t, bytes.NewReader(data), base)
			if want, ok := negativeSamples[base]; ok {
				require.NotEmpty(t, res.problems)
				assert.Contains(t, strings.Join(messages(res.problems), "\n"), want)
				t.Logf("problems: %q", messages(res.problems))
				return
			}
			require.Empty(t, res.errs(), "problems: %q", messages(res.problems))
			require.Len(t, res.events, 1)
			ev := res.events[0]
			assert.Equal(t, 1, ev.Source.Line)
			twinPath := strings.TrimSuffix(path, ".txt") + ".json"
			js, err := os.ReadFile(twinPath)
			if os.IsNotExist(err) {
				t.Logf("no JSON twin; warnings: %q", messages(res.warnings()))
				return
			}
			require.NoError(t, err)
			var twin wire.File
			require.NoError(t, json.Unmarshal(js, &twin))
			if fix, ok := twinDeviations[base]; ok {
				fix(&twin.FEDWireMessage)
			}
			assertLikeMoov(t, &twin.FEDWireMessage, ev)
			// Where moov-io/wire reads the sample itself, its reading agrees
			// too.
			if f, err := wire.NewReader(bytes.NewReader(data)).Read(); err == nil {
				assertLikeMoov(t, &f.FEDWireMessage, ev)
			} else {
				t.Logf("moov-io/wire cannot read it: %v", err)
			}
		})
	}
}

// twinDeviations correct the JSON twins that describe another message
// than their .txt: the JSON of CustomerTransferPlus has IMAD
// 20190410Source08000001 and test code T, its .txt (and moov-io/wire's
// reading of it) 20190508Source08000001 and P.
var twinDeviations = map[string]func(*wire.FEDWireMessage){
	"fedWireMessage-CustomerTransferPlus.txt": func(fw *wire.FEDWireMessage) {
		fw.InputMessageAccountabilityData.InputCycleDate = "20190508"
		fw.SenderSupplied.TestProductionCode = "P"
	},
}

// TestFixedWidthSample checks the fixed-width sample (no '*' delimiters,
// which moov-io/wire cannot read) against the values it holds.
func TestFixedWidthSample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(moovWireDir(t), "fedWireMessage.txt"))
	require.NoError(t, err)
	res := readAll(t, bytes.NewReader(data), "fedWireMessage.txt")
	require.Empty(t, res.errs())
	require.Len(t, res.events, 1)
	ev := res.events[0]
	assert.Equal(t, "12345.67", ev.Amount.StringFixed(2))
	assert.Equal(t, "20190410Source08000001", ev.Refs.IMAD)
	assert.Equal(t, "Sender Reference", ev.Refs.SenderReference)
	assert.Equal(t, "End To End Identification", ev.Refs.EndToEndID)
	w := ev.Wire
	assert.Equal(t, "fedwire 1000 CTR", w.MessageType)
	assert.True(t, w.Test)
	assert.Equal(t, "ANSI", w.LocalInstrument)
	assert.Equal(t, payment.WireParty{Name: "Name", Account: "1234", Agent: payment.WireAgent{ID: "123456789", Name: "FI Name"}}, w.Creditor)
	assert.Equal(t, payment.WireParty{Name: "Name", Account: "1234", Agent: payment.WireAgent{ID: "123456789", Name: "FI Name"}}, w.Debtor)
	assert.Equal(t, []payment.WireAgent{{ID: "121042882", Name: "Wells Fargo NA"}, {ID: "231380104", Name: "Citadel"}}, w.Intermediaries)
	assert.Equal(t, "BEN", w.ChargeBearer)
	assert.Equal(t, []payment.Money{money("0.99"), money("2.99"), money("3.99"), money("1.00")}, w.Charges)
	assert.Equal(t, ptr(money("4567.89")), w.InstructedAmount)
	assert.Equal(t, "1.2345", w.FXRate)
	assert.Equal(t, "LineOne LineTwo LineThree LineFour", w.Remittance)
	assert.Contains(t, w.BankInfo, "LTR Line One Line Two Line Three Line Four Line Five Line Six")
	assert.Contains(t, w.BankInfo, "CHECK Additional Information")
}

func money(s string) payment.Money {
	return payment.Money{Amount: decimal.RequireFromString(s), Currency: "USD"}
}

func ptr[T any](v T) *T { return &v }

// assertLikeMoov compares an event with moov-io/wire's reading of the same
// message: amount, IMAD, type/subtype, business function, sender
// reference, end-to-end id, parties, their accounts and banks.
func assertLikeMoov(t *testing.T, fw *wire.FEDWireMessage, ev *payment.Event) {
	t.Helper()
	w := ev.Wire
	want, err := parseCents(fw.Amount.Amount)
	require.NoError(t, err)
	assert.True(t, want.Equal(ev.Amount), "amount %s, moov %s", ev.Amount, want)
	imad := fw.InputMessageAccountabilityData
	assert.Equal(t, imad.InputCycleDate+imad.InputSource+imad.InputSequenceNumber, ev.Refs.IMAD)
	assert.Equal(t, fw.TypeSubType.TypeCode+fw.TypeSubType.SubTypeCode, w.TypeSubtype)
	assert.Equal(t, fw.BusinessFunctionCode.BusinessFunctionCode, w.BusinessFunction)
	if fw.SenderReference != nil {
		assert.Equal(t, fw.SenderReference.SenderReference, ev.Refs.SenderReference)
	}
	switch {
	case fw.PaymentNotification != nil && fw.PaymentNotification.EndToEndIdentification != "":
		assert.Equal(t, fw.PaymentNotification.EndToEndIdentification, ev.Refs.EndToEndID)
	case fw.BeneficiaryReference != nil:
		assert.Equal(t, fw.BeneficiaryReference.BeneficiaryReference, ev.Refs.EndToEndID)
	}
	if fw.PreviousMessageIdentifier != nil {
		assert.Equal(t, fw.PreviousMessageIdentifier.PreviousMessageIdentifier, w.OriginalMessageID)
	}
	if fw.SenderSupplied != nil {
		assert.Equal(t, fw.SenderSupplied.TestProductionCode == "T", w.Test)
	}
	if b := fw.Beneficiary; b != nil {
		assert.Equal(t, b.Personal.Name, w.Creditor.Name)
		assert.Equal(t, b.Personal.Identifier, w.Creditor.Account)
	}
	switch {
	case fw.Originator != nil:
		assert.Equal(t, fw.Originator.Personal.Name, w.Debtor.Name)
		assert.Equal(t, fw.Originator.Personal.Identifier, w.Debtor.Account)
	case fw.OriginatorOptionF != nil:
		assert.Equal(t, lineValue(fw.OriginatorOptionF.Name), w.Debtor.Name)
	}
	sender := payment.WireAgent{ID: fw.SenderDepositoryInstitution.SenderABANumber, Name: fw.SenderDepositoryInstitution.SenderShortName}
	receiver := payment.WireAgent{ID: fw.ReceiverDepositoryInstitution.ReceiverABANumber, Name: fw.ReceiverDepositoryInstitution.ReceiverShortName}
	if fi := fw.OriginatorFI; fi != nil {
		assert.Equal(t, payment.WireAgent{ID: fi.FinancialInstitution.Identifier, Name: fi.FinancialInstitution.Name}, w.Debtor.Agent)
	} else {
		assert.Equal(t, sender, w.Debtor.Agent)
	}
	if fi := fw.BeneficiaryFI; fi != nil {
		assert.Equal(t, payment.WireAgent{ID: fi.FinancialInstitution.Identifier, Name: fi.FinancialInstitution.Name}, w.Creditor.Agent)
	} else {
		assert.Equal(t, receiver, w.Creditor.Agent)
	}
	// The sender's and receiver's banks are the debtor's and creditor's
	// banks or among the banks in between (a bank is there once, by its
	// routing number).
	var chain []string
	for _, a := range append([]payment.WireAgent{w.Debtor.Agent, w.Creditor.Agent}, w.Intermediaries...) {
		chain = append(chain, a.ID)
	}
	assert.Contains(t, chain, sender.ID)
	assert.Contains(t, chain, receiver.ID)
	if o := fw.OriginatorToBeneficiary; o != nil {
		assert.Equal(t, join(" ", o.LineOne, o.LineTwo, o.LineThree, o.LineFour), w.Remittance)
	}
}

// imadTag and amountTag find the IMAD and amount of a sample.
var (
	imadTag   = regexp.MustCompile(`\{1520\}[0-9A-Za-z]{22}`)
	amountTag = regexp.MustCompile(`\{2000\}[0-9]{12}`)
)

// TestConcatenatedSamples reads several of moov-io/wire's samples written
// one after the other in one file, each given its own IMAD and amount:
// one event per message, each with its own values. moov-io/wire's Reader
// reads the same file as one message (issue #358), which is why payinv
// cuts the input into messages itself.
func TestConcatenatedSamples(t *testing.T) {
	dir := moovWireDir(t)
	names := []string{
		"fedWireMessage-CustomerTransfer.txt",
		"fedWireMessage-fiserv.txt",
		"fedWireMessage-FedAppendedTags.txt", // {1100}–{1130} after the message
		"fedWireMessage-BankTransfer.txt",
		"fedWireMessage.txt", // fixed-width
		"fedWireMessage-ServiceMessage.txt",
		"fedWireMessage-CustomerTransferPlusCOVS.txt",
	}
	var all bytes.Buffer
	var imads, amounts []string
	for i, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		imad := fmt.Sprintf("20250620MOOVTEST%06d", i+1)
		cents := fmt.Sprintf("%012d", 100_00*(i+1)+i)
		data = imadTag.ReplaceAll(data, []byte("{1520}"+imad))
		data = amountTag.ReplaceAll(data, []byte("{2000}"+cents))
		all.Write(data) // no line break between: a message may start mid-line
		imads = append(imads, imad)
		d, _ := parseCents(cents)
		amounts = append(amounts, d.StringFixed(2))
	}

	res := readAll(t, bytes.NewReader(all.Bytes()), "concatenated.txt")
	require.Empty(t, res.errs(), "problems: %q", messages(res.problems))
	require.Len(t, res.events, len(names))
	for i, ev := range res.events {
		assert.Equal(t, imads[i], ev.Refs.IMAD, names[i])
		assert.Equal(t, amounts[i], ev.Amount.StringFixed(2), names[i])
	}
	assert.Equal(t, "accepted", res.events[2].Wire.Status, "the Fed-appended tags belong to their message")
	assert.Empty(t, res.events[3].Wire.Status)

	// moov-io/wire alone merges the messages into one.
	f, _ := wire.NewReader(bytes.NewReader(all.Bytes())).Read()
	got := f.FEDWireMessage.InputMessageAccountabilityData
	require.NotNil(t, got)
	assert.Equal(t, imads[len(imads)-1], got.InputCycleDate+got.InputSource+got.InputSequenceNumber,
		"moov-io/wire keeps only the last message's IMAD")
}
