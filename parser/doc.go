// Package parser turns one note file's bytes into a Note: its front matter
// (aliases resolved, each value keeping its 1-based line), and the body's
// headings, list items, paragraphs and sentences, each with its line in the
// whole file.
//
// It knows nothing of checks or reports. It never fails on bad content and
// never panics: what it cannot read becomes a Problem with a line, and the
// rest of the note is still returned.
package parser
