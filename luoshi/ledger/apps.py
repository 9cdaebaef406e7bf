from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "luoshi.ledger"
    label = "ledger"
    verbose_name = "台账 Ledger"
