package main

import (
	"bytes"
	"io"
	"os"
)

// spill holds what is written in memory up to limit bytes, then in a
// temporary file: the report's tables wait there while the summary
// workbook is finished, and a city's 100 MB of JSON need not wait in
// memory. On Unix the file is unlinked as soon as it is made, so that
// nothing is left behind however chitieu ends (a reader of stdout going
// away ends it with SIGPIPE); elsewhere Close removes it.
type spill struct {
	limit int
	mem   bytes.Buffer
	file  *os.File
}

func (s *spill) Write(p []byte) (int, error) {
	if s.file == nil && s.mem.Len()+len(p) > s.limit {
		f, err := os.CreateTemp("", "chitieu-*.tmp")
		if err != nil {
			return 0, err
		}
		_ = os.Remove(f.Name()) // fails on Windows while open; Close removes it there
		s.file = f
		if _, err := s.mem.WriteTo(f); err != nil {
			return 0, err
		}
	}
	if s.file != nil {
		return s.file.Write(p)
	}
	return s.mem.Write(p)
}

// WriteTo copies everything written to w.
func (s *spill) WriteTo(w io.Writer) (int64, error) {
	if s.file == nil {
		return s.mem.WriteTo(w)
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	return io.Copy(w, s.file)
}

// Close lets the temporary file go, if there is one.
func (s *spill) Close() error {
	if s.file == nil {
		return nil
	}
	err := s.file.Close()
	_ = os.Remove(s.file.Name())
	return err
}
