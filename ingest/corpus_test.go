package ingest

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chitieu/analysis"
)

// corpusDir holds real spreadsheets from many programs, beside the checkout
// in CI; a user's clone does not have it.
const corpusDir = "../../shared/corpus"

// TestCorpus reads every file of the shared corpus: each is read or refused
// with a reason, none panics (readFile turns panics into "internal error"
// problems, which this test rejects) and none takes long.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*"))
	if len(files) == 0 {
		t.Skipf("%s is absent: the corpus is beside the checkout only in CI and the workplace", corpusDir)
	}
	for _, path := range files {
		if strings.HasSuffix(path, "MANIFEST.tsv") {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			start := time.Now()
			res, err := Read([]string{path}, Options{Config: analysis.Builtin(), Workers: 1})
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
			if res.Opened == 0 && len(res.Problems) == 0 {
				t.Errorf("neither read nor refused with a reason")
			}
			for _, p := range res.Problems {
				msg := p.Format("en")
				t.Log(msg)
				if strings.Contains(msg, "internal error") {
					t.Errorf("panic inside: %s", msg)
				}
				if p.Severity == analysis.SeverityError && p.Message("en") == "" {
					t.Errorf("error without a message: %+v", p)
				}
			}
		})
	}
}
