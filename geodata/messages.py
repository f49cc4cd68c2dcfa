"""The engine's sentences to the user, in the window's language.

An error the user can fix is one English sentence, and the command line prints it as it is.
The window shows the same sentence in its own language: :func:`message` returns it in ``"zh"``
or ``"en"`` from the ``msg.`` entries of :data:`geodata.i18n.TEXT`.

- A sentence made with :func:`said` is a :class:`Sentence`: a ``str`` holding the English text
  that keeps its key and values. An error raised with one keeps them as well
  (:attr:`geodata.errors.InfraAtlasError.key` and ``values``).
- A sentence that lost them on its way (gathered in a list of warnings as ``str(error)``,
  passed through a worker's signal, or written by code that builds its English with an
  f-string) is read back by :func:`recognise`: it is matched against the English of every
  ``msg.`` entry and its values recovered.
- Values are inserted as they are, in one pass: never formatted, never read as a template, so
  a file name holding ``{x}``, ``%s`` or ``<b>`` stays as it is. A value that is itself a
  sentence (a :class:`Sentence`, an error with a key, or, in a slot named in :data:`NESTED`,
  the English of a ``msg.`` entry) is given in the same language.
- A sentence no entry knows is returned as it is (English).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from geodata.i18n import TEXT

#: The prefix of the entries of :data:`geodata.i18n.TEXT` that are sentences to the user.
PREFIX = "msg."
#: Slots whose value may be a sentence of its own (a cause, a fix, a word of the engine).
NESTED = frozenset(
    {"what", "fix", "reason", "detail", "problem", "shape", "action", "formats", "level"}
)
_FIELD = re.compile(r"\{(\w+)\}")


class Sentence(str):
    """An English sentence (a ``str``) that keeps the key and values it was made from.

    Parameters
    ----------
    key : str
        An entry of :data:`geodata.i18n.TEXT` (``"msg.state.damaged"``).
    values : mapping
        The values of its ``{placeholders}``.

    Raises
    ------
    KeyError
        For a key not in the table or a placeholder without a value.
    """

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, values: Mapping[str, Any]) -> Sentence:  # noqa: D102
        self = super().__new__(cls, fill(TEXT[key]["en"], values, "en"))
        self.key = key
        self.values = dict(values)
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # noqa: D105 - pickled with its key
        return (Sentence, (self.key, self.values))


def said(name: str, /, **values: Any) -> Sentence:
    """Return the sentence ``msg.<name>`` with ``values`` (its English is the ``str``).

    ``said("state.damaged", path=p, what="empty", fix=fix)``; values are inserted as they are
    (a value may be called ``key`` or ``name``: the first argument is positional only).
    """
    return Sentence(PREFIX + name, values)


def fill(template: str, values: Mapping[str, Any], language: str) -> str:
    """Return ``template`` with each ``{name}`` replaced by its value, in one pass.

    Inserted values are never scanned again, so braces or ``%`` in them stay as they are.
    """
    return _FIELD.sub(lambda m: _value_text(m.group(1), values[m.group(1)], language), template)


def _value_text(name: str, value: Any, language: str) -> str:
    if getattr(value, "key", None):
        return message(value, language)
    text = str(value)
    if name in NESTED:
        found = recognise(text)
        if found is not None:
            return message(found, language)
    return text


def message(item: Any, language: str) -> str:
    """Return an engine sentence, or an error's, in ``language`` (``"zh"`` or ``"en"``).

    Parameters
    ----------
    item : Sentence, Exception or str
        A sentence with its key, an error (with a key, or one whose message is known), or an
        English sentence read back with :func:`recognise`.
    language : str
        ``"zh"`` or ``"en"``; English stands in for a language without an entry.

    Returns
    -------
    str
        The sentence; one no entry knows is returned as it is.
    """
    key = getattr(item, "key", None)
    if key and key in TEXT:
        entry = TEXT[key]
        return fill(entry.get(language, entry["en"]), item.values, language)
    text = str(item)
    found = recognise(text)
    return text if found is None else message(found, language)


def recognise(text: str) -> Sentence | None:
    """Return the sentence whose English ``text`` is, with its values; None when none matches.

    The most specific entry (the most fixed text) is tried first. Each placeholder takes at
    least one character: as few as the next fixed text allows, read from the left, else from
    the right. The reading never backtracks further, so it takes time in proportion to the
    text's length (a pattern with several ``.+?`` would take minutes on a long hostile name).
    """
    if not text:
        return None
    for key, template in _templates():
        values = template.read(text)
        if values is not None:
            return Sentence(key, values)
    return None


class _Template:
    """The English of an entry as its fixed texts and the placeholders between them."""

    def __init__(self, english: str) -> None:
        self.names = _FIELD.findall(english)
        self.fixed = _FIELD.split(english)[::2]  # one more than the names

    def read(self, text: str) -> dict[str, str] | None:
        """Return the values of ``text`` read against the template, or None."""
        head, tail = self.fixed[0], self.fixed[-1]
        if not self.names:
            return {} if text == head else None
        if (
            len(text) < len(head) + len(tail)
            or not text.startswith(head)
            or not text.endswith(tail)
        ):
            return None
        body = text[len(head) : len(text) - len(tail)]
        for found in (self._from_left(body), self._from_right(body)):
            if found is not None and all(found):
                values: dict[str, str] = {}
                if all(
                    values.setdefault(n, v) == v for n, v in zip(self.names, found, strict=True)
                ):
                    return values
        return None

    def _from_left(self, body: str) -> list[str] | None:
        found, start = [], 0
        for fixed in self.fixed[1:-1]:
            at = body.find(fixed, start + 1)
            if at < 0:
                return None
            found.append(body[start:at])
            start = at + len(fixed)
        return [*found, body[start:]]

    def _from_right(self, body: str) -> list[str] | None:
        found, end = [], len(body)
        for fixed in reversed(self.fixed[1:-1]):
            at = body.rfind(fixed, 0, end - 1)
            if at < 0:
                return None
            found.append(body[at + len(fixed) : end])
            end = at
        return [body[:end], *reversed(found)]


@cache
def _templates() -> list[tuple[str, _Template]]:
    """Return the ``msg.`` entries' English as templates, most fixed text first."""
    keyed = []
    for key, entry in TEXT.items():
        if key.startswith(PREFIX):
            template = _Template(entry["en"])
            keyed.append((-sum(map(len, template.fixed)), key, template))
    return [(key, template) for _, key, template in sorted(keyed, key=lambda k: k[:2])]
