"""Importing a translated XLIFF file: the desk's rules, its confirmation and history, all or nothing."""

import re

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Version

from desk import state
from glossary.models import Override, Term
from tests.admin.base import NewsroomAdminTestCase, messages_on, page
from tests.desk.test_xliff_export import RICH_BODY
from tests.desk.xliff_files import translate_file
from tests.factories import make_article

PERSIAN = {
    "What ": "چه چیزی ",
    "changed": "تغییر کرد",
    "Read ": "بخوانید ",
    "the ": "این ",
    "report": "گزارش",
    " now.": " را همین حالا.",
    "Then decide.": "سپس تصمیم بگیرید.",
}


def in_persian(text: str) -> str:
    return PERSIAN.get(text, f"ترجمهٔ {text}")


class ImportCase(NewsroomAdminTestCase):
    def export(self, user, article, language="fa") -> bytes:
        self.client.force_login(user)
        url = reverse("desk:export_object", args=["articles", "article", article.pk])
        return self.client.get(url, {"language": language}).content

    def upload(self, user, data: bytes, *, admin_language="en", name="translated.xlf", glossary_reason=None):
        self.client.force_login(user)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = admin_language
        upload = SimpleUploadedFile(name, data, content_type="application/x-xliff+xml")
        posted = {"file": upload} if glossary_reason is None else {"file": upload, "glossary_reason": glossary_reason}
        return self.client.post(reverse("desk:import"), posted, follow=True)

    def refusal(self, response) -> str:
        """Return what the import screen says it refused: the file, or the upload itself."""
        screen = page(response)
        note = screen.find(id="import-refused") or screen.find(class_="errorlist")
        return note.get_text(" ", strip=True) if note else ""


