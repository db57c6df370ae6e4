#!/usr/bin/env bash
# Builds airlock's container image from a release build and smoke-tests it:
# airlock doctor, and the shipped example, inside the image as its non-root
# user.
#
#   bash release/image.sh VERSION [ARCH]
#
# Needs podman (or docker) and dist/VERSION from release/build.sh. ARCH is
# amd64 (default) or arm64.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: release/image.sh VERSION [ARCH]}
arch=${2:-amd64}
bin=dist/$version/airlock_${version}_linux_$arch
[ -x "$bin/airlock" ] || { echo "no $bin: run release/build.sh $version first" >&2; exit 2; }
tool=${CONTAINER_TOOL:-$(command -v podman || command -v docker)}
run=("$tool" run --rm)
if [[ $tool == *podman ]]; then
	# Where the host's runtime settings need it (see the README).
	read -r -a extra <<<"${PODMAN_RUN_FLAGS:-}"
	run+=("${extra[@]}")
	if [ -n "${PODMAN_RUNTIME:-}" ]; then
		tool_runtime=(--runtime "$PODMAN_RUNTIME")
		run=("$tool" "${tool_runtime[@]}" run --rm "${extra[@]}")
	fi
fi

ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
root=$ctx/rootfs
mkdir -p "$root/usr/local/bin" "$root/usr/share/airlock/testdata" "$root/etc/ssl/certs" "$root/tmp" "$ctx/home/airlock/workspaces"
cp "$bin/airlock" "$bin/airlock-sandbox" "$root/usr/local/bin/"
cp "$bin/LICENSE" "$bin/THIRD_PARTY_NOTICES" "$root/usr/share/airlock/"
cp -r policies "$root/usr/share/airlock/"
cp -r testdata/examples testdata/sheets testdata/support testdata/docs testdata/shop.db "$root/usr/share/airlock/testdata/"
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
	cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
fi
printf 'root:x:0:0:root:/root:/sbin/nologin\nairlock:x:65532:65532:airlock:/home/airlock:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nairlock:x:65532:\nnobody:x:65534:\n' >"$root/etc/group"
chmod 1777 "$root/tmp"
chmod -R a+rX,go-w "$root"
cp release/Containerfile "$ctx/"

tag=airlock:$version
"$tool" ${tool_runtime:+"${tool_runtime[@]}"} build --platform "linux/$arch" -t "$tag" "$ctx"

echo "== airlock --version, in the image"
"${run[@]}" "$tag" --version
echo "== airlock doctor, in the image"
"${run[@]}" "$tag" doctor
echo "== the shipped example, in the image"
"${run[@]}" "$tag" run --policy policies/spreadsheet.yaml testdata/examples/active_accounts.go | tee "$ctx/example.json"
grep -q '"status":"ok"' "$ctx/example.json"
echo
echo "image $tag: ok"
