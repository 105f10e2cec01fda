"""
An author's page counted like the home, section and tag pages (migration 0012): the database keeps, per
author and language, how many listed articles carry the author's byline, so that the page does not count an
archive of a million articles on every uncached request (about 300 ms for a prolific writer, issue 17).

PostgreSQL only. A byline added to or taken off a listed article moves it in or out of the author's count;
an article that becomes listed or stops being listed moves every author on its byline. The article trigger
of 0012 is replaced by one that also walks the article's bylines; reversing restores 0012's.
"""

import importlib

from django.db import migrations

KEPT = importlib.import_module("articles.migrations.0012_list_counts_kept_by_the_database")
LANGUAGES = KEPT.LANGUAGES


def article_trigger() -> str:
    """0012's article trigger, with the authors on the byline moved alongside the tags."""
    steps = []
    for language in LANGUAGES:
        listed_then = (
            f"(TG_OP <> 'INSERT' AND articles_listcount_listed(OLD.status, OLD.publish_at, "
            f"OLD.headline_{language}, OLD.body_{language}))"
        )
        listed_now = (
            f"(TG_OP <> 'DELETE' AND articles_listcount_listed(NEW.status, NEW.publish_at, "
            f"NEW.headline_{language}, NEW.body_{language}))"
        )
        steps.append(f"""
    was := {listed_then};
    listed := {listed_now};
    IF was AND listed AND OLD.section_id = NEW.section_id THEN
        NULL;  -- still listed in the same places
    ELSE
        IF was THEN
            PERFORM articles_listcount_add('home', 0, '{language}', -1);
            PERFORM articles_listcount_add('section', OLD.section_id, '{language}', -1);
        END IF;
        IF listed THEN
            PERFORM articles_listcount_add('home', 0, '{language}', 1);
            PERFORM articles_listcount_add('section', NEW.section_id, '{language}', 1);
        END IF;
        IF was <> listed THEN
            FOR topic IN SELECT tag_id FROM articles_article_tags WHERE article_id = OLD.id ORDER BY tag_id LOOP
                PERFORM articles_listcount_add('tag', topic, '{language}', CASE WHEN listed THEN 1 ELSE -1 END);
            END LOOP;
            FOR writer IN SELECT author_id FROM articles_byline WHERE article_id = OLD.id ORDER BY author_id LOOP
                PERFORM articles_listcount_add('author', writer, '{language}', CASE WHEN listed THEN 1 ELSE -1 END);
            END LOOP;
        END IF;
    END IF;""")
    return f"""
CREATE OR REPLACE FUNCTION articles_listcount_article() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was boolean;
    listed boolean;
    topic bigint;
    writer bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        OLD := NEW;  -- a new article has no tags or bylines yet; OLD.id below names it
    END IF;
    IF TG_OP = 'DELETE' THEN
        NEW := OLD;
    END IF;
    {"".join(steps)}
    RETURN NULL;
END;
$$;
"""


def byline_trigger() -> str:
    """A byline put on or taken off a listed article moves it in or out of that author's count."""
    steps = []
    for language in LANGUAGES:
        steps.append(f"""
    IF TG_OP IN ('DELETE', 'UPDATE') AND EXISTS (
        SELECT 1 FROM articles_article WHERE id = OLD.article_id
        AND articles_listcount_listed(status, publish_at, headline_{language}, body_{language})
    ) THEN
        PERFORM articles_listcount_add('author', OLD.author_id, '{language}', -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
        SELECT 1 FROM articles_article WHERE id = NEW.article_id
        AND articles_listcount_listed(status, publish_at, headline_{language}, body_{language})
    ) THEN
        PERFORM articles_listcount_add('author', NEW.author_id, '{language}', 1);
    END IF;""")
    return f"""
CREATE FUNCTION articles_listcount_byline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.article_id = NEW.article_id AND OLD.author_id = NEW.author_id THEN
        RETURN NULL;  -- a byline moved along the line counts the same
    END IF;
    {"".join(steps)}
    RETURN NULL;
END;
$$;
CREATE TRIGGER articles_listcount_byline AFTER INSERT OR UPDATE OR DELETE ON articles_byline
    FOR EACH ROW EXECUTE FUNCTION articles_listcount_byline();
"""


def fill() -> str:
    """Count the bylines already there."""
    return "".join(
        f"""
INSERT INTO articles_listcount (scope, object_id, language, articles)
    SELECT 'author', b.author_id, '{language}', count(*) FROM articles_byline b
    JOIN articles_article a ON a.id = b.article_id
    WHERE articles_listcount_listed(a.status, a.publish_at, a.headline_{language}, a.body_{language})
    GROUP BY b.author_id;"""
        for language in LANGUAGES
    )


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in (article_trigger(), byline_trigger(), fill()):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("""
DROP TRIGGER IF EXISTS articles_listcount_byline ON articles_byline;
DROP FUNCTION IF EXISTS articles_listcount_byline();
DELETE FROM articles_listcount WHERE scope = 'author';
""")
    schema_editor.execute(KEPT.article_trigger().replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_list_counts_kept_by_the_database")]

    operations = [migrations.RunPython(create, drop)]
