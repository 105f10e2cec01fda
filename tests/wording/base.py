"""What the interface wording's stories share: the personas, a small catalogue of their own, and a clean runtime."""

import tempfile
from pathlib import Path
from unittest import mock

from django.test import override_settings

from tests.admin.base import NewsroomAdminTestCase
from wording import runtime

# A catalogue with one message of each kind the screens and checks care about.
SMALL_CATALOGUE = r"""msgid ""
msgstr ""
"Language: fa\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#: templates/base.html
msgid "Skip to content"
msgstr "رفتن به محتوا"

#: templates/base.html
msgid "Independent analysis in English and Persian."
msgstr "تحلیل مستقل به فارسی و انگلیسی."

#: articles/views.py
msgid "Subscribe"
msgstr ""

#: articles/views.py
#, fuzzy
msgid "Unsubscribe"
msgstr "مشترک شوید"

#: desk/views.py
#, python-format
msgid "%(counter)s item needs translating."
msgid_plural "%(counter)s items need translating."
msgstr[0] "%(counter)s مورد ترجمه لازم دارد."
msgstr[1] "%(counter)s مورد ترجمه لازم دارند."

#: articles/templates/articles/article_detail.html
msgctxt "link to the article in the language of this text"
msgid "View this article in English"
msgstr "این مقاله را به فارسی بخوانید"

#: articles/templates/articles/article_detail.html
#, python-format
msgid "Read <a href=\"%(url)s\">the guide</a>."
msgstr "<a href=\"%(url)s\">راهنما</a> را بخوانید."
"""


class WordingTestCase(NewsroomAdminTestCase):
    """The personas, with the wording checked for changes as in production, and forgotten after each story."""

    def setUp(self):
        super().setUp()
        runtime.reset()
        self.addCleanup(runtime.reset)
        polling = override_settings(WORDING_POLL_SECONDS=runtime.POLL_SECONDS)
        polling.enable()
        self.addCleanup(polling.disable)
        # The second invalidation a change schedules (services.announce) has its own test.
        timer = mock.patch("wording.services.threading.Timer")
        timer.start()
        self.addCleanup(timer.stop)


class SmallCatalogueTestCase(WordingTestCase):
    """The stories told on SMALL_CATALOGUE rather than the project's, which changes with the code."""

    def setUp(self):
        super().setUp()
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        po = Path(folder.name) / "fa" / "LC_MESSAGES" / "django.po"
        po.parent.mkdir(parents=True)
        po.write_text(SMALL_CATALOGUE, encoding="utf-8")
        locale = override_settings(LOCALE_PATHS=[folder.name])
        locale.enable()
        self.addCleanup(locale.disable)
