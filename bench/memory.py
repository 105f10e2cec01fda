#!/usr/bin/env python
"""
Memory benchmark (issue 17, target 4): does a worker's RSS stay flat over 100,000 mixed uncached requests?

    .venv/bin/python bench/memory.py                       # 100,000 requests on newsroom_million
    .venv/bin/python bench/memory.py --requests 5000 --database-url postgres://postgres@127.0.0.1:5432/newsroom_scale_1k

One gunicorn sync worker (deploy/gunicorn.conf.py; DEBUG off, page cache off, PostgreSQL, no worker recycling)
is driven by wrk with a Lua script that rotates over a few thousand reader URLs picked from the database:
articles in both languages from across the archive, home pages, sections, tags, writers, series, feeds
and searches. The worker's RSS (/proc/<pid>/status) is read after a warm-up and then every few seconds
until the requests are done; the growth from the warm-up to the end is the figure (target < 20 MB).
The corpus is bench/archive.py's. Writes docs/memory-benchmark.txt.
"""

import argparse
import json
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import GUNICORN, environment, run_django, wait_for  # noqa: E402

PORT = 8311
GROWTH_LIMIT_MB = 20

PICK_URLS = """
import django, json, random
django.setup()
from django.urls import reverse
from django.utils import translation
from articles.models import Article, Section, Tag
from authors.models import Author
from series.models import Series
rng = random.Random(17)
urls = []
top = Article.objects.order_by("-pk").values_list("pk", flat=True).first()
wanted = set(rng.sample(range(1, top + 1), min(top, {articles})))
fields = ("pk", "slug_en", "slug_fa", "headline_en", "headline_fa", "body_en", "body_fa")
for article in Article.objects.published().filter(pk__in=wanted).only(*fields):
    for language in article.available_languages():
        urls.append(article.url_in(language))
for language in ("en", "fa"):
    with translation.override(language):
        urls.append(reverse("articles:home"))
        urls.append(reverse("articles:home") + "?page=2")
        urls.append(reverse("discovery:latest-rss"))
        urls.append(reverse("discovery:latest-atom"))
        for section in Section.objects.all():
            if section.slug_in(language):
                urls.append(section.get_absolute_url())
                urls.append(reverse("discovery:section-rss", kwargs={{"slug": section.slug_in(language)}}))
        for tag in Tag.objects.order_by("pk")[:200]:
            if tag.slug_in(language):
                urls.append(tag.get_absolute_url())
        for author in Author.objects.order_by("pk")[:100]:
            urls.append(author.get_absolute_url())
            urls.append(reverse("discovery:author-rss", kwargs={{"slug": author.slug}}))
        for series in Series.objects.order_by("pk")[:100]:
            if series.slug_in(language):
                urls.append(series.get_absolute_url())
        for word in {words!r}[language]:
            urls.append(reverse("search:results") + "?q=" + word)
from django.utils.encoding import iri_to_uri
print(json.dumps([iri_to_uri(url) for url in urls]))
"""

SEARCH_WORDS = {
    "en": ["inflation", "drought", "nuclear+talks", "saffron", "wheat+harvest", "censorship", "budget", "river"],
    "fa": ["تورم", "خشکسالی", "مذاکرات", "زعفران", "کشاورزان", "فیلترینگ", "بودجه", "مجلس"],
}

LUA = """
local urls = {}
for line in io.lines("%(urls)s") do urls[#urls + 1] = line end
local index = 0
local done = 0
local limit = %(limit)d
request = function()
  index = index %% #urls + 1
  return wrk.format("GET", urls[index])
end
response = function(status, headers, body)
  done = done + 1
  if done >= limit then wrk.thread:stop() end
end
"""


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no RSS for {pid}")


def worker_pid(master: int) -> int:
    children = subprocess.run(
        ["ps", "--ppid", str(master), "-o", "pid="], capture_output=True, text=True
    ).stdout.split()
    if len(children) != 1:
        raise RuntimeError(f"expected one worker under {master}, found {children}")
    return int(children[0])


STOP = []  # not empty once SIGTERM or SIGINT asked the run to end early: it reports what it measured


def _stop(signum, frame) -> None:
    STOP.append(signum)


def served(access_log: Path) -> int:
    """Return how many requests the access log records so far."""
    with access_log.open("rb") as log:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: log.read(1 << 20), b""))


