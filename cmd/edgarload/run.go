package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/edgarload/edgarload/etl"
	"github.com/edgarload/edgarload/parser"
)

// version is set at build time with -ldflags "-X main.version=..."; it
// falls back to the module version recorded by the Go toolchain.
var version = ""

// Exit codes of the process (README "Exit codes").
const (
	exitOK             = 0
	exitFailed         = 1 // the run failed
	exitUsage          = 2 // bad flags, arguments, configuration or a missing input path; nothing ran
	exitTooManyRejects = 3 // more rejects than --max-rejects; the rest is loaded, the run recorded failed
)

// run is the whole program behind main, with its environment passed in so
// that tests can call it directly. It returns the process exit code (see
// the exit* constants; 130 when ctx was cancelled by a signal).
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	var configPath string
	started := false // set once a command's own work begins: earlier errors are usage errors
	logFormat := "text"
	root := &cobra.Command{
		Use:           "edgarload",
		Short:         "Load SEC EDGAR filings into PostgreSQL",
		Version:       buildVersion() + " (parser " + parser.Version + ")",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	var cpuProfile string
	stopProfile := func() error { return nil }
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		started = true
		if cpuProfile == "" {
			return nil
		}
		stop, err := startCPUProfile(cpuProfile)
		if err != nil {
			return usageError{err}
		}
		stopProfile = stop
		return nil
	}
	root.SetVersionTemplate("edgarload {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&configPath, "config", "", "config file (default: edgarload.yaml in the working directory, if present)")
	pf.String("database-url", "", "PostgreSQL URL or DSN (default: libpq defaults and PG* variables)")
	pf.Bool("create-db", true, "create the database named in the URL when it does not exist")
	pf.String("log-level", "info", "log level: debug, info, warn, error")
	pf.String("log-format", "text", "log format: text or json")
	pf.StringVar(&cpuProfile, "cpu-profile", "", "write a CPU profile of the run to this file (inspect with go tool pprof)")

	config := func(cmd *cobra.Command) (Config, *slog.Logger, error) {
		c, err := loadConfig(configPath, cmd.Flags(), getenv)
		if err != nil {
			return c, nil, usageError{err}
		}
		logFormat = c.Log.Format
		level, _ := parseLevel(c.Log.Level)
		opts := &slog.HandlerOptions{Level: level}
		var h slog.Handler = slog.NewTextHandler(stderr, opts)
		if c.Log.Format == "json" {
			h = slog.NewJSONHandler(stderr, opts)
		}
		return c, slog.New(h), nil
	}

	var textOnly bool
	parseCmd := &cobra.Command{
		Use:   "parse PATH...",
		Short: "Parse filings (- for standard input) and print one JSON object per filing (JSON Lines); no database",
		Example: `  edgarload parse testdata/filings/quillfeather-instruments-8-K-2003-05-14.txt
  edgarload parse --text 0000950123-04-012345.txt | less
  zcat 20240102.nc.tar.gz | edgarload parse - | jq -r .accession_number`,
		Args: existingInputs,
		RunE: func(cmd *cobra.Command, paths []string) error {
			if _, _, err := config(cmd); err != nil { // parse needs no key, but a bad one is still an error
				return err
			}
			w := bufio.NewWriter(stdout)
			defer w.Flush()
			failed := 0
			err := etl.ParseInputs(ctx, paths, 0, 0, func(in etl.Input) parsed {
				return parseOne(in, textOnly)
			}, func(p parsed) error {
				for _, e := range p.errs {
					failed++
					fmt.Fprintf(stderr, "edgarload: %v\n", e)
				}
				return p.write(w)
			})
			if err != nil {
				return err
			}
			if failed > 0 {
				return fmt.Errorf("%d input(s) could not be parsed", failed)
			}
			return nil
		},
	}
	parseCmd.Flags().BoolVar(&textOnly, "text", false, "print the extracted plain text of each primary document instead of JSON")

	loadCmd := &cobra.Command{
		Use:   "load PATH...",
		Short: "Parse filings (files, directories, archives; - for standard input) and upsert them into PostgreSQL",
		Example: `  edgarload load --database-url postgres://loader@db/edgar /data/edgar/2024/
  EDGARLOAD_DATABASE_URL=postgres:///edgar edgarload load --max-rejects 0 20240102.nc.tar.gz
  edgarload load --workers 4 --batch-size 500 --log-format json filings/`,
		Args: existingInputs,
		RunE: func(cmd *cobra.Command, paths []string) error {
			c, log, err := config(cmd)
			if err != nil {
				return err
			}
			opts := c.loadOptions()
			pool, err := etl.Connect(ctx, c.Database.URL, opts)
			if err != nil {
				return err
			}
			defer pool.Close()
			bar := newNamedProgress(stderr, c.Log.Format, "load", 0, log)
			countCtx, stopCount := context.WithCancel(ctx)
			defer stopCount()
			countInputs(countCtx, paths, bar.setTotal)
			opts.OnInput = bar.done
			sum, err := etl.Load(ctx, pool, paths, opts, log)
			stopCount()
			bar.finish()
			printSummary(stdout, sum)
			if c.Log.Format == "json" { // text logs: the summary above is enough
				logSummary(log, sum, err)
			}
			return err
		},
	}
	lf := loadCmd.Flags()
	lf.Int("workers", defaults["load.workers"].(int), "parser goroutines")
	lf.Int("batch-size", defaults["load.batch_size"].(int), "filings per database transaction")
	lf.Bool("migrate", true, "run pending migrations before loading (--migrate=false to skip)")
	lf.Int("max-rejects", -1, "fail the run (exit 3) when more than this many inputs are rejected; -1: no limit")
	lf.Bool("retry-rejects", false, "parse again inputs this parser version already rejected with the same bytes (skipped by default)")
	lf.Int64("batch-bytes", 0, "write a batch early once its filings' source bytes reach this; 0: 64 MiB")
	lf.Bool("rehash", false, "hash every input, even a file recorded with the same path, size and modification time (taken as unchanged unhashed by default)")
	lf.Int64("max-file-bytes", 0, "largest input (file, member, bundle) in bytes; 0: 1 GiB")
	lf.Int64("max-archive-bytes", 0, "bytes decompressed out of one archive or compressed file; 0: 256 GiB, -1: no cap")
	lf.Float64("max-expansion-ratio", 0, "largest expansion of one compressed stream (bomb guard); 0: 200, -1: no check")
	lf.Int64("max-inflight-bytes", 0, "input bytes read but not yet written; 0: 32 MiB")
	lf.String("shard", "", "load only shard K of N (K from 0 to N-1): N loaders given the same paths load each input once between them")
	lf.Bool("store-text", true, "store the plain text of every document in edgar.documents.text (--store-text=false: a lean load)")

	var migrateYes bool
	migrateCmd := &cobra.Command{
		Use:   "migrate up|down|down-to VERSION|redo|reset|status|version",
		Short: "Apply, roll back or inspect the embedded schema migrations (versions kept in edgar.goose_db_version)",
		Example: `  edgarload migrate status
  edgarload migrate up
  edgarload migrate down-to 5 --yes   # rolling back a migration that drops data needs --yes`,
		Args: migrateArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, _, err := config(cmd)
			if err != nil {
				return err
			}
			req := etl.MigrateRequest{Command: args[0], Yes: migrateYes, Conn: c.connOptions()}
			if req.Command == "down-to" {
				req.Version, _ = strconv.ParseInt(args[1], 10, 64)
			}
			return etl.MigrateCommand(ctx, c.Database.URL, req, stdout)
		},
	}
	migrateCmd.Flags().BoolVar(&migrateYes, "yes", false, "confirm a roll-back that drops data (down, down-to, redo, reset)")

	versionCmd := &cobra.Command{
		Use:     "version",
		Example: "  edgarload version\n  edgarload --version",
		Short:   "Print edgarload's version and its parser version",
		Args:    cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprintf(stdout, "edgarload %s (parser %s)\n", buildVersion(), parser.Version)
		},
	}

	root.AddCommand(parseCmd, loadCmd, newFetchCmd(ctx, config, stdout, stderr), newIndexCmd(ctx, config, stdout, stderr), migrateCmd,
		newVerifyCmd(ctx, config, stdout), versionCmd)
	root.AddCommand(newStatsCmd(ctx, config, stdout))
	root.AddCommand(newDocsCmd(ctx, config, stdout))
	err := root.ExecuteContext(ctx)
	if perr := stopProfile(); perr != nil && err == nil {
		err = perr
	}
	if err == nil {
		return exitOK
	}
	code := exitCode(ctx, err, started)
	if logFormat == "json" {
		attrs := []any{"error", etl.RedactURL(err.Error()), "exit_code", code}
		if ctx.Err() != nil {
			attrs = append(attrs, "interrupted_by", context.Cause(ctx).Error())
		}
		slog.New(slog.NewJSONHandler(stderr, nil)).Error("edgarload failed", attrs...)
		return code
	}
	fmt.Fprintf(stderr, "edgarload: %s\n", etl.RedactURL(err.Error()))
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "edgarload: interrupted (%v)\n", context.Cause(ctx))
	}
	return code
}

