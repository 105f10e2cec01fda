#!/usr/bin/env python
"""
CPU instructions a worker spends on one uncached page, counted by valgrind (callgrind): the same count
whatever else the machine is doing, so a change can be judged on a busy 2-core machine where req/s drift.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench .venv/bin/python bench/instructions.py \
        /en/articles/where-the-water-went/ /en/ [--runs 20]

For each path it runs bench/profile_page.py's WSGI request loop twice under callgrind (after the same
warm-up: 5 requests, then 25), and prints the difference divided by the 20 extra requests: the instructions
of one request, start-up and warm-up cancelled out. PostgreSQL's own work is not counted (it runs in its
server), so read it beside the query counts. Needs valgrind (apt-get install valgrind) and the corpus of
bench/serving.py. Takes about two minutes per path.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOOP = """
import sys
sys.argv = ["profile_page"]
sys.path.insert(0, {bench!r})
import profile_page
for _ in range({count}):
    if profile_page.request({path!r}) != 200:
        sys.exit({path!r} + " did not answer 200")
"""


def instructions(path: str, count: int) -> int:
    code = LOOP.format(bench=str(ROOT / "bench"), count=count, path=path)
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if result.returncode or not found:
        sys.exit(f"bench/instructions.py: {path} failed under valgrind:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--runs", type=int, default=20, help="requests counted (beyond the 5 of warm-up)")
    options = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("bench/instructions.py: valgrind is needed (apt-get install valgrind).")
    for path in options.paths:
        per_request = (instructions(path, 5 + options.runs) - instructions(path, 5)) / options.runs
        print(f"{path:<50} {per_request / 1e6:8.1f} M instructions per request", flush=True)


if __name__ == "__main__":
    main()
