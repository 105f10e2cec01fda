"""
The CDN adapters against their APIs' recorded contracts (no network): a local server checks method, path,
headers and body as Fastly and Cloudflare document them, and answers as they do.

Fastly: POST /service/{service_id}/purge, Fastly-Key: <token>, {"surrogate_keys": [...]}, at most 256 keys;
answers 200 with a purge id per key. Cloudflare: POST /client/v4/zones/{zone_id}/purge_cache,
Authorization: Bearer <token>, {"tags": [...]}, at most 100 tags; answers {"success": true, ...}.
"""

from django.core.exceptions import ImproperlyConfigured
from django.test import Client, SimpleTestCase, override_settings

from edge.apps import EdgeConfig
from edge.purgers import CloudflarePurger, FastlyPurger, PurgeFailed, VarnishPurger, configured_purger
from tests.edge.contract import ContractServer
from tests.factories import make_article
from tests.pagecache.test_page_cache import PageCacheTestCase

KEYS = [f"article:{number}" for number in range(300)] + ["home", "section:3"]


def fastly_api(received):
    keys = received.json()["surrogate_keys"]
    return 200, {key: f"{index}-purge-id" for index, key in enumerate(keys)}


def cloudflare_api(received):
    return 200, {"success": True, "errors": [], "messages": [], "result": {"id": "023e105f4ecef8ad9ca31a8372d0c353"}}


class FastlyContractTests(SimpleTestCase):
    def purge(self, keys, answer=fastly_api):
        with ContractServer(answer) as api:
            purger = FastlyPurger(api_url=api.url, token="fastly-token", service_id="SU1Z0isxPaozGVKXdv0eY", timeout=2)
            sent = purger.purge(keys)
        return sent, api.received

    def test_keys_are_purged_in_batches_of_256_with_the_token_in_fastly_key(self):
        sent, received = self.purge(KEYS)
        self.assertEqual(sent, 2)
        for request in received:
            self.assertEqual((request.method, request.path), ("POST", "/service/SU1Z0isxPaozGVKXdv0eY/purge"))
            self.assertEqual(request.headers["fastly-key"], "fastly-token")
            self.assertEqual(request.headers["content-type"], "application/json")
            self.assertEqual(request.headers["accept"], "application/json")
            self.assertNotIn("authorization", request.headers)
        batches = [request.json()["surrogate_keys"] for request in received]
        self.assertEqual([len(batch) for batch in batches], [256, 46])
        self.assertEqual(sorted(batches[0] + batches[1]), sorted(KEYS))

    def test_a_refused_purge_raises_naming_the_answer(self):
        with self.assertRaisesMessage(PurgeFailed, "answered 401"):
            self.purge(["home"], answer=lambda received: (401, {"msg": "Provided credentials are missing or invalid"}))

    def test_an_unreachable_api_raises(self):
        purger = FastlyPurger(api_url="http://127.0.0.1:9", token="t", service_id="s", timeout=1)
        with self.assertRaises(PurgeFailed):
            purger.purge(["home"])


class CloudflareContractTests(SimpleTestCase):
    def purge(self, keys, answer=cloudflare_api):
        with ContractServer(answer) as api:
            purger = CloudflarePurger(api_url=api.url, token="cf-token", zone_id="023e105f4ecef8ad9ca31a8372d0c353",
                                      timeout=2)  # fmt: skip
            sent = purger.purge(keys)
        return sent, api.received

    def test_tags_are_purged_in_batches_of_100_with_a_bearer_token(self):
        sent, received = self.purge(KEYS)
        self.assertEqual(sent, 4)
        for request in received:
            self.assertEqual(
                (request.method, request.path),
                ("POST", "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache"),
            )
            self.assertEqual(request.headers["authorization"], "Bearer cf-token")
            self.assertEqual(request.headers["content-type"], "application/json")
            self.assertEqual(set(request.json()), {"tags"})
        batches = [request.json()["tags"] for request in received]
        self.assertEqual([len(batch) for batch in batches], [100, 100, 100, 2])
        self.assertEqual(sorted(sum(batches, [])), sorted(KEYS))

    def test_an_answer_without_success_raises_with_cloudflares_errors(self):
        refusal = {"success": False, "errors": [{"code": 1134, "message": "Purge by tag is not allowed"}],
                   "messages": [], "result": None}  # fmt: skip
        with self.assertRaisesMessage(PurgeFailed, "Purge by tag is not allowed"):
            self.purge(["home"], answer=lambda received: (200, refusal))

    def test_a_rate_limited_purge_raises(self):
        limited = {"success": False, "errors": [{"code": 10000, "message": "rate limited"}]}
        with self.assertRaisesMessage(PurgeFailed, "answered 429"):
            self.purge(["home"], answer=lambda received: (429, limited))


