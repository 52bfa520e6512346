package parser

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	gparser "github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/encoding/charmap"
)

// md is shared by every goroutine: goldmark parsers are stateless.
// Setext headings are off: in notes a `---` line under text is a separator,
// not an underline, and front matter that was not stripped must never become
// a heading. `===` underlines are still read as headings (see paragraph).
var md = newMarkdownParser()

func newMarkdownParser() gparser.Parser {
	setext := reflect.TypeOf(gparser.NewSetextHeadingParser())
	var blocks []util.PrioritizedValue
	for _, b := range gparser.DefaultBlockParsers() {
		if reflect.TypeOf(b.Value) != setext {
			blocks = append(blocks, b)
		}
	}
	return gparser.NewParser(
		gparser.WithBlockParsers(blocks...),
		gparser.WithInlineParsers(gparser.DefaultInlineParsers()...),
		gparser.WithParagraphTransformers(append(gparser.DefaultParagraphTransformers(),
			util.Prioritized(extension.NewTableParagraphTransformer(), 200))...),
		gparser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
	)
}

var bom = []byte("\xef\xbb\xbf")

// Parse reads one note. It never returns nil and never panics on any input
// (a panic inside goldmark is recovered and reported as a Problem).
func Parse(path string, src []byte) *Note {
	note, _ := ParseMeta(path, src)
	note.ParseBody()
	return note
}

// ParseMeta reads only the note's front matter (and reports the same
// problems Parse would), returning the body's bytes: enough to decide
// cheaply whether the body needs reading at all. ParseBody finishes the
// note from there.
func ParseMeta(path string, src []byte) (note *Note, rest []byte) {
	note = &Note{Path: path}
	defer func() {
		if r := recover(); r != nil {
			note.body, rest = nil, nil
			note.Problems = append(note.Problems, internalError(r))
		}
	}()
	if bytes.IndexByte(src, 0) >= 0 {
		note.Problems = append(note.Problems, Problem{Message: "binary file (contains NUL bytes), not a text note; skipped"})
		return note, nil
	}
	src = bytes.TrimPrefix(src, bom) // 3 bytes on line 1: line numbers stay the same
	if len(bytes.TrimSpace(src)) == 0 {
		note.Problems = append(note.Problems, Problem{Message: "empty file: nothing to audit"})
		return note, nil
	}
	if !utf8.Valid(src) {
		decoded, err := charmap.Windows1252.NewDecoder().Bytes(src)
		if err == nil {
			note.Problems = append(note.Problems, Problem{Line: firstInvalidLine(src), Message: "not valid UTF-8; read as Windows-1252 (save the note as UTF-8)"})
			src = decoded
		}
	}
	src = loneCRToLF(src)
	note.Lines = lineCount(src)

	raw, bodyOff, problems := splitFrontMatter(src)
	note.Problems = append(note.Problems, problems...)
	if raw != nil {
		root, probs := decode(raw)
		note.Problems = append(note.Problems, probs...)
		meta, probs := buildMeta(root, raw.format, raw.openLine)
		note.Meta = meta
		note.Problems = append(note.Problems, probs...)
	}
	note.BodyLine = lineAt(src, bodyOff)
	for i := range note.Problems {
		// A decoder may point just past the last line (at EOF).
		note.Problems[i].Line = min(note.Problems[i].Line, max(note.Lines, 1))
	}
	note.body = &walker{src: src, off: bodyOff, note: note, section: -1, lead: -1}
	return note, src[bodyOff:]
}

// ParseBody reads the body of a note ParseMeta began: its blocks,
// sentences and links. Once read, the note drops its source; a second call
// does nothing.
func (n *Note) ParseBody() {
	w := n.body
	if w == nil {
		return
	}
	n.body = nil
	defer func() {
		if r := recover(); r != nil {
			n.Blocks, n.Sentences, n.Links = nil, nil, nil
			n.Problems = append(n.Problems, internalError(r))
		}
	}()
	w.lines = newLineIndex(w.src)
	// A block starts a line of its own: room for one per line of text
	// (and two sentences each) spares the growing copies, which were a
	// tenth of what reading a note allocates.
	if lines := textLines(w.body()); lines > 0 {
		n.Blocks = make([]Block, 0, min(lines, 256))
		n.Sentences = make([]Sentence, 0, min(2*lines, 512))
	}
	w.walk(md.Parse(gtext.NewReader(w.body())))
}

// textLines counts the lines of body that hold more than spacing.
func textLines(body []byte) int {
	n := 0
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		if len(bytes.TrimSpace(line)) > 0 {
			n++
		}
	}
	return n
}

