"""CPython baseline for bench/table.sh: read the CSV with csv.DictReader,
keep the rows whose region is "west" and sum their amounts.

usage: python3 table_bench.py FILE RUNS
Prints one line per run: seconds and the sum.
"""
import csv
import sys
import time


def work(path):
    with open(path, newline="") as f:
        return sum(float(r["amount"]) for r in csv.DictReader(f) if r["region"] == "west")


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    for _ in range(runs):
        start = time.perf_counter()
        total = work(path)
        print(f"{time.perf_counter() - start:.6f} {total:.2f}")


if __name__ == "__main__":
    main()
