"""The one stylesheet serves both directions: logical properties only, dark and print included, fonts our own."""

import re

from django.conf import settings
from django.test import SimpleTestCase

STYLESHEET = settings.BASE_DIR / "static" / "css" / "site.css"


class StylesheetTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.css = STYLESHEET.read_text(encoding="utf-8")

    def test_layout_uses_logical_properties_so_rtl_mirrors_it(self):
        physical = re.findall(
            r"(?:margin|padding|border)-(?:left|right)\b|(?<![-\w])(?:left|right)\s*:|text-align:\s*(?:left|right)|"
            r"float:\s*(?:left|right)",
            self.css,
        )
        self.assertEqual(physical, [])

    def test_there_is_no_separate_rtl_stylesheet(self):
        sheets = sorted(path.name for path in STYLESHEET.parent.glob("*.css"))
        self.assertEqual(sheets, ["site.css"])

    def test_dark_mode_and_print_are_styled(self):
        self.assertIn("@media (prefers-color-scheme: dark)", self.css)
        self.assertIn("@media print", self.css)

    def test_the_persian_font_is_served_from_our_static_files(self):
        font = re.search(r'src: url\("([^"]+)"\)', self.css).group(1)
        self.assertTrue((STYLESHEET.parent / font).resolve().is_file())
        self.assertNotRegex(self.css, r"url\(\s*[\"']?https?:")
        self.assertIn("font-display: swap", self.css)
        self.assertTrue((settings.BASE_DIR / "static" / "fonts" / "Vazirmatn-OFL.txt").is_file())
