"""The site's icon at /favicon.ico, the address every browser asks for whatever the page links."""

import io

from django.test import TestCase
from PIL import Image


class FaviconTests(TestCase):
    def test_browsers_get_a_real_icon_at_the_root_address(self):
        response = self.client.get("/favicon.ico")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/vnd.microsoft.icon")
        with Image.open(io.BytesIO(response.content)) as icon:
            self.assertEqual(icon.format, "ICO")
            self.assertLessEqual({(16, 16), (32, 32)}, icon.info["sizes"], "sharp in a tab and on a high-DPI screen")

    def test_the_icon_is_cached_for_a_long_time(self):
        cache_control = self.client.get("/favicon.ico")["Cache-Control"]
        self.assertIn("public", cache_control)
        max_age = int(cache_control.split("max-age=")[1].split(",")[0])
        self.assertGreaterEqual(max_age, 7 * 24 * 60 * 60)

    def test_the_icon_has_no_language_and_is_not_redirected(self):
        self.assertEqual(self.client.get("/favicon.ico", headers={"accept-language": "fa"}).status_code, 200)
        self.assertEqual(self.client.get("/fa/favicon.ico").status_code, 404)

    def test_only_reading_is_allowed(self):
        self.assertEqual(self.client.head("/favicon.ico").status_code, 200)
        self.assertEqual(self.client.post("/favicon.ico").status_code, 405)
