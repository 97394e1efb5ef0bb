package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/edgarload/edgarload/etl"
	"github.com/edgarload/edgarload/etl/shard"
)

// Config is edgarload's configuration after flags, environment, config file
// and defaults have been merged (in that order of precedence).
type Config struct {
	Database struct {
		URL    string `mapstructure:"url"`
		Create bool   `mapstructure:"create"`
		// Deadlines: connecting, and the session parameters
		// statement_timeout, lock_timeout and
		// idle_in_transaction_session_timeout of every connection.
		ConnectTimeout           time.Duration `mapstructure:"connect_timeout"`
		StatementTimeout         time.Duration `mapstructure:"statement_timeout"`
		LockTimeout              time.Duration `mapstructure:"lock_timeout"`
		IdleInTransactionTimeout time.Duration `mapstructure:"idle_in_transaction_timeout"`
	} `mapstructure:"database"`
	Load struct {
		Workers   int  `mapstructure:"workers"`
		BatchSize int  `mapstructure:"batch_size"`
		Migrate   bool `mapstructure:"migrate"`
		// RetryRejects parses again inputs rejected before with the
		// same bytes by the same parser version.
		RetryRejects bool `mapstructure:"retry_rejects"`
		// MaxRejects fails a run with more rejects than this (exit 3); -1: no limit.
		MaxRejects int `mapstructure:"max_rejects"`
		// Rehash hashes every input, even a file recorded with the same
		// path, size and modification time.
		Rehash bool `mapstructure:"rehash"`
		// BatchBytes writes a batch early once its filings' source
		// bytes reach it (0: 64 MiB).
		BatchBytes int64 `mapstructure:"batch_bytes"`
		// Input limits (etl.Options of the same names).
		MaxFileBytes      int64   `mapstructure:"max_file_bytes"`
		MaxArchiveBytes   int64   `mapstructure:"max_archive_bytes"`
		MaxExpansionRatio float64 `mapstructure:"max_expansion_ratio"`
		MaxInflightBytes  int64   `mapstructure:"max_inflight_bytes"`
		// Shard is "K/N": load (or fetch) only shard K of N (0-based);
		// "" loads everything. ShardSpec is it parsed.
		Shard     string     `mapstructure:"shard"`
		ShardSpec shard.Spec `mapstructure:"-"`
		// StoreText keeps the plain text of every document in
		// edgar.documents.text (false: a lean load).
		StoreText bool `mapstructure:"store_text"`
	} `mapstructure:"load"`
	Edgar struct {
		UserAgent string  `mapstructure:"user_agent"`
		BaseURL   string  `mapstructure:"base_url"`
		DataURL   string  `mapstructure:"data_url"`
		RateLimit float64 `mapstructure:"rate_limit"`
		CacheDir  string  `mapstructure:"cache_dir"`
	} `mapstructure:"edgar"`
	Log struct {
		Level  string `mapstructure:"level"`
		Format string `mapstructure:"format"`
	} `mapstructure:"log"`
}

// defaults lists every configuration key with its default; each key is
// also readable from EDGARLOAD_<KEY> (dots become underscores).
var defaults = map[string]any{
	"database.url":                         "",
	"database.create":                      true,
	"database.connect_timeout":             "10s",
	"database.statement_timeout":           "5m",
	"database.lock_timeout":                "2m",
	"database.idle_in_transaction_timeout": "5m",
	"load.retry_rejects":                   false,
	"load.max_rejects":                     -1,
	"load.rehash":                          false,
	"load.batch_bytes":                     int64(0),
	"load.workers":                         runtime.NumCPU(),
	"load.batch_size":                      200,
	"load.migrate":                         true,
	// 0 means the etl default (1 GiB, 256 GiB, 200, 32 MiB).
	"load.max_file_bytes":      int64(0),
	"load.max_archive_bytes":   int64(0),
	"load.max_expansion_ratio": 0.0,
	"load.max_inflight_bytes":  int64(0),
	"load.shard":               "",
	"load.store_text":          true,
	"edgar.user_agent":         "",
	"edgar.base_url":           "https://www.sec.gov",
	"edgar.data_url":           "https://data.sec.gov",
	"edgar.rate_limit":         10.0,
	"edgar.cache_dir":          "",
	"log.level":                "info",
	"log.format":               "text",
}

// flagKeys binds command-line flags to configuration keys.
var flagKeys = map[string]string{
	"database-url":        "database.url",
	"create-db":           "database.create",
	"workers":             "load.workers",
	"batch-size":          "load.batch_size",
	"migrate":             "load.migrate",
	"retry-rejects":       "load.retry_rejects",
	"max-rejects":         "load.max_rejects",
	"rehash":              "load.rehash",
	"batch-bytes":         "load.batch_bytes",
	"max-file-bytes":      "load.max_file_bytes",
	"max-archive-bytes":   "load.max_archive_bytes",
	"max-expansion-ratio": "load.max_expansion_ratio",
	"max-inflight-bytes":  "load.max_inflight_bytes",
	"shard":               "load.shard",
	"store-text":          "load.store_text",
	"user-agent":          "edgar.user_agent",
	"rate-limit":          "edgar.rate_limit",
	"cache-dir":           "edgar.cache_dir",
	"log-level":           "log.level",
	"log-format":          "log.format",
}

