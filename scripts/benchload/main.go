// Command benchload is the load benchmark behind `make bench-load`: it
// builds a scaled corpus in a temporary directory from the filings of the
// shared corpus (every copy with its accession numbers and CIKs rewritten,
// so that each is a distinct filing of distinct registrants), then, on one
// fresh database, measures
//
//   - parse only: the inputs walked and parsed in process on all cores
//     (etl.WalkInputs and parser.Parse, nothing written);
//   - load: the real edgarload binary loading the corpus (wall time, peak
//     RSS, rows written, the writer's share from its log);
//   - COPY: the rows the load wrote, exported with COPY TO and loaded with
//     COPY FROM into an empty copy of the schema (the database's limit);
//   - reload: the same load again, every input unchanged;
//
// and prints a table with the ratios load / max(parse, COPY) and
// reload / load. With -runs N each figure is the median of N runs, with the
// range. Nothing it writes is kept (unless -keep).
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edgarload/edgarload/etl"
	"github.com/edgarload/edgarload/parser"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus", "corpus directory")
	filings := flag.Int("filings", 5000, "files in the scaled corpus")
	base := flag.String("db", "postgres://postgres@127.0.0.1:5432", "PostgreSQL base URL (no database name)")
	bin := flag.String("bin", "bin/edgarload", "edgarload binary")
	runs := flag.Int("runs", 1, "runs of each measure (the table gives medians and ranges)")
	keep := flag.Bool("keep", false, "keep the corpus and the databases")
	dir := flag.String("dir", "", "use (and keep) this corpus directory, building it when empty")
	parse := flag.Bool("parse", true, "measure parse-only (-parse=false skips it)")
	flag.Parse()
	b := &bench{corpus: *corpus, want: *filings, base: strings.TrimRight(*base, "/"), bin: *bin, runs: max(*runs, 1), keep: *keep, dir: *dir, parse: *parse}
	if err := b.run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "benchload:", err)
		os.Exit(1)
	}
}

type bench struct {
	corpus, base, bin, dir string
	want, runs             int
	keep, parse            bool
	temp                   bool // b.dir was made here: removed at the end unless keep

	files int
	bytes int64
	m     map[string][]float64 // measure -> one value per run
}

const (
	dbName   = "edgarload_bench_load"
	copyName = "edgarload_bench_load_copy"
)

func (b *bench) run(ctx context.Context) error {
	b.m = map[string][]float64{}
	err := b.prepareCorpus()
	if b.temp && !b.keep {
		defer os.RemoveAll(b.dir)
	}
	if err != nil {
		return err
	}
	if !b.keep {
		defer dropDB(ctx, b.base, dbName)
		defer dropDB(ctx, b.base, copyName)
	}
	for r := 0; r < b.runs; r++ {
		fmt.Printf("== run %d of %d\n", r+1, b.runs)
		if err := b.once(ctx); err != nil {
			return err
		}
	}
	b.print()
	return nil
}

// prepareCorpus builds the scaled corpus (or reuses -dir).
func (b *bench) prepareCorpus() error {
	if b.dir != "" {
		if n, size, err := countFiles(b.dir); err == nil && n > 0 {
			b.files, b.bytes = n, size
			fmt.Printf("corpus %s: %d files, %.2f GB (reused)\n", b.dir, n, float64(size)/1e9)
			return nil
		}
		if err := os.MkdirAll(b.dir, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", b.dir, err)
		}
	} else {
		d, err := os.MkdirTemp("", "edgarload-bench-load-")
		if err != nil {
			return fmt.Errorf("temp dir: %w", err)
		}
		b.dir, b.temp = d, true
	}
	srcs, err := readSources(b.corpus)
	if err != nil {
		return err
	}
	t := time.Now()
	n, size, err := buildCorpus(b.dir, srcs, b.want)
	if err != nil {
		return err
	}
	b.files, b.bytes = n, size
	fmt.Printf("corpus %s: %d files (%d sources), %.2f GB, built in %s\n", b.dir, n, len(srcs), float64(size)/1e9, time.Since(t).Round(time.Second))
	return nil
}

