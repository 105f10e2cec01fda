"""The admin in Persian with right-to-left fields; login throttling; switching the admin's language."""

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.factories import make_article

from .base import NewsroomAdminTestCase, page


class PersianAdminTests(NewsroomAdminTestCase):
    def test_translator_works_in_a_persian_admin_with_rtl_persian_fields(self):
        article = make_article()
        self.client.force_login(self.translator)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        html = page(self.client.get(self.change_url(article)))
        self.assertEqual(html.html["lang"], "fa")
        self.assertEqual(html.html["dir"], "rtl")
        headline = html.find("input", attrs={"name": "headline_fa"})
        self.assertEqual((headline["dir"], headline["lang"]), ("rtl", "fa"))
        self.assertIn("به‌روز", html.select_one(".translation-states").text)

    def test_english_admin_still_writes_persian_right_to_left_and_english_left_to_right(self):
        article = make_article()
        self.client.force_login(self.editor)
        html = page(self.client.get(self.change_url(article)))
        self.assertEqual(html.html["dir"], "ltr")
        self.assertEqual(html.find("input", attrs={"name": "headline_fa"})["dir"], "rtl")
        self.assertEqual(html.find("input", attrs={"name": "headline_en"})["dir"], "ltr")
        self.assertEqual(html.find("textarea", attrs={"name": "body_fa"})["dir"], "rtl")

    def test_tabs_and_editor_assets_come_from_our_own_static_files(self):
        article = make_article()
        self.client.force_login(self.editor)
        html = page(self.client.get(self.change_url(article)))
        sources = [script.get("src", "") for script in html.find_all("script")]
        self.assertTrue(any("admin_newsroom/vendor/jquery-ui/jquery-ui.min.js" in src for src in sources))
        self.assertFalse(any(src.startswith(("http", "//")) for src in sources))
        for script in html.find_all("script", src=False):
            if script.get("type") not in ("application/json",):
                self.assertTrue(script.get("nonce"), f"inline script without a nonce: {script}")

    def test_persian_slug_is_prepopulated_from_the_persian_headline(self):
        self.client.force_login(self.editor)
        html = page(self.client.get(reverse("admin:articles_article_add")))
        slug = html.find("input", attrs={"name": "slug_fa"})
        self.assertEqual(slug["data-prepopulated-field"] if slug.has_attr("data-prepopulated-field") else "", "")
        self.assertIn('"#id_slug_fa"', str(html.find(id="django-admin-prepopulated-fields-constants")))


@override_settings(AXES_FAILURE_LIMIT=3)
class LoginThrottlingTests(NewsroomAdminTestCase):
    def test_repeated_failed_logins_lock_the_account(self):
        url = reverse("admin:login")
        with self.assertLogs("axes", level="WARNING") as logs:
            for _ in range(3):
                self.client.post(url, {"username": "editor", "password": "wrong"})
            response = self.client.post(url, {"username": "editor", "password": "a-long-test-password"})
        self.assertTrue(any("Locking out" in line for line in logs.output))
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Too many failed logins", status_code=429)


class AdminLanguageSwitchTests(NewsroomAdminTestCase):
    def test_translator_switches_the_admin_to_persian_and_back(self):
        self.client.force_login(self.translator)
        index = reverse("admin:index")
        link = page(self.client.get(index)).find(id="admin-language-switch")
        self.assertEqual(link.text, "فارسی")
        response = self.client.get(link["href"], follow=True)
        self.assertEqual(response.redirect_chain[-1][0], index)
        html = page(response)
        self.assertEqual((html.html["lang"], html.html["dir"]), ("fa", "rtl"))
        self.assertEqual(html.find(id="admin-language-switch").text, "English")
        self.assertIn("میز ترجمه", html.text)
