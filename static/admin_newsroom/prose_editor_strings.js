// The words django-prose-editor 0.28 itself passes through gettext in the parts of it our body editor uses (the
// link dialog), listed so that `make messages` keeps them in our djangojs catalogue: the package ships
// translations for German, French and Polish only. Never loaded by a page; the editor asks window.gettext,
// which the admin's jsi18n view fills from that catalogue. The other menu words are ours (prose_toolbar.js).
"use strict";
gettext_noop("Edit Link");
gettext_noop("URL");
gettext_noop("Title");
gettext_noop("Update");
gettext_noop("Cancel");
