"""Refresh the Chinese catalogue of the desktop app's strings.

Run after adding or changing any ``self.tr(...)`` string under ``desktop/``::

    python desktop/translations/update.py            # report what is untranslated
    python desktop/translations/update.py --strict   # ... and exit 1 if anything is

It

1. runs ``pyside6-lupdate`` over every ``desktop/**/*.py`` to (re)generate
   ``infra_atlas_zh_CN.ts``, merging with the existing file (strings that vanished from the code
   are dropped);
2. fills every ``<translation>`` from the English -> Chinese dict ``TRANSLATIONS`` in
   ``zh_CN.py`` (a ``(context, source)`` key in ``CONTEXT_TRANSLATIONS`` wins for one class);
   a translation made in Qt Linguist for a string the dict lacks is kept;
3. reports the strings that are still untranslated;
4. runs ``pyside6-lrelease`` to write ``infra_atlas_zh_CN.qm``, which
   :func:`desktop.i18n.install_language` loads.

Re-running it is safe: translations are never lost unless their source string is gone.
"""

from __future__ import annotations

import argparse
import runpy
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
DESKTOP = HERE.parent
TS_FILE = HERE / "infra_atlas_zh_CN.ts"
QM_FILE = HERE / "infra_atlas_zh_CN.qm"
DICT_FILE = HERE / "zh_CN.py"


def _tool(name: str) -> str:
    """Return the path of a PySide6 tool, next to this Python first, then on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"error: {name} not found: install PySide6 in this environment")
    return found


def sources() -> list[Path]:
    """Return the Python files whose strings are translated (this folder excluded)."""
    return sorted(p for p in DESKTOP.rglob("*.py") if HERE not in p.parents)


def run_lupdate() -> None:
    """Extract the strings into the .ts file, keeping the translations already in it."""
    files = [str(p.relative_to(HERE.parent.parent)) for p in sources()]
    command = [
        _tool("pyside6-lupdate"),
        *files,
        "-no-obsolete",
        "-locations",
        "relative",
        "-source-language",
        "en",
        "-target-language",
        "zh_CN",
        "-ts",
        str(TS_FILE),
    ]
    subprocess.run(command, check=True, cwd=HERE.parent.parent)


def fill(ts_file: Path = TS_FILE) -> list[tuple[str, str]]:
    """Fill the .ts file's translations from ``zh_CN.py``.

    Returns
    -------
    list of (str, str)
        ``(context, source)`` of each message still without a translation.
    """
    table = runpy.run_path(str(DICT_FILE))
    by_source: dict[str, str] = table["TRANSLATIONS"]
    by_context: dict[tuple[str, str], str] = table.get("CONTEXT_TRANSLATIONS", {})
    tree = ET.parse(ts_file)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            chinese = by_context.get((name, source), by_source.get(source))
            if chinese is not None:
                forms = translation.findall("numerusform")
                if forms:
                    for form in forms:
                        form.text = chinese
                else:
                    translation.text = chinese
                translation.attrib.pop("type", None)
            elif translation.get("type") in ("unfinished", "vanished", "obsolete") or not (
                translation.text or translation.findall("numerusform")
            ):
                missing.append((name, source))
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )
    return missing


def run_lrelease() -> None:
    """Compile the .ts file into the .qm catalogue the app loads."""
    subprocess.run([_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(QM_FILE)], check=True)


def main(argv: list[str] | None = None) -> int:
    """Run the whole update; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a string has no Chinese translation"
    )
    args = parser.parse_args(argv)
    run_lupdate()
    missing = fill()
    run_lrelease()
    for context, source in missing:
        print(f"untranslated: [{context}] {source!r}  (add it to {DICT_FILE.name})")
    print(f"{len(missing)} untranslated string(s); wrote {TS_FILE.name} and {QM_FILE.name}")
    return 1 if missing and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
