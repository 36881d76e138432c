package cli

import (
	"errors"
	"fmt"
)

// Exit statuses, the grep/diff convention.
const (
	// ExitOK: done, and the answer is clean.
	ExitOK = 0
	// ExitNothing: done, and the answer is "nothing found" or "breaks found".
	ExitNothing = 1
	// ExitInput: bad usage, or input that could not be read completely.
	ExitInput = 2
)

// exitError ends a command with a status; message, when set, goes to
// stderr.
type exitError struct {
	code    int
	message string
}

func (e *exitError) Error() string { return e.message }

// errNothingFound ends a search that found nothing: status 1, no message
// (the command has already said what it looked for).
var errNothingFound = &exitError{code: ExitNothing}

// errInputProblems ends a command whose inputs had problems, after it has
// printed everything it could read and each problem on stderr.
var errInputProblems = &exitError{code: ExitInput}

// usageError is a mistake in how the command was called.
type usageError struct {
	err     error
	command string
}

func (e *usageError) Error() string { return e.err.Error() }

func usageErrorf(command, format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...), command: command}
}

// exitCode turns the error a command returned into the process's exit
// status, printing what the user needs to see.
func exitCode(err error, io *IO) int {
	if err == nil {
		return ExitOK
	}
	var exit *exitError
	if errors.As(err, &exit) {
		if exit.message != "" {
			fmt.Fprintf(io.ErrOut, "payinv: %s\n", exit.message)
		}
		return exit.code
	}
	var usage *usageError
	if errors.As(err, &usage) {
		fmt.Fprintf(io.ErrOut, "payinv: %s\n", usage.err)
		if usage.command != "" {
			fmt.Fprintf(io.ErrOut, "Run '%s --help' for usage.\n", usage.command)
		}
		return ExitInput
	}
	fmt.Fprintf(io.ErrOut, "payinv: %s\n", err)
	return ExitInput
}
