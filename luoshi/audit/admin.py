from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from luoshi.audit.models import Event
from luoshi.org.access import is_office


@admin.register(Event)
class EventAdmin(admin.ModelAdmin[Event]):
    """Read-only: the log is append-only, even for administrators."""

    list_display = ["id", "at", "actor_name", "kind", "subject_type", "subject_id", "reason"]
    list_filter = ["kind", "subject_type"]
    search_fields = ["subject_id", "actor_name", "reason"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_office(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_office(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
