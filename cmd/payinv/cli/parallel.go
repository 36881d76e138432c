package cli

import (
	"runtime"

	"github.com/payinv/payinv/payment"
)

// readFunc reads one source, calling begin once it is known to be a
// payment file and each with every event (valid only during the call),
// and reporting its problems on rep. It returns the number of events.
type readFunc func(src source, rep *reporter, begin func(string), each func(*payment.Event)) int

// sourceItem is one thing a source gave: its start, an event or a problem.
type sourceItem struct {
	begin   string
	event   *payment.Event
	problem *payment.Problem
}

// itemsBuffered is how many items of one source may wait for the caller.
const itemsBuffered = 256

// readInOrder reads the sources with read, several at a time on as many
// goroutines as the machine has cores, and hands what each gives — its
// start, its events, its problems — to begin, each and rep on the calling
// goroutine, source after source in the order given: the output is the
// same as reading them one after another, and a folder of many small files
// (wire messages come one per file) is read on every core. At most a few
// sources per core are read ahead, and each source's events wait in a
// bounded queue, so memory stays bounded however large the files. It
// returns the number of events.
func readInOrder(sources []source, rep *reporter, read readFunc, begin func(string), each func(*payment.Event)) int {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || len(sources) < 2 {
		n := 0
		for _, src := range sources {
			n += read(src, rep, begin, each)
		}
		return n
	}
	// Each source's queue is made when it starts and passed on in order;
	// the buffer of started is how far reading may run ahead.
	started := make(chan chan sourceItem, 4*workers)
	running := make(chan struct{}, workers) // sources being read
	go func() {
		defer close(started)
		for _, src := range sources {
			q := make(chan sourceItem, itemsBuffered)
			started <- q
			running <- struct{}{}
			go func() {
				defer func() { <-running }()
				defer close(q)
				srcRep := &reporter{forward: func(p *payment.Problem) { q <- sourceItem{problem: p} }}
				read(src, srcRep,
					func(name string) { q <- sourceItem{begin: name} },
					func(ev *payment.Event) { q <- sourceItem{event: ev.Clone()} })
			}()
		}
	}()
	n, i := 0, 0
	for q := range started {
		for it := range q {
			switch {
			case it.event != nil:
				each(it.event)
				n++
			case it.problem != nil:
				rep.report(it.problem, sources[i].name)
			default:
				begin(it.begin)
			}
		}
		i++
	}
	return n
}