// exitCode classifies the error a command ended with.
func exitCode(ctx context.Context, err error, started bool) int {
	var usage interface{ Usage() }
	var rejects *etl.TooManyRejectsError
	switch {
	case ctx.Err() != nil:
		return exitInterrupted
	case errors.As(err, &usage) || !started:
		return exitUsage
	case errors.As(err, &rejects):
		return exitTooManyRejects
	default:
		return exitFailed
	}
}

// migrateArgs validates `migrate`'s arguments: a known command, and a
// version number after down-to only.
func migrateArgs(cmd *cobra.Command, args []string) error {
	known := map[string]bool{"up": true, "down": true, "down-to": true, "redo": true, "reset": true, "status": true, "version": true}
	switch {
	case len(args) == 0 || !known[args[0]]:
		return usageError{fmt.Errorf("migrate needs one of up, down, down-to VERSION, redo, reset, status, version; got %q", args)}
	case args[0] == "down-to":
		if len(args) != 2 {
			return usageError{errors.New("migrate down-to needs a VERSION")}
		}
		if v, err := strconv.ParseInt(args[1], 10, 64); err != nil || v < 0 {
			return usageError{fmt.Errorf("migrate down-to: %q is not a version number", args[1])}
		}
	case len(args) != 1:
		return usageError{fmt.Errorf("migrate %s takes no further arguments", args[0])}
	}
	return nil
}