class RoundTripTests(ImportCase):
    def test_a_persian_translator_imports_a_translated_article_and_it_is_up_to_date(self):
        article = make_article(languages=("en",), body_en=RICH_BODY, published_ago=None)
        translated = translate_file(self.export(self.translator, article), in_persian)
        response = self.upload(self.translator, translated)
        self.assertEqual(messages_on(response), ["1 translation imported and marked up to date."])
        article.refresh_from_db()
        self.assertEqual(article.headline_fa, f"ترجمهٔ {article.headline_en}")
        self.assertEqual(state.translation_state(article, "fa"), state.UP_TO_DATE)
        self.assertEqual(article.body_en, state.source_text(article, "en")["body"])  # the English is untouched

    def test_the_body_keeps_its_blocks_links_and_emphasis_around_the_translated_words(self):
        article = make_article(languages=("en",), body_en=RICH_BODY)
        self.upload(self.translator, translate_file(self.export(self.translator, article), in_persian))
        article.refresh_from_db()
        self.assertIn("<h2>چه چیزی <em>تغییر کرد</em></h2>", article.body_fa)
        self.assertIn(
            '<p>بخوانید <a href="https://example.org/report" rel="noopener noreferrer nofollow">این '
            "<strong>گزارش</strong></a> را همین حالا.<br>سپس تصمیم بگیرید.</p>",
            article.body_fa,
        )
        self.assertIn('<img src="https://example.org/dam.jpg" alt="ترجمهٔ The old dam">', article.body_fa)
        self.assertIn("<li>ترجمهٔ One</li><li>ترجمهٔ Two</li>", article.body_fa)

    def test_the_import_is_in_the_history_with_who_and_why(self):
        article = make_article(languages=("en",))
        self.upload(self.translator, translate_file(self.export(self.translator, article)))
        version = Version.objects.get_for_object(article).first()
        self.assertEqual(version.revision.user, self.translator)
        self.assertIn("imported from an XLIFF file", version.revision.comment)
        confirmation = state.confirmations_for([article])[(article.pk, "fa")]
        self.assertEqual(confirmation.confirmed_by, self.translator)

    def test_a_file_exported_before_the_source_changed_imports_as_outdated_with_a_warning(self):
        article = make_article(languages=("en",), body_en="<p>The dam is full.</p>")
        exported = self.export(self.translator, article)
        article.body_en = "<p>The dam is nearly empty.</p>"
        article.save()
        response = self.upload(self.translator, translate_file(exported))
        [warning] = messages_on(response)
        self.assertIn("its English text changed after the file was exported", warning)
        article.refresh_from_db()
        self.assertEqual(article.body_fa, "<p>ترجمهٔ The dam is full.</p>")  # saved…
        self.assertEqual(state.translation_state(article, "fa"), state.OUTDATED)  # …but not up to date
        [change] = state.source_changes(article, "fa")  # the desk shows what changed since the export
        self.assertIn(("insert", "nearly empty."), change.diff)

    def test_a_stale_file_for_a_confirmed_translation_is_outdated_too(self):
        article = make_article()
        state.confirm(article, "fa", by=self.translator)
        exported = self.export(self.translator, article)
        article.standfirst_en = "A sharper summary."
        article.save()
        self.upload(self.translator, translate_file(exported))
        article.refresh_from_db()
        self.assertEqual(state.translation_state(article, "fa"), state.OUTDATED)

    def test_the_tags_a_cat_tool_invents_are_dropped_and_text_stays_text(self):
        article = make_article(languages=("en",), body_en='<p>See <a href="https://example.org/">this</a>.</p>')
        translated = translate_file(self.export(self.translator, article)).decode()
        # The translator's tool loses the link, adds a code of its own, and markup is typed as text.
        body_target = re.compile(
            r"(<trans-unit[^>]*\.body\.1\.[^>]*>\s*<source>.*?</source>\s*<target>).*?(</target>)", re.S
        )
        translated, replaced = body_target.subn(
            r'\1ببینید <g id="9" ctype="bold">این</g> &lt;script&gt;alert(1)&lt;/script&gt;\2', translated
        )
        self.assertEqual(replaced, 1)
        self.upload(self.translator, translated.encode())
        article.refresh_from_db()
        self.assertEqual(article.body_fa, "<p>ببینید این &lt;script&gt;alert(1)&lt;/script&gt;</p>")

    def test_a_file_with_nothing_translated_changes_nothing(self):
        article = make_article(languages=("en",))
        response = self.upload(self.translator, self.export(self.translator, article))
        self.assertEqual(messages_on(response), ["1 item in the file has no translation yet and was left as it was."])
        article.refresh_from_db()
        self.assertEqual(state.translation_state(article, "fa"), state.MISSING)

    def test_a_partly_translated_article_is_refused_and_nothing_is_saved(self):
        article = make_article(languages=("en",), body_en=RICH_BODY)
        response = self.upload(self.translator, translate_file(self.export(self.translator, article), only="body"))
        self.assertIn("is only partly translated (2 of 8 segments are empty)", self.refusal(response))
        article.refresh_from_db()
        self.assertFalse(article.body_fa)

    def test_a_queue_file_is_all_or_nothing(self):
        first = make_article(languages=("en",))
        second = make_article(languages=("en",), headline_en="Second")
        self.client.force_login(self.translator)
        exported = self.client.get(reverse("desk:export_queue")).content
        # The first article is translated whole; the second only in its body: the file is refused entirely.
        translated = translate_file(exported, only=f"articles.article.{first.pk}.")
        translated = translate_file(translated, only=f"articles.article.{second.pk}.body")
        response = self.upload(self.translator, translated)
        self.assertIn("“Second” is only partly translated", self.refusal(response))
        first.refresh_from_db()
        self.assertFalse(first.headline_fa)

    def test_a_translation_the_model_refuses_saves_nothing(self):
        first = make_article(languages=("en",))
        second = make_article(languages=("en",))
        self.client.force_login(self.translator)
        exported = self.client.get(reverse("desk:export_queue")).content
        too_long = "ب" * 201

        def translate(text):
            return too_long if text == second.headline_en else f"ترجمهٔ {text}"

        response = self.upload(self.translator, translate_file(exported, translate))
        self.assertIn("could not be saved", self.refusal(response))
        self.assertIn("Nothing was imported", self.refusal(response))
        first.refresh_from_db()
        second.refresh_from_db()
        self.assertFalse(first.headline_fa or second.headline_fa)

    def test_an_editor_imports_either_language(self):
        article = make_article(languages=("fa",))
        exported = self.export(self.editor, article, language="en")
        response = self.upload(self.editor, translate_file(exported, lambda text: f"English for {text}"))
        self.assertEqual(messages_on(response), ["1 translation imported and marked up to date."])
        article.refresh_from_db()
        self.assertEqual(article.headline_en, f"English for {article.headline_fa}")


