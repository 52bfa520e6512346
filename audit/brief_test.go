package audit

import (
	"reflect"
	"testing"
	"time"

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
