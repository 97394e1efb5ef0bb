// Command benchfeed is the archive benchmark behind `make bench-archive`: it
// builds a synthetic EDGAR daily feed (.nc.tar.gz, gzip level 1) in a
// temporary directory from the feed and submission files of the shared
// corpus, every copy with its accession numbers rewritten so that all
// members are distinct filings, loads it with the real edgarload binary into
// a fresh database, and prints the child's peak RSS and filings per second.
// Nothing it writes is kept (unless -keep).
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus", "corpus directory (its feed and submissions folders are used)")
	size := flag.Int64("size", 2e9, "stop adding copies once the compressed archive reaches this many bytes")
	base := flag.String("db", "postgres://postgres@127.0.0.1:5432", "PostgreSQL base URL (no database name)")
	bin := flag.String("bin", "bin/edgarload", "edgarload binary")
	keep := flag.Bool("keep", false, "keep the archive and the database")
	flag.Parse()
	if err := run(*corpus, *size, *base, *bin, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "benchfeed:", err)
		os.Exit(1)
	}
}

type source struct {
	ext  string
	acc  string
	data []byte
}

var accRe = regexp.MustCompile(`\b\d{10}-\d{2}-\d{6}\b`)

func readSources(corpus string) ([]source, error) {
	var out []source
	for _, d := range []string{"feed", "submissions"} {
		files, err := filepath.Glob(filepath.Join(corpus, d, "*"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			acc := accRe.Find(data)
			if acc == nil {
				continue
			}
			ext := ".nc"
			if d == "submissions" {
				ext = ".txt"
			}
			out = append(out, source{ext, string(acc), data})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no filings with an accession number under %s", corpus)
	}
	return out, nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// build writes the archive; it returns the member count and the
// uncompressed bytes.
func build(path string, srcs []source, size int64) (int, int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	cw := &countingWriter{w: f}
	gz, _ := gzip.NewWriterLevel(cw, gzip.BestSpeed)
	tw := tar.NewWriter(gz)
	members, raw := 0, int64(0)
	for copyN := 0; cw.n < size; copyN++ {
		for _, s := range srcs {
			// 99 + the copy number as the filer-agent prefix: distinct per
			// copy, and per source through the original year and sequence.
			acc := fmt.Sprintf("99%08d%s", copyN, s.acc[10:])
			data := bytes.ReplaceAll(s.data, []byte(s.acc), []byte(acc))
			data = bytes.ReplaceAll(data, []byte(undash(s.acc)), []byte(undash(acc)))
			if err := tw.WriteHeader(&tar.Header{Name: acc + s.ext, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg,
				ModTime: time.Date(2024, 1, 11, 0, 0, 0, 0, time.UTC)}); err != nil {
				return 0, 0, err
			}
			if _, err := tw.Write(data); err != nil {
				return 0, 0, err
			}
			members++
			raw += int64(len(data))
		}
	}
	if err := tw.Close(); err != nil {
		return 0, 0, err
	}
	if err := gz.Close(); err != nil {
		return 0, 0, err
	}
	return members, raw, f.Close()
}

func undash(s string) string { return string(bytes.ReplaceAll([]byte(s), []byte("-"), nil)) }

func run(corpus string, size int64, base, bin string, keep bool) error {
	srcs, err := readSources(corpus)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "edgarload-bench-archive-")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(dir)
	}
	archive := filepath.Join(dir, "20240111.nc.tar.gz")
	t0 := time.Now()
	members, raw, err := build(archive, srcs, size)
	if err != nil {
		return fmt.Errorf("build %s: %w", archive, err)
	}
	st, err := os.Stat(archive)
	if err != nil {
		return err
	}
	fmt.Printf("built %s: %d members, %.2f GB uncompressed, %.2f GB compressed in %s\n",
		archive, members, float64(raw)/1e9, float64(st.Size())/1e9, time.Since(t0).Round(time.Second))

	ctx := context.Background()
	const dbName = "edgarload_bench_archive"
	if err := dropDB(ctx, base, dbName); err != nil {
		return err
	}
	if !keep {
		defer dropDB(ctx, base, dbName)
	}
	cmd := exec.Command(bin, "load", "--log-level", "warn", "--database-url", base+"/"+dbName, archive)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	t1 := time.Now()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s load: %w", bin, err)
	}
	wall := time.Since(t1)
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss // KiB on Linux
	}
	fmt.Printf("load: %d filings in %s: %.1f filings/s, %.1f MB/s uncompressed; peak RSS %.1f MB (target < 200 MB)\n",
		members, wall.Round(time.Millisecond), float64(members)/wall.Seconds(), float64(raw)/1e6/wall.Seconds(), float64(rss)/1024)
	return nil
}

func dropDB(ctx context.Context, base, name string) error {
	c, err := pgx.Connect(ctx, base+"/postgres")
	if err != nil {
		return fmt.Errorf("connect %s: %w", base, err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("drop database %s: %w", name, err)
	}
	return nil
}
