package unpack

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"testing"
)

func TestSniff(t *testing.T) {
	tarHead := make([]byte, 512)
	copy(tarHead[257:], "ustar\x0000")
	for head, want := range map[string]Kind{
		"\x1f\x8b\x08\x00": Gzip, "\x28\xb5\x2f\xfd\x00": Zstd, "PK\x03\x04": Zip, "PK\x05\x06": Zip,
		string(tarHead): Tar, "<SEC-DOCUMENT>": Plain, "": Plain, "\x1f": Plain,
	} {
		if got := Sniff([]byte(head)); got != want {
			t.Errorf("Sniff(%q) = %s, want %s", head[:min(len(head), 8)], got, want)
		}
	}
}

func TestGuardStopsBomb(t *testing.T) {
	var b bytes.Buffer
	gz := gzip.NewWriter(&b)
	_, _ = gz.Write(make([]byte, 64<<20))
	_ = gz.Close()
	in := &Counter{R: bytes.NewReader(b.Bytes())}
	dr, err := Decompress(Gzip, in)
	if err != nil {
		t.Fatal(err)
	}
	g := &Guard{R: dr, In: in, Ratio: 10}
	n, err := io.Copy(io.Discard, g)
	if !errors.Is(err, ErrBomb) || n > 4<<20 {
		t.Errorf("read %d bytes, error %v; want ErrBomb within 4 MiB", n, err)
	}
	total := &Total{Max: 100}
	g = &Guard{R: bytes.NewReader(make([]byte, 1000)), Total: total}
	if _, err := io.Copy(io.Discard, g); !errors.Is(err, ErrBomb) || !total.Exceeded() {
		t.Errorf("total cap: %v", err)
	}
}
