package iso20022

import (
	"io"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// notificationStream generates a camt.054 of n entries as it is read, so
// that the test holds neither the input nor the events.
type notificationStream struct {
	n, next int    // entries to write, entries written
	part    int    // 0 the head, 1 the entries, 2 the tail, 3 done
	buf     []byte // the part being read
	off     int
}

func (s *notificationStream) Read(p []byte) (int, error) {
	for s.off == len(s.buf) {
		s.off = 0
		switch {
		case s.part == 0:
			s.buf, s.part = append(s.buf[:0], notificationHead...), 1
		case s.part == 1 && s.next < s.n:
			s.buf = notificationEntry(s.buf[:0], s.next)
			s.next++
		case s.part == 1:
			s.buf, s.part = append(s.buf[:0], notificationTail...), 2
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, s.buf[s.off:])
	s.off += n
	return n, nil
}

// TestNotificationBoundedMemory reads a 100,000-entry camt.054 from a
// stream and checks that the live heap stays small: entries are decoded
// one at a time and dropped. It logs the peak.
func TestNotificationBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 100,000 entries")
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak uint64
	n := 0
	for ev, err := range Read(&notificationStream{n: benchEntries}, "big.xml") {
		require.NoError(t, err)
		require.NotNil(t, ev)
		if n++; n%10_000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	assert.Equal(t, benchEntries, n)
	grown := int64(peak) - int64(base)
	t.Logf("live heap: %d KB before, peak %d KB while reading %d entries (%+d KB)", base>>10, peak>>10, n, grown>>10)
	assert.Less(t, grown, int64(8<<20), "the live heap grew with the file")
}
