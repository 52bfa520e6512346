// Package reports holds the one report model of SPEC §5 and the writers that
// render it (text, json, …). Build turns an audit.Result into a Report;
// writers only render a Report to an io.Writer and never open files.
// WriteFileAtomic is the one place a report reaches the disk.
package reports
