"""The Persian translator finds, filters and corrects the interface's messages; a bad wording is refused."""

from django.urls import reverse

from tests.admin.base import form_values, messages_on, page
from tests.factories import make_user
from tests.wording.base import SmallCatalogueTestCase, WordingTestCase
from wording.models import Change, Override, key_hash

SKIP = key_hash("", "Skip to content")
PLURAL = key_hash("", "%(counter)s item needs translating.")
CONTEXT = key_hash("link to the article in the language of this text", "View this article in English")
LINK = key_hash("", 'Read <a href="%(url)s">the guide</a>.')


def list_url(language="fa", **query):
    url = reverse("wording:messages", kwargs={"language": language})
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def edit_url(key, language="fa"):
    return reverse("wording:message", kwargs={"language": language, "key": key})


def sources(response) -> list[str]:
    return [cell.find("div").get_text() for cell in page(response).select("#wording-list tbody td[lang=en]")]


class FindingMessagesTests(SmallCatalogueTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.translator)

    def test_the_list_shows_every_message_with_its_wording(self):
        response = self.client.get(list_url())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(sources(response)), 7)
        wording = page(response).select_one("#wording-list tbody td[lang=fa]")
        self.assertEqual(wording["dir"], "rtl")
        self.assertEqual(wording.get_text(), "رفتن به محتوا")

    def test_search_reads_arabic_letter_forms_as_persian(self):
        response = self.client.get(list_url(q="تحليل مستقل"))  # ي, as an Arabic keyboard types it
        self.assertEqual(sources(response), ["Independent analysis in English and Persian."])

    def test_search_finds_the_english_source_and_the_context(self):
        self.assertEqual(sources(self.client.get(list_url(q="skip"))), ["Skip to content"])
        found = sources(self.client.get(list_url(q="language of this text")))
        self.assertEqual(found, ["View this article in English"])

    def test_filters_for_untranslated_and_fuzzy_messages(self):
        self.assertEqual(sources(self.client.get(list_url(state="untranslated"))), ["Subscribe"])
        self.assertEqual(sources(self.client.get(list_url(state="fuzzy"))), ["Unsubscribe"])

    def test_a_corrected_message_leaves_the_untranslated_filter_for_the_changed_one(self):
        self.client.post(edit_url(key_hash("", "Subscribe")), {"form_0": "مشترک شوید"})
        self.assertEqual(sources(self.client.get(list_url(state="untranslated"))), [])
        self.assertEqual(sources(self.client.get(list_url(state="changed"))), ["Subscribe"])

    def test_the_counts_are_in_persian_digits_in_the_persian_admin(self):
        self.client.cookies["django_language"] = "fa"
        response = self.client.get(list_url())
        self.assertEqual(page(response).html["dir"], "rtl")
        self.assertIn("(۱)", page(response).select_one(".wording-filters").get_text())


