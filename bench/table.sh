#!/usr/bin/env bash
# Compares airlock/table with CPython on the same work, in one run: read a
# 1,000,000-row, 4-column CSV, keep the rows of one region and sum a
# column. Also times the filter and sum as an interpreted loop over rows
# already parsed into maps. Prints medians and ratios.
#
#   bash bench/table.sh [runs]    (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
export CGO_ENABLED=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
csv=$dir/table.csv

# The CSV is generated deterministically by the package's test helper.
TABLE_BENCH_OUT=$csv go test -count=1 -run '^TestWriteBenchCSV$' ./internal/table/ >/dev/null
go test -c -o "$dir/table.test" ./internal/table/
echo "data: $(wc -l <"$csv") lines, $(du -h "$csv" | cut -f1), python: $(python3 --version 2>&1)"

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Native: every run reads the file, parses it, filters and sums.
TABLE_BENCH_CSV=$csv "$dir/table.test" -test.run '^$' -test.bench '^BenchmarkCSVWhereSum$' \
	-test.benchtime 1x -test.count "$runs" >"$dir/go.txt"
awk '/^BenchmarkCSVWhereSum/ { print $3 / 1e9 }' "$dir/go.txt" >"$dir/go.s"
# The same on one CPU: the sandbox may give a program only one.
TABLE_BENCH_CSV=$csv "$dir/table.test" -test.run '^$' -test.bench '^BenchmarkCSVWhereSum$' \
	-test.benchtime 1x -test.count "$runs" -test.cpu 1 >"$dir/go1.txt"
awk '/^BenchmarkCSVWhereSum/ { print $3 / 1e9 }' "$dir/go1.txt" >"$dir/go1.s"
go_sum=$(awk '/^BenchmarkCSVWhereSum/ { s = $(NF - 1) } END { print s }' "$dir/go.txt")

python3 bench/testdata/table_bench.py "$csv" "$runs" >"$dir/py.txt"
cut -d' ' -f1 "$dir/py.txt" >"$dir/py.s"
py_sum=$(tail -n1 "$dir/py.txt" | cut -d' ' -f2)

# Interpreted: the loop alone, rows parsed beforehand (fewer runs: slow to set up).
TABLE_BENCH_CSV=$csv "$dir/table.test" -test.run '^$' -test.bench '^BenchmarkInterpretedLoop$' \
	-test.benchtime 1x -test.count 3 >"$dir/interp.txt"
awk '/^BenchmarkInterpretedLoop/ { print $3 / 1e9 }' "$dir/interp.txt" >"$dir/interp.s"

# Inside the sandbox, through the real binary: the same work with
# airlock/table and as an interpreted loop, timed by the program itself.
go build -o "$dir/airlock" ./cmd/airlock
cat >"$dir/policy.yaml" <<POLICY
name: table-bench
imports: [fmt, strconv, strings, time]
tools:
  fs.ReadFile: {}
providers:
  fs: {roots: {data: .}}
limits: {timeout: 120s, memory: 2GiB}
POLICY
: >"$dir/box.s"; : >"$dir/boxfilter.s"; : >"$dir/boxloop.s"
for _ in $(seq "$runs"); do
	out=$("$dir/airlock" run --policy "$dir/policy.yaml" bench/testdata/table_program.go)
	line=$(printf '%s' "$out" | sed -E 's/.*"output":"([^"]*)\\n".*/\1/')
	echo "$line" | cut -d' ' -f1 >>"$dir/box.s"
	echo "$line" | cut -d' ' -f2 >>"$dir/boxfilter.s"
	echo "$line" | cut -d' ' -f3 >>"$dir/boxloop.s"
	box_sum=$(echo "$line" | cut -d' ' -f4)
done

go_med=$(median <"$dir/go.s")
box_med=$(median <"$dir/box.s")
boxfilter_med=$(median <"$dir/boxfilter.s")
boxloop_med=$(median <"$dir/boxloop.s")
go1_med=$(median <"$dir/go1.s")
py_med=$(median <"$dir/py.s")
in_med=$(median <"$dir/interp.s")
awk -v g="$go_med" -v g1="$go1_med" -v p="$py_med" -v i="$in_med" -v gs="$go_sum" -v ps="$py_sum" -v n="$runs" \
	-v b="$box_med" -v bf="$boxfilter_med" -v bl="$boxloop_med" -v bs="$box_sum" 'BEGIN {
	printf "runs: %d (median of each)\n", n
	printf "airlock/table  parse+where+sum  %7.3f s  (sum %s)\n", g, gs
	printf "airlock/table  same, one CPU    %7.3f s\n", g1
	printf "CPython csv    parse+where+sum  %7.3f s  (sum %s)\n", p, ps
	printf "yaegi loop     where+sum only   %7.3f s  (rows parsed beforehand)\n", i
	printf "CPython / airlock/table: %.1fx (one CPU: %.1fx)\n", p / g, p / g1
	printf "interpreted loop alone / airlock/table (parse included): %.1fx\n", i / g
	printf "in the sandbox: airlock/table parse+where+sum %7.3f s (sum %s)\n", b, bs
	printf "in the sandbox: where+sum on parsed rows: airlock/table %7.4f s, interpreted loop %7.3f s\n", bf, bl
	printf "in the sandbox: CPython / airlock/table: %.1fx; interpreted loop / airlock/table (where+sum): %.0fx\n", p / b, bl / bf
}'
