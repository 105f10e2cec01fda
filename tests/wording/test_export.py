"""The catalogue downloads as django.po with the corrections in it, for developers to commit."""

from django.urls import reverse
from translate.storage import pypo

from tests.wording.base import SmallCatalogueTestCase
from wording.models import key_hash


def units(po: bytes) -> dict[str, pypo.pounit]:
    store = pypo.pofile(po)
    return {str(unit.source.strings[0] if unit.hasplural() else unit.source): unit for unit in store.units}


class ExportTests(SmallCatalogueTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.translator)

    def correct(self, msgid, **forms):
        url = reverse("wording:message", kwargs={"language": "fa", "key": key_hash("", msgid)})
        self.assertEqual(self.client.post(url, forms).status_code, 302)

    def export(self):
        response = self.client.get(reverse("wording:export", kwargs={"language": "fa"}))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="django.po"')
        return units(response.content)

    def test_the_export_round_trips_with_the_correction_in_it(self):
        self.correct("Skip to content", form_0="پرش به متن")
        exported = self.export()
        self.assertEqual(str(exported["Skip to content"].target), "پرش به متن")
        self.assertEqual(str(exported["Subscribe"].target), "")  # the rest as the catalogue has it
        self.assertEqual(len(exported), 8)  # the header and every message

    def test_a_corrected_fuzzy_message_is_no_longer_fuzzy(self):
        self.correct("Unsubscribe", form_0="لغو اشتراک")
        unit = self.export()["Unsubscribe"]
        self.assertEqual((str(unit.target), unit.isfuzzy()), ("لغو اشتراک", False))

    def test_plural_forms_are_written_as_msgstr_n(self):
        self.correct("%(counter)s item needs translating.", form_0="یک مورد", form_1="%(counter)s مورد")
        unit = self.export()["%(counter)s item needs translating."]
        self.assertEqual([str(text) for text in unit.target.strings], ["یک مورد", "%(counter)s مورد"])

    def test_the_file_on_disk_is_left_alone(self):
        self.correct("Skip to content", form_0="پرش به متن")
        self.export()
        from wording.catalogue import catalogue_path

        self.assertNotIn("پرش به متن", catalogue_path("fa").read_text(encoding="utf-8"))
