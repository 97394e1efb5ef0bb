// Package pgtest starts throwaway PostgreSQL clusters for tests that stop,
// restart or freeze their server — never the machine's main cluster. A
// cluster lives in a temporary directory owned by the postgres user, listens
// on a random free port of 127.0.0.1 with trust authentication, and is
// removed when the test ends.
package pgtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// BinDir holds initdb and pg_ctl.
const BinDir = "/usr/lib/postgresql/15/bin"

// Cluster is a running throwaway PostgreSQL server.
type Cluster struct {
	t    testing.TB
	dir  string // data directory
	port int
	uid  int
}

// Start initializes and starts a cluster. It skips the test when the
// PostgreSQL binaries are missing, unless CI is set (then it fails).
func Start(t testing.TB) *Cluster {
	t.Helper()
	if _, err := os.Stat(filepath.Join(BinDir, "initdb")); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("no %s/initdb: throwaway clusters unavailable", BinDir)
		}
		t.Fatalf("no %s/initdb (required in CI)", BinDir)
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		t.Fatalf("pgtest: user postgres: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	root, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		t.Fatal(err)
	}
	c := &Cluster{t: t, dir: filepath.Join(root, "data"), port: freePort(t), uid: uid}
	if err := os.Chown(root, uid, gid); err != nil {
		t.Fatalf("pgtest: chown: %v", err)
	}
	t.Cleanup(func() {
		c.Thaw()
		_ = c.pgCtl("stop", "-m", "immediate")
		_ = os.RemoveAll(root)
	})
	if out, err := c.asPostgres(filepath.Join(BinDir, "initdb"), "-D", c.dir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8").CombinedOutput(); err != nil {
		t.Fatalf("pgtest: initdb: %v\n%s", err, out)
	}
	c.Start()
	return c
}

// URL is the connection URL of database db ("postgres" when empty).
func (c *Cluster) URL(db string) string {
	if db == "" {
		db = "postgres"
	}
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, db)
}

// Start starts the (stopped) server and waits until it accepts connections.
func (c *Cluster) Start() {
	c.t.Helper()
	if err := c.pgCtl("start", "-w", "-t", "60", "-l", filepath.Join(filepath.Dir(c.dir), "server.log"),
		"-o", fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off", c.port, filepath.Dir(c.dir))); err != nil {
		c.t.Fatalf("pgtest: start: %v\n%s", err, c.Log())
	}
}

// Stop stops the server (fast shutdown: sessions are terminated).
func (c *Cluster) Stop() {
	c.t.Helper()
	if err := c.pgCtl("stop", "-w", "-m", "fast"); err != nil {
		c.t.Fatalf("pgtest: stop: %v", err)
	}
}

// Restart restarts the server (fast shutdown) and waits until it is up.
func (c *Cluster) Restart() {
	c.t.Helper()
	if err := c.pgCtl("restart", "-w", "-t", "60", "-m", "fast", "-l", filepath.Join(filepath.Dir(c.dir), "server.log")); err != nil {
		c.t.Fatalf("pgtest: restart: %v\n%s", err, c.Log())
	}
}

// Freeze stops (SIGSTOP) the postmaster and every process of the cluster:
// connections stay open but nothing answers.
func (c *Cluster) Freeze() { c.signalAll(syscall.SIGSTOP) }

// Thaw resumes a frozen cluster (SIGCONT).
func (c *Cluster) Thaw() { c.signalAll(syscall.SIGCONT) }

// Log is the server log so far.
func (c *Cluster) Log() string {
	b, _ := os.ReadFile(filepath.Join(filepath.Dir(c.dir), "server.log"))
	return string(b)
}

func (c *Cluster) signalAll(sig syscall.Signal) {
	for _, pid := range c.pids() {
		_ = syscall.Kill(pid, sig)
	}
}

// pids lists the postmaster and its children.
func (c *Cluster) pids() []int {
	b, err := os.ReadFile(filepath.Join(c.dir, "postmaster.pid"))
	if err != nil {
		return nil
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pm, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		return nil
	}
	pids := []int{pm}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so split after ")".
		s := string(stat)
		if i := strings.LastIndexByte(s, ')'); i >= 0 {
			f := strings.Fields(s[i+1:])
			if len(f) > 1 && f[1] == strconv.Itoa(pm) {
				pids = append(pids, pid)
			}
		}
	}
	return pids
}

func (c *Cluster) pgCtl(args ...string) error {
	args = append([]string{"-D", c.dir}, args...)
	out, err := c.asPostgres(filepath.Join(BinDir, "pg_ctl"), args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// asPostgres runs a command as the postgres user (tests run as root).
func (c *Cluster) asPostgres(name string, args ...string) *exec.Cmd {
	if os.Getuid() == c.uid {
		return exec.Command(name, args...)
	}
	return exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
