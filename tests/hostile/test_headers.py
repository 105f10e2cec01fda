"""
Security headers on public and admin pages, HSTS and secure cookies in production, CSRF on every form
that changes something, and a locked-out login that reflects nothing of what was typed.
"""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from tests.admin.base import NewsroomAdminTestCase, form_values
from tests.factories import make_article, make_author, make_section, make_series, make_tag, make_user

from .markup import csp_nonce, findings

ROOT = Path(__file__).resolve().parent.parent.parent


def policy(response) -> dict[str, list[str]]:
    """Return the Content-Security-Policy as {directive: [sources]}."""
    directives = {}
    for part in response.headers.get("Content-Security-Policy", "").split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@dataclass(frozen=True)
class Answer:
    """What a test needs of a response (kept in setUpTestData, so it must copy cheaply)."""

    status: int
    headers: dict[str, str]
    content: str

    @property
    def is_html(self) -> bool:
        return self.headers.get("Content-Type", "").startswith("text/html")


def answer(response) -> Answer:
    return Answer(response.status_code, dict(response.headers), response.content.decode())


class HeaderTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", groups=["Editor"], is_staff=True)
        cls.author = make_author(slug="maryam-karimi")
        cls.section, cls.tag, cls.series = make_section(), make_tag(), make_series()
        cls.article = make_article(authors=[cls.author], section=cls.section, tags=[cls.tag], series=cls.series,
                                   part=1)  # fmt: skip
        cls.public = cls.public_answers()
        cls.admin = cls.admin_answers()
        translation.deactivate()

    @classmethod
    def public_answers(cls) -> dict[str, Answer]:
        reader = Client()
        urls = ["/robots.txt", "/sitemap.xml", "/en/no-such-page/", "/fa/search/?q=آب"]
        for language in ("en", "fa"):
            urls += [f"/{language}/", cls.article.url_in(language), f"/{language}/feeds/rss/", f"/{language}/series/"]
        urls += [cls.section.get_absolute_url(), cls.tag.get_absolute_url(), cls.author.get_absolute_url()]
        return {url: answer(reader.get(url)) for url in urls}

    @classmethod
    def admin_answers(cls) -> dict[str, Answer]:
        editor = Client()
        answers = {"/admin/login/": answer(editor.get("/admin/login/"))}
        editor.force_login(cls.editor)
        pk = cls.article.pk
        for url in ("/admin/", "/admin/articles/article/", reverse("admin:articles_article_change", args=[pk]),
                    "/admin/desk/?language=fa", reverse("desk:translate", args=["articles", "article", pk]),
                    reverse("admin:articles_article_preview", args=[pk])):  # fmt: skip
            answers[url] = answer(editor.get(url))
        return answers

    def every_answer(self):
        return [*self.public.items(), *self.admin.items()]


class SecurityHeaderTests(HeaderTestCase):
    def test_every_page_has_a_content_security_policy_without_unsafe_inline_scripts(self):
        for url, response in self.every_answer():
            with self.subTest(url=url):
                directives = policy(response)
                self.assertIn("script-src", directives)
                self.assertNotIn("'unsafe-inline'", directives["script-src"])
                self.assertNotIn("'unsafe-eval'", directives["script-src"])
                self.assertEqual(directives.get("object-src"), ["'none'"])
                self.assertEqual(directives.get("base-uri"), ["'self'"])
                self.assertEqual(directives.get("frame-ancestors"), ["'none'"])

    def test_each_html_page_gets_its_own_nonce_and_only_nonced_inline_scripts(self):
        first, second = Client().get("/en/"), Client().get("/en/")
        self.assertNotEqual(csp_nonce(first), csp_nonce(second))
        for url, response in self.every_answer():
            if response.is_html:
                with self.subTest(url=url):
                    self.assertEqual(findings(response.content, csp_nonce(response)), {})

    def test_every_page_forbids_sniffing_framing_and_leaking_the_referrer(self):
        for url, response in self.every_answer():
            with self.subTest(url=url):
                self.assertEqual(response.headers.get("X-Content-Type-Options"), "nosniff")
                self.assertEqual(response.headers.get("X-Frame-Options"), "DENY")
                self.assertEqual(response.headers.get("Referrer-Policy"), "strict-origin-when-cross-origin")

    def test_admin_pages_are_never_stored_by_a_shared_cache(self):
        for url, response in self.admin.items():
            with self.subTest(url=url):
                self.assertNotIn("public", response.headers.get("Cache-Control", ""))


class ProductionSettingsTests(TestCase):
    """Settings are read from the environment at start: a process of its own, as production starts it."""

    SCRIPT = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
