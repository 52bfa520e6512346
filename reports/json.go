package reports

import (
	"encoding/json"
	"io"
)

// JSON writes the report as SPEC §5's schema, indented.
type JSON struct{}

func (JSON) Write(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
