//go:build !unix

package scan

import (
	"io"
	"os"
)

// readFile reads a file, or gives its size alone when that is over limit.
func readFile(path string, limit int64) (src []byte, size int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if st.Size() > limit {
		return nil, st.Size(), nil
	}
	src, err = io.ReadAll(io.LimitReader(f, limit+1))
	return src, int64(len(src)), err
}
