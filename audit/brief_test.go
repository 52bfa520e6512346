package audit

import (
	"path"
	"reflect"
	"testing"
	"time"

	"github.com/noteaudit/noteaudit/parser"
	"github.com/stretchr/testify/require"
)

// A Brief keeps every fact of a plain note, and no note with any other fact
// (of the fields Facts has now, or any field added later) becomes one.
func TestBriefKeepsEveryFact(t *testing.T) {
	plain := Facts{Path: "a/b.md", Client: "C-1", ClientLine: 2, Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Dated: true,
		DateText: "2026-03-01", DateLine: 3, Practitioner: "Ann Lee, RSW", PractLine: 4, Type: "progress"}
	b, ok := plain.Brief()
	require.True(t, ok)
	require.Equal(t, plain, *b.Facts())

	briefFields := map[string]bool{"Path": true, "Client": true, "ClientLine": true, "Date": true, "Dated": true,
		"DateText": true, "DateLine": true, "Practitioner": true, "PractLine": true, "Type": true}
	typ := reflect.TypeOf(Facts{})
	for i := 0; i < typ.NumField(); i++ {
		field := typ.Field(i)
		if briefFields[field.Name] {
			continue
		}
		f := plain
		v := reflect.ValueOf(&f).Elem().Field(i)
		switch v.Kind() {
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Int:
			v.SetInt(1)
		case reflect.String:
			v.SetString("x")
		case reflect.Slice:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0)) // empty, not nil, is not plain either
		case reflect.Map:
			v.Set(reflect.MakeMap(v.Type()))
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
		case reflect.Struct:
			v.Field(0).SetString("x")
		default:
			t.Fatalf("field %s: kind %s not covered by this test", field.Name, v.Kind())
		}
		_, ok := f.Brief()
		require.False(t, ok, "a note with %s set is not plain", field.Name)
	}
	far := plain
	far.DateLine = 1 << 40
	_, ok = far.Brief()
	require.False(t, ok, "a line number past int32")
}

// Notes in brief that no event sees still count, and their client values
// still name the case of a note without one in their folder.
func TestRunAllCountsUnseenNotes(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	closing := &Facts{Path: "x/close.md", Date: day(20), Dated: true, DateText: "2026-01-20", Termination: true}
	unseen := []*Facts{
		{Path: "x/early.md", Client: "C-9", Date: day(1).AddDate(-1, 0, 0), Dated: true, DateText: "2025-01-01"}, // out of the window
		{Path: "y/other.md", Client: "C-7", Date: day(2), Dated: true, DateText: "2026-01-02"},
	}
	cfg := DefaultConfig()
	want := Run(append([]*Facts{closing}, unseen...), cfg)
	var briefs []Brief
	for _, f := range unseen {
		b, ok := f.Brief()
		require.True(t, ok)
		briefs = append(briefs, b)
	}
	got := RunAll([]*Facts{closing}, briefs, cfg)
	require.Equal(t, want, got)
	require.Equal(t, 3, got.Notes)
	require.Equal(t, 2, got.Cases)
	require.Equal(t, "C-9", got.Events[0].Case, "the unseen note's client names the folder's case")
}

// dirOf is path.Dir, on clean paths and on any other.
func TestDirOf(t *testing.T) {
	for _, p := range []string{"", "a", "a.md", "a/b.md", "team/c-1/n.md", "/a", "/a/b", "a/", "a/b/", "a//b", "./a", "../a/b", "a/./b",
		"a/../b", "a/b/.", "a/b/..", "a./b", ".a/b", "a/.b", "a b/c", "é/ü.md", "/", "//", "a\\b/c"} {
		require.Equal(t, path.Dir(p), dirOf(p), "%q", p)
	}
}

// Facts given back to a scratch are filled again by ExtractMeta, with
// nothing left of the note they held before.
func TestRecycledFacts(t *testing.T) {
	s := NewScratch()
	v := DefaultVocab.WithScratch(s)
	first := parser.Parse("a/1.md", []byte("---\nclient: A-1\ndate: 2026-01-05\ntype: closing\ntermination:\n  ground: client-request\n---\nBody.\n"))
	f := ExtractMeta(first, "a/1.md", v)
	require.True(t, f.Termination)
	s.Recycle(f)

	second := parser.Parse("b/2.md", []byte("---\nclient: B-2\n---\nBody.\n"))
	again := ExtractMeta(second, "b/2.md", v)
	require.Same(t, f, again, "the recycled facts are used")
	require.Equal(t, ExtractMeta(second, "b/2.md", DefaultVocab), again, "and hold nothing of the first note")
}
