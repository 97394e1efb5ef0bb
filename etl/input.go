package etl

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/edgarload/edgarload/etl/shard"
	"github.com/edgarload/edgarload/etl/unpack"
	"github.com/edgarload/edgarload/parser/datamule"
)

// Input (walk.go) is one file to parse: a plain file or an archive member.

// StdinName is the path that means standard input, and the name of the
// input read from it (its archive members are named "-!member").
const StdinName = "-"

// walkConfig holds the limits and the standard input of a walk.
type walkConfig struct {
	maxFile    int64     // largest input (a file, a member, an assembled bundle)
	maxArchive int64     // bytes decompressed out of one path, all layers (<= 0: no cap)
	ratio      float64   // largest expansion of one compressed stream (<= 0: no check)
	stdin      io.Reader // read for the path "-"
	// shard: the inputs this walk emits (the zero Spec: all); others
	// counts those left to the other shards (nil: not counted).
	shard  shard.Spec
	others *atomic.Int64
}

func defaultWalkConfig() walkConfig {
	return walkConfig{maxFile: defaultMaxFileBytes, maxArchive: defaultMaxArchiveBytes,
		ratio: defaultMaxExpansionRatio, stdin: os.Stdin}
}

// walker sends the inputs of a walk to emit, one at a time.
type walker struct {
	cfg  walkConfig
	emit func(Input) bool
	dec  unpack.Decoders // for compressed archive members
	seen map[fileID]bool // directories walked, by device and inode
	root string          // the path argument being walked: shard names are relative to it
}

// fileID tells a file apart from every other on this machine.
type fileID struct{ dev, ino uint64 }

// idOf is st's device and inode (false where the system has none).
func idOf(st fs.FileInfo) (fileID, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{dev: uint64(s.Dev), ino: uint64(s.Ino)}, true
}

// walkInputs sends every input under paths to emit, in a stable order
// (directories sorted, archives in member order), reading one file at a
// time so memory stays bounded. Symbolic links are followed, to files and
// to directories; a directory met twice (a link loop) is skipped the
// second time, and so are special files (named pipes, sockets, devices),
// never opened. It stops when emit returns false (the context was
// cancelled).
func walkInputs(ctx context.Context, paths []string, cfg walkConfig, emit func(Input) bool) error {
	w := &walker{cfg: cfg, emit: emit, seen: map[fileID]bool{}}
	defer w.dec.Close()
	for _, p := range paths {
		ok := true
		w.root = p
		if p == StdinName {
			ok = w.stdinInput()
		} else if st, err := os.Stat(p); err != nil {
			ok = w.emitOwned(w.shardName(p), readError(p, err))
		} else if st.IsDir() {
			ok = w.directory(p, st)
		} else {
			ok = w.file(p)
		}
		if !ok {
			return ctx.Err()
		}
	}
	return nil
}

