//go:build unix

package main

import (
	"os"
	"syscall"
)

// interruptSelf sends this process Ctrl-C's signal.
func interruptSelf() error { return syscall.Kill(os.Getpid(), syscall.SIGINT) }

const canInterrupt = true