// existingInputs checks a command's input paths before anything runs: at
// least one, and each exists ("-" is standard input). A missing path is a
// usage error (exit 2), so a cron job pointed at an unmounted volume fails.
func existingInputs(cmd *cobra.Command, paths []string) error {
	if len(paths) == 0 {
		return usageError{fmt.Errorf("%s needs at least one input path", cmd.CommandPath())}
	}
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			return usageError{fmt.Errorf("input path %q: %w", p, err)}
		}
	}
	return nil
}

// firstLine is s up to its first line break.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// logSummary logs the run's summary as one record (a JSON object with
// --log-format json): counters as numbers, elapsed in seconds.
func logSummary(log *slog.Logger, s etl.Summary, err error) {
	rows := make([]any, 0, len(s.Rows))
	for _, t := range sortedTables(s.Rows) {
		rows = append(rows, slog.Int64(t, s.Rows[t]))
	}
	tables := make([]any, 0, len(s.Tables))
	for _, t := range sortedTables(tableKeys(s.Tables)) {
		c := s.Tables[t]
		tables = append(tables, slog.Group(t, "inserted", c.Inserted, "updated", c.Updated, "deleted", c.Deleted,
			"seconds", math.Round(c.Time.Seconds()*1000)/1000))
	}
	attrs := []any{"run_id", s.RunID, "files", s.FilesSeen, "loaded", s.FilingsLoaded, "unchanged", s.FilingsUnchanged,
		"rejected", s.FilingsRejected, "rejected_before", s.RejectedBefore,
		"elapsed_seconds", math.Round(s.Elapsed.Seconds()*1000) / 1000, "filings_per_second", round1(s.FilingsPerSecond()),
		slog.Group("rows", rows...), slog.Group("tables", tables...)}
	if err != nil {
		attrs = append(attrs, "error", etl.RedactURL(err.Error()))
	}
	log.Info("summary", attrs...)
}

// tableKeys turns per-table counts into the map sortedTables orders.
func tableKeys(m map[string]etl.TableCounts) map[string]int64 {
	out := make(map[string]int64, len(m))
	for t := range m {
		out[t] = 0
	}
	return out
}

