"""Print build-time and size figures for the site. Times vary from run to run,
so they are measured here, not asserted in tests.

    make bench            (or: .venv/bin/python benchmarks/bench.py [runs])
"""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def build_once(site_dir: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
                   cwd=PROJECT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def site_sizes(site_dir: Path) -> list[tuple[str, int, int]]:
    """(page, bytes, gzip bytes) for every HTML page."""
    rows = []
    for page in sorted(site_dir.rglob("*.html")):
        raw = page.read_bytes()
        rows.append((page.relative_to(site_dir).as_posix(), len(raw), len(gzip.compress(raw, 9))))
    return rows


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        times = [build_once(site_dir) for _ in range(runs)]
        print(f"Full build (mkdocs build --strict, {runs} runs, includes interpreter start):")
        print(f"  median {statistics.median(times):.2f} s   min {min(times):.2f} s   max {max(times):.2f} s")
        print()
        print(f"{'page':<36}{'HTML bytes':>12}{'gzip bytes':>12}")
        for name, raw, packed in site_sizes(site_dir):
            print(f"{name:<36}{raw:>12,}{packed:>12,}")
        total = sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file())
        print(f"\nWhole site: {total:,} bytes in {sum(1 for p in site_dir.rglob('*') if p.is_file())} files")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
