package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/edgarload/edgarload/etl/shard"
)

// indexedJob is the part of a batch/v1 Job that deploy/k8s relies on.
type indexedJob struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Spec       struct {
		CompletionMode string `yaml:"completionMode"`
		Completions    int    `yaml:"completions"`
		Parallelism    int    `yaml:"parallelism"`
		Template       struct {
			Spec struct {
				RestartPolicy string `yaml:"restartPolicy"`
				Containers    []struct {
					Args []string `yaml:"args"`
					Env  []struct {
						Name      string `yaml:"name"`
						ValueFrom struct {
							FieldRef *struct {
								FieldPath string `yaml:"fieldPath"`
							} `yaml:"fieldRef"`
							SecretKeyRef *struct{ Name, Key string } `yaml:"secretKeyRef"`
						} `yaml:"valueFrom"`
					} `yaml:"env"`
					VolumeMounts []struct {
						Name      string `yaml:"name"`
						MountPath string `yaml:"mountPath"`
						ReadOnly  bool   `yaml:"readOnly"`
					} `yaml:"volumeMounts"`
				} `yaml:"containers"`
				Volumes []map[string]any `yaml:"volumes"`
			} `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
}

// TestIndexedJobManifest decodes deploy/k8s/edgarload-indexed-job.yaml
// and checks that it is an Indexed Job whose N pods run `edgarload load
// --shard $(JOB_COMPLETION_INDEX)/N` with N = completions, the database
// URL from a Secret and the inputs from a read-only volume — and that,
// for every index, those arguments are a valid edgarload command line.
func TestIndexedJobManifest(t *testing.T) {
	path := filepath.Join("..", "..", "deploy", "k8s", "edgarload-indexed-job.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var job indexedJob
	if err := yaml.Unmarshal(data, &job); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	s := job.Spec
	if job.APIVersion != "batch/v1" || job.Kind != "Job" || s.CompletionMode != "Indexed" {
		t.Errorf("%s %s, completionMode %q: want a batch/v1 Indexed Job", job.APIVersion, job.Kind, s.CompletionMode)
	}
	n := s.Completions
	if n < 2 || s.Parallelism != n {
		t.Errorf("completions %d, parallelism %d: want N >= 2 shards, all at once", n, s.Parallelism)
	}
	if s.Template.Spec.RestartPolicy != "Never" || len(s.Template.Spec.Containers) != 1 {
		t.Fatalf("restartPolicy %q, %d containers", s.Template.Spec.RestartPolicy, len(s.Template.Spec.Containers))
	}
	c := s.Template.Spec.Containers[0]
	i := slices.Index(c.Args, "--shard")
	if len(c.Args) < 2 || c.Args[0] != "load" || i < 0 || i+1 >= len(c.Args) {
		t.Fatalf("args %q: want load --shard ...", c.Args)
	}
	if want := "$(JOB_COMPLETION_INDEX)/" + strconv.Itoa(n); c.Args[i+1] != want {
		t.Errorf("--shard %s, want %s (N = completions)", c.Args[i+1], want)
	}
	var index, url bool
	for _, e := range c.Env {
		switch {
		case e.Name == "JOB_COMPLETION_INDEX" && e.ValueFrom.FieldRef != nil:
			index = e.ValueFrom.FieldRef.FieldPath == "metadata.annotations['batch.kubernetes.io/job-completion-index']"
		case e.Name == "EDGARLOAD_DATABASE_URL":
			url = e.ValueFrom.SecretKeyRef != nil && e.ValueFrom.SecretKeyRef.Name != "" && e.ValueFrom.SecretKeyRef.Key != ""
		}
	}
	if !index || !url {
		t.Errorf("env: completion index from the annotation %v, database URL from a Secret %v", index, url)
	}
	input := c.Args[len(c.Args)-1]
	mounted := false
	for _, m := range c.VolumeMounts {
		if m.MountPath == input && m.ReadOnly {
			mounted = true
		}
	}
	if !mounted {
		t.Errorf("the input path %s is not a read-only volume mount", input)
	}
	for k := range n {
		args := slices.Clone(c.Args)
		args[i+1] = strings.ReplaceAll(args[i+1], "$(JOB_COMPLETION_INDEX)", strconv.Itoa(k))
		if spec, err := shard.Parse(args[i+1]); err != nil || spec.K != k || spec.N != n {
			t.Errorf("index %d: --shard %s: %v", k, args[i+1], err)
		}
		// --help: cobra parses every flag first (an unknown one exits 2)
		// and prints the help instead of running.
		if code, _, errOut := runCLI(t, nil, append(args, "--help")...); code != 0 {
			t.Errorf("index %d: %q is not a valid command line: exit %d: %s", k, args, code, errOut)
		}
	}
}
