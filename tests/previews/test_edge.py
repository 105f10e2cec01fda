"""
Through the reference edge for real (varnishd running deploy/varnish/newsroom.vcl in front of gunicorn):
a partner's preview is fetched from the app every time, so revoking its link stops it at once.

Fails (never skips) when varnishd or the xkey vmod is missing, as tests/edge does.
"""

import urllib.error
import urllib.request

from django.test import SimpleTestCase

from tests.appserver import AppServer
from tests.services import VarnishServer

WORLD = """
import json
from datetime import timedelta
from django.utils import timezone
from previews.services import create_preview_link
from tests.factories import make_article, make_user
editor = make_user("editor", groups=["Editor"], is_staff=True)
draft = make_article(published_ago=None, headline_en="The embargoed report")
link = create_preview_link(article=draft, language="en", expires_at=timezone.now() + timedelta(days=1), by=editor)
published = make_article(headline_en="A report readers can see")
print(json.dumps({"link": link.pk, "preview": link.get_absolute_url(), "public": draft.url_in("en"),
                  "published": published.url_in("en")}))
"""

REVOKE = """
import json
from django.contrib.auth import get_user_model
from previews.models import PreviewLink
from previews.services import revoke_preview_link
link = PreviewLink.objects.get(pk={pk})
print(json.dumps(revoke_preview_link(link=link, by=get_user_model().objects.get(username="editor"))))
"""


def get(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


class PreviewThroughTheEdgeTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = AppServer(workers=1, env={"PAGE_CACHE_SECONDS": "300"})
        cls.varnish = VarnishServer(backend_port=cls.server.port)
        cls.addClassCleanup(cls.varnish.close)
        cls.server.__enter__()
        cls.addClassCleanup(cls.server.stop)
        cls.varnish.start()
        cls.world = cls.server.python(WORLD)

    def test_the_edge_never_keeps_a_preview_and_a_revoked_link_stops_at_once(self):
        url = self.varnish.url + self.world["preview"]
        first, second = get(url), get(url)
        for status, headers, body in (first, second):
            self.assertEqual(status, 200, body[:2000])
            self.assertEqual(headers["X-Cache"], "MISS")
            self.assertIn("The embargoed report", body)
        self.assertTrue(self.server.python(REVOKE.replace("{pk}", str(self.world["link"]))))
        status, headers, body = get(url)
        self.assertEqual((status, headers["X-Cache"]), (410, "MISS"))
        self.assertNotIn("The embargoed report", body)
        self.assertEqual(get(self.varnish.url + self.world["public"])[0], 404)

    def test_a_readers_page_is_still_kept_by_the_edge(self):
        url = self.varnish.url + self.world["published"]
        for _attempt in range(3):
            status, headers, _body = get(url)
            self.assertEqual(status, 200)
            if headers["X-Cache"] == "HIT":
                return
        self.fail(f"a reader's page is never kept by the edge: {headers}")
