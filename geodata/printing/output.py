"""Writing figures and reports: file formats, resolution, and safe, atomic saving.

A figure is saved with matplotlib's non-interactive backends only (Agg for PNG, the PDF and SVG
backends by file suffix; never pyplot).
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.errors import InputError
from geodata.paths import atomic_path

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = (".png", ".svg", ".pdf")
DEFAULT_DPI = 300
DPI_RANGE = (50, 1200)


def check_dpi(dpi: object) -> int:
    """Return ``dpi`` as an int, or raise :class:`InputError` when it is out of range."""
    try:
        value = int(dpi)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        value = -1
    low, high = DPI_RANGE
    if not low <= value <= high or str(dpi).strip() not in (str(value), f"{value}.0"):
        raise InputError(f"--dpi {dpi!r} is not usable: give a whole number from {low} to {high}")
    return value


def _check_format(path: Path) -> str:
    """Return the lower-case suffix of ``path``, or raise when it is not a figure format."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{path.name} must end in {', '.join(FORMATS)}: pick one of those formats")
    return suffix


def check_output(path: str | Path, force: bool = False) -> Path:
    """Return ``path`` as a Path after checking it can be written as a figure.

    Raises
    ------
    InputError
        For a suffix other than .png, .svg or .pdf, a missing folder, or an existing file
        without ``force``.
    """
    path = Path(path)
    _check_format(path)
    if not path.parent.is_dir():
        raise InputError(f"the folder {path.parent} does not exist: create it first")
    if path.exists() and not force:
        raise InputError(f"{path} exists: choose another name or add --force to overwrite it")
    return path


def save_figure(fig: Figure, path: str | Path, dpi: int = DEFAULT_DPI) -> Path:
    """Save a figure as PNG, SVG or PDF (by the file's suffix), atomically.

    PNG files carry ``dpi`` in their metadata and measure a whole number of pixels: the page
    is snapped to the nearest pixel (A4 landscape at 300 dpi is 3508 x 2480). SVG and PDF are
    vector (boundaries are paths; PDF text is embedded TrueType and can be searched).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    path : str or Path
        Ends in ``.png``, ``.svg`` or ``.pdf``; an existing file is replaced.
    dpi : int
        Resolution of PNG output (and of any raster part of vector output).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    InputError
        For another suffix, a DPI out of range, or a folder that cannot be written.
    """
    path = Path(path)
    suffix = _check_format(path)
    dpi = check_dpi(dpi)
    w, h = (float(v) for v in fig.get_size_inches())
    if suffix == ".png":
        fig.set_size_inches(round(w * dpi) / dpi, round(h * dpi) / dpi)
    title = getattr(fig, "atlas", {}).get("title", "Infra Atlas figure")
    metadata = {
        ".png": {"Title": title, "Software": "Infra Atlas"},
        ".svg": {"Title": title},
        ".pdf": {"Title": title, "Creator": "Infra Atlas"},
    }[suffix]
    with ExitStack() as stack:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = stack.enter_context(atomic_path(path, suffix))
        except OSError as exc:
            raise InputError(
                f"cannot write {path} ({exc.strerror or exc}): choose another folder or file name"
            ) from None
        options = {"pil_kwargs": {"compress_level": 1}} if suffix == ".png" else {}
        fig.savefig(tmp, dpi=dpi, format=suffix[1:], metadata=metadata, **options)
    return path
