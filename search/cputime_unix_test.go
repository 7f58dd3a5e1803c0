//go:build unix

package search

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, to tell a search's own
// cost from time spent waiting for a core on a shared machine.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
