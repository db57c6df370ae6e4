#!/usr/bin/env bash
# Measures cold airlock commands against a compiled Go hello-world and bare
# yaegi (the unsandboxed peer), in one run: bash bench/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh
go build -o bin/hello ./bench/hello
go build -o bin/yaegi ./bench/yaegi
go run ./bench/cold -n "${1:-41}" -airlock bin/airlock -hello bin/hello -yaegi bin/yaegi
