"""
Storage failing under an editor's save: when the upload itself cannot be stored, the save is refused with a
form error, everything typed is shown again (only the file is asked for again), and nothing is half-saved: the
row is unchanged, the published article keeps every rendition file its page shows, and no new file is left
behind in MEDIA_ROOT. When only the renditions cannot be stored, the save succeeds and keeps the upload; the
worker's task (articles/tasks.py) fails without leaving a file, is tried again after its backoff, and makes
them once storage is back.

Each test has its own MEDIA_ROOT. A read-only folder is a real one (chmod 0o500) where that stops writes;
tests run as root (CI does) are not stopped by file modes, so there `RefusingStorage` raises the
PermissionError the read-only folder would. One story (a file where a folder should be) fails in the
real file system whoever runs it.
"""

import datetime
import errno
import hashlib
import io
import os
import shutil
import tempfile
from functools import partial
from unittest import mock
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.tasks import TaskResultStatus
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.admin import ArticleAdmin
from articles.models import Article
from core.renditions import rendition_names
from tests.factories import image_upload, make_author, make_pictured_article, make_series
from tests.tasks import failing_tasks, run_queued_tasks

from .base import NewsroomAdminTestCase, form_values, page

NEW_IMAGE = "new-photo.jpg"


class RefusingStorage(FileSystemStorage):
    """
    File storage that refuses to write under some folders, or after a number of writes, with the
    PermissionError a read-only folder gives (for root, whom file modes do not stop).
    """

    def __init__(self, *, refuse_under: tuple[str, ...] = (), refuse_after: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.refuse_under = refuse_under
        self.refuse_after = refuse_after
        self.writes = 0

    def _save(self, name, content):
        if name.startswith(self.refuse_under) or (self.refuse_after is not None and self.writes >= self.refuse_after):
            raise PermissionError(errno.EACCES, "Permission denied", os.path.join(self.location, name))
        self.writes += 1
        return super()._save(name, content)


def refusing_storage(**options) -> dict:
    backend = {"BACKEND": f"{__name__}.RefusingStorage", "OPTIONS": options}
    return {**settings.STORAGES, "default": backend}


def read_only(folder: str) -> bool:
    """Make a folder and everything in it read-only; return whether that stops new files (not for root)."""
    for path, _folders, _files in os.walk(folder):
        os.chmod(path, 0o500)
    probe = os.path.join(folder, ".probe")
    try:
        with open(probe, "w"):
            pass
    except PermissionError:
        return True
    os.remove(probe)
    return False


def writable_again(folder: str) -> None:
    for path, _folders, _files in os.walk(folder):
        os.chmod(path, 0o700)


def stored_name_of_new_image() -> str:
    """Where the admin will store NEW_IMAGE (the article's upload_to, this month)."""
    return datetime.datetime.now().strftime("articles/%Y/%m/") + NEW_IMAGE


class StorageFaultTestCase(NewsroomAdminTestCase):
    def setUp(self):
        super().setUp()
        self.undo_refusal = None
        self.media_root = tempfile.mkdtemp(prefix="newsroom-storage-faults-")
        self.addCleanup(shutil.rmtree, self.media_root, ignore_errors=True)
        self.addCleanup(writable_again, self.media_root)  # runs first: rmtree needs to enter the folders
        media = override_settings(MEDIA_ROOT=self.media_root)
        media.enable()
        self.addCleanup(media.disable)
        self.article = make_pictured_article(
            headline_en="The dam at the end of the valley", image=image_upload("dam.jpg", size=(1600, 1000))
        )
        self.published = Article.objects.get(pk=self.article.pk)
        self.files_before = self.stored_files()
        self.reader_images_before = self.reader_images()

    # What the tests look at ------------------------------------------------------------------------

    def stored_files(self) -> set[str]:
        return {
            os.path.relpath(os.path.join(folder, name), self.media_root)
            for folder, _dirs, names in os.walk(self.media_root)
            for name in names
        }

    def reader_images(self) -> list[str]:
        """Return the media files the article's page shows a reader, checking that each is there."""
        response = Client().get(self.article.url_in("en"))
        self.assertEqual(response.status_code, 200)
        html = page(response)
        urls = [img["src"] for img in html.select("article img")]
        urls += [part.split()[0] for source in html.select("picture source") for part in source["srcset"].split(",")]
        urls += [meta["content"] for meta in html.select('meta[property="og:image"]')]
        names = sorted({urlsplit(url).path.removeprefix(settings.MEDIA_URL) for url in urls})
        self.assertTrue(names, "the page shows no image")
        for name in names:
            self.assertTrue(os.path.exists(os.path.join(self.media_root, name)), f"the page shows a missing {name}")
        return names

    def assertNothingHalfSaved(self):
        article = Article.objects.get(pk=self.article.pk)
        self.assertEqual(article.headline_en, self.published.headline_en)
        self.assertEqual(article.version, self.published.version)
        self.assertEqual(article.image.name, self.published.image.name)
        self.assertEqual(article.image_renditions, self.published.image_renditions)
        self.assertEqual(self.stored_files() - self.files_before, set(), "new files were left behind")
        self.assertEqual(self.files_before - self.stored_files(), set(), "the published article lost files")
        self.assertEqual(self.reader_images(), self.reader_images_before)

    def rendition_files(self) -> set[str]:
        return {name for name in self.stored_files() - self.files_before if name.startswith("renditions/")}

    def save_new_image_while_renditions_fail(self) -> DBTaskResult:
        """Save a new image (the save succeeds), then run its task, which storage fails; return the task."""
        data = self.open_form(self.editor, self.article)
        data["headline_en"] = ["Rewritten while the disk was full"]
        data["image"] = image_upload(NEW_IMAGE, size=(1200, 800))
        with self.captureOnCommitCallbacks(execute=True):
            response = self.post_form(self.editor, self.article, data, follow=False)
        self.assertEqual(response.status_code, 302, "the save was refused")
        article = Article.objects.get(pk=self.article.pk)
        self.assertEqual(article.headline_en, "Rewritten while the disk was full")
        self.assertTrue(article.image.name.endswith(NEW_IMAGE))
        self.assertTrue(os.path.exists(os.path.join(self.media_root, article.image.name)), "the upload was not kept")
        for name in rendition_names(self.published.image_renditions):
            self.assertFalse(default_storage.exists(name), f"{name} of the replaced image is still stored")
        with failing_tasks(self) as (failures, retries), self.assertLogs("core.media", "ERROR") as refusals:
            self.assertEqual(run_queued_tasks(), 1)
        self.assertIn("MediaWriteError", "\n".join(failures.output))
        self.assertIn("failed on attempt 1 of 5", "\n".join(retries.output))
        self.assertIn("Storage refused", refusals.output[0])
        task = DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).get()  # not setUp's
        self.assertEqual(task.status, TaskResultStatus.READY)
        self.assertGreater(task.run_after, timezone.now(), "retried at once, with no backoff")
        self.assertEqual(self.rendition_files(), set(), "the failed task left files behind")
        self.assertTrue(Article.objects.get(pk=self.article.pk).renditions.pending)
        self.assertNoPictureShown()
        return task

    def assertNoPictureShown(self):
        html = page(Client().get(self.article.url_in("en")))
        self.assertEqual(html.select("article img, picture, meta[property='og:image']"), [])

    def retry_after_its_backoff(self, task: DBTaskResult) -> None:
        DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now())  # the backoff has passed
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(run_queued_tasks(), 1)

    def assertAskedForTheImageAgain(self, response, posted: dict, field: str = "image"):
        self.assertEqual(response.status_code, 200, "the save was not refused with a form")
        errors = page(response).select(f".field-{field} .errorlist li")
        self.assertTrue(errors, f"no error beside the {field} field")
        self.assertIn("could not be stored", errors[0].text)
        self.assertIn("choose the image again", errors[0].text)
        top = [item.get_text() for item in page(response).select(".messagelist li")]
        self.assertTrue(any("Nothing was saved" in message for message in top), top)
        shown = form_values(response)
        typed = {
            name: values
            for name, values in posted.items()
            if name not in (field, "csrfmiddlewaretoken") and isinstance(values, list)
        }
        self.assertEqual({name: shown.get(name) for name in typed}, typed, "the form lost what was typed")

    # Posting -------------------------------------------------------------------------------------

    def post_with_new_image(self, obj=None, field="image", text_field="headline_en"):
        obj = obj or self.article
        data = self.open_form(self.editor, obj)
        data[text_field] = ["Rewritten while the disk was full"]
        if "standfirst_en" in data:
            data["standfirst_en"] = ["A standfirst typed with care, which must not be lost."]
        data[field] = image_upload(NEW_IMAGE, size=(1200, 800))
        with self.assertLogs("core.media", "ERROR") as logs:
            response = self.post_form(self.editor, obj, data, follow=False)
        self.assertIn("Storage refused", logs.output[0])
        return response, data

    def refuse_writes_under(self, folder: str) -> None:
        """Make MEDIA_ROOT/folder ("" for all of it) refuse new files: read-only, or for root a storage that says so."""
        path = os.path.join(self.media_root, folder)
        os.makedirs(path, exist_ok=True)
        self.addCleanup(self.storage_works_again)
        if read_only(path):
            self.undo_refusal = partial(writable_again, path)
            return
        writable_again(path)
        storage = override_settings(STORAGES=refusing_storage(refuse_under=(folder and f"{folder}/",)))
        storage.enable()
        self.undo_refusal = storage.disable

    def storage_works_again(self) -> None:
        """Undo refuse_writes_under(), once."""
        undo, self.undo_refusal = self.undo_refusal, None
        if undo:
            undo()


