package pgtest

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestClusterLifecycle: a cluster answers, survives a restart, and a frozen
// one does not answer until thawed.
func TestClusterLifecycle(t *testing.T) {
	c := Start(t)
	ping := func(d time.Duration) error {
		ctx, cancel := context.WithTimeout(context.Background(), d)
		defer cancel()
		conn, err := pgx.Connect(ctx, c.URL(""))
		if err != nil {
			return err
		}
		defer conn.Close(context.Background())
		return conn.Ping(ctx)
	}
	if err := ping(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	c.Restart()
	if err := ping(10 * time.Second); err != nil {
		t.Fatalf("after restart: %v", err)
	}
	c.Freeze()
	if err := ping(time.Second); err == nil {
		t.Error("a frozen server answered")
	}
	c.Thaw()
	if err := ping(10 * time.Second); err != nil {
		t.Fatalf("after thaw: %v", err)
	}
}
