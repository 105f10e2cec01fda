import time
from datetime import timedelta
from unittest import mock

from django.core.cache import cache
from django.test import TestCase, override_settings
from django.utils import timezone, translation

from articles.models import Article
from pagecache import tokens
from pagecache.tokens import forget_local_pages
from tests.factories import make_article, make_author, make_series, make_user


@override_settings(PAGE_CACHE_SECONDS=300)
class PageCacheTestCase(TestCase):
    def setUp(self):
        cache.clear()
        forget_local_pages()
        # Build addresses in English unless a test says otherwise; requests activate their own language.
        self.enterContext(translation.override("en"))

    def get(self, url, **kwargs):
        return self.client.get(url, **kwargs)

    def edit(self, obj, **fields):
        """Save an object the way the admin does, running what happens at commit."""
        with self.captureOnCommitCallbacks(execute=True):
            for name, value in fields.items():
                setattr(obj, name, value)
            obj.save()


class ServingFromCacheTests(PageCacheTestCase):
    def test_a_readers_second_visit_is_served_from_the_cache(self):
        article = make_article()
        first = self.get(article.url_in("en"))
        second = self.get(article.url_in("en"))
        self.assertEqual(first["X-Page-Cache"], "miss")
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(first.content, second.content)

    def test_a_cached_page_is_served_without_touching_the_database(self):
        article = make_article()
        self.get(article.url_in("fa"))
        with self.assertNumQueries(0):
            self.assertEqual(self.get(article.url_in("fa"))["X-Page-Cache"], "hit")

    def test_public_pages_tell_a_cdn_how_long_and_what_they_show(self):
        author = make_author()
        article = make_article(authors=[author])
        response = self.get(article.url_in("en"))
        self.assertIn("public", response["Cache-Control"])
        self.assertIn("s-maxage=", response["Cache-Control"])
        self.assertIn("stale-while-revalidate=", response["Cache-Control"])
        keys = response["Surrogate-Key"].split()
        self.assertIn(f"article:{article.pk}", keys)
        self.assertIn(f"author:{author.pk}", keys)
        self.assertIn(f"section:{article.section_id}", keys)
        self.assertNotIn("Cookie", response.get("Vary", ""))

    def test_a_conditional_get_with_the_etag_is_answered_304(self):
        article = make_article()
        etag = self.get(article.url_in("en"))["ETag"]
        response = self.get(article.url_in("en"), headers={"if-none-match": etag})
        self.assertEqual(response.status_code, 304)
        self.assertEqual(response.content, b"")

    def test_a_conditional_get_with_last_modified_is_answered_304(self):
        article = make_article()
        last_modified = self.get(article.url_in("en"))["Last-Modified"]
        response = self.get(article.url_in("en"), headers={"if-modified-since": last_modified})
        self.assertEqual(response.status_code, 304)

    def test_signed_in_staff_never_get_or_fill_the_cache(self):
        article = make_article()
        self.client.force_login(make_user("desk", is_staff=True))
        first = self.get(article.url_in("en"))
        second = self.get(article.url_in("en"))
        self.assertNotIn("X-Page-Cache", first)
        self.assertNotIn("X-Page-Cache", second)
        self.assertNotIn("public", second.get("Cache-Control", ""))

    def test_unexpected_query_parameters_bypass_the_cache(self):
        make_article()
        self.get("/en/?utm_source=x")
        self.assertNotIn("X-Page-Cache", self.get("/en/?utm_source=x"))

    def test_pages_are_cached_per_page_number(self):
        make_article()
        self.get("/en/")
        self.assertEqual(self.get("/en/?page=1")["X-Page-Cache"], "miss")

    def test_not_found_pages_are_not_cached(self):
        self.get("/en/articles/nothing-here/")
        self.assertNotIn("X-Page-Cache", self.get("/en/articles/nothing-here/"))


