package parser

// Value is a front-matter scalar and the file line it was written on.
type Value struct {
	Text string
	Line int
}

// Set reports whether the value was given and is not blank.
func (v Value) Set() bool { return v.Text != "" }

// Meta is the note's front matter with SPEC §1 aliases resolved.
type Meta struct {
	Format       string // "yaml", "toml", "json" or "" when there is none
	StartLine    int    // line of the opening delimiter (0 when none)
	Client       Value
	Date         Value
	Practitioner Value
	Type         Value
	Termination  *Termination
	Waivers      []Waiver
}

// Termination is the optional structured `termination:` / `cessation:` block.
type Termination struct {
	Line         int
	Ground       Value
	CourtOrdered *bool
	CourtLine    int
	Alternatives []Value
	Contacts     []Contact
	Support      Value
	Session      Value // held / declined / not-held
	SessionMode  Value
	Outreach     []Outreach
	LegalAdvice  Value // free text; "true"/"false" when given as a bool
}

// Contact is one entry of the block's `contacts` list.
type Contact struct {
	Name, Phone, Email, URL, Address string
	Line                             int
}

// Outreach is one entry of the block's `outreach` list.
type Outreach struct {
	Date, Channel, Outcome string
	Line                   int
}

// Waiver is one `audit.waive` entry: a check id and the reason given.
type Waiver struct {
	Check  string
	Reason string
	Line   int
}

// BlockKind says what kind of body block a Block is.
type BlockKind int

const (
	Heading BlockKind = iota
	Paragraph
	Item     // a list item's text
	TableRow // one row of a table, cells joined by " | "
)

func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case Item:
		return "item"
	case TableRow:
		return "row"
	}
	return "paragraph"
}

// Block is one piece of body text: a heading, a paragraph, a list item or a
// table row, with plain text (Markdown markers removed).
type Block struct {
	Kind    BlockKind
	Level   int    // heading level; list nesting depth for items
	Text    string // plain text, line breaks folded to spaces
	Line    int    // line of the block's first character
	Section int    // index in Note.Blocks of the heading it sits under, -1 if none
	Lead    int    // for items: index of the paragraph introducing the list, -1 if none
	First   int    // index in Note.Sentences of the block's first sentence
	Count   int    // how many sentences the block holds
}

// Sentence is a sentence of a block, with the line it starts on.
type Sentence struct {
	Text  string
	Line  int
	Block int // index in Note.Blocks
}

// Link is an autolink or inline link: e-mail addresses and URLs.
type Link struct {
	URL   string
	Label string
	Line  int
}

// Problem is something in the file that could not be read as expected.
type Problem struct {
	Line    int
	Message string
}

// Note is everything noteaudit reads from one file.
type Note struct {
	Path      string
	Lines     int // number of lines in the file
	BodyLine  int // first line of the body
	Meta      Meta
	Blocks    []Block
	Sentences []Sentence
	Links     []Link
	Problems  []Problem

	body *walker // set by ParseMeta until ParseBody has read the body
}