class VarnishPurgerTests(SimpleTestCase):
    def test_every_varnish_is_sent_the_keys_in_an_xkey_purge_header(self):
        with (
            ContractServer(lambda r: (200, "Purged 2")) as first,
            ContractServer(lambda r: (200, "Purged 0")) as second,
        ):
            sent = VarnishPurger(urls=[first.url, second.url + "/"], timeout=2).purge(["home", "article:4", "home"])
        self.assertEqual(sent, 2)
        for api in (first, second):
            (request,) = api.received
            self.assertEqual((request.method, request.path), ("PURGE", "/"))
            self.assertEqual(request.headers["xkey-purge"], "article:4 home")

    def test_one_varnish_down_fails_the_purge_after_purging_the_others(self):
        with ContractServer(lambda r: (200, "Purged 1")) as up:
            with self.assertRaisesMessage(PurgeFailed, "127.0.0.1:9"):
                VarnishPurger(urls=["http://127.0.0.1:9", up.url], timeout=1).purge(["home"])
        self.assertEqual(len(up.received), 1)


class ConfigurationTests(SimpleTestCase):
    def test_the_edge_is_off_by_default(self):
        self.assertIsNone(configured_purger())

    @override_settings(EDGE_PURGER="akamai")
    def test_an_unknown_purger_stops_the_start_naming_the_setting(self):
        with self.assertRaisesMessage(ImproperlyConfigured, "EDGE_PURGER='akamai'"):
            EdgeConfig("edge", __import__("edge")).ready()

    @override_settings(EDGE_PURGER="fastly", FASTLY_API_TOKEN="", FASTLY_SERVICE_ID="s")
    def test_a_missing_token_stops_the_start_naming_the_variable(self):
        with self.assertRaisesMessage(ImproperlyConfigured, "FASTLY_API_TOKEN must be set"):
            EdgeConfig("edge", __import__("edge")).ready()

    @override_settings(EDGE_PURGER="varnish", EDGE_VARNISH_URLS=[])
    def test_varnish_needs_its_addresses(self):
        with self.assertRaisesMessage(ImproperlyConfigured, "EDGE_VARNISH_URLS must be set"):
            EdgeConfig("edge", __import__("edge")).ready()

    @override_settings(EDGE_PURGER="cloudflare", CLOUDFLARE_API_TOKEN="t", CLOUDFLARE_ZONE_ID="z")
    def test_the_configured_purger_is_built_from_the_settings(self):
        purger = configured_purger()
        self.assertIsInstance(purger, CloudflarePurger)
        self.assertEqual(purger.endpoint, "https://api.cloudflare.com/client/v4/zones/z/purge_cache")


CLOUDFLARE = {"EDGE_PURGER": "cloudflare", "CLOUDFLARE_API_TOKEN": "t", "CLOUDFLARE_ZONE_ID": "z"}


class KeysHeaderTests(PageCacheTestCase):
    @override_settings(PAGE_CACHE_SECONDS=300, **CLOUDFLARE)
    def test_cloudflare_is_told_a_pages_keys_in_cache_tag(self):
        article = make_article()
        for _request in range(2):  # rendered, then from the page cache
            response = Client().get(article.url_in("en"))
            self.assertEqual(response["Cache-Tag"].split(","), response["Surrogate-Key"].split())
            self.assertIn(f"article:{article.pk}", response["Cache-Tag"].split(","))

    @override_settings(PAGE_CACHE_SECONDS=300, EDGE_PURGER="varnish", EDGE_VARNISH_URLS=["http://127.0.0.1:6081"])
    def test_other_edges_read_surrogate_key_alone(self):
        response = Client().get(make_article().url_in("en"))
        self.assertIn("Surrogate-Key", response)
        self.assertNotIn("Cache-Tag", response)
