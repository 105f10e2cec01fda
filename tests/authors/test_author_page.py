"""An author's page: who they are, where else to find them, and what they have written in this language."""

from django.core.files.base import ContentFile

from tests.factories import image_upload, make_article, make_author
from tests.pages import JALALI_DATE, Page, ReaderTestCase, TemporaryMediaMixin


class AuthorPageTests(TemporaryMediaMixin, ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_author(
            name_en="Maryam Karimi",
            name_fa="مریم کریمی",
            slug="maryam-karimi",
            job_title_en="Economics editor",
            job_title_fa="دبیر اقتصاد",
            bio_en="Maryam covers money and water.",
            bio_fa="مریم دربارهٔ پول و آب می‌نویسد.",
            x_handle="mkarimi",
            telegram="mkarimi",
            website="https://example.org/maryam",
        )
        cls.author.avatar.save("maryam.jpg", ContentFile(image_upload(size=(400, 400)).read()))
        cls.both = make_article(authors=[cls.author], headline_fa="پول و آب")
        cls.english_only = make_article(authors=[cls.author], languages=("en",), headline_en="Money, in English")
        cls.not_theirs = make_article(headline_en="Someone else's piece")

    def page(self, language):
        return Page(self.client.get(f"/{language}/authors/maryam-karimi/"))

    def test_author_page_introduces_the_author_in_each_language(self):
        english, persian = self.page("en"), self.page("fa")
        self.assertEqual((english.text("h1"), english.text(".profile__role")), ("Maryam Karimi", "Economics editor"))
        self.assertEqual((persian.text("h1"), persian.text(".profile__role")), ("مریم کریمی", "دبیر اقتصاد"))
        self.assertEqual(persian.html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(persian.text(".profile__bio"), "مریم دربارهٔ پول و آب می‌نویسد.")
        avatar = persian.one(".profile img.avatar")
        self.assertEqual((avatar["width"], avatar["height"]), ("128", "128"))

    def test_social_links_are_listed(self):
        links = [a["href"] for a in self.page("fa").select(".profile__links a")]
        self.assertEqual(links, ["https://example.org/maryam", "https://x.com/mkarimi", "https://t.me/mkarimi"])

    def test_a_handle_is_percent_encoded_in_its_profile_address(self):
        """A handle is typed, not checked: whatever it holds, the link stays one valid address on its network."""
        author = make_author(slug="odd-handles", x_handle="@<b>me</b>", telegram="a b", instagram="x/../y")
        self.assertEqual(
            author.social_links(),
            [("x", "https://x.com/%3Cb%3Eme%3C%2Fb%3E"), ("telegram", "https://t.me/a%20b"),
             ("instagram", "https://www.instagram.com/x%2F..%2Fy/")],
        )  # fmt: skip

    def test_lists_only_their_articles_in_the_page_language(self):
        english = [a.get_text() for a in self.page("en").select(".item__headline a")]
        persian = [a.get_text() for a in self.page("fa").select(".item__headline a")]
        self.assertEqual(sorted(english), sorted(["Money, in English", self.both.headline_en]))
        self.assertEqual(persian, ["پول و آب"])
        self.assertRegex(self.page("fa").select(".item time")[0].get_text(), JALALI_DATE)
        self.assertEqual(self.page("fa").text(".rule-heading .count"), "(۱)")

    def test_structured_data_describes_the_person_with_their_profiles(self):
        page = self.page("fa")
        profile = page.structured("ProfilePage")
        person = profile["mainEntity"]
        self.assertEqual(person["@type"], "Person")
        self.assertEqual(person["name"], "مریم کریمی")
        self.assertEqual(
            person["sameAs"], ["https://example.org/maryam", "https://x.com/mkarimi", "https://t.me/mkarimi"]
        )
        self.assertEqual(page.structured("BreadcrumbList")["itemListElement"][-1]["item"], page.canonical)

    def test_head_links_both_language_versions(self):
        page = self.page("en")
        self.assertEqual(page.canonical, "http://testserver/en/authors/maryam-karimi/")
        self.assertEqual(page.hreflangs["fa"], "http://testserver/fa/authors/maryam-karimi/")
        self.assertEqual(page.meta("og:type"), ["profile"])

    def test_unknown_author_is_not_found(self):
        self.assertEqual(self.client.get("/en/authors/nobody/").status_code, 404)
