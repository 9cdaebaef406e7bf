"""Admin for the organisation. The supervision office may look; administrators may edit, and
every edit made here is written to the event log like any other change."""

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import transaction
from django.forms import ModelForm
from django.http import HttpRequest

from luoshi.audit.actions import record
from luoshi.audit.models import Event
from luoshi.org.access import is_office
from luoshi.org.models import Membership, Person, Portfolio, Unit, UnitAlias


class OfficeMayView:
    """The supervision office sees these pages; only administrators change them."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_office(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_office(request.user)


class AuditedAdmin(OfficeMayView, admin.ModelAdmin[Any]):
    audit_subject = ""

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm[Any], change: bool) -> None:
        with transaction.atomic():
            before = {k: str(form.initial.get(k, "")) for k in form.changed_data} if change else {}
            super().save_model(request, obj, form, change)
            after = {k: str(form.cleaned_data.get(k, "")) for k in form.changed_data}
            record(
                actor=request.user,
                kind=f"{self.audit_subject}.admin_{'change' if change else 'add'}",
                subject_type=self.audit_subject,
                subject_id=obj.pk,
                before=before,
                after=after,
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            record(
                actor=request.user,
                kind=f"{self.audit_subject}.admin_delete",
                subject_type=self.audit_subject,
                subject_id=obj.pk,
                before={"name": str(obj)},
            )
            super().delete_model(request, obj)


class AliasInline(admin.TabularInline[UnitAlias, Unit]):
    model = UnitAlias
    extra = 0


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    audit_subject = "unit"
    list_display = ["name", "short_name", "parent", "kind", "peer_group"]
    list_filter = ["kind", "peer_group"]
    search_fields = ["name", "short_name", "aliases__alias"]
    inlines = [AliasInline]


class MembershipInline(admin.TabularInline[Membership, Person]):
    model = Membership
    extra = 0


class PortfolioInline(admin.TabularInline[Portfolio, Person]):
    model = Portfolio
    extra = 0
    verbose_name = "分管单位"


@admin.register(Person)
class PersonAdmin(AuditedAdmin, UserAdmin[Person]):
    audit_subject = "person"
    list_display = ["username", "display_name", "is_active", "is_superuser"]
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Luoshi", {"fields": ("display_name", "phone")}))
    inlines = [MembershipInline, PortfolioInline]


# The event log's admin lives here, not in audit: audit sits below org and may not import the
# office check.


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
