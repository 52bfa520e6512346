package audit

import (
	"math"
	"time"

	"github.com/noteaudit/noteaudit/parser"
)

// Brief is a note's facts when they are only its front matter's plain
// fields (most notes of a share), in a third of a Facts' memory: a sweep
// holds one for such a note until every note is read, so the collector
// has less to walk while it reads.
type Brief struct {
	Path, Client, DateText, Practitioner, Type string
	Date                                       time.Time
	ClientLine, DateLine, PractLine            int32
	Dated                                      bool
}

// Brief returns f as a Brief, when a Brief holds all of it.
func (f *Facts) Brief() (Brief, bool) {
	plain := f.Problems == nil && !f.Termination && f.TerminationWhy == (Evidence{}) && f.Grounds == nil &&
		f.BlockGround == (parser.Value{}) && f.BlockLine == 0 && f.CourtOrdered == nil && f.CourtLine == 0 &&
		f.Hits == nil && f.Orgs == nil && f.StatedContacts == 0 && f.StatedEvidence == nil && f.Attempts == nil &&
		f.SessionStatus == "" && f.SessionLine == 0 && f.Record == nil && f.Waivers == nil &&
		fitsInt32(f.ClientLine) && fitsInt32(f.DateLine) && fitsInt32(f.PractLine)
	if !plain {
		return Brief{}, false
	}
	return Brief{Path: f.Path, Client: f.Client, DateText: f.DateText, Practitioner: f.Practitioner, Type: f.Type, Date: f.Date,
		ClientLine: int32(f.ClientLine), DateLine: int32(f.DateLine), PractLine: int32(f.PractLine), Dated: f.Dated}, true
}

// Key is f's fields a Brief holds, whatever else f holds: what grouping
// notes into cases and their windows read (GroupKeys, BodyNeeded, Seen).
func (f *Facts) Key() Brief {
	return Brief{Path: f.Path, Client: f.Client, DateText: f.DateText, Practitioner: f.Practitioner, Type: f.Type, Date: f.Date,
		ClientLine: int32(f.ClientLine), DateLine: int32(f.DateLine), PractLine: int32(f.PractLine), Dated: f.Dated}
}

// Facts returns the facts b holds.
func (b Brief) Facts() *Facts {
	return &Facts{Path: b.Path, Client: b.Client, DateText: b.DateText, Practitioner: b.Practitioner, Type: b.Type, Date: b.Date,
		ClientLine: int(b.ClientLine), DateLine: int(b.DateLine), PractLine: int(b.PractLine), Dated: b.Dated}
}

func fitsInt32(n int) bool { return n >= math.MinInt32 && n <= math.MaxInt32 }
