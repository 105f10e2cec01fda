#!/usr/bin/env python
"""
Edge benchmark (issue 19): how soon an editor's change shows through Varnish holding pages for an hour.

    .venv/bin/python bench/edge.py [--cycles 8] [--connections 16] [--seconds 10]

Everything runs on loopback and is removed on exit: a throw-away PostgreSQL database (newsroom_edge_bench,
migrated, loaded with load_demo), a redis-server of its own (the page cache), gunicorn (deploy/gunicorn.conf.py,
2 sync workers, DEBUG off) with EDGE_PURGER=varnish, one `manage.py run_worker` (polling every 0.1 s) running the
purges (--worker-interval), varnishd with deploy/varnish/newsroom.vcl (tests/services.VarnishServer, TTL one
hour), and nginx serving the home page's bytes as a static file (the ceiling).

While wrk loads the home page and one article through Varnish, the editor (signed in over HTTP, through
Varnish) publishes a draft, edits its headline and withdraws it, --cycles times (three edits a cycle), and the
bench measures, from the admin's answer, how long until every affected page (the article, the home page, its
section) shows the change through the edge. Then the edge's hit ratio over the load (varnishstat
MAIN.cache_hit / (cache_hit + cache_miss)), and wrk on the home page through Varnish against nginx serving the
same bytes from disk, at the same concurrency. Writes the report to docs/edge-benchmark.txt (--output).
Needs PostgreSQL, redis-server, varnishd with varnish-modules, nginx and wrk.
"""

import argparse
import datetime
import fcntl
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.faults import form_values  # noqa: E402
from bench.serving import (  # noqa: E402
    GUNICORN,
    PYTHON,
    ROOT,
    ensure_database,
    environment,
    fail,
    manage,
    nginx_main_config,
    run_django,
)
from bench.serving import wrk as run_wrk  # noqa: E402
from bench.two_servers import Browser  # noqa: E402
from tests.services import RedisServer, VarnishServer, free_port  # noqa: E402

DATABASE = "newsroom_edge_bench"
POSTGRES = "postgres://postgres@127.0.0.1:5432"
EDITOR = ("editor", "newsroom-editor-demo")
DRAFT_SLUG = "rooftop-solar-and-the-politics-of-the-grid"
POLL_SECONDS = 0.005
GIVE_UP_SECONDS = 10.0
PAUSE_BETWEEN_EDITS = 1.0

CONTENT = f"""
import django, json
django.setup()
from django.utils import translation
from articles.models import Article
draft = Article.objects.get(slug_en={DRAFT_SLUG!r})
draft.status = Article.Status.DRAFT
draft.publish_at = None
draft.save()
loaded = Article.objects.published().exclude(pk=draft.pk).exclude(section=draft.section).first()
with translation.override("en"):
    print(json.dumps({{"draft": draft.pk, "headline": draft.headline_en, "article": draft.url_in("en"),
                      "section": draft.section.get_absolute_url(), "loaded": loaded.url_in("en")}}))
"""

WRK_SCRIPT = """
paths = {{"{home}", "{article}"}}
counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter % 2) + 1])
end
"""


def say(message: str) -> None:
    print(message, flush=True)


