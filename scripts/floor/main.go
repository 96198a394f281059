// Command floor is the physical floor of reading ward workbooks, as
// ../shared/bench.md defines it: unzip the sheet XML and the shared strings
// of every workbook under the given folders and tokenize them with gosax
// (the definition of the floor), on a pool of workers, doing
// nothing with the tokens but count them.
//
//	go run ./scripts/floor -workers 2 FOLDER...
//	go run ./scripts/floor -mode stdxml FOLDER...    # encoding/xml RawToken instead
//	go run ./scripts/floor -mode inflate FOLDER...   # decompress only
package main

import (
	"archive/zip"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/orisano/gosax"
)

func main() {
	workers := flag.Int("workers", 2, "files read at once")
	mode := flag.String("mode", "gosax", "gosax (inflate + gosax), stdxml (inflate + encoding/xml RawToken) or inflate")
	flag.Parse()
	var files []string
	for _, root := range flag.Args() {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xlsx") {
				files = append(files, p)
			}
			return nil
		})
	}
	var tokens, bytesRead atomic.Int64
	next := make(chan string)
	var wg sync.WaitGroup
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sax := gosax.NewReaderSize(nil, 64<<10) // one per worker, reset per part
			for p := range next {
				t, n, err := read(p, *mode, sax)
				if err != nil {
					fmt.Fprintln(os.Stderr, p, err)
				}
				tokens.Add(t)
				bytesRead.Add(n)
			}
		}()
	}
	for _, p := range files {
		next <- p
	}
	close(next)
	wg.Wait()
	fmt.Printf("floor %s: %d files, %d bytes of XML, %d tokens\n", *mode, len(files), bytesRead.Load(), tokens.Load())
}

func read(path, mode string, sax *gosax.Reader) (tokens, n int64, err error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return 0, 0, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "xl/sharedStrings.xml" && !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return tokens, n, err
		}
		cr := &countingReader{r: rc}
		switch mode {
		case "inflate":
			_, err = io.Copy(io.Discard, cr)
		case "gosax":
			sax.Reset(cr)
			for {
				var e gosax.Event
				if e, err = sax.Event(); err != nil || e.Type() == gosax.EventEOF {
					break
				}
				tokens++
			}
		default:
			d := xml.NewDecoder(cr)
			for {
				if _, err = d.RawToken(); err != nil {
					break
				}
				tokens++
			}
			if err == io.EOF {
				err = nil
			}
		}
		rc.Close()
		n += cr.n
		if err != nil {
			return tokens, n, err
		}
	}
	return tokens, n, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
