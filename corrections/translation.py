from modeltranslation.translator import TranslationOptions, register

from .models import ArticleNote, CorrectionsPolicy


@register(ArticleNote)
class ArticleNoteTranslationOptions(TranslationOptions):
    fields = ("text",)
    # A page shows an untranslated note in the language it was written in, marked so (ArticleNote.shown_in).
    fallback_languages = {"default": ()}


@register(CorrectionsPolicy)
class CorrectionsPolicyTranslationOptions(TranslationOptions):
    fields = ("body",)
    fallback_languages = {"default": ()}
