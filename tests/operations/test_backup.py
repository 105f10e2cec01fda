"""
Backup and restore as an operator runs them: `manage.py backup` on a working site, `manage.py restore`
into an empty database of the same kind (the suite's: SQLite or PostgreSQL) with an empty media folder,
then the restored site read back as a reader sees it.
"""

import io
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.core.cache import cache
from django.test import TestCase, override_settings

from pagecache.tokens import forget_local_pages
from tests.factories import make_article
from tests.installation import Installation, suite_uses_postgres
from tests.pages import Page
from tests.services import RedisServer, free_port

CREATE_CONTENT = """
import io, json
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from tests.factories import make_author, make_pictured_article, make_series

def jpeg(name, colour):
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), colour).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")

author = make_author(name_en="Maryam Karimi", name_fa="مریم کریمی", avatar=jpeg("maryam.jpg", "navy"))
series = make_series(title_en="Rivers in retreat", cover=jpeg("rivers.jpg", "olive"))
article = make_pictured_article(
    headline_en="The dam that ran dry", headline_fa="سدی که خشک شد", authors=[author], series=series, part=1,
    image=jpeg("dam.jpg", "teal"),
)
print(json.dumps({
    "article": article.pk, "url_en": article.url_in("en"), "url_fa": article.url_in("fa"),
    "image": article.image.name, "author": author.pk, "avatar": author.avatar.name,
    "series": series.pk, "cover": series.cover.name,
}))
"""

READ_ARTICLE = """
import json
from django.test import Client
from articles.models import Article

article = Article.objects.get(pk={pk})
client = Client()
pages = {{language: client.get(article.url_in(language)) for language in ("en", "fa")}}
print(json.dumps({{
    "headline_en": article.headline_en, "headline_fa": article.headline_fa, "image": article.image.name,
    "renditions": article.image_renditions, "authors": [author.name_en for author in article.authors.all()],
    "pages": {{language: [page.status_code, page.content.decode()] for language, page in pages.items()}},
}}))
"""

TABLES = """
import json
from django.db import connection
print(json.dumps(connection.introspection.table_names()))
"""


def media_files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


