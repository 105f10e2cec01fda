"""A wording that would break a page is refused, naming what is wrong; a good one passes."""

from django.test import SimpleTestCase
from django.utils import translation

from wording.catalogue import BRACE_FORMAT, PYTHON_FORMAT, CatalogueMessage, load
from wording.placeholders import problems


def message(msgid: str, msgid_plural: str = "", flags=(), context: str = "") -> CatalogueMessage:
    return CatalogueMessage(
        context=context,
        msgid=msgid,
        msgid_plural=msgid_plural,
        translations=(),
        fuzzy=False,
        flags=frozenset(flags),
        locations=(),
        notes="",
    )


class EnglishAdminTestCase(SimpleTestCase):
    """The refusals read in the English admin (one test reads them in the Persian one)."""

    def setUp(self):
        super().setUp()
        english = translation.override("en")
        english.__enter__()
        self.addCleanup(english.__exit__, None, None, None)


SAVED = message("%(count)s article saved.", "%(count)s articles saved.", flags=[PYTHON_FORMAT])


class NamedPlaceholderTests(EnglishAdminTestCase):
    def test_a_wording_keeping_the_named_placeholder_passes(self):
        self.assertEqual(problems(message("Hello %(name)s", flags=[PYTHON_FORMAT]), ["سلام %(name)s"], 2), [])

    def test_the_placeholders_may_move(self):
        source = message("%(name)s wrote %(title)s", flags=[PYTHON_FORMAT])
        self.assertEqual(problems(source, ["«%(title)s» نوشتهٔ %(name)s"], 2), [])

    def test_an_unknown_placeholder_is_refused_by_name(self):
        errors = problems(message("Hello %(name)s", flags=[PYTHON_FORMAT]), ["سلام %(nam)s"], 2)
        self.assertTrue(any("%(nam)s" in error for error in errors), errors)

    def test_a_lost_placeholder_is_refused(self):
        errors = problems(message("Hello %(name)s", flags=[PYTHON_FORMAT]), ["سلام"], 2)
        self.assertEqual(errors, ["Keep the placeholder %(name)s: the page fills it in."])

    def test_a_lone_percent_sign_is_refused_and_a_doubled_one_passes(self):
        source = message("%(share)s of readers", flags=[PYTHON_FORMAT])
        self.assertTrue(problems(source, ["%(share)s ٪ خوانندگان و ۵۰% دیگر"], 2))
        self.assertEqual(problems(source, ["%(share)s%% خوانندگان"], 2), [])

    def test_a_changed_conversion_is_refused(self):
        # "%(count)d" would fail when the code passes a text.
        errors = problems(message("%(count)s left", flags=[PYTHON_FORMAT]), ["%(count)d مانده"], 2)
        self.assertTrue(errors)

    def test_positional_placeholders_for_named_ones_are_refused(self):
        self.assertTrue(problems(message("Hello %(name)s", flags=[PYTHON_FORMAT]), ["سلام %s"], 2))

    def test_the_refusal_is_in_the_admin_language(self):
        with translation.override("fa"):
            errors = problems(message("Hello %(name)s", flags=[PYTHON_FORMAT]), ["سلام"], 2)
        self.assertNotIn("Keep the placeholder", errors[0])
        self.assertIn("%(name)s", errors[0])


class PositionalPlaceholderTests(EnglishAdminTestCase):
    def test_the_same_placeholders_in_the_same_order_pass(self):
        self.assertEqual(problems(message("%s of %d", flags=[PYTHON_FORMAT]), ["%s از %d"], 2), [])

    def test_another_number_or_order_is_refused(self):
        source = message("%s of %d", flags=[PYTHON_FORMAT])
        self.assertTrue(problems(source, ["%d از %s"], 2))
        self.assertTrue(problems(source, ["%s"], 2))
        self.assertTrue(problems(source, ["%s از %d و %s"], 2))


class BracePlaceholderTests(EnglishAdminTestCase):
    def test_the_fields_of_the_source_pass_in_any_order(self):
        source = message("The {name} “{obj}” was added.", flags=[BRACE_FORMAT])
        self.assertEqual(problems(source, ["{name} «{obj}» افزوده شد."], 2), [])

    def test_an_unknown_field_is_refused(self):
        errors = problems(message("{0} items", flags=[BRACE_FORMAT]), ["{1} مورد"], 2)
        self.assertTrue(any("{1}" in error for error in errors), errors)

    def test_an_unbalanced_brace_is_refused(self):
        self.assertTrue(problems(message("The {name} was added.", flags=[BRACE_FORMAT]), ["{name افزوده شد."], 2))

    def test_a_lost_field_is_refused(self):
        self.assertTrue(problems(message("The {name} was added.", flags=[BRACE_FORMAT]), ["افزوده شد."], 2))


