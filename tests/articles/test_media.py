"""
core/media.py with real commits and rollbacks (TestCase never commits, so these use TransactionTestCase):
a save's new files live or die with its transaction, and the files it replaces go only once it has committed.
"""

import os
import shutil
import tempfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import TransactionTestCase, override_settings

from articles.models import Article
from core import media
from core.renditions import rendition_names
from tests.factories import image_upload, make_pictured_article
from tests.tasks import run_queued_tasks


class MediaTransactionTests(TransactionTestCase):
    def setUp(self):
        self.media_root = tempfile.mkdtemp(prefix="newsroom-media-transactions-")
        self.addCleanup(shutil.rmtree, self.media_root, ignore_errors=True)
        media_root = override_settings(MEDIA_ROOT=self.media_root)
        media_root.enable()
        self.addCleanup(media_root.disable)
        self.article = make_pictured_article(image=image_upload("first.jpg"))
        self.first = Article.objects.get(pk=self.article.pk)

    def stored_files(self) -> set[str]:
        return {
            os.path.relpath(os.path.join(folder, name), self.media_root)
            for folder, _dirs, names in os.walk(self.media_root)
            for name in names
        }

    def replace_image(self) -> None:
        self.article.image = ContentFile(image_upload("second.jpg").read(), name="second.jpg")
        self.article.save()

    def test_a_committed_save_keeps_its_new_files_and_then_deletes_the_replaced_renditions(self):
        self.assertTrue(rendition_names(self.first.image_renditions))
        self.replace_image()
        self.assertFalse(any(default_storage.exists(name) for name in rendition_names(self.first.image_renditions)))
        self.assertEqual(run_queued_tasks(), 1)  # the new image's renditions, made by the worker after the commit
        article = Article.objects.get(pk=self.article.pk)
        self.assertIn("second", article.image.name)
        self.assertTrue(rendition_names(article.image_renditions))
        self.assertTrue(all(default_storage.exists(name) for name in rendition_names(article.image_renditions)))
        self.assertFalse(any(default_storage.exists(name) for name in rendition_names(self.first.image_renditions)))
        self.assertTrue(default_storage.exists(self.first.image.name), "the history may restore the old image")

    def test_a_transaction_rolled_back_without_an_error_takes_its_new_files_with_it(self):
        before = self.stored_files()
        with media.atomic():
            self.replace_image()
            transaction.set_rollback(True)
        self.assertEqual(self.stored_files(), before)
        self.assertEqual(Article.objects.get(pk=self.article.pk).image_renditions, self.first.image_renditions)

    def test_an_error_inside_the_transaction_removes_the_new_files_and_keeps_the_old(self):
        before = self.stored_files()
        with self.assertRaises(RuntimeError), media.atomic():
            self.replace_image()
            raise RuntimeError("a later step of the same save failed")
        self.assertEqual(self.stored_files(), before)

    def test_an_error_after_the_commit_does_not_remove_the_files_of_the_committed_save(self):
        def fail():
            raise RuntimeError("an on-commit step (cache invalidation, say) failed")

        with self.assertRaises(RuntimeError), media.atomic():
            self.replace_image()
            transaction.on_commit(fail)
        article = Article.objects.get(pk=self.article.pk)
        self.assertIn("second", article.image.name)
        self.assertTrue(default_storage.exists(article.image.name))
        self.assertTrue(all(default_storage.exists(name) for name in rendition_names(article.image_renditions)))
