//go:build unix

package scan

import (
	"io/fs"
	"syscall"
)

// readFile reads a file, or gives its size alone when that is over limit.
// It is os.ReadFile without the os.File: os.Open offers every file to the
// network poller, five fcntl and epoll calls that a regular file refuses,
// and system calls are most of the cost of reading a short note.
func readFile(path string, limit int64) (src []byte, size int64, err error) {
	fd, err := retry(func() (int, error) { return syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, 0, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if _, err := retry(func() (int, error) { return 0, syscall.Fstat(fd, &st) }); err != nil {
		return nil, 0, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Size > limit {
		return nil, st.Size, nil
	}
	src = make([]byte, 0, st.Size+1) // +1: the end is seen without growing
	for {
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)]
		}
		n, err := retry(func() (int, error) { return syscall.Read(fd, src[len(src):cap(src)]) })
		if err != nil {
			return nil, 0, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n <= 0 {
			return src, int64(len(src)), nil
		}
		asked := cap(src) - len(src)
		src = src[:len(src)+n]
		if n < asked && int64(len(src)) == st.Size {
			// A short read of the size fstat gave: the end, without
			// another system call to hear it (a file still growing gave
			// more).
			return src, int64(len(src)), nil
		}
		if int64(len(src)) > limit { // grew while we read
			return src, int64(len(src)), nil
		}
	}
}

func retry(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
