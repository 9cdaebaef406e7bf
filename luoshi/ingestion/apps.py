from django.apps import AppConfig


class IngestionConfig(AppConfig):
    name = "luoshi.ingestion"
    label = "ingestion"
    verbose_name = "导入 Ingestion"
