package parser

import (
	"bytes"
	"sort"
)

// lineIndex maps byte offsets of a file to 1-based line numbers.
type lineIndex []int // offsets where each line starts

func newLineIndex(src []byte) lineIndex {
	idx := make(lineIndex, 1, 1+bytes.Count(src, []byte{'\n'}))
	for i := 0; ; {
		k := bytes.IndexByte(src[i:], '\n')
		if k < 0 {
			return idx
		}
		i += k + 1
		idx = append(idx, i)
	}
}

// Line returns the 1-based line of offset off, clamped to the file.
func (l lineIndex) Line(off int) int {
	if off < 0 {
		off = 0
	}
	return sort.Search(len(l), func(i int) bool { return l[i] > off })
}

// Count is the number of lines (a final line without '\n' counts).
func (l lineIndex) Count(size int) int {
	if size == 0 {
		return 0
	}
	if size > 0 && l[len(l)-1] == size {
		return len(l) - 1
	}
	return len(l)
}

// lineAt is lineIndex.Line without the index: for the few offsets
// ParseMeta asks about, of notes whose body may never be read.
func lineAt(src []byte, off int) int {
	return 1 + bytes.Count(src[:min(max(off, 0), len(src))], []byte{'\n'})
}

// lineCount is lineIndex.Count without the index.
func lineCount(src []byte) int {
	n := bytes.Count(src, []byte{'\n'})
	if len(src) > 0 && src[len(src)-1] != '\n' {
		n++
	}
	return n
}
