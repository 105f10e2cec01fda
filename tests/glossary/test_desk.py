"""The glossary on the desk: terms marked in the source, and the check before Save and confirm, through real POSTs."""

from django.urls import reverse

from desk import state
from glossary.models import Override, Term
from tests.admin.base import NewsroomAdminTestCase, form_values, page
from tests.factories import make_article


class DeskGlossaryTests(NewsroomAdminTestCase):
    def setUp(self):
        Term.objects.create(
            source_language="en",
            target_language="fa",
            source_term="Security Council",
            target_term="شورای امنیت",
            note="The UN's <b>council</b>",
        )
        Term.objects.create(source_language="en", target_language="fa", source_term="BBC", do_not_translate=True)
        self.article = make_article(
            languages=("en",),
            headline_en="The Security Council meets",
            body_en="<p>The BBC said the security council would vote.</p>",
        )
        self.url = reverse("desk:translate", args=["articles", "article", self.article.pk])
        self.client.force_login(self.translator)

    def translated(self, headline: str, body: str, **extra):
        data = form_values(self.client.get(self.url))
        data.update(headline_fa=headline, body_fa=body, **extra)
        return self.client.post(self.url, data)

    def test_the_source_marks_each_term_with_its_approved_translation(self):
        html = page(self.client.get(self.url))
        marks = html.select(".desk-source mark.glossary-term")
        self.assertEqual([mark.text for mark in marks], ["Security Council", "BBC", "security council"])
        gloss = marks[0].find_next_sibling(class_="glossary-gloss")
        self.assertEqual(gloss.select_one(".glossary-target").text, "شورای امنیت")
        self.assertEqual(gloss.select_one(".glossary-target")["lang"], "fa")
        self.assertEqual(gloss["title"], "The UN's <b>council</b>")  # the note, as text: never markup
        self.assertIsNone(html.select_one(".desk-source b"))
        self.assertIn("do not translate", marks[1].find_next_sibling(class_="glossary-gloss").text)

    def test_the_translation_column_is_not_marked(self):
        self.article.headline_fa = "شورای امنیت"
        self.article.body_fa = "<p>Security Council</p>"
        self.article.save()
        html = page(self.client.get(self.url))
        self.assertEqual(len(html.select(".desk-source tbody td:nth-of-type(3) mark.glossary-term")), 0)

    def test_confirming_without_the_approved_terms_is_refused_with_the_list_and_nothing_saved(self):
        response = self.translated("نشست شورا", "<p>بی‌بی‌سی گفت شورا رأی می‌دهد.</p>")
        self.assertEqual(response.status_code, 200)
        html = page(response)
        listed = [item.text for item in html.select(".glossary-check-terms li")]
        self.assertEqual(len(listed), 3)  # the headline's council; the body's BBC and council
        self.assertIn("Nothing was saved", html.select_one(".errornote").text)
        self.assertIsNotNone(html.select_one("textarea[name=glossary_reason]"))
        self.article.refresh_from_db()
        self.assertFalse(self.article.headline_fa)
        self.assertEqual(state.translation_state(self.article, "fa"), state.MISSING)
        self.assertFalse(Override.objects.exists())

    def test_a_translation_with_the_terms_in_any_spelling_is_confirmed(self):
        response = self.translated("نشست شوراي امنيت", "<p>BBC گفت شورای‌امنیت رأی می‌دهد.</p>")
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(state.translation_state(self.article, "fa"), state.UP_TO_DATE)
        self.assertFalse(Override.objects.exists())

    def test_a_reason_overrides_the_warning_and_is_kept_with_who_and_which_terms(self):
        self.translated("نشست شورا", "<p>BBC گفت شورای امنیت رأی می‌دهد.</p>")
        response = self.translated(
            "نشست شورا", "<p>BBC گفت شورای امنیت رأی می‌دهد.</p>", glossary_reason="Headline too long with the full name"
        )
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline_fa, "نشست شورا")
        self.assertEqual(state.translation_state(self.article, "fa"), state.UP_TO_DATE)
        override = Override.objects.get()
        self.assertEqual(override.reason, "Headline too long with the full name")
        self.assertEqual(override.by, self.translator)
        self.assertEqual(override.language, "fa")
        self.assertEqual(override.object_id, self.article.pk)
        self.assertEqual(
            [(term["source"], term["approved"]) for term in override.terms], [("Security Council", "شورای امنیت")]
        )

    def test_a_reason_of_only_spaces_is_no_reason(self):
        self.translated("نشست شورا", "<p>BBC شورای امنیت</p>", glossary_reason="   ")
        self.article.refresh_from_db()
        self.assertFalse(self.article.headline_fa)

    def test_a_desk_without_glossary_terms_confirms_as_before(self):
        Term.objects.all().delete()
        response = self.translated("نشست", "<p>متن</p>")
        self.assertEqual(response.status_code, 302)
        self.assertIsNone(page(self.client.get(self.url)).select_one("mark.glossary-term"))
