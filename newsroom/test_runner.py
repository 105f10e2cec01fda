from django.conf import settings
from django.test.runner import DiscoverRunner


class NewsroomTestRunner(DiscoverRunner):
    """Run tests with the public page cache off, so one test's pages never answer another's requests."""

    def setup_test_environment(self, **kwargs):
        super().setup_test_environment(**kwargs)
        settings.PAGE_CACHE_SECONDS = 0
