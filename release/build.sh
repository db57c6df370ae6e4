#!/usr/bin/env bash
# The release build: static, reproducible, versioned binaries of airlock
# and airlock-sandbox for Linux on amd64 and arm64, packed with the licence
# and the notices of what they link, and their SHA-256 checksums.
#
#   bash release/build.sh VERSION [REVISION]
#
# VERSION is stamped into both binaries (airlock --version shows it, and an
# approval digest binds it); REVISION defaults to the checkout's commit.
# The same commit, version and toolchain give the same bytes: paths are
# trimmed, the build ID is empty, archive entries have fixed owners, order
# and times (the commit's). Output: dist/VERSION/.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: release/build.sh VERSION [REVISION]}
# From a clean checkout: Go then records its commit in both binaries, and
# airlock runs its children from airlock-sandbox only when the two agree.
if [ -n "$(git status --porcelain 2>/dev/null)" ] || ! git rev-parse HEAD >/dev/null 2>&1; then
	echo "release/build.sh: build from a clean git checkout (git status shows changes)" >&2
	exit 2
fi
revision=${2:-$(git rev-parse HEAD)}
out=dist/$version
rm -rf "$out"
mkdir -p "$out"
# Archive times: the commit's, so that a rebuild gives the same archive.
epoch=$(git log -1 --format=%ct 2>/dev/null || echo 0)

export CGO_ENABLED=0 GOFLAGS=-buildvcs=true
ldflags="-s -w -buildid= -X github.com/airlockhq/airlock.version=$version -X github.com/airlockhq/airlock.revision=$revision"

# The notices of every module the binaries link, from the module cache.
notices=$(mktemp)
trap 'rm -f "$notices"' EXIT
go list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' ./cmd/airlock ./cmd/airlock-sandbox |
	sort -u | while read -r path ver dir; do
		for f in "$dir"/LICENSE* "$dir"/COPYING* "$dir"/NOTICE*; do
			[ -f "$f" ] || continue
			printf '=== %s %s: %s\n\n' "$path" "$ver" "$(basename "$f")" >>"$notices"
			cat "$f" >>"$notices"
			printf '\n' >>"$notices"
		done
	done

for arch in amd64 arm64; do
	name=airlock_${version}_linux_$arch
	dir=$out/$name
	mkdir -p "$dir"
	for cmd in airlock airlock-sandbox; do
		GOOS=linux GOARCH=$arch go build -trimpath -ldflags "$ldflags" -o "$dir/$cmd" ./cmd/$cmd
	done
	cp LICENSE README.md "$dir/"
	cp "$notices" "$dir/THIRD_PARTY_NOTICES"
	chmod 0755 "$dir/airlock" "$dir/airlock-sandbox"
	chmod 0644 "$dir/LICENSE" "$dir/README.md" "$dir/THIRD_PARTY_NOTICES"
	tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner -C "$out" -cf - "$name" | gzip -n -9 >"$out/$name.tar.gz"
done
(cd "$out" && sha256sum ./*.tar.gz | sed 's| \./| |' >SHA256SUMS)
cat "$out/SHA256SUMS"
