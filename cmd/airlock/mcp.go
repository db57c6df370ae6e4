package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"time"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock/mcpserver"
)

func newMCPCmd() *cobra.Command {
	var (
		policy    string
		addr      string
		pool      int
		workspace string
		traceDir  string
		logFormat string
		profile   string
		conc      int
		queue     int
	)
	cmd := &cobra.Command{
		Use:   "mcp [--policy P] [--http ADDR] [--pool N] [--workspace ROOT] [--trace-dir DIR]",
		Short: "Serve airlock to agents as an MCP server: run programs instead of calling tools",
		Long: `mcp serves airlock over the Model Context Protocol, on stdio or, with --http,
as a streamable-HTTP server. An agent gets four tools instead of every tool
the policy grants: run_program (run a Go program or shell script in the
sandbox and get the summary), check_program (the plan and verdicts without
running), search_tools and describe_tool (progressive discovery of the Go
signatures of the tools a program can call). Over HTTP the MCP endpoint is
/mcp, and /healthz answers 200 while a run would be taken, 503 while every
slot and the queue are full.

A pool of pre-started sandboxed children (--pool, default 2) takes process
start and set-up off each run; every child serves one program and is
discarded. With --workspace, each MCP session gets a folder under ROOT that
its programs may read and write through the workspace tool, as far as the
policy grants workspace.*. With --trace-dir, each run writes an audit trace
there (a JSON line per tool call, then the final status).

` + exitCodesHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			eng, err := loadEngine(policy)
			if err != nil {
				return err
			}
			defer eng.Close()
			var handler slog.Handler
			switch logFormat {
			case "text":
				handler = slog.NewTextHandler(cmd.ErrOrStderr(), nil)
			case "json":
				handler = slog.NewJSONHandler(cmd.ErrOrStderr(), nil)
			default:
				return usageError("--log-format: want text or json, not %q", logFormat)
			}
			log := slog.New(handler)
			if profile != "" {
				f, err := os.Create(profile)
				if err != nil {
					return usageError("--cpu-profile: %v", err)
				}
				if err := pprof.StartCPUProfile(f); err != nil {
					return usageError("--cpu-profile: %v", err)
				}
				defer func() { pprof.StopCPUProfile(); f.Close() }()
			}
			srv := mcpserver.New(eng, mcpserver.Options{Pool: pool, Workspace: workspace, TraceDir: traceDir, Version: versionString(), Log: log,
				Concurrent: conc, Queue: queue})
			defer srv.Close()
			ctx := cmd.Context()
			transport := "stdio"
			if addr != "" {
				transport = "http"
			}
			log.Info("serving", "policy", eng.Policy().Name, "transport", transport, "pool", pool, "version", versionString())
			if addr == "" {
				return srv.ServeStdio(ctx)
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usageError("--http: %v", err)
			}
			log.Info("listening", "url", fmt.Sprintf("http://%s/mcp", ln.Addr()))
			mux := http.NewServeMux()
			mux.Handle("/mcp", srv.Handler())
			mux.Handle("/healthz", srv.Health())
			hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
			go func() {
				<-ctx.Done()
				shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				hs.Shutdown(shutdown)
			}()
			if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&policy, "policy", "", "policy file (default: the built-in policy: no tools, pure standard library)")
	f.StringVar(&addr, "http", "", "serve streamable HTTP on ADDR (such as 127.0.0.1:8080) instead of stdio")
	f.IntVar(&pool, "pool", 2, "pre-started sandboxed children kept ready (0: start one per run)")
	f.StringVar(&workspace, "workspace", "", "give each session a workspace folder under ROOT")
	f.StringVar(&traceDir, "trace-dir", "", "write each run's audit trace to DIR/run-<id>.jsonl")
	f.StringVar(&logFormat, "log-format", "text", "logs on standard error: text or json")
	f.IntVar(&conc, "concurrent", 0, "programs run at once (default twice the CPUs)")
	f.IntVar(&queue, "queue", 0, "programs that may wait for a turn before the answer is busy (default 256)")
	f.StringVar(&profile, "cpu-profile", "", "write the server's CPU profile to FILE when it stops (go tool pprof reads it)")
	return cmd
}