def read(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def shows(url: str, text: str, present: bool) -> bool:
    status, body = read(url)
    if present:
        return status == 200 and text in body
    return status == 404 or text not in body


def seconds_until_all(urls: list[str], text: str, present: bool, since: float) -> dict[str, float]:
    """Poll each URL in a thread of its own; return, per URL, the seconds from `since` until it shows the change."""
    found: dict[str, float] = {}

    def watch(url: str) -> None:
        while time.monotonic() - since < GIVE_UP_SECONDS:
            if shows(url, text, present):
                found[url] = time.monotonic() - since
                return
            time.sleep(POLL_SECONDS)

    threads = [threading.Thread(target=watch, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    missing = [url for url in urls if url not in found]
    if missing:
        fail(f"{missing} did not show the change ({text!r}, present={present}) within {GIVE_UP_SECONDS} s")
    return found


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def nginx_static(directory: Path, port: int, html: bytes) -> list[str]:
    """Return the command for nginx serving `html` as /home.html (Debian's stock sendfile settings)."""
    (directory / "ceiling").mkdir()
    (directory / "ceiling/home.html").write_bytes(html)
    site = f"""    server {{
        listen 127.0.0.1:{port};
        location / {{ root {directory}/ceiling; default_type text/html; }}
    }}"""
    config = nginx_main_config(directory, site)
    return ["nginx", "-c", str(config), "-g", "daemon off;"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=8, help="publish, edit, withdraw: three edits a cycle")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=10, help="each throughput run")
    parser.add_argument("--worker-interval", default="0.1", help="the worker's poll when idle, in seconds")
    parser.add_argument("--output", default=str(ROOT / "docs/edge-benchmark.txt"))
    options = parser.parse_args()
    for binary in ("wrk", "nginx", "varnishstat", "redis-server"):
        if not shutil.which(binary) and not os.path.exists(f"/usr/sbin/{binary}"):
            fail(f"{binary} is not installed")

    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    database_url = f"{POSTGRES}/{DATABASE}"
    ensure_database(database_url)
    directory = Path(tempfile.mkdtemp(prefix="newsroom-edge-bench-"))
    directory.chmod(0o755)  # nginx's workers run as an unprivileged user
    redis = RedisServer().start()
    app_port, nginx_port = free_port(), free_port()
    varnish = VarnishServer(backend_port=app_port, ttl="1h", storage="malloc,256m")
    env = environment(
        database_url,
        redis.url,
        MEDIA_ROOT=str(directory / "media"),
        GUNICORN_BIND=f"127.0.0.1:{app_port}",
        EDGE_PURGER="varnish",
        EDGE_VARNISH_URLS=varnish.url,
    )
    processes: list[subprocess.Popen] = []
    report: list[str] = []

    def line(text: str = "") -> None:
        report.append(text)
        say(text)

    try:
        say("Preparing the database (migrate, load_demo, collectstatic, compilemessages) …")
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput")
        with open("/tmp/newsroom-po.lock", "a") as lock:  # others may be rewriting the shared catalogue
            fcntl.flock(lock, fcntl.LOCK_EX)
            manage(env, "compilemessages", "--ignore=.venv")
        content = __import__("json").loads(run_django(env, CONTENT).strip().splitlines()[-1])

        processes.append(subprocess.Popen([GUNICORN, "--config", "deploy/gunicorn.conf.py"], cwd=ROOT, env=env))
        worker_log = open(directory / "worker.log", "w")  # noqa: SIM115 -- closed with the directory
        processes.append(
            subprocess.Popen(
                [PYTHON, "manage.py", "run_worker"],
                cwd=ROOT,
                env={**env, "TASKS_WORKER_POLL_SECONDS": options.worker_interval},
                stdout=worker_log,
                stderr=subprocess.STDOUT,
            )
        )
        varnish.start()
        edge = varnish.url
        deadline = time.monotonic() + 30
        while read(edge + "/en/")[0] != 200 or read(edge + "/admin/login/")[0] != 200:
            if time.monotonic() > deadline:
                fail(f"no page came through Varnish:\n{varnish.read_log()}")
            time.sleep(0.2)
        home_html = read(edge + "/en/")[1].encode()
        processes.append(subprocess.Popen(nginx_static(directory, nginx_port, home_html)))
        time.sleep(1)

        affected = [edge + content["article"], edge + "/en/", edge + content["section"]]
        editor = Browser(edge)
        editor.sign_in(*EDITOR)
        for url in (edge + "/en/", edge + content["loaded"], edge + content["section"]):
            read(url)

        script = directory / "pages.lua"
        script.write_text(WRK_SCRIPT.format(home="/en/", article=content["loaded"]))
        load_seconds = int(options.cycles * 3 * (PAUSE_BETWEEN_EDITS + 1.5)) + 10
        before = varnish.counters()
        load = subprocess.Popen(
            ["wrk", "-t2", f"-c{options.connections}", f"-d{load_seconds}s", "--timeout", "10s", "-s", str(script),
             edge + "/"],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        time.sleep(2)

        change = f"/admin/articles/article/{content['draft']}/change/"
        selected = {"_selected_action": [str(content["draft"])], "index": "0", "select_across": "0"}
        headline = content["headline"]
        edits: list[tuple[str, float, dict[str, float]]] = []
        for cycle in range(options.cycles):
            edited = f"Edge bench, cycle {cycle}: {content['headline']}"
            steps = [("publish", None), ("edit", edited), ("withdraw", None)]
            for action, new_headline in steps:
                if action == "edit":
                    form = form_of(editor, change)
                    form["headline_en"] = [new_headline]
                    status, _headers, body = editor.request(change, form)
                else:
                    editor.request("/admin/articles/article/")
                    name = "publish" if action == "publish" else "unpublish"
                    status, _headers, body = editor.request("/admin/articles/article/", {"action": name, **selected})
                answered = time.monotonic()
                if status != 302:
                    errors = re.findall(r"<ul class=\"errorlist[^>]*>(.*?)</ul>", body, re.S)
                    fail(f"{action} answered {status}: {errors or body[:2000]}")
                if action == "edit":
                    headline = new_headline
                found = seconds_until_all(affected, headline, action != "withdraw", answered)
                edits.append((action, max(found.values()), found))
                say(f"  {action:8} all {len(found)} pages after {max(found.values()) * 1000:6.0f} ms")
                time.sleep(PAUSE_BETWEEN_EDITS)
        load_output, _ = load.communicate(timeout=load_seconds + 60)
        after = varnish.counters()

        say("Throughput: the home page through Varnish, then the same bytes from nginx …")
        through_varnish = run_wrk(edge + "/en/", options.seconds, options.connections)
        from_nginx = run_wrk(f"http://127.0.0.1:{nginx_port}/home.html", options.seconds, options.connections)

        hits = after["cache_hit"] - before["cache_hit"]
        misses = after["cache_miss"] - before["cache_miss"]
        totals = [seconds for _action, seconds, _found in edits]
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        report.clear()
        line(f"Edge benchmark (issue 19), {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
             f"commit {commit.stdout.strip()}, {platform.node()} ({os.cpu_count()} CPUs, shared)")  # fmt: skip
        line(f"Reproduce: .venv/bin/python bench/edge.py {shlex.join(sys.argv[1:])}".rstrip())
        line(f"varnishd 7.1 (deploy/varnish/newsroom.vcl, TTL 1 h, malloc 256 MB) -> gunicorn (2 sync workers, "
             f"page cache on Redis) on PostgreSQL; one run_worker polling every {options.worker_interval} s; "
             f"wrk -t2 -c{options.connections} "
             f"on the home page and {content['loaded']} through Varnish during the edits.")  # fmt: skip
        line()
        line(f"Time from the admin's answer until every affected page shows the change through the edge "
             f"({len(edits)} edits; pages: the article, the home page, its section; polled every "
             f"{POLL_SECONDS * 1000:.0f} ms):")  # fmt: skip
        p50, p99 = percentile(totals, 0.5) * 1000, percentile(totals, 0.99) * 1000
        line(f"  all edits     p50 {p50:5.0f} ms   p99 {p99:5.0f} ms"
             f"   max {max(totals) * 1000:5.0f} ms   mean {statistics.mean(totals) * 1000:5.0f} ms")  # fmt: skip
        for action in ("publish", "edit", "withdraw"):
            values = [seconds for name, seconds, _found in edits if name == action]
            line(f"  {action:12}  p50 {percentile(values, 0.5) * 1000:5.0f} ms   max {max(values) * 1000:5.0f} ms"
                 f"   ({len(values)} edits)")  # fmt: skip
        for index, label in enumerate(("article", "home", "section")):
            values = [found[affected[index]] for _action, _seconds, found in edits]
            line(f"  page {label:8}  p50 {percentile(values, 0.5) * 1000:5.0f} ms   max {max(values) * 1000:5.0f} ms")
        line()
        rate = hits / (hits + misses) if hits + misses else float("nan")
        line(f"Edge hit ratio during the load and edits: {rate:.4f} (MAIN.cache_hit {hits}, MAIN.cache_miss {misses}; "
             f"besides, cache_hitmiss {after['cache_hitmiss'] - before['cache_hitmiss']}, "
             f"s_pass {after['s_pass'] - before['s_pass']}: admin and uncacheable)")  # fmt: skip
        requests = load_output.split("Requests/sec:")[-1].split()[0] if "Requests/sec:" in load_output else "?"
        line(f"Load during the edits (home + article through Varnish): {requests} req/s")
        line()
        line(
            f"Throughput, wrk -t2 -c{options.connections} -d{options.seconds}s, the home page ({len(home_html)} bytes):"
        )
        for label, result in (("through Varnish (hit)", through_varnish), ("nginx, static file", from_nginx)):
            line(f"  {label:22} {result['rps']:9.0f} req/s   p50 {result['p50']:6.2f} ms   p99 {result['p99']:6.2f} ms"
                 f"   errors {result['errors']}")  # fmt: skip
        line(f"  Varnish / nginx: {through_varnish['rps'] / from_nginx['rps']:.2f}")
        Path(options.output).write_text("\n".join(report) + "\n")
        say(f"Written to {options.output}")
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        varnish.close()
        redis.close()
        shutil.rmtree(directory, ignore_errors=True)


def form_of(editor: Browser, path: str) -> dict[str, list[str]]:
    """The change form's current values, as a browser would submit them."""
    status, _headers, page = editor.request(path)
    if status != 200:
        fail(f"GET {path} answered {status}")
    return form_values(page, form_id="article_form")


if __name__ == "__main__":
    main()