def drive(urls_file: Path, requests: int, directory: Path, connections: int, access_log: Path, on_tick=None):
    """
    Send `requests` requests with wrk and wait until the worker has answered them all. wrk's thread stops
    sending at the count; wrk itself runs until interrupted, which prints its summary.
    """
    script = directory / f"rotate-{requests}.lua"
    script.write_text(LUA % {"urls": urls_file, "limit": requests})
    log = directory / f"wrk-{requests}.txt"
    target = served(access_log) + requests
    process = subprocess.Popen(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            "-d7200s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            f"http://127.0.0.1:{PORT}",
        ],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    while served(access_log) < target and not STOP:
        time.sleep(1)
        if on_tick:
            on_tick()
        if process.poll() is not None:
            sys.exit(f"wrk stopped early:\n{log.read_text()}")
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)
    statuses = {}
    for line in access_log.read_text().splitlines()[target - requests : target]:  # all, or those done by a stop
        match = re.search(r'" (\d{3}) ', line)
        status = match.group(1) if match else "?"
        statuses[status] = statuses.get(status, 0) + 1
    return log.read_text(), statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/newsroom_million")
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--warmup", type=int, default=3_000)
    parser.add_argument("--articles", type=int, default=6_000, help="articles sampled for the URL rotation")
    parser.add_argument("--sample-seconds", type=int, default=30)
    parser.add_argument("--output", default=str(ROOT / "docs/memory-benchmark.txt"))
    options = parser.parse_args()
    # One connection per wrk thread would leave the worker idle between responses: two keep it busy.
    connections = 2

    env = environment(options.database_url, "", PAGE_CACHE_SECONDS="0", NEWSROOM_ENV_FILE="")
    env.pop("REDIS_URL")
    env.update(GUNICORN_WORKERS="1", GUNICORN_MAX_REQUESTS="0", GUNICORN_BIND=f"127.0.0.1:{PORT}")
    urls = json.loads(
        run_django(env, PICK_URLS.format(articles=options.articles, words=SEARCH_WORDS)).strip().splitlines()[-1]
    )
    random.Random(3).shuffle(urls)
    directory = Path(tempfile.mkdtemp(prefix="newsroom-memory-"))
    urls_file = directory / "urls.txt"
    urls_file.write_text("\n".join(urls) + "\n")
    lines = [
        f"Memory benchmark (bench/memory.py): one gunicorn sync worker, DEBUG off, page cache off "
        f"(PAGE_CACHE_SECONDS=0), PostgreSQL {options.database_url.rsplit('/', 1)[1]}, no worker recycling.",
        f"wrk -t1 -c{connections} rotating over {len(urls):,} URLs "
        f"({sum('/articles/' in u for u in urls):,} article pages "
        "in both languages from across the archive; home pages, sections, tags, writers, series, feeds, searches).",
        "",
    ]
    access_log = directory / "access.log"
    access_log.touch()
    env.update(GUNICORN_ACCESS_LOG=str(access_log), GUNICORN_TIMEOUT="120")
    master = subprocess.Popen([GUNICORN, "--config", "deploy/gunicorn.conf.py"], cwd=ROOT, env=env)
    try:
        wait_for(f"http://127.0.0.1:{PORT}/en/", seconds=60)
        worker = worker_pid(master.pid)
        started_rss = rss_kb(worker)
        drive(urls_file, options.warmup, directory, connections, access_log)
        warm_rss = rss_kb(worker)
        lines.append(
            f"worker {worker}: RSS at start {started_rss / 1024:.1f} MB; "
            f"after {options.warmup:,} warm-up requests {warm_rss / 1024:.1f} MB"
        )
        print("\n".join(lines), flush=True)
        began = time.time()
        samples = []

        def sample():
            if time.time() - began >= options.sample_seconds * (len(samples) + 1):
                samples.append((time.time() - began, rss_kb(worker)))
                print(f"  {samples[-1][0]:>6.0f} s  RSS {samples[-1][1] / 1024:.1f} MB", flush=True)

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        output, statuses = drive(urls_file, options.requests, directory, connections, access_log, on_tick=sample)
        elapsed = time.time() - began
        done = sum(statuses.values())
        end_rss = rss_kb(worker)
        if worker_pid(master.pid) != worker:
            sys.exit("the worker was replaced during the run: the figure would mean nothing")
        summary = [line.strip() for line in output.splitlines() if "Latency" in line or "requests in" in line]
        errors = sum(count for status, count in statuses.items() if status != "200")
        growth = (end_rss - warm_rss) / 1024
        passed = growth < GROWTH_LIMIT_MB and not errors
        verdict = ("PASS" if passed else "FAIL") if done >= 100_000 else f"(stopped or short run: {done:,} requests)"
        lines += [
            f"RSS every {options.sample_seconds} s of the measured run (MB): "
            + ", ".join(f"{rss / 1024:.1f}" for _t, rss in samples),
            *(f"wrk: {line}" for line in summary),
            f"responses by status (access log): {dict(sorted(statuses.items()))}",
            f"{done:,} requests in {elapsed:.0f} s ({done / elapsed:.0f} req/s)"
            + (f", stopped early by a signal (of {options.requests:,} asked)" if STOP else ""),
            f"RSS after warm-up {warm_rss / 1024:.1f} MB, at the end {end_rss / 1024:.1f} MB: growth {growth:+.1f} MB "
            f"(target < {GROWTH_LIMIT_MB} MB over 100,000 requests): {verdict}",
        ]
    finally:
        master.terminate()
        master.wait(timeout=30)
    text = "\n".join(lines) + "\n"
    print(text)
    Path(options.output).write_text(text)


if __name__ == "__main__":
    main()