// shardName is the name a path is sharded by (see package shard): its path
// relative to the argument it was found under, with forward slashes, or
// the base name of the argument itself — so that machines mounting the
// same inputs at different places split them the same way.
func (w *walker) shardName(path string) string {
	if path == w.root || w.root == "" {
		return filepath.ToSlash(filepath.Base(path))
	}
	rel, err := filepath.Rel(w.root, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// owns reports whether this walk's shard loads the input of shard name
// name, counting it as left to another shard when not.
func (w *walker) owns(name string) bool {
	if w.cfg.shard.Owns(name) {
		return true
	}
	if w.cfg.others != nil {
		w.cfg.others.Add(1)
	}
	return false
}

// emitOwned emits in when this shard owns the shard name name; another
// shard's input is passed over (true: the walk goes on).
func (w *walker) emitOwned(name string, in Input) bool {
	if !w.owns(name) {
		return true
	}
	return w.emit(in)
}

// directory walks a directory (st: its os.Stat, links followed) in sorted
// order, hidden entries skipped; a filing folder is one input, owned by
// one shard whole. A directory walked before is skipped with a reason.
// Every shard walks every directory.
func (w *walker) directory(p string, st fs.FileInfo) bool {
	name := w.shardName(p)
	if id, ok := idOf(st); ok {
		if w.seen[id] {
			return !w.owns(name) || w.skip(p, "directory already walked (a symbolic link loop, or a second link to it)")
		}
		w.seen[id] = true
	}
	if isFilingFolder(filepath.Base(p)) {
		return !w.owns(name) || w.folder(p)
	}
	entries, err := os.ReadDir(p)
	if err != nil && !w.emitOwned(name, readError(p, err)) {
		return false
	}
	for _, e := range entries { // what could be read, as filepath.WalkDir does
		if strings.HasPrefix(e.Name(), ".") {
			continue // hidden files and folders (.DS_Store, .git, editor droppings)
		}
		if !w.entry(filepath.Join(p, e.Name()), e) {
			return false
		}
	}
	return true
}

// entry walks one directory entry, following a symbolic link.
func (w *walker) entry(path string, e fs.DirEntry) bool {
	if e.Type().IsRegular() {
		return w.file(path)
	}
	st, err := os.Stat(path)
	if err != nil {
		if !w.owns(w.shardName(path)) {
			return true
		}
		if e.Type()&fs.ModeSymlink != 0 {
			return w.skip(path, "symbolic link to nothing readable: "+err.Error())
		}
		return w.emit(readError(path, err))
	}
	if st.IsDir() {
		return w.directory(path, st)
	}
	return w.file(path)
}

// skip emits a file that is not read, with the reason: recorded as
// outcome "skipped" in edgar.load_files.
func (w *walker) skip(path, reason string) bool {
	return w.emit(w.skipInput(path, reason))
}

// skipInput is the input of a file that is not read, with the reason.
func (w *walker) skipInput(path, reason string) Input {
	return Input{Name: path, skip: reason, err: fmt.Errorf("%s: skipped: %s", path, reason)}
}

// archiveKey is how the members of one path are sharded: by the shard
// name of the path (name) joined to theirs, each member on its own when
// split; all with the path otherwise (a file that is an archive by its
// magic bytes but not by its name goes to one shard whole).
type archiveKey struct {
	name  string
	split bool
}

// splitArchive reports whether a path is named like an archive whose
// members are sharded one by one (.tar, .tar.gz, .tgz, .tar.zst, .tzst,
// .zip): every shard reads such a file.
func splitArchive(path string) bool {
	return tarName(path) || strings.HasSuffix(strings.ToLower(path), ".zip")
}

// notRegular is the reason a special file is not read.
func notRegular(m fs.FileMode) string {
	kind := "irregular file"
	switch {
	case m&fs.ModeSymlink != 0:
		kind = "symbolic link"
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeCharDevice != 0:
		kind = "character device"
	case m&fs.ModeDevice != 0:
		kind = "block device"
	case m.IsDir():
		kind = "directory"
	}
	return "not a regular file (" + kind + ")"
}

func readError(name string, err error) Input {
	return Input{Name: name, err: fmt.Errorf("read %s: %w", name, err)}
}

func archiveError(name string, err error) Input {
	return Input{Name: name, err: fmt.Errorf("read archive %s: %w", name, err)}
}

// file emits one file: a plain input, a compressed one, or the members of
// an archive.
// A special file (named pipe, socket, device) is skipped, never opened
// for reading: os.Open of a named pipe blocks until a writer comes.
//
// When the walk is sharded, a file is one input owned by one shard and
// other shards never open it — except a file named like an archive
// (splitArchive), which every shard reads, each emitting the members it
// owns.
func (w *walker) file(path string) bool {
	name := w.shardName(path)
	split := w.cfg.shard.Split() && splitArchive(path)
	if !split && !w.owns(name) {
		return true
	}
	st, err := os.Stat(path)
	if err != nil {
		return w.emitOwned(name, readError(path, err))
	}
	if !st.Mode().IsRegular() {
		return w.emitOwned(name, w.skipInput(path, notRegular(st.Mode())))
	}
	// O_NONBLOCK: should the file turn into a named pipe after the
	// check, opening it still returns at once (and fstat says so).
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return w.emitOwned(name, readError(path, err))
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return w.emitOwned(name, readError(path, err))
	}
	if !st.Mode().IsRegular() {
		return w.emitOwned(name, w.skipInput(path, notRegular(st.Mode())))
	}
	return w.stream(path, archiveKey{name: name, split: split}, f, f, st.Size())
}

func (w *walker) stdinInput() bool {
	r := w.cfg.stdin
	if r == nil {
		r = os.Stdin
	}
	return w.stream(StdinName, archiveKey{name: StdinName, split: w.cfg.shard.Split()}, r, nil, -1)
}

// bufSize is the read buffer of a file or decompressed stream.
const bufSize = 64 << 10

// stream reads one file (f set, seekable) or standard input (f nil) and
// tells by its magic bytes what it is: a zip, a tar, a gzip or zstd stream
// (holding a tar, or one input), or a plain input. A plain file whose size
// (-1: unknown) passes maxFile is rejected from its size, unread. Whatever
// is not an archive member is emitted by the shard owning key.name only.
func (w *walker) stream(name string, key archiveKey, r io.Reader, f *os.File, size int64) bool {
	in := &unpack.Counter{R: r}
	br := bufio.NewReaderSize(in, bufSize)
	kind := sniff(br)
	if err := nameAgrees(name, kind); err != nil {
		return w.emitOwned(key.name, archiveError(name, err))
	}
	total := &unpack.Total{Max: w.cfg.maxArchive}
	switch kind {
	case unpack.Zip:
		return w.zip(name, key, f, br, total)
	case unpack.Tar:
		return w.tar(name, key, br, f, total)
	case unpack.Gzip, unpack.Zstd:
		dr, err := unpack.Decompress(kind, br)
		if err != nil {
			return w.emitOwned(key.name, archiveError(name, err))
		}
		defer dr.Close()
		inner := bufio.NewReaderSize(&unpack.Guard{R: dr, In: in, Ratio: w.cfg.ratio, Total: total}, bufSize)
		if sniff(inner) == unpack.Tar {
			return w.tar(name, key, inner, nil, total)
		}
		if tarName(name) {
			return w.emitOwned(key.name, archiveError(name, fmt.Errorf("named like a tar but the %s stream holds no tar", kind)))
		}
		if !w.owns(key.name) {
			return true
		}
		return w.emit(w.readInput(name, inner))
	}
	if tarName(name) { // a pre-POSIX tar, without the ustar magic
		return w.tar(name, key, br, nil, total)
	}
	if !w.owns(key.name) {
		return true
	}
	if size > w.cfg.maxFile {
		return w.emit(readError(name, fmt.Errorf("%d bytes, larger than %d bytes (load.max_file_bytes)", size, w.cfg.maxFile)))
	}
	return w.emit(w.readFile(name, br, f, size))
}

// readFile reads one plain input whose size (-1: unknown) the file system
// gave, into a buffer of that size; a plain file (f set) read at the size
// it had when stat'ed carries its size and modification time.
func (w *walker) readFile(name string, r io.Reader, f *os.File, size int64) Input {
	data, err := readSized(r, size, w.cfg.maxFile)
	if err != nil {
		return readError(name, err)
	}
	in := Input{Name: name, data: data}
	if f != nil && int64(len(data)) == size {
		if st, err := f.Stat(); err == nil && st.Size() == size {
			in.stat = statOf(st)
		}
	}
	return in
}

// readSized reads r to its end into one buffer of size bytes (the size
// the file system gave; -1 when unknown): no regrowth of the buffer. A file
// that grew since is read on, at most maxBytes in all.
func readSized(r io.Reader, size, maxBytes int64) ([]byte, error) {
	if size < 0 || size > maxBytes {
		return readLimited(r, maxBytes)
	}
	data := make([]byte, size)
	n, err := io.ReadFull(r, data)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return data[:n], nil // shrank since the stat
	case err != nil:
		return nil, err
	}
	rest, err := io.ReadAll(io.LimitReader(r, maxBytes-size+1))
	if err != nil {
		return nil, err
	}
	if len(rest) == 0 {
		return data, nil
	}
	if size+int64(len(rest)) > maxBytes {
		return nil, fmt.Errorf("larger than %d bytes (load.max_file_bytes)", maxBytes)
	}
	return append(data, rest...), nil
}

