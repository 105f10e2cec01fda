"""
The browser suite's world: the real app under gunicorn on a fresh PostgreSQL database, Redis as the
shared cache (as in production), and Debian's Chromium driven by Playwright.

Nothing here is skipped: a missing Chromium, Java, npm package, PostgreSQL or Redis stops the run at
once with a message saying what to install.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
ARTIFACTS = HERE / "artifacts"
NODE_MODULES = HERE / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PG_HOST = os.environ.get("PG_HOST", "127.0.0.1")
PG_PORT = os.environ.get("PG_PORT", "5432")
PG_USER = os.environ.get("PG_USER", "postgres")
PYTHON = sys.executable

# Demo users (articles/management/commands/load_demo.py).
EDITOR = ("editor", "newsroom-editor-demo")
AUTHOR = ("author", "newsroom-author-demo")
TRANSLATOR = ("translator", "newsroom-translator-demo")


def pytest_configure(config):
    """Refuse to start without the tools the suite needs: fail loudly, never skip."""
    missing = []
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"Chromium at {CHROMIUM} (apt-get install -y chromium)")
    if not shutil.which("java"):
        missing.append("Java for the Nu HTML checker (apt-get install -y default-jre-headless)")
    if not shutil.which("redis-server"):
        missing.append("redis-server, the shared page cache (apt-get install -y redis-server)")
    for path in (AXE_JS, VNU_JAR):
        if not path.is_file():
            missing.append(f"{path.relative_to(PROJECT)} (cd tests/browser && npm ci --ignore-scripts)")
    if missing:
        pytest.exit("the browser suite cannot run without:\n  " + "\n  ".join(missing), returncode=3)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode} while starting")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer {url} within {seconds} s")


# Figures the journeys record (pages checked, payloads…), printed at the end of the run.
FIGURES: dict = {}


@dataclass
class Site:
    """The running app: its address, its environment and the log its processes write."""

    url: str
    env: dict
    log: Path
    database: str
    notes: dict = field(default_factory=lambda: FIGURES)  # what one journey leaves for the next, and the figures

    def manage(self, *args: str, settings: str = "newsroom.settings") -> str:
        env = {**self.env, "DJANGO_SETTINGS_MODULE": settings}  # manage.py reads settings before --settings
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=PROJECT, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Serve the app as production does (DEBUG off, gunicorn, PostgreSQL, Redis) on free loopback ports."""
    import psycopg

    shutil.rmtree(ARTIFACTS, ignore_errors=True)  # this run's findings only
    ARTIFACTS.mkdir()
    work = tmp_path_factory.mktemp("site")
    log = ARTIFACTS / "server.log"
    database = f"newsroom_browser_{os.getpid()}"
    try:
        with psycopg.connect(
            host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", autocommit=True, connect_timeout=5
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{database}"')
    except psycopg.OperationalError as error:
        pytest.exit(f"PostgreSQL is not reachable at {PG_HOST}:{PG_PORT} as {PG_USER}: {error}", returncode=3)

    redis_port, app_port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "0",
        "DATABASE_URL": f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{database}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "MEDIA_ROOT": str(work / "media"),
        "WITHHELD_MEDIA_ROOT": str(work / "withheld-media"),  # a taken-down article's images, never served
        "GUNICORN_BIND": f"127.0.0.1:{app_port}",
        "GUNICORN_WORKERS": os.environ.get("GUNICORN_WORKERS", "2"),
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "WARNING",
        # Demo logins come from one address many times over a run.
        "AXES_FAILURE_LIMIT": "50",
    }
    # Playwright's sync API runs an event loop in this thread; the ORM calls made here between browser
    # steps are ordinary blocking calls, which Django would otherwise refuse in an async context.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    processes = []
    with log.open("w") as log_file:
        redis = subprocess.Popen(
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        processes.append(redis)
        site = Site(url=f"http://127.0.0.1:{app_port}", env=env, log=log, database=database)
        try:
            site.manage("migrate", "--noinput")
            site.manage("compilemessages", "--ignore=.venv", "--ignore=node_modules")
            site.manage("collectstatic", "--noinput", "--clear", settings="tests.browser.static_settings")
            site.manage("load_demo")
            # deploy/gunicorn.conf.py as in production; the app named here adds the media files (see wsgi.py).
            gunicorn = subprocess.Popen(
                [PYTHON, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", "tests.browser.wsgi:application"],
                cwd=PROJECT,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            processes.append(gunicorn)
            wait_for(f"{site.url}/robots.txt", gunicorn, "gunicorn")
            # The background worker, as deployed: the renditions of an uploaded image are made by it.
            worker = subprocess.Popen(
                [PYTHON, "manage.py", "run_worker", "--worker-id", f"browser-{os.getpid()}"],
                cwd=PROJECT,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            processes.append(worker)
            # This process reads and writes the same database and cache, as a second app server would.
            os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS",
                                                  "HTTPS", "DATABASE_URL", "REDIS_URL", "MEDIA_ROOT",
                                                  "WITHHELD_MEDIA_ROOT")})  # fmt: skip
            import django

            django.setup()
            yield site
        finally:
            from django.db import connections

            if "DJANGO_SETTINGS_MODULE" in os.environ and "django" in sys.modules:
                try:
                    connections.close_all()
                except Exception:  # settings may never have been configured
                    pass
            for process in reversed(processes):
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
                    try:
                        process.wait(timeout=15)
                    except subprocess.TimeoutExpired:
                        process.kill()
            drop_database(database)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, site, request):
    """A fresh browser profile (no cookies) that reports console errors, uncaught exceptions and dialogs."""
    ctx = browser.new_context(base_url=site.url, locale="en-GB", viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(15_000)
    ctx.problems = []

    def watch(page):
        page.on("pageerror", lambda error: ctx.problems.append(f"uncaught exception on {page.url}: {error}"))
        page.on(
            "console",
            lambda message: (
                ctx.problems.append(f"console {message.type} on {page.url}: {message.text}")
                if message.type == "error"
                else None
            ),
        )
        page.on("dialog", lambda dialog: (ctx.problems.append(f"dialog on {page.url}: {dialog.message}"),
                                          dialog.dismiss()))  # fmt: skip

    ctx.on("page", watch)
    yield ctx
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        for index, page in enumerate(ctx.pages):
            name = f"{request.node.name}-{index}.png".replace("/", "_")
            try:
                page.screenshot(path=str(ARTIFACTS / name), full_page=True)
            except Exception:  # a crashed page has no picture; the failure says why
                pass
    ctx.close()


@pytest.fixture(scope="session", autouse=True)
def screenshots_on_failure(request, site, browser):
    """When anything failed, picture each kind of page in both languages (tests/browser/artifacts/pages/)."""
    yield
    if not request.session.testsfailed:
        return
    from tests.browser.journey_30_pages import SURVEY, survey_path

    folder = ARTIFACTS / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(base_url=site.url, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    for kind, language in SURVEY:
        try:
            page.goto(survey_path(kind, language))
            page.screenshot(path=str(folder / f"{kind}-{language}.png"), full_page=True)
        except Exception as error:  # a page that cannot be pictured is reported, not fatal
            print(f"no screenshot of {kind} ({language}): {error}")  # noqa: T201
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


def log_in(page, credentials: tuple[str, str], language: str = "en") -> None:
    """Sign in to the admin through its login form, in the admin's English or Persian."""
    username, password = credentials
    page.goto(f"/language/{language}/?next=/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def wait_for_renditions(article_pk: int, seconds: float = 30):
    """Return the article once the worker has made its image's renditions (failing after `seconds`)."""
    from articles.models import Article

    deadline = time.monotonic() + seconds
    while True:
        article = Article.objects.get(pk=article_pk)
        if article.image_renditions.get("jpeg"):
            return article
        if time.monotonic() > deadline:
            raise AssertionError(f"the worker made no renditions within {seconds} s: {article.image_renditions}")
        time.sleep(0.2)


def fetch(site: Site, path: str) -> tuple[int, bytes]:
    """Return the status and body a reader with no cookies gets for a path (redirects followed)."""
    try:
        with urllib.request.urlopen(site.url + path, timeout=15) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def anonymous_status(site: Site, path: str) -> int:
    """Return the status a reader with no cookies gets for a path (redirects not followed)."""
    request = urllib.request.Request(site.url + urllib.parse.quote(path, safe="/?=&"), method="GET")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def pytest_terminal_summary(terminalreporter):
    figures = {key: value for key, value in FIGURES.items() if not key.startswith("part")}
    if figures:
        terminalreporter.section("browser suite figures")
        for key, value in figures.items():
            terminalreporter.line(f"{key}: {value}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.report_call = report
    return report
