"""The task ledger (台账): sources, tasks, milestones, progress reports, extensions."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from luoshi.org.access import scope_for
from luoshi.org.models import Person, Unit


class SourceKind(models.TextChoices):
    SPEECH = "speech", _("Speech")  # 讲话
    MEETING = "meeting", _("Meeting")  # 会议
    WORK_REPORT = "work_report", _("Work report")  # 政府工作报告
    INSTRUCTION = "instruction", _("Written instruction")  # 批示
    SUGGESTION = "suggestion", _("Representative's suggestion")  # 建议
    APPEAL = "appeal", _("Citizen's appeal")  # 诉求
    SPREADSHEET = "spreadsheet", _("Spreadsheet import")  # 台账导入
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")  # 拟办
    ASSIGNED = "assigned", _("Assigned")  # 交办
    ACCEPTED = "accepted", _("Accepted")  # 签收
    IN_PROGRESS = "in_progress", _("In progress")  # 办理中
    DONE = "done", _("Done")  # 办结
    CLOSED = "closed", _("Closed")  # 销号
    RETURNED = "returned", _("Returned")  # 退回
    SUSPENDED = "suspended", _("Suspended")  # 暂缓
    CANCELLED = "cancelled", _("Cancelled")  # 撤销


class Cadence(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")
    PERIODIC = "periodic", _("Periodic")


class Priority(models.IntegerChoices):
    HIGH = 1, _("High")
    NORMAL = 2, _("Normal")
    LOW = 3, _("Low")


class Source(models.Model):
    """来源: the document or import a task came from."""

    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"), null=True, blank=True)
    file_name = models.CharField(_("file name"), max_length=300, blank=True)
    raw_text = models.TextField(_("raw text"), blank=True)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    meta = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "sha256"], condition=~Q(sha256=""), name="source_unique_content"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Tag(models.Model):
    """标签: a free label for thematic inspections (专题督查) and filtering."""

    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class TaskQuerySet(models.QuerySet["Task"]):
    def visible_to(self, person: Person | Any) -> TaskQuerySet:
        """Tasks a person may see: by lead unit or co-unit in reach, or led by them."""
        scope = scope_for(person, via="lead_unit")
        if scope == Q():
            return self
        co = Task.co_units.through.objects.filter(scope_for(person, via="unit")).values("task_id")
        led = Q(lead_leader=person) if getattr(person, "pk", None) else Q(pk__in=[])
        return self.filter(scope | Q(pk__in=co) | led)

    def running(self) -> TaskQuerySet:
        return self.exclude(status__in=[Status.DRAFT, Status.CANCELLED])


class Task(models.Model):
    """任务: one matter a unit must handle by some date."""

    source = models.ForeignKey(
        Source, verbose_name=_("source"), null=True, blank=True, on_delete=models.PROTECT
    )
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent task"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices, default=SourceKind.OTHER)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    seq = models.CharField(
        _("number"), max_length=20, blank=True, help_text=_("序号 as the ledger writes it")
    )
    section = models.CharField(_("section"), max_length=200, blank=True, help_text=_("e.g. 一、稳增长"))
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"), blank=True)
    lead_leader = models.ForeignKey(
        Person,
        verbose_name=_("lead leader"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_tasks",
    )
    lead_leader_name = models.CharField(_("lead leader (as written)"), max_length=100, blank=True)
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name=_("lead unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lead_tasks",
    )
    co_units = models.ManyToManyField(Unit, verbose_name=_("co-units"), blank=True, related_name="co_tasks")
    responsible = models.ForeignKey(
        Person,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responsible_tasks",
    )
    responsible_name = models.CharField(_("responsible person (as written)"), max_length=100, blank=True)
    # Names in the source that matched no unit, kept for the office to resolve.
    unresolved = models.JSONField(_("unresolved names"), default=dict, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    original_deadline = models.DateField(_("original deadline"), null=True, blank=True)
    deadline_text = models.CharField(_("deadline as written"), max_length=100, blank=True)
    cadence = models.CharField(_("reporting cadence"), max_length=20, choices=Cadence.choices, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True)
    progress = models.PositiveSmallIntegerField(_("progress %"), default=0)
    note = models.TextField(_("note"), blank=True)
    assigned_on = models.DateField(_("assigned on"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # Status before a suspension, so resuming returns to where the work was.
    suspended_from = models.CharField(max_length=20, choices=Status.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["id"]
        indexes = [models.Index(fields=["lead_unit", "status"], name="task_unit_status")]

    def __str__(self) -> str:
        return self.title

    def source_excerpt(self, context: int = 40) -> tuple[str, str, str] | None:
        """(before, sentence, after): the words of the original document this task came from,
        with up to `context` characters around them; None when the task has no stored span."""
        if self.source is None or self.source_start is None or self.source_end is None:
            return None
        raw = self.source.raw_text
        start, end = self.source_start, self.source_end
        if not raw or not 0 <= start < end <= len(raw):
            return None
        return raw[max(0, start - context) : start], raw[start:end], raw[end : end + context]


class Target(models.Model):
    """指标: a quantitative target (indicator, operator, value, unit)."""

    class Op(models.TextChoices):
        GE = ">=", "≥"
        LE = "<=", "≤"
        EQ = "=", "="
        GT = ">", ">"
        LT = "<", "<"

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="targets")
    indicator = models.CharField(_("indicator"), max_length=200)
    op = models.CharField(_("operator"), max_length=2, choices=Op.choices, default=Op.GE)
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return f"{self.indicator} {self.op} {self.value}{self.unit}"


class Milestone(models.Model):
    """节点: a dated step for backward scheduling (倒排工期)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=300)
    due = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.due})"


class ProgressReport(models.Model):
    """进展: what a unit reports, with problems, next steps and evidence."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reports")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    reported_on = models.DateField(_("reported on"), db_index=True)
    text = models.TextField(_("progress"))
    percent = models.PositiveSmallIntegerField(_("percent"), null=True, blank=True)
    problems = models.TextField(_("problems"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.task_id} {self.reported_on}"


class Evidence(models.Model):
    """佐证材料: a file attached to a progress report."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to="evidence/%Y/%m/")
    name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.name


class Extension(models.Model):
    """延期: an approved new deadline; the task keeps its original deadline too."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="extensions")
    old_deadline = models.DateField(_("old deadline"), null=True)
    new_deadline = models.DateField(_("new deadline"))
    reason = models.TextField(_("reason"))
    approved_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")

    def __str__(self) -> str:
        return f"{self.task_id}: {self.old_deadline} → {self.new_deadline}"