func countFiles(dir string) (int, int64, error) {
	n, size := 0, int64(0)
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.Mode().IsRegular() {
			n++
			size += info.Size()
		}
		return nil
	})
	return n, size, err
}

// once runs every measure once.
func (b *bench) once(ctx context.Context) error {
	if b.parse {
		if err := b.parseOnly(ctx); err != nil {
			return err
		}
	}
	if err := dropDB(ctx, b.base, dbName); err != nil {
		return err
	}
	load, err := b.load(ctx, "load")
	if err != nil {
		return err
	}
	rows, err := countRows(ctx, b.base+"/"+dbName)
	if err != nil {
		return err
	}
	b.add("load_s", load.wall.Seconds())
	b.add("load_rss_mb", load.rssMB)
	b.add("load_cores", load.cpuS/load.wall.Seconds())
	b.add("load_busy", load.busy)
	b.add("rows", float64(rows))
	if load.writer > 0 {
		b.add("writer_s", load.writer)
	}
	copyS, err := b.copyLimit(ctx)
	if err != nil {
		return err
	}
	b.add("copy_s", copyS)
	reload, err := b.load(ctx, "reload")
	if err != nil {
		return err
	}
	b.add("reload_s", reload.wall.Seconds())
	b.add("reload_rss_mb", reload.rssMB)
	return nil
}

func (b *bench) add(k string, v float64) { b.m[k] = append(b.m[k], v) }

// parseOnly walks and parses the corpus on all cores, writing nothing.
func (b *bench) parseOnly(ctx context.Context) error {
	t := time.Now()
	ins := make(chan etl.Input, runtime.NumCPU())
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range ins {
				var err error
				if parts := in.Parts(); parts != nil {
					_, err = parser.ParseParts(in.Name, parts)
				} else if data, rerr := in.Read(); rerr != nil {
					err = rerr
				} else {
					_, err = parser.Parse(in.Name, data)
				}
				if err != nil {
					mu.Lock()
					failed++
					mu.Unlock()
				}
			}
		}()
	}
	err := etl.WalkInputs(ctx, []string{b.dir}, func(in etl.Input) error { ins <- in; return nil })
	close(ins)
	wg.Wait()
	if err != nil {
		return fmt.Errorf("parse only: %w", err)
	}
	wall := time.Since(t)
	fmt.Printf("parse only: %d files (%d refused) in %s\n", b.files, failed, wall.Round(time.Millisecond))
	b.add("parse_s", wall.Seconds())
	return nil
}

type loadRun struct {
	wall   time.Duration
	rssMB  float64
	writer float64 // seconds inside the batch writer, from the log (0: not logged)
	cpuS   float64 // user + system CPU seconds of the edgarload process
	busy   float64 // share of all the machine's cores busy during the run (edgarload, PostgreSQL, anything else)
}

// machineCPU reads the busy and total jiffies of all cores from /proc/stat
// (0, 0 where there is none).
func machineCPU() (busy, total float64) {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, 0
	}
	line, _, _ := strings.Cut(string(data), "\n")
	f := strings.Fields(line)
	if len(f) < 5 || f[0] != "cpu" {
		return 0, 0
	}
	for i, v := range f[1:] {
		x, _ := strconv.ParseFloat(v, 64)
		total += x
		if i != 3 && i != 4 { // idle, iowait
			busy += x
		}
	}
	return busy, total
}

