"""
Settings for the browser suite's collectstatic only: the production storage's hashed names and manifest,
without WhiteNoise's Brotli and gzip copies (half a minute on two cores, and the same bytes once unpacked).
The app itself runs on newsroom.settings and serves the uncompressed files from the same manifest.
"""

from newsroom.settings import *  # noqa: F403

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}  # noqa: F405
