from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "luoshi.audit"
    label = "audit"
    verbose_name = "审计 Audit"
