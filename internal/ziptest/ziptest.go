// Package ziptest reads and edits the parts of .xlsx files for the tests of
// the readers (ingest, xlsx) and the writers (report, workbook).
package ziptest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"testing"
)

// Patch rewrites the part name of the zip at path with edit; the test fails
// when edit changes nothing.
func Patch(t testing.TB, path, name string, edit func(string) string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	patched := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			after := edit(string(data))
			patched = after != string(data)
			data = []byte(after)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !patched {
		t.Fatalf("%s: nothing to patch in %s", path, name)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Part is the bytes of the part name of the zip at path; the test fails
// when there is none.
func Part(t testing.TB, path, name string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
