// Command noteaudit-bench generates a corpus of notes and measures, in one
// run, `noteaudit sweep` against a floor: walk + read + front matter +
// goldmark parse of every file on the same number of workers, nothing else.
// Each measurement runs in its own process so peak memory (max RSS) is its
// own.
//
//	go run ./cmd/noteaudit-bench -n 10000,100000
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/adrg/frontmatter"
	"github.com/noteaudit/noteaudit/internal/gen"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

type result struct {
	Files   int     `json:"files"`
	Bytes   int64   `json:"bytes"`
	Seconds float64 `json:"seconds"`
	RSSMB   float64 `json:"rss_mb"`
}

func main() {
	mode := flag.String("mode", "", "internal: floor")
	dir := flag.String("dir", "", "internal: corpus folder")
	sizes := flag.String("n", "10000,100000", "corpus sizes, comma-separated")
	bin := flag.String("bin", "", "noteaudit binary (default: built from ./cmd/noteaudit)")
	runs := flag.Int("runs", 5, "runs of each measurement; the fastest is kept")
	flag.Parse()
	if *mode == "floor" {
		r := floor(*dir, runtime.NumCPU())
		_ = json.NewEncoder(os.Stdout).Encode(r)
		return
	}
	tmp, err := os.MkdirTemp("", "noteaudit-bench-")
	check(err)
	defer os.RemoveAll(tmp)
	if *bin == "" {
		*bin = filepath.Join(tmp, "noteaudit")
		out, err := exec.Command("go", "build", "-o", *bin, "./cmd/noteaudit").CombinedOutput()
		if err != nil {
			fmt.Fprintf(os.Stderr, "building noteaudit: %v\n%s", err, out)
			os.Exit(1)
		}
	}
	self, err := os.Executable()
	check(err)
	fmt.Printf("%d cores; %s\n\n", runtime.NumCPU(), runtime.Version())
	fmt.Printf("%-8s %-7s %10s %9s %9s %10s %8s\n", "notes", "what", "seconds", "files/s", "MB/s", "peak MB", "ratio")
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		check(err)
		corpus := filepath.Join(tmp, "corpus-"+s)
		st, err := gen.Generate(corpus, n, 42)
		check(err)
		out := filepath.Join(tmp, "report.json")
		// Floor and sweep take turns, so that a machine getting slower or
		// faster over the runs weighs on both alike; the best of each counts.
		var fl, sw result
		for i := 0; i < *runs; i++ {
			fl = faster(fl, child(self, "-mode", "floor", "-dir", corpus), i)
			r := child(*bin, "sweep", corpus, "--out", out, "--fail-on", "never")
			r.Files, r.Bytes = st.Files, st.Bytes
			sw = faster(sw, r, i)
		}
		for _, row := range []struct {
			name string
			r    result
		}{{"floor", fl}, {"sweep", sw}} {
			mb := float64(row.r.Bytes) / (1 << 20)
			fmt.Printf("%-8d %-7s %10.2f %9.0f %9.1f %10.1f %8.2f\n", n, row.name, row.r.Seconds, float64(row.r.Files)/row.r.Seconds, mb/row.r.Seconds, row.r.RSSMB, row.r.Seconds/fl.Seconds)
		}
		os.RemoveAll(corpus)
	}
}

// faster is the faster of the best so far and run i's result.
func faster(best, r result, i int) result {
	if i == 0 || r.Seconds < best.Seconds {
		return r
	}
	return best
}

// child runs a command, timing it and reading its peak RSS.
func child(name string, args ...string) result {
	cmd := exec.Command(name, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start).Seconds()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() > 2 {
			fmt.Fprintf(os.Stderr, "%s %v: %v\n", name, args, err)
			os.Exit(1)
		}
	}
	var r result
	_ = json.Unmarshal(out.Bytes(), &r)
	r.Seconds = elapsed
	r.RSSMB = peakRSSMB(cmd.ProcessState)
	return r
}

// floor is the least any Markdown-note auditor must do: walk, read, parse
// front matter and Markdown, on every core.
func floor(dir string, workers int) result {
	paths := make(chan string, 256)
	var files, size int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	md := goldmark.New()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var n, b int64
			for p := range paths {
				src, err := os.ReadFile(p)
				if err != nil {
					continue
				}
				var fm map[string]any
				rest, err := frontmatter.Parse(bytes.NewReader(src), &fm)
				if err != nil {
					rest = src
				}
				md.Parser().Parse(text.NewReader(rest))
				n++
				b += int64(len(src))
			}
			mu.Lock()
			files += n
			size += b
			mu.Unlock()
		}()
	}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".txt")) {
			paths <- p
		}
		return nil
	})
	close(paths)
	wg.Wait()
	return result{Files: int(files), Bytes: size}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
