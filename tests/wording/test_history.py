"""Editors and translators see who changed which wording and when, and put an earlier wording back."""

from unittest import mock

from django.urls import reverse

from tests.admin.base import messages_on, page
from tests.wording.base import SmallCatalogueTestCase
from wording import catalogue, services
from wording.models import Change, Override, key_hash

SKIP = key_hash("", "Skip to content")


class HistoryTests(SmallCatalogueTestCase):
    history_url = reverse("wording:history", kwargs={"language": "fa"})

    def correct(self, user, wording):
        self.client.force_login(user)
        url = reverse("wording:message", kwargs={"language": "fa", "key": SKIP})
        self.assertEqual(self.client.post(url, {"form_0": wording}).status_code, 302)

    def revert_url(self, change):
        return reverse("wording:revert", kwargs={"language": "fa", "pk": change.pk})

    def test_the_history_says_who_changed_what_and_when(self):
        self.correct(self.translator, "پرش به متن")
        self.correct(self.editor, "رفتن به متن")
        self.client.force_login(self.editor)
        rows = page(self.client.get(self.history_url)).select("#wording-history tbody tr")
        self.assertEqual(len(rows), 2)
        newest = [cell.get_text(" ", strip=True) for cell in rows[0].find_all("td")]
        self.assertEqual(newest[1:5], ["editor", "Skip to content", "پرش به متن", "رفتن به متن"])
        self.assertTrue(rows[0].find("time") or newest[0])
        oldest = [cell.get_text(" ", strip=True) for cell in rows[1].find_all("td")]
        self.assertEqual(oldest[1], "translator")
        self.assertIn("the catalogue’s wording", oldest[3])

    def test_reverting_the_first_change_gives_back_the_catalogues_wording(self):
        self.correct(self.translator, "پرش به متن")
        self.client.force_login(self.editor)
        response = self.client.post(self.revert_url(Change.objects.get()), follow=True)
        self.assertEqual(messages_on(response)[-1], "Reverted. Every page shows the wording within seconds.")
        self.assertFalse(Override.objects.exists())
        revert = Change.objects.first()
        self.assertEqual((revert.before, revert.after, revert.changed_by), (["پرش به متن"], None, self.editor))
        self.assertEqual(revert.reverts, Change.objects.last())

    def test_reverting_a_later_change_gives_back_the_earlier_correction(self):
        self.correct(self.translator, "پرش به متن")
        self.correct(self.translator, "پرش")
        latest = Change.objects.first()
        self.client.post(self.revert_url(latest))
        self.assertEqual(Override.objects.get().forms, ["پرش به متن"])

    def test_a_message_has_its_own_history(self):
        self.correct(self.translator, "پرش به متن")
        response = self.client.get(self.history_url + f"?key={SKIP}")
        self.assertEqual(len(page(response).select("#wording-history tbody tr")), 1)
        response = self.client.get(self.history_url + "?key=" + key_hash("", "Subscribe"))
        self.assertEqual(len(page(response).select("#wording-history tbody tr")), 0)

    def test_reverting_needs_a_post_and_the_language(self):
        self.correct(self.translator, "پرش به متن")
        change = Change.objects.get()
        self.assertEqual(self.client.get(self.revert_url(change)).status_code, 405)
        for user in (self.en_translator, self.author_user):
            self.client.force_login(user)
            self.assertEqual(self.client.post(self.revert_url(change)).status_code, 403)
        self.assertEqual(Override.objects.get().forms, ["پرش به متن"])
        self.assertEqual(Change.objects.count(), 1)

    def test_a_change_of_another_language_is_not_found_under_this_one(self):
        self.correct(self.translator, "پرش به متن")
        change = Change.objects.get()
        Change.objects.filter(pk=change.pk).update(language="en")
        self.client.force_login(self.editor)
        self.assertEqual(self.client.post(self.revert_url(change)).status_code, 404)


class RaceTests(SmallCatalogueTestCase):
    def test_a_first_correction_racing_with_another_is_recorded_over_it(self):
        """Two translators correct a message at once: the later save is recorded over the earlier, none fails."""
        message = catalogue.load("fa").by_key[SKIP]
        services.save_wording(language="fa", message=message, forms=["پرش"], by=self.editor)
        real = services.locked_override
        # Our look for the row came before the other translator's insert; our insert then meets theirs.
        with mock.patch.object(services, "locked_override", side_effect=[None, real("fa", SKIP)]):
            outcome = services.save_wording(language="fa", message=message, forms=["پرش به متن"], by=self.translator)
        self.assertEqual(Override.objects.get().forms, ["پرش به متن"])
        self.assertEqual(outcome.change.before, ["پرش"])
