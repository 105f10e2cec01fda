"""
The translation desk's XLIFF exchange: articles (and the other translated objects) out to a CAT tool and back.

`body` turns a sanitised body into segments with inline codes and rebuilds it; `files` writes and reads XLIFF 1.2
with translate-toolkit, signed so that only our own, untouched files come back in; `importing` applies a file's
translations through the desk's own save (desk.services), all or nothing.
"""
