package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// machineLine says what of the machine the memory figures depend on: a
// start and a restart write hundreds of MiB of fresh memory, and what a
// fresh page costs differs several times between machines (a virtual
// machine's page faults are dear; transparent huge pages, where the
// kernel gives them to every process, make them 512 times fewer). The
// ratios of one run compare capsule with a floor on the same machine,
// but which side the memory weighs on changes with it: see the README's
// Performance section.
func machineLine() string {
	thp := "unknown"
	if b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled"); err == nil {
		if i, j := strings.IndexByte(string(b), '['), strings.IndexByte(string(b), ']'); 0 <= i && i < j {
			thp = string(b[i+1 : j])
		}
	}
	return fmt.Sprintf("machine: transparent huge pages %q, fresh memory written at %.1f ms/MiB", thp, freshWriteCost())
}

// freshWriteCost is the time to touch 64 MiB of memory the process has
// not used before (a byte in every 512, every page), per MiB: its pages'
// faults.
func freshWriteCost() float64 {
	const size = 64 << 20
	start := time.Now()
	b := make([]byte, size)
	for i := 0; i < len(b); i += 512 {
		b[i] = 1
	}
	d := time.Since(start)
	runtime.KeepAlive(b)
	debug.FreeOSMemory() // its 64 MiB given back at once
	return float64(d.Microseconds()) / 1000 / (size >> 20)
}
