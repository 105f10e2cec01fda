"""A partner opens a preview link: the unpublished article as readers will see it, until the link stops."""

import re
from datetime import timedelta
from pathlib import Path

from django.core import signing
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from previews.models import PreviewLink
from previews.services import create_preview_link
from previews.tokens import token_for
from tests.admin.base import NewsroomAdminTestCase, messages_on
from tests.factories import make_article
from tests.pages import JALALI_DATE, Page

VCL = Path(__file__).resolve().parents[2] / "deploy/varnish/newsroom.vcl"


class PreviewLinkTestCase(NewsroomAdminTestCase):
    def setUp(self):
        super().setUp()
        self.addCleanup(translation.deactivate)
        self.draft = make_article(published_ago=None)

    def share(self, language="en", *, days=2, by=None) -> PreviewLink:
        return create_preview_link(
            article=self.draft, language=language, expires_at=timezone.now() + timedelta(days=days),
            note="Partner desk", by=by or self.editor,
        )  # fmt: skip

    def open_as_partner(self, url, **headers):
        self.client.logout()
        return self.client.get(url, **headers)


class WhatThePartnerSeesTests(PreviewLinkTestCase):
    def test_the_partner_reads_the_unpublished_article_in_english_without_signing_in(self):
        response = self.open_as_partner(self.share("en").get_absolute_url())
        self.assertEqual(response.status_code, 200)
        html = Page(response)
        self.assertEqual(html.html_attributes, {"lang": "en", "dir": "ltr"})
        self.assertEqual(html.text("h1"), self.draft.headline_en)
        self.assertIn("The reservoir behind the old dam", html.text(".article__body"))
        self.assertIn("not yet published", html.text(".preview-banner"))
        self.assertEqual(self.client.get(self.draft.url_in("en")).status_code, 404)  # readers still cannot

    def test_the_partner_reads_the_persian_version_right_to_left_with_jalali_dates_and_persian_digits(self):
        response = self.open_as_partner(self.share("fa").get_absolute_url())
        html = Page(response)
        self.assertEqual(html.html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(response["Content-Language"], "fa")
        self.assertEqual(html.text("h1"), self.draft.headline_fa)
        self.assertIn("آب مخزن پشت سد قدیمی", html.text(".article__body"))
        self.assertRegex(html.one(".article__meta time").text, JALALI_DATE)
        banner = html.text(".preview-banner")
        self.assertIn("پیش‌نمایش", banner)
        self.assertRegex(banner, "[۰-۹]")
        self.assertNotRegex(banner, "[0-9]")

    def test_the_page_is_the_readers_page_once_it_is_published(self):
        """The same template and context: published, the article's page shows the same headline and body."""
        preview = Page(self.open_as_partner(self.share("en").get_absolute_url()))
        Article.objects.filter(pk=self.draft.pk).update(status="published", publish_at=timezone.now())
        public = Page(self.client.get(self.draft.url_in("en")))
        for selector in ("h1", ".article__standfirst", ".article__body", ".byline"):
            self.assertEqual(preview.text(selector), public.text(selector))

    def test_a_link_to_an_article_since_published_leads_to_its_public_page(self):
        link = self.share("fa")
        Article.objects.filter(pk=self.draft.pk).update(status="published", publish_at=timezone.now())
        response = self.open_as_partner(link.get_absolute_url())
        self.assertRedirects(response, self.draft.url_in("fa"))

    def test_search_engines_are_told_not_to_index_it(self):
        response = self.open_as_partner(self.share("en").get_absolute_url())
        self.assertIn("noindex", response["X-Robots-Tag"])
        self.assertIn("noindex", Page(response).meta("robots")[0])

    def test_no_browser_or_shared_cache_may_keep_it(self):
        response = self.open_as_partner(self.share("en").get_absolute_url())
        directives = {word.strip() for word in response["Cache-Control"].split(",")}
        self.assertLessEqual({"private", "no-store"}, directives)
        self.assertFalse(response.has_header("Surrogate-Key"))  # what an edge would index a kept page by


@override_settings(PAGE_CACHE_SECONDS=300)
class NeverCachedTests(PreviewLinkTestCase):
    def test_the_page_cache_never_serves_it_and_an_edit_shows_at_once(self):
        url = self.share("en").get_absolute_url()
        first = self.open_as_partner(url)
        Article.objects.filter(pk=self.draft.pk).update(headline_en="A sharper headline")
        second = self.open_as_partner(url)
        self.assertFalse(first.has_header("X-Page-Cache") or second.has_header("X-Page-Cache"))
        self.assertEqual(Page(second).text("h1"), "A sharper headline")

    def test_the_edge_passes_preview_addresses_and_keeps_nothing_marked_private_or_no_store(self):
        vcl = VCL.read_text()
        hashed = re.search(r'if \(req\.url ~ "(\^/\(en\|fa\)/)"', vcl).group(1)
        self.assertIsNone(re.match(hashed, self.share("en").get_absolute_url()))
        self.assertIn('beresp.http.Cache-Control ~ "(?i)(private|no-store)"', vcl)


class RefusedLinksTests(PreviewLinkTestCase):
    def test_a_forged_signature_gets_a_clear_not_found_page(self):
        url = self.share("en").get_absolute_url()
        forged = url[:-3] + ("A" if url[-3] != "A" else "B") + url[-2:]
        response = self.open_as_partner(forged)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(Page(response).text("h1"), "This preview link is not valid")
        self.assertIn("noindex", response["X-Robots-Tag"])

    def test_a_forged_link_is_explained_in_persian_to_a_persian_reader(self):
        url = self.share("fa").get_absolute_url()
        response = self.open_as_partner(url.replace("/preview/", "/preview/x"), HTTP_ACCEPT_LANGUAGE="fa")
        self.assertEqual(response.status_code, 404)
        html = Page(response)
        self.assertEqual(html.html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(html.text("h1"), "این پیوند پیش‌نمایش معتبر نیست")

    def test_a_signature_made_for_another_purpose_does_not_open_a_preview(self):
        link = self.share("en")
        token = signing.dumps([link.pk, int(link.expires_at.timestamp())])  # the right secret, another salt
        response = self.open_as_partner(reverse("previews:page", kwargs={"token": token}))
        self.assertEqual(response.status_code, 404)

    def test_an_expired_link_answers_gone_in_its_language(self):
        link = PreviewLink.objects.create(
            article=self.draft, language="fa", expires_at=timezone.now() - timedelta(minutes=1), created_by=self.editor
        )
        response = self.open_as_partner(reverse("previews:page", kwargs={"token": token_for(link)}))
        self.assertEqual(response.status_code, 410)
        html = Page(response)
        self.assertEqual(html.html_attributes, {"lang": "fa", "dir": "rtl"})
        self.assertEqual(html.text("h1"), "مهلت این پیوند پیش‌نمایش تمام شده است")
        self.assertNotIn(self.draft.headline_fa, response.content.decode())

    def test_a_revoked_link_stops_working_at_once(self):
        link = self.share("en")
        url = link.get_absolute_url()
        self.assertEqual(self.open_as_partner(url).status_code, 200)
        self.client.force_login(self.editor)
        response = self.client.post(reverse("admin:previews_previewlink_revoke", args=[link.pk]), follow=True)
        self.assertIn("The preview link was revoked: it no longer opens the article.", messages_on(response))
        response = self.open_as_partner(url)
        self.assertEqual(response.status_code, 410)
        self.assertEqual(Page(response).text("h1"), "This preview link has been withdrawn")
        self.assertNotIn(self.draft.headline_en, response.content.decode())

    def test_a_link_whose_language_was_emptied_says_so(self):
        link = self.share("fa")
        Article.objects.filter(pk=self.draft.pk).update(body_fa="")
        response = self.open_as_partner(link.get_absolute_url())
        self.assertEqual(response.status_code, 404)
        self.assertEqual(Page(response).text("h1"), "این پیش‌نمایش در دسترس نیست")
