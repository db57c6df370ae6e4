//go:build !unix

package fs

// openFlags adds nothing where O_NONBLOCK does not exist.
const openFlags = 0
