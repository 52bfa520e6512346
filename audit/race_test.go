//go:build race

package audit

// raceBuild: the race detector slows regexp-heavy tests tenfold.
const raceBuild = true