class PermissionTests(ImportCase):
    def test_a_persian_translator_cannot_import_english(self):
        article = make_article(languages=("fa",))
        translated = translate_file(self.export(self.editor, article, language="en"), lambda text: "English")
        response = self.upload(self.translator, translated)
        self.assertEqual(
            self.refusal(response),
            "This file is a translation into English; you translate into Persian. Nothing was imported.",
        )
        article.refresh_from_db()
        self.assertFalse(article.headline_en)

    def test_an_author_cannot_open_or_post_the_import(self):
        article = make_article(languages=("en",))
        translated = translate_file(self.export(self.editor, article))
        self.client.force_login(self.author_user)
        self.assertEqual(self.client.get(reverse("desk:import")).status_code, 403)
        upload = SimpleUploadedFile("x.xlf", translated)
        self.assertEqual(self.client.post(reverse("desk:import"), {"file": upload}).status_code, 403)
        article.refresh_from_db()
        self.assertFalse(article.headline_fa)

    def test_a_reader_is_sent_to_the_login_page(self):
        article = make_article(languages=("en",))
        translated = translate_file(self.export(self.editor, article))
        self.client.logout()
        response = self.client.post(reverse("desk:import"), {"file": SimpleUploadedFile("x.xlf", translated)})
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("admin:login"), response["Location"])
        article.refresh_from_db()
        self.assertFalse(article.headline_fa)

    def test_asking_for_another_language_in_the_post_changes_nothing(self):
        article = make_article(languages=("fa",))
        translated = translate_file(self.export(self.editor, article, language="en"), lambda text: "English")
        self.client.force_login(self.translator)
        upload = SimpleUploadedFile("x.xlf", translated)
        response = self.client.post(reverse("desk:import") + "?language=en", {"file": upload, "language": "en"})
        self.assertIn("you translate into Persian", self.refusal(response))


class ScreenTests(ImportCase):
    def test_the_import_screen_in_the_persian_admin(self):
        self.client.force_login(self.translator)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        response = self.client.get(reverse("desk:import"))
        screen = page(response)
        self.assertEqual(screen.html["dir"], "rtl")
        self.assertEqual(screen.find("h1").get_text(strip=True), "وارد کردن فایل XLIFF ترجمه‌شده")
        self.assertIn("۵", screen.find(class_="help").get_text())

    def test_the_result_in_the_persian_admin_has_persian_digits(self):
        first = make_article(languages=("en",))
        make_article(languages=("en",))
        self.client.force_login(self.translator)
        exported = self.client.get(reverse("desk:export_queue")).content
        response = self.upload(
            self.translator, translate_file(exported, only=f"articles.article.{first.pk}."), admin_language="fa"
        )
        self.assertEqual(
            messages_on(response),
            ["۱ ترجمه وارد شد و به‌روز علامت خورد.", "۱ مورد در فایل هنوز ترجمه نشده بود و دست‌نخورده ماند."],
        )

    def test_a_refusal_in_the_persian_admin(self):
        response = self.upload(self.translator, b"not xml at all", admin_language="fa")
        self.assertEqual(self.refusal(response), "این فایل XLIFF نیست: نمی‌توان آن را به‌صورت XML خواند.")


