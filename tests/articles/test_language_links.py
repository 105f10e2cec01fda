"""
A link in a body to one of our articles follows the reader's language: on the Persian page it points at the
Persian version, on the English page at the English one, when readers can see that version.
"""

from datetime import timedelta

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from articles.links import article_address, resolve_links
from tests.factories import ENGLISH_BODY, PERSIAN_BODY, make_article
from tests.pages import Page, ReaderTestCase


def body_with_links(*hrefs: str, base: str = ENGLISH_BODY) -> str:
    return base + "".join(f'<p>See <a href="{href}">this earlier piece</a>.</p>' for href in hrefs)


class LanguageLinkTests(ReaderTestCase):
    def links_on(self, article, language: str) -> list[str]:
        page = Page(self.client.get(article.url_in(language)))
        return [a["href"] for a in page.soup.find_all("a", string="this earlier piece")]

    def test_a_link_to_the_english_version_points_at_the_persian_one_on_the_persian_page(self):
        earlier = make_article()
        linking = make_article(body_fa=body_with_links(earlier.url_in("en"), base=PERSIAN_BODY))
        self.assertEqual(self.links_on(linking, "fa"), [earlier.url_in("fa")])

    def test_a_link_to_the_persian_version_points_at_the_english_one_on_the_english_page(self):
        earlier = make_article()
        linking = make_article(body_en=body_with_links(earlier.url_in("fa")))
        self.assertEqual(self.links_on(linking, "en"), [earlier.url_in("en")])

    def test_a_link_already_in_the_pages_language_is_left_as_written(self):
        earlier = make_article()
        linking = make_article(body_en=body_with_links(earlier.url_in("en") + "#what-changed"))
        self.assertEqual(self.links_on(linking, "en"), [earlier.url_in("en") + "#what-changed"])

    def test_a_link_to_an_article_not_written_in_the_pages_language_is_left_as_written(self):
        english_only = make_article(languages=("en",))
        linking = make_article(body_fa=body_with_links(english_only.url_in("en"), base=PERSIAN_BODY))
        self.assertEqual(self.links_on(linking, "fa"), [english_only.url_in("en")])

    def test_a_link_to_an_article_readers_cannot_see_is_left_as_written(self):
        draft = make_article(published_ago=None)
        linking = make_article(body_en=body_with_links(draft.url_in("fa")))
        self.assertEqual(self.links_on(linking, "en"), [draft.url_in("fa")])

    def test_the_subheading_anchor_of_the_other_language_is_dropped_with_it(self):
        earlier = make_article()
        linking = make_article(body_en=body_with_links(earlier.url_in("fa") + "#%DA%86%D9%87"))
        self.assertEqual(self.links_on(linking, "en"), [earlier.url_in("en")])

    @override_settings(ALLOWED_HOSTS=["newsroom.example", "testserver"])
    def test_an_absolute_link_with_our_host_follows_and_keeps_its_host(self):
        earlier = make_article()
        linking = make_article(body_en=body_with_links(f"https://newsroom.example{earlier.url_in('fa')}"))
        self.assertEqual(self.links_on(linking, "en"), [f"https://newsroom.example{earlier.url_in('en')}"])

    @override_settings(ALLOWED_HOSTS=["newsroom.example", "testserver"])
    def test_the_same_address_on_another_site_is_not_ours(self):
        earlier = make_article()
        elsewhere = f"https://other.example{earlier.url_in('fa')}"
        linking = make_article(body_en=body_with_links(elsewhere))
        self.assertEqual(self.links_on(linking, "en"), [elsewhere])

    def test_the_staff_preview_shows_the_links_as_readers_will(self):
        from tests.factories import make_user

        earlier = make_article()
        draft = make_article(published_ago=None, body_en=body_with_links(earlier.url_in("fa")))
        self.client.force_login(make_user("editor", groups=["Editor"], is_staff=True))
        page = Page(self.client.get(f"/admin/articles/article/{draft.pk}/preview/?language=en"))
        self.assertEqual(
            [a["href"] for a in page.soup.find_all("a", string="this earlier piece")], [earlier.url_in("en")]
        )


