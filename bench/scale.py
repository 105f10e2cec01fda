#!/usr/bin/env python
"""
Scale benchmark (issue 17, target 2): do uncached pages stay flat from 1,000 to 1,000,000 articles?

    .venv/bin/python bench/archive.py --articles 1000 --database-url postgres://postgres@127.0.0.1:5432/newsroom_scale_1k
    .venv/bin/python bench/archive.py                       # 1,000,000 articles in newsroom_million (once)
    .venv/bin/python bench/scale.py                         # writes docs/scale-benchmark.txt and docs/scale-plans.txt
    .venv/bin/python bench/scale.py --only search           # the search part alone, at 1,000,000 (writes nothing)

For each database, a child process with DEBUG off and the page cache off (PAGE_CACHE_SECONDS=0) serves the
reader pages through Django's test client: each page warmed up, then timed (median of --rounds requests).
Every SQL query a page runs is captured and EXPLAIN ANALYZEd; a sequential scan of the article table, its
bylines or its tags is reported. Then the sitemap index and every page of every sitemap are fetched once
and timed, and bench/search.py's query sets are run (its `run_queries`, the search page's own work).
The parent prints one table: time at 1,000 articles, at 1,000,000, the ratio (target <= 1.2x), and a
PASS/FAIL per target.
"""

import argparse
import contextlib
import io
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SMALL = "postgres://postgres@127.0.0.1:5432/newsroom_scale_1k"
LARGE = "postgres://postgres@127.0.0.1:5432/newsroom_million"
BIG_TABLES = ("articles_article", "articles_byline", "articles_article_tags")
PAGE_RATIO = 1.2
SITEMAP_MS = 200
SEARCH_P95_MS = 50
_SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")


def settings_environment(database_url: str) -> dict:
    from bench.serving import environment

    env = environment(database_url, "", PAGE_CACHE_SECONDS="0", NEWSROOM_ENV_FILE="")
    env.pop("REDIS_URL")  # the page cache is off; nothing else needs Redis
    env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    return env


# ---------------------------------------------------------------- child: measure one database


def reader_pages() -> dict[str, str]:
    """Pick each kind of reader page from the database: the busiest section, tag and writer, a series part."""
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import translation

    from articles.models import Article, ArticleType, Section, Tag
    from authors.models import Author

    published = Article.objects.published()
    article = (
        published.available_in("en").available_in("fa").filter(series__isnull=False).newest_first().first()
    )  # the newest bilingual series part: the article page with the most around it
    biggest = published.order_by().values("section").annotate(n=Count("pk")).order_by("-n").first()["section"]
    section = Section.objects.get(pk=biggest)
    tag = Tag.objects.filter(slug_en__startswith="arc-").order_by("pk").first()  # the archive's busiest topic
    author = Author.objects.filter(slug__startswith="arc-").order_by("pk").first()  # and busiest writer
    kind = ArticleType.objects.get(slug_en="news")  # the archive's articles, typed News by migration 0015
    pages = {}
    for language in ("en", "fa"):
        with translation.override(language):
            pages[f"home {language}"] = reverse("articles:home")
            pages[f"article {language}"] = article.url_in(language)
            pages[f"section {language}"] = section.get_absolute_url()
            pages[f"tag {language}"] = tag.get_absolute_url()
            pages[f"author {language}"] = author.get_absolute_url()
            pages[f"type {language}"] = kind.get_absolute_url()
            pages[f"series {language}"] = article.series.get_absolute_url()
            pages[f"feed {language}"] = reverse("discovery:latest-rss")
            pages[f"section feed {language}"] = reverse(
                "discovery:section-rss", kwargs={"slug": section.slug_in(language)}
            )
            pages[f"author feed {language}"] = reverse("discovery:author-rss", kwargs={"slug": author.slug})
            pages[f"type feed {language}"] = reverse("discovery:type-rss", kwargs={"slug": kind.slug_in(language)})
    with translation.override("en"):
        pages["search en"] = reverse("search:results") + "?q=drought+reservoir"
    with translation.override("fa"):
        pages["search fa"] = reverse("search:results") + "?q=" + "خشکسالی سد".replace(" ", "+")
    return pages


def explain(captured: list[dict]) -> tuple[list[str], list[str]]:
    """EXPLAIN ANALYZE each SELECT; return the plans and the big tables read by a sequential scan."""
    from django.db import connection

    plans, scans = [], []
    with connection.cursor() as cursor:
        for query in captured:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            plans.append(f"{sql}\n{plan}")
            scans += [table for table in _SEQ_SCAN.findall(plan) if table in BIG_TABLES]
    return plans, scans


