package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/viper"
)

// environ lists the process environment as NAME=value; tests replace it.
var environ = os.Environ

// reservedEnv are EDGARLOAD_* variables that are not configuration keys:
// the Makefile's server URL and, by prefix, the test suite's and the
// benchmarks' (reservedEnvPrefixes).
var reservedEnv = map[string]bool{"EDGARLOAD_PG_BASE_URL": true}

var reservedEnvPrefixes = []string{"EDGARLOAD_TEST_", "EDGARLOAD_BENCH_"}

// reserved reports whether an EDGARLOAD_* variable is not configuration.
func reserved(name string) bool {
	if reservedEnv[name] {
		return true
	}
	for _, p := range reservedEnvPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// readConfigFile reads path into v after checking that every key it sets
// is a configuration key: a typo is an error naming the key and the
// nearest valid one, never silently ignored.
func readConfigFile(v *viper.Viper, path string) error {
	file := viper.New()
	file.SetConfigFile(path)
	if err := file.ReadInConfig(); err != nil {
		return fmt.Errorf("read config file %s: %w", path, err)
	}
	var unknown []string
	for _, k := range file.AllKeys() {
		if _, ok := defaults[k]; !ok {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		msgs := make([]string, len(unknown))
		for i, k := range unknown {
			msgs[i] = fmt.Sprintf("unknown key %q%s", k, didYouMean(k, configKeys()))
		}
		return fmt.Errorf("config file %s: %s", path, strings.Join(msgs, "; "))
	}
	v.SetConfigFile(path)
	if err := v.ReadInConfig(); err != nil {
		return fmt.Errorf("read config file %s: %w", path, err)
	}
	return nil
}

// checkEnvironment fails on an EDGARLOAD_* variable that names no
// configuration key (a misspelled EDGARLOAD_WORKERS would otherwise be
// ignored). Only variables getenv confirms count, so a caller passing its
// own environment decides what is set.
func checkEnvironment(env []string, getenv func(string) string) error {
	valid := map[string]bool{}
	var names []string
	for _, k := range configKeys() {
		valid[envName(k)] = true
		names = append(names, envName(k))
	}
	var msgs []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "EDGARLOAD_") || valid[name] || reserved(name) || getenv(name) == "" {
			continue
		}
		msgs = append(msgs, fmt.Sprintf("unknown environment variable %s%s", name, didYouMean(name, names)))
	}
	if len(msgs) > 0 {
		sort.Strings(msgs)
		return fmt.Errorf("%s (configuration keys are listed in the README)", strings.Join(msgs, "; "))
	}
	return nil
}

// configKeys are the configuration keys, sorted.
func configKeys() []string {
	keys := make([]string, 0, len(defaults))
	for k := range defaults {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// didYouMean suggests the candidate nearest to s by edit distance, or
// says nothing when none is close.
func didYouMean(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := editDistance(strings.ToLower(s), strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > len(s)/2+1 {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance of a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
