package parser

import "sort"

// lineIndex maps byte offsets of a file to 1-based line numbers.
type lineIndex []int // offsets where each line starts

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, b := range src {
		if b == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
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
