"""
Benchmark: render time of the reader's article, home and author pages over a large corpus.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_reader DEBUG=1 .venv/bin/python bench/reader_pages.py

It migrates the database, loads the demo newsroom, tops the corpus up to --articles generated articles
(bulk inserts; run again and nothing is added), then renders each page --runs times through Django's
test client (full middleware, templates, uncached) and prints the median and 95th percentile in
milliseconds with the SQL queries per page. Article pages are drawn from the whole corpus so that no
run is helped by the one before. Output is also written to bench/out/reader_pages.txt.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")  # render every time: this measures the uncached page

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Tag  # noqa: E402
from authors.models import Author  # noqa: E402
from bench.corpus import PREFIX, generate  # noqa: E402


def measure(client: Client, urls: list[str], runs: int) -> tuple[list[float], int]:
    """Render the URLs round-robin `runs` times; return the timings in ms and the queries of one render."""
    for url in urls[:3]:  # warm the templates and the connection
        client.get(url)
    timings = []
    for run in range(runs):
        url = urls[run % len(urls)]
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(urls[0])
    return timings, len(queries)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000, help="generated articles to have (default 5000)")
    parser.add_argument("--runs", type=int, default=200, help="renders per page type (default 200)")
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    try:
        call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        demo = "demo loaded"
    except Exception as error:  # the demo content may be missing on a branch; the corpus still runs
        demo = f"demo NOT loaded ({error.__class__.__name__}: {error})"
    started = time.perf_counter()
    added = generate(options.articles)
    generated_in = time.perf_counter() - started
    setup_test_environment(debug=False)  # allow the test client's host; no query log while timing
    client = Client()
    rng = random.Random(1)
    published = Article.objects.published()
    english = list(published.available_in("en").values_list("slug_en", flat=True))
    persian = list(published.available_in("fa").values_list("slug_fa", flat=True))
    prolific = Author.objects.filter(bylines__article__in=published).annotate(n=Count("bylines")).order_by("-n").first()
    pages = {
        "article (en)": [f"/en/articles/{slug}/" for slug in rng.sample(english, min(len(english), options.runs))],
        "article (fa)": [f"/fa/articles/{slug}/" for slug in rng.sample(persian, min(len(persian), options.runs))],
        "home (en)": ["/en/", "/en/?page=2", "/en/?page=50"],
        "home (fa)": ["/fa/", "/fa/?page=2", "/fa/?page=50"],
        "author (en)": [f"/en/authors/{prolific.slug}/", f"/en/authors/{prolific.slug}/?page=5"],
        "author (fa)": [f"/fa/authors/{prolific.slug}/", f"/fa/authors/{prolific.slug}/?page=5"],
    }
    lines = [
        f"Newsroom reader pages benchmark — {timezone.now():%Y-%m-%d %H:%M} UTC",
        f"database: {connection.vendor} {settings.DATABASES['default']['NAME']}; {demo}",
        f"corpus: {Article.objects.count()} articles ({published.count()} published; "
        f"{Article.objects.filter(slug_en__startswith=PREFIX).count()} generated, "
        f"{added} added in {generated_in:.1f} s), "
        f"{Author.objects.count()} authors, {Tag.objects.count()} tags; author page: {prolific.slug} "
        f"({published.by_author(prolific).count()} articles)",
        f"{options.runs} renders per page type, Django test client, full middleware, no cache",
        "",
        f"{'page':<14} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'queries':>8}",
    ]
    for name, urls in pages.items():
        timings, queries = measure(client, urls, options.runs)
        lines.append(
            f"{name:<14} {statistics.median(timings):>10.1f} {percentile(timings, 0.95):>8.1f} "
            f"{max(timings):>8.1f} {queries:>8}"
        )
    output = "\n".join(lines)
    print(output)  # noqa: T201
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "reader_pages.txt").write_text(output + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
