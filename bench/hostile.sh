#!/usr/bin/env bash
# 1,000 hostile programs through one `airlock mcp` (stdio): the server's
# threads, memory and child processes every 100 runs, and every answer
# checked against the status its program must get.
#
#   bash bench/hostile.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh
go run ./bench/hostile -n "${1:-1000}" -airlock bin/airlock
