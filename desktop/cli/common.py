"""What the commands share: the usage error, the parser class, province help, JSON output."""

from __future__ import annotations

import argparse
import json
import sys


class UsageError(Exception):
    """Bad command-line usage (reported as one ``error:`` line, exit 2)."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are :class:`UsageError` (one line, exit 2)."""

    def error(self, message: str) -> None:  # noqa: D102 - argparse hook
        raise UsageError(f"{message} (see {self.prog} --help)")


def featured_slugs() -> tuple[tuple[str, str], ...]:
    """Return ``(slug, adcode)`` of each province the seed plans cover, in the manifest's order."""
    from geodata.plan.provinces import featured, profile

    return tuple((profile(code).slug, code) for code in featured())


def province_help() -> str:
    """Return the help of a ``--province`` option: any province, the featured ones as examples."""
    examples = " or ".join(f"{slug} ({code})" for slug, code in featured_slugs())
    return f"province name, pinyin or adcode (any of the 34), e.g. 安徽, anhui, {examples}"


class ProvinceOption(argparse.Action):
    """A ``--province VALUE`` option whose help is :func:`province_help`, made when shown.

    The help reads the plans' manifest; the app's own start (``infra-atlas gui``) does not wait
    for it.
    """

    help = property(lambda _self: province_help(), lambda _self, _value: None)

    def __call__(self, _parser, namespace, values, _option_string=None) -> None:  # noqa: D102
        setattr(namespace, self.dest, values)


def province_examples() -> str:
    """Return the featured provinces' names for a message: ``"shanxi or zhejiang"``."""
    return " or ".join(slug for slug, _ in featured_slugs())


def region_code(value: str) -> str:
    """Return the adcode a ``--region`` value gives.

    Raises
    ------
    UsageError
        When the value is not a 6-digit (or 12-digit statistical) code.
    """
    from geodata.regions.names import normalise_code

    code = normalise_code(value)
    if code is None:
        raise UsageError(f"--region {value!r} is not an adcode: give 6 digits, e.g. 140100")
    return code


def print_json(data: dict) -> None:
    """Print ``data`` as one indented, strict JSON object (Chinese kept; no NaN or Infinity)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