client = Client()
secure = client.get("/robots.txt", secure=True)
plain = client.get("/robots.txt")
print(json.dumps({
    "hsts": secure.headers.get("Strict-Transport-Security"),
    "plain_status": plain.status_code, "plain_location": plain.headers.get("Location"),
    "session_secure": settings.SESSION_COOKIE_SECURE, "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "session_httponly": settings.SESSION_COOKIE_HTTPONLY, "language_secure": settings.LANGUAGE_COOKIE_SECURE,
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
}))
"""

    def production(self, **env):
        environment = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "HTTPS"}}
        environment.update(DJANGO_SETTINGS_MODULE="newsroom.settings", DEBUG="0", SECRET_KEY="x" * 50,
                           ALLOWED_HOSTS="testserver", PAGE_CACHE_SECONDS="0", **env)  # fmt: skip
        result = subprocess.run([sys.executable, "-c", self.SCRIPT], cwd=ROOT, env=environment, capture_output=True,
                                text=True, timeout=120)  # fmt: skip
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout.strip().splitlines()[-1])

    def test_production_sends_hsts_redirects_to_https_and_marks_cookies_secure(self):
        seen = self.production()
        self.assertEqual(seen["hsts"], "max-age=31536000; includeSubDomains; preload")
        self.assertEqual(seen["plain_status"], 301)
        self.assertTrue(seen["plain_location"].startswith("https://testserver/"))
        self.assertTrue(seen["session_secure"] and seen["csrf_secure"] and seen["language_secure"])
        self.assertTrue(seen["session_httponly"])
        self.assertEqual(seen["proxy_header"], ["HTTP_X_FORWARDED_PROTO", "https"])

    def test_development_sends_no_hsts(self):
        self.assertIsNone(Client().get("/robots.txt").headers.get("Strict-Transport-Security"))


class CsrfTests(NewsroomAdminTestCase):
    """Every form that changes something refuses a POST without the CSRF token (403) and changes nothing."""

    def setUp(self):
        super().setUp()
        self.article = make_article(headline_en="Unchanged")
        self.guarded = Client(enforce_csrf_checks=True)

    def post_without_token(self, url, data, *, login=True):
        if login:
            self.guarded.force_login(self.editor)
        data = {key: value for key, value in data.items() if key != "csrfmiddlewaretoken"}
        return self.guarded.post(url, data)

    def assertUnchanged(self):
        self.article.refresh_from_db()
        self.assertEqual((self.article.headline_en, self.article.version, self.article.status),
                         ("Unchanged", 0, Article.Status.PUBLISHED))  # fmt: skip

    def test_admin_login_without_the_token_is_forbidden(self):
        response = self.post_without_token("/admin/login/", {"username": "editor", "password": "a-long-test-password"},
                                           login=False)  # fmt: skip
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("_auth_user_id", self.guarded.session)

    def test_admin_change_without_the_token_is_forbidden(self):
        data = {**self.open_form(self.editor, self.article), "headline_en": ["Changed"]}
        response = self.post_without_token(self.change_url(self.article), data)
        self.assertEqual(response.status_code, 403)
        self.assertUnchanged()

    def test_admin_add_delete_and_bulk_actions_without_the_token_are_forbidden(self):
        changelist = reverse("admin:articles_article_changelist")
        attempts = {
            "add": (reverse("admin:articles_article_add"), {"headline_en": "New", "body_en": "<p>x</p>"}),
            "delete": (reverse("admin:articles_article_delete", args=[self.article.pk]), {"post": "yes"}),
            "unpublish": (changelist, {"action": "unpublish", "_selected_action": [self.article.pk]}),
        }
        for name, (url, data) in attempts.items():
            with self.subTest(name):
                self.assertEqual(self.post_without_token(url, data).status_code, 403)
        self.assertEqual(Article.objects.count(), 1)
        self.assertUnchanged()

    def test_desk_translation_without_the_token_is_forbidden(self):
        url = reverse("desk:translate", args=["articles", "article", self.article.pk])
        self.client.force_login(self.translator)
        data = {**form_values(self.client.get(url)), "headline_fa": ["تغییر"]}
        self.guarded.force_login(self.translator)
        self.assertEqual(self.guarded.post(url, {k: v for k, v in data.items() if k != "csrfmiddlewaretoken"}
                                           ).status_code, 403)  # fmt: skip
        self.article.refresh_from_db()
        self.assertNotEqual(self.article.headline_fa, "تغییر")

    def test_logout_and_a_posted_language_switch_without_the_token_are_forbidden(self):
        self.assertEqual(self.post_without_token("/admin/logout/", {}).status_code, 403)
        self.assertIn("_auth_user_id", self.guarded.session)
        response = self.post_without_token(reverse("choose-language", args=["fa"]), {"next": "/fa/"})
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("django_language", response.cookies)

    def test_the_same_change_with_the_token_goes_through(self):
        """The 403s above are CSRF's doing: with the form's own token the change is saved."""
        self.guarded.force_login(self.editor)
        data = form_values(self.guarded.get(self.change_url(self.article)))
        data["headline_en"] = ["Changed"]
        self.assertEqual(self.guarded.post(self.change_url(self.article), data).status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline_en, "Changed")


@override_settings(AXES_FAILURE_LIMIT=3)
class HostileLoginTests(NewsroomAdminTestCase):
    def test_hostile_usernames_are_throttled_and_never_echoed_as_markup(self):
        """LoginThrottlingTests covers the lockout; here the attempts carry payloads."""
        url = reverse("admin:login")
        with self.assertLogs("axes", level="WARNING"):
            for _ in range(4):
                response = self.client.post(url, {"username": '"><script>alert(1)</script>', "password": "x"})
        self.assertEqual(response.status_code, 429)
        self.assertEqual(findings(response.content.decode(), csp_nonce(response)), {})
        self.assertNotIn(b"<script>alert(1)", response.content)

    def test_a_failed_login_form_shows_the_typed_username_as_text(self):
        response = self.client.post(
            reverse("admin:login"), {"username": '" autofocus onfocus="alert(1)', "password": "x"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(findings(response.content.decode(), csp_nonce(response)), {})
        self.assertEqual(form_values(response, "login-form")["username"], ['" autofocus onfocus="alert(1)'])