class PluralTests(EnglishAdminTestCase):
    def test_each_form_is_checked_and_named(self):
        errors = problems(SAVED, ["%(count)s مقاله ذخیره شد.", "%(cuont)s مقاله ذخیره شد."], 2)
        self.assertEqual(len(errors), 1)
        self.assertTrue(errors[0].startswith("Form 2: "), errors)

    def test_a_form_may_leave_the_count_out(self):
        self.assertEqual(problems(SAVED, ["یک مقاله ذخیره شد.", "%(count)s مقاله ذخیره شد."], 2), [])

    def test_every_form_is_needed(self):
        self.assertEqual(problems(SAVED, ["%(count)s مقاله ذخیره شد."], 2), ["This message needs 2 forms."])
        errors = problems(SAVED, ["%(count)s مقاله ذخیره شد.", "  "], 2)
        self.assertTrue(errors[0].startswith("Form 2: Write the wording"), errors)


class HtmlTests(EnglishAdminTestCase):
    LINK = message('Read <a href="%(url)s">the <strong>guide</strong></a>.', flags=[PYTHON_FORMAT])

    def test_the_source_tags_in_another_place_pass(self):
        self.assertEqual(problems(self.LINK, ['<a href="%(url)s"><strong>راهنما</strong> را</a> بخوانید.'], 2), [])

    def test_a_new_tag_is_refused(self):
        errors = problems(self.LINK, ['<a href="%(url)s">the <strong>guide</strong></a><script>x()</script>'], 2)
        self.assertTrue(any("<script>" in error for error in errors), errors)

    def test_an_altered_attribute_is_refused(self):
        wording = '<a href="%(url)s" onclick="x()">the <strong>guide</strong></a>'
        self.assertTrue(problems(self.LINK, [wording], 2))

    def test_a_dropped_tag_is_refused(self):
        errors = problems(self.LINK, ['<a href="%(url)s">راهنما</a> را بخوانید.'], 2)
        self.assertIn("Keep the tag <strong> of the source.", errors)

    def test_tags_out_of_order_are_refused(self):
        errors = problems(self.LINK, ['<a href="%(url)s"><strong>راهنما</a></strong>'], 2)
        self.assertEqual(errors, ["The tags must open and close in order, as in the source."])

    def test_html_where_the_source_has_none_is_refused(self):
        self.assertTrue(problems(message("Save"), ["<img src=x onerror=alert(1)>ذخیره"], 2))
        self.assertTrue(problems(message("Save"), ["ذخیره <!-- x -->"], 2))

    def test_a_less_than_sign_as_text_passes(self):
        self.assertEqual(problems(message("Fewer than five"), ["کمتر از ۵ (< ۵)"], 2), [])

    def test_bidi_isolation_may_be_added(self):
        source = message("The {name} “{obj}” was added.", flags=[BRACE_FORMAT])
        self.assertEqual(problems(source, ["{name} «<bdi>{obj}</bdi>» افزوده شد."], 2), [])


class TemplateTextTests(EnglishAdminTestCase):
    """A template's {% translate %} text has its percent signs doubled, and keeps them doubled."""

    HELP = message("Keep %%(name)s and 100%% as they are.", flags=[PYTHON_FORMAT])

    def test_doubled_percent_signs_pass(self):
        self.assertEqual(problems(self.HELP, ["%%(name)s و ۱۰۰%% را نگه دارید."], 2), [])

    def test_a_placeholder_where_the_source_has_none_is_refused(self):
        errors = problems(self.HELP, ["%(name)s و ۱۰۰%% را نگه دارید."], 2)
        self.assertEqual(errors, ["This message has no placeholders: write a percent sign as %%."])


class TextTests(EnglishAdminTestCase):
    def test_an_empty_wording_is_refused(self):
        self.assertTrue(problems(message("Save"), [""], 2))

    def test_a_control_character_is_refused(self):
        self.assertEqual(problems(message("Save"), ["ذخیره\x00"], 2), ["The wording contains a control character."])

    def test_a_message_without_placeholders_takes_any_plain_wording(self):
        self.assertEqual(problems(message("Save"), ["ذخیره ۱۰۰٪"], 2), [])


class ProjectCatalogueTests(EnglishAdminTestCase):
    def test_every_translation_in_the_catalogue_passes_the_checks(self):
        """No false alarm: what the developers' catalogue says could be saved again as it is."""
        catalogue = load("fa")
        refused = {
            message.msgid: problems(message, list(message.translations), catalogue.nplurals)
            for message in catalogue.messages
            if message.translated
        }
        self.assertEqual({msgid: errors for msgid, errors in refused.items() if errors}, {})
        self.assertGreater(len(refused), 400)
