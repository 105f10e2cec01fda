"""
What an editor sees in the Persian admin: Persian throughout (Django's strings included), the Persian headline
where there is one, English names kept in their own order, and fields labelled with the language's name.
"""

import ast
import gettext
import re

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from tests.factories import make_article, make_author, make_series

from .base import NewsroomAdminTestCase, form_values, page

ENGLISH_QUESTION = "Rain that never reached the aquifer: can the plateau refill its wells?"
PERSIAN_HEADLINE = "بارانی که به آبخوان نرسید؛ آیا فلات می‌تواند چاه‌هایش را دوباره پر کند؟"
# Django 6.1 strings its Persian catalogue lacks, or that read as half English before we translated them.
ENGLISH_LEFTOVERS = ["Filter by", "Search", "Run", "Select an option", "Pagination", "Model name", "Add link",
                     "Change or view list link", "Breadcrumbs", "selected", "entries", "[fa]", "[en]"]  # fmt: skip
ISOLATE, POP_ISOLATE = "\u2068", "\u2069"


def visible_text(soup) -> str:
    """Return what the page says, to the eye and to a screen reader, without its scripts and the articles' English."""
    for element in soup(["script", "style", "template"]):
        element.decompose()
    for element in soup.find_all(lang="en"):  # an English headline or the switch to the English admin
        element.decompose()
    labels = " ".join(
        value for element in soup.find_all(True) for name in ("aria-label", "title", "placeholder", "alt")
        if (value := element.get(name))
    )  # fmt: skip
    return f"{soup.get_text(' ', strip=True)} {labels}"


