//go:build !linux

package main

import (
	"errors"
	"syscall"
)

// clockGettime is only needed under systemd, which is Linux.
func clockGettime(*syscall.Timespec) error { return errors.New("no CLOCK_MONOTONIC here") }