// sortedTables orders tables as etl.TableNames does, others after by name.
func sortedTables(rows map[string]int64) []string {
	var out, rest []string
	seen := map[string]bool{}
	for _, t := range etl.TableNames {
		if _, ok := rows[t]; ok {
			out = append(out, t)
			seen[t] = true
		}
	}
	for t := range rows {
		if !seen[t] {
			rest = append(rest, t)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func printSummary(w io.Writer, s etl.Summary) {
	fmt.Fprintf(w, "run %d: %d files seen, %d filings loaded, %d unchanged, %d rejected in %s (%.1f filings/s)\n",
		s.RunID, s.FilesSeen, s.FilingsLoaded, s.FilingsUnchanged, s.FilingsRejected,
		s.Elapsed.Round(time.Millisecond), s.FilingsPerSecond())
	if s.RejectedBefore > 0 {
		fmt.Fprintf(w, "  %d inputs skipped: rejected before with the same bytes by this parser version (--retry-rejects to parse them again)\n", s.RejectedBefore)
	}
	if s.FilingsRejected > 0 {
		fmt.Fprintf(w, "  rejected:\n")
		for _, r := range s.RejectSample {
			fmt.Fprintf(w, "    %s (%s): %s\n", r.Path, r.Stage, firstLine(r.Error))
		}
		if more := s.FilingsRejected - len(s.RejectSample); more > 0 {
			fmt.Fprintf(w, "    … and %d more: see edgar.load_rejects where run_id = %d\n", more, s.RunID)
		}
	}
	if s.Skipped > 0 {
		fmt.Fprintf(w, "  %d inputs skipped, not read: special files, link loops, archive members that are links or devices (edgar.load_files says why)\n", s.Skipped)
	}
	if s.OtherShards > 0 {
		fmt.Fprintf(w, "  %d files and archive members left to the other shards\n", s.OtherShards)
	}
	if s.IndexFiles > 0 {
		fmt.Fprintf(w, "  %d EDGAR index/JSON files with %d entries loaded into edgar.index_entries\n", s.IndexFiles, s.IndexEntries)
	}
	if len(s.Tables) > 0 {
		fmt.Fprintf(w, "  %-32s %9s %9s %9s %9s\n", "table", "inserted", "updated", "deleted", "time")
		for _, t := range sortedTables(tableKeys(s.Tables)) {
			c := s.Tables[t]
			fmt.Fprintf(w, "  %-32s %9d %9d %9d %8.3fs\n", t, c.Inserted, c.Updated, c.Deleted, c.Time.Seconds())
		}
		fmt.Fprintf(w, "  %-32s %9d (filings whose source and parser version were already loaded, or that lost to a richer stored source)\n", "unchanged filings", s.FilingsUnchanged)
	}
}

// buildVersion is the version set with -ldflags (the Makefile and the
// Dockerfile pass `git describe`), else the module version, else the VCS
// revision the toolchain recorded ("devel+<rev>[-dirty]"), else "devel".
func buildVersion() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "devel+" + rev
}

// parsed is what `parse` prints for one input: its output (a JSON line,
// or the text of its documents) and its errors.
type parsed struct {
	out  *bytes.Buffer // from outBuffers: given back once written
	errs []error
}

// outBuffers recycles the output buffers of `parse`: a buffer reused is
// memory the process need not fault in and zero again for every filing.
var outBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledOutput is the largest output buffer kept for reuse.
const maxPooledOutput = 16 << 20

// write writes p's output to w and gives its buffer back.
func (p parsed) write(w io.Writer) error {
	if p.out == nil {
		return nil
	}
	_, err := w.Write(p.out.Bytes())
	if p.out.Cap() <= maxPooledOutput {
		p.out.Reset()
		outBuffers.Put(p.out)
	}
	return err
}

// parseOne parses one input for `parse` (on a worker goroutine): the
// filing as one JSON line, or with textOnly its primary documents' text.
func parseOne(in etl.Input, textOnly bool) parsed {
	data, err := in.Read()
	if err != nil {
		return parsed{errs: []error{err}}
	}
	buf := outBuffers.Get().(*bytes.Buffer)
	if textOnly {
		return parsed{out: buf, errs: printText(buf, in, data)}
	}
	f, err := etl.ParseInput(in)
	if err != nil {
		outBuffers.Put(buf)
		return parsed{errs: []error{err}}
	}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		buf.Reset()
		outBuffers.Put(buf)
		return parsed{errs: []error{fmt.Errorf("%s: encode JSON: %w", in.Name, err)}}
	}
	return parsed{out: buf}
}

// printText writes the plain text of an input's primary document (of each
// file, for a filing folder) for `parse --text`, and returns the errors of
// the files it could not read.
func printText(w *bytes.Buffer, in etl.Input, data []byte) []error {
	type named struct {
		name string
		data []byte
	}
	files := []named{{in.Name, data}}
	if parts := in.Parts(); parts != nil {
		files = files[:0]
		for _, p := range parts {
			files = append(files, named{p.Name, p.Data})
		}
	}
	var errs []error
	for _, f := range files {
		text, err := parser.ExtractText(f.name, f.data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if len(files) > 1 {
			fmt.Fprintf(w, "==> %s <==\n", f.name)
		}
		w.WriteString(text)
	}
	return errs
}
