"""The glossary check on the admin's "Save and confirm": the same rule as the desk's, through real POSTs."""

from django.conf import settings

from desk import state
from glossary.models import Override, Term
from tests.admin.base import NewsroomAdminTestCase, page
from tests.factories import make_article


class AdminConfirmGlossaryTests(NewsroomAdminTestCase):
    def setUp(self):
        Term.objects.create(
            source_language="en", target_language="fa", source_term="Security Council", target_term="شورای امنیت"
        )
        Term.objects.create(source_language="en", target_language="fa", source_term="BBC", do_not_translate=True)
        self.article = make_article(
            languages=("en",),
            headline_en="The Security Council meets",
            body_en="<p>The BBC said the security council would vote.</p>",
        )

    def confirm(self, headline: str, body: str, *, admin_language="en", **extra):
        data = self.open_form(self.translator, self.article)
        data.update(headline_fa=[headline], body_fa=[body], _confirm_translation=["1"], **extra)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = admin_language
        return self.post_form(self.translator, self.article, data, follow=False)

    def test_confirming_without_the_approved_terms_is_refused_with_the_list_and_nothing_saved(self):
        response = self.confirm("نشست شورا", "<p>بی‌بی‌سی گفت شورا رأی می‌دهد.</p>")
        self.assertEqual(response.status_code, 200)
        html = page(response)
        self.assertIn("Nothing was saved", html.select_one(".errorlist.nonfield").get_text())
        listed = [item.get_text(" ", strip=True) for item in html.select(".glossary-check-terms li")]
        self.assertEqual(len(listed), 3)  # the headline's council; the body's BBC and council
        self.assertIn("Headline: Security Council — approved translation: شورای امنیت", listed)
        self.assertIn("3 approved glossary terms are missing", html.select_one(".glossary-check").get_text())
        # The reason field and a button that confirms again are inside the change form.
        form = html.find("form", id="article_form")
        self.assertIsNotNone(form.select_one("textarea[name=glossary_reason]"))
        self.assertIsNotNone(form.select_one("input[type=submit][name=_confirm_translation]"))
        self.article.refresh_from_db()
        self.assertFalse(self.article.headline_fa)
        self.assertEqual(state.translation_state(self.article, "fa"), state.MISSING)
        self.assertFalse(Override.objects.exists())

    def test_a_reason_confirms_and_is_kept_with_who_and_which_terms(self):
        response = self.confirm(
            "نشست شورا", "<p>BBC گفت شورای امنیت رأی می‌دهد.</p>", glossary_reason=["Headline too long otherwise"]
        )
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline_fa, "نشست شورا")
        self.assertEqual(state.translation_state(self.article, "fa"), state.UP_TO_DATE)
        override = Override.objects.get()
        self.assertEqual(
            (override.reason, override.by, override.language), ("Headline too long otherwise", self.translator, "fa")
        )
        self.assertEqual(override.object_id, self.article.pk)
        self.assertEqual(
            [(term["field"], term["source"]) for term in override.terms], [("headline", "Security Council")]
        )

    def test_a_reason_of_only_spaces_is_no_reason(self):
        response = self.confirm("نشست شورا", "<p>BBC شورای امنیت</p>", glossary_reason=["   "])
        self.assertEqual(response.status_code, 200)
        self.article.refresh_from_db()
        self.assertFalse(self.article.headline_fa)
        self.assertFalse(Override.objects.exists())

    def test_a_translation_with_the_approved_terms_is_confirmed_without_a_reason(self):
        response = self.confirm("نشست شوراي امنيت", "<p>BBC گفت شورای‌امنیت رأی می‌دهد.</p>")
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(state.translation_state(self.article, "fa"), state.UP_TO_DATE)
        self.assertFalse(Override.objects.exists())

    def test_a_plain_save_is_not_a_confirmation_and_is_not_checked(self):
        data = self.open_form(self.translator, self.article)
        data.update(headline_fa=["نشست شورا"], body_fa=["<p>شورا</p>"])
        response = self.post_form(self.translator, self.article, data, follow=False)
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline_fa, "نشست شورا")
        self.assertFalse(Override.objects.exists())

    def test_the_refusal_in_the_persian_admin_has_persian_digits(self):
        response = self.confirm("نشست شورا", "<p>بی‌بی‌سی گفت شورا رأی می‌دهد.</p>", admin_language="fa")
        self.assertEqual(response.status_code, 200)
        html = page(response)
        self.assertEqual(html.html["dir"], "rtl")
        check = html.select_one(".glossary-check")
        self.assertIn("۳ اصطلاح مصوب واژه‌نامه در ترجمه نیامده است.", check.get_text())
        self.assertIn("چیزی ذخیره نشد", html.select_one(".errorlist.nonfield").get_text())
        self.assertEqual(check.select_one("input[type=submit]")["value"], "ذخیره و تأیید")
        self.article.refresh_from_db()
        self.assertFalse(self.article.headline_fa)
