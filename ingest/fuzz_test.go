package ingest

import (
	"path/filepath"
	"testing"

	"chitieu/analysis"
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
			if p.Cell == "D5" {
				return
			}
		}
		if n, err := analysis.ParseNumber(text, analysis.NotationVietnamese); err != nil || !n.Empty {
			t.Fatalf("%q: neither a number, nor no data, nor a problem", text)
		}
	})
}

func BenchmarkReadSamples(b *testing.B) {
	opt := Options{Config: analysis.Builtin()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read([]string{filepath.Join("..", "samples")}, opt); err != nil {
			b.Fatal(err)
		}
	}
}