def measure(options) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article

    client = Client()
    result = {"articles": Article.objects.published().count(), "pages": {}, "sitemaps": {}, "plans": []}

    def get(url):
        response = client.get(url, HTTP_HOST="127.0.0.1")
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
        return response

    for name, url in reader_pages().items() if options.only != "search" else ():
        for _ in range(3):
            get(url)
        if options.verbose:
            sys.stderr.write(f"{name} {url}\n")
        times = []
        for _ in range(options.rounds):
            started = time.perf_counter()
            get(url)
            times.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as captured:
            get(url)
        plans, scans = explain(captured.captured_queries) if options.explain else ([], [])
        result["pages"][name] = {
            "url": url,
            "ms": statistics.median(times),
            "queries": len(captured.captured_queries),
            "seq_scans": sorted(set(scans)),
        }
        result["plans"] += [f"== {name}: {url}\n{plan}" for plan in plans]

    if options.only == "search":
        return _search(options, result)

    # The sitemap index, then every page it names, each fetched once (no page is asked for twice).
    get("/sitemap.xml")  # warm-up: templates and code paths
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        index = get("/sitemap.xml")
    index_ms = (time.perf_counter() - started) * 1000
    plans, scans = explain(captured.captured_queries) if options.explain else ([], [])
    result["plans"] += [f"== sitemap index\n{plan}" for plan in plans]
    result["sitemaps"]["index"] = {"pages": 1, "max_ms": index_ms, "p95_ms": index_ms, "seq_scans": sorted(set(scans))}
    locations = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", index.content.decode())
    by_sitemap: dict[str, list[str]] = {}
    for location in locations:
        by_sitemap.setdefault(location.split("?")[0], []).append(location.replace("&amp;", "&"))
    for sitemap, urls in by_sitemap.items():
        if options.sitemap_pages:  # a quick look: the first and last few pages only
            urls = urls[: options.sitemap_pages] + urls[max(options.sitemap_pages, len(urls) - options.sitemap_pages) :]
        times, scans = [], set()
        for number, url in enumerate(urls):
            checked = number in (0, len(urls) - 1) and options.explain  # plans of the first and last page
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                get(url)
            times.append((time.perf_counter() - started) * 1000)
            if checked:
                plans, found = explain(captured.captured_queries)
                scans.update(found)
                result["plans"] += [f"== {url}\n{plan}" for plan in plans]
        ordered = sorted(times)
        result["sitemaps"][sitemap] = {
            "pages": len(urls),
            "max_ms": ordered[-1],
            "p95_ms": ordered[int(round(0.95 * (len(ordered) - 1)))],
            "seq_scans": sorted(scans),
        }

    return _search(options, result)


def _search(options, result: dict) -> dict:
    if options.search:
        from bench.search import run_queries

        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            run_queries(options.search_rounds)
        result["search"] = output.getvalue()
    return result


# ---------------------------------------------------------------- parent: both databases, one table


