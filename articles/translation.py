from modeltranslation.translator import TranslationOptions, register

from .models import Article, ArticleType, Section, Tag


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("name", "slug")
    empty_values = {"slug": None}


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name", "slug")
    empty_values = {"slug": None}


@register(ArticleType)
class ArticleTypeTranslationOptions(TranslationOptions):
    fields = ("name", "slug")
    empty_values = {"slug": None}
    # A label in one language is never shown on the other's pages: a type not yet named there shows none.
    fallback_languages = {"default": ()}


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = (
        "headline",
        "slug",
        "standfirst",
        "body",
        "image_alt",
        "image_caption",
        "image_credit",
        "reading_minutes",
    )
    empty_values = {"slug": None, "reading_minutes": None}
    # A Persian page never shows English text in place of a missing translation, and vice versa.
    fallback_languages = {"default": ()}
