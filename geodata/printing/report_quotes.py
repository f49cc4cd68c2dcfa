"""The Quotes section of a region report: each distinct quote once, numbered, with its source.

Targets drawn from the same sentence of the same document share one quote: the quote is
printed once, numbered ``[1]``, ``[2]``... in the order the tables first cite them, with the
document named as a reader cites it (title, publisher and date; a stored plan: its title and
import date) and the ids of the targets that cite it. No file name or store key is printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geodata.i18n import tr
from geodata.printing.page import wrap_text
from geodata.printing.report_flow import MARGIN, TEXT_W, Block, TextLine, put, text_block

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from geodata.plan.documents import Document
    from geodata.plan.targets import Target

#: Quote text, and its source lines, in points.
QUOTE_SIZE = 8.5
NOTE_SIZE = 7.5
#: Indent of a quote's text after its number.
HANG = 24.0
#: Lines of a long quote kept together (a longer one may break across pages between chunks).
CHUNK = 30


@dataclass
class NumberedQuote:
    """One quote as the Quotes section prints it.

    Attributes
    ----------
    number : int
        1, 2... (the tables' quote column refers to it).
    text : str
        The quote, verbatim.
    source : str
        The targets' ``source`` (a seed file or ``plan-{n}``; never printed).
    cited : str
        The document as a reader cites it.
    targets : list of str
        Ids of the targets that cite it, in table order.
    """

    number: int
    text: str
    source: str
    cited: str
    targets: list[str] = field(default_factory=list)


def cite(source: str, docs: dict[str, Document], language: str) -> str:
    """Return a target's document as a reader cites it.

    A seed document: ``title (publisher, date)``; a stored plan: ``title (imported date)``;
    a source no document is named by: "document not found" rather than its key.
    """
    from geodata.plan.store import PlanStore, plan_number

    doc = docs.get(source)
    if doc is None:
        return tr("report.unknown_source", language)
    number = plan_number(source)
    if number is not None and number > 0:
        imported = PlanStore().get(number).imported_at[:10]
        when = tr("report.imported", language, date=imported) if imported else ""
        return f"{doc.title} ({when})" if when else doc.title
    date = doc.date or tr("figure.undated", language)
    return f"{doc.title} ({', '.join(part for part in (doc.publisher, date) if part)})"


def number_quotes(
    targets: list[Target], docs: dict[str, Document], language: str
) -> tuple[list[NumberedQuote], list[int]]:
    """Return the distinct quotes of ``targets`` (a quote and its document), numbered in order.

    Returns
    -------
    tuple
        ``(quotes, numbers)``: the numbered quotes, and each target's quote number.
    """
    quotes: dict[tuple[str, str], NumberedQuote] = {}
    cited: dict[str, str] = {}
    numbers = []
    for t in targets:
        key = (t.quote.strip(), t.source)
        if key not in quotes:
            if t.source not in cited:
                cited[t.source] = cite(t.source, docs, language)
            quotes[key] = NumberedQuote(len(quotes) + 1, key[0], t.source, cited[t.source])
        quotes[key].targets.append(t.id)
        numbers.append(quotes[key].number)
    return list(quotes.values()), numbers


def quote_blocks(quotes: list[NumberedQuote], language: str) -> list[Block]:
    """Return the blocks of the Quotes section (a quote stays on one page when it fits one)."""
    sep = "：" if language == "zh" else ": "
    listed = "、" if language == "zh" else ", "
    blocks = []
    for q in quotes:
        source = tr("report.source", language) + sep + q.cited
        ids = tr("report.cited_by", language) + sep + listed.join(q.targets)
        lines = [
            TextLine(part, QUOTE_SIZE, color="#222222", indent=HANG)
            for part in wrap_text(f"“{q.text}”", TEXT_W - HANG, QUOTE_SIZE)
        ]
        notes = [
            TextLine(source, NOTE_SIZE, color="#555555", indent=HANG),
            TextLine(ids, NOTE_SIZE, color="#555555", indent=HANG),
        ]
        chunks = [lines[i : i + CHUNK] for i in range(0, len(lines), CHUNK)]
        chunks[-1] = chunks[-1] + notes
        parts = [text_block(chunk, keep=True) for chunk in chunks]
        parts[0].gap, parts[-1].keep = 6.0, False
        blocks += [_numbered(parts[0], q.number), *parts[1:]]
    return blocks


def _numbered(block: Block, number: int) -> Block:
    """Return a quote's first block with its number printed left of the first line."""
    label = f"[{number}]"
    inner = block.draw

    def draw(fig: Figure, top: float) -> None:
        put(fig, MARGIN, top, label, QUOTE_SIZE, fontweight="bold")
        inner(fig, top)

    block.draw = draw
    block.lines[0] = f"{label} {block.lines[0]}"
    return block