def run_child(database_url: str, options, *, search: bool, explain: bool) -> dict:
    arguments = [sys.executable, __file__, "--child", "--database-url", database_url, "--rounds", str(options.rounds)]
    arguments += ["--search-rounds", str(options.search_rounds), "--sitemap-pages", str(options.sitemap_pages)]
    arguments += ["--search"] if search else []
    arguments += ["--explain"] if explain else []
    arguments += ["--only", options.only] if options.only else []
    result = subprocess.run(arguments, cwd=ROOT, env=settings_environment(database_url), capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"measuring {database_url} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def search_p95(text: str) -> dict[str, float]:
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^\s*(en|fa): .* p95 ([\d.]+) ms", text, re.M)}


def report(small: dict, large: dict, elapsed: float) -> str:
    lines = [
        f"Scale benchmark (bench/scale.py): {small['articles']:,} vs {large['articles']:,} published articles, "
        "PostgreSQL, DEBUG off, page cache off (PAGE_CACHE_SECONDS=0), in-process through Django's test client.",
        "Each page: 3 warm-up requests, then the median of the timed ones; SQL captured and EXPLAIN ANALYZEd "
        f"(plans of the large run in docs/scale-plans.txt). Run took {elapsed / 60:.1f} min.",
        "",
        f"{'page':<18} {'1k ms':>8} {'1M ms':>8} {'ratio':>6} {'SQL':>4}  {'seq scans at 1M':<22} result",
    ]
    failures = []
    for name, page in large["pages"].items():
        before = small["pages"][name]
        ratio = page["ms"] / before["ms"]
        # A search page is held to the search target (below): it finds 306 articles at 1,000 and more than
        # 1,000 at a million, so its time follows the matches it ranks, not the archive's size alone.
        limit_ok = page["ms"] < SEARCH_P95_MS if name.startswith("search") else ratio <= PAGE_RATIO
        ok = limit_ok and not page["seq_scans"]
        failures += [] if ok else [name]
        lines.append(
            f"{name:<18} {before['ms']:>8.1f} {page['ms']:>8.1f} {ratio:>5.2f}x {page['queries']:>4}  "
            f"{', '.join(page['seq_scans']) or '-':<22} {'PASS' if ok else 'FAIL'}"
        )
    lines += ["", f"{'sitemap':<30} {'pages':>6} {'1k max':>8} {'1M p95':>8} {'1M max':>8}  {'seq scans':<14} result"]
    for name, sitemap in large["sitemaps"].items():
        ok = sitemap["max_ms"] <= SITEMAP_MS and not sitemap["seq_scans"]
        failures += [] if ok else [f"sitemap {name}"]
        small_max = small["sitemaps"].get(name, {}).get("max_ms", float("nan"))
        lines.append(
            f"{name:<30} {sitemap['pages']:>6} {small_max:>8.1f} {sitemap['p95_ms']:>8.1f} {sitemap['max_ms']:>8.1f}  "
            f"{', '.join(sitemap['seq_scans']) or '-':<14} {'PASS' if ok else 'FAIL'}"
        )
    p95 = search_p95(large.get("search", ""))
    lines += [
        "",
        f"Search at {large['articles']:,} articles (bench/search.py's queries and timing):",
        large.get("search", ""),
    ]
    lines += ["Targets (issue 17, target 2):"]
    pages_ok = not [name for name in failures if not name.startswith("sitemap")]
    sitemaps_ok = not [name for name in failures if name.startswith("sitemap")]
    lines.append(
        f"  every reader page <= {PAGE_RATIO}x its 1k time (search pages < {SEARCH_P95_MS} ms), no seq scan: "
        + ("PASS" if pages_ok else "FAIL")
    )
    lines.append(
        f"  sitemap index and every sitemap page <= {SITEMAP_MS} ms, no seq scan: {'PASS' if sitemaps_ok else 'FAIL'}"
    )
    for language in ("en", "fa"):
        value = p95.get(language, float("nan"))
        lines.append(
            f"  search p95 {language} < {SEARCH_P95_MS} ms: {value:.1f} ms "
            + ("PASS" if value < SEARCH_P95_MS else "FAIL")
        )
    if failures:
        lines.append(f"  failing: {', '.join(failures)}")
    lines += [
        "",
        "Reproduce (the corpora are kept in their databases; bench/archive.py loads each once, with COPY):",
        "  .venv/bin/python bench/archive.py --articles 1000 --database-url "
        "postgres://postgres@127.0.0.1:5432/newsroom_scale_1k",
        "  .venv/bin/python bench/archive.py      # 1,000,000 published articles in newsroom_million",
        "  .venv/bin/python bench/scale.py        # this file and docs/scale-plans.txt",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", default=SMALL, help="the database of about 1,000 articles")
    parser.add_argument("--large", default=LARGE, help="the database of about 1,000,000 articles")
    parser.add_argument("--rounds", type=int, default=15, help="timed requests per page")
    parser.add_argument("--search-rounds", type=int, default=20, help="rounds per search query (bench/search.py)")
    parser.add_argument(
        "--sitemap-pages", type=int, default=0, help="time only the first and last N pages of each sitemap"
    )
    parser.add_argument("--output", default=str(ROOT / "docs/scale-benchmark.txt"))
    parser.add_argument("--plans", default=str(ROOT / "docs/scale-plans.txt"))
    parser.add_argument(
        "--only", choices=["search"], help="measure only this part, at the large database, and write no file"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--verbose", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--search", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--explain", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(measure(options)))
        return
    started = time.perf_counter()
    if options.only == "search":
        print(f"measuring search at {options.large} …", flush=True)
        large = run_child(options.large, options, search=True, explain=False)
        print(f"Search at {large['articles']:,} articles (bench/search.py's queries and timing):\n{large['search']}")
        return
    print(f"measuring {options.small} …", flush=True)
    small = run_child(options.small, options, search=False, explain=False)
    print(f"measuring {options.large} …", flush=True)
    large = run_child(options.large, options, search=True, explain=True)
    text = report(small, large, time.perf_counter() - started)
    print(text)
    Path(options.output).write_text(text)
    Path(options.plans).write_text(
        f"Query plans (EXPLAIN ANALYZE) of every SELECT the reader pages, the sitemap index and the first and last "
        f"page of each sitemap run at {large['articles']:,} published articles (bench/scale.py).\n\n"
        + "\n\n".join(large["plans"])
        + "\n"
    )


if __name__ == "__main__":
    main()
