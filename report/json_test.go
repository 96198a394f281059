package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/ingest"
	"chitieu/jsonout"
)

// TestJSONWriterSameAsEncoder: every report the tests make (the fixture in
// both languages, the samples, the monthly samples) written both ways.
func TestJSONWriterSameAsEncoder(t *testing.T) {
	results := map[string]*analysis.Result{"fixture": fixture(), "empty": {}}
	for _, dir := range []string{"../samples", "../samples-monthly"} {
		if _, err := os.Stat(dir); err == nil {
			results[filepath.Base(dir)] = readDir(t, dir)
		}
	}
	for name, r := range results {
		for _, lang := range []string{"vi", "en"} {
			doc := reportJSON(orEmpty(r), Options{Lang: lang})
			var got, want bytes.Buffer
			if err := errors.Join(jsonout.Write(&got, doc), jsonout.Reference(&want, doc)); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s (%s): the writer and the encoder differ\n%s", name, lang, firstDiff(want.String(), got.String()))
			}
		}
	}
}

// readDir reads and analyses a folder of forms as `chitieu report` does,
// with the configuration it holds, if any.
func readDir(t *testing.T, dir string) *analysis.Result {
	t.Helper()
	cfg := catalog.Builtin()
	if path := filepath.Join(dir, "cau-hinh.xlsx"); fileExists(path) {
		var err error
		if cfg, err = ingest.ReadConfig(path); err != nil {
			t.Fatal(err)
		}
	}
	res, err := ingest.Read([]string{dir}, ingest.Options{Config: cfg, Exclude: []string{cfg.Source}})
	if err != nil {
		t.Fatal(err)
	}
	return analysis.Analyze(cfg, res.Submissions, res.Problems)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