// load runs the binary's load on the corpus and reads its final log line.
func (b *bench) load(ctx context.Context, label string) (loadRun, error) {
	cmd := exec.CommandContext(ctx, b.bin, "load", "--log-level", "info", "--log-format", "json",
		"--database-url", b.base+"/"+dbName, b.dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	var out bytes.Buffer
	cmd.Stdout = &out
	t := time.Now()
	busy0, total0 := machineCPU()
	err := cmd.Run()
	wall := time.Since(t)
	busy1, total1 := machineCPU()
	if err != nil {
		return loadRun{}, fmt.Errorf("%s: %s load: %w\n%s%s", label, b.bin, err, out.String(), tail(stderr.String()))
	}
	r := loadRun{wall: wall}
	if total1 > total0 {
		r.busy = (busy1 - busy0) / (total1 - total0)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssMB = float64(ru.Maxrss) / 1024 // KiB on Linux
		r.cpuS = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	sc := bufio.NewScanner(&stderr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var line map[string]any
		if json.Unmarshal(sc.Bytes(), &line) != nil || line["msg"] != "load finished" {
			continue
		}
		if v, ok := line["writer_seconds"].(float64); ok {
			r.writer = v
		}
	}
	fmt.Printf("%s: %s", label, firstLine(out.String()))
	fmt.Printf("%s: %s wall, peak RSS %.1f MB, writer %.1f s, edgarload CPU %.1f s (%.2f cores), machine %.0f%% busy\n",
		label, wall.Round(time.Millisecond), r.rssMB, r.writer, r.cpuS, r.cpuS/wall.Seconds(), 100*r.busy)
	return r, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i+1]
	}
	return s + "\n"
}

func tail(s string) string {
	if len(s) > 4000 {
		return "..." + s[len(s)-4000:]
	}
	return s
}

// countRows sums the rows of the filing tables.
func countRows(ctx context.Context, url string) (int64, error) {
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		return 0, fmt.Errorf("connect: %w", err)
	}
	defer c.Close(ctx)
	var total int64
	for _, t := range etl.TableNames {
		var n int64
		if err := c.QueryRow(ctx, "SELECT count(*) FROM edgar."+pgx.Identifier{t}.Sanitize()).Scan(&n); err != nil {
			return 0, fmt.Errorf("count %s: %w", t, err)
		}
		total += n
	}
	return total, nil
}

// copyLimit exports the filing tables of the loaded database with COPY TO
// into files and times COPY FROM of them into an empty, migrated copy of
// the schema (parents first).
func (b *bench) copyLimit(ctx context.Context) (float64, error) {
	if err := dropDB(ctx, b.base, copyName); err != nil {
		return 0, err
	}
	mig := exec.CommandContext(ctx, b.bin, "migrate", "up", "--database-url", b.base+"/"+copyName)
	if out, err := mig.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("migrate the copy: %w\n%s", err, out)
	}
	src, err := pgx.Connect(ctx, b.base+"/"+dbName)
	if err != nil {
		return 0, fmt.Errorf("connect: %w", err)
	}
	defer src.Close(ctx)
	dst, err := pgx.Connect(ctx, b.base+"/"+copyName)
	if err != nil {
		return 0, fmt.Errorf("connect the copy: %w", err)
	}
	defer dst.Close(ctx)
	tmp, err := os.MkdirTemp("", "edgarload-bench-copy-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	var exported int64
	te := time.Now()
	cols := map[string]string{}
	for _, t := range etl.TableNames {
		c, err := columns(ctx, src, t)
		if err != nil {
			return 0, err
		}
		cols[t] = c
		f, err := os.Create(filepath.Join(tmp, t))
		if err != nil {
			return 0, err
		}
		tag, err := src.PgConn().CopyTo(ctx, f, fmt.Sprintf("COPY (SELECT %s FROM edgar.%s) TO STDOUT (FORMAT binary)", c, t))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return 0, fmt.Errorf("copy %s out: %w", t, err)
		}
		st, _ := os.Stat(f.Name())
		exported += st.Size()
		_ = tag
	}
	exportS := time.Since(te).Seconds()
	ti := time.Now()
	for _, t := range etl.TableNames {
		f, err := os.Open(filepath.Join(tmp, t))
		if err != nil {
			return 0, err
		}
		_, err = dst.PgConn().CopyFrom(ctx, f, fmt.Sprintf("COPY edgar.%s (%s) FROM STDIN (FORMAT binary)", t, cols[t]))
		f.Close()
		if err != nil {
			return 0, fmt.Errorf("copy %s in: %w", t, err)
		}
	}
	importS := time.Since(ti).Seconds()
	fmt.Printf("copy: %.2f GB of rows exported in %.1f s, loaded into an empty schema in %.1f s\n", float64(exported)/1e9, exportS, importS)
	b.add("copy_export_s", exportS)
	b.add("copy_gb", float64(exported)/1e9)
	return importS, nil
}

