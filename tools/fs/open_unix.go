//go:build unix

package fs

import "syscall"

// openFlags opens a FIFO without waiting for a writer; the file is then
// refused as not regular.
const openFlags = syscall.O_NONBLOCK
