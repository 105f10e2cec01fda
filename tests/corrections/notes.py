"""Notes added the way an editor's save adds them (through the service), for the stories here."""

from corrections import services
from corrections.models import ArticleNote, Kind

CORRECTION_EN = "An earlier version said the dam was built in 1967. It was built in 1971."
CORRECTION_FA = "در نسخهٔ پیشین آمده بود که سد در ۱۹۶۷ ساخته شد. سد در ۱۹۷۱ ساخته شد."
UPDATE_EN = "The ministry announced water rationing on Monday."
UPDATE_FA = "وزارت نیرو روز دوشنبه جیره‌بندی آب را اعلام کرد."


def add_note(article, *, kind=Kind.CORRECTION, language="en", text=CORRECTION_EN, by=None, **fields) -> ArticleNote:
    note = ArticleNote(article=article, kind=kind, language=language, **{f"text_{language}": text}, **fields)
    return services.add_note(note=note, by=by)