class GlossaryCheckTests(ImportCase):
    """The desk's glossary check, run on every translation of a file before anything in it is saved."""

    def setUp(self):
        Term.objects.create(
            source_language="en", target_language="fa", source_term="Security Council", target_term="شورای امنیت"
        )
        self.article = make_article(
            languages=("en",),
            headline_en="The Security Council meets",
            standfirst_en="A vote on the dam.",
            body_en="<p>The Security Council will vote.</p>",
            published_ago=None,
        )

    def lacking_file(self) -> bytes:
        """The article's file translated word for word, "Security Council" left in English (no approved term)."""
        return translate_file(self.export(self.translator, self.article))

    def test_a_translation_without_the_approved_terms_refuses_the_file_with_the_list_and_saves_nothing(self):
        response = self.upload(self.translator, self.lacking_file())
        self.assertIn("Nothing was imported: 2 approved glossary terms are missing", self.refusal(response))
        screen = page(response)
        [item] = screen.select(".glossary-check-items > li")
        self.assertEqual(item.select_one(".glossary-check-object").get_text(), str(self.article))
        listed = [line.get_text(" ", strip=True) for line in item.select(".glossary-check-terms li")]
        self.assertCountEqual(
            listed,
            [
                "Headline: Security Council — approved translation: شورای امنیت",
                "Body: Security Council — approved translation: شورای امنیت",
            ],
        )
        self.assertIsNotNone(screen.select_one("form textarea[name=glossary_reason]"))
        self.article.refresh_from_db()
        self.assertFalse(self.article.headline_fa)
        self.assertEqual(state.translation_state(self.article, "fa"), state.MISSING)
        self.assertFalse(Override.objects.exists())

    def test_one_lacking_item_refuses_the_whole_queue_file(self):
        fine = make_article(languages=("en",), headline_en="Wheat harvest", body_en="<p>Rain came.</p>")
        self.client.force_login(self.translator)
        exported = self.client.get(reverse("desk:export_queue")).content
        response = self.upload(self.translator, translate_file(exported))
        self.assertIn("Nothing was imported", self.refusal(response))
        self.assertEqual(len(page(response).select(".glossary-check-items > li")), 1)  # only the lacking one listed
        for article in (fine, self.article):
            article.refresh_from_db()
            self.assertFalse(article.headline_fa)

    def test_with_a_reason_the_file_is_imported_and_the_reason_kept_for_each_lacking_item(self):
        response = self.upload(self.translator, self.lacking_file(), glossary_reason="The CAT tool's own term base")
        self.assertEqual(messages_on(response), ["1 translation imported and marked up to date."])
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline_fa, "ترجمهٔ The Security Council meets")
        self.assertEqual(state.translation_state(self.article, "fa"), state.UP_TO_DATE)
        override = Override.objects.get()
        self.assertEqual(
            (override.reason, override.by, override.language), ("The CAT tool's own term base", self.translator, "fa")
        )
        self.assertEqual(override.object_id, self.article.pk)
        self.assertCountEqual(
            [(term["field"], term["approved"]) for term in override.terms],
            [("headline", "شورای امنیت"), ("body", "شورای امنیت")],
        )

    def test_a_reason_of_only_spaces_is_no_reason(self):
        response = self.upload(self.translator, self.lacking_file(), glossary_reason="   ")
        self.assertIn("Nothing was imported", self.refusal(response))
        self.article.refresh_from_db()
        self.assertFalse(self.article.headline_fa)

    def test_a_file_with_the_approved_terms_needs_no_reason(self):
        translated = translate_file(
            self.export(self.translator, self.article), lambda text: text.replace("Security Council", "شورای امنیت")
        )
        response = self.upload(self.translator, translated)
        self.assertEqual(messages_on(response), ["1 translation imported and marked up to date."])
        self.assertFalse(Override.objects.exists())

    def test_the_refusal_in_the_persian_admin_has_persian_digits(self):
        response = self.upload(self.translator, self.lacking_file(), admin_language="fa")
        self.assertIn("چیزی وارد نشد: ۲ اصطلاح مصوب واژه‌نامه", self.refusal(response))
        screen = page(response)
        self.assertEqual(screen.html["dir"], "rtl")
        self.assertIn("ترجمهٔ مصوب:", screen.select_one(".glossary-check-terms li").get_text())
        label = screen.find("label", attrs={"for": "id_glossary_reason"}).get_text()
        self.assertEqual(label, "دلیل وارد کردن بدون اصطلاح‌های مصوب واژه‌نامه (برای ویراستاران نگه داشته می‌شود)")
        self.article.refresh_from_db()
        self.assertFalse(self.article.headline_fa)
