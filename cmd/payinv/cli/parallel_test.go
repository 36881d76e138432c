package cli

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/payinv/payinv/payment"
)

// TestReadInOrder reads sources that take their time in a random order and
// checks that their starts, events and problems come out source by source,
// in order, as if read one after another; and that an event the reader
// fills anew each time (as the ACH reader does) is kept intact.
func TestReadInOrder(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one core: sources are read one after another")
	}
	const nSources, perSource = 50, 600 // more events than a queue holds
	sources := make([]source, nSources)
	for i := range sources {
		sources[i] = source{name: fmt.Sprintf("f%02d", i)}
	}
	read := func(src source, rep *reporter, begin func(string), each func(*payment.Event)) int {
		time.Sleep(time.Duration(rand.IntN(2000)) * time.Microsecond)
		begin(src.name)
		var ev payment.Event // filled anew for every event
		for line := 1; line <= perSource; line++ {
			ev = payment.Event{Source: payment.Source{File: src.name, Line: line}}
			each(&ev)
			if line%200 == 0 {
				rep.report(payment.Warningf(payment.Source{File: src.name, Line: line}, "note"), src.name)
			}
		}
		return perSource
	}
	io, _, _ := TestIO("", testNow)
	rep := &reporter{io: io, hold: true}
	var got []string
	n := readInOrder(sources, rep, read,
		func(name string) { got = append(got, "begin "+name) },
		func(ev *payment.Event) { got = append(got, ev.Source.String()) })
	assert.Equal(t, nSources*perSource, n)

	var want []string
	for i := range nSources {
		name := fmt.Sprintf("f%02d", i)
		want = append(want, "begin "+name)
		for line := 1; line <= perSource; line++ {
			want = append(want, fmt.Sprintf("%s:%d", name, line))
		}
	}
	assert.Equal(t, want, got)
	assert.Len(t, rep.problems, nSources*perSource/200)
	for i, p := range rep.problems {
		assert.Equal(t, fmt.Sprintf("f%02d:%d", i/3, (i%3+1)*200), p.Source.String())
	}
}
