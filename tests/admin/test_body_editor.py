"""
The body editor as the staff meet it: a toolbar in the admin's language (words from our djangojs catalogue, read
through the admin's jsi18n view), a help text on subheadings and the contents list, and no inline style for the
Content Security Policy to block.
"""

import json
import re
import subprocess

from django.conf import settings
from django.test import SimpleTestCase
from django.urls import reverse

from articles.outline import CONTENTS_MIN_HEADINGS
from core.widgets import TOOLBAR_EXTENSION, TOOLBAR_MODULE

from .base import NewsroomAdminTestCase, page

JS_CATALOGUE = settings.BASE_DIR / "locale" / "fa" / "LC_MESSAGES" / "djangojs.po"


class BodyEditorTests(NewsroomAdminTestCase):
    def open_add_form(self, language: str):
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = self.client.get(reverse("admin:articles_article_add"))
        self.assertEqual(response.status_code, 200)
        return page(response)

    def javascript_catalogue(self, html) -> dict:
        """Return the words the page's jsi18n script gives window.gettext."""
        source = next(script["src"] for script in html.find_all("script", src=True) if "jsi18n" in script["src"])
        script = self.client.get(source).content.decode()
        found = re.search(r"const newcatalog = (\{.*?\});", script, re.DOTALL)
        return json.loads(found.group(1)) if found else {}  # no catalogue at all: the English as written

    def test_the_persian_admin_gives_the_toolbar_persian_words(self):
        catalogue = self.javascript_catalogue(self.open_add_form("fa"))
        self.assertEqual(catalogue["Paragraph"], "پاراگراف")
        self.assertEqual(catalogue["Subheading"], "میان‌تیتر")
        self.assertEqual(catalogue["Sub-subheading"], "میان‌تیتر فرعی")
        self.assertEqual(catalogue["Bold"], "پررنگ")
        # The prose editor's own words (its link dialog), which it ships in German, French and Polish only.
        self.assertEqual(catalogue["Edit Link"], "ویرایش پیوند")
        self.assertEqual(catalogue["Cancel"], "انصراف")

    def test_the_english_admin_keeps_the_english_words(self):
        catalogue = self.javascript_catalogue(self.open_add_form("en"))
        self.assertNotIn("Subheading", catalogue)

    def test_the_catalogue_loads_before_the_editor_which_loads_our_toolbar(self):
        html = self.open_add_form("fa")
        sources = [script["src"] for script in html.find_all("script", src=True)]
        catalogue = next(i for i, src in enumerate(sources) if "jsi18n" in src)
        editor = next(i for i, src in enumerate(sources) if "django_prose_editor/" in src)
        self.assertLess(catalogue, editor)  # the editor reads window.gettext when its module runs
        for language in ("en", "fa"):
            textarea = html.find("textarea", attrs={"name": f"body_{language}"})
            config = json.loads(textarea["data-django-prose-editor-configurable"])
            self.assertIn(TOOLBAR_EXTENSION, config["extensions"])
            self.assertTrue(any(module.endswith(TOOLBAR_MODULE) for module in config["js_modules"]))

    def test_tiptaps_base_styles_come_from_a_file_not_an_inline_style(self):
        html = self.open_add_form("en")
        sheets = [link["href"] for link in html.find_all("link", rel="stylesheet")]
        self.assertTrue(any(href.endswith("admin_newsroom/tiptap_base.css") for href in sheets))
        self.assertTrue(any(href.endswith("admin_newsroom/editor.css") for href in sheets))
        toolbar = (settings.BASE_DIR / "static" / TOOLBAR_MODULE).read_text()
        self.assertIn("injectCSS = false", toolbar)  # so Tiptap never adds a <style> our CSP would block

    def test_the_help_text_says_which_heading_to_use_and_when_contents_appear(self):
        help_text = self.open_add_form("en").find(id="id_body_en_helptext").text
        self.assertIn("(h2)", help_text)
        self.assertIn("(h3)", help_text)
        self.assertIn("##", help_text)
        self.assertIn(f"An article with {CONTENTS_MIN_HEADINGS} subheadings or more shows a contents list", help_text)

    def test_the_persian_help_text_gives_the_threshold_in_persian_digits_on_both_bodies(self):
        html = self.open_add_form("fa")
        digits = str(CONTENTS_MIN_HEADINGS).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        for language in ("en", "fa"):
            help_text = html.find(id=f"id_body_{language}_helptext").text
            self.assertIn(f"مقاله‌ای با {digits} میان‌تیتر یا بیشتر فهرست مطالب نشان می‌دهد", help_text)
            self.assertIn("##", help_text)


class JavaScriptCatalogueTests(SimpleTestCase):
    def test_every_message_is_translated_and_none_is_fuzzy(self):
        checked = subprocess.run(
            ["msgfmt", "--check", "--statistics", "--output-file=/dev/null", str(JS_CATALOGUE)],
            capture_output=True,
            text=True,
        )
        self.assertEqual(checked.returncode, 0, checked.stderr)
        self.assertRegex(checked.stderr.strip(), r"^\d+ translated messages\.$", "untranslated or fuzzy messages")
