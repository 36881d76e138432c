package store

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The crash test's child: with crashChildEnv set to "DSN PROGRESS", the
// test binary ingests a big generated file into the store DSN (a SQLite
// file or a PostgreSQL URL), writes PROGRESS once a good part of it is
// written inside the transaction, and goes on until killed.
const crashChildEnv = "PAYINV_STORE_CRASH_CHILD"

const (
	crashEvents = 2_000_000 // far more than the child gets through before it is killed
	crashSignal = 60_000    // events written before the child says so
	crashAfter  = 20_000    // events the parent ingests whole afterwards
)

func crashFile() File {
	return File{Name: "generated.ach", SHA256: sum([]byte("the big generated file"))}
}

func TestMain(m *testing.M) {
	if v := os.Getenv(crashChildEnv); v != "" {
		os.Exit(crashChild(v))
	}
	os.Exit(m.Run())
}

func crashChild(v string) int {
	var db, progress string
	if _, err := fmt.Sscanf(v, "%s %s", &db, &progress); err != nil {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		return 3
	}
	s, err := Open(context.Background(), db)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		return 3
	}
	_, err = s.IngestEvents(context.Background(), crashFile(), genReader(crashEvents, crashSignal, func() {
		// Written, then renamed: the parent never sees half a file.
		tmp := progress + ".tmp"
		_ = os.WriteFile(tmp, []byte(strconv.Itoa(crashSignal)), 0o644)
		_ = os.Rename(tmp, progress)
	}))
	fmt.Fprintln(os.Stderr, "crash child: not killed in time:", err)
	return 4
}

// TestKilledIngestLeavesNothing runs an ingest in a child process, kills it
// with SIGKILL in the middle of its transaction, and checks that the store
// shows nothing of the file and that the next ingest of it completes. On
// PostgreSQL the server sees the connection drop and rolls back; the
// killed ingest's write lock goes with it.
func TestKilledIngestLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process that writes for a few seconds")
	}
	eachBackendDSN(t, testKilledIngest)
}

func testKilledIngest(t *testing.T, db string) {
	ctx := context.Background()
	progress := filepath.Join(t.TempDir(), "progress")

	// A file ingested before the crash must survive it.
	s, err := Open(ctx, db)
	require.NoError(t, err)
	before, err := s.IngestEvents(ctx, File{Name: "earlier.ach", SHA256: sum([]byte("earlier"))}, genReader(100, 0, nil))
	require.NoError(t, err)
	require.NoError(t, s.Close())

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+db+" "+progress)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	deadline := time.After(2 * time.Minute)
	for {
		if _, err := os.Stat(progress); err == nil {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("the child ended before it was killed: %v", err)
		case <-deadline:
			_ = cmd.Process.Kill()
			t.Fatal("the child never said it was halfway")
		case <-time.After(5 * time.Millisecond):
		}
	}
	wal, _ := os.Stat(db + "-wal")
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	err = <-exited
	require.Error(t, err, "the child was killed")
	if wal != nil {
		t.Logf("killed with %d bytes in the WAL file", wal.Size())
	}

	s, err = Open(ctx, db)
	require.NoError(t, err)
	defer s.Close()
	c, err := s.Count(ctx)
	require.NoError(t, err)
	assert.Equal(t, Counts{Ingests: 1, Events: 100, Refs: 200 + 10}, c, "nothing of the killed ingest is visible")
	prev, err := s.Ingested(ctx, crashFile().SHA256, KindEvents)
	require.NoError(t, err)
	assert.Nil(t, prev, "the killed file is not taken as ingested")
	if s.Dialect() == "sqlite" {
		var integrity string
		require.NoError(t, s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&integrity))
		assert.Equal(t, "ok", integrity)
	}
	var orphans int
	require.NoError(t, s.db.QueryRowContext(ctx,
		"SELECT COUNT(*) FROM refs WHERE event_id NOT IN (SELECT id FROM events)").Scan(&orphans))
	assert.Zero(t, orphans)

	res, err := s.IngestEvents(ctx, crashFile(), genReader(crashAfter, 0, nil))
	require.NoError(t, err)
	assert.False(t, res.Already)
	assert.Equal(t, crashAfter, res.Count, "the next ingest completes it")
	assert.Equal(t, before.ID+1, res.ID)
	c, err = s.Count(ctx)
	require.NoError(t, err)
	assert.Equal(t, 100+crashAfter, c.Events)
	again, err := s.IngestEvents(ctx, crashFile(), genReader(crashAfter, 0, nil))
	require.NoError(t, err)
	assert.True(t, again.Already)
}
