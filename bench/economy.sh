#!/usr/bin/env bash
# Measures the token economy of the airlock pattern on eight realistic
# workflows: tokens of tool data a direct-tool-call agent would receive
# against the tokens of airlock's summary. Prints a Markdown table.
#   bash bench/economy.sh [-only name[,name]] [-v]
# The MCP workflow needs AIRLOCK_MCP_SERVERS (see policies/support.yaml);
# without it that workflow is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh
go run ./bench/economy -airlock bin/airlock "$@"
