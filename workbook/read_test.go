package workbook

import (
	"fmt"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/ingest"
)

// read reads paths with the built-in configuration, with the lean reader
// and with excelize, which must agree.
func read(t *testing.T, paths ...string) *ingest.Result {
	t.Helper()
	opt := ingest.Options{Config: catalog.Builtin(), Engine: ingest.EngineLean}
	lean, err := ingest.Read(paths, opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.Engine = ingest.EngineExcelize
	excel, err := ingest.Read(paths, opt)
	if err != nil {
		t.Fatal(err)
	}
	if l, e := fmt.Sprintf("%+v %+v", lean.Submissions, lean.Problems), fmt.Sprintf("%+v %+v", excel.Submissions, excel.Problems); l != e {
		t.Fatalf("lean and excelize differ:\nlean     %s\nexcelize %s", l, e)
	}
	return lean
}

func observation(t *testing.T, s analysis.Submission, id string) analysis.Observation {
	t.Helper()
	for _, o := range s.Observations {
		if o.Indicator == id {
			return o
		}
	}
	t.Fatalf("%s: no %s among %+v", s.File, id, s.Observations)
	return analysis.Observation{}
}
