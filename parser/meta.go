package parser

import (
	"fmt"
	"strings"
)

// Front-matter key aliases of SPEC §1, after normKey.
var metaAliases = map[string]string{
	"client": "client", "client_id": "client", "case": "client", "case_id": "client", "dossier": "client",
	"date": "date", "session_date": "date", "date_seance": "date",
	"practitioner": "practitioner", "author": "practitioner", "worker": "practitioner", "intervenant": "practitioner", "intervenante": "practitioner",
	"type": "type", "note_type": "type", "type_de_note": "type",
	"termination": "termination", "cessation": "termination",
	"audit": "audit",
}

// Aliases inside the termination block (French spellings accepted too).
var blockAliases = map[string]string{
	"ground": "ground", "motif": "ground", "reason": "ground",
	"court_ordered": "court_ordered", "ordonnance": "court_ordered", "ordonne_par_le_tribunal": "court_ordered",
	"alternatives": "alternatives", "services_de_rechange": "alternatives",
	"contacts": "contacts", "coordonnees": "contacts",
	"support": "support", "soutien": "support",
	"session": "session", "seance": "session",
	"outreach": "outreach", "tentatives": "outreach",
	"legal_advice": "legal_advice", "avis_juridique": "legal_advice",
}

func buildMeta(root *fnode, format string, openLine int) (Meta, []Problem) {
	meta := Meta{Format: format, StartLine: openLine}
	var problems []Problem
	if root == nil {
		return meta, nil
	}
	if root.kind != 'm' {
		return meta, []Problem{{Line: openLine, Message: "front matter is not a set of `key: value` lines; it is ignored"}}
	}
	for _, k := range root.keys {
		v := root.m[k]
		switch metaAliases[k] {
		case "client":
			meta.Client, problems = scalar(v, k, problems)
		case "date":
			meta.Date, problems = scalar(v, k, problems)
		case "practitioner":
			meta.Practitioner, problems = scalar(v, k, problems)
		case "type":
			meta.Type, problems = scalar(v, k, problems)
		case "termination":
			var t *Termination
			t, problems = buildTermination(v, k, problems)
			if t != nil {
				meta.Termination = t
			}
		case "audit":
			meta.Waivers, problems = buildWaivers(v, problems)
		}
	}
	return meta, problems
}

// scalar reads a text value; a list or map where text is expected is joined
// and reported.
func scalar(n *fnode, key string, problems []Problem) (Value, []Problem) {
	switch n.kind {
	case 's':
		return Value{Text: strings.TrimSpace(n.val), Line: n.line}, problems
	case 'l':
		var parts []string
		for _, c := range n.list {
			if c.kind == 's' && strings.TrimSpace(c.val) != "" {
				parts = append(parts, strings.TrimSpace(c.val))
			}
		}
		problems = append(problems, Problem{Line: n.line, Message: fmt.Sprintf("front matter %q should be text, found a list; its items are joined", key)})
		return Value{Text: strings.Join(parts, "; "), Line: n.line}, problems
	}
	problems = append(problems, Problem{Line: n.line, Message: fmt.Sprintf("front matter %q should be text, found a set of keys; it is ignored", key)})
	return Value{}, problems
}

// text flattens any node to text (maps as "key: value" pairs).
func text(n *fnode) string {
	switch n.kind {
	case 's':
		return strings.TrimSpace(n.val)
	case 'l':
		var parts []string
		for _, c := range n.list {
			if t := text(c); t != "" {
				parts = append(parts, t)
			}
		}
		return strings.Join(parts, "; ")
	}
	var parts []string
	for _, k := range n.keys {
		if t := text(n.m[k]); t != "" {
			parts = append(parts, k+": "+t)
		}
	}
	return strings.Join(parts, "; ")
}

// ParseBool reads yes/no in English and French; ok is false when s is neither.
func ParseBool(s string) (v bool, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "oui", "vrai", "1", "on":
		return true, true
	case "false", "no", "n", "non", "faux", "0", "off", "none", "aucun", "aucune":
		return false, true
	}
	return false, false
}

