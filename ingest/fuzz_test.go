package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chitieu/catalog"
	"chitieu/notation"
)

// FuzzReadCell puts arbitrary text in a value cell of a standard form. The
// reader must not panic, and the text must end as a number, as no data (for
// blank-like text only), or as a problem naming that cell: never dropped.
func FuzzReadCell(f *testing.F) {
	for _, s := range []string{"1.234", "12,5 %", "gần 1.000", "-", "...", "x", "#DIV/0!", "=1+1", "3 - 4%", "Có", "420 người", "1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		dir := t.TempDir()
		writeWorkbook(t, filepath.Join(dir, "P05.xlsx"), sheetSpec{name: "Báo cáo", cells: standardForm(
			[]string{"PHƯỜNG 5", "NĂM 2002"}, [3]any{"Số hộ nghèo", text, nil})})
		res := read(t, Options{Workers: 1}, dir)
		if len(res.Submissions) != 1 {
			t.Fatalf("no submission; problems %+v", res.Problems)
		}
		fig := res.Submissions[0].Observations[0].Current
		if fig.Known {
			return
		}
		for _, p := range res.Problems {
			if p.Ref == "D5" {
				return
			}
		}
		if n, err := notation.ParseNumber(text, notation.Vietnamese); err != nil || !n.Empty {
			t.Fatalf("%q: neither a number, nor no data, nor a problem", text)
		}
	})
}

// FuzzOpenWorkbook feeds arbitrary bytes as a workbook, seeded with tiny
// workbooks (tinySeeds), a sample and the small files of the shared corpus:
// never a panic (which readFile would report as an "internal error", and
// the lean reader as its fallback reason: readBoth fails on both), and
// always either read or refused with a problem.
func FuzzOpenWorkbook(f *testing.F) {
	for _, data := range tinySeeds(f) {
		f.Add(data)
	}
	seeds, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*.xlsx"))
	seeds = append(seeds, filepath.Join("..", "samples", "2002", "P01.xlsx"))
	legacyForms, _ := filepath.Glob(filepath.Join("..", "testdata", "legacy", "2003-H1", "P0*"))
	seeds = append(seeds, legacyForms...) // .xls, TCVN3 and VNI
	addSmallFiles(f, seeds)
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "P05.xlsx"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		res := read(t, Options{Workers: 1}, dir)
		for _, p := range res.Problems {
			if strings.Contains(p.Format("en"), "internal error") {
				t.Fatal(p.Format("en"))
			}
		}
		if res.Opened == 0 && len(res.Problems) == 0 {
			t.Fatal("neither read nor refused")
		}
	})
}

// fuzzSeedMax is the largest file that seeds a workbook fuzz target: every
// execution reads the input two or three times, so a large seed (and what
// the fuzzer grows from it) slows the whole run.
const fuzzSeedMax = 8 << 10

// addSmallFiles seeds f with the files of paths up to fuzzSeedMax bytes,
// and with each .xlsx among them rewritten with its parts stored (stored),
// whose XML the fuzzer can mutate without failing a zip checksum.
func addSmallFiles(f *testing.F, paths []string) {
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil || len(data) > fuzzSeedMax {
			continue
		}
		f.Add(data)
		if plain, ok := stored(f, data); ok && len(plain) <= 4*fuzzSeedMax {
			f.Add(plain)
		}
	}
}

func BenchmarkReadSamples(b *testing.B) {
	opt := Options{Config: catalog.Builtin()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read([]string{filepath.Join("..", "samples")}, opt); err != nil {
			b.Fatal(err)
		}
	}
}