func internalError(r any) Problem {
	return Problem{Line: 0, Message: fmt.Sprintf("internal error while reading this note (%v); please report it", r)}
}

func firstInvalidLine(src []byte) int {
	line := 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		src = src[size:]
	}
	return line
}

// loneCRToLF turns old-Mac line breaks into '\n' (same length, so offsets
// hold) and leaves CRLF alone.
func loneCRToLF(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := append([]byte(nil), src...)
	for i, b := range out {
		if b == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

type walker struct {
	src     []byte // whole file
	off     int    // body offset in src; goldmark offsets are relative to it
	lines   lineIndex
	note    *Note
	section int
	lead    int // paragraph that introduces the current list
	depth   int // list nesting
}

func (w *walker) body() []byte { return w.src[w.off:] }

func (w *walker) lineOf(bodyOffset int) int {
	return w.lines.Line(w.off + min(max(bodyOffset, 0), len(w.src)-w.off))
}

func (w *walker) walk(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.List:
			if entering {
				w.depth++
				if prev := n.PreviousSibling(); prev != nil && prev.Kind() == ast.KindParagraph && w.depth == 1 {
					if i := len(w.note.Blocks) - 1; i >= 0 && strings.HasSuffix(w.note.Blocks[i].Text, ":") {
						w.lead = i
					}
				}
			} else {
				w.depth--
				if w.depth == 0 {
					w.lead = -1
				}
			}
		case *ast.Heading:
			if entering {
				w.addBlock(n, Heading, n.Level)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			if entering {
				kind := Paragraph
				if n.Parent() != nil && n.Parent().Kind() == ast.KindListItem {
					kind = Item
				}
				if kind == Paragraph && w.depth == 0 {
					w.lead = -1
				}
				w.addBlock(n, kind, w.depth)
			}
			return ast.WalkSkipChildren, nil
		case *extast.TableHeader, *extast.TableRow:
			if entering {
				w.addBlock(n, TableRow, 0)
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// textRun is a piece of plain text and the body offset it came from.
type textRun struct {
	text string
	off  int
}

func (w *walker) addBlock(n ast.Node, kind BlockKind, level int) {
	var runs []textRun
	w.inline(n, &runs)
	if kind == Paragraph && pseudoHeading(n, runs) {
		// A lone bold line ("**Closing Summary**") or a short line in
		// capitals ("TERMINATION NOTE") is how many notes title a part.
		kind, level = Heading, 6
	}
	if kind == Paragraph {
		// A paragraph whose last line is only '=' is a setext H1.
		if l := n.Lines(); l != nil && l.Len() > 1 {
			last := l.At(l.Len() - 1)
			if t := strings.TrimSpace(string(last.Value(w.body()))); t != "" && strings.Trim(t, "=") == "" {
				kind, level = Heading, 1
				for len(runs) > 0 && runs[len(runs)-1].off >= last.Start {
					runs = runs[:len(runs)-1]
				}
			}
		}
	}
	var b strings.Builder
	var offs []int // text offset -> body offset at each run start
	var starts []int
	for _, r := range runs {
		starts = append(starts, b.Len())
		offs = append(offs, r.off)
		b.WriteString(r.text)
	}
	plain := b.String()
	if strings.TrimSpace(plain) == "" {
		return
	}
	blockOff := nodeStart(n)
	if len(offs) > 0 {
		blockOff = offs[0]
	}
	lineAt := func(textOff int) int {
		i := 0
		for i+1 < len(starts) && starts[i+1] <= textOff {
			i++
		}
		if len(offs) == 0 {
			return w.lineOf(blockOff)
		}
		return w.lineOf(offs[i] + max(0, textOff-starts[i]))
	}
	spans := splitSentences(plain)
	if kind == Paragraph && len(spans) > 1 && boldFirstLine(n, spans[0].text, w.body()) {
		// "**Discharge summary**" on the first line of a paragraph titles it.
		w.emit(Heading, 6, spans[:1], lineAt, w.lineOf(blockOff))
		rest := spans[1:]
		w.emit(kind, level, rest, lineAt, lineAt(rest[0].off))
		return
	}
	w.emit(kind, level, spans, lineAt, w.lineOf(blockOff))
}

// emit appends a block made of the given sentences.
func (w *walker) emit(kind BlockKind, level int, spans []span, lineAt func(int) int, line int) {
	block := Block{Kind: kind, Level: level, Line: line, Section: w.section, Lead: -1, First: len(w.note.Sentences)}
	if kind == Item {
		block.Lead = w.lead
	}
	var texts []string
	for _, s := range spans {
		w.note.Sentences = append(w.note.Sentences, Sentence{Text: s.text, Line: lineAt(s.off), Block: len(w.note.Blocks)})
		texts = append(texts, s.text)
	}
	block.Text = CollapseSpace(strings.Join(texts, " "))
	block.Count = len(w.note.Sentences) - block.First
	w.note.Blocks = append(w.note.Blocks, block)
	if kind == Heading {
		w.section = len(w.note.Blocks) - 1
	}
}

// boldFirstLine reports a paragraph whose first line is all bold and is
// its first sentence: a title over the lines below it.
func boldFirstLine(n ast.Node, first string, body []byte) bool {
	e, ok := n.FirstChild().(*ast.Emphasis)
	if !ok || e.Level != 2 || strings.HasSuffix(first, ":") {
		return false
	}
	var t strings.Builder
	for c := e.FirstChild(); c != nil; c = c.NextSibling() {
		if tx, ok := c.(*ast.Text); ok {
			t.Write(tx.Segment.Value(body))
		}
	}
	return CollapseSpace(t.String()) == first
}

// inline collects the plain text of n's inline content.
func (w *walker) inline(n ast.Node, runs *[]textRun) {
	body := w.body()
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			t := strings.TrimRight(string(seg.Value(body)), "\r")
			*runs = append(*runs, textRun{t, seg.Start})
			if c.SoftLineBreak() || c.HardLineBreak() {
				// A line that opens with bold text ("**Reason:** …") starts
				// a new sentence even when the line before has no period.
				brk := " "
				if startsLabelLine(c.NextSibling(), body) {
					brk = "\n"
				}
				*runs = append(*runs, textRun{brk, seg.Stop})
			}
		case *ast.String:
			*runs = append(*runs, textRun{string(c.Value), nodeStart(c)})
		case *ast.AutoLink:
			label := string(c.Label(body))
			start := nodeStart(c)
			w.note.Links = append(w.note.Links, Link{URL: string(c.URL(body)), Label: label, Line: w.lineOf(start)})
			*runs = append(*runs, textRun{label, start})
		case *ast.Link:
			w.note.Links = append(w.note.Links, Link{URL: string(c.Destination), Line: w.lineOf(nodeStart(c))})
			w.inline(c, runs)
		case *ast.RawHTML:
			// skipped: markup, not prose
		case *extast.TableCell:
			if c.PreviousSibling() != nil {
				*runs = append(*runs, textRun{" | ", nodeStart(c)})
			}
			w.inline(c, runs)
		default:
			w.inline(c, runs)
		}
	}
}

// pseudoHeading reports a one-line paragraph that is all bold, or short and
// all in capitals.
func pseudoHeading(n ast.Node, runs []textRun) bool {
	if l := n.Lines(); l == nil || l.Len() != 1 {
		return false
	}
	var text strings.Builder
	for _, r := range runs {
		text.WriteString(r.text)
	}
	t := strings.TrimSpace(text.String())
	if t == "" || utf8.RuneCountInString(t) > 80 || strings.HasSuffix(t, ".") {
		return false
	}
	var kids []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if tx, ok := c.(*ast.Text); ok && tx.Segment.Len() == 0 {
			continue
		}
		kids = append(kids, c)
	}
	if len(kids) == 1 {
		if e, ok := kids[0].(*ast.Emphasis); ok && e.Level == 2 {
			return true
		}
	}
	letters, upper := 0, 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 6 && upper == letters && strings.Contains(t, " ")
}

// labelLineRe is a line that opens with a short label: "Date: …", "Motif :".
var labelLineRe = regexp.MustCompile(`^\p{Lu}[\p{L}\p{N} ’'/()-]{0,30}\s?:(\s|$)`)

// startsLabelLine reports whether the inline n, first on its line, opens a
// new labelled line ("**Reason:** …" or "Worker: …"): such a line starts a
// new sentence even when the line before has no period.
func startsLabelLine(n ast.Node, body []byte) bool {
	switch n := n.(type) {
	case *ast.Emphasis:
		return n.Level == 2
	case *ast.Text:
		seg := n.Segment
		return labelLineRe.Match(seg.Value(body))
	}
	return false
}

// nodeStart is the body offset where n starts, -1 when unknown (see
// DESIGN-NOTES §1: prefer Lines(), then Text segments, then Pos()).
func nodeStart(n ast.Node) int {
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := nodeStart(c); s >= 0 {
			return s
		}
	}
	return n.Pos()
}
