package etl

import (
	"fmt"

	"github.com/edgarload/edgarload/parser/datamule"
)

// memberSink receives the members of one archive in order and emits them,
// grouping the members of a datamule bundle — every member of a folder
// that holds a metadata.json, contiguous in the archive — into one input,
// the complete submission datamule.Assemble rebuilds from them, named
// "archive!folder/ACCESSION-NUMBER".
type memberSink struct {
	w       *walker
	archive string
	key     archiveKey      // how the members are sharded
	dirs    map[string]bool // folders known to be bundles (scanned up front)
	b       *bundle
	// The bundle folder the last member routed belongs to, followed
	// whether or not this shard owns it, so that every shard groups the
	// members alike.
	inBundle  bool
	bundleDir string
}

// route is called for every member, before it is read: it tells whether
// this shard owns it (a bundle's members go by their folder, so that a
// bundle is one shard's whole; any other member by its own name, or the
// accession of its archive when the name has none: see package shard),
// and flushes the open bundle when the member is outside it. ok is false
// when the walk must stop.
func (s *memberSink) route(name string) (owned, ok bool) {
	dir, base := splitMember(name)
	if s.inBundle && s.bundleDir != dir {
		s.inBundle = false
		if !s.flush() {
			return false, false
		}
	}
	if !s.inBundle && (base == datamule.MetadataName || s.dirs[dir]) {
		s.inBundle, s.bundleDir = true, dir
	}
	if !s.key.split {
		return true, true
	}
	key := s.key.name + "!" + name
	if s.inBundle {
		key = s.key.name + "!" + dir
	}
	return s.w.owns(key), true
}

// skipMember emits a member that is not read (a link, a device, a named
// pipe), with the reason: outcome "skipped" in edgar.load_files.
func (s *memberSink) skipMember(name, reason string) bool {
	return s.w.skip(s.archive+"!"+name, reason)
}

// bundle is the members of one datamule bundle read so far.
type bundle struct {
	dir     string
	meta    []byte
	metaErr error
	docs    []datamule.Document
	members []string // archive member names of docs
	bad     []Input  // unreadable members
	size    int64
	tooBig  bool
}

// add takes one member (its bytes, or the error reading it).
func (s *memberSink) add(name string, data []byte, err error) bool {
	dir, base := splitMember(name)
	if s.b != nil && s.b.dir != dir && !s.flush() {
		return false
	}
	if s.b == nil && (base == datamule.MetadataName || s.dirs[dir]) {
		s.b = &bundle{dir: dir}
	}
	member := s.archive + "!" + name
	if s.b == nil {
		in := Input{Name: member, data: data}
		if err != nil {
			in = readError(member, err)
		}
		return s.w.emit(in)
	}
	b := s.b
	switch {
	case base == datamule.MetadataName && b.meta == nil && b.metaErr == nil:
		b.meta, b.metaErr = data, err
		if err == nil {
			_, b.metaErr = datamule.ReadMetadata(data)
		}
	case err != nil:
		b.bad = append(b.bad, readError(member, err))
	case b.tooBig:
	default:
		b.size += int64(len(data))
		if b.size > s.w.cfg.maxFile {
			b.tooBig, b.docs, b.members = true, nil, nil
			return true
		}
		b.docs = append(b.docs, datamule.Document{Name: base, Data: data})
		b.members = append(b.members, member)
	}
	return true
}

// flush emits the open bundle: its assembled submission and the rejects of
// its unreadable members. A bundle whose metadata.json is missing or
// unreadable falls back to its members one by one (each decompressed),
// after a reject naming the metadata; a bundle larger than maxFile is one
// reject.
func (s *memberSink) flush() bool {
	b := s.b
	if b == nil {
		return true
	}
	s.b = nil
	metaName := s.archive + "!" + b.dir + datamule.MetadataName
	var first []Input
	switch {
	case b.tooBig:
		first = []Input{{Name: s.archive + "!" + b.dir, err: fmt.Errorf("read %s!%s: datamule bundle larger than %d bytes (load.max_file_bytes)",
			s.archive, b.dir, s.w.cfg.maxFile)}}
	case b.meta == nil && b.metaErr == nil: // a known bundle folder without its metadata in this run
		first = b.oneByOne()
	case b.metaErr != nil:
		first = append([]Input{{Name: metaName, err: fmt.Errorf("read %s: %w; its bundle's %d documents are loaded one by one",
			metaName, b.metaErr, len(b.docs))}}, b.oneByOne()...)
	default:
		first = []Input{s.assemble(b)}
		if first[0].err != nil {
			first = append(first, b.oneByOne()...)
		}
	}
	for _, in := range append(first, b.bad...) {
		if !s.w.emit(in) {
			return false
		}
	}
	return true
}

// assemble rebuilds the bundle's submission.
func (s *memberSink) assemble(b *bundle) Input {
	m, _ := datamule.ReadMetadata(b.meta) // read already in add
	name := s.archive + "!" + b.dir + m.AccessionNumber
	data, err := datamule.Assemble(b.meta, b.docs)
	if err == nil && int64(len(data)) > s.w.cfg.maxFile {
		err = fmt.Errorf("assembled submission larger than %d bytes (load.max_file_bytes)", s.w.cfg.maxFile)
	}
	if err != nil {
		return Input{Name: name, err: fmt.Errorf("read %s: datamule bundle: %w; its documents are loaded one by one", name, err)}
	}
	return Input{Name: name, data: data}
}

// oneByOne is the bundle's documents as separate inputs.
func (b *bundle) oneByOne() []Input {
	out := make([]Input, len(b.docs))
	for i, d := range b.docs {
		out[i] = Input{Name: b.members[i], data: d.Data}
	}
	return out
}
