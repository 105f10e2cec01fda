from django.conf import settings
from django.test.runner import DiscoverRunner


class NewsroomTestRunner(DiscoverRunner):
    """
    Run tests with the public page cache off, so one test's pages never answer another's requests, and
    site-wide pieces built afresh for each page (core.caching.per_generation), since a test's edits are
    rolled back, never committed, and so never start a new content generation.
    """

    def setup_test_environment(self, **kwargs):
        super().setup_test_environment(**kwargs)
        settings.PAGE_CACHE_SECONDS = 0
        settings.PER_GENERATION_MEMO = False
        # The interface wording's once-a-second check for changes (wording/runtime.py) off too, so that no test's
        # query count depends on the clock; the wording's own tests turn it on.
        settings.WORDING_POLL_SECONDS = 0