class StorageFaultTests(StorageFaultTestCase):
    def test_renditions_folder_read_only_the_save_keeps_the_upload_and_the_task_fails_leaving_nothing(self):
        self.refuse_writes_under("renditions")
        task = self.save_new_image_while_renditions_fail()
        self.assertEqual(len(task.worker_ids), 1)

    def test_a_file_where_the_renditions_folder_should_be_fails_the_task_for_root_too(self):
        digest = hashlib.sha1(stored_name_of_new_image().encode()).hexdigest()[:8]
        with open(os.path.join(self.media_root, "renditions", digest), "wb"):
            pass  # makedirs("renditions/<digest>") now fails in the file system itself (FileExistsError)
        self.files_before = self.stored_files()
        self.save_new_image_while_renditions_fail()

    def test_media_folder_read_only_refuses_the_upload_itself(self):
        self.refuse_writes_under("")
        response, posted = self.post_with_new_image()
        self.assertAskedForTheImageAgain(response, posted)
        self.assertNothingHalfSaved()

    def test_storage_failing_midway_through_the_renditions_leaves_no_file_behind(self):
        # Three renditions are written, then the disk is full.
        with override_settings(STORAGES=refusing_storage(refuse_under=("renditions/",))):
            task = self.save_new_image_while_renditions_fail()
        self.files_before = self.stored_files()
        DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now())
        with override_settings(STORAGES=refusing_storage(refuse_after=3)):
            with failing_tasks(self), self.assertLogs("core.media", "ERROR"):
                self.assertEqual(run_queued_tasks(), 1)
            self.assertEqual(default_storage.writes, 3)
        self.assertEqual(self.stored_files(), self.files_before, "the failed task left files behind")
        self.assertNoPictureShown()

    def test_once_storage_is_back_the_retry_makes_the_renditions_and_readers_see_the_picture(self):
        self.refuse_writes_under("renditions")
        task = self.save_new_image_while_renditions_fail()
        self.storage_works_again()
        self.retry_after_its_backoff(task)
        article = Article.objects.get(pk=self.article.pk)
        self.assertEqual(DBTaskResult.objects.get(pk=task.pk).status, TaskResultStatus.SUCCESSFUL)
        self.assertFalse(article.renditions.pending)
        self.assertEqual(article.image_renditions["source"], article.image.name)
        self.assertTrue(all(default_storage.exists(name) for name in rendition_names(article.image_renditions)))
        shown = self.reader_images()
        self.assertLessEqual(set(shown), set(rendition_names(article.image_renditions)))
        self.assertNotIn(article.image.name, shown)
        self.assertTrue(default_storage.exists(self.published.image.name), "the history may still need the old image")

    def test_a_task_that_keeps_failing_stops_after_its_attempts_and_the_article_stays_whole(self):
        self.refuse_writes_under("renditions")
        task = self.save_new_image_while_renditions_fail()
        for _attempt in range(4):
            DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now())
            with failing_tasks(self), self.assertLogs("core.media", "ERROR"):
                self.assertEqual(run_queued_tasks(), 1)
        self.assertEqual(DBTaskResult.objects.get(pk=task.pk).status, TaskResultStatus.FAILED)
        self.assertEqual(self.rendition_files(), set())
        self.assertEqual(Client().get(self.article.url_in("en")).status_code, 200)
        self.assertNoPictureShown()

    def test_adding_an_article_while_storage_refuses_creates_nothing(self):
        self.refuse_writes_under("")
        self.client.force_login(self.editor)
        url = reverse("admin:articles_article_add")
        data = form_values(self.client.get(url))
        data.update({"headline_en": ["A new piece"], "body_en": ["<p>Typed before the disk filled.</p>"]})
        data["section"] = [str(self.article.section_id)]
        data["bylines-0-author"] = [str(self.author.pk)]
        data["bylines-0-position"] = ["0"]
        data["image"] = image_upload(NEW_IMAGE)
        before = Article.objects.count()
        with self.assertLogs("core.media", "ERROR"):
            response = self.client.post(url, data)
        self.assertAskedForTheImageAgain(response, data)
        self.assertEqual(Article.objects.count(), before)
        self.assertEqual(self.stored_files() - self.files_before, set())

    def test_a_database_error_after_the_files_were_stored_removes_them_again(self):
        data = self.open_form(self.editor, self.article)
        data["headline_en"] = ["Saved just as the database failed"]
        data["image"] = image_upload(NEW_IMAGE)
        # save_related() comes after save_model(): by then the row and its new files are written.
        failing = mock.patch.object(ArticleAdmin, "save_related", side_effect=DatabaseError("the database went away"))
        with failing, self.assertRaises(DatabaseError), self.assertLogs("django.request", "ERROR"):
            self.post_form(self.editor, self.article, data)
        self.assertNothingHalfSaved()
        self.assertEqual(run_queued_tasks(), 0, "the rolled-back save queued renditions")

    def test_the_author_and_series_forms_ask_for_the_file_again_too(self):
        self.refuse_writes_under("")
        for obj, field, text_field in [
            (make_author(name_en="Unchanged"), "avatar", "name_en"),
            (make_series(title_en="Unchanged"), "cover", "title_en"),
        ]:
            with self.subTest(model=type(obj).__name__):
                response, posted = self.post_with_new_image(obj, field=field, text_field=text_field)
                self.assertAskedForTheImageAgain(response, posted, field=field)
                obj.refresh_from_db()
                self.assertEqual(getattr(obj, text_field), "Unchanged")
                self.assertFalse(getattr(obj, field))
        self.assertEqual(self.stored_files() - self.files_before, set())

    def test_the_persian_admin_says_so_in_persian(self):
        self.refuse_writes_under("")
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        response, _posted = self.post_with_new_image()
        error = page(response).select_one(".field-image .errorlist li").text
        self.assertIn("تصویر ذخیره نشد", error)
        top = [item.get_text() for item in page(response).select(".messagelist li")]
        self.assertTrue(any("هیچ چیز ذخیره نشد: تصویر اصلی ذخیره نشد" in message for message in top), top)
        self.assertNothingHalfSaved()


