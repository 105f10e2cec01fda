"""
A type's page counted like the home, section, tag and author pages (migrations 0012 and 0013): at a million
articles, all of them news, counting the News page's list on every uncached request read most of the archive.

PostgreSQL only. An article that becomes listed or stops being listed, or moves to another type, moves its
type's count; the article trigger of 0013 is replaced by one that also keeps the type's; reversing restores
0013's.
"""

import importlib

from django.db import migrations

KEPT = importlib.import_module("articles.migrations.0012_list_counts_kept_by_the_database")
AUTHORS = importlib.import_module("articles.migrations.0013_author_counts_kept_by_the_database")
LANGUAGES = KEPT.LANGUAGES

# 0013's trigger, with the type kept beside the section: the same places, one more.
SAME_PLACES = "IF was AND listed AND OLD.section_id = NEW.section_id THEN"
# Where it was listed (taken off) and where it is listed now (added).
FOR_EACH_PLACE = (("OLD", -1), ("NEW", 1))


def article_trigger() -> str:
    trigger = AUTHORS.article_trigger()
    assert SAME_PLACES in trigger, "0013's trigger changed: write this one out in full"
    trigger = trigger.replace(
        SAME_PLACES,
        "IF was AND listed AND OLD.section_id = NEW.section_id\n"
        "       AND OLD.article_type_id IS NOT DISTINCT FROM NEW.article_type_id THEN",
    )
    for language in LANGUAGES:
        for row, step in FOR_EACH_PLACE:
            section_line = f"PERFORM articles_listcount_add('section', {row}.section_id, '{language}', {step});\n"
            assert section_line in trigger
            trigger = trigger.replace(
                section_line,
                section_line + f"            IF {row}.article_type_id IS NOT NULL THEN\n"
                f"                PERFORM articles_listcount_add('type', {row}.article_type_id, '{language}', {step});\n"
                "            END IF;\n",
                1,
            )
    return trigger


def fill() -> str:
    """Count the types' articles already there."""
    return "".join(
        f"""
INSERT INTO articles_listcount (scope, object_id, language, articles)
    SELECT 'type', article_type_id, '{language}', count(*) FROM articles_article
    WHERE article_type_id IS NOT NULL
      AND articles_listcount_listed(status, publish_at, headline_{language}, body_{language})
    GROUP BY article_type_id;"""
        for language in LANGUAGES
    )


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DELETE FROM articles_listcount WHERE scope = 'type'")
    for statement in (article_trigger(), fill()):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DELETE FROM articles_listcount WHERE scope = 'type'")
    schema_editor.execute(AUTHORS.article_trigger())


class Migration(migrations.Migration):
    dependencies = [("articles", "0019_last_change_per_section_and_type")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