func buildTermination(n *fnode, key string, problems []Problem) (*Termination, []Problem) {
	if n.kind == 's' {
		// `termination: true` or a ground written directly.
		t := &Termination{Line: n.line}
		if _, isBool := ParseBool(n.val); !isBool && strings.TrimSpace(n.val) != "" {
			t.Ground = Value{Text: strings.TrimSpace(n.val), Line: n.line}
		}
		return t, problems
	}
	if n.kind != 'm' {
		problems = append(problems, Problem{Line: n.line, Message: fmt.Sprintf("front matter %q should be a set of keys (ground, contacts…), found a list; it is ignored", key)})
		return nil, problems
	}
	t := &Termination{Line: n.line}
	for _, k := range n.keys {
		v := n.m[k]
		switch blockAliases[k] {
		case "ground":
			t.Ground, problems = scalar(v, key+"."+k, problems)
		case "court_ordered":
			b, ok := ParseBool(text(v))
			if !ok {
				problems = append(problems, Problem{Line: v.line, Message: fmt.Sprintf("%s.%s is %q, not true or false; it is ignored", key, k, text(v))})
				continue
			}
			t.CourtOrdered, t.CourtLine = &b, v.line
		case "alternatives":
			for _, c := range items(v) {
				if s := text(c); s != "" {
					t.Alternatives = append(t.Alternatives, Value{Text: s, Line: c.line})
				}
			}
		case "contacts":
			for _, c := range items(v) {
				t.Contacts = append(t.Contacts, buildContact(c))
			}
		case "support":
			t.Support = Value{Text: text(v), Line: v.line}
		case "session":
			if v.kind == 'm' {
				for _, sk := range v.keys {
					switch sk {
					case "mode", "moyen":
						t.SessionMode = Value{Text: text(v.m[sk]), Line: v.m[sk].line}
					default:
						t.Session = Value{Text: text(v.m[sk]), Line: v.m[sk].line}
					}
				}
			} else {
				t.Session = Value{Text: text(v), Line: v.line}
			}
		case "outreach":
			for _, c := range items(v) {
				t.Outreach = append(t.Outreach, buildOutreach(c))
			}
		case "legal_advice":
			t.LegalAdvice = Value{Text: text(v), Line: v.line}
			if v.kind == 'm' {
				// {obtained: false, …}: the answer is the bool.
				for _, k := range []string{"obtained", "given", "sought", "obtenu", "obtenue", "demande"} {
					if b, ok := v.m[k]; ok {
						if given, isBool := ParseBool(text(b)); isBool && !given {
							t.LegalAdvice.Text = "false"
						}
					}
				}
			}
		}
	}
	return t, problems
}

func items(n *fnode) []*fnode {
	if n.kind == 'l' {
		return n.list
	}
	if n.kind == 's' && strings.TrimSpace(n.val) == "" {
		return nil
	}
	return []*fnode{n}
}

func buildContact(n *fnode) Contact {
	c := Contact{Line: n.line}
	if n.kind != 'm' {
		c.Name = text(n)
		return c
	}
	for _, k := range n.keys {
		v := text(n.m[k])
		switch k {
		case "phone", "telephone", "tel":
			c.Phone = v
		case "email", "courriel", "e_mail", "mail":
			c.Email = v
		case "url", "web", "site", "website", "site_web":
			c.URL = v
		case "address", "adresse":
			c.Address = v
		default:
			if c.Name == "" {
				c.Name = v
			}
		}
	}
	return c
}

func buildOutreach(n *fnode) Outreach {
	o := Outreach{Line: n.line}
	if n.kind != 'm' {
		o.Outcome = text(n)
		return o
	}
	for _, k := range n.keys {
		v := text(n.m[k])
		switch k {
		case "date":
			o.Date = v
		case "channel", "means", "moyen", "canal", "mode":
			o.Channel = v
		default:
			if o.Outcome == "" {
				o.Outcome = v
			} else {
				o.Outcome += "; " + v
			}
		}
	}
	return o
}

func buildWaivers(n *fnode, problems []Problem) ([]Waiver, []Problem) {
	if n.kind != 'm' {
		return nil, append(problems, Problem{Line: n.line, Message: "front matter `audit` should hold `waive: {check-id: reason}`; it is ignored"})
	}
	w, ok := n.m["waive"]
	if !ok {
		return nil, problems
	}
	var out []Waiver
	switch w.kind {
	case 'm':
		for _, k := range w.keys {
			v := w.m[k]
			out = append(out, Waiver{Check: strings.ReplaceAll(k, "_", "-"), Reason: text(v), Line: v.line})
		}
	case 'l':
		for _, c := range w.list {
			out = append(out, Waiver{Check: strings.ReplaceAll(normKey(text(c)), "_", "-"), Line: c.line})
		}
	default:
		problems = append(problems, Problem{Line: w.line, Message: "`audit.waive` should map a check id to a reason; it is ignored"})
	}
	return out, problems
}
