"""A saved wording is in force on the next request, with no restart; a failing cache or database never costs a page."""

from unittest import mock

from django.core.cache import cache
from django.db import DatabaseError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

from core.caching import content_replaced
from pagecache import invalidation
from tests.services import RedisServer
from tests.wording.base import WordingTestCase
from wording import runtime, services
from wording.models import Change, Override, key_hash

SKIP = key_hash("", "Skip to content")
PLURAL_MSGID = "%(counter)s item needs translating."
CONTEXT = "link to the article in the language of this text"


def edit_url(key, language="fa"):
    return reverse("wording:message", kwargs={"language": language, "key": key})


def as_another_process(msgid: str, forms: list[str], *, context: str = "", msgid_plural: str = "") -> None:
    """Save a correction as another app server would: its rows, and the version in the shared cache."""
    Override.objects.update_or_create(
        language="fa",
        key=key_hash(context, msgid),
        defaults={"context": context, "msgid": msgid, "msgid_plural": msgid_plural, "forms": forms},
    )
    change = Change.objects.create(language="fa", context=context, msgid=msgid, msgid_plural=msgid_plural, after=forms)
    cache.set(runtime.VERSION_KEY, change.pk)


def a_second_passes() -> None:
    runtime._state["checked_at"] -= runtime.POLL_SECONDS


def persian_home(client) -> str:
    response = client.get("/fa/")
    assert response.status_code == 200, response.status_code
    return response.content.decode()


class TakingEffectTests(WordingTestCase):
    def test_a_saved_wording_shows_on_the_next_request_of_the_process_that_saved_it(self):
        self.assertIn("رفتن به محتوا", persian_home(self.client))
        self.client.force_login(self.translator)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(edit_url(SKIP), {"form_0": "پرش به متن"})
        self.client.logout()
        home = persian_home(self.client)
        self.assertIn("پرش به متن", home)
        self.assertNotIn("رفتن به محتوا", home)

    def test_another_process_sees_a_change_within_a_second(self):
        persian_home(self.client)  # this process has loaded the wording
        as_another_process("Skip to content", ["پرش به متن"])
        self.assertIn("رفتن به محتوا", persian_home(self.client))  # not checked again yet
        a_second_passes()
        self.assertIn("پرش به متن", persian_home(self.client))

    def test_the_english_pages_keep_their_wording(self):
        as_another_process("Skip to content", ["پرش به متن"])
        self.assertIn("Skip to content", self.client.get("/en/").content.decode())

    def test_plural_forms_and_contexts_are_looked_up_as_gettext_does(self):
        as_another_process(
            PLURAL_MSGID,
            ["یک مورد مانده است.", "%(counter)s مورد مانده است."],
            msgid_plural="%(counter)s items need translating.",
        )
        as_another_process("View this article in English", ["نسخهٔ فارسی"], context=CONTEXT)
        runtime.refresh()
        with translation.override("fa"):
            self.assertEqual(ngettext(PLURAL_MSGID, "%(counter)s items need translating.", 1), "یک مورد مانده است.")
            self.assertEqual(
                ngettext(PLURAL_MSGID, "%(counter)s items need translating.", 5), "%(counter)s مورد مانده است."
            )
            self.assertEqual(pgettext(CONTEXT, "View this article in English"), "نسخهٔ فارسی")
            self.assertEqual(gettext("View this article in English"), "View this article in English")  # no context

    def test_a_reverted_wording_gives_the_catalogue_its_say_again(self):
        as_another_process("Skip to content", ["پرش به متن"])
        runtime.refresh()
        Override.objects.all().delete()
        cache.set(runtime.VERSION_KEY, Change.objects.create(language="fa", msgid="Skip to content").pk)
        a_second_passes()
        runtime.refresh()
        with translation.override("fa"):
            self.assertEqual(gettext("Skip to content"), "رفتن به محتوا")

    def test_a_translation_built_afresh_gets_the_corrections_too(self):
        as_another_process("Skip to content", ["پرش به متن"])
        runtime.refresh()
        with override_settings(LANGUAGES=[("en", "English"), ("fa", "Persian")]):  # Django rebuilds its catalogues
            with translation.override("fa"):
                runtime.refresh()
                self.assertEqual(gettext("Skip to content"), "پرش به متن")


class FailureTests(WordingTestCase):
    def test_with_the_cache_down_a_change_is_saved_and_read_from_the_database(self):
        redis = RedisServer().start()
        self.addCleanup(redis.close)
        self.addCleanup(invalidation.discard_pending)
        with override_settings(CACHES=redis.cache_settings(socket_timeout=0.1, socket_connect_timeout=0.1)):
            persian_home(self.client)
            redis.stop()
            self.client.force_login(self.translator)
            with self.captureOnCommitCallbacks(execute=True):
                response = self.client.post(edit_url(SKIP), {"form_0": "پرش به متن"})
            self.assertEqual(response.status_code, 302)
            self.client.logout()
            self.assertIn("پرش به متن", persian_home(self.client))

    def test_with_the_cache_down_another_process_reads_the_change_from_the_database(self):
        redis = RedisServer().start()
        self.addCleanup(redis.close)
        with override_settings(CACHES=redis.cache_settings(socket_timeout=0.1, socket_connect_timeout=0.1)):
            persian_home(self.client)
            redis.stop()
            as_another_process("Skip to content", ["پرش به متن"])  # its version never reaches the cache
            a_second_passes()
            self.assertIn("پرش به متن", persian_home(self.client))

    def test_with_the_database_failing_the_last_corrections_stay_in_force(self):
        as_another_process("Skip to content", ["پرش به متن"])
        persian_home(self.client)
        a_second_passes()
        with mock.patch("wording.runtime.latest_change", side_effect=DatabaseError("gone")):
            runtime._state["db_checked_at"] = float("-inf")
            with self.assertLogs("wording.runtime", "WARNING"):
                home = persian_home(self.client)
        self.assertIn("پرش به متن", home)

    def test_a_failure_while_refreshing_never_fails_the_page(self):
        a_second_passes()
        with mock.patch("wording.runtime.load_layers", side_effect=RuntimeError("unexpected")):
            as_another_process("Skip to content", ["پرش به متن"])
            with self.assertLogs("wording.runtime", "ERROR"):
                self.assertIn("رفتن به محتوا", persian_home(self.client))


class AnnouncingTests(WordingTestCase):
    def test_a_change_makes_every_cached_page_stale_now_and_again_after_the_others_reloaded(self):
        received = []

        def receiver(sender, **kwargs):
            received.append(sender)

        content_replaced.connect(receiver)
        self.addCleanup(content_replaced.disconnect, receiver)
        self.client.force_login(self.translator)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(edit_url(SKIP), {"form_0": "پرش به متن"})
        self.assertEqual(received, [Override])
        self.assertEqual(cache.get(runtime.VERSION_KEY), Change.objects.get().pk)
        # The second invalidation, once every process has had time to reload.
        timer = services.threading.Timer
        delay, follow_up = timer.call_args.args
        self.assertEqual(delay, runtime.POLL_SECONDS + services.FOLLOW_UP_MARGIN)
        follow_up(**timer.call_args.kwargs["kwargs"])
        self.assertEqual(received, [Override, Override])
