from modeltranslation.translator import TranslationOptions, register

from .models import Series


@register(Series)
class SeriesTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "description")
    empty_values = {"slug": None}
