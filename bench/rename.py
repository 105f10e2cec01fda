"""
Rename benchmark: an editor renames a section of 30,000 published articles through the admin, over HTTP.

    .venv/bin/python bench/rename.py                 # 30,000 articles in newsroom_rename_bench, output to docs/
    .venv/bin/python bench/rename.py --articles 5000 --database postgres://postgres@127.0.0.1:5432/other

The database is created (and migrated) if missing and its section filled once with bulk inserts (search text
built with the site's own functions, vectors filled in bulk). gunicorn serves the admin (deploy/gunicorn.conf.py,
two workers) and `manage.py run_worker` runs beside it, as in production. Each round signs in once, then
renames the section through its change form and reports the admin's response time (the POST that saves,
target <= 300 ms) and how long the worker takes to re-index every article (until no re-indexing task is
queued or running, and search finds the articles under the new name).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/newsroom_rename_bench"
SECTION_SLUG = "rename-bench"
NAMES = ["Rename bench alpha", "Rename bench beta"]
OUTPUT = ROOT / "docs" / "rename-benchmark.txt"
lines: list[str] = []


def say(text: str) -> None:
    print(text, flush=True)
    lines.append(text)


def prepare_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def fill(total: int) -> None:
    """Make the section and its published articles (once), and the editor who renames it."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from articles.models import Article, Byline, Section
    from authors.models import Author
    from search.indexing import refresh_search_vectors, search_text

    user = get_user_model().objects.filter(username="bench-editor").first()
    if user is None:
        get_user_model().objects.create_superuser("bench-editor", password="bench-editor-password")
    section, _created = Section.objects.get_or_create(
        slug_en=SECTION_SLUG, defaults={"name_en": NAMES[0], "name_fa": "بخش آزمون"}
    )
    author, _created = Author.objects.get_or_create(slug="rename-bench", defaults={"name_en": "Bench Writer",
                                                                                 "name_fa": "نویسنده"})  # fmt: skip
    existing = Article.objects.filter(section=section).count()
    now = timezone.now()
    started = time.perf_counter()
    for start in range(existing, total, 2000):
        articles = []
        for number in range(start, min(start + 2000, total)):
            body = f"<p>Report number {number} on wheat prices, water and the harvest in the provinces.</p>"
            headline, standfirst = f"Harvest report {number}", "Prices and water across the provinces."
            article = Article(section=section, status=Article.Status.PUBLISHED, headline_en=headline,
                              slug_en=f"rename-bench-{number}", standfirst_en=standfirst, body_en=body,
                              publish_at=now - timedelta(minutes=number))  # fmt: skip
            article.first_published_at = article.publish_at
            article.search_text_en = search_text(headline=headline, standfirst=standfirst,
                                                 related=[author.name_en, section.name_en], body_html=body)  # fmt: skip
            articles.append(article)
        with transaction.atomic():
            created = Article.objects.bulk_create(articles)
            Byline.objects.bulk_create(Byline(article=article, author=author, position=0) for article in created)
            refresh_search_vectors(Article.objects.filter(pk__in=[article.pk for article in created]))
        print(f"  {start + len(articles):>6} articles ({time.perf_counter() - started:.0f} s)", flush=True)


def reindexing_left() -> int:
    from django.db.models import Q
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        Q(status="READY") | Q(status="RUNNING"), task_path__startswith="search.tasks"
    ).count()


def found_under(name: str) -> int:
    from articles.models import Article
    from search.normalise import search_words

    word = search_words(name)[-1]  # the stored search text's form of the new name's last word
    return Article.objects.filter(section__slug_en=SECTION_SLUG, search_text_en__contains=word).count()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=30_000)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    options = parser.parse_args()
    if not options.database.startswith("postgres"):
        parser.error("give a postgres:// URL")
    os.environ.update({"DATABASE_URL": options.database, "DEBUG": "1", "NEWSROOM_ENV_FILE": ""})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    prepare_database(options.database)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    fill(options.articles)

    from django.db import close_old_connections

    from articles.models import Section
    from tests.appserver import GUNICORN, Staff
    from tests.services import free_port

    section = Section.objects.get(slug_en=SECTION_SLUG)
    port = free_port()
    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "GUNICORN_BIND": f"127.0.0.1:{port}",
           "GUNICORN_WORKERS": "2", "GUNICORN_ACCESS_LOG": "", "GUNICORN_LOG_LEVEL": "warning"}  # fmt: skip
    logs = tempfile.NamedTemporaryFile("w", prefix="rename-bench-", suffix=".log", delete=False)  # noqa: SIM115
    server = subprocess.Popen([str(GUNICORN), "--config", "deploy/gunicorn.conf.py"], cwd=ROOT, env=env,
                              stdout=logs, stderr=subprocess.STDOUT)  # fmt: skip
    worker = subprocess.Popen([sys.executable, "manage.py", "run_worker", "--verbosity", "0"], cwd=ROOT, env=env,
                              stdout=logs, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                editor = Staff(SimpleNamespace(base=base, server_log=lambda: ""), "bench-editor",
                               "bench-editor-password")  # fmt: skip
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        say(f"Rename benchmark: {options.articles:,} published articles in one section, PostgreSQL, gunicorn "
            "(2 workers) and one run_worker")  # fmt: skip
        say("Command: .venv/bin/python bench/rename.py" + (f" --articles {options.articles}"
                                                          if options.articles != 30_000 else ""))  # fmt: skip
        say("")
        say("round  new name              admin POST (ms)  re-indexed after (s)  found under new name  load (1 min)")
        path = f"/admin/articles/section/{section.pk}/change/"
        for round_number in range(1, options.rounds + 1):
            form = editor.form(path)
            new_name = NAMES[1] if form["name_en"] == [NAMES[0]] else NAMES[0]  # always a real rename
            form["name_en"] = [new_name]
            started = time.perf_counter()
            status, _page = editor.post(path, form)
            admin_ms = (time.perf_counter() - started) * 1000
            if status != 302:
                raise SystemExit(f"the rename was not saved (status {status})")
            while True:
                close_old_connections()
                if reindexing_left() == 0:
                    break
                time.sleep(0.05)
            reindexed = time.perf_counter() - started
            load = os.getloadavg()[0]  # a 2-core machine shared with other work: how busy it was
            say(f"{round_number:>5}  {new_name:<22}{admin_ms:>15.0f}{reindexed:>22.1f}{found_under(new_name):>22,}"
                f"{load:>14.1f}")  # fmt: skip
        say("")
        say(f"load: the machine's 1-minute load average at each rename ({os.cpu_count()} cores, shared with others).")
        say("Target: the admin's response within 300 ms; search finds the articles under the old name until the")
        say("worker's batches (500 articles a task) are done, never an error.")
    finally:
        for process in (worker, server):
            process.terminate()
            process.wait(timeout=30)
        logs.close()
    OUTPUT.write_text("\n".join(lines) + "\n")
    print(f"written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
