from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrectionsConfig(AppConfig):
    name = "corrections"
    verbose_name = _("Corrections and updates")

    def ready(self):
        """Show each article's notes on its page and in its JSON-LD, through the hooks the articles app offers."""
        from articles import structured_data as article_data
        from articles import views as article_views

        from . import structured_data
        from .models import article_notes_prefetch

        article_views.PAGE_PREFETCHES.append(article_notes_prefetch())
        article_data.NEWS_ARTICLE_EXTENSIONS.append(structured_data.extend_news_article)
