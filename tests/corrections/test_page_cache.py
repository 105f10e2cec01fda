"""A note reaches readers at once: the pages it changes are taken out of the page cache when it is saved."""

from django.urls import reverse
from django.utils import translation

from tests.factories import make_article
from tests.pagecache.test_page_cache import PageCacheTestCase

from .notes import CORRECTION_EN, CORRECTION_FA, add_note


class NotesInvalidateCachedPagesTests(PageCacheTestCase):
    def setUp(self):
        super().setUp()
        self.article = make_article()
        with translation.override("fa"):
            persian_feed = reverse("discovery:latest-atom")
        self.pages = [self.article.url_in("en"), self.article.url_in("fa"), "/en/corrections/", "/fa/corrections/",
                      reverse("discovery:latest-atom"), persian_feed]  # fmt: skip

    def cached(self) -> list[str]:
        for url in self.pages:
            self.get(url)
        return [url for url in self.pages if self.get(url)["X-Page-Cache"] == "hit"]

    def test_adding_a_note_makes_the_article_the_corrections_pages_and_feeds_fresh(self):
        self.assertEqual(self.cached(), self.pages)
        with self.captureOnCommitCallbacks(execute=True):
            note = add_note(self.article)
        for url in self.pages:
            self.assertEqual(self.get(url)["X-Page-Cache"], "miss", url)
        self.assertIn(CORRECTION_EN, self.get(self.article.url_in("fa")).content.decode())
        self.assertIn(f"article-note:{note.pk}", self.get(self.article.url_in("fa"))["Surrogate-Key"].split())

    def test_translating_a_note_makes_the_other_languages_page_fresh(self):
        note = add_note(self.article)  # long ago, as far as the cache knows: its invalidation is not run
        self.assertEqual(self.cached(), self.pages)
        self.edit(note, text_fa=CORRECTION_FA)
        response = self.get(self.article.url_in("fa"))
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertIn(CORRECTION_FA, response.content.decode())

    def test_editing_the_policy_makes_its_page_fresh(self):
        from corrections.models import CorrectionsPolicy

        self.get("/fa/corrections/policy/")
        self.assertEqual(self.get("/fa/corrections/policy/")["X-Page-Cache"], "hit")
        self.edit(CorrectionsPolicy.current(), body_fa="<p>سیاست تازه.</p>")
        response = self.get("/fa/corrections/policy/")
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertIn("سیاست تازه.", response.content.decode())