// sniff peeks at the first bytes of r.
func sniff(r *bufio.Reader) unpack.Kind {
	head, _ := r.Peek(unpack.SniffLen)
	return unpack.Sniff(head)
}

// nameAgrees checks a name that promises a format against the magic bytes:
// "x.tar.gz" holding no gzip is a broken archive, not a filing.
func nameAgrees(name string, k unpack.Kind) error {
	n := strings.ToLower(name)
	var want unpack.Kind
	switch {
	case strings.HasSuffix(n, ".gz"), strings.HasSuffix(n, ".tgz"):
		want = unpack.Gzip
	case strings.HasSuffix(n, ".zst"), strings.HasSuffix(n, ".tzst"):
		want = unpack.Zstd
	case strings.HasSuffix(n, ".zip"):
		want = unpack.Zip
	default:
		return nil
	}
	if k != want {
		return fmt.Errorf("named like a %s file but its first bytes are not %s magic", want, want)
	}
	return nil
}

// tarName reports whether name says it is (or decompresses to) a tar.
func tarName(name string) bool {
	n := strings.ToLower(name)
	for _, s := range []string{".tar", ".tar.gz", ".tgz", ".tar.zst", ".tzst"} {
		if strings.HasSuffix(n, s) {
			return true
		}
	}
	return false
}