// loadConfig merges defaults, the config file (explicit path, or
// edgarload.yaml in the working directory when present), EDGARLOAD_*
// environment variables and the flags that were set.
func loadConfig(configPath string, flags *pflag.FlagSet, getenv func(string) string) (Config, error) {
	v := viper.New()
	for k, d := range defaults {
		v.SetDefault(k, d)
	}
	if configPath == "" {
		if _, err := os.Stat("edgarload.yaml"); err == nil {
			configPath = "edgarload.yaml"
		}
	}
	if configPath != "" {
		if err := readConfigFile(v, configPath); err != nil {
			return Config{}, err
		}
	}
	if err := checkEnvironment(environ(), getenv); err != nil {
		return Config{}, err
	}
	// Environment beats the file, flags beat the environment: v.Set
	// overrides whatever the file gave, and flags are applied last.
	for k := range defaults {
		if val := getenv(envName(k)); val != "" {
			v.Set(k, val)
		}
	}
	if flags != nil {
		for name, key := range flagKeys {
			if f := flags.Lookup(name); f != nil && f.Changed {
				v.Set(key, f.Value.String())
			}
		}
	}
	var c Config
	if err := v.Unmarshal(&c); err != nil {
		return Config{}, fmt.Errorf("decode configuration: %w", err)
	}
	if c.Load.Workers < 1 {
		return Config{}, fmt.Errorf("load.workers must be at least 1, got %d", c.Load.Workers)
	}
	if c.Load.MaxRejects < -1 {
		return Config{}, fmt.Errorf("load.max_rejects must be -1 (no limit) or at least 0, got %d", c.Load.MaxRejects)
	}
	if c.Load.BatchSize < 1 {
		return Config{}, fmt.Errorf("load.batch_size must be at least 1, got %d", c.Load.BatchSize)
	}
	for k, d := range map[string]time.Duration{
		"database.connect_timeout": c.Database.ConnectTimeout, "database.statement_timeout": c.Database.StatementTimeout,
		"database.lock_timeout": c.Database.LockTimeout, "database.idle_in_transaction_timeout": c.Database.IdleInTransactionTimeout,
	} {
		if d < 0 {
			return Config{}, fmt.Errorf("%s must not be negative (0 disables it), got %s", k, d)
		}
	}
	if c.Load.MaxFileBytes < 0 || c.Load.MaxInflightBytes < 0 || c.Load.BatchBytes < 0 {
		return Config{}, fmt.Errorf("load.max_file_bytes, load.max_inflight_bytes and load.batch_bytes must not be negative")
	}
	if c.Load.MaxArchiveBytes < -1 || c.Load.MaxExpansionRatio < -1 {
		return Config{}, fmt.Errorf("load.max_archive_bytes and load.max_expansion_ratio must be -1 (no limit), 0 (the default) or positive")
	}
	spec, err := shard.Parse(c.Load.Shard)
	if err != nil {
		return Config{}, usageError{fmt.Errorf("load.shard (--shard): %w", err)}
	}
	c.Load.ShardSpec = spec
	if c.Edgar.RateLimit <= 0 || c.Edgar.RateLimit > 10 {
		return Config{}, fmt.Errorf("edgar.rate_limit must be above 0 and at most 10 requests per second (SEC fair access), got %g", c.Edgar.RateLimit)
	}
	if _, err := parseLevel(c.Log.Level); err != nil {
		return Config{}, err
	}
	if c.Log.Format != "text" && c.Log.Format != "json" {
		return Config{}, fmt.Errorf("log.format must be text or json, got %q", c.Log.Format)
	}
	return c, nil
}

// loadOptions are the etl.Options of the configuration.
func (c Config) loadOptions() etl.Options {
	o := c.baseLoadOptions()
	if c.Load.MaxRejects >= 0 {
		o.LimitRejects, o.MaxRejects = true, c.Load.MaxRejects
	}
	return o
}

func (c Config) baseLoadOptions() etl.Options {
	return etl.Options{
		Workers:                  c.Load.Workers,
		BatchSize:                c.Load.BatchSize,
		Migrate:                  c.Load.Migrate,
		RetryRejects:             c.Load.RetryRejects,
		Rehash:                   c.Load.Rehash,
		MaxBatchBytes:            c.Load.BatchBytes,
		MaxFileBytes:             c.Load.MaxFileBytes,
		MaxArchiveBytes:          c.Load.MaxArchiveBytes,
		MaxExpansionRatio:        c.Load.MaxExpansionRatio,
		MaxInflightBytes:         c.Load.MaxInflightBytes,
		Shard:                    c.Load.ShardSpec,
		CreateDatabase:           c.Database.Create,
		ConnectTimeout:           c.Database.ConnectTimeout,
		StatementTimeout:         c.Database.StatementTimeout,
		LockTimeout:              c.Database.LockTimeout,
		IdleInTransactionTimeout: c.Database.IdleInTransactionTimeout,
		SkipDocumentText:         !c.Load.StoreText,
	}
}

// connOptions are the connection settings of the configuration alone.
func (c Config) connOptions() etl.Options {
	o := c.loadOptions()
	return etl.Options{CreateDatabase: o.CreateDatabase, ConnectTimeout: o.ConnectTimeout, StatementTimeout: o.StatementTimeout,
		LockTimeout: o.LockTimeout, IdleInTransactionTimeout: o.IdleInTransactionTimeout}
}

// verifyOptions are connOptions without database creation (verify never creates one).
func (c Config) verifyOptions() etl.Options { o := c.connOptions(); o.CreateDatabase = false; return o }

// envName is the environment variable of a configuration key:
// load.batch_size → EDGARLOAD_LOAD_BATCH_SIZE.
func envName(key string) string {
	return "EDGARLOAD_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return 0, errors.New("log.level must be debug, info, warn or error, got " + fmt.Sprintf("%q", s))
	}
	return l, nil
}
