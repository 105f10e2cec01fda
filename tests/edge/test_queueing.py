"""An edit's commit queues purges of exactly the keys it made stale; a failed purge raises to be retried."""

from django.db import transaction
from django.test import TestCase, override_settings
from django_tasks_db.models import DBTaskResult

from edge.purgers import PurgeFailed
from edge.tasks import purge
from pagecache.invalidation import pages_invalidated
from tests.factories import make_article, make_author, make_section

VARNISH = {"EDGE_PURGER": "varnish", "EDGE_VARNISH_URLS": ["http://127.0.0.1:9"], "EDGE_PURGE_TIMEOUT": 1}


class SignalTests(TestCase):
    def setUp(self):
        self.sent: list[frozenset[str]] = []
        pages_invalidated.connect(self.receive)
        self.addCleanup(pages_invalidated.disconnect, self.receive)

    def receive(self, sender, *, tags, **kwargs):
        self.sent.append(tags)

    def test_an_edit_announces_exactly_the_tags_of_the_pages_it_touched(self):
        section, author = make_section(), make_author()
        article = make_article(section=section, authors=[author])
        self.sent.clear()
        with self.captureOnCommitCallbacks(execute=True):
            with transaction.atomic():
                article.headline_en = "Rivers return"
                article.save()
                article.tags.set([])
        self.assertEqual(
            frozenset().union(*self.sent),
            {f"article:{article.pk}", "home", "feeds", "sitemaps", "series-index", f"section:{section.pk}",
             f"author:{author.pk}"},
        )  # fmt: skip

    def test_an_edit_rolled_back_sends_nothing(self):
        article = make_article()
        self.sent.clear()
        with self.captureOnCommitCallbacks(execute=True):
            try:
                with transaction.atomic():
                    article.save()
                    raise RuntimeError("the editor's save failed")
            except RuntimeError:
                pass
        self.assertEqual(self.sent, [])


class QueueingTests(TestCase):
    def queued(self) -> list[list[str]]:
        return [result.args_kwargs["args"][0] for result in DBTaskResult.objects.filter(task_path="edge.tasks.purge")]

    @override_settings(**VARNISH)
    def test_an_edit_queues_purges_of_its_keys_and_no_others(self):
        article = make_article()
        DBTaskResult.objects.all().delete()
        with self.captureOnCommitCallbacks(execute=True):
            with transaction.atomic():
                article.headline_en = "Rivers return"
                article.save()
        queued = self.queued()
        keys = set().union(*queued)
        self.assertIn(f"article:{article.pk}", keys)
        self.assertIn("home", keys)
        self.assertNotIn("site", keys)  # an article's edit leaves unrelated pages cached
        self.assertTrue(all(batch == sorted(batch) for batch in queued))

    def test_with_no_edge_nothing_is_queued(self):
        with self.captureOnCommitCallbacks(execute=True):
            make_article()
        self.assertEqual(self.queued(), [])


class PurgeTaskTests(TestCase):
    @override_settings(**VARNISH)
    def test_a_purge_the_edge_cannot_take_raises_and_is_logged(self):
        with self.assertLogs("edge.tasks", "ERROR") as logs, self.assertRaises(PurgeFailed):
            purge.call(["home"])
        self.assertIn("Purging 1 surrogate keys from the edge failed", logs.output[0])

    def test_with_the_edge_turned_off_a_queued_purge_does_nothing(self):
        self.assertEqual(purge.call(["home"]), 0)
