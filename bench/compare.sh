#!/usr/bin/env bash
# Compares this checkout's airlock with the build of another revision, on
# the same commands in one run (medians and ratios):
#
#   bash bench/compare.sh REVISION [runs]    (default 21)
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: bash bench/compare.sh REVISION [runs]}
export CGO_ENABLED=0
dir=$(mktemp -d)
trap 'git worktree remove --force "$dir/src" >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
git worktree add --detach "$dir/src" "$rev" >/dev/null 2>&1
(cd "$dir/src" && go build -o "$dir/airlock-before" ./cmd/airlock)
mkdir -p bin
go build -o bin/airlock ./cmd/airlock
echo "before: $(git rev-parse --short "$rev"), after: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with changes')"
go run ./bench/compare -before "$dir/airlock-before" -after bin/airlock -n "${2:-21}"
