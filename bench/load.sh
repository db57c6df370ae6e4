#!/usr/bin/env bash
# Load: `airlock mcp --http` under 1, 8, 32 and 64 concurrent MCP sessions,
# each run's program printing a value of its own; hello programs, tool
# calls, scripts and a hostile program every tenth run. Runs per second,
# p50/p99 latency, server memory, threads and open files per level, wrong
# answers, and what the server left behind.
#
#   bash bench/load.sh [runs per level] [sessions, e.g. 1,8,32,64] [pool] [mix: full or hello] [report every N runs]
#
# A soak: bash bench/load.sh 42000 64 4 full 4200 (about ten minutes here).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh
go run ./bench/load -runs "${1:-320}" -sessions "${2:-1,8,32,64}" -pool "${3:-4}" -mix "${4:-full}" -every "${5:-0}" -airlock bin/airlock
