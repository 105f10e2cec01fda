"""The glossary in the admin: editors manage every pair, a translator only their target language's, even by hand."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from glossary.models import Override, Term
from tests.admin.base import NewsroomAdminTestCase, messages_on, page


def term_data(**values):
    data = {
        "target_language": "fa",
        "source_term": "Kremlin",
        "target_term": "کرملین",
        "part_of_speech": "",
        "note": "",
    }
    return data | values


class TermPermissionTests(NewsroomAdminTestCase):
    add_url = reverse("admin:glossary_term_add")

    def test_a_persian_translator_adds_a_persian_target_term(self):
        self.client.force_login(self.translator)
        response = self.client.post(self.add_url, term_data(), follow=True)
        self.assertEqual(response.status_code, 200)
        term = Term.objects.get()
        self.assertEqual((term.source_language, term.target_language, term.updated_by), ("en", "fa", self.translator))

    def test_a_persian_translator_cannot_add_an_english_target_term_by_a_crafted_post(self):
        self.client.force_login(self.translator)
        response = self.client.post(
            self.add_url, term_data(target_language="en", source_term="کرملین", target_term="x")
        )
        self.assertEqual(response.status_code, 200)  # the form again, with its error
        self.assertIn("target_language", response.context["adminform"].form.errors)
        self.assertFalse(Term.objects.exists())

    def test_the_persian_translators_form_offers_only_their_pair(self):
        self.client.force_login(self.translator)
        options = page(self.client.get(self.add_url)).select("#id_target_language option")
        self.assertEqual([option["value"] for option in options], ["fa"])

    def test_a_persian_translator_cannot_change_or_delete_an_english_target_term(self):
        term = Term.objects.create(source_language="fa", target_language="en", source_term="پوتین", target_term="Putin")
        self.client.force_login(self.translator)
        change = reverse("admin:glossary_term_change", args=[term.pk])
        self.client.post(change, term_data(target_language="en", source_term="پوتین", target_term="Poutine"))
        self.assertEqual(
            self.client.post(reverse("admin:glossary_term_delete", args=[term.pk]), {"post": "yes"}).status_code, 403
        )
        self.client.post(
            reverse("admin:glossary_term_changelist"),
            {"action": "delete_selected", "_selected_action": [term.pk], "post": "yes"},
        )
        term.refresh_from_db()
        self.assertEqual(term.target_term, "Putin")

    def test_an_english_translator_changes_an_english_target_term(self):
        term = Term.objects.create(source_language="fa", target_language="en", source_term="پوتین", target_term="Putin")
        self.client.force_login(self.en_translator)
        change = reverse("admin:glossary_term_change", args=[term.pk])
        self.client.post(change, term_data(target_language="en", source_term="پوتین", target_term="Vladimir Putin"))
        term.refresh_from_db()
        self.assertEqual(term.target_term, "Vladimir Putin")

    def test_an_editor_manages_both_pairs(self):
        self.client.force_login(self.editor)
        self.client.post(self.add_url, term_data())
        self.client.post(self.add_url, term_data(target_language="en", source_term="کرملین", target_term="Kremlin"))
        self.assertEqual(sorted(Term.objects.values_list("target_language", flat=True)), ["en", "fa"])

    def test_an_author_has_no_glossary(self):
        self.client.force_login(self.author_user)
        self.assertEqual(self.client.get(reverse("admin:glossary_term_changelist")).status_code, 403)
        self.assertEqual(self.client.post(self.add_url, term_data()).status_code, 403)

    def test_the_same_term_spelled_otherwise_is_refused(self):
        Term.objects.create(source_language="fa", target_language="en", source_term="پوتین", target_term="Putin")
        self.client.force_login(self.en_translator)
        response = self.client.post(self.add_url, term_data(target_language="en", source_term="پوتين", target_term="P"))
        self.assertIn("source_term", response.context["adminform"].form.errors)
        self.assertEqual(Term.objects.count(), 1)

    def test_a_term_needs_a_translation_unless_it_is_not_translated(self):
        self.client.force_login(self.translator)
        response = self.client.post(self.add_url, term_data(target_term=""))
        self.assertIn("target_term", response.context["adminform"].form.errors)
        self.client.post(self.add_url, term_data(source_term="BBC", target_term="", do_not_translate="on"))
        self.assertEqual(Term.objects.get().approved, "BBC")

    def test_search_finds_a_term_typed_with_arabic_letters(self):
        Term.objects.create(
            source_language="fa", target_language="en", source_term="علی خامنه‌ای", target_term="Ali Khamenei"
        )
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:glossary_term_changelist"), {"q": "علي خامنه اي"})
        self.assertEqual(len(response.context["cl"].result_list), 1)


class ImportPermissionTests(NewsroomAdminTestCase):
    import_url = reverse("admin:glossary_term_import")

    def upload(self, text: str, name="terms.csv"):
        return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")

    def test_a_persian_translator_imports_persian_targets(self):
        self.client.force_login(self.translator)
        response = self.client.post(
            self.import_url,
            {"target_language": "fa", "file": self.upload("source,target\nKremlin,کرملین\n")},
            follow=True,
        )
        self.assertEqual(Term.objects.get().target_term, "کرملین")
        self.assertIn("1 terms added, 0 updated", " ".join(messages_on(response)))

    def test_a_persian_translator_cannot_import_english_targets(self):
        self.client.force_login(self.translator)
        response = self.client.post(
            self.import_url, {"target_language": "en", "file": self.upload("source,target\nکرملین,Kremlin\n")}
        )
        self.assertIn("target_language", response.context["form"].errors)
        self.assertFalse(Term.objects.exists())

    def test_a_bad_file_shows_each_bad_row_and_saves_nothing(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            self.import_url,
            {"target_language": "fa", "file": self.upload("source,target\nKremlin,کرملین\nWhite House,\n")},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Row 3", page(response).select_one("#import-refused").text)
        self.assertFalse(Term.objects.exists())

    def test_the_persian_admin_counts_in_persian_digits(self):
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        response = self.client.post(
            self.import_url,
            {"target_language": "fa", "file": self.upload("source,target\nKremlin,کرملین\nBBC,بی‌بی‌سی\n")},
            follow=True,
        )
        self.assertTrue(any("۲" in message for message in messages_on(response)), messages_on(response))

    def test_export_sends_the_pair_as_a_download(self):
        Term.objects.create(source_language="en", target_language="fa", source_term="Kremlin", target_term="کرملین")
        self.client.force_login(self.translator)
        response = self.client.get(reverse("admin:glossary_term_export"), {"language": "fa", "format": "tbx"})
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="glossary-en-fa.tbx"')
        self.assertIn("کرملین", response.content.decode())


class OverrideAdminTests(NewsroomAdminTestCase):
    def test_editors_read_the_overrides_and_translators_do_not(self):
        Override.objects.create(
            content_type_id=1, object_id=1, title="Rivers", language="fa", reason="House style changed", terms=[]
        )
        url = reverse("admin:glossary_override_changelist")
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(url), "House style changed")
        self.client.force_login(self.translator)
        self.assertEqual(self.client.get(url).status_code, 403)


class InconsistentTranslationsTests(NewsroomAdminTestCase):
    url = reverse("admin:glossary_term_inconsistent")

    def setUp(self):
        Term.objects.create(source_language="en", target_language="fa", source_term="Kremlin", target_term="کرملین")

    def test_editors_see_translations_lacking_an_approved_term(self):
        from tests.factories import make_article

        lacking = make_article(headline_en="Talks at the Kremlin", headline_fa="گفت‌وگو در مسکو")
        make_article(headline_en="Kremlin answers", headline_fa="پاسخ كرملين")  # Arabic letters: still consistent
        make_article(headline_en="Talks in Kyiv", headline_fa="گفت‌وگو در کی‌یف")
        self.client.force_login(self.editor)
        html = page(self.client.get(self.url, {"language": "fa"}))
        rows = html.select("#glossary-inconsistent tbody tr")
        self.assertEqual(len(rows), 1)
        self.assertIn(str(lacking), rows[0].text)
        self.assertIn("کرملین", rows[0].text)
        self.assertEqual(rows[0].a["href"], self.change_url(lacking))

    def test_the_persian_admin_counts_in_persian_digits(self):
        from tests.factories import make_article

        make_article(headline_en="Talks at the Kremlin", headline_fa="گفت‌وگو در مسکو")
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        summary = page(self.client.get(self.url, {"language": "fa"})).select_one(
            "#glossary-inconsistent-summary strong"
        )
        self.assertIn("۱", summary.text)

    def test_translators_cannot_open_the_list(self):
        self.client.force_login(self.translator)
        self.assertEqual(self.client.get(self.url).status_code, 403)
