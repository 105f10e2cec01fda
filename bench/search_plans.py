#!/usr/bin/env python
"""
The query plans of a search's first page: every SQL statement the search page's own work runs (as
bench/search.py times it), each EXPLAIN (ANALYZE, BUFFERS)ed, with the planner settings search sets for it.

    .venv/bin/python bench/search_plans.py 'en:inflation' 'en:"interest rates"' 'fa:میخواهند'
    .venv/bin/python bench/search_plans.py --database postgres://postgres@127.0.0.1:5432/other 'en:nuclear talks'
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("queries", nargs="+", help="language:query, e.g. en:inflation")
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/newsroom_million")
    options = parser.parse_args()
    os.environ["DATABASE_URL"] = options.database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("NEWSROOM_ENV_FILE", "")
    os.environ.setdefault("DEBUG", "1")

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from articles.models import Article
    from search.backends import marked_terms, search
    from search.query import Query

    for spec in options.queries:
        language, raw = spec.split(":", 1)
        translation.activate(language)

        def run(language=language, raw=raw):
            query = Query.parse(raw, language)
            found = search(Article.objects.published().available_in(language).for_listing(), query, language)
            page = found.page(1, 10)
            list(page)
            marked_terms(query, language)
            return page

        run()  # warm up
        times = []
        for _ in range(3):
            started = time.perf_counter()
            run()
            times.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as captured:
            page = run()
        found = f"{page.limit:,}+" if page.capped else f"{page.found:,}"
        print(f"=== {language} {raw!r}: {found} matches, {', '.join(f'{t:.0f}' for t in times)} ms")
        settings = {}
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                sql = query["sql"]
                if "set_config(" in sql:  # search's planner settings for the next statement
                    settings = dict(re.findall(r"set_config\('(\w+)', '(\w+)'", sql))
                    continue
                if not sql.lstrip().upper().startswith("SELECT") or "articles_article" not in sql:
                    continue
                print(f"--- {float(query['time']) * 1000:.1f} ms: {sql}")
                changed = {name: value for name, value in settings.items() if value == "off"}
                for name, value in changed.items():
                    cursor.execute(f"SET {name} = {value}")
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                print("\n".join(row[0] for row in cursor.fetchall()))
                for name in changed:
                    cursor.execute(f"RESET {name}")
        print()


if __name__ == "__main__":
    main()