class BackupAndRestoreTests(TestCase):
    """A newsroom with an article (featured image and renditions), an author's avatar and a series cover."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.folder = Path(tempfile.mkdtemp(prefix="newsroom-ops-archives-"))
        cls.addClassCleanup(shutil.rmtree, cls.folder, ignore_errors=True)
        cls.source = cls.installation("source")
        cls.source.manage("migrate", "--noinput")
        cls.content = cls.source.python(CREATE_CONTENT)
        cls.backup = cls.source.run("backup", str(cls.folder))
        assert cls.backup.returncode == 0, cls.backup.stderr
        cls.archive = Path(cls.backup.stdout.strip().splitlines()[-1])
        cls.target = cls.installation("restore")
        cls.restore = cls.target.run("restore", str(cls.archive))

    @classmethod
    def installation(cls, purpose: str) -> Installation:
        installation = Installation(purpose)
        cls.addClassCleanup(installation.close)
        return installation

    def manifest(self, archive: Path) -> dict:
        with tarfile.open(archive) as opened:
            return json.load(opened.extractfile("manifest.json"))

    def restored_article(self) -> dict:
        return self.target.python(READ_ARTICLE.format(pk=self.content["article"]))

    # The backup ----------------------------------------------------------------------------------

    def test_the_backup_is_one_archive_readable_by_its_owner_only(self):
        self.assertEqual(self.archive.parent, self.folder)
        self.assertRegex(self.archive.name, r"^newsroom-backup-\d{8}T\d{6}Z\.tar$")
        self.assertEqual(self.archive.stat().st_mode & 0o777, 0o600)
        self.assertEqual(list(self.folder.glob("*.partial")), [], "the unfinished name is gone")

    def test_the_manifest_ties_the_dump_to_the_media_it_refers_to(self):
        manifest = self.manifest(self.archive)
        self.assertEqual(manifest["engine"], "postgresql" if suite_uses_postgres() else "sqlite")
        self.assertIn("articles.0001_articles_sections_tags", manifest["migrations"])
        names = {entry["name"] for entry in manifest["media"]}
        self.assertTrue({self.content["image"], self.content["avatar"], self.content["cover"]} <= names, sorted(names))
        self.assertEqual(names, set(media_files(self.source.media)), "every file referred to, nothing else")
        self.assertEqual(manifest["missing_media"], [])

    def test_a_file_missing_from_storage_is_named_in_the_manifest_and_reported(self):
        cover = self.source.media / self.content["cover"]
        kept = cover.read_bytes()
        cover.unlink()
        try:
            result = self.source.run("backup", str(self.folder / "without-cover.tar"))
        finally:
            cover.write_bytes(kept)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"Missing from storage, not in the backup: {self.content['cover']}", result.stderr)
        manifest = self.manifest(self.folder / "without-cover.tar")
        self.assertEqual(
            manifest["missing_media"],
            [{"name": self.content["cover"], "referenced_by": [f"series.Series {self.content['series']} cover"]}],
        )
        self.assertNotIn(self.content["cover"], {entry["name"] for entry in manifest["media"]})

    # The restore ---------------------------------------------------------------------------------

    def test_the_restore_into_an_empty_database_succeeds_and_checks_the_media(self):
        self.assertEqual(self.restore.returncode, 0, self.restore.stderr)
        self.assertIn("Every media file the database refers to is in storage.", self.restore.stdout)
        self.assertIn("Every cached page is stale now.", self.restore.stdout)

    def test_the_restored_site_shows_the_same_article_in_both_languages(self):
        article = self.restored_article()
        self.assertEqual((article["headline_en"], article["headline_fa"]), ("The dam that ran dry", "سدی که خشک شد"))
        self.assertEqual(article["authors"], ["Maryam Karimi"])
        for language, headline in (("en", "The dam that ran dry"), ("fa", "سدی که خشک شد")):
            status, html = article["pages"][language]
            self.assertEqual(status, 200)
            page = Page(type("Response", (), {"content": html.encode()})())
            self.assertEqual(page.text("h1"), headline)
            self.assertTrue(page.select("picture img"), "the featured image is on the page")

    def test_every_media_file_is_back_byte_for_byte(self):
        article = self.restored_article()
        self.assertEqual(article["image"], self.content["image"])
        restored = media_files(self.target.media)
        self.assertEqual(restored, media_files(self.source.media))
        og_image = article["renditions"]["og"][2]
        self.assertIn(og_image, restored)

    def test_a_second_restore_into_the_now_full_database_is_refused(self):
        refused = self.target.run("restore", str(self.archive))
        self.assertEqual(refused.returncode, 1)
        self.assertIn("is not empty", refused.stderr)
        self.assertIn("--force", refused.stderr)
        self.assertEqual(self.restored_article()["headline_en"], "The dam that ran dry")

    def test_the_media_check_reports_a_deleted_file(self):
        avatar = self.target.media / self.content["avatar"]
        kept = avatar.read_bytes()
        avatar.unlink()
        try:
            checked = self.target.run("check_media")
        finally:
            avatar.write_bytes(kept)
        files = len(self.manifest(self.archive)["media"])
        self.assertEqual(checked.returncode, 1)
        owner = f"authors.Author {self.content['author']}, avatar"
        self.assertIn(f"Missing: {self.content['avatar']} ({owner})", checked.stdout)
        self.assertIn(f"1 of {files} referenced media file(s) are missing", checked.stderr)
        self.assertIn(f"All {files} referenced media file(s) are in storage.", self.target.manage("check_media"))

    def test_a_damaged_archive_is_refused_before_anything_is_written(self):
        damaged = self.folder / "damaged.tar"
        shutil.copy(self.archive, damaged)
        with tarfile.open(damaged) as opened:
            member = opened.getmember("media/" + self.content["image"])
        with damaged.open("r+b") as raw:
            raw.seek(member.offset_data + 100)
            byte = raw.read(1)
            raw.seek(member.offset_data + 100)
            raw.write(bytes([byte[0] ^ 0xFF]))
        empty = self.installation("damaged")
        refused = empty.run("restore", str(damaged))
        self.assertEqual(refused.returncode, 1)
        self.assertIn(f"damaged: media/{self.content['image']} does not match its checksum", refused.stderr)
        self.assertEqual(empty.python(TABLES), [])
        self.assertEqual(media_files(empty.media), {})

    def test_a_backup_from_newer_code_is_refused(self):
        newer = self.folder / "newer.tar"
        with tarfile.open(self.archive) as original, tarfile.open(newer, "w") as copy:
            for member in original.getmembers():
                content = original.extractfile(member).read()
                if member.name == "manifest.json":
                    manifest = json.loads(content)
                    manifest["migrations"].append("articles.9999_from_the_future")
                    content = json.dumps(manifest).encode()
                    member.size = len(content)
                copy.addfile(member, io.BytesIO(content))
        empty = self.installation("newer")
        refused = empty.run("restore", str(newer))
        self.assertEqual(refused.returncode, 1)
        self.assertIn("made by newer code", refused.stderr)
        self.assertIn("articles.9999_from_the_future", refused.stderr)
        self.assertEqual(empty.python(TABLES), [])

    def test_a_restore_with_the_cache_unreachable_completes_and_says_what_that_means(self):
        restored = self.target.run(
            "restore", "--force", str(self.archive), env={"REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"}
        )
        self.assertEqual(restored.returncode, 0, restored.stderr)
        self.assertIn("The page cache could not be reached", restored.stderr)
        self.assertNotIn("Every cached page is stale now.", restored.stdout)
        self.assertEqual(self.restored_article()["headline_en"], "The dam that ran dry")

    def test_pages_cached_before_a_restore_are_stale_after_it(self):
        """The shared cache may hold pages newer than the backup: after the restore no app server serves them."""
        with RedisServer() as redis, override_settings(CACHES=redis.cache_settings(), PAGE_CACHE_SECONDS=300):
            forget_local_pages()
            cache.clear()
            article = make_article()
            self.client.get(article.url_in("en"))
            self.assertEqual(self.client.get(article.url_in("en"))["X-Page-Cache"], "hit")
            restored = self.target.run("restore", "--force", str(self.archive), env={"REDIS_URL": redis.url})
            self.assertEqual(restored.returncode, 0, restored.stderr)
            self.assertIn("Every cached page is stale now.", restored.stdout)
            # This process is another app server: it rereads the generation within GENERATION_POLL.
            self.assertEqual(self.client.get(article.url_in("en"))["X-Page-Cache"], "miss")
