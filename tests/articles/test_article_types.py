"""
Article types (news, analysis, opinion, explainer, interview): labelled on cards and pages in the reader's
language, told to search engines as schema.org types, listed on pages and feeds of their own, filtered in the
admin, and kept by editors alone.
"""

import re
from datetime import timedelta

import feedparser
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from schema_org import registry

from articles.models import Article, ArticleType
from pagecache.tokens import forget_local_pages
from tests.admin.base import NewsroomAdminTestCase, form_values, messages_on
from tests.factories import make_article, make_author, make_section
from tests.pages import JALALI_DATE, Page, ReaderTestCase
from tests.schema_org import lineage

# schema.org's NewsArticle and its more specific types, read from the vocabulary itself (tests/schema_org.py).
SCHEMA_ORG_NEWS_TYPES = {name for name in registry.CLASS_METADATA if "NewsArticle" in lineage(name)}
SITE = "http://testserver"


def kind(slug: str) -> ArticleType:
    """Return one of the types the migration made, by its English slug."""
    return ArticleType.objects.get(slug_en=slug)


def type_url(article_type: ArticleType, language: str, view: str = "articles:type") -> str:
    with translation.override(language):
        return reverse(view, kwargs={"slug": article_type.slug_in(language)})


class TheListTheNewsroomStartsWith(ReaderTestCase):
    def test_the_five_types_come_in_order_with_persian_names_and_their_schema_org_types(self):
        rows = list(ArticleType.objects.values_list("name_en", "name_fa", "slug_fa", "schema_type"))
        self.assertEqual(
            rows,
            [
                ("News", "خبر", "خبر", "NewsArticle"),
                ("Analysis", "تحلیل", "تحلیل", "AnalysisNewsArticle"),
                ("Opinion", "دیدگاه", "دیدگاه", "OpinionNewsArticle"),
                ("Explainer", "گزارش توضیحی", "گزارش-توضیحی", "BackgroundNewsArticle"),
                ("Interview", "گفت\u200cوگو", "گفت-وگو", "NewsArticle"),
            ],
        )

    def test_every_type_an_editor_may_choose_is_a_news_article_type_schema_org_defines(self):
        self.assertIn("AnalysisNewsArticle", SCHEMA_ORG_NEWS_TYPES)  # the vocabulary was read
        self.assertLessEqual(set(ArticleType.SchemaType.values), SCHEMA_ORG_NEWS_TYPES)


class ReadersSeeTheType(ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name_en="Economy", name_fa="اقتصاد")
        cls.analysis = make_article(
            headline_en="Why bread costs more", headline_fa="چرا نان گران‌تر شد", section=cls.section,
            article_type=kind("analysis"),
        )  # fmt: skip
        cls.untyped = make_article(headline_en="A plain report", headline_fa="گزارشی ساده", section=cls.section)

    def card(self, url: str, headline: str):
        page = Page(self.client.get(url))
        for item in page.select("article.item"):
            if headline in item.get_text():
                return item
        self.fail(f"no card for {headline!r} on {url}")

    def test_cards_on_the_front_page_label_the_type_in_each_language_linking_to_its_list(self):
        for language, label, headline in [
            ("en", "Analysis", "Why bread costs more"),
            ("fa", "تحلیل", "چرا نان گران‌تر شد"),
        ]:
            with self.subTest(language=language):
                card = self.card(f"/{language}/", headline)
                link = card.select_one(".kicker .kicker__type a")
                self.assertEqual(link.get_text(), label)
                self.assertEqual(link["href"], type_url(kind("analysis"), language))

    def test_cards_on_a_section_page_show_the_type_without_the_section(self):
        card = self.card(self.section.get_absolute_url(), "Why bread costs more")
        self.assertEqual(" ".join(card.select_one(".kicker").get_text().split()), "Analysis")

    def test_an_article_without_a_type_shows_no_label(self):
        card = self.card("/en/", "A plain report")
        self.assertIsNone(card.select_one(".kicker__type"))

    def test_the_article_page_names_its_type_above_the_headline_in_each_language(self):
        for language, text in [("en", "Economy · Analysis"), ("fa", "اقتصاد · تحلیل")]:
            with self.subTest(language=language):
                page = Page(self.client.get(self.analysis.url_in(language)))
                self.assertEqual(page.text(".article__header .kicker"), text)

    def test_a_type_not_yet_named_in_persian_shows_no_english_label_on_persian_pages(self):
        review = ArticleType.objects.create(name_en="Review", schema_type=ArticleType.SchemaType.REVIEW)
        article = make_article(article_type=review)
        self.assertEqual(Page(self.client.get(article.url_in("en"))).text(".kicker__type"), "Review")
        self.assertEqual(Page(self.client.get(article.url_in("fa"))).select(".kicker__type"), [])


