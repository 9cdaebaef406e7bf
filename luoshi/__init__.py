"""Luoshi (落实): turn what governments decide into tasks that get done."""

__version__ = "0.1.0"
