package scan

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	note := strings.Repeat("Notes de suivi. ", 300) // longer than one read of a small buffer
	require.NoError(t, os.WriteFile(filepath.Join(dir, "note.md"), []byte(note), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "empty.md"), nil, 0o644))

	src, size, err := readFile(filepath.Join(dir, "note.md"), 1<<20)
	require.NoError(t, err)
	assert.Equal(t, note, string(src))
	assert.Equal(t, int64(len(note)), size)

	src, size, err = readFile(filepath.Join(dir, "empty.md"), 1<<20)
	require.NoError(t, err)
	assert.Empty(t, src)
	assert.Zero(t, size)

	src, size, err = readFile(filepath.Join(dir, "note.md"), 100)
	require.NoError(t, err)
	assert.Nil(t, src, "a file over the limit is not read")
	assert.Equal(t, int64(len(note)), size)

	_, _, err = readFile(filepath.Join(dir, "gone.md"), 1<<20)
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.Equal(t, "does not exist (deleted or moved while reading?)", readError(err))

	_, _, err = readFile(dir, 1<<20)
	assert.Error(t, err, "a folder is no note")
}

// rel's shortcut gives what filepath.Rel gives.
func TestRel(t *testing.T) {
	for _, c := range [][2]string{
		{"/a/b", "/a/b/c/d.md"}, {"/a/b", "/a/b"}, {"/a/b", "/a/bc/d.md"}, {".", "x/y.md"}, {"a/", "a/x.md"},
		{"/", "/x.md"}, {"a", "ab/x.md"}, {"a", "a/x.md"}, {"./a", "a/x.md"}, {"a/../b", "b/x.md"}, {"a", "a/../x.md"}, {"a", "a/./x.md"}, {"a", "a//x.md"}, {"a", "a/x..md"}, {"a", "a/..x.md"},
	} {
		want, err := filepath.Rel(c[0], c[1])
		if err != nil || strings.HasPrefix(want, "..") {
			want = c[1]
		}
		assert.Equal(t, filepath.ToSlash(want), rel(c[0], c[1]), "%q %q", c[0], c[1])
	}
}

func TestSameFolder(t *testing.T) {
	names := []string{"x.md", "y.md", "a/x.md", "a/y.md", "ab/x.md", "a/b/x.md", "a/b/y.md", "b/x.md", "é/x.md", "a.b/x.md"}
	for _, a := range names {
		for _, b := range names {
			assert.Equal(t, path.Dir(a) == path.Dir(b), sameFolder(a, b), "%q %q", a, b)
		}
	}
}

// isCleanRel agrees with filepath.Clean on the relative paths without ".."
// that it is asked about.
func FuzzIsCleanRel(f *testing.F) {
	for _, s := range []string{"a", "a/b.md", "a//b", "./a", "a/./b", "a/", "/a", ".", "", "a/b/c.md", "a/.b/c", "a/b."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, r string) {
		if r == "" || r[0] == '/' || strings.Contains(r, "..") {
			return
		}
		if want := filepath.Clean(r) == r; isCleanRel(r) != want {
			t.Fatalf("%q: isCleanRel says %v", r, !want)
		}
	})
}

// An interner gives one copy of equal values, and stops learning new ones
// at its bound.
func TestInterner(t *testing.T) {
	var h interner
	first := h.of("Dr. Lee")
	again := h.of(strings.Clone(first))
	require.Equal(t, first, again)
	require.Same(t, unsafe.StringData(first), unsafe.StringData(again), "equal values share one copy")
	require.Equal(t, "", h.of(""))
	for i := 0; i < maxInterned+10; i++ {
		h.of(strconv.Itoa(i))
	}
	require.Len(t, h.seen, maxInterned)
	late := strconv.Itoa(maxInterned + 5)
	require.Equal(t, late, h.of(strings.Clone(late)), "past the bound a value is still itself")
}
