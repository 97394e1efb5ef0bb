// Package unpack recognizes compressed and archived streams by their magic
// bytes (gzip, zstd, zip, tar) and opens the compressed ones as streams,
// guarded against decompression bombs: a Guard fails a stream that expands
// past a ratio of the compressed bytes read, or past an absolute total
// shared by every stream of one archive.
package unpack

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/zstd"
)

// Kind is the format of a stream, told by its first bytes.
type Kind int

// The kinds Sniff tells apart.
const (
	Plain Kind = iota // none of the others: a file to parse as is
	Gzip              // 1f 8b
	Zstd              // 28 b5 2f fd
	Zip               // PK 03 04 (or PK 05 06, an empty zip)
	Tar               // "ustar" at offset 257 (POSIX, GNU and pax tars)
)

// String names the kind as in error messages.
func (k Kind) String() string {
	return [...]string{"plain", "gzip", "zstd", "zip", "tar"}[k]
}

// SniffLen is how many leading bytes Sniff needs to tell every kind.
const SniffLen = 512

// Sniff tells the kind of a stream from its first bytes (up to SniffLen).
func Sniff(head []byte) Kind {
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return Gzip
	case bytes.HasPrefix(head, []byte{0x28, 0xb5, 0x2f, 0xfd}):
		return Zstd
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return Zip
	case len(head) >= 262 && bytes.Equal(head[257:262], []byte("ustar")):
		return Tar
	}
	return Plain
}

// maxZstdWindow bounds the memory a zstd frame may ask for (its window);
// frames written by zstd up to level 19 use at most 8 MiB.
const maxZstdWindow = 32 << 20

// Decompress opens the gzip (multi-member) or zstd stream r.
func Decompress(k Kind, r io.Reader) (io.ReadCloser, error) {
	switch k {
	case Gzip:
		return gzip.NewReader(r)
	case Zstd:
		d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true),
			zstd.WithDecoderMaxWindow(maxZstdWindow))
		if err != nil {
			return nil, err
		}
		return zstdCloser{d}, nil
	}
	return nil, fmt.Errorf("unpack: %s is not a compressed stream", k)
}

type zstdCloser struct{ *zstd.Decoder }

func (z zstdCloser) Close() error { z.Decoder.Close(); return nil }

// Counter counts the bytes read through it.
type Counter struct {
	R io.Reader
	N int64
}

// Read reads from R and counts.
func (c *Counter) Read(p []byte) (int, error) {
	n, err := c.R.Read(p)
	c.N += int64(n)
	return n, err
}

// Total is an absolute cap on the bytes decompressed out of one archive,
// shared by the Guards of its streams.
type Total struct {
	Max int64 // <= 0: no cap
	N   int64
}

// Exceeded reports whether the cap was passed.
func (t *Total) Exceeded() bool { return t != nil && t.Max > 0 && t.N > t.Max }

// ErrBomb is wrapped by the errors of a Guard.
var ErrBomb = errors.New("decompression limit")

// Slack is the output a Guard always allows beyond Ratio × input, so that
// small, very compressible streams pass.
const Slack = 1 << 20

// Guard reads a decompressed stream and fails it, with an error wrapping
// ErrBomb, once it has produced more than Ratio × In.N + Slack bytes (In
// counts the compressed bytes consumed; nil or Ratio <= 0: no ratio check)
// or once Total is exceeded.
type Guard struct {
	R     io.Reader
	In    *Counter
	Ratio float64
	Total *Total
	N     int64
}

// Read reads from R and checks the limits.
func (g *Guard) Read(p []byte) (int, error) {
	n, err := g.R.Read(p)
	g.N += int64(n)
	if g.Total != nil {
		g.Total.N += int64(n)
	}
	if g.In != nil && g.Ratio > 0 && float64(g.N) > g.Ratio*float64(g.In.N)+Slack {
		return n, fmt.Errorf("%w: expands more than %g times its %d compressed bytes", ErrBomb, g.Ratio, g.In.N)
	}
	if g.Total.Exceeded() {
		return n, fmt.Errorf("%w: archive expands past %d bytes", ErrBomb, g.Total.Max)
	}
	return n, err
}

// Decoders reuses one gzip and one zstd decoder for many small streams
// (the members of an archive), one stream at a time.
type Decoders struct {
	gz *gzip.Reader
	zd *zstd.Decoder
}

// Open returns a reader of the decompressed stream r of kind k (Gzip or
// Zstd), valid until the next Open.
func (d *Decoders) Open(k Kind, r io.Reader) (io.Reader, error) {
	switch k {
	case Gzip:
		if d.gz == nil {
			gz, err := gzip.NewReader(r)
			if err != nil {
				return nil, err
			}
			d.gz = gz
			return gz, nil
		}
		if err := d.gz.Reset(r); err != nil {
			return nil, err
		}
		return d.gz, nil
	case Zstd:
		if d.zd == nil {
			zd, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true),
				zstd.WithDecoderMaxWindow(maxZstdWindow))
			if err != nil {
				return nil, err
			}
			d.zd = zd
		}
		if err := d.zd.Reset(r); err != nil {
			return nil, err
		}
		return d.zd, nil
	}
	return nil, fmt.Errorf("unpack: %s is not a compressed stream", k)
}

// Close releases the decoders.
func (d *Decoders) Close() {
	if d.zd != nil {
		d.zd.Close()
		d.zd = nil
	}
	d.gz = nil
}