class CorrectingTests(SmallCatalogueTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.translator)

    def test_the_form_shows_the_source_the_context_and_the_wording_to_change(self):
        response = self.client.get(edit_url(CONTEXT))
        self.assertEqual(page(response).select_one("#wording-source").get_text(), "View this article in English")
        self.assertIn("link to the article in the language of this text", response.content.decode())
        field = page(response).select_one("textarea[name=form_0]")
        self.assertEqual((field["lang"], field["dir"]), ("fa", "rtl"))
        self.assertEqual(form_values(response, "wording_form")["form_0"], ["این مقاله را به فارسی بخوانید"])

    def test_a_good_wording_is_saved_with_who_and_when(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(edit_url(SKIP), {"form_0": "پرش به متن"}, follow=True)
        self.assertEqual(messages_on(response), ["Saved. Every page shows the new wording within seconds."])
        override = Override.objects.get(language="fa", key=SKIP)
        self.assertEqual((override.forms, override.changed_by), (["پرش به متن"], self.translator))
        self.assertEqual(Change.objects.get().before, None)

    def test_a_plural_message_takes_one_wording_per_form(self):
        response = self.client.get(edit_url(PLURAL))
        labels = [label.get_text() for label in page(response).select(".wording-form label")]
        self.assertEqual(labels, ["Form 1 (for 0, 1…)", "Form 2 (for 2, 3, 4…)"])
        self.client.post(edit_url(PLURAL), {"form_0": "یک مورد مانده", "form_1": "%(counter)s مورد مانده"})
        self.assertEqual(Override.objects.get().forms, ["یک مورد مانده", "%(counter)s مورد مانده"])

    def test_a_wording_that_would_break_the_page_is_refused_and_nothing_is_saved(self):
        for wording in ["%(link)s را بخوانید", '<a href="%(url)s">راهنما</a><script>alert(1)</script>', "راهنما"]:
            with self.subTest(wording=wording):
                response = self.client.post(edit_url(LINK), {"form_0": wording})
                self.assertEqual(response.status_code, 200)
                self.assertTrue(page(response).select(".errorlist li"))
                self.assertIn("Nothing was saved", page(response).select_one(".errornote").get_text())
        self.assertFalse(Override.objects.exists())
        self.assertFalse(Change.objects.exists())

    def test_a_plural_form_left_empty_is_refused(self):
        response = self.client.post(edit_url(PLURAL), {"form_0": "یک مورد"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Override.objects.exists())

    def test_the_catalogues_own_wording_removes_the_correction(self):
        self.client.post(edit_url(SKIP), {"form_0": "پرش به متن"})
        self.client.post(edit_url(SKIP), {"form_0": "رفتن به محتوا"})
        self.assertFalse(Override.objects.exists())
        self.assertEqual(Change.objects.first().after, None)

    def test_a_message_not_in_the_catalogue_is_not_found(self):
        self.assertEqual(self.client.get(edit_url("0" * 32)).status_code, 404)


class PermissionTests(SmallCatalogueTestCase):
    """Checked on the server: crafted requests, not only hidden links."""

    def test_an_author_may_not_see_or_change_the_wording(self):
        self.client.force_login(self.author_user)
        self.assertEqual(self.client.get(list_url()).status_code, 403)
        self.assertEqual(self.client.post(edit_url(SKIP), {"form_0": "پرش"}).status_code, 403)
        self.assertFalse(Override.objects.exists())

    def test_an_english_translator_may_not_change_persian_wording(self):
        self.client.force_login(self.en_translator)
        self.assertEqual(self.client.post(edit_url(SKIP), {"form_0": "پرش"}).status_code, 403)
        self.assertEqual(self.client.get(reverse("wording:export", kwargs={"language": "fa"})).status_code, 403)
        self.assertFalse(Override.objects.exists())

    def test_english_is_the_source_language_and_no_one_overrides_it_here(self):
        for user in (self.translator, self.en_translator, self.editor):
            self.client.force_login(user)
            self.assertEqual(self.client.post(edit_url(SKIP, "en"), {"form_0": "Skip"}).status_code, 403)
        self.assertFalse(Override.objects.exists())

    def test_an_editor_may_change_any_catalogues_wording(self):
        self.client.force_login(self.editor)
        self.client.post(edit_url(SKIP), {"form_0": "پرش به متن"})
        self.assertEqual(Override.objects.get().changed_by, self.editor)

    def test_readers_are_sent_to_the_login(self):
        reader = make_user("reader")
        for user in (None, reader):
            if user:
                self.client.force_login(user)
            response = self.client.post(edit_url(SKIP), {"form_0": "پرش"})
            self.assertEqual(response.status_code, 302)
            self.assertIn("/admin/login/", response["Location"])
        self.assertFalse(Override.objects.exists())

    def test_the_admin_index_links_the_wording_only_for_those_who_may_change_it(self):
        link = reverse("wording:index")
        for user, shown in ((self.translator, True), (self.editor, True), (self.author_user, False)):
            self.client.force_login(user)
            self.assertEqual(link in self.client.get(reverse("admin:index")).content.decode(), shown, user)


class PersianAdminTests(WordingTestCase):
    """On the project's own catalogue, in the Persian admin."""

    def test_the_screens_are_in_persian(self):
        self.client.force_login(self.translator)
        self.client.cookies["django_language"] = "fa"
        response = self.client.get(reverse("wording:index"), follow=True)
        self.assertEqual(page(response).html["lang"], "fa")
        self.assertNotIn("Interface wording", page(response).select_one("#content h1").get_text())
        history = self.client.get(reverse("wording:history", kwargs={"language": "fa"}))
        self.assertEqual(history.status_code, 200)


class ChangedMeanwhileTests(SmallCatalogueTestCase):
    def test_a_save_over_a_wording_changed_since_the_form_opened_is_refused(self):
        self.client.force_login(self.translator)
        mine = form_values(self.client.get(edit_url(SKIP)), "wording_form")
        self.client.force_login(self.editor)
        theirs = form_values(self.client.get(edit_url(SKIP)), "wording_form")
        theirs["form_0"] = ["پرش به متن"]
        self.assertEqual(self.client.post(edit_url(SKIP), theirs).status_code, 302)
        self.client.force_login(self.translator)
        mine["form_0"] = ["پرش"]
        response = self.client.post(edit_url(SKIP), mine)
        self.assertEqual(response.status_code, 200)
        note = page(response).select_one("#wording-changed-meanwhile").get_text()
        self.assertIn("Someone changed this wording", note)
        self.assertEqual(form_values(response, "wording_form")["form_0"], ["پرش به متن"])  # theirs, to start from
        self.assertEqual(Override.objects.get().forms, ["پرش به متن"])
        # The form now knows their change: saved again, it goes through.
        mine = form_values(response, "wording_form")
        mine["form_0"] = ["پرش"]
        self.assertEqual(self.client.post(edit_url(SKIP), mine).status_code, 302)
        self.assertEqual(Override.objects.get().forms, ["پرش"])
