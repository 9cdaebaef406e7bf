from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from luoshi.org.models import Membership, Person, Portfolio, Unit, UnitAlias


class AliasInline(admin.TabularInline[UnitAlias, Unit]):
    model = UnitAlias
    extra = 0


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin[Unit]):
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
class PersonAdmin(UserAdmin[Person]):
    list_display = ["username", "display_name", "is_active", "is_superuser"]
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Luoshi", {"fields": ("display_name", "phone")}))
    inlines = [MembershipInline, PortfolioInline]
