"""The rich-text widget for article bodies: django-prose-editor, limited to what the body allow-list keeps."""

from django.templatetags.static import static
from django_prose_editor.widgets import AdminProseEditorWidget

from .languages import direction

# What the editor offers; core/text.py's allow-list stays the server's source of truth.
BODY_EDITOR_CONFIG = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        # Levels 2 and 3 only: "## " at a line start makes a subheading, "### " a sub-subheading (Tiptap's input
        # rules), as do Ctrl+Alt+2 and Ctrl+Alt+3.
        "Heading": {"levels": [2, 3]},
        "BulletList": True,
        # The list-type and start-number dialog would write attributes the allow-list drops on save.
        "OrderedList": {"enableListAttributes": False},
        "ListItem": True,
        "Blockquote": True,
        "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
        "HardBreak": True,
        "History": True,
    }
}

# Our own Tiptap extension (static/admin_newsroom/prose_toolbar.js): the toolbar in the admin's language, text in
# the block-type menu, no inline <style>. Added to this widget's config rather than to the project-wide
# DJANGO_PROSE_EDITOR_EXTENSIONS: it writes no HTML, so the sanitiser's allow-list has nothing to learn from it.
TOOLBAR_EXTENSION = "NewsroomToolbar"
TOOLBAR_MODULE = "admin_newsroom/prose_toolbar.js"


class BodyWidget(AdminProseEditorWidget):
    """The prose editor, named by its field's label for assistive technology (see prose_label.js)."""

    class Media:
        # Tiptap's base styles (it would otherwise inject them inline, against our CSP) and ours.
        css = {"all": ["admin_newsroom/tiptap_base.css", "admin_newsroom/editor.css"]}
        js = ["admin_newsroom/prose_label.js"]

    def get_config(self):
        config = super().get_config()
        return config | {
            "extensions": config["extensions"] | {TOOLBAR_EXTENSION: True},
            "js_modules": [*config["js_modules"], static(TOOLBAR_MODULE)],
        }


def body_widget(language: str) -> AdminProseEditorWidget:
    return BodyWidget(
        config=BODY_EDITOR_CONFIG,
        preset="configurable",
        attrs={"dir": direction(language), "lang": language},
    )