// readInput reads one whole input of at most maxFile bytes.
func (w *walker) readInput(name string, r io.Reader) Input {
	data, err := readLimited(r, w.cfg.maxFile)
	if err != nil {
		return readError(name, err)
	}
	return Input{Name: name, data: data}
}

// readLimited reads r to its end, failing as soon as it passes maxBytes:
// never more than maxBytes+1 bytes are held.
func readLimited(r io.Reader, maxBytes int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("larger than %d bytes (load.max_file_bytes)", maxBytes)
	}
	return data, nil
}

// readMember reads one archive member, decompressing it when its first
// bytes are gzip or zstd magic (".nc.gz" members of a feed, the documents
// of a datamule bundle).
func (w *walker) readMember(r io.Reader, total *unpack.Total) ([]byte, error) {
	cnt := &unpack.Counter{R: r}
	br := bufio.NewReaderSize(cnt, 4096)
	head, _ := br.Peek(4)
	switch k := unpack.Sniff(head); k {
	case unpack.Gzip, unpack.Zstd:
		dr, err := w.dec.Open(k, br)
		if err != nil {
			return nil, fmt.Errorf("%s member: %w", k, err)
		}
		data, err := readLimited(&unpack.Guard{R: dr, In: cnt, Ratio: w.cfg.ratio, Total: total}, w.cfg.maxFile)
		if err != nil {
			return nil, fmt.Errorf("%s member: %w", k, err)
		}
		return data, nil
	}
	return readLimited(br, w.cfg.maxFile)
}

// errSource remembers the error the archive stream itself returned, to
// tell a broken archive (truncated, corrupt outer stream) from a broken
// member.
type errSource struct {
	r   io.Reader
	err error
}

func (s *errSource) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

// tar emits the members of a tar stream. A plain tar file (f set) is
// scanned once for datamule bundles first, so a bundle's members group
// whatever their order; in a stream, metadata.json must precede its
// documents (as datamule writes them).
// Special members (links, devices, named pipes) are skipped with a reason;
// directories and pax global headers are no files and pass silently.
func (w *walker) tar(name string, key archiveKey, r io.Reader, f *os.File, total *unpack.Total) bool {
	var dirs map[string]bool
	if f != nil {
		dirs = tarBundleDirs(f)
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return w.emitOwned(key.name, archiveError(name, err))
		}
		r = bufio.NewReaderSize(f, bufSize)
	}
	tr := tar.NewReader(r)
	src := &errSource{r: tr}
	sink := &memberSink{w: w, archive: name, key: key, dirs: dirs}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return sink.flush()
		}
		if err != nil {
			return sink.flush() && w.emitOwned(key.name, archiveError(name, err))
		}
		if h.Typeflag == tar.TypeDir || h.Typeflag == tar.TypeXGlobalHeader || hiddenMember(h.Name) {
			continue
		}
		owned, ok := sink.route(h.Name)
		switch {
		case !ok:
			return false
		case !owned: // another shard's: tr.Next passes over its bytes, neither kept nor decompressed
			continue
		case h.Typeflag != tar.TypeReg:
			if !sink.skipMember(h.Name, tarSpecial(h)) {
				return false
			}
			continue
		}
		src.err = nil
		data, err := w.readMember(src, total)
		if src.err != nil || total.Exceeded() {
			cause := src.err
			if cause == nil {
				cause = err
			}
			return sink.flush() && w.emitOwned(key.name, archiveError(name, fmt.Errorf("member %s: %w", h.Name, cause)))
		}
		if !sink.add(h.Name, data, err) {
			return false
		}
	}
}

// tarSpecial is the reason a tar member that is no regular file is not
// read.
func tarSpecial(h *tar.Header) string {
	switch h.Typeflag {
	case tar.TypeSymlink:
		return fmt.Sprintf("not a regular file (symbolic link to %q); archive members are never followed", h.Linkname)
	case tar.TypeLink:
		return fmt.Sprintf("not a regular file (hard link to member %q, read as that member)", h.Linkname)
	case tar.TypeFifo:
		return "not a regular file (named pipe)"
	case tar.TypeChar:
		return "not a regular file (character device)"
	case tar.TypeBlock:
		return "not a regular file (block device)"
	}
	return fmt.Sprintf("not a regular file (tar entry type %q)", string(h.Typeflag))
}

