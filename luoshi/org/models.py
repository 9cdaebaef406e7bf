"""Units, people, memberships and leaders' portfolios (组织机构)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    CITY = "city", _("City or county government")
    DISTRICT = "district", _("District or county")
    DEPARTMENT = "department", _("Department")
    TOWNSHIP = "township", _("Township or street")
    OFFICE = "office", _("Office or section")
    SUPERVISION = "supervision", _("Supervision office")
    OTHER = "other", _("Other")


def normalise_name(name: str) -> str:
    """Unit names compare without white space or a trailing colon, as people type them."""
    return "".join(name.split()).strip(":：")


class UnitQuerySet(models.QuerySet["Unit"]):
    def subtree_of(self, unit: Unit) -> UnitQuerySet:
        """The unit and every unit under it."""
        return self.filter(path__startswith=unit.path)


class Unit(models.Model):
    """单位: a government body in the tree city → district/department → township/office."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices, default=UnitKind.DEPARTMENT)
    peer_group = models.CharField(
        _("peer group"), max_length=100, blank=True, help_text=_("考核分组, for rankings")
    )
    # Materialised path "/1/7/42/": a subtree is one indexed prefix match on any database.
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The path is an invariant of the tree, kept here so admin edits and actions agree.
        old_path = self.path
        if self.pk is None:
            super().save(*args, **kwargs)
            kwargs.pop("force_insert", None)
        self.path = (self.parent.path if self.parent else "/") + f"{self.pk}/"
        if self.parent and self.parent.path.startswith(self.path):
            raise ValueError("a unit cannot be placed under itself")
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                path=Concat(models.Value(self.path), Substr("path", len(old_path) + 1))
            )

    def names(self) -> list[str]:
        """Every name this unit is known by: full name, short name, aliases."""
        out = [self.name]
        if self.short_name:
            out.append(self.short_name)
        out.extend(a.alias for a in self.aliases.all())
        return out


class UnitAlias(models.Model):
    """简称/别名: another name people use for a unit (市发改委 for 市发展和改革委员会)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(_("alias"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("unit alias")
        verbose_name_plural = _("unit aliases")

    def __str__(self) -> str:
        return self.alias


class Person(AbstractUser):
    """人员: someone who signs in — office staff, a unit's liaison or head, a leader."""

    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.display_name or self.username


class Role(models.TextChoices):
    LIAISON = "liaison", _("Liaison")  # 联络员
    HEAD = "head", _("Head")  # 主要负责人
    DEPUTY = "deputy", _("Deputy head")  # 分管负责人
    SUPERVISOR = "supervisor", _("Supervisor")  # 督查室工作人员: sees and runs everything


class Membership(models.Model):
    """任职: a person's role in a unit."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["person", "unit", "role"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.person} · {self.unit} · {self.get_role_display()}"


class Portfolio(models.Model):
    """分管: a leader is in charge of a unit (and so of its subtree)."""

    leader = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="portfolio")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="leaders")

    class Meta:
        verbose_name = _("portfolio")
        verbose_name_plural = _("portfolios")
        constraints = [models.UniqueConstraint(fields=["leader", "unit"], name="portfolio_unique")]

    def __str__(self) -> str:
        return f"{self.leader} → {self.unit}"
