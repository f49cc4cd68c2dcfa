"""Vendored web assets, fonts and icons shipped with Infra Atlas (data only)."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
