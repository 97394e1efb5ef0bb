package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// composeFile is the part of docker-compose.yml the test reads.
type composeFile struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		Profiles    []string          `yaml:"profiles"`
		Environment map[string]string `yaml:"environment"`
		Ports       []string          `yaml:"ports"`
		Volumes     []string          `yaml:"volumes"`
	} `yaml:"services"`
}

// secretKey names environment variables that hold a secret.
var secretKey = regexp.MustCompile(`(?i)(PASSWORD|PASS|SECRET|TOKEN)$`)

// interpolation is a compose ${VAR:-default} (or ${VAR}) reference.
var interpolation = regexp.MustCompile(`^\$\{([A-Z0-9_]+)(?::-([^}]*))?\}$`)

// TestComposeFile parses docker-compose.yml (Docker is not on the CI
// machine): the services and the bi profile are there, host ports are
// configurable and not 5432, the loader and Metabase do not use the
// superuser, and every secret is an overridable ${VAR:-default} whose
// development default the README documents.
func TestComposeFile(t *testing.T) {
	root := filepath.Join("..", "..")
	raw, err := os.ReadFile(filepath.Join(root, "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	profiles := map[string]string{"db": "", "edgarload": "", "metabase": "bi", "metabase-setup": "bi"}
	for name, want := range profiles {
		s, ok := c.Services[name]
		if !ok {
			t.Errorf("service %s missing", name)
			continue
		}
		if got := strings.Join(s.Profiles, ","); got != want {
			t.Errorf("service %s: profiles %q, want %q", name, got, want)
		}
	}
	checkPort(t, "db", c.Services["db"].Ports, "EDGARLOAD_DB_PORT")
	checkPort(t, "metabase", c.Services["metabase"].Ports, "METABASE_PORT")

	defaults := map[string]string{}
	for name, s := range c.Services {
		for k, v := range s.Environment {
			if secretKey.MatchString(k) {
				m := interpolation.FindStringSubmatch(v)
				if m == nil {
					t.Errorf("service %s: %s is hard-coded (%q): use ${VAR:-documented default}", name, k, v)
					continue
				}
				defaults[m[1]] = m[2]
			}
			for _, u := range regexp.MustCompile(`://([^:@/]+):([^@]+)@`).FindAllStringSubmatch(v, -1) {
				if u[1] == "postgres" {
					t.Errorf("service %s: %s connects as the superuser", name, k)
				}
				m := interpolation.FindStringSubmatch(u[2])
				if m == nil {
					t.Errorf("service %s: %s has a hard-coded password", name, k)
					continue
				}
				defaults[m[1]] = m[2]
			}
		}
	}
	if len(defaults) < 3 {
		t.Errorf("found only %d secrets (%v): the parse lost some", len(defaults), defaults)
	}
	for v, d := range defaults {
		if !documented(string(readme), v, d) {
			t.Errorf("README does not document the development default of %s (%q) on one line", v, d)
		}
	}
	if u := c.Services["edgarload"].Environment["EDGARLOAD_DATABASE_URL"]; !strings.HasPrefix(u, "postgres://edgar_loader:") {
		t.Errorf("edgarload connects as %q, want the edgar_loader login", u)
	}
	initdb, err := os.ReadFile(filepath.Join(root, "docker", "initdb", "10-edgarload-roles.sh"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"CREATE ROLE edgar_loader LOGIN NOSUPERUSER", "CREATE ROLE edgar_bi LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE IN ROLE edgar_reader", "OWNER TO edgar_loader"} {
		if !strings.Contains(string(initdb), s) {
			t.Errorf("docker/initdb lacks %q", s)
		}
	}
	setup, err := os.ReadFile(filepath.Join(root, "docker", "metabase-setup.sh"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(setup), `"user": "edgar_bi"`) {
		t.Error("Metabase is not connected through the read-only login edgar_bi")
	}
}

// checkPort requires one 127.0.0.1 binding whose host port is ${envVar:-N}
// with N other than 5432.
func checkPort(t *testing.T, service string, ports []string, envVar string) {
	t.Helper()
	re := regexp.MustCompile(`^127\.0\.0\.1:\$\{` + envVar + `:-([0-9]+)\}:[0-9]+$`)
	if len(ports) != 1 {
		t.Errorf("service %s: ports %v, want one", service, ports)
		return
	}
	m := re.FindStringSubmatch(ports[0])
	if m == nil {
		t.Errorf("service %s: port %q, want 127.0.0.1:${%s:-N}:...", service, ports[0], envVar)
		return
	}
	if m[1] == "5432" {
		t.Errorf("service %s: default host port 5432 clashes with a local PostgreSQL", service)
	}
}

// documented reports whether one README line names both the variable and
// its default.
func documented(readme, variable, def string) bool {
	for _, line := range strings.Split(readme, "\n") {
		if strings.Contains(line, "`"+variable+"`") && strings.Contains(line, "`"+def+"`") {
			return true
		}
	}
	return false
}