class InvalidationTests(PageCacheTestCase):
    def test_editing_an_article_refreshes_its_pages_in_both_languages(self):
        article = make_article(headline_en="Old headline", headline_fa="تیتر قدیمی")
        for language in ("en", "fa"):
            self.get(article.url_in(language))
        self.edit(article, headline_en="New headline", headline_fa="تیتر تازه")
        english = self.get(article.url_in("en"))
        persian = self.get(article.url_in("fa"))
        self.assertContains(english, "New headline")
        self.assertContains(persian, "تیتر تازه")
        self.assertEqual(english["X-Page-Cache"], "miss")

    def test_a_page_rendered_within_a_second_of_an_edit_is_kept_by_an_edge_for_that_second_alone(self):
        """Not stored here (the clocks' margin), but named for an edge, so that a purged edge is not stampeded."""
        article = make_article(headline_en="Old headline")
        self.get(article.url_in("en"))
        self.edit(article, headline_en="New headline")
        response = self.get(article.url_in("en"))
        self.assertContains(response, "New headline")
        self.assertIn("s-maxage=1,", response["Cache-Control"])
        self.assertIn(f"article:{article.pk}", response["Surrogate-Key"].split())
        self.assertNotEqual(self.get(article.url_in("en"))["X-Page-Cache"], "hit")

    def test_editing_one_article_leaves_unrelated_pages_cached(self):
        """Invalidation is precise: another desk's edit does not empty the whole cache."""
        culture = make_article(headline_en="On bookshops")
        economy = make_article(headline_en="On prices")
        self.get(culture.url_in("en"))
        self.edit(economy, headline_en="On wages")
        self.assertEqual(self.get(culture.url_in("en"))["X-Page-Cache"], "hit")
        self.assertEqual(self.get(culture.url_in("en"))["X-Page-Cache"], "hit")
        self.assertContains(self.get(economy.url_in("en")), "On wages")

    def test_editing_an_article_refreshes_the_lists_it_appears_on(self):
        author = make_author()
        article = make_article(headline_en="First take", authors=[author])
        pages = ["/en/", article.section.get_absolute_url(), author.get_absolute_url()]
        for url in pages:
            self.get(url)
        self.edit(article, headline_en="Second take")
        for url in pages:
            self.assertContains(self.get(url), "Second take", msg_prefix=url)

    def test_publishing_a_draft_puts_it_on_the_lists(self):
        author = make_author()
        draft = make_article(headline_en="Fresh analysis", published_ago=None, authors=[author])
        self.assertNotContains(self.get("/en/"), "Fresh analysis")
        self.assertNotContains(self.get(author.get_absolute_url()), "Fresh analysis")
        self.edit(draft, status=Article.Status.PUBLISHED)
        self.assertContains(self.get("/en/"), "Fresh analysis")
        self.assertContains(self.get(author.get_absolute_url()), "Fresh analysis")
        self.assertEqual(self.get(draft.url_in("en")).status_code, 200)

    def test_publishing_refreshes_the_feeds_and_sitemaps(self):
        draft = make_article(headline_en="Breaking analysis", published_ago=None)
        pages = ["/en/feeds/rss/", "/en/feeds/atom/", "/sitemap-articles-en.xml"]
        for url in pages:
            self.get(url)
            self.assertEqual(self.get(url)["X-Page-Cache"], "hit", url)
        self.edit(draft, status=Article.Status.PUBLISHED)
        for url in pages:
            response = self.get(url)
            self.assertNotEqual(response["X-Page-Cache"], "hit", url)
            self.assertIn(draft.slug_en, response.content.decode(), url)

    def test_withdrawing_an_article_takes_it_down_everywhere(self):
        article = make_article(headline_en="Soon withdrawn")
        self.get("/en/")
        self.get(article.url_in("en"))
        self.edit(article, status=Article.Status.WITHDRAWN)
        self.assertNotContains(self.get("/en/"), "Soon withdrawn")
        self.assertEqual(self.get(article.url_in("en")).status_code, 404)

    def test_editing_an_author_refreshes_their_bylines(self):
        author = make_author(name_en="Dan Hart")
        article = make_article(authors=[author])
        self.get(article.url_in("en"))
        self.get("/en/")
        self.edit(author, name_en="Daniel Hart")
        self.assertContains(self.get(article.url_in("en")), "Daniel Hart")
        self.assertContains(self.get("/en/"), "Daniel Hart")

    def test_editing_a_series_refreshes_its_page_and_its_parts(self):
        series = make_series(title_en="The Thirsty Plateau")
        part = make_article(series=series, part=1)
        self.get(series.get_absolute_url())
        self.get(part.url_in("en"))
        self.edit(series, title_en="The Dry Plateau")
        self.assertContains(self.get(series.get_absolute_url()), "The Dry Plateau")
        self.assertContains(self.get(part.url_in("en")), "The Dry Plateau")

    def test_renaming_a_section_refreshes_every_page(self):
        article = make_article()
        self.get("/en/")
        self.get(article.url_in("en"))
        self.edit(article.section, name_en="Analysis & Economy")
        self.assertContains(self.get("/en/"), "Analysis &amp; Economy")
        self.assertContains(self.get(article.url_in("en")), "Analysis &amp; Economy")

    def test_moving_an_article_to_another_section_refreshes_both_sections(self):
        article = make_article(headline_en="Wandering piece")
        old_section = article.section
        other = make_article().section
        self.get(old_section.get_absolute_url())
        self.get(other.get_absolute_url())
        self.edit(article, section=other)
        self.assertNotContains(self.get(old_section.get_absolute_url()), "Wandering piece")
        self.assertContains(self.get(other.get_absolute_url()), "Wandering piece")

    def test_an_edit_on_another_app_server_shows_here_within_the_poll_interval(self):
        """Another server's invalidation reaches this process through the shared cache alone."""
        article = make_article(headline_en="Written on server A")
        self.get(article.url_in("en"))
        # What server B does when an editor saves there: new rows, new tag tokens, a new generation.
        Article.objects.filter(pk=article.pk).update(headline_en="Edited on server B")
        cache.set(tokens.TAG_PREFIX + f"article:{article.pk}", tokens.now_token(), timeout=None)
        cache.add(tokens.GENERATION_KEY, 0, timeout=None)
        cache.incr(tokens.GENERATION_KEY)
        later = time.monotonic() + tokens.GENERATION_POLL + 0.01
        with mock.patch("pagecache.tokens.time.monotonic", return_value=later):
            response = self.get(article.url_in("en"))
        self.assertNotEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "Edited on server B")

    def test_an_edit_committed_while_a_page_renders_is_not_hidden_by_it(self):
        """A page rendered from rows read before an edit must not be cached as current."""
        article = make_article(headline_en="Before the edit")
        from articles import views

        original = views.ArticleView.get

        def get_then_edit(view, request, *args, **kwargs):
            response = original(view, request, *args, **kwargs)
            with self.captureOnCommitCallbacks(execute=True):
                Article.objects.get(pk=article.pk).save()
            return response

        with mock.patch.object(views.ArticleView, "get", get_then_edit):
            self.get(article.url_in("en"))
        self.assertNotEqual(self.get(article.url_in("en")).get("X-Page-Cache"), "hit")


class ScheduledPublicationTests(PageCacheTestCase):
    def test_a_cached_list_never_outlives_the_next_scheduled_publication(self):
        make_article(headline_en="Already out")
        make_article(headline_en="Out in ten minutes", published_ago=-timedelta(minutes=10))
        response = self.get("/en/")
        self.assertNotContains(response, "Out in ten minutes")
        s_maxage = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
        self.assertLessEqual(s_maxage, 600)

        later = timezone.now() + timedelta(minutes=11)
        with (
            mock.patch("django.utils.timezone.now", return_value=later),
            mock.patch("pagecache.expiry.time.time", return_value=later.timestamp()),
        ):
            self.assertContains(self.get("/en/"), "Out in ten minutes")
