"""CSV and TBX: a round trip keeps every term, and a bad file is refused row by row with nothing saved."""

from django.test import TestCase
from django.utils import translation
from translate.storage import tbx

from glossary import exchange
from glossary.models import Term
from tests.factories import make_user


def csv_file(*rows: str) -> bytes:
    return "\n".join(rows).encode("utf-8")


class RoundTripTests(TestCase):
    def setUp(self):
        self.editor = make_user("glossary-editor", groups=["Editor"], is_staff=True)
        Term.objects.create(
            source_language="en",
            target_language="fa",
            source_term="Security Council",
            target_term="شورای امنیت",
            part_of_speech="proper_noun",
            note="The UN's, not Iran's «شورای عالی امنیت ملی».",
        )
        Term.objects.create(source_language="en", target_language="fa", source_term="BBC", do_not_translate=True)
        Term.objects.create(source_language="en", target_language="fa", source_term="=1+1", target_term="یک")

    def terms(self):
        return sorted(
            (t.source_term, t.target_term, t.part_of_speech, t.note, t.do_not_translate)
            for t in Term.objects.for_pair("en", "fa")
        )

    def round_trip(self, file_format, data):
        before = self.terms()
        Term.objects.all().delete()
        result = exchange.import_file(data, file_format, source_language="en", target_language="fa", by=self.editor)
        self.assertEqual((result.added, result.updated), (3, 0))
        self.assertEqual(self.terms(), before)

    def test_csv_round_trip_keeps_every_term(self):
        self.round_trip(exchange.CSV, exchange.export_csv("en", "fa"))

    def test_tbx_round_trip_keeps_every_term(self):
        self.round_trip(exchange.TBX, exchange.export_tbx("en", "fa"))

    def test_the_tbx_export_is_read_by_translate_toolkit_with_its_languages(self):
        store = tbx.tbxfile.parsestring(exchange.export_tbx("en", "fa"), sourcelanguage="en", targetlanguage="fa")
        units = {unit.source: unit for unit in store.units}
        self.assertEqual(units["Security Council"].target, "شورای امنیت")
        self.assertFalse(units["BBC"].istranslatable())
        [part] = [note for note in units["Security Council"].get_common_notes(source=True) if note.origin == "pos"]
        self.assertEqual((part.text, part.category), ("properNoun", "partOfSpeech"))

    def test_the_csv_export_keeps_spreadsheets_from_running_a_formula(self):
        self.assertIn("'=1+1", exchange.export_csv("en", "fa").decode("utf-8-sig"))

    def test_importing_again_updates_terms_instead_of_adding_them(self):
        data = csv_file("source,target,note", "security council,شورای امنیت سازمان ملل,updated")
        result = exchange.import_file(data, exchange.CSV, source_language="en", target_language="fa", by=self.editor)
        self.assertEqual((result.added, result.updated), (0, 1))
        term = Term.objects.get(key="securitycouncil")
        self.assertEqual(
            (term.target_term, term.note, term.updated_by), ("شورای امنیت سازمان ملل", "updated", self.editor)
        )


class RefusedFileTests(TestCase):
    def setUp(self):
        self.editor = make_user("glossary-editor", groups=["Editor"], is_staff=True)
        # The messages are read in English whatever language an earlier test's request left active.
        self.enterContext(translation.override("en"))

    def refused(self, data, file_format=exchange.CSV, pair=("en", "fa")):
        with self.assertRaises(exchange.Refused) as caught:
            exchange.import_file(data, file_format, source_language=pair[0], target_language=pair[1], by=self.editor)
        self.assertFalse(Term.objects.exists(), "nothing is saved from a refused file")
        return caught.exception.errors

    def test_one_bad_row_saves_none_and_every_bad_row_is_named(self):
        errors = self.refused(
            csv_file(
                "source,target,part_of_speech,do_not_translate",
                "Kremlin,کرملین,noun,no",
                ",تهی,,no",
                "White House,,,no",
                "Putin,پوتین,gerund,no",
            )
        )
        self.assertEqual(len(errors), 3)
        self.assertIn("Row 3", errors[0])
        self.assertIn("Row 4", errors[1])
        self.assertIn("Row 5", errors[2])
        self.assertIn("gerund", errors[2])

    def test_a_term_twice_in_one_file_is_refused(self):
        errors = self.refused(csv_file("source,target", "Putin,پوتین", "putin,پوتين"))
        self.assertIn("Row 3", errors[0])
        self.assertIn("Row 2", errors[0])

    def test_a_file_without_the_header_is_refused(self):
        [error] = self.refused(csv_file("Putin,پوتین"))
        self.assertIn("source", error)

    def test_a_file_not_in_utf8_is_refused(self):
        [error] = self.refused("source,target\nPutin,پوتین".encode("utf-16"))
        self.assertIn("UTF-8", error)

    def test_a_bad_yes_or_no_is_refused(self):
        [error] = self.refused(csv_file("source,target,do_not_translate", "Putin,پوتین,maybe"))
        self.assertIn("maybe", error)

    def test_an_empty_file_is_refused(self):
        [error] = self.refused(csv_file("source,target"))
        self.assertIn("no terms", error)

    def test_a_file_that_is_not_tbx_is_refused(self):
        [error] = self.refused(b"<html><body>hello</body></html>", exchange.TBX)
        self.assertIn("not a TBX file", error)

    def test_entity_expansion_is_refused_before_parsing(self):
        data = (
            b'<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig><term>&b;</term></tig></langSet>'
            b"</termEntry></body></text></martif>"
        )
        [error] = self.refused(data, exchange.TBX)
        self.assertIn("entities", error)

    def test_a_tbx_file_of_another_pair_is_refused(self):
        store = tbx.tbxfile(sourcelanguage="en", targetlanguage="de")
        store.addsourceunit("Putin").target = "Putin"
        [error] = self.refused(bytes(store), exchange.TBX)
        self.assertIn("de", error)

    def test_tbx_terms_are_read_by_their_language_not_their_place(self):
        """TBX is not directional: a Persian-first entry gives the English→Persian pair its English and Persian."""
        data = exchange_tbx_of(("fa", "en"), "پوتین", "Putin")
        exchange.import_file(data, exchange.TBX, source_language="en", target_language="fa", by=self.editor)
        term = Term.objects.get()
        self.assertEqual((term.source_term, term.target_term), ("Putin", "پوتین"))

    def test_a_tbx_entry_without_the_source_language_is_refused(self):
        store = tbx.tbxfile(sourcelanguage="fa", targetlanguage="en")
        store.addsourceunit("پوتین")
        [error] = self.refused(bytes(store), exchange.TBX)
        self.assertIn("Entry 1", error)

    def test_an_oversize_file_is_refused(self):
        [error] = self.refused(b"source,target\n" + b"a,b\n" * (exchange.MAX_BYTES // 4 + 1))
        self.assertIn("too large", error)


def exchange_tbx_of(pair, source, target) -> bytes:
    store = tbx.tbxfile(sourcelanguage=pair[0], targetlanguage=pair[1])
    store.addsourceunit(source).target = target
    return bytes(store)
