import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.core.cache import cache
from django.test import SimpleTestCase, override_settings
from redis import Redis

from tests.factories import make_article
from tests.pagecache.test_page_cache import PageCacheTestCase

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REDIS_CACHE = {
    "default": {
        "BACKEND": "newsroom.redis_cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"newsroom-test-{uuid.uuid4().hex[:8]}",
    }
}


@override_settings(CACHES=REDIS_CACHE)
class RedisPageCacheTests(PageCacheTestCase):
    """The page cache on Redis, as every app server shares it in production (fails if Redis is down)."""

    def setUp(self):
        Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()  # a clear error when Redis is missing
        super().setUp()

    def test_the_cache_in_use_is_redis(self):
        from django.core.cache.backends.redis import RedisCacheClient

        self.assertIsInstance(cache._cache, RedisCacheClient)

    def test_pages_are_stored_in_and_invalidated_through_redis(self):
        article = make_article(headline_en="On Redis")
        self.assertEqual(self.get(article.url_in("en"))["X-Page-Cache"], "miss")
        self.assertEqual(self.get(article.url_in("en"))["X-Page-Cache"], "hit")
        self.edit(article, headline_en="Still on Redis")
        response = self.get(article.url_in("en"))
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "Still on Redis")


class StorageConfigurationTests(SimpleTestCase):
    """Media goes to an S3-compatible store when a bucket is configured, to local files otherwise."""

    def storage_in(self, **env):
        environment = {**os.environ, "DEBUG": "1", **env}
        code = (
            "from django.core.files.storage import storages; s = storages['default'];"
            "print(type(s).__module__, type(s).__name__, getattr(s, 'bucket_name', ''),"
            " getattr(s, 'endpoint_url', ''), getattr(s, 'file_overwrite', ''))"
        )
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.strip().splitlines()[-1].split()

    def test_local_files_by_default(self):
        self.assertEqual(self.storage_in()[:2], ["django.core.files.storage.filesystem", "FileSystemStorage"])

    def test_an_s3_compatible_bucket_when_configured(self):
        module, name, bucket, endpoint, overwrite = self.storage_in(
            AWS_STORAGE_BUCKET_NAME="newsroom-media",
            AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
            AWS_ACCESS_KEY_ID="test",
            AWS_SECRET_ACCESS_KEY="test",
        )
        self.assertEqual((module, name), ("storages.backends.s3", "S3Storage"))
        self.assertEqual(bucket, "newsroom-media")
        self.assertEqual(endpoint, "http://127.0.0.1:9000")
        self.assertEqual(overwrite, "False")
