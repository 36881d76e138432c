package iso20022

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSniff(t *testing.T) {
	for _, tt := range []struct {
		name string
		head string
		want bool
	}{
		{"bare Document", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>`, true},
		{"AppHdr first", "<?xml version=\"1.0\"?>\n<AppHdr xmlns=\"urn:iso:std:iso:20022:tech:xsd:head.001.001.03\">", true},
		{"prefixed", `<ns2:Document xmlns:ns2="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">`, true},
		{"CBPR+ envelope", `<Envelope xmlns="urn:swift:xsd:envelope" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`, true},
		{"BOM, blanks, comment", "\ufeff\r\n  <?xml version=\"1.0\"?><!-- export --><!DOCTYPE x>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">", true},
		{"bank export root", "<Messages>\n  <AppHdr xmlns=\"urn:iso:std:iso:20022:tech:xsd:head.001.001.03\">", true},
		{"DataPDU", `<Saa:DataPDU xmlns:Saa="urn:swift:saa:xsd:saa.2.0"><Saa:Body><AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02">`, true},
		{"no namespace, known message", "<Export><Document><BkToCstmrStmt><GrpHdr>", true},
		{"cut in the first tag", `<Document xmlns="urn:iso:std:iso:20`, false},
		{"cut in the first tag, namespace seen", `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pac`, true},
		{"other XML", `<?xml version="1.0"?><rss version="2.0"><channel>`, false},
		{"Office Document", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`, false},
		{"Document of another kind", `<Root><Document><Title>Hello</Title></Document></Root>`, false},
		{"FAIM", "{1500}30        T {1510}1000{1520}20261116B1QDRCQR000001", false},
		{"MT", "{1:F01LKTBUS33AXXX0000000000}{2:I103", false},
		{"CSV", "id,amount\n1,2\n", false},
		{"empty", "", false},
	} {
		assert.Equal(t, tt.want, Sniff([]byte(tt.head)), tt.name)
	}
	// Every fixture, good and bad but for the foreign namespace, is told.
	for _, dir := range []string{fixturesDir, filepath.Join(fixturesDir, "bad")} {
		files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
		require.NoError(t, err)
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			if len(data) > 4096 {
				data = data[:4096]
			}
			assert.Equal(t, filepath.Base(f) != "unknown-namespace.xml", Sniff(data), f)
		}
	}
}
