#!/usr/bin/env python3
"""Times pandas, polars and DuckDB reading the same claims file as `triangulate check`, in one
run, and prints each one's time and its ratio to Triangulate's.

Not part of CI. Install what you want compared (any missing one is skipped):

    pip install pandas polars duckdb

Usage (the file defaults to the benchmarks' 1,000,000-row synthetic file, made by
`cargo bench --bench import`):

    cargo build --release
    python3 benches/compare.py [FILE] [--runs 5]
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(run, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def triangulate(path):
    binary = ROOT / "target" / "release" / "triangulate"
    if not binary.exists():
        sys.exit("build it first: cargo build --release")
    return lambda: subprocess.run(
        [str(binary), "check", str(path)],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def readers(path):
    """The other tools' readers that are installed, each reading the whole file in-process."""
    found = {}
    try:
        import pandas

        found["pandas read_csv"] = lambda: pandas.read_csv(path, low_memory=False)
    except ImportError:
        print("pandas: not installed (pip install pandas)")
    try:
        import polars

        found["polars read_csv"] = lambda: polars.read_csv(path, infer_schema_length=10000)
    except ImportError:
        print("polars: not installed (pip install polars)")
    try:
        import duckdb

        def duck():
            con = duckdb.connect()
            con.execute(f"CREATE TABLE claims AS SELECT * FROM read_csv_auto('{path}')")
            con.close()

        found["DuckDB read_csv into a table"] = duck
    except ImportError:
        print("duckdb: not installed (pip install duckdb)")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "file",
        nargs="?",
        default=str(ROOT / "target" / "bench-data" / "synth_1000000.csv"),
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = Path(args.file)
    if not path.exists():
        sys.exit(f"{path}: not found (cargo bench --bench import makes it)")
    path.read_bytes()  # into the page cache, for every reader alike
    ours = median_seconds(triangulate(path), args.runs)
    print(f"{path.name}: {path.stat().st_size / 1e6:.0f} MB, medians of {args.runs} runs")
    print(f"  triangulate check (whole process): {ours:.3f} s")
    for name, run in readers(str(path)).items():
        took = median_seconds(run, args.runs)
        print(f"  {name} (in-process): {took:.3f} s; triangulate takes {ours / took:.2f}x as long")


if __name__ == "__main__":
    main()
