"""
Make the stored page of every published article that has none in the current version (articles/rendering.py):
after a deploy, a bulk load, or new interface wording, the newest first (`--newest N`: only those). `--all`
makes every page again. Safe to run any time,
also while the site serves: a page without a current stored version is rendered for its reader meanwhile.
About 40 ms an article in two languages on one core: a deploy's release leaves a large archive to the worker
(`--queue`).
"""

import time

from django.core.management.base import BaseCommand

from articles import rendering
from articles.models import Article
from core.background import enqueue_on_commit


class Command(BaseCommand):
    help = "Store the rendered pages of published articles that have no current one (--all: every article's)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="make every published article's pages again")
        parser.add_argument(
            "--queue", action="store_true", help="leave them to the worker, a thousand at a time (a deploy's release)"
        )
        parser.add_argument(
            "--newest",
            type=int,
            metavar="N",
            help="only the newest N of the articles missing or outdated (the rest: rendered for readers until stored)",
        )

    def handle(self, *args, all: bool = False, queue: bool = False, newest: int | None = None, **options):
        if queue:
            enqueue_on_commit(rendering.store_pages_task, None)
            self.stdout.write("The worker will store the pages missing or outdated.")
            return
        started = time.monotonic()
        if all:
            ids = list(Article.objects.filter(status=Article.Status.PUBLISHED).values_list("pk", flat=True))
        else:
            ids = rendering.missing_or_outdated()[:newest]
        made = rendering.store_pages(ids)
        rendering.refresh_statistics()
        seconds = time.monotonic() - started
        self.stdout.write(f"Stored {made} pages of {len(ids)} articles in {seconds:.1f} s.")
