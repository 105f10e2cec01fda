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

    def test_the_search_page_needs_no_container_of_its_own(self):
        # It sits in the shared .wrap container (tests/search); no rule may pull it out to the edges.
        self.assertNotRegex(self.css, r"\.search-page\s*\{[^}]*(?:inline-size|margin-inline)")


ADMIN_STYLESHEET = settings.BASE_DIR / "static" / "admin_newsroom" / "newsroom_admin.css"


def declarations(css: str, selector: str) -> dict[str, list[str]]:
    """Return {property: [values]} of the rules whose selector list includes the selector."""
    found: dict[str, list[str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)):
        if selector in (part.strip() for part in selectors.split(",")):
            for prop, value in re.findall(r"([\w-]+)\s*:\s*([^;]+)", body):
                found.setdefault(prop, []).append(value.strip())
    return found


class AdminStylesheetTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.css = ADMIN_STYLESHEET.read_text(encoding="utf-8")

    def test_wide_text_inputs_take_a_full_line_but_never_overflow(self):
        rule = declarations(self.css, "input.vWideTextField")
        self.assertEqual(rule["inline-size"], ["48em"])  # Django's own large-field width, not its 20em
        self.assertEqual(rule["max-inline-size"], ["100%"])
        self.assertEqual(rule["box-sizing"], ["border-box"])

    def test_the_body_editor_opens_about_eighteen_lines_tall(self):
        heights = declarations(self.css, ".prose-editor .ProseMirror")["min-block-size"]
        lines = [float(value.removesuffix("lh")) for value in heights if value.endswith("lh")]
        self.assertEqual(len(lines), 1, heights)
        self.assertTrue(16 <= lines[0] <= 20, heights)
        # Browsers without the lh unit read the line-height-based fallback declared before it.
        self.assertEqual(heights[0], f"{lines[0] * 1.5:g}em")
