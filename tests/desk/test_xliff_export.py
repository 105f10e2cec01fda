"""Exporting XLIFF 1.2 from the desk: one article from its screen, or the queue, as a CAT tool reads it."""

from django.urls import reverse
from translate.storage import xliff

from desk import state
from desk.exchange import body
from tests.admin.base import NewsroomAdminTestCase, page
from tests.desk.xliff_files import units
from tests.factories import make_article

RICH_BODY = (
    '<h2>What <em>changed</em></h2><p>Read <a href="https://example.org/report">the <strong>report</strong></a>'
    " now.<br>Then decide.</p><ul><li>One</li><li>Two</li></ul>"
    '<figure><img src="https://example.org/dam.jpg" alt="The old dam"><figcaption>The dam in 2024</figcaption></figure>'
)


class ExportTests(NewsroomAdminTestCase):
    def export(self, user, article, language="fa"):
        self.client.force_login(user)
        url = reverse("desk:export_object", args=["articles", "article", article.pk])
        return self.client.get(url, {"language": language})

    def test_a_persian_translator_downloads_the_article_as_xliff_1_2_from_english(self):
        article = make_article(languages=("en",), body_en=RICH_BODY)
        response = self.export(self.translator, article)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/x-xliff+xml")
        self.assertIn(f'filename="article-{article.pk}-en-fa.xlf"', response["Content-Disposition"])
        store = xliff.xlifffile.parsestring(response.content)
        self.assertEqual((store.getsourcelanguage(), store.gettargetlanguage()), ("en", "fa"))
        self.assertIn(b'version="1.2"', response.content)
        self.assertIn(b'xmlns="urn:oasis:names:tc:xliff:document:1.2"', response.content)

    def test_each_block_is_a_unit_whose_id_names_object_field_block_and_source_version(self):
        article = make_article(languages=("en",), body_en=RICH_BODY, image_caption_en="")
        version = state.fingerprint(state.source_text(article, "en"))[:12]
        found = units(self.export(self.translator, article).content)
        prefix = f"articles.article.{article.pk}"
        self.assertIn(f"{prefix}.headline.v{version}", found)
        self.assertEqual(found[f"{prefix}.headline.v{version}"].source, article.headline_en)
        body_units = [unit_id for unit_id in found if ".body." in unit_id]
        # The heading, the paragraph, two list items, the image's description and its caption.
        self.assertEqual(body_units, [f"{prefix}.body.{number}.v{version}" for number in range(1, 7)])
        self.assertEqual(
            [found[unit_id].source for unit_id in body_units],
            ["What changed", "Read the report now.Then decide.", "One", "Two", "The old dam", "The dam in 2024"],
        )
        self.assertNotIn(f"{prefix}.image_caption.v{version}", found)  # nothing to translate in an empty field

    def test_inline_markup_becomes_protected_codes_and_link_addresses_stay_out_of_the_text(self):
        article = make_article(languages=("en",), body_en=RICH_BODY)
        content = self.export(self.translator, article).content.decode()
        self.assertIn('What <g id="1" ctype="italic">changed</g>', content)
        self.assertIn(
            'Read <g id="1" ctype="link">the <g id="2" ctype="bold">report</g></g> now.<x id="3" ctype="lb"/>', content
        )
        self.assertNotIn("example.org/report", content.split("<body>", 1)[1])

    def test_the_file_is_signed_and_the_signature_is_in_its_header(self):
        article = make_article(languages=("en",))
        content = self.export(self.translator, article).content.decode()
        self.assertIn('<internal-file form="application/x-newsroom-signed">', content)
        self.assertLess(content.index("<header>"), content.index("<body>"))

    def test_the_memorys_matches_are_offered_as_alternatives(self):
        translated = make_article(body_en="<p>The dam is full.</p>", body_fa="<p>سد پر است.</p>")
        state.confirm(translated, "fa", by=self.translator)  # the memory learns the pair
        article = make_article(languages=("en",), body_en="<p>The dam is full.</p><p>Nothing else.</p>")
        found = units(self.export(self.translator, article).content)
        [paragraph] = [unit for unit_id, unit in found.items() if ".body.1." in unit_id]
        [alternative] = paragraph.getalttrans()
        self.assertEqual((alternative.source, alternative.target), ("The dam is full.", "سد پر است."))
        self.assertEqual(alternative.xmlelement.get("match-quality"), "100")
        self.assertEqual(alternative.xmlelement.get("origin"), "newsroom-memory")

    def test_plain_fields_carry_their_length_limit(self):
        article = make_article(languages=("en",))
        content = self.export(self.translator, article).content.decode()
        self.assertIn('maxwidth="200" size-unit="char"', content)  # the headline

    def test_an_english_translator_exports_from_persian(self):
        article = make_article(languages=("fa",))
        store = xliff.xlifffile.parsestring(self.export(self.en_translator, article).content)
        self.assertEqual((store.getsourcelanguage(), store.gettargetlanguage()), ("fa", "en"))
        self.assertIn(article.headline_fa, [unit.source for unit in store.units])

    def test_an_author_may_not_export(self):
        article = make_article(languages=("en",))
        self.assertEqual(self.export(self.author_user, article).status_code, 403)

    def test_the_queue_exports_every_missing_and_outdated_item_one_file_element_each(self):
        missing = make_article(languages=("en",))
        outdated = make_article()
        state.confirm(outdated, "fa", by=self.translator)
        outdated.standfirst_en = "A new summary."
        outdated.save()
        done = make_article()
        self.client.force_login(self.translator)
        response = self.client.get(reverse("desk:export_queue"))
        store = xliff.xlifffile.parsestring(response.content)
        names = set(store.getfilenames())
        self.assertIn(f"articles.article.{missing.pk}", names)
        self.assertIn(f"articles.article.{outdated.pk}", names)
        self.assertNotIn(f"articles.article.{done.pk}", names)

    def test_the_screens_link_to_export_and_import(self):
        article = make_article(languages=("en",))
        self.client.force_login(self.translator)
        queue = page(self.client.get(reverse("desk:queue")))
        self.assertIsNotNone(queue.find("a", href=reverse("desk:export_queue") + "?language=fa"))
        self.assertIsNotNone(queue.find("a", href=reverse("desk:import") + "?language=fa"))
        screen = page(self.client.get(reverse("desk:translate", args=["articles", "article", article.pk])))
        export = reverse("desk:export_object", args=["articles", "article", article.pk]) + "?language=fa"
        self.assertIsNotNone(screen.find("a", href=export))


class BodySegmentTests(NewsroomAdminTestCase):
    def test_a_body_rebuilt_from_its_own_segments_is_the_body(self):
        split = body.split_body(RICH_BODY)
        parts = {
            segment.key: str(segment.content) if segment.plain else body.render(segment.content, segment.codes)
            for segment in split.segments
        }
        from core.text import sanitise_body

        self.assertEqual(body.rebuild(split.skeleton, parts), sanitise_body(RICH_BODY))
