// Package audit groups parsed notes into cases, finds termination events and
// runs the checks of SPEC §3 on each event.
//
// The flow is one way: Extract turns a parser.Note into Facts (everything the
// checks need from one file, and nothing else, so callers can drop the note);
// Run groups Facts into cases and events and runs the registered checks. The
// English and French vocabulary is data (vocab.yaml, embedded), as are the
// messages (messages.yaml). A pattern's regexp runs only on text holding its
// required words (literals.go), found in one Aho-Corasick pass
// (wordindex.go). Before any Markdown parse, a Look's MayTerminate and
// MayMatter (shortcut.go) say cheaply whether a note's body can matter; ExtractMeta
// and ReadBody split Extract so a caller can stop at the front matter. The
// package knows nothing of output formats.
package audit
