from datetime import timedelta
from unittest import mock

from bs4 import BeautifulSoup
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Byline
from search.backends import search
from search.query import COMMON_WORDS, Query
from search.results import Results
from tests.factories import make_article, make_author, make_section, make_tag
from tests.tasks import run_queued_tasks


def index_kind() -> str:
    """Return the kind of the search indexes the PostgreSQL test database was migrated with."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        return "rum" if cursor.fetchone() else "gin"


def search_url(language: str) -> str:
    with translation.override(language):
        return reverse("search:results")


def found(language: str, raw: str) -> list[str]:
    """Return the headlines the search queryset finds, in order."""
    articles = Article.objects.published().available_in(language)
    results = search(articles, Query.parse(raw, language), language)
    return [getattr(article, f"headline_{language}") for article in results]


class PersianSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_article(
            headline_fa="کتابخانه‌ها در شهر کوچک",
            standfirst_fa="چرا کتاب‌خوانها می‌خواهند کتابخانه باز بماند.",
            body_fa="<p>علی و کودکان ۱۴۰۵ روز در کتابخانه گذراندند.</p>",
        )

    def test_arabic_yeh_and_kaf_in_the_query_find_persian_text(self):
        self.assertEqual(found("fa", "علي"), ["کتابخانه‌ها در شهر کوچک"])
        self.assertEqual(found("fa", "كوچك"), ["کتابخانه‌ها در شهر کوچک"])

    def test_the_word_is_found_with_or_without_its_zwnj(self):
        for query in ("می‌خواهند", "میخواهند", "می خواهند", "کتابخانه‌ها", "کتابخانهها"):
            with self.subTest(query=query):
                self.assertEqual(found("fa", query), ["کتابخانه‌ها در شهر کوچک"])

    def test_persian_and_arabic_digits_find_the_same_number(self):
        for query in ("۱۴۰۵", "١٤٠٥", "1405"):
            with self.subTest(query=query):
                self.assertEqual(found("fa", query), ["کتابخانه‌ها در شهر کوچک"])

    def test_vowel_marks_and_tatweel_in_the_query_are_ignored(self):
        self.assertEqual(found("fa", "كِتابخانـــه"), ["کتابخانه‌ها در شهر کوچک"])

    def test_a_word_that_is_not_there_finds_nothing(self):
        self.assertEqual(found("fa", "اقتصاد"), [])

    def test_common_words_are_not_required_but_a_phrase_keeps_them_in_place(self):
        self.assertEqual(found("fa", "کتابخانه و کودکان"), ["کتابخانه‌ها در شهر کوچک"])
        self.assertEqual(found("fa", "«علی و کودکان»"), ["کتابخانه‌ها در شهر کوچک"])
        if connection.vendor == "postgresql":  # SQLite does not check the order of a phrase's words
            self.assertEqual(found("fa", "«علی کودکان»"), [])


class SearchScopeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_author(name_en="Parisa Rahimi", name_fa="پریسا رحیمی")
        cls.section = make_section(name_en="Economy", name_fa="اقتصاد")
        cls.tag = make_tag(name_en="Inflation", name_fa="تورم")
        cls.both = make_article(
            headline_en="Bread prices double",
            headline_fa="قیمت نان دو برابر شد",
            authors=[cls.author],
            section=cls.section,
            tags=[cls.tag],
        )
        make_article(languages=("en",), headline_en="Bread queues in English only", body_en="<p>Bread.</p>")
        make_article(headline_en="Bread draft", body_en="<p>Bread.</p>", published_ago=None)
        make_article(headline_en="Bread tomorrow", body_en="<p>Bread.</p>", published_ago=-timedelta(days=1))
        make_article(headline_en="Withdrawn bread", body_en="<p>Bread.</p>", status=Article.Status.WITHDRAWN)

    def test_only_published_articles_in_the_language_are_found(self):
        self.assertEqual(sorted(found("en", "bread")), ["Bread prices double", "Bread queues in English only"])
        self.assertEqual(found("fa", "نان"), ["قیمت نان دو برابر شد"])

    def test_author_section_and_tag_names_are_searched_in_each_language(self):
        queries = [("en", "Rahimi"), ("en", "economy"), ("en", "inflation"), ("fa", "رحیمی"), ("fa", "تورم")]
        for language, query in queries:
            with self.subTest(query=query):
                self.assertEqual(found(language, query), [getattr(self.both, f"headline_{language}")])

    def test_a_new_byline_and_a_renamed_tag_reach_the_index(self):
        newcomer = make_author(name_en="Kian Moradi", name_fa="کیان مرادی")
        Byline.objects.create(article=self.both, author=newcomer, position=1)
        self.assertEqual(found("en", "moradi"), ["Bread prices double"])
        self.tag.name_en = "Price controls"
        self.tag.save()
        # Until the worker has re-indexed its articles, search still finds them under the old name.
        self.assertEqual(found("en", "inflation"), ["Bread prices double"])
        self.assertEqual(run_queued_tasks(), 2)  # the rename's task, then its one batch
        self.assertEqual(found("en", "controls"), ["Bread prices double"])
        self.assertEqual(found("en", "inflation"), [])
        self.both.tags.clear()
        self.assertEqual(found("en", "controls"), [])

    def test_saving_an_author_section_or_tag_without_renaming_it_leaves_its_articles_alone(self):
        self.author.bio_en = "Parisa Rahimi covers the economy."
        self.section.position = 7
        self.tag.slug_en = "inflation-watch"
        for named in (self.author, self.section, self.tag):
            with self.subTest(named=type(named).__name__), CaptureQueriesContext(connection) as captured:
                named.save()
            self.assertFalse([query for query in captured if "search_text" in query["sql"]])
        self.assertEqual(run_queued_tasks(), 0)
        self.assertEqual(found("en", "rahimi"), ["Bread prices double"])

    def test_deleting_a_tag_and_renaming_a_section_reach_the_index(self):
        saffron = make_tag(name_en="Saffron", name_fa="زعفران")
        article = make_article(languages=("fa",), headline_fa="برداشت پاییزی", tags=[saffron])
        self.assertEqual(found("fa", "زعفران"), ["برداشت پاییزی"])
        saffron.delete()
        run_queued_tasks()
        self.assertEqual(found("fa", "زعفران"), [])
        article.section.name_fa = "کشاورزی"
        article.section.save()
        self.assertEqual(found("fa", "کشاورزی"), [])
        run_queued_tasks()
        self.assertEqual(found("fa", "کشاورزی"), ["برداشت پاییزی"])
        article.delete()
        self.assertEqual(found("fa", "کشاورزی"), [])

    def test_editing_an_article_updates_what_finds_it(self):
        self.both.headline_en = "Flour subsidies end"
        self.both.save()
        self.assertEqual(found("en", "subsidies"), ["Flour subsidies end"])

    def test_every_term_must_match(self):
        self.assertEqual(found("en", "bread queues"), ["Bread queues in English only"])

    def test_a_word_after_a_minus_sign_excludes_articles(self):
        self.assertEqual(found("en", "bread -queues"), ["Bread prices double"])
        self.assertEqual(found("fa", "نان -قیمت"), [])

    def test_a_quoted_phrase_is_found(self):
        self.assertEqual(found("en", '"bread prices"'), ["Bread prices double"])
        self.assertEqual(found("fa", "«قیمت نان»"), ["قیمت نان دو برابر شد"])


class RankingTests(TestCase):
    def test_a_headline_match_ranks_above_a_body_match(self):
        make_article(languages=("en",), headline_en="Water budgets", body_en="<p>The drought deepens.</p>")
        make_article(languages=("en",), headline_en="The drought deepens", body_en="<p>Water budgets.</p>")
        self.assertEqual(found("en", "drought"), ["The drought deepens", "Water budgets"])

    def test_headline_then_summary_then_body(self):
        make_article(
            languages=("fa",), headline_fa="متن", standfirst_fa="خلاصه", body_fa="<p>سد</p>", published_ago=timedelta(0)
        )
        make_article(
            languages=("fa",), headline_fa="خلاصه", standfirst_fa="سد", body_fa="<p>متن</p>", published_ago=timedelta(1)
        )
        make_article(
            languages=("fa",), headline_fa="سد", standfirst_fa="متن", body_fa="<p>خلاصه</p>", published_ago=timedelta(2)
        )
        self.assertEqual(found("fa", "سد"), ["سد", "خلاصه", "متن"])
        self.assertEqual(found("fa", "خلاصه"), ["خلاصه", "متن", "سد"])

    def test_english_words_match_their_other_forms_on_postgresql(self):
        make_article(languages=("en",), headline_en="Rivers in retreat")
        expected = ["Rivers in retreat"]
        self.assertEqual(found("en", "rivers"), expected)
        if connection.vendor == "postgresql":
            self.assertEqual(found("en", "river"), expected)  # stemmed by the english configuration


class PagingThroughResultsTests(TestCase):
    """Headline and summary matches come first, best first; then the body-only matches, newest first."""

    @classmethod
    def setUpTestData(cls):
        for day in range(3):
            make_article(
                languages=("en",),
                headline_en=f"Dam {day}",
                body_en="<p>Water.</p>",
                published_ago=timedelta(days=10 + day),
            )
        for day in range(4):
            make_article(
                languages=("en",),
                headline_en=f"Rivers {day}",
                body_en="<p>The dam is full.</p>",
                published_ago=timedelta(days=day),
            )
        cls.expected = ["Dam 0", "Dam 1", "Dam 2", "Rivers 0", "Rivers 1", "Rivers 2", "Rivers 3"]

    def pages(self, raw: str, per_page: int, *, newest: bool = False) -> list[list[str]]:
        results = search(Article.objects.published().available_in("en"), Query.parse(raw, "en"), "en", newest=newest)
        first = results.page(1, per_page)
        return [
            [article.headline_en for article in results.page(number, per_page)] for number in first.paginator.page_range
        ]

    def test_the_pages_follow_one_order_across_headline_and_body_matches(self):
        self.assertEqual(found("en", "dam"), self.expected)
        for per_page in (1, 2, 3, 4, 7, 10):
            with self.subTest(per_page=per_page):
                pages = self.pages("dam", per_page)
                self.assertEqual([headline for page in pages for headline in page], self.expected)
                self.assertTrue(all(len(page) == per_page for page in pages[:-1]))

    def test_a_phrase_is_paged_in_the_same_order_whether_or_not_its_matches_are_read_at_once(self):
        make_article(languages=("en",), headline_en="The dam is full", published_ago=timedelta(days=30))
        make_article(languages=("en",), headline_en="Full dam", body_en="<p>Is the dam full?</p>")
        expected = ["The dam is full", "Rivers 0", "Rivers 1", "Rivers 2", "Rivers 3"]
        if connection.vendor == "postgresql":  # SQLite looks for the words in any order
            self.assertEqual(found("en", '"dam is full"'), expected)
        for limit in (1000, 3):  # all read at once, or more matches than that
            for per_page in (1, 2, 5):
                with self.subTest(limit=limit, per_page=per_page), mock.patch.object(Results, "limit", limit):
                    pages = self.pages('"dam is full"', per_page)
                    self.assertEqual(
                        [headline for page in pages for headline in page], found("en", '"dam is full"')[:limit]
                    )

    def test_newest_first_the_pages_follow_the_publication_dates(self):
        newest_first = ["Rivers 0", "Rivers 1", "Rivers 2", "Rivers 3", "Dam 0", "Dam 1", "Dam 2"]
        for limit in (1000, 5):  # every match read at once, or more matches than that
            for per_page in (1, 3, 10):
                with self.subTest(limit=limit, per_page=per_page), mock.patch.object(Results, "limit", limit):
                    pages = self.pages("dam", per_page, newest=True)
                    self.assertEqual([headline for page in pages for headline in page], newest_first[:limit])

    def test_a_phrase_newest_first(self):
        make_article(languages=("en",), headline_en="The dam is full", published_ago=timedelta(days=30))
        pages = self.pages('"dam is full"', 10, newest=True)
        self.assertEqual(pages, [["Rivers 0", "Rivers 1", "Rivers 2", "Rivers 3", "The dam is full"]])

    def test_a_page_past_the_end_is_the_last_page(self):
        results = search(Article.objects.published().available_in("en"), Query.parse("dam"), "en")
        page = results.page(99, 3)
        self.assertEqual((page.number, page.paginator.num_pages, page.paginator.count), (3, 3, 7))
        self.assertEqual([article.headline_en for article in page], ["Rivers 3"])

    def test_beyond_the_limit_the_count_is_not_worked_out_and_the_first_results_are_shown(self):
        with mock.patch.object(Results, "limit", 5):
            results = search(Article.objects.published().available_in("en"), Query.parse("dam"), "en")
            first, last = results.page(1, 2), results.page(4, 2)
        self.assertTrue(first.capped)
        self.assertEqual((first.paginator.count, first.paginator.num_pages), (5, 3))
        self.assertEqual((last.number, [article.headline_en for article in last]), (3, ["Rivers 1"]))

    def test_past_the_limit_each_page_shows_the_best_matches_left(self):
        make_article(languages=("en",), headline_en="Weir", standfirst_en="A weir.", published_ago=timedelta(days=3))
        make_article(languages=("en",), headline_en="Weir low", standfirst_en="Low.", published_ago=timedelta(days=2))
        make_article(languages=("en",), headline_en="Gates", standfirst_en="A weir, a weir.")
        make_article(languages=("en",), headline_en="Sluice", standfirst_en="A weir.", published_ago=timedelta(days=1))
        for raw in ("weir", "weir -floodgate"):  # every ranked match counted as read, or the matches counted apart
            expected = found("en", raw)
            self.assertEqual(len(expected), 4)
            with self.subTest(raw=raw), mock.patch.multiple(Results, limit=3, ties=1):
                results = search(Article.objects.published().available_in("en"), Query.parse(raw), "en")
                pages = [results.page(number, 1) for number in (1, 2, 3)]
                self.assertEqual([page[0].headline_en for page in pages], expected[:3])
                self.assertTrue(pages[0].capped)

    def test_past_the_limit_matches_with_only_some_words_in_the_headline_come_after_those_with_all(self):
        make_article(languages=("en",), headline_en="Weir gates", published_ago=timedelta(days=9))
        for day in (3, 1, 2):
            make_article(
                languages=("en",), headline_en=f"Weir {day}", body_en="<p>New gates.</p>", published_ago=timedelta(day)
            )
        expected = ["Weir gates", "Weir 1", "Weir 2", "Weir 3"]
        if connection.vendor == "postgresql":  # SQLite scores a word by the line it first appears in
            self.assertEqual(found("en", "weir gates"), expected)
        with mock.patch.multiple(Results, limit=2, ties=1):
            results = search(Article.objects.published().available_in("en"), Query.parse("weir gates"), "en")
            pages = [results.page(number, 1) for number in (1, 2)]
        if connection.vendor == "postgresql":
            self.assertEqual([page[0].headline_en for page in pages], expected[:2])
        self.assertTrue(pages[0].capped)

    def test_past_the_limit_the_body_only_matches_follow_the_few_ranked_ones(self):
        make_article(languages=("en",), headline_en="Weir gates", published_ago=timedelta(days=9))
        for day in (3, 1, 2):
            make_article(
                languages=("en",),
                headline_en=f"Sluice {day}",
                body_en="<p>A weir, new gates.</p>",
                published_ago=timedelta(day),
            )
        expected = ["Weir gates", "Sluice 1", "Sluice 2"]
        with mock.patch.multiple(Results, limit=3, ties=1):
            results = search(Article.objects.published().available_in("en"), Query.parse("weir gates"), "en")
            pages = [results.page(number, 1) for number in (1, 2, 3)]
        self.assertEqual([page[0].headline_en for page in pages], expected)
        self.assertTrue(pages[0].capped)

    def test_equal_ranks_are_ordered_newest_first_even_when_they_go_on_past_the_limit(self):
        # Five equally ranked headlines, written oldest first: with a limit of 2, all five are read to order them.
        for day in reversed(range(5)):
            make_article(languages=("en",), headline_en=f"Weir {day}", published_ago=timedelta(days=day, hours=1))
        with mock.patch.object(Results, "limit", 2):
            results = search(Article.objects.published().available_in("en"), Query.parse("weir"), "en")
            pages = [results.page(number, 1) for number in (1, 2)]
        self.assertEqual([[article.headline_en for article in page] for page in pages], [["Weir 0"], ["Weir 1"]])
        self.assertTrue(pages[0].capped)

    def test_at_the_limit_the_count_is_exact(self):
        with mock.patch.object(Results, "limit", 7):
            page = search(Article.objects.published().available_in("en"), Query.parse("dam"), "en").page(1, 10)
        self.assertFalse(page.capped)
        self.assertEqual(page.paginator.count, 7)


class RankedOnTheRows:
    """
    On PostgreSQL without the RUM extension the matches are ranked with ts_rank() on their rows, in the same
    order (run on a database with RUM too, by not ranking in its indexes).
    """

    def setUp(self):
        super().setUp()
        patcher = mock.patch("search.backends.postgres.ranked_in_index", return_value=False)
        patcher.start()
        self.addCleanup(patcher.stop)


class RankingOnTheRowsTests(RankedOnTheRows, RankingTests):
    pass


class PagingThroughResultsRankedOnTheRowsTests(RankedOnTheRows, PagingThroughResultsTests):
    pass


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for number in range(12):
            make_article(
                headline_en=f"Drought report {number}",
                headline_fa=f"گزارش خشکسالی {number}",
                body_en="<p>The reservoir is <em>low</em> this year.</p>",
                published_ago=timedelta(hours=number + 1),
            )

    def page(self, language, **params):
        response = self.client.get(search_url(language), params)
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.text, "html.parser")

    def test_results_are_highlighted_and_paginated_with_the_query_kept(self):
        page = self.page("en", q="drought")
        self.assertEqual(page.select_one(".search-count").get_text(strip=True), "12 articles match “drought”.")
        self.assertEqual(len(page.select(".search-result")), 10)
        self.assertEqual(page.select_one(".search-result h2 mark").get_text(), "Drought")
        next_page = page.select_one("a[rel=next]")["href"]
        self.assertIn("q=drought", next_page)
        second = self.page("en", q="drought", page="2")
        self.assertEqual(len(second.select(".search-result")), 2)
        self.assertEqual(second.select_one(".pagination span").get_text(), "Page 2 of 2")
        past_the_end = self.page("en", q="drought", page="7")
        self.assertEqual(past_the_end.select_one(".pagination span").get_text(), "Page 2 of 2")

    def test_result_links_open_the_article(self):
        page = self.page("fa", q="خشکسالی")
        link = page.select_one(".search-result h2 a")["href"]
        self.assertEqual(self.client.get(link).status_code, 200)

    def test_persian_counts_and_pages_use_persian_digits(self):
        page = self.page("fa", q="خشکسالی")
        self.assertIn("۱۲", page.select_one(".search-count").get_text())
        self.assertIn("۱", page.select_one(".pagination span").get_text())
        self.assertNotRegex(page.select_one(".pagination span").get_text(), r"[0-9]")

    def test_readers_can_sort_the_results_newest_first(self):
        make_article(
            headline_en="Wells run dry",
            headline_fa="چاه‌ها خشک شدند",
            body_en="<p>The drought is here.</p>",
            body_fa="<p>خشکسالی رسیده است.</p>",
            published_ago=timedelta(minutes=5),
        )
        best = self.page("en", q="drought", page="2")
        self.assertEqual(best.select_one(".search-sort strong").get_text(), "best match")
        self.assertEqual(best.select(".search-result h2")[-1].get_text(), "Wells run dry")  # in the body only
        newest_link = best.select_one(".search-sort a")
        self.assertEqual(newest_link.get_text(), "newest")
        self.assertEqual(newest_link["href"], "?q=drought&sort=newest")  # back to the first page
        newest = self.page("en", q="drought", sort="newest")
        self.assertEqual(newest.select_one(".search-result h2").get_text(), "Wells run dry")
        self.assertEqual(newest.select_one(".search-sort strong").get_text(), "newest")
        self.assertIn("sort=newest", newest.select_one("a[rel=next]")["href"])
        self.assertEqual(newest.select_one(".search-sort a")["href"], "?q=drought")
        persian = self.page("fa", q="خشکسالی", sort="newest")
        self.assertEqual(persian.select_one(".search-sort").get_text(" ", strip=True), "ترتیب: مرتبط‌ترین · تازه‌ترین")
        self.assertEqual(persian.select_one(".search-result h2").get_text(), "چاه‌ها خشک شدند")
        for nonsense in ("oldest", "", "newest' OR 1=1"):
            with self.subTest(sort=nonsense):
                page = self.page("en", q="drought", sort=nonsense)
                self.assertEqual(page.select_one(".search-sort strong").get_text(), "best match")

    def test_the_snippet_marks_the_words_of_the_body(self):
        page = self.page("en", q="reservoir")
        self.assertEqual(page.select_one(".snippet mark").get_text(), "reservoir")

    def test_other_forms_of_an_english_word_are_found_and_marked_on_postgresql(self):
        page = self.page("en", q="reservoirs")
        if connection.vendor == "postgresql":
            self.assertEqual(page.select_one(".snippet mark").get_text(), "reservoir")
        else:  # SQLite matches word beginnings only
            self.assertIn("No articles match", page.select_one(".search-count").get_text())

    def test_common_words_are_not_marked(self):
        page = self.page("en", q="the reservoir")
        marks = [mark.get_text() for mark in page.select_one(".snippet").select("mark")]
        self.assertEqual(marks, ["reservoir"])

    def test_a_search_of_only_common_words_asks_for_a_rarer_word_without_searching(self):
        for language, raw, message in [
            ("en", "the and of", "Your search “the and of” has only words so common that nearly every article"),
            ("fa", "و در به", "جست‌وجوی «و در به» فقط واژه‌هایی دارد که تقریباً در همهٔ مقاله‌ها آمده‌اند."),
        ]:
            with self.subTest(language=language), CaptureQueriesContext(connection) as captured:
                page = self.page(language, q=raw)
                self.assertTrue(page.select_one(".search-hint").get_text().startswith(message))
                self.assertIsNone(page.select_one(".search-count, .search-result"))
                self.assertFalse([query for query in captured if "search_text" in query["sql"]])

    def test_the_query_is_escaped_everywhere_it_is_shown(self):
        response = self.client.get(search_url("en"), {"q": '<script>alert("x")</script> drought'})
        self.assertNotIn("<script>alert", response.text)
        self.assertIn("&lt;script&gt;", response.text)

    def test_bad_queries_get_a_helpful_page(self):
        cases = {
            "empty": {"q": ""},
            "spaces": {"q": "   "},
            "no parameter": {},
            "punctuation": {"q": "?!«»"},
            "too long": {"q": "drought " * 40},
            "NUL byte": {"q": "drou\x00ght"},
            "two queries": {"q": ["drought", "reservoir"]},
            "page not a number": {"q": "drought", "page": "abc"},
            "page far past the end": {"q": "drought", "page": "999999"},
            "negative page": {"q": "drought", "page": "-3"},
            "enormous page": {"q": "drought", "page": "9" * 30},
        }
        for name, params in cases.items():
            for language in ("en", "fa"):
                with self.subTest(name, language=language):
                    page = self.page(language, **params)
                    self.assertIsNotNone(page.select_one("form[role=search] input[name=q]"))
                    self.assertTrue(page.select(".search-hint, .search-count, .form-error"), f"no message for {name}")

    def test_an_over_long_query_says_how_long_it_may_be(self):
        page = self.page("fa", q="خشکسالی " * 40)
        self.assertIn("۲۰۰", page.select_one(".form-error").get_text())

    def test_a_fruitless_search_offers_the_other_language(self):
        page = self.page("en", q="nothingmatchesthis")
        self.assertIn("No articles match", page.select_one(".search-count").get_text())
        self.assertTrue(page.select_one('.search-hint a[hreflang="fa"]')["href"].startswith("/fa/search/?q="))

    def test_the_results_sit_in_the_same_container_as_other_list_pages_in_both_languages(self):
        section = make_section(name_en="Environment", name_fa="محیط زیست")
        for language, query in (("en", "drought"), ("fa", "خشکسالی")):
            with self.subTest(language=language), translation.override(language):
                section_page = BeautifulSoup(self.client.get(section.get_absolute_url()).text, "html.parser")
                list_container = section_page.select_one("main > *")
                results_page = self.page(language, q=query)
                [container] = results_page.select("main > *")
                # The page-wide container (.wrap) centres the content and keeps it off the edge on either side.
                self.assertIn("wrap", list_container["class"])
                self.assertTrue(set(list_container["class"]) <= set(container["class"]), container["class"])
                self.assertEqual(container.select_one("h1").get_text(), "Search" if language == "en" else "جست‌وجو")
                self.assertEqual(len(container.select(".search-result")), 10)
                self.assertIsNotNone(container.select_one("form[role=search]"))
                self.assertIsNotNone(container.select_one(".pagination"))
        first_visit = self.page("fa")
        [container] = first_visit.select("main > *")
        self.assertIn("wrap", container["class"])
        self.assertIsNotNone(container.select_one(".search-hint"))

    def test_search_pages_ask_not_to_be_indexed(self):
        self.assertEqual(self.page("en", q="drought").select_one('meta[name="robots"]')["content"], "noindex, follow")

    def test_every_page_has_an_accessible_search_form(self):
        page = BeautifulSoup(self.client.get("/fa/").text, "html.parser")
        form = page.select_one("header form[role=search]")
        self.assertEqual(form["action"], "/fa/search/")
        field = form.select_one("input[name=q]")
        self.assertIsNotNone(form.select_one(f'label[for="{field["id"]}"]'))

    def test_a_very_common_word_says_more_than_the_limit_match(self):
        with mock.patch.object(Results, "limit", 11):
            english = self.page("en", q="drought")
            persian = self.page("fa", q="خشکسالی", page="2")
        self.assertEqual(english.select_one(".search-count").get_text(), "More than 11 articles match “drought”.")
        self.assertIn("Add a word", english.select_one(".search-hint").get_text())
        self.assertEqual(english.select_one(".pagination span").get_text(), "Page 1 of 2")
        self.assertEqual(persian.select_one(".search-count").get_text(), "بیش از ۱۱ مقاله با «خشکسالی» پیدا شد.")
        self.assertEqual(len(persian.select(".search-result")), 1)
        self.assertEqual(persian.select_one(".pagination span").get_text(), "صفحهٔ ۲ از ۲")

    def test_the_results_page_does_not_query_per_result(self):
        def queries(query):
            with CaptureQueriesContext(connection) as captured:
                self.client.get(search_url("en"), {"q": query})
            return len(captured)

        make_article(languages=("en",), headline_en="A single gauge")
        self.assertEqual(queries("drought"), queries("gauge"))  # ten results, then one


class IndexCommandTests(TestCase):
    def test_update_search_index_indexes_articles_saved_around_the_index(self):
        from io import StringIO

        from django.core.management import call_command

        article = make_article(languages=("en",), headline_en="Saffron harvest")
        Article.objects.filter(pk=article.pk).update(search_text_en="", search_vector_en=None)
        self.assertEqual(found("en", "saffron"), [])
        call_command("update_search_index", stdout=StringIO())
        self.assertEqual(found("en", "saffron"), ["Saffron harvest"])


class StoredIndexTests(TestCase):
    """The index is stored when an article is saved, not computed per query."""

    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(
            headline_fa="كتاب علي", standfirst_fa="خلاصه", body_fa="<p>متن می‌خواهند</p>", headline_en="Ali's book"
        )
        cls.article.refresh_from_db()

    def test_the_normalised_text_is_stored_line_by_line(self):
        headline, summary, body = self.article.search_text_fa.split("\n")
        self.assertEqual(headline, "کتاب علی")
        self.assertTrue(summary.startswith("خلاصه نویسنده"))
        self.assertEqual(body, "متن میخواهند می خواهند")

    def test_postgresql_keeps_a_weighted_vector_per_language_behind_a_gin_or_rum_index(self):
        if connection.vendor != "postgresql":
            self.assertIsNone(self.article.search_vector_fa)  # SQLite searches the stored text instead
            return
        self.assertIn("'کتاب':1A", self.article.search_vector_fa)
        self.assertIn("'خلاصه':3B", self.article.search_vector_fa)
        self.assertIn("'میخواهند':", self.article.search_vector_fa)
        self.assertIn("'book':", self.article.search_vector_en)  # stemmed by the english configuration
        # Results are ranked by the small vector of the headline and summary: no body words in it.
        self.assertIn("'کتاب':1A", self.article.search_rank_vector_fa)
        self.assertNotIn("'متن'", self.article.search_rank_vector_fa)
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'articles_article'")
            indexes = dict(cursor.fetchall())
        rum = index_kind() == "rum"  # where the server has the extension
        for language in ("en", "fa"):
            # The search vector keeps its GIN index (the faster to find a word's matches) beside RUM; the
            # ranking vector has one or the other.
            self.assertIn(f"USING gin (search_vector_{language})", indexes[f"article_search_{language}_gin"])
            self.assertEqual(f"article_search_{language}_rum" in indexes, rum)
            rank_index = f"article_rank_{language}_{'rum' if rum else 'gin'}"
            self.assertIn(f"USING {'rum' if rum else 'gin'} (search_rank_vector_{language}", indexes[rank_index])
            self.assertNotIn(f"article_rank_{language}_{'gin' if rum else 'rum'}", indexes)

    def test_postgresql_answers_a_search_from_the_index(self):
        if connection.vendor != "postgresql":
            return
        results = search(Article.objects.all(), Query.parse("كتاب"), "fa")
        with connection.cursor() as cursor:
            # A tiny table would otherwise be scanned, or walked in date order through its date index.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
        self.assertIn(f"article_rank_fa_{index_kind()}", results.ranked.explain())
        self.assertRegex(results.unranked.explain(), "article_search_fa_(gin|rum)")  # as the planner sees fit

    def test_with_rum_the_ranked_matches_come_out_of_the_index_best_first(self):
        if connection.vendor != "postgresql" or index_kind() != "rum":
            return
        results = search(Article.objects.all(), Query.parse("كتاب"), "fa")
        with CaptureQueriesContext(connection) as captured:
            results._in_index_order(results.ranked, 5)
        [ranked] = [query["sql"] for query in captured if "<=>" in query["sql"]]
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute("EXPLAIN " + ranked)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        self.assertIn("Index Scan using article_rank_fa_rum", plan)
        self.assertIn("Order By: (search_rank_vector_fa <=>", plan)

    def test_the_common_english_words_are_exactly_the_ones_postgresql_drops(self):
        """SQLite leaves out the same English words as PostgreSQL's english configuration, no more and no fewer."""
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM unnest(%s::text[]) AS word WHERE to_tsvector('english', word) = ''::tsvector",
                [sorted(COMMON_WORDS["en"])],
            )
            dropped = {word for (word,) in cursor.fetchall()}
        self.assertEqual(dropped, COMMON_WORDS["en"])
        self.assertEqual(len(COMMON_WORDS["en"]), 127)  # the size of PostgreSQL's english.stop
