"""Plan documents and the targets, roles and corridors drawn from them (data only)."""

from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent
DOCUMENTS_DIR = SEEDS_DIR / "documents"
