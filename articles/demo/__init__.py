"""Demo content for `manage.py load_demo`: original sample text written for this project."""

from . import article_inflation, article_plateau_1, article_plateau_2, article_plateau_3
from .content_b import ARTICLES_B
from .desk import AUTHORS, SECTIONS, SERIES, TAGS

ARTICLES = [
    article_plateau_1.ARTICLE,
    article_plateau_2.ARTICLE,
    article_plateau_3.ARTICLE,
    article_inflation.ARTICLE,
    *ARTICLES_B,
]

__all__ = ["ARTICLES", "AUTHORS", "SECTIONS", "SERIES", "TAGS"]
