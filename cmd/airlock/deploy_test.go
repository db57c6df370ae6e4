package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/airlockhq/airlock"
)

// TestKubernetesExample keeps deploy/kubernetes.yaml true: its policy loads,
// its container's arguments are flags `airlock mcp` has, with values it
// takes, and its probes ask for what the server serves.
func TestKubernetesExample(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	data, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "deploy", "kubernetes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var policy string
	var args []string
	var probe string
	for _, doc := range strings.Split(string(data), "\n---\n") {
		var d struct {
			Kind string            `yaml:"kind"`
			Data map[string]string `yaml:"data"`
			Spec struct {
				Template struct {
					Spec struct {
						Containers []struct {
							Args           []string `yaml:"args"`
							ReadinessProbe struct {
								HTTPGet struct {
									Path string `yaml:"path"`
								} `yaml:"httpGet"`
							} `yaml:"readinessProbe"`
						} `yaml:"containers"`
					} `yaml:"spec"`
				} `yaml:"template"`
			} `yaml:"spec"`
		}
		if err := yaml.Unmarshal([]byte(doc), &d); err != nil {
			t.Fatal(err)
		}
		switch d.Kind {
		case "ConfigMap":
			policy = d.Data["policy.yaml"]
		case "Deployment":
			c := d.Spec.Template.Spec.Containers[0]
			args, probe = c.Args, c.ReadinessProbe.HTTPGet.Path
		}
	}
	if _, err := airlock.LoadPolicy("policy.yaml", []byte(policy), t.TempDir()); err != nil {
		t.Fatalf("the ConfigMap's policy: %v", err)
	}
	if len(args) == 0 || args[0] != "mcp" {
		t.Fatalf("container args %q: want airlock mcp", args)
	}
	cmd := newMCPCmd()
	if err := cmd.ParseFlags(args[1:]); err != nil {
		t.Fatalf("airlock %s: %v", strings.Join(args, " "), err)
	}
	if http, _ := cmd.Flags().GetString("http"); http == "" {
		t.Fatal("the Deployment does not serve HTTP")
	}
	if probe != "/healthz" {
		t.Fatalf("readiness probe %q, want /healthz", probe)
	}
}
