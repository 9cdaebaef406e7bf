"""Admin views of the ledger. Tasks are listed through the one visibility rule and are read-only
here: every change goes through the actions, so it lands in the event log."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from luoshi.ledger.models import Extension, Milestone, ProgressReport, Source, Task


class ReadOnlyInline(admin.TabularInline[Any, Task]):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class MilestoneInline(ReadOnlyInline):
    model = Milestone


class ReportInline(ReadOnlyInline):
    model = ProgressReport
    fields = ["reported_on", "author", "percent", "text", "problems", "next_steps"]


class ExtensionInline(ReadOnlyInline):
    model = Extension


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin[Task]):
    list_display = ["id", "title", "lead_unit", "status", "deadline", "progress"]
    list_filter = ["status", "kind", "lead_unit"]
    search_fields = ["title", "text", "seq"]
    list_select_related = ["lead_unit"]
    inlines = [MilestoneInline, ReportInline, ExtensionInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Task]:
        return Task.objects.visible_to(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_active and request.user.is_staff


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin[Source]):
    list_display = ["title", "kind", "date", "file_name"]
    exclude = ["raw_text"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
