"""Data shipped with the package: the demo organisation and ledger, calendar year files."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def demo_path(name: str) -> Path:
    """A file of the demo set (`units.csv`, ...)."""
    return DATA_DIR / "demo" / name