class StructuredDataTests(ReaderTestCase):
    def test_each_type_gives_the_article_its_schema_org_type(self):
        expected = {
            "news": "NewsArticle",
            "analysis": "AnalysisNewsArticle",
            "opinion": "OpinionNewsArticle",
            "explainer": "BackgroundNewsArticle",
            "interview": "NewsArticle",
        }
        for slug, schema_type in expected.items():
            article = make_article(article_type=kind(slug))
            for language in ("en", "fa"):
                with self.subTest(type=slug, language=language):
                    page = Page(self.client.get(article.url_in(language)))
                    data = page.structured(schema_type)
                    self.assertIn(data["@type"], SCHEMA_ORG_NEWS_TYPES)
                    self.assertEqual(data["headline"], article.headline_en if language == "en" else article.headline_fa)

    def test_an_article_without_a_type_is_a_news_article(self):
        page = Page(self.client.get(make_article().url_in("en")))
        self.assertEqual(page.structured("NewsArticle")["@type"], "NewsArticle")


class TypeListPageTests(ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.opinion = kind("opinion")
        cls.both = make_article(
            headline_en="Let the rivers run", headline_fa="بگذارید رودها جاری باشند", article_type=cls.opinion,
            published_ago=timedelta(days=2),
        )  # fmt: skip
        cls.english = make_article(
            languages=("en",), headline_en="A column in English", article_type=cls.opinion,
            published_ago=timedelta(days=3),
        )  # fmt: skip
        cls.news = make_article(headline_en="Dam opens", headline_fa="سد باز شد", article_type=kind("news"))

    def test_the_english_page_lists_the_types_articles_in_english_newest_first(self):
        page = Page(self.client.get("/en/types/opinion/"))
        self.assertEqual(page.html_attributes, {"lang": "en", "dir": "ltr"})
        self.assertEqual(page.text("h1"), "Opinion")
        headlines = [h.get_text(strip=True) for h in page.select(".item__headline")]
        self.assertEqual(headlines, ["Let the rivers run", "A column in English"])
        self.assertEqual(page.text(".page-header .meta"), "2 articles")

    def test_the_persian_page_lists_only_persian_articles_with_persian_digits_and_jalali_dates(self):
        page = Page(self.client.get(type_url(self.opinion, "fa")))
        self.assertEqual(page.html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(page.text("h1"), "دیدگاه")
        self.assertEqual([h.get_text(strip=True) for h in page.select(".item__headline")], ["بگذارید رودها جاری باشند"])
        self.assertEqual(page.text(".page-header .meta"), "۱ مقاله")
        self.assertRegex(page.text(".item time"), JALALI_DATE)

    def test_the_cards_on_a_types_own_page_do_not_repeat_the_type(self):
        page = Page(self.client.get("/en/types/opinion/"))
        self.assertEqual(page.select(".item .kicker__type"), [])

    def test_each_language_names_the_other_as_an_alternate(self):
        page = Page(self.client.get("/en/types/opinion/"))
        self.assertEqual(
            page.hreflangs,
            {"en": f"{SITE}/en/types/opinion/", "fa": iri_to_uri(f"{SITE}/fa/types/دیدگاه/"),
             "x-default": f"{SITE}/en/types/opinion/"},
        )  # fmt: skip
        self.assertEqual(page.structured("CollectionPage")["name"], "Opinion")

    def test_a_long_list_has_pages(self):
        for day in range(4, 16):
            make_article(languages=("en",), article_type=self.opinion, published_ago=timedelta(days=day))
        second = Page(self.client.get("/en/types/opinion/?page=2"))
        self.assertEqual(len(second.select(".item")), 2)
        self.assertEqual(second.canonical, f"{SITE}/en/types/opinion/?page=2")

    def test_an_unknown_type_or_another_languages_slug_is_not_found(self):
        self.assertEqual(self.client.get("/en/types/satire/").status_code, 404)
        self.assertEqual(self.client.get("/fa/types/opinion/").status_code, 404)

    def test_its_feeds_are_announced_in_the_head(self):
        page = Page(self.client.get(type_url(self.opinion, "fa")))
        feeds = [link["href"] for link in page.select('link[rel="alternate"][type="application/rss+xml"]')]
        self.assertIn(type_url(self.opinion, "fa", "discovery:type-rss"), feeds)

    def test_the_list_costs_the_same_queries_however_long_it_is(self):
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                self.assertEqual(self.client.get("/en/types/opinion/").status_code, 200)
            return len(captured)

        few = queries()
        for day in range(4, 14):
            make_article(languages=("en",), article_type=self.opinion, authors=[make_author(), make_author()],
                         published_ago=timedelta(days=day))  # fmt: skip
        self.assertEqual(queries(), few)
        self.assertLessEqual(few, 8)

    def test_the_front_page_costs_the_same_queries_with_typed_articles(self):
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                self.client.get("/fa/")
            return len(captured)

        few = queries()
        for slug in ("analysis", "explainer", "interview", "news"):
            make_article(article_type=kind(slug))
        self.assertEqual(queries(), few)


class TypeFeedTests(ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.analysis = kind("analysis")
        cls.piece = make_article(headline_en="Reading the budget", headline_fa="خوانش بودجه", article_type=cls.analysis)
        cls.other = make_article(headline_en="Rain in Tabriz", headline_fa="باران در تبریز", article_type=kind("news"))

    def test_rss_and_atom_in_each_language_carry_only_the_types_articles(self):
        for language, title, headline in [("en", "Analysis", "Reading the budget"), ("fa", "تحلیل", "خوانش بودجه")]:
            for name in ("type-rss", "type-atom"):
                with self.subTest(language=language, feed=name):
                    response = self.client.get(type_url(self.analysis, language, f"discovery:{name}"))
                    self.assertEqual(response.status_code, 200)
                    feed = feedparser.parse(response.content)
                    self.assertTrue(feed.feed.title.startswith(title))
                    self.assertEqual([entry.title for entry in feed.entries], [headline])
                    self.assertIn(title, [tag.term for tag in feed.entries[0].tags])

    def test_an_unknown_type_has_no_feed(self):
        self.assertEqual(self.client.get("/en/feeds/types/satire/rss/").status_code, 404)


class TypeSitemapTests(ReaderTestCase):
    def test_the_types_sitemap_lists_each_type_with_articles_in_each_language_it_has(self):
        make_article(article_type=kind("analysis"))
        make_article(languages=("en",), article_type=kind("interview"))
        response = self.client.get(reverse("crawlers:sitemap-section", kwargs={"section": "types"}))
        locations = set(re.findall(r"<loc>([^<]+)</loc>", response.content.decode()))
        self.assertEqual(
            locations,
            {f"{SITE}/en/types/analysis/", iri_to_uri(f"{SITE}/fa/types/تحلیل/"), f"{SITE}/en/types/interview/"},
        )


class AdminTests(NewsroomAdminTestCase):
    def setUp(self):
        self.analysis = kind("analysis")
        self.typed = make_article(headline_en="An analysis of wages", article_type=self.analysis)
        self.plain = make_article(headline_en="A report on rain", article_type=kind("news"))

    def test_editors_filter_the_article_list_by_type(self):
        self.client.force_login(self.editor)
        url = reverse("admin:articles_article_changelist")
        response = self.client.get(url, {"article_type__id__exact": self.analysis.pk})
        self.assertContains(response, "An analysis of wages")
        self.assertNotContains(response, "A report on rain")
        self.assertContains(response, f'href="?article_type__id__exact={self.analysis.pk}"')

    def test_a_new_article_is_offered_as_news(self):
        self.client.force_login(self.editor)
        data = form_values(self.client.get(reverse("admin:articles_article_add")))
        self.assertEqual(data["article_type"], [str(kind("news").pk)])

    def test_an_editor_renames_a_type_and_readers_see_the_new_name(self):
        data = self.open_form(self.editor, self.analysis)
        data.update(name_en=["Deep dive"], name_fa=["واکاوی"])
        response = self.post_form(self.editor, self.analysis, data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(messages_on(response)[0].count("Deep dive"), 1)
        page = Page(self.client.get(self.typed.url_in("fa")))
        self.assertEqual(page.text(".kicker__type"), "واکاوی")

    def test_authors_and_translators_cannot_change_add_or_delete_types_even_by_crafted_posts(self):
        full = self.open_form(self.editor, self.analysis)
        full.update(name_en=["Hijacked"], name_fa=["ربوده"])
        # A translator's POST of their own language's name alone (what they may send for a section).
        own_language = {self.translator: {"name_fa": "ربوده", "version": full["version"]},
                        self.en_translator: {"name_en": "Hijacked", "version": full["version"]}}  # fmt: skip
        for user in (self.author_user, self.translator, self.en_translator):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                data = own_language.get(user, full)
                self.assertEqual(self.client.post(self.change_url(self.analysis), data).status_code, 403)
                add = reverse("admin:articles_articletype_add")
                self.assertEqual(self.client.post(add, {**data, "version": "0"}).status_code, 403)
                delete = reverse("admin:articles_articletype_delete", args=[self.analysis.pk])
                self.assertEqual(self.client.post(delete, {"post": "yes"}).status_code, 403)
        self.analysis.refresh_from_db()
        self.assertEqual((self.analysis.name_en, self.analysis.name_fa), ("Analysis", "تحلیل"))
        self.assertEqual(ArticleType.objects.count(), 5)

    def test_a_translator_cannot_change_an_articles_type(self):
        data = self.open_form(self.translator, self.plain)
        self.assertNotIn("article_type", data)
        data["article_type"] = [str(self.analysis.pk)]
        self.post_form(self.translator, self.plain, data)
        self.plain.refresh_from_db()
        self.assertEqual(self.plain.article_type, kind("news"))

    def test_a_type_in_use_cannot_be_deleted(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("admin:articles_articletype_delete", args=[self.analysis.pk]), {"post": "yes"}
        )
        self.assertEqual(response.status_code, 200)  # Django lists the protected articles instead
        self.assertTrue(ArticleType.objects.filter(pk=self.analysis.pk).exists())
        self.assertContains(response, "An analysis of wages")


class PageCacheTests(ReaderTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        forget_local_pages()
        self.enterContext(self.settings(PAGE_CACHE_SECONDS=300))

    def edit(self, obj, **fields):
        with self.captureOnCommitCallbacks(execute=True):
            for name, value in fields.items():
                setattr(obj, name, value)
            obj.save()

    def test_renaming_a_type_refreshes_every_cached_page_showing_it_at_once(self):
        analysis = kind("analysis")
        article = make_article(article_type=analysis)
        pages = ["/fa/", article.url_in("fa"), type_url(analysis, "fa"), type_url(analysis, "fa", "discovery:type-rss")]
        for url in pages:
            self.client.get(url)
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit", url)
        self.edit(analysis, name_fa="واکاوی")
        for url in pages:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertNotEqual(response["X-Page-Cache"], "hit")
                self.assertContains(response, "واکاوی")

    def test_changing_an_articles_type_refreshes_the_list_it_leaves(self):
        analysis, opinion = kind("analysis"), kind("opinion")
        article = make_article(headline_en="Moving piece", article_type=analysis)
        self.assertContains(self.client.get("/en/types/analysis/"), "Moving piece")
        self.edit(article, article_type=opinion)
        self.assertNotContains(self.client.get("/en/types/analysis/"), "Moving piece")
        self.assertContains(self.client.get("/en/types/opinion/"), "Moving piece")

    def test_a_type_page_is_tagged_with_its_type(self):
        response = self.client.get("/en/types/news/")
        self.assertIn(f"type:{kind('news').pk}", response["Surrogate-Key"].split())


class ExistingArticlesTests(ReaderTestCase):
    def test_the_migration_typed_every_article_as_news(self):
        from importlib import import_module

        from django.apps import apps

        migration = import_module("articles.migrations.0015_article_types")
        article = make_article()
        Article.objects.filter(pk=article.pk).update(article_type=None)
        ArticleType.objects.all().delete()
        migration.make_types(apps, None)
        migration.type_untyped_articles(apps, None)
        article.refresh_from_db()
        self.assertEqual(article.article_type.name_en, "News")
