"""Who may share a preview and revoke it: editors any article, authors their own, translators none."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation

from previews.models import PreviewLink
from previews.services import create_preview_link
from tests.admin.base import NewsroomAdminTestCase, messages_on, page
from tests.factories import make_article
from tests.previews.test_embargo import moment_fields


class SharingTestCase(NewsroomAdminTestCase):
    add_url = reverse("admin:previews_previewlink_add")

    def setUp(self):
        super().setUp()
        self.addCleanup(translation.deactivate)
        self.draft = make_article(published_ago=None, authors=[self.other_author])
        self.own_draft = make_article(published_ago=None, authors=[self.author])

    def new_link_data(self, article, language="en", expires_in=timedelta(days=2)) -> dict:
        return {"article": article.pk, "language": language, "note": "Partner desk",
                **moment_fields("expires_at", timezone.now() + expires_in)}  # fmt: skip

    def post_new_link(self, user, data):
        self.client.force_login(user)
        return self.client.post(self.add_url, data, follow=True)

    def field_errors(self, response, field) -> list[str]:
        return [li.text for li in page(response).select(f".field-{field} .errorlist li")]


class MakingLinksTests(SharingTestCase):
    def test_an_editor_shares_from_the_articles_page_and_gets_an_address_that_works(self):
        self.client.force_login(self.editor)
        change_page = page(self.client.get(reverse("admin:articles_article_change", args=[self.draft.pk])))
        share = change_page.find("a", string="Share a preview")
        self.assertEqual(share["href"], f"{self.add_url}?article={self.draft.pk}")
        response = self.post_new_link(self.editor, self.new_link_data(self.draft, "fa"))
        link = PreviewLink.objects.get()
        self.assertEqual((link.article, link.language, link.created_by), (self.draft, "fa", self.editor))
        address = page(response).find("input", id="preview-address")["value"]
        self.assertTrue(address.startswith("http://testserver/preview/"))
        self.client.logout()
        self.assertEqual(self.client.get(address).status_code, 200)

    def test_an_author_shares_their_own_article(self):
        self.post_new_link(self.author_user, self.new_link_data(self.own_draft))
        self.assertEqual(PreviewLink.objects.get().article, self.own_draft)

    def test_an_author_cannot_share_someone_elses_article_with_a_crafted_post(self):
        response = self.post_new_link(self.author_user, self.new_link_data(self.draft))
        self.assertTrue(self.field_errors(response, "article"))
        self.assertFalse(PreviewLink.objects.exists())

    def test_a_translator_cannot_open_the_form_or_post_it(self):
        self.client.force_login(self.translator)
        self.assertEqual(self.client.get(self.add_url).status_code, 403)
        response = self.client.post(self.add_url, self.new_link_data(self.draft))
        self.assertEqual(response.status_code, 403)
        self.assertFalse(PreviewLink.objects.exists())
        change_page = page(self.client.get(reverse("admin:articles_article_change", args=[self.draft.pk])))
        self.assertIsNone(change_page.find("a", string="Share a preview"))

    def test_an_expiry_in_the_past_is_refused_and_nothing_is_made(self):
        response = self.post_new_link(self.editor, self.new_link_data(self.draft, expires_in=-timedelta(hours=1)))
        self.assertEqual(self.field_errors(response, "expires_at"), ["Choose a moment still to come."])
        self.assertFalse(PreviewLink.objects.exists())

    def test_an_expiry_beyond_a_month_is_refused(self):
        response = self.post_new_link(self.editor, self.new_link_data(self.draft, expires_in=timedelta(days=45)))
        self.assertIn("30 days at most", self.field_errors(response, "expires_at")[0])
        self.assertFalse(PreviewLink.objects.exists())

    def test_a_language_the_article_is_not_written_in_is_refused(self):
        english_only = make_article(published_ago=None, languages=("en",))
        response = self.post_new_link(self.editor, self.new_link_data(english_only, "fa"))
        self.assertEqual(
            self.field_errors(response, "language"), ["The article has no headline and body in Persian yet."]
        )
        self.assertFalse(PreviewLink.objects.exists())


class RevokingLinksTests(SharingTestCase):
    def setUp(self):
        super().setUp()
        expires_at = timezone.now() + timedelta(days=1)
        self.editors_link = create_preview_link(article=self.own_draft, language="en", expires_at=expires_at,
                                                by=self.editor)  # fmt: skip
        self.authors_link = create_preview_link(article=self.own_draft, language="fa", expires_at=expires_at,
                                                by=self.author_user)  # fmt: skip

    def revoke(self, user, link):
        self.client.force_login(user)
        return self.client.post(reverse("admin:previews_previewlink_revoke", args=[link.pk]))

    def working(self, link) -> bool:
        return PreviewLink.objects.get(pk=link.pk).is_working()

    def test_an_editor_revokes_any_link(self):
        self.revoke(self.editor, self.authors_link)
        self.assertFalse(self.working(self.authors_link))
        self.assertEqual(PreviewLink.objects.get(pk=self.authors_link.pk).revoked_by, self.editor)

    def test_an_author_revokes_their_own_link_but_not_an_editors(self):
        self.revoke(self.author_user, self.authors_link)
        self.assertFalse(self.working(self.authors_link))
        self.assertEqual(self.revoke(self.author_user, self.editors_link).status_code, 403)
        self.assertTrue(self.working(self.editors_link))

    def test_a_translator_cannot_revoke_with_a_crafted_post(self):
        self.assertIn(self.revoke(self.translator, self.editors_link).status_code, (403, 404))
        self.client.post(reverse("admin:previews_previewlink_changelist"),
                         {"action": "revoke", "_selected_action": [self.editors_link.pk]})  # fmt: skip
        self.assertTrue(self.working(self.editors_link))

    def test_revoking_is_a_post_not_a_visit(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:previews_previewlink_revoke", args=[self.editors_link.pk]))
        self.assertEqual(response.status_code, 405)
        self.assertTrue(self.working(self.editors_link))

    def test_the_bulk_action_revokes_and_counts_in_persian_digits(self):
        self.client.force_login(self.editor)
        self.client.cookies["django_language"] = "fa"
        response = self.client.post(
            reverse("admin:previews_previewlink_changelist"),
            {"action": "revoke", "_selected_action": [self.editors_link.pk, self.authors_link.pk]},
            follow=True,
        )
        self.assertIn("۲", " ".join(messages_on(response)))
        self.assertFalse(self.working(self.editors_link) or self.working(self.authors_link))

    def test_links_cannot_be_edited_or_deleted(self):
        self.client.force_login(self.editor)
        url = reverse("admin:previews_previewlink_change", args=[self.editors_link.pk])
        self.client.post(url, {"note": "changed", "language": "fa"})
        self.assertEqual(PreviewLink.objects.get(pk=self.editors_link.pk).language, "en")
        delete = reverse("admin:previews_previewlink_delete", args=[self.editors_link.pk])
        self.assertEqual(self.client.post(delete, {"post": "yes"}).status_code, 403)
        self.assertTrue(PreviewLink.objects.filter(pk=self.editors_link.pk).exists())
