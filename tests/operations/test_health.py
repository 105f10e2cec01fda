"""The health probes a load balancer asks every app server: /healthz (alive) and /readyz (able to serve)."""

import json
import time
import xml.etree.ElementTree as ET

from django.core.cache.backends.base import BaseCache
from django.test import SimpleTestCase, TestCase, override_settings

from tests.factories import make_article
from tests.services import RedisServer, free_port

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def unreachable_redis() -> dict:
    """A cache setting naming a loopback port nothing listens on."""
    return {
        "default": {
            "BACKEND": "newsroom.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }


class ForbiddenCache(BaseCache):
    """A cache that fails the test when anything reads or writes it."""

    def __init__(self, location, params):
        super().__init__(params)

    def add(self, *args, **kwargs):
        raise AssertionError("liveness used the cache")

    get = set = delete = touch = has_key = incr = get_many = set_many = add

    def clear(self):
        pass


class LivenessTests(SimpleTestCase):
    """SimpleTestCase: any database query would fail the test."""

    def test_a_live_process_answers_200_and_touches_nothing(self):
        forbidden = {"default": {"BACKEND": f"{__name__}.ForbiddenCache"}}
        with override_settings(CACHES=forbidden):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(json.loads(response.content), {"status": "ok"})


class ProbeTests(SimpleTestCase):
    databases = {"default"}  # readiness opens a connection of its own; nothing is written

    def test_probes_are_never_stored_or_indexed(self):
        for path in ("/healthz", "/readyz"):
            with self.subTest(path), override_settings(PAGE_CACHE_SECONDS=300):
                response = self.client.get(path)
                self.assertIn("no-store", response["Cache-Control"])
                self.assertEqual(response["X-Robots-Tag"], "noindex")
                self.assertFalse(response.has_header("X-Page-Cache"))
                self.assertNotIn("Set-Cookie", response.headers)

    def test_a_load_balancer_probing_by_address_over_http_is_answered(self):
        """Not refused as an unknown host, not redirected to HTTPS: probes name the server by its address."""
        with override_settings(ALLOWED_HOSTS=["news.example.org"], SECURE_SSL_REDIRECT=True):
            self.assertEqual(self.client.get("/en/", HTTP_HOST="10.0.0.12:8000").status_code, 400)
            for path in ("/healthz", "/readyz"):
                self.assertEqual(self.client.get(path, HTTP_HOST="10.0.0.12:8000").status_code, 200, path)

    def test_only_reading_is_allowed(self):
        self.assertEqual(self.client.post("/healthz").status_code, 405)
        self.assertEqual(self.client.post("/readyz").status_code, 405)
        self.assertEqual(self.client.head("/readyz").status_code, 200)


class ReadinessTests(SimpleTestCase):
    databases = {"default"}

    def readiness(self) -> tuple[int, dict]:
        response = self.client.get("/readyz")
        return response.status_code, json.loads(response.content)

    def unready(self) -> tuple[int, dict]:
        """Ask for readiness expecting a failure, which the operator is told about in the log."""
        with self.assertLogs(level="WARNING") as logs:
            answer = self.readiness()
        self.assertTrue([line for line in logs.output if "operations.health" in line], logs.output)
        return answer

    def test_ready_when_the_database_and_the_cache_answer(self):
        status, body = self.readiness()
        self.assertEqual(status, 200)
        self.assertEqual(body["status"], "ok")
        statuses = {name: check["status"] for name, check in body["checks"].items()}
        self.assertEqual(statuses, {"database": "ok", "cache": "ok"})

    def test_an_unreachable_redis_makes_the_server_unready_naming_the_cache(self):
        with override_settings(CACHES=unreachable_redis()):
            status, body = self.unready()
        self.assertEqual(status, 503)
        self.assertEqual(body["status"], "unavailable")
        self.assertEqual(body["checks"]["cache"]["status"], "unavailable")
        self.assertEqual(body["checks"]["database"]["status"], "ok")

    def test_a_hung_redis_is_reported_within_the_deadline(self):
        """Redis frozen (SIGSTOP): the kernel accepts the connection and nothing answers."""
        with RedisServer() as redis:
            redis.pause()
            with override_settings(CACHES=redis.cache_settings()):
                started = time.monotonic()
                status, body = self.unready()
                elapsed = time.monotonic() - started
        self.assertEqual(status, 503)
        self.assertEqual(body["checks"]["cache"]["status"], "unavailable")
        self.assertEqual(body["checks"]["database"]["status"], "ok")
        # Without the deadline the probe would wait as long as Redis stays frozen.
        self.assertLess(elapsed, 5)


class HealthAddressesInDiscoveryTests(TestCase):
    def test_the_probes_are_not_in_any_sitemap(self):
        make_article()
        index = ET.fromstring(self.client.get("/sitemap.xml").content)
        locations = []
        for sitemap in index.iter(f"{SITEMAP}loc"):
            section = ET.fromstring(self.client.get(sitemap.text.removeprefix("http://testserver")).content)
            locations += [loc.text for loc in section.iter(f"{SITEMAP}loc")]
        self.assertTrue(any("/en/" in location for location in locations), "the sitemaps list the article")
        self.assertFalse([location for location in locations if location.endswith(("/healthz", "/readyz"))])
