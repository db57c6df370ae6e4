#!/usr/bin/env bash
# Measures MCP in airlock, against baselines taken in the same run:
#   - one tool call made from a program (server-everything's echo, median of
#     300 calls timed inside the program), against the same call made with
#     the Go SDK directly on a session of its own: the difference is
#     airlock's overhead on top of the server's own time;
#   - connecting to each npm server (start, initialize, tools/list, the Go
#     declaration generated), median.
# Needs the servers: AIRLOCK_MCP_SERVERS=DIR, installed as .ci/run does.
#   bash bench/mcp.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${AIRLOCK_MCP_SERVERS:?set AIRLOCK_MCP_SERVERS to the npm prefix holding the MCP servers}"
source bench/build.sh
echo "== one echo call: SDK directly vs the provider alone (go test -bench)"
go test ./tools/mcp -run '^$' -bench 'BenchmarkCall' -benchtime 300x | grep -E 'Benchmark'
echo "== one echo call from a program through airlock (median of 300, µs)"
for i in 1 2 3; do
	bin/airlock run --policy bench/testdata/mcp_policy.yaml bench/testdata/mcp_echo.go | sed -E 's/.*"output":"([0-9]+)\\n".*/\1/'
done
echo "== connect to each npm server (median, µs)"
go test ./tools/mcp -run '^$' -bench 'BenchmarkConnect' -benchtime 10x | grep -E 'Benchmark'