// columns lists the stored (not generated) columns of edgar.t.
func columns(ctx context.Context, c *pgx.Conn, t string) (string, error) {
	rows, err := c.Query(ctx, `SELECT quote_ident(column_name) FROM information_schema.columns
		WHERE table_schema = 'edgar' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, t)
	if err != nil {
		return "", fmt.Errorf("columns of %s: %w", t, err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", fmt.Errorf("columns of %s: %w", t, err)
	}
	return strings.Join(names, ", "), nil
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

// stat is the median and range of a measure.
func (b *bench) stat(k string) (med, lo, hi float64) {
	v := append([]float64(nil), b.m[k]...)
	if len(v) == 0 {
		return 0, 0, 0
	}
	sort.Float64s(v)
	med = v[len(v)/2]
	if len(v)%2 == 0 {
		med = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return med, v[0], v[len(v)-1]
}

// rate formats n per second of measure k: median [range].
func (b *bench) rate(k string, n float64, unit string) string {
	med, lo, hi := b.stat(k)
	if med == 0 {
		return "-"
	}
	if b.runs == 1 {
		return fmt.Sprintf("%.1f %s", n/med, unit)
	}
	return fmt.Sprintf("%.1f %s [%.1f–%.1f]", n/med, unit, n/hi, n/lo)
}

func (b *bench) secs(k string) string {
	med, lo, hi := b.stat(k)
	if b.runs == 1 {
		return fmt.Sprintf("%.1f s", med)
	}
	return fmt.Sprintf("%.1f s [%.1f–%.1f]", med, lo, hi)
}

func (b *bench) print() {
	mb := float64(b.bytes) / 1e6
	n := float64(b.files)
	rows, _, _ := b.stat("rows")
	parse, _, _ := b.stat("parse_s")
	load, _, _ := b.stat("load_s")
	cp, _, _ := b.stat("copy_s")
	reload, _, _ := b.stat("reload_s")
	writer, _, _ := b.stat("writer_s")
	rss, rlo, rhi := b.stat("load_rss_mb")
	gb, _, _ := b.stat("copy_gb")
	fmt.Printf("\nbench-load: %d files, %.2f GB, %d CPUs, %d run(s); medians [ranges]\n", b.files, float64(b.bytes)/1e9, runtime.NumCPU(), b.runs)
	w := func(a, v string) { fmt.Printf("| %-34s | %s |\n", a, v) }
	w("measure", "value")
	fmt.Println("|------------------------------------|-------|")
	w("parse only (all cores)", b.secs("parse_s")+", "+b.rate("parse_s", mb, "MB/s")+", "+b.rate("parse_s", n, "filings/s"))
	w("load (first, empty database)", b.secs("load_s")+", "+b.rate("load_s", n, "filings/s")+", "+b.rate("load_s", mb, "MB/s")+", "+b.rate("load_s", rows, "rows/s"))
	w("load peak RSS", fmt.Sprintf("%.0f MB [%.0f–%.0f]", rss, rlo, rhi))
	cores, _, _ := b.stat("load_cores")
	busy, _, _ := b.stat("load_busy")
	w("load CPU", fmt.Sprintf("edgarload %.2f cores; all %d cores %.0f%% busy (edgarload + PostgreSQL)", cores, runtime.NumCPU(), 100*busy))
	if writer > 0 {
		w("writer time (inside batches)", fmt.Sprintf("%s, %.2f ms/filing", b.secs("writer_s"), writer*1000/n))
	}
	w(fmt.Sprintf("COPY of the same rows (%.2f GB)", gb), b.secs("copy_s")+", "+b.rate("copy_s", rows, "rows/s"))
	w("reload (unchanged input)", b.secs("reload_s")+", "+b.rate("reload_s", n, "filings/s"))
	w("load / max(parse, COPY)", fmt.Sprintf("%.2f", load/max(parse, cp)))
	w("reload / load", fmt.Sprintf("%.3f (%.1f× faster)", reload/load, load/reload))
}
