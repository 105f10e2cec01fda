"""The rich-text widget for article bodies: django-prose-editor, limited to what the body allow-list keeps."""

from django_prose_editor.widgets import AdminProseEditorWidget

from .languages import direction

# What the editor offers; core/text.py's allow-list stays the server's source of truth.
BODY_EDITOR_CONFIG = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Heading": {"levels": [2, 3]},
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Blockquote": True,
        "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
        "HardBreak": True,
        "History": True,
    }
}


class BodyWidget(AdminProseEditorWidget):
    """The prose editor, named by its field's label for assistive technology (see prose_label.js)."""

    class Media:
        js = ["admin_newsroom/prose_label.js"]


def body_widget(language: str) -> AdminProseEditorWidget:
    return BodyWidget(
        config=BODY_EDITOR_CONFIG,
        preset="configurable",
        attrs={"dir": direction(language), "lang": language},
    )
