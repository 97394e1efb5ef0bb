package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func TestConfigPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "edgarload.yaml")
	if err := os.WriteFile(file, []byte("database:\n  url: postgres://file@h/db\nload:\n  workers: 3\n  batch_size: 7\nlog:\n  level: warn\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"EDGARLOAD_LOAD_WORKERS": "5", "EDGARLOAD_LOG_FORMAT": "json"}
	getenv := func(k string) string { return env[k] }
	flags := pflag.NewFlagSet("t", pflag.ContinueOnError)
	flags.Int("workers", 1, "")
	flags.Int("batch-size", 1, "")
	flags.String("database-url", "", "")
	if err := flags.Parse([]string{"--batch-size=9"}); err != nil {
		t.Fatal(err)
	}

	c, err := loadConfig(file, flags, getenv)
	if err != nil {
		t.Fatal(err)
	}
	if c.Database.URL != "postgres://file@h/db" {
		t.Errorf("database.url = %q, want the file's value", c.Database.URL)
	}
	if c.Load.Workers != 5 {
		t.Errorf("load.workers = %d, want 5 (environment beats file)", c.Load.Workers)
	}
	if c.Load.BatchSize != 9 {
		t.Errorf("load.batch_size = %d, want 9 (flag beats file)", c.Load.BatchSize)
	}
	if c.Log.Level != "warn" || c.Log.Format != "json" {
		t.Errorf("log = %q/%q, want warn/json", c.Log.Level, c.Log.Format)
	}
	if !c.Load.Migrate || !c.Database.Create {
		t.Errorf("defaults lost: migrate=%v create=%v", c.Load.Migrate, c.Database.Create)
	}
}

func TestConfigRejectsBadValues(t *testing.T) {
	for name, env := range map[string]map[string]string{
		"workers":      {"EDGARLOAD_LOAD_WORKERS": "0"},
		"log format":   {"EDGARLOAD_LOG_FORMAT": "xml"},
		"log level":    {"EDGARLOAD_LOG_LEVEL": "loud"},
		"not a number": {"EDGARLOAD_LOAD_BATCH_SIZE": "many"},
	} {
		if _, err := loadConfig("", nil, func(k string) string { return env[k] }); err == nil {
			t.Errorf("%s: no error for %v", name, env)
		}
	}
}

func TestConfigMissingFileIsAnError(t *testing.T) {
	if _, err := loadConfig(filepath.Join(t.TempDir(), "nope.yaml"), nil, func(string) string { return "" }); err == nil {
		t.Error("no error for a missing --config file")
	}
}

// TestConfigDeadlines: the database deadlines have defaults, read
// durations from the environment, and reach the load options;
// --retry-rejects sets load.retry_rejects.
func TestConfigDeadlines(t *testing.T) {
	c, err := loadConfig("", nil, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if c.Database.ConnectTimeout != 10*time.Second || c.Database.StatementTimeout != 5*time.Minute ||
		c.Database.LockTimeout != 2*time.Minute || c.Database.IdleInTransactionTimeout != 5*time.Minute || c.Load.RetryRejects {
		t.Errorf("defaults: %+v, retry_rejects %v", c.Database, c.Load.RetryRejects)
	}
	env := map[string]string{"EDGARLOAD_DATABASE_STATEMENT_TIMEOUT": "30s", "EDGARLOAD_DATABASE_LOCK_TIMEOUT": "0"}
	flags := pflag.NewFlagSet("t", pflag.ContinueOnError)
	flags.Bool("retry-rejects", false, "")
	if err := flags.Parse([]string{"--retry-rejects"}); err != nil {
		t.Fatal(err)
	}
	c, err = loadConfig("", flags, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	o := c.loadOptions()
	if o.StatementTimeout != 30*time.Second || o.LockTimeout != 0 || o.ConnectTimeout != 10*time.Second || !o.RetryRejects {
		t.Errorf("options: %+v", o)
	}
	if _, err := loadConfig("", nil, func(k string) string {
		return map[string]string{"EDGARLOAD_DATABASE_CONNECT_TIMEOUT": "-1s"}[k]
	}); err == nil {
		t.Error("a negative timeout was accepted")
	}
}

// TestConfigUnknownKeys: a typo in the config file or in an EDGARLOAD_*
// variable is an error naming it and the nearest valid key.
func TestConfigUnknownKeys(t *testing.T) {
	for body, want := range map[string]string{
		"load:\n  worker: 1\n":                 `unknown key "load.worker" (did you mean "load.workers"?)`,
		"log:\n  formatt: json\n":              `unknown key "log.formatt" (did you mean "log.format"?)`,
		"databse:\n  url: postgres://h/db\n":   `unknown key "databse.url" (did you mean "database.url"?)`,
		"load:\n  workers: 2\nzzzzzzzzzz: 1\n": `unknown key "zzzzzzzzzz"`,
	} {
		file := filepath.Join(t.TempDir(), "edgarload.yaml")
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loadConfig(file, nil, func(string) string { return "" })
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), file) {
			t.Errorf("%q: error %v, want it to name the file and say %s", body, err, want)
		}
	}

	env := map[string]string{"EDGARLOAD_WORKERS": "1", "EDGARLOAD_TEST_DATABASE_URL": "x", "EDGARLOAD_PG_BASE_URL": "y"}
	restore := environ
	environ = func() []string {
		return []string{"EDGARLOAD_WORKERS=1", "EDGARLOAD_TEST_DATABASE_URL=x", "EDGARLOAD_PG_BASE_URL=y", "HOME=/"}
	}
	t.Cleanup(func() { environ = restore })
	_, err := loadConfig("", nil, func(k string) string { return env[k] })
	if err == nil || !strings.Contains(err.Error(), `EDGARLOAD_WORKERS (did you mean "EDGARLOAD_LOAD_WORKERS"?)`) {
		t.Errorf("misspelled variable: %v", err)
	}
	delete(env, "EDGARLOAD_WORKERS")
	if _, err := loadConfig("", nil, func(k string) string { return env[k] }); err != nil {
		t.Errorf("reserved variables refused: %v", err)
	}
}