// tarBundleDirs lists the folders of a tar file holding a metadata.json
// (reading headers only: the tar reader seeks over the data).
func tarBundleDirs(f *os.File) map[string]bool {
	dirs := map[string]bool{}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return dirs
	}
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err != nil {
			return dirs
		}
		if dir, base := splitMember(h.Name); h.Typeflag == tar.TypeReg && base == datamule.MetadataName {
			dirs[dir] = true
		}
	}
}

// zip emits the members of a zip, sorted by folder then name. Standard
// input is spooled to a temporary file first (zip needs random access), at
// most maxArchive bytes.
func (w *walker) zip(name string, key archiveKey, f *os.File, br *bufio.Reader, total *unpack.Total) bool {
	if f == nil {
		tmp, err := spool(br, w.cfg.maxArchive)
		if err != nil {
			return w.emitOwned(key.name, archiveError(name, err))
		}
		defer os.Remove(tmp.Name())
		defer tmp.Close()
		f = tmp
	}
	st, err := f.Stat()
	if err != nil {
		return w.emitOwned(key.name, archiveError(name, err))
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return w.emitOwned(key.name, archiveError(name, err))
	}
	var files []*zip.File
	dirs := map[string]bool{}
	for _, zf := range zr.File {
		if zf.FileInfo().IsDir() || hiddenMember(zf.Name) {
			continue
		}
		files = append(files, zf)
		if dir, base := splitMember(zf.Name); base == datamule.MetadataName && zf.Mode().IsRegular() {
			dirs[dir] = true
		}
	}
	sort.SliceStable(files, func(i, j int) bool {
		di, bi := splitMember(files[i].Name)
		dj, bj := splitMember(files[j].Name)
		return di < dj || di == dj && bi < bj
	})
	sink := &memberSink{w: w, archive: name, key: key, dirs: dirs}
	for _, zf := range files {
		owned, ok := sink.route(zf.Name)
		switch {
		case !ok:
			return false
		case !owned:
			continue
		case !zf.Mode().IsRegular():
			if !sink.skipMember(zf.Name, notRegular(zf.Mode())) {
				return false
			}
			continue
		}
		err := w.zipDeclared(zf)
		var rc io.ReadCloser
		if err == nil {
			rc, err = zf.Open()
		}
		var data []byte
		if err == nil {
			in := &unpack.Counter{N: int64(zf.CompressedSize64)}
			data, err = w.readMember(&unpack.Guard{R: rc, In: in, Ratio: w.cfg.ratio, Total: total}, total)
			rc.Close()
		}
		if total.Exceeded() {
			return sink.flush() && w.emitOwned(key.name, archiveError(name, fmt.Errorf("member %s: %w", zf.Name, err)))
		}
		if !sink.add(zf.Name, data, err) {
			return false
		}
	}
	return sink.flush()
}

// zipDeclared checks a zip member's declared sizes before reading it
// (archive/zip fails a member that expands past its declared size).
func (w *walker) zipDeclared(zf *zip.File) error {
	size, packed := zf.UncompressedSize64, zf.CompressedSize64
	if size > uint64(w.cfg.maxFile) {
		return fmt.Errorf("declares %d bytes, larger than %d bytes (load.max_file_bytes)", size, w.cfg.maxFile)
	}
	if w.cfg.ratio > 0 && float64(size) > w.cfg.ratio*float64(packed)+unpack.Slack {
		return fmt.Errorf("%w: expands more than %g times its %d compressed bytes (declares %d)", unpack.ErrBomb, w.cfg.ratio, packed, size)
	}
	return nil
}

// spool copies r into a temporary file, at most max bytes (<= 0: no cap).
func spool(r io.Reader, max int64) (*os.File, error) {
	tmp, err := os.CreateTemp("", "edgarload-stdin-*")
	if err != nil {
		return nil, err
	}
	src := r
	if max > 0 {
		src = io.LimitReader(r, max+1)
	}
	n, err := io.Copy(tmp, src)
	if err == nil && max > 0 && n > max {
		err = fmt.Errorf("standard input larger than %d bytes (load.max_archive_bytes)", max)
	}
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	return tmp, nil
}

// splitMember splits a member name into its folder (with the trailing
// slash, "" at the top) and its base name. Member names are only names:
// "../x" is the folder "../" and never touches the file system.
func splitMember(name string) (dir, base string) {
	i := strings.LastIndexByte(name, '/')
	return name[:i+1], name[i+1:]
}

// hiddenMember skips macOS resource forks and dot files inside archives.
func hiddenMember(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." || part == "__MACOSX" {
			return true
		}
	}
	return false
}
