//go:build !unix

package main

import "errors"

// interruptSelf: a process cannot send itself Ctrl-C here.
func interruptSelf() error { return errors.ErrUnsupported }

const canInterrupt = false
