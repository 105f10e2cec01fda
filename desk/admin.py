from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Newsroom admin")
admin.site.site_title = _("Newsroom admin")
admin.site.index_title = _("Newsroom")