class LinkResolutionTests(ReaderTestCase):
    def test_article_addresses_in_either_language_relative_or_absolute_are_recognised(self):
        article = make_article()
        for language in ("en", "fa"):
            address = article_address(article.url_in(language))
            self.assertEqual((address.language, address.slug), (language, article.slug_in(language)))
        with override_settings(ALLOWED_HOSTS=["newsroom.example"]):
            self.assertIsNotNone(article_address(f"http://newsroom.example{article.url_in('en')}"))
        self.assertIsNone(article_address(f"https://elsewhere.example{article.url_in('en')}"))
        self.assertIsNone(article_address("/en/sections/economy/"))
        self.assertIsNone(article_address("mailto:desk@example.org"))

    def test_every_link_of_a_body_is_resolved_in_one_query(self):
        articles = [make_article() for _ in range(4)]
        body = body_with_links(
            *(article.url_in(lang) for article in articles for lang in ("en", "fa")), "/en/articles/gone/"
        )
        with CaptureQueriesContext(connection) as captured:
            resolved = resolve_links(body)
        self.assertEqual(len(captured), 1)
        self.assertEqual(len(resolved.links), 9)
        self.assertEqual({article.pk for article in resolved.linked_articles()}, {a.pk for a in articles})
        self.assertIsNone(resolved.article_for(resolved.links[-1]))

    def test_a_body_without_links_to_our_articles_costs_no_query(self):
        with CaptureQueriesContext(connection) as captured:
            resolved = resolve_links(body_with_links("https://example.org/elsewhere"))
        self.assertEqual((len(captured), resolved.links), (0, []))


class LinkQueryCountTests(ReaderTestCase):
    def count(self, url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(captured)

    def test_links_cost_one_query_whatever_their_number_and_the_page_stays_within_budget(self):
        from tests.articles.test_query_counts import ARTICLE_PAGE_BUDGET

        targets = [make_article(published_ago=timedelta(days=5)) for _ in range(5)]
        plain = make_article()
        one = make_article(body_en=body_with_links(targets[0].url_in("fa")))
        five = make_article(body_en=body_with_links(*(target.url_in("fa") for target in targets)))
        counts = [self.count(article.url_in("en")) for article in (plain, one, five)]
        self.assertEqual(counts[1], counts[0] + 1)
        self.assertEqual(counts[2], counts[1])
        self.assertLessEqual(counts[2], ARTICLE_PAGE_BUDGET)


class LinksInTheCachedPageTests(ReaderTestCase):
    """The page is cached with the articles it links to, so a link follows as soon as their version appears."""

    def setUp(self):
        from django.core.cache import cache

        from pagecache.tokens import forget_local_pages

        cache.clear()
        forget_local_pages()
        self.enterContext(override_settings(PAGE_CACHE_SECONDS=300))

    def test_a_cached_page_links_to_the_persian_version_once_it_is_written(self):
        earlier = make_article(languages=("en",))
        linking = make_article(body_fa=body_with_links(earlier.url_in("en"), base=PERSIAN_BODY))
        first = self.client.get(linking.url_in("fa"))
        self.assertIn(f"article:{earlier.pk}", first["Surrogate-Key"].split())
        self.assertEqual(self.client.get(linking.url_in("fa"))["X-Page-Cache"], "hit")
        with self.captureOnCommitCallbacks(execute=True):
            earlier.headline_fa, earlier.body_fa = "پیش‌تر", PERSIAN_BODY
            earlier.save()
        again = self.client.get(linking.url_in("fa"))
        self.assertEqual(again["X-Page-Cache"], "miss")
        hrefs = [a["href"] for a in Page(again).soup.find_all("a", string="this earlier piece")]
        self.assertEqual(hrefs, [earlier.url_in("fa")])
