"""Hostile XLIFF files: each is refused with a clear message, and nothing is saved."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from translate.storage import xliff

from desk.exchange import files
from tests.desk.test_xliff_import import ImportCase
from tests.desk.xliff_files import translate_file
from tests.factories import make_article

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="articles.article.1" source-language="en" target-language="fa" datatype="html"><body>
<trans-unit id="x"><source>a</source><target>&secret;</target></trans-unit></body></file></xliff>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="articles.article.1" source-language="en" target-language="fa" datatype="html"><body>
<trans-unit id="x"><source>a</source><target>&lol9;</target></trans-unit></body></file></xliff>"""

XLIFF_2 = """<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fa">
<file id="f1"><unit id="u1"><segment><source>Hello</source><target>سلام</target></segment></unit></file>
</xliff>""".encode()


class HostileFileTests(ImportCase):
    def setUp(self):
        self.article = make_article(languages=("en",))
        self.translated = translate_file(self.export(self.translator, self.article)).decode()

    def assertRefused(self, data: bytes | str, message: str):
        response = self.upload(self.translator, data.encode() if isinstance(data, str) else data)
        self.assertEqual(response.status_code, 200)
        self.assertIn(message, self.refusal(response))
        self.article.refresh_from_db()
        self.assertFalse(self.article.headline_fa or self.article.body_fa)  # nothing saved

    def test_an_external_entity_is_never_read(self):
        self.assertRefused(XXE, "The file declares a document type (DTD)")

    def test_entity_expansion_is_refused(self):
        self.assertRefused(LAUGHS, "The file declares a document type (DTD)")

    def test_an_external_entity_in_a_signed_file_is_never_read_into_it(self):
        doctype = '<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<xliff '
        hostile = self.translated.replace("<xliff ", doctype, 1).replace("</target>", "&secret;</target>", 1)
        self.assertRefused(hostile, "The file declares a document type (DTD)")

    def test_a_file_that_is_not_xml(self):
        self.assertRefused(b"\x89PNG\r\n\x1a\n not xml", "This is not an XLIFF file: it could not be read as XML.")

    def test_xml_that_is_not_xliff(self):
        self.assertRefused(b"<html><body>hello</body></html>", "This is not an XLIFF file.")

    def test_xliff_2(self):
        self.assertRefused(XLIFF_2, "XLIFF 2 files cannot be imported yet")

    def test_a_foreign_xliff_file_without_our_signature(self):
        store = xliff.xlifffile(sourcelanguage="en", targetlanguage="fa")
        store.addsourceunit("Hello").target = "سلام"
        foreign = bytes(store).replace(b"document:1.1", b"document:1.2").replace(b"version='1.1'", b"version='1.2'")
        foreign = foreign.replace(b'version="1.1"', b'version="1.2"')
        self.assertRefused(foreign, "it carries no signature")

    def test_a_tampered_signature(self):
        tampered = re.sub(r'(form="application/x-newsroom-signed">)(.)', lambda m: m[1] + ("A" if m[2] != "A" else "B"),
                          self.translated)  # fmt: skip
        self.assertRefused(tampered, "The file's signature does not match")

    def test_a_changed_source_text(self):
        tampered = self.translated.replace(f"<source>{self.article.headline_en}</source>", "<source>Other</source>")
        self.assertRefused(tampered, "the source text of segment")

    def test_a_changed_target_language(self):
        changed = self.translated.replace('target-language="fa"', 'target-language="en"')
        self.assertRefused(changed, "not the ones signed")

    def test_ids_of_another_article(self):
        other = make_article(languages=("en",))
        moved = self.translated.replace(f"articles.article.{self.article.pk}", f"articles.article.{other.pk}")
        self.assertRefused(moved, "not the ones signed")
        other.refresh_from_db()
        self.assertFalse(other.headline_fa)

    def test_another_articles_signature_with_this_articles_units(self):
        other = make_article(languages=("en",))
        other_file = self.export(self.translator, other).decode()
        token = re.search(r'form="application/x-newsroom-signed">([^<]+)<', other_file)[1]
        signed = r'(form="application/x-newsroom-signed">)[^<]+<'
        swapped = re.sub(signed, lambda m: m[1] + token + "<", self.translated)
        self.assertRefused(swapped, "not the ones signed")

    def test_a_unit_whose_id_was_changed(self):
        self.assertRefused(self.translated.replace(".headline.v", ".headlines.v"), "does not belong to it")

    def test_a_unit_removed_from_the_file(self):
        without = re.sub(r"<trans-unit[^>]*\.standfirst\.v.*?</trans-unit>", "", self.translated, flags=re.S)
        self.assertRefused(without, "is missing")

    def test_a_file_too_large_is_refused_before_it_is_read(self):
        padding = " " * (files.MAX_BYTES + 1)
        self.assertRefused(self.translated.replace("<body>", f"<body>{padding}", 1), "The file is too large")

    def test_the_reader_refuses_oversize_data_itself(self):
        with self.assertRaisesMessage(files.Refused, "too large"):
            files.read(b" " * (files.MAX_BYTES + 1))

    def test_a_post_with_an_empty_file_or_none(self):
        self.client.force_login(self.translator)
        empty = self.client.post(reverse("desk:import"), {"file": SimpleUploadedFile("empty.xlf", b"")})
        self.assertEqual(self.refusal(empty), "The submitted file is empty.")
        nothing = self.client.post(reverse("desk:import"), {})
        self.assertEqual(self.refusal(nothing), "This field is required.")
        self.article.refresh_from_db()
        self.assertFalse(self.article.headline_fa)
