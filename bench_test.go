package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// benchMany is the 2,000-workbook set that scripts/bench.sh generates
// (scripts/gen2000); CHITIEU_BENCH_MANY names another place.
func benchMany(b *testing.B) string {
	dir := os.Getenv("CHITIEU_BENCH_MANY")
	if dir == "" {
		dir = "/tmp/chitieu-bench/many"
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no 2,000-workbook set at %s: run scripts/bench.sh once, or go run ./scripts/gen2000 -out DIR and set CHITIEU_BENCH_MANY", dir)
	}
	return dir
}

func benchmarkCommand(b *testing.B, args ...string) {
	sys := System{
		Stdout: io.Discard, Stderr: io.Discard,
		Getenv: func(string) string { return "" },
		Now:    time.Now,
	}
	for b.Loop() {
		if code := Main(args, sys); code != exitOK {
			b.Fatalf("chitieu %v: exit %d", args, code)
		}
	}
}

// BenchmarkReportMany is the whole `chitieu report` of 2,000 workbooks,
// summary workbook included; profile it with -cpuprofile.
func BenchmarkReportMany(b *testing.B) {
	dir := benchMany(b)
	benchmarkCommand(b, "report", "--out", filepath.Join(b.TempDir(), "tong-hop.xlsx"), dir)
}

// BenchmarkCheckMany is the same reading and analysis without the report.
func BenchmarkCheckMany(b *testing.B) {
	benchmarkCommand(b, "check", benchMany(b))
}
