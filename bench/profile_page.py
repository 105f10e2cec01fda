#!/usr/bin/env python
"""
Profile uncached reader pages as a gunicorn worker serves them (issue 17).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench .venv/bin/python bench/profile_page.py \
        /en/articles/where-the-water-went/ /en/ [--runs 200] [--html out.html]

Each URL is requested --runs times through the WSGI application itself (not the test client, which keeps
the database connection open between requests and so hides what a fresh connection costs), with DEBUG off
and the page cache off, under pyinstrument; it prints the mean milliseconds per request and the profile.
Use the corpus bench/serving.py built (its database is kept between runs).
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("HTTPS", "0")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-for-production-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ["PAGE_CACHE_SECONDS"] = "0"  # render every time: this measures the uncached page

from django.core.wsgi import get_wsgi_application  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

application = get_wsgi_application()


def request(path: str) -> int:
    """Serve one GET as gunicorn would, closing the response (request_finished) afterwards."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": unquote(path).encode().decode("latin-1"),  # as a WSGI server passes it
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    status = []
    response = application(environ, lambda s, headers, exc_info=None: status.append(s))
    for _chunk in response:
        pass
    response.close()
    return int(status[0].split()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--html", help="also write pyinstrument's HTML report of the last path here")
    options = parser.parse_args()
    for path in options.paths:
        for _ in range(5):  # templates compiled, translations loaded
            if (code := request(path)) != 200:
                sys.exit(f"{path} answered {code}")
        profiler = Profiler(interval=0.0005)
        start = time.perf_counter()
        with profiler:
            for _ in range(options.runs):
                request(path)
        elapsed = (time.perf_counter() - start) * 1000 / options.runs
        print(f"== {path}: {elapsed:.2f} ms per request (under the profiler), {options.runs} runs")
        print(profiler.output_text(unicode=True, color=False, show_all=False, short_mode=False))
        if options.html:
            Path(options.html).write_text(profiler.output_html())


if __name__ == "__main__":
    main()
