// Package scan finds the notes under the audited paths and turns each one
// into audit.Facts: walk, read, parse, extract, on a bounded pool of workers.
// It never writes anything and never follows symbolic links. A file that
// cannot be read, or whose parse panics, becomes a FileError; the rest of
// the tree is still read.
package scan
