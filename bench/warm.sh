#!/usr/bin/env bash
# Warm sandboxes: a hello-world run through `airlock mcp` (pool of
# pre-started children) against a cold `airlock run`, in one run:
#   bash bench/warm.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh
go build -o bin/hello ./bench/hello
go run ./bench/warm -n "${1:-41}" -airlock bin/airlock -hello bin/hello
