package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSpill: what is written comes back whole, from memory under the
// limit and from a temporary file over it, and no file is left behind.
func TestSpill(t *testing.T) {
	before, _ := filepath.Glob(filepath.Join(os.TempDir(), "chitieu-*.tmp"))
	for _, n := range []int{0, 10, 100, 10000} {
		s := &spill{limit: 64}
		want := strings.Repeat("Phường 5 ", n)
		for i := 0; i < len(want); i += 37 {
			if _, err := s.Write([]byte(want[i:min(i+37, len(want))])); err != nil {
				t.Fatal(err)
			}
		}
		if (s.file != nil) != (len(want) > 64) {
			t.Errorf("%d bytes: in a file %v", len(want), s.file != nil)
		}
		var got bytes.Buffer
		if _, err := s.WriteTo(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want {
			t.Errorf("%d bytes: got %d back", len(want), got.Len())
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if after, _ := filepath.Glob(filepath.Join(os.TempDir(), "chitieu-*.tmp")); len(after) > len(before) {
		t.Errorf("temporary files left: %v", after)
	}
}
