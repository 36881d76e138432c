package cli

import (
	"errors"
	"fmt"

	"github.com/payinv/payinv/payment"
)

// reporter prints the problems found in the inputs on stderr as they are
// found, one line each, and remembers them for JSON output and the exit
// status.
type reporter struct {
	io       *IO
	errors   int
	warnings int
	problems []*payment.Problem
	// hold keeps problems instead of printing them, for work done
	// concurrently whose problems are printed afterwards, in order.
	hold bool
	// forward, when set, takes every problem instead: the reporter of a
	// source read on another goroutine hands them on, in order.
	forward func(*payment.Problem)
}

func newReporter(io *IO) *reporter { return &reporter{io: io} }

// report prints a problem. Errors that are not *payment.Problem are taken
// to concern the input named file.
func (r *reporter) report(err error, file string) {
	var p *payment.Problem
	if !errors.As(err, &p) {
		p = &payment.Problem{Source: payment.Source{File: file}, Message: err.Error()}
	}
	if r.forward != nil {
		r.forward(p)
		return
	}
	r.problems = append(r.problems, p)
	if p.Warning {
		r.warnings++
	} else {
		r.errors++
	}
	if r.hold {
		return
	}
	if p.Warning {
		fmt.Fprintf(r.io.ErrOut, "payinv: %s: %s%s\n", p.Source, r.paint("warning: ", yellow), p.Message)
		return
	}
	fmt.Fprintf(r.io.ErrOut, "payinv: %s: %s\n", p.Source, p.Message)
}

// adopt reports, in order, the problems another reporter held.
func (r *reporter) adopt(held *reporter) {
	for _, p := range held.problems {
		r.report(p, "")
	}
}

// result is the error a command returns once its output is written:
// status 2 when any input had an error.
func (r *reporter) result() error {
	if r.errors > 0 {
		return errInputProblems
	}
	return nil
}

const yellow = "33"

func (r *reporter) paint(s, color string) string {
	if !r.io.Color {
		return s
	}
	return "\x1b[" + color + "m" + s + "\x1b[0m"
}
