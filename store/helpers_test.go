package store

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/cards"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires"
)

var testNow = time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)

// openTemp opens a new SQLite store in a temporary folder.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "payinv.db")
	return openDSN(t, path), path
}

// openDSN opens the store dsn with the tests' clock; it is closed when t
// ends.
func openDSN(t testing.TB, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	require.NoError(t, err)
	s.Now = func() time.Time { return testNow }
	t.Cleanup(func() { s.Close() })
	return s
}

// The backends every store test runs against: SQLite always; PostgreSQL
// when pgEnv holds the URL of a server where the tests may create
// databases (each test creates its own and drops it when it ends).
// Without one the PostgreSQL variants are skipped, unless the environment
// variable CI is set: CI must test both.
const pgEnv = "PAYINV_TEST_POSTGRES"

var backends = []string{"sqlite", "postgres"}

// eachBackend runs f as a subtest per backend, with a new empty store
// (opened with the tests' clock, closed when the subtest ends) and its dsn
// for opening it again.
func eachBackend(t *testing.T, f func(t *testing.T, s *Store, dsn string)) {
	t.Helper()
	eachBackendDSN(t, func(t *testing.T, dsn string) { f(t, openDSN(t, dsn), dsn) })
}

// eachBackendDSN runs f as a subtest per backend with the dsn of a new
// store not opened yet.
func eachBackendDSN(t *testing.T, f func(t *testing.T, dsn string)) {
	t.Helper()
	for _, b := range backends {
		t.Run(b, func(t *testing.T) { f(t, newDSN(t, b)) })
	}
}

// newDSN returns the dsn of a new store of the backend, removed when t
// ends: a file path in t's temporary folder, or a PostgreSQL database
// created for t (see pgEnv; t is skipped when there is no server).
func newDSN(t testing.TB, backend string) string {
	t.Helper()
	if backend == "sqlite" {
		return filepath.Join(t.TempDir(), "payinv.db")
	}
	server := pgServer(t)
	dsn, drop := createDB(t, server, testDBName(t.Name()))
	t.Cleanup(drop)
	return dsn
}

// pgServer returns the URL pgEnv holds; without one it skips t, or fails
// it under CI.
func pgServer(t testing.TB) string {
	t.Helper()
	server := os.Getenv(pgEnv)
	if server == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must provide %s: the URL of a PostgreSQL server where the tests may create databases", pgEnv)
		}
		t.Skipf("PostgreSQL variant skipped: set %s to the URL of a server where the tests may create databases "+
			"(postgres://user:password@127.0.0.1:5432/postgres?sslmode=disable; .ci/run sets one up)", pgEnv)
	}
	if !IsPostgres(server) {
		t.Fatalf("%s must be a postgres:// URL, not %q", pgEnv, Redact(server))
	}
	return server
}

var notIdent = regexp.MustCompile(`[^a-z0-9]+`)

// testDBName is a new database's name for the test name: recognizable,
// and unique by a random suffix (tests of several clones may share the
// server).
func testDBName(name string) string {
	n := strings.Trim(notIdent.ReplaceAllString(strings.ToLower(name), "_"), "_")
	if len(n) > 40 {
		n = n[:40]
	}
	return "payinv_test_" + n + "_" + strings.ToLower(rand.Text()[:8])
}

// createDB creates the database name on server and returns its URL and
// a function that drops it.
func createDB(t testing.TB, server, name string) (dsn string, drop func()) {
	t.Helper()
	ident := pgx.Identifier{name}.Sanitize()
	require.NoError(t, admin(server, "CREATE DATABASE "+ident), "on %s", Redact(server))
	return dbURL(t, server, name), func() {
		// DROP DATABASE stops the autovacuum workers in it, but waits for
		// no session: a killed client's may take a moment to go. FORCE
		// would end those, but not autovacuum's without more rights.
		var err error
		for range 40 {
			err = admin(server, "DROP DATABASE IF EXISTS "+ident)
			var pe *pgconn.PgError
			if !errors.As(err, &pe) || pe.Code != "55006" { // object_in_use
				break
			}
			time.Sleep(250 * time.Millisecond)
		}
		require.NoError(t, err, "dropping %s", name)
	}
}

