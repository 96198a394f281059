package ingest

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"chitieu/catalog"
	"chitieu/notation"
	"chitieu/xlsx"

	"github.com/xuri/excelize/v2"
)

// Benchmarks of the hot paths of reading (go test ./ingest -bench . -benchmem):
// one ward form and the 16 ward forms of 2003-H1, each with both engines,
// number parsing and label matching.

var engines = []struct {
	name   string
	engine Engine
}{{"lean", EngineLean}, {"excelize", EngineExcelize}}

func benchRead(b *testing.B, paths ...string) {
	for _, e := range engines {
		b.Run(e.name, func(b *testing.B) {
			opt := Options{Config: catalog.Builtin(), Engine: e.engine}
			b.ReportAllocs()
			for b.Loop() {
				res, err := Read(paths, opt)
				if err != nil || len(res.Submissions) == 0 {
					b.Fatal(err, res)
				}
			}
		})
	}
}

func BenchmarkReadOneForm(b *testing.B) {
	benchRead(b, filepath.Join("..", "samples", "2003-H1", "P01.xlsx"))
}

func BenchmarkRead2003H1(b *testing.B) {
	benchRead(b, filepath.Join("..", "samples", "2003-H1"))
}

func BenchmarkReadSamplesEngines(b *testing.B) {
	benchRead(b, filepath.Join("..", "samples"))
}

var numberTexts = []string{"1.234", "12.345,5", "16,3%", "1,234.5", "16.3%", "420 người", "  12 345 ", "0", "-3,2", "gần 1.000"}

func BenchmarkParseNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range numberTexts {
			_, _ = notation.ParseNumber(s, notation.Vietnamese)
		}
	}
}

var labelTexts = []string{"Số hộ nghèo", "1. Tổng số hộ dân (hộ)", "SO VU PHAM PHAP HINH SU DA KHAM PHA",
	"Tăng trưởng TM-DV", "Tỷ lệ hộ nghèo (%)", "Ghi chú", "NGƯỜI LẬP BIỂU", "II. Số người nghiện ma túy có hồ sơ quản lý"}

func BenchmarkMatcherIndicator(b *testing.B) {
	m := catalog.NewMatcher(catalog.Builtin())
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range labelTexts {
			_, _ = m.Indicator(s)
		}
	}
}

// BenchmarkReadMany reads the 2,000-workbook set of scripts/bench.sh when
// CHITIEU_BENCH_MANY names its folder.
func BenchmarkReadMany(b *testing.B) {
	dir := os.Getenv("CHITIEU_BENCH_MANY")
	if dir == "" {
		b.Skip("CHITIEU_BENCH_MANY is not set (scripts/bench.sh generates the set)")
	}
	benchRead(b, dir)
}

// BenchmarkLeanSheet reads one sheet of 20,000 rows x 20 cells (half
// numbers, half shared strings) whole with the lean reader: the cost per
// cell of the tokenizer and of the cell model, and its memory.
func BenchmarkLeanSheet(b *testing.B) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	row := make([]any, 20)
	for r := 1; r <= 20000; r++ {
		for c := range row {
			if c%2 == 0 {
				row[c] = r*20 + c
			} else {
				row[c] = "Hộ gia đình " + strconv.Itoa(r%997)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		lb, err := xlsx.Open(data)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := lb.Rows("Sheet1")
		if err != nil || len(rows) != 20000 {
			b.Fatal(err, len(rows), lb.Fallback())
		}
	}
}

// BenchmarkReadBig reads the big-sheet workbook of scripts/bench.sh (BIG=1)
// when CHITIEU_BENCH_BIG names it.
func BenchmarkReadBig(b *testing.B) {
	path := os.Getenv("CHITIEU_BENCH_BIG")
	if path == "" {
		b.Skip("CHITIEU_BENCH_BIG is not set (BIG=1 scripts/bench.sh generates the workbook)")
	}
	benchRead(b, path)
}
