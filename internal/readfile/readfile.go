// Package readfile opens files named by untrusted input (a policy path, a
// program path) without waiting: a FIFO would block open until a writer
// comes, and a device such as /dev/zero never ends. Only regular files are
// opened, and their size is known before anything is read.
package readfile

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

// Open opens the regular file at path for reading, refusing anything else
// (a FIFO, a device, a folder, a socket) without blocking.
func Open(path string) (*os.File, os.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, &NotRegularError{Path: path, Mode: info.Mode()}
	}
	return f, info, nil
}

// Read reads the regular file at path whole, refusing one larger than max
// bytes before reading it.
func Read(path string, max int64) ([]byte, error) {
	f, info, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > max {
		return nil, fmt.Errorf("%s is %d bytes, larger than the limit of %d", path, info.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max { // grew while being read
		return nil, fmt.Errorf("%s is larger than the limit of %d bytes", path, max)
	}
	return data, nil
}

// NotRegularError is a path that names something other than a regular
// file.
type NotRegularError struct {
	Path string
	Mode os.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is not a regular file (%s)", e.Path, kind(e.Mode))
}

func kind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "not a plain file"
}
