// Package watch keeps an audit current while notes change: a pure batcher
// turns file-system events into batches (quiet period, cap, overflow), an
// incremental index re-parses only notes whose size or modification time
// changed, and only the cases a batch touched are re-audited. Printing the
// changes and writing the report are left to the caller's Sink.
package watch
