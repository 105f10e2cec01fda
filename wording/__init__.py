"""
Interface wording: translators correct the interface's messages (locale/<lang>/LC_MESSAGES/django.po) in the
admin, and the correction shows on every app server within seconds, with no deploy and no restart.

- catalogue.py reads a language's catalogue (translate-toolkit) and writes it back out with the corrections.
- placeholders.py refuses a wording that would break a page: a lost or foreign placeholder, a changed tag.
- models.py keeps the corrections (Override) over the compiled catalogue, and every change (Change).
- services.py saves and reverts, and announces each change to the other processes.
- runtime.py puts the corrections in front of Django's translation catalogues, polling for changes.
"""
