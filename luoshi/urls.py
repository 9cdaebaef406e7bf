from django.contrib import admin
from django.urls import path

admin.site.site_header = "落实 Luoshi"
admin.site.site_title = "落实 Luoshi"

urlpatterns = [
    path("admin/", admin.site.urls),
]
