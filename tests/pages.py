"""Reading reader pages the way a browser or a crawler does: parsed HTML, head tags, structured data."""

import json
import shutil
import tempfile

from bs4 import BeautifulSoup
from django.test import TestCase, override_settings
from django.utils import translation

from tests.schema_org import vocabulary_problems

PERSIAN_MONTHS = "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
JALALI_DATE = rf"^[۰-۹]{{1,2}} ({PERSIAN_MONTHS}) ۱۴[۰-۹]{{2}}$"


class Page:
    """A rendered page: the soup plus the head's metadata pulled out for assertions."""

    def __init__(self, response):
        self.response = response
        self.soup = BeautifulSoup(response.content, "html.parser")

    def select(self, selector):
        return self.soup.select(selector)

    def one(self, selector):
        found = self.soup.select(selector)
        assert len(found) == 1, f"expected one {selector!r}, found {len(found)}"
        return found[0]

    def text(self, selector) -> str:
        return " ".join(self.one(selector).get_text(" ").split())

    @property
    def html_attributes(self) -> dict:
        root = self.soup.find("html")
        return {"lang": root.get("lang"), "dir": root.get("dir")}

    def meta(self, key: str) -> list[str]:
        """Return the content of every <meta property=key> or <meta name=key>."""
        return [tag["content"] for tag in self.soup.find_all("meta") if key in (tag.get("property"), tag.get("name"))]

    @property
    def canonical(self) -> str | None:
        link = self.soup.find("link", rel="canonical")
        return link["href"] if link else None

    @property
    def hreflangs(self) -> dict[str, str]:
        return {link["hreflang"]: link["href"] for link in self.soup.find_all("link", rel="alternate", hreflang=True)}

    @property
    def structured_data(self) -> list[dict]:
        """Every JSON-LD document of the page, each checked against schema.org's vocabulary first."""
        documents = [json.loads(script.string) for script in self.soup.find_all("script", type="application/ld+json")]
        problems = [problem for document in documents for problem in vocabulary_problems(document)]
        assert not problems, "structured data schema.org does not define:\n" + "\n".join(problems)
        return documents

    def structured(self, type_name: str) -> dict:
        found = [item for item in self.structured_data if item.get("@type") == type_name]
        types = [item.get("@type") for item in self.structured_data]
        assert len(found) == 1, f"expected one {type_name}, found {types}"
        return found[0]


class TemporaryMediaMixin:
    """Store uploads and renditions in a throw-away MEDIA_ROOT for the test class."""

    @classmethod
    def setUpClass(cls):
        cls._media_root = tempfile.mkdtemp(prefix="newsroom-media-")
        cls._media_override = override_settings(MEDIA_ROOT=cls._media_root)
        cls._media_override.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls._media_override.disable()
        shutil.rmtree(cls._media_root, ignore_errors=True)


class ReaderTestCase(TestCase):
    """A TestCase whose requests do not leave their page's language active for the tests that follow."""

    def setUp(self):
        super().setUp()
        translation.deactivate()  # nor find one left active by a test before them
        self.addCleanup(translation.deactivate)