class PersianAdminPagesTestCase(NewsroomAdminTestCase):
    def setUp(self):
        # The test client leaves a request's language active: what a test creates is made in English.
        self.addCleanup(translation.activate, settings.LANGUAGE_CODE)
        translation.activate(settings.LANGUAGE_CODE)

    def persian(self, url, user=None):
        self.client.force_login(user or self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        response = self.client.get(url)
        translation.activate(settings.LANGUAGE_CODE)
        self.assertEqual(response.status_code, 200)
        return page(response)


class PersianArticleListTests(PersianAdminPagesTestCase):
    def setUp(self):
        super().setUp()
        self.both = make_article(headline_en=ENGLISH_QUESTION, headline_fa=PERSIAN_HEADLINE)
        self.english_only = make_article(headline_en="Hafez on a phone screen: what do translators lose?",
                                         languages=("en",))  # fmt: skip
        self.list_url = reverse("admin:articles_article_changelist")

    def test_the_article_list_has_no_english_furniture_left(self):
        text = visible_text(self.persian(self.list_url))
        for words in ENGLISH_LEFTOVERS:
            self.assertNotIn(words, text)
        self.assertIn("جست‌وجو در مقاله‌ها", text)
        self.assertIn("اجرا", text)

    def test_the_list_shows_the_persian_headline_where_there_is_one(self):
        row = self.persian(self.list_url).find("input", value=str(self.both.pk)).find_parent("tr")
        headline = row.find("bdi")
        self.assertEqual(headline.get_text(), PERSIAN_HEADLINE)
        self.assertEqual((headline["lang"], headline["dir"]), ("fa", "rtl"))
        self.assertNotIn("Rain that never reached", row.get_text())

    def test_an_english_only_headline_is_isolated_and_marked_as_english(self):
        row = self.persian(self.list_url).find("input", value=str(self.english_only.pk)).find_parent("tr")
        headline = row.find("th").find("bdi")
        self.assertEqual(headline.get_text(), self.english_only.headline_en)
        self.assertEqual((headline["lang"], headline["dir"]), ("en", "ltr"))

    def test_the_english_admin_still_shows_the_english_headline(self):
        self.client.force_login(self.editor)
        row = page(self.client.get(self.list_url)).find("input", value=str(self.both.pk)).find_parent("tr")
        self.assertEqual(row.find("th").find("bdi").get_text(), ENGLISH_QUESTION)

    def test_sorting_by_headline_follows_the_headlines_shown(self):
        first_in_persian = make_article(headline_en="Zebra crossings", headline_fa="آب انبارها")
        first_in_english = make_article(headline_en="Aardvarks", headline_fa="یخچال‌های کویر")
        headlines = [bdi.get_text() for bdi in self.persian(f"{self.list_url}?o=1").select("#result_list th bdi")]
        self.assertLess(headlines.index("آب انبارها"), headlines.index("یخچال‌های کویر"))
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        english = page(self.client.get(f"{self.list_url}?o=1")).select("#result_list th bdi")
        headlines = [bdi.get_text() for bdi in english]
        self.assertLess(headlines.index(first_in_english.headline_en), headlines.index(first_in_persian.headline_en))

    def test_authors_and_section_are_shown_in_persian_with_a_persian_comma(self):
        article = make_article(authors=[self.author, self.other_author], headline_fa="دو نویسنده")
        row = self.persian(self.list_url).find("input", value=str(article.pk)).find_parent("tr")
        authors = row.find("td", class_="field-authors_column")
        self.assertEqual(authors.get_text(), "مریم کریمی، رضا احمدی")
        self.assertEqual([bdi["lang"] for bdi in authors.find_all("bdi")], ["fa", "fa"])

    def test_a_translation_needing_an_update_is_not_called_stale(self):
        text = visible_text(self.persian(self.list_url))
        self.assertIn("فارسی: نیازمند به‌روزرسانی", text)
        self.assertNotIn("کهنه", text)


class PersianFormsAndTitlesTests(PersianAdminPagesTestCase):
    def setUp(self):
        super().setUp()
        self.article = make_article(headline_en=ENGLISH_QUESTION, headline_fa=PERSIAN_HEADLINE)

    def test_field_labels_name_the_language_instead_of_its_code(self):
        html = self.persian(self.change_url(self.article))
        labels = {label["for"]: label.get_text() for label in html.find_all("label") if label.has_attr("for")}
        self.assertEqual(labels["id_headline_fa"], "تیتر (فارسی):")
        self.assertEqual(labels["id_headline_en"], "تیتر (انگلیسی):")
        self.assertFalse([text for text in labels.values() if re.search(r"\[(fa|en)\]", text)])

    def test_the_english_admin_labels_fields_with_language_names_too(self):
        self.client.force_login(self.editor)
        html = page(self.client.get(self.change_url(self.article)))
        self.assertEqual(html.find("label", attrs={"for": "id_headline_fa"}).get_text(), "Headline (Persian):")

    def test_a_translator_sees_only_persian_labels(self):
        html = self.persian(self.change_url(self.article), user=self.translator)
        text = " ".join(label.get_text() for label in html.find_all("label"))
        self.assertIn("تیتر (فارسی)", text)
        self.assertNotIn("[fa]", text)

    def test_the_change_form_title_keeps_an_english_headline_in_order(self):
        html = self.persian(self.change_url(self.article))
        self.assertEqual(
            html.title.get_text(), f"{ISOLATE}{ENGLISH_QUESTION}{POP_ISOLATE} | تغییر مقاله | پیشخوان تحریریه"
        )
        self.assertEqual(html.select_one("#content h2 bdi").get_text(), ENGLISH_QUESTION)

    def test_the_history_title_is_persian_with_the_headline_isolated(self):
        url = reverse("admin:articles_article_history", args=[self.article.pk])
        html = self.persian(url)
        self.assertEqual(html.h1.get_text(), f"تاریخچهٔ تغییرات: {ISOLATE}{ENGLISH_QUESTION}{POP_ISOLATE}")
        self.assertNotIn("Django", html.title.get_text())

    def test_the_deletion_page_is_persian_and_leaves_out_tag_link_rows(self):
        from tests.factories import make_tag

        self.article.tags.set([make_tag()])
        html = self.persian(reverse("admin:articles_article_delete", args=[self.article.pk]))
        question = html.find("p", string=re.compile("مطمئنید")) or html.find(string=re.compile("مطمئنید")).parent
        self.assertEqual(question.find("bdi").get_text(), ENGLISH_QUESTION)
        text = visible_text(html)
        for words in ("relationship", "Article_tags", "Are you sure", "Objects"):
            self.assertNotIn(words, text)

    def test_the_saved_message_isolates_the_headline(self):
        data = self.open_form(self.editor, self.article)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        response = self.client.post(self.change_url(self.article), data, follow=True)
        message = page(response).select_one("ul.messagelist li")
        self.assertEqual(message.find("bdi").get_text(), ENGLISH_QUESTION)
        self.assertIn("با موفقیت ذخیره شد", message.get_text())

    def test_the_history_records_changes_with_persian_labels(self):
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        data = form_values(self.client.get(self.change_url(self.article)))
        data["headline_fa"] = ["تیتری تازه"]
        self.client.post(self.change_url(self.article), data)
        comment = Version.objects.get_for_object(self.article).first().revision.get_comment()
        self.assertIn("تیتر (فارسی)", comment)
        self.assertNotIn("Changed", comment)


class PersianNamesInListsTests(PersianAdminPagesTestCase):
    def test_author_and_series_lists_show_persian_names_marked_with_their_language(self):
        make_author(name_en="Only English", name_fa="")
        html = self.persian(reverse("admin:authors_author_changelist"))
        names = {bdi.get_text(): bdi["lang"] for bdi in html.select("#result_list th bdi")}
        self.assertEqual(names["مریم کریمی"], "fa")
        self.assertEqual(names["Only English"], "en")
        make_series(title_en="Thirsty plateau", title_fa="فلات تشنه")
        html = self.persian(reverse("admin:series_series_changelist"))
        self.assertEqual(html.select_one("#result_list th bdi").get_text(), "فلات تشنه")

    def test_the_admin_index_is_persian(self):
        text = visible_text(self.persian(reverse("admin:index")))
        for words in ("Model name", "Add link", "Change or view list link", "Django"):
            self.assertNotIn(words, text)


class UpstreamStringsCatalogueTests(NewsroomAdminTestCase):
    def test_every_upstream_string_we_list_has_a_persian_translation_of_ours(self):
        source = (settings.BASE_DIR / "core" / "upstream_strings.py").read_text(encoding="utf-8")
        with open(settings.BASE_DIR / "locale" / "fa" / "LC_MESSAGES" / "django.mo", "rb") as compiled:
            catalogue = gettext.GNUTranslations(compiled)._catalog
        listed = 0
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call) or getattr(node.func, "id", "") not in ("gettext_noop", "ngettext_lazy"):
                continue
            strings = [argument.value for argument in node.args]
            keys = [strings[0]] if len(strings) == 1 else [(strings[0], 0), (strings[0], 1)]
            for key in keys:
                listed += 1
                self.assertTrue(catalogue.get(key), f"no Persian translation for {key!r}")
        self.assertGreater(listed, 50)
