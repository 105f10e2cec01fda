"""
Strings of Django and our packages that the staff see in the admin, listed here so we can translate them.

Django 6.1 added or reworded admin strings that its Persian catalogue has not caught up with ("Filter by
%(field_name)s", "Search %(name)s", "Run", "- Select an option -"), so the Persian admin showed them in
English; a few others are translated in a way no Persian editor would write. Our catalogue
(`locale/fa/LC_MESSAGES/django.po`, in `LOCALE_PATHS`) is consulted before Django's and the packages', so a
msgstr there wins. `make messages` drops every entry it does not find in our code (`--no-obsolete`), so the
upstream msgids are written out below, exactly as upstream spells them, for `makemessages` to extract and
keep. Nothing calls this module; tests/admin/test_persian_admin_strings.py checks each entry has a Persian
translation in our catalogue.

Found by comparing each package's source catalogue with its Persian one (Django's admin, auth and core,
django-axes; django-reversion's is complete, django-modeltranslation and django-prose-editor's Python side
show no string of their own that Django does not translate already). The admin's JavaScript strings
(djangojs: calendar, clock, selection filter) are a separate catalogue and are not covered here.

Some Persian translations carry Unicode isolates (U+2068 … U+2069) or <bdi> around a headline, so an English
headline keeps its own order ("wells?", not "?wells") in a right-to-left sentence.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# Missing from Django 6.1's Persian catalogue: the admin's pages.
ADMIN = [
    gettext_noop("Run"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Model name"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Select this object for an action - {}"),
    gettext_noop(", "),
    gettext_noop("Logout"),
    gettext_noop('The app "%s" could not be found.'),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? All of the following related "
        "items will be deleted:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting related objects, but your "
        "account doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the following protected "
        "related objects:"
    ),
    gettext_noop("This action will <strong>enable</strong> password-based authentication for this user."),
    gettext_noop("In case you’ve forgotten, you are:"),
]
ADMIN_PLURALS = [
    ngettext_lazy("Please correct the error below.", "Please correct the errors below."),
    ngettext_lazy("entry", "entries"),
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects."),
]

# Missing from Django's Persian catalogues: accounts, forms and fields.
AUTH_AND_FORMS = [
    gettext_noop("- Select an option -"),
    gettext_noop("Constraint “%(name)s” is violated."),
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    gettext_noop("Enter a valid domain name."),
    gettext_noop("Enter a valid %(protocol)s address."),
    gettext_noop("Conflicting form data submitted. Please try again."),
    gettext_noop("Password-based authentication"),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop("Set password: %s"),
    gettext_noop("Reset password"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, they may still be "
        "able to authenticate using other backends, such as Single Sign-On or LDAP."
    ),
]
AUTH_AND_FORMS_PLURALS = [
    ngettext_lazy("Please submit at most %(num)d form.", "Please submit at most %(num)d forms."),
    ngettext_lazy("Please submit at least %(num)d form.", "Please submit at least %(num)d forms."),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
]

# Missing from django-axes' Persian catalogue: its admin of login attempts (superusers).
AXES = [
    gettext_noop("Locked Out"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Cleaned up {count} expired access attempts."),
    gettext_noop("Not set"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Access Attempt"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
]

# Translated upstream, but not as a Persian editor would write it: «مقاله‌ها های انتخاب شده», ASCII quotes and
# stray left-to-right marks around Persian, typos («افزدون», «آغار»), messages that lose an English headline's order.
REWORDED = [
    gettext_noop("%(app)s administration"),
    gettext_noop("Objects"),
    gettext_noop("Yes, I’m sure"),
    gettext_noop("No, take me back"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("Recent actions"),
    gettext_noop("My actions"),
    gettext_noop("Toggle navigation"),
    gettext_noop("Filter navigation items"),
    gettext_noop("Start typing to filter…"),
    gettext_noop("Toggle sorting"),
    gettext_noop("Remove from sorting"),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("No action selected."),
    gettext_noop("Items must be selected in order to perform actions on them. No items have been changed."),
    gettext_noop("Select all %(total_count)s %(module_name)s"),
    gettext_noop("%(full_result_count)s total"),
    gettext_noop("Successfully deleted %(count)d %(items)s."),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Hold down “Control”, or “Command” on a Mac, to select more than one."),
    gettext_noop("Change history: %s"),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Deleted {name} “{object}”."),
    gettext_noop("Changed {fields}."),
    gettext_noop("Added."),
    gettext_noop("No fields changed."),
    gettext_noop("Added “%(object)s”."),
    gettext_noop("Changed “%(object)s” — %(changes)s"),
    gettext_noop("Deleted “%(object)s.”"),
]
REWORDED_PLURALS = [
    ngettext_lazy("%(total_count)s selected", "All %(total_count)s selected"),
]
