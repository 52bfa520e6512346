// Package scan finds the notes under the audited paths and turns each one
// into audit.Facts: walk, read, parse, extract, on a bounded pool of workers.
// With the shortcut, a worker takes a folder at a time: front matter and a
// triage (audit.Look) first, then a full parse of
// only the notes an event can see, from the bytes in hand; a second pass
// reads what a case spanning folders needs.
// It never writes anything and never follows symbolic links. A file that
// cannot be read, or whose parse panics, becomes a FileError; the rest of
// the tree is still read.
package scan
