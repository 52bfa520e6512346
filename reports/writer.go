package reports

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Writer renders a report; it never opens files.
type Writer interface {
	Write(w io.Writer, r *Report) error
}

// Writers are the formats by name.
func Writers(color bool) map[string]Writer {
	return map[string]Writer{"text": Text{Color: color}, "json": JSON{}, "md": Markdown{}, "html": HTML{}, "csv": CSV{}, "sarif": SARIF{}}
}

// Formats lists the format names.
func Formats() []string {
	var out []string
	for k := range Writers(false) {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// FormatFor picks the format: the flag when given, else the output file's
// extension, else def.
func FormatFor(flag, out, def string) (string, error) {
	f := flag
	if f == "" && out != "" {
		switch strings.ToLower(strings.TrimPrefix(filepath.Ext(out), ".")) {
		case "json":
			f = "json"
		case "txt", "log":
			f = "text"
		case "md", "markdown":
			f = "md"
		case "html", "htm":
			f = "html"
		case "csv":
			f = "csv"
		case "sarif":
			f = "sarif"
		}
	}
	if f == "" {
		f = def
	}
	if _, ok := Writers(false)[f]; !ok {
		return "", fmt.Errorf("unknown format %q (available: %s)", f, strings.Join(Formats(), ", "))
	}
	return f, nil
}

// WriteFileAtomic writes a report file so that a reader never sees half of
// it: a temp file beside the target, synced, then renamed over it. The file
// is private (0600) because reports hold client information.
//
// A path that is not a regular file is not replaced: a folder is refused,
// and a device or pipe ("--out /dev/null", "--out /dev/stdout") is written
// to as it is; renaming over it would put a file where it was. A symbolic
// link stays one: the file it points to is replaced.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	if st, err := os.Lstat(path); err == nil && st.Mode()&os.ModeSymlink != 0 {
		if target, err := filepath.EvalSymlinks(path); err == nil {
			path = target
		}
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		if st.IsDir() {
			return fmt.Errorf("%s is a folder, not a file", path)
		}
		return writeInPlace(path, write)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".noteaudit-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return err
	}
	if err = buffered(tmp, write); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// writeInPlace writes to a device or pipe.
func writeInPlace(path string, write func(io.Writer) error) (err error) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	return buffered(f, write)
}

// buffered runs write on w through a buffer: a sweep's report may be tens
// of MB, and a writer may write it in small pieces, a system call each
// unbuffered.
func buffered(w io.Writer, write func(io.Writer) error) error {
	buf := bufio.NewWriterSize(w, 256<<10)
	if err := write(buf); err != nil {
		return err
	}
	return buf.Flush()
}
