package main

import (
	"os"
	"path/filepath"
	"testing"

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
