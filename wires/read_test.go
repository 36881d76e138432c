package wires

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

const fixtures = "../fixtures/wires"

func readFile(t *testing.T, path string, opts Options) ([]*payment.Event, []error) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var evs []*payment.Event
	var errs []error
	for ev, err := range Read(f, filepath.Base(path), opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		evs = append(evs, ev)
	}
	return evs, errs
}

func TestSniff(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"fedwire/2025-06-20-fedwire.txt", FormatFedwire},
		{"fedwire/2025-06-23-fedwire.txt", FormatFedwire},
		{"iso/2026-11-18-return-pacs004.xml", FormatISO20022},
		{"iso/2026-11-17-withdrawals-pacs008.xml", FormatISO20022},
		{"iso/2026-11-20-notification-camt054.xml", FormatISO20022},
		{"swift/2026-11-24-mt103-return.fin", FormatSwiftMT},
		{"swift/2026-11-20-mt103-withdrawal.fin", FormatSwiftMT},
		{"iso/README.md", ""},
		{"iso/bad/unknown-namespace.xml", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(fixtures, tt.file))
			require.NoError(t, err)
			assert.Equal(t, tt.want, Sniff(data[:min(len(data), sniffLen)]))
		})
	}
	assert.Equal(t, "", Sniff(nil))
	assert.Equal(t, "", Sniff([]byte("101 074012503 1470012345")))
}

// TestReadEveryFixture reads every good fixture through the dispatcher:
// each gives events and no problem, all on the wire rail.
func TestReadEveryFixture(t *testing.T) {
	for _, dir := range []string{"fedwire", "iso", "swift"} {
		entries, err := os.ReadDir(filepath.Join(fixtures, dir))
		require.NoError(t, err)
		for _, e := range entries {
			if e.IsDir() || strings.HasSuffix(e.Name(), ".md") {
				continue
			}
			t.Run(dir+"/"+e.Name(), func(t *testing.T) {
				evs, errs := readFile(t, filepath.Join(fixtures, dir, e.Name()), Options{})
				assert.Empty(t, errs)
				require.NotEmpty(t, evs)
				for _, ev := range evs {
					assert.Equal(t, payment.RailWire, ev.Rail)
					require.NotNil(t, ev.Wire)
				}
			})
		}
	}
}

func TestReadNotAWire(t *testing.T) {
	_, errs := readFile(t, filepath.Join(fixtures, "iso", "README.md"), Options{})
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Error(), "README.md: not a wire message payinv knows")
}

// TestOurs checks that the company's identifiers settle which way a wire
// went when the message does not say (no envelope).
func TestOurs(t *testing.T) {
	const doc = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-16T09:00:00-05:00</CreDtTm><NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>CLRG</SttlmMtd></SttlmInf></GrpHdr>
<CdtTrfTxInf><PmtId><EndToEndId>E1</EndToEndId><UETR>3f1b2c4d-5e6f-4a1b-8c2d-9e0f1a2b3c4d</UETR></PmtId>
<IntrBkSttlmAmt Ccy="USD">100.00</IntrBkSttlmAmt><IntrBkSttlmDt>2026-11-16</IntrBkSttlmDt><ChrgBr>SLEV</ChrgBr>
<Dbtr><Nm>Maria Gonzalez</Nm></Dbtr><DbtrAcct><Id><Othr><Id>3319004471</Id></Othr></Id></DbtrAcct>
<DbtrAgt><FinInstnId><ClrSysMmbId><MmbId>021040078</MmbId></ClrSysMmbId></FinInstnId></DbtrAgt>
<CdtrAgt><FinInstnId><BICFI>LKTBUS33XXX</BICFI></FinInstnId></CdtrAgt>
<Cdtr><Nm>NORTHWIND INVESTMENTS</Nm></Cdtr><CdtrAcct><Id><Othr><Id>4470012345</Id></Othr></Id></CdtrAcct>
</CdtTrfTxInf></FIToFICstmrCdtTrf></Document>`
	read := func(opts Options) *payment.Event {
		var got []*payment.Event
		for ev, err := range Read(strings.NewReader(doc), "p.xml", opts) {
			require.NoError(t, err)
			got = append(got, ev)
		}
		require.Len(t, got, 1)
		return got[0]
	}
	tests := []struct {
		name    string
		ours    []string
		inbound bool
		dir     payment.Direction
		party   string
	}{
		{"no identifiers: the message does not say, so sent", nil, false, payment.Debit, "NORTHWIND INVESTMENTS"},
		{"our account is the creditor", []string{"4470012345"}, true, payment.Credit, "Maria Gonzalez"},
		{"our BIC, given short, is the creditor's bank", []string{"lktbus33"}, true, payment.Credit, "Maria Gonzalez"},
		{"the customer's bank named as ours: sent", []string{"021040078"}, false, payment.Debit, "NORTHWIND INVESTMENTS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := read(Options{Ours: tt.ours})
			assert.Equal(t, tt.inbound, ev.Wire.Inbound)
			assert.Equal(t, tt.dir, ev.Direction)
			assert.Equal(t, tt.party, ev.Party.Name)
		})
	}
}

func TestNormalizeID(t *testing.T) {
	assert.Equal(t, "LKTBUS33", normalizeID("LKTBUS33XXX"))
	assert.Equal(t, "LKTBUS33ABC", normalizeID("lktbus33abc"))
	assert.Equal(t, "4470012345", normalizeID(" 447-001 2345 "))
	assert.Equal(t, "12345678XXX", normalizeID("12345678XXX"), "not a BIC")
}