class MakeRenditionsRepairTests(StorageFaultTestCase):
    def delete_by_hand(self, count: int) -> list[str]:
        names = rendition_names(self.published.image_renditions)[:count]
        for name in names:
            os.remove(os.path.join(self.media_root, name))
        return names

    def test_make_renditions_finds_and_makes_again_files_deleted_by_hand(self):
        deleted = self.delete_by_hand(3)
        output = io.StringIO()
        call_command("make_renditions", stdout=output)
        report = output.getvalue()
        self.assertIn(f"Article {self.article.pk} (The dam at the end of the valley): 3 missing", report)
        for name in deleted:
            self.assertIn(name, report)
        self.assertIn("Missing rendition files made again for 1 article(s).", report)
        # Under their own names: the manifest, and any page cached with it, are right again as they are.
        self.assertEqual(Article.objects.get(pk=self.article.pk).image_renditions, self.published.image_renditions)
        self.assertEqual(self.stored_files(), self.files_before)
        self.assertEqual(self.reader_images(), self.reader_images_before)
        call_command("make_renditions", stdout=output)
        self.assertIn("Missing rendition files made again for 0 article(s).", output.getvalue())

    def test_a_whole_folder_of_renditions_deleted_is_made_again(self):
        folder = os.path.dirname(rendition_names(self.published.image_renditions)[0])
        shutil.rmtree(os.path.join(self.media_root, folder))
        call_command("make_renditions", stdout=io.StringIO())
        self.assertEqual(self.stored_files(), self.files_before)

    def test_force_still_remakes_every_rendition_and_then_deletes_the_old_ones(self):
        output = io.StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("make_renditions", "--force", stdout=output)
        self.assertIn("Renditions made for 1 article(s).", output.getvalue())
        manifest = Article.objects.get(pk=self.article.pk).image_renditions
        self.assertEqual(len(rendition_names(manifest)), len(rendition_names(self.published.image_renditions)))
        self.assertTrue(all(default_storage.exists(name) for name in rendition_names(manifest)))
        old = set(rendition_names(self.published.image_renditions)) - set(rendition_names(manifest))
        self.assertTrue(old and not any(default_storage.exists(name) for name in old))

    def test_when_storage_refuses_the_repair_the_command_fails_and_changes_nothing(self):
        self.delete_by_hand(2)
        files = self.stored_files()
        errors = io.StringIO()
        with (
            override_settings(STORAGES=refusing_storage(refuse_after=1)),
            self.assertLogs("core.media", "ERROR"),
            self.assertRaisesMessage(CommandError, "Storage refused the renditions of 1 article(s)"),
        ):
            call_command("make_renditions", stdout=io.StringIO(), stderr=errors)
        self.assertIn(f"Article {self.article.pk}", errors.getvalue())
        self.assertEqual(self.stored_files(), files, "the repair left a file behind")
        self.assertEqual(Article.objects.get(pk=self.article.pk).image_renditions, self.published.image_renditions)

    def test_an_image_missing_from_storage_is_reported_not_papered_over(self):
        os.remove(os.path.join(self.media_root, self.published.image.name))
        errors = io.StringIO()
        call_command("make_renditions", "--force", stdout=io.StringIO(), stderr=errors)
        self.assertIn("is missing from storage; upload it again", errors.getvalue())
        self.assertEqual(Article.objects.get(pk=self.article.pk).image_renditions, self.published.image_renditions)
