package main

import (
	"encoding/json"
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock/exec"
	"github.com/airlockhq/airlock/exec/sandbox"
)

// fallback says what airlock does when a layer is missing.
var fallback = map[string]string{
	sandbox.Namespaces: "the child shares the machine's users, processes and network with airlock; seccomp and Landlock still refuse new processes, sockets and files, and a run is refused if --require-isolation is set",
	sandbox.Landlock:   "no file-system or TCP confinement by the kernel: the interpreter still reaches no file or socket API (no os, net, syscall), seccomp refuses non-AF_UNIX sockets, and scripts' commands are not confined to the system's folders",
	sandbox.Seccomp:    "no system-call filter: the interpreter still has no way to call execve, fork or sockets, but scripts' commands are not stopped from starting other programs or opening sockets",
	sandbox.Rlimits:    "no per-process caps on files, file size or CPU time: the wall-clock timeout still kills the run",
	sandbox.Memory:     "memory is not capped: a program that eats memory is stopped only by the Go runtime's soft limit and the machine",
	sandbox.Env:        "",
}

func newDoctorCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "doctor [--format text|json]",
		Short: "Report which sandbox layers this machine supports, and why any is missing",
		Long: `doctor reports each isolation layer airlock puts around a program
(namespaces, landlock, seccomp, rlimits, memory, env): whether this machine
supports it, how it is enforced, and, for a missing layer, why (no root, user
namespaces disabled, no cgroup memory controller, an old kernel, not Linux, a
cgo build) and what airlock does without it.

` + exitCodesHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			layers := sandbox.Doctor()
			type entry struct {
				sandbox.Layer
				WithoutIt string `json:"without_it,omitempty"`
			}
			var report struct {
				OS      string  `json:"os"`
				Arch    string  `json:"arch"`
				Layers  []entry `json:"layers"`
				Missing int     `json:"missing"`
				// Child is the binary each sandboxed child runs, and why
				// an airlock-sandbox found next to airlock is not used.
				Child    string `json:"child"`
				ChildWhy string `json:"child_not_sandbox_binary,omitempty"`
				// Start is what starting a child costs here beyond the
				// process itself, and how to lower it.
				Start string `json:"child_start,omitempty"`
			}
			report.OS, report.Arch = runtime.GOOS, runtime.GOARCH
			report.Child, report.ChildWhy = exec.ChildBinary()
			report.Start = sandbox.StartNote()
			for _, l := range layers {
				e := entry{Layer: l}
				if !l.Active {
					e.WithoutIt = fallback[l.Name]
					report.Missing++
				}
				report.Layers = append(report.Layers, e)
			}
			out := cmd.OutOrStdout()
			switch format {
			case "json":
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(report)
			case "text":
				fmt.Fprintf(out, "airlock sandbox on %s/%s\n", report.OS, report.Arch)
				for _, e := range report.Layers {
					state := "ok     "
					if !e.Active {
						state = "MISSING"
					}
					fmt.Fprintf(out, "  %-10s %s  %s\n", e.Name, state, e.Detail)
					if e.WithoutIt != "" {
						fmt.Fprintf(out, "  %-10s          without it: %s\n", "", e.WithoutIt)
					}
				}
				fmt.Fprintf(out, "  %-10s         %s\n", "child", report.Child)
				if report.ChildWhy != "" {
					fmt.Fprintf(out, "  %-10s         %s not used: %s\n", "", exec.SandboxBinary, report.ChildWhy)
				}
				if report.Start != "" {
					fmt.Fprintf(out, "  %-10s         %s\n", "start", report.Start)
				}
				if report.Missing == 0 {
					fmt.Fprintln(out, "every layer is available: `airlock run --require-isolation` will run here")
				} else {
					fmt.Fprintf(out, "missing layers: %d; `airlock run` runs with the others and lists the missing ones in the summary; --require-isolation refuses to run\n",
						report.Missing)
				}
				return nil
			}
			return usageError("unknown format %q: want text or json", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}