// dbURL is the URL of the database name on server.
func dbURL(t testing.TB, server, name string) string {
	t.Helper()
	u, err := url.Parse(server)
	require.NoError(t, err)
	u.Path = "/" + name
	u.RawPath = ""
	return u.String()
}

// admin runs one statement on the server's own database.
func admin(server, stmt string) error {
	db, err := sql.Open("pgx", server)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(context.Background(), stmt)
	return err
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// readFixture reads the events of a payment file with the reader its
// content calls for, as the CLI does.
func readFixture(name string, content []byte) EventReader {
	return func(each func(*payment.Event) error) (int, error) {
		problems := 0
		in := bufio.NewReader(bytes.NewReader(content))
		head, _ := in.Peek(4096)
		var err error
		switch {
		case ach.Sniff(head):
			var ev payment.Event
			for rec, rerr := range ach.NewReader(in, name).All() {
				if rerr != nil {
					problems++
					continue
				}
				if e, ok := rec.(*ach.Entry); ok && err == nil {
					e.FillEvent(&ev)
					err = each(&ev)
				}
			}
		case wires.Sniff(head) != "":
			for ev, rerr := range wires.Read(in, name, wires.Options{}) {
				if rerr != nil {
					problems++
					continue
				}
				if err == nil {
					err = each(ev)
				}
			}
		case cards.Sniff(head):
			for ev, rerr := range cards.Read(in, name, cards.Options{}) {
				if rerr != nil {
					problems++
					continue
				}
				if err == nil {
					err = each(ev)
				}
			}
		default:
			return 0, ErrNothingToIngest
		}
		return problems, err
	}
}

// ingestFile ingests a fixture file as the CLI would.
func ingestFile(t testing.TB, s *Store, path string) Result {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	res, err := s.IngestEvents(context.Background(), File{Name: path, SHA256: sum(b)}, readFixture(path, b))
	require.NoError(t, err)
	return res
}

// genEvent fills ev with the i-th event of a generated ACH file: payments,
// with every tenth a return of the payment before it.
func genEvent(i int, ev *payment.Event) {
	*ev = payment.Event{
		Rail: payment.RailACH, Format: "nacha", Kind: payment.KindPayment, Direction: payment.Credit,
		Amount:        decimal.New(int64(10000+i%99991), -2),
		Currency:      "USD",
		EffectiveDate: payment.NewDate(2026, 11, 2+i%20), SettlementDate: payment.NewDate(2026, 11, 2+i%20),
		Refs:   payment.Refs{Trace: fmt.Sprintf("0740125%08d", i), IndividualID: fmt.Sprintf("DEP-%010d", i)},
		Party:  payment.Party{Name: "CUSTOMER NUMBER " + fmt.Sprint(i), Account: fmt.Sprintf("%012d", i), Routing: "091400606", AccountType: "checking"},
		Source: payment.Source{File: "generated.ach", Line: 3 + i},
		ACH: &payment.ACHDetail{SECCode: "PPD", TransactionCode: 27, BatchNumber: 1 + i/1000, CompanyName: "PAYINV TEST",
			CompanyID: "1234567890", EntryDescription: "DEPOSIT", ODFI: "07401250"},
	}
	if i%10 == 9 {
		ev.Kind, ev.Direction = payment.KindReturn, payment.Debit
		ev.Refs.OriginalTrace = fmt.Sprintf("0740125%08d", i-1)
		ev.Reason = &payment.Reason{Scheme: "nacha_return", Code: "R01", Title: "Insufficient Funds", Known: true}
	}
}

// genReader gives n generated events; after is called once, after the
// first afterN of them were handed over.
func genReader(n, afterN int, after func()) EventReader {
	return func(each func(*payment.Event) error) (int, error) {
		var ev payment.Event
		for i := range n {
			if i == afterN && after != nil {
				after()
			}
			genEvent(i, &ev)
			if err := each(&ev); err != nil {
				return 0, err
			}
		}
		return 0, nil
	}
}

// genFrom gives the generated events start to start+n-1.
func genFrom(start, n int) EventReader {
	return func(each func(*payment.Event) error) (int, error) {
		var ev payment.Event
		for i := start; i < start+n; i++ {
			genEvent(i, &ev)
			if err := each(&ev); err != nil {
				return 0, err
			}
		}
		return 0, nil
	}
}
