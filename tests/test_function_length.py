"""No function in the engine or the desktop package has a body over 100 lines.

A long function is split into named steps; the docstring does not count, the code does.
"""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAX_BODY_LINES = 100


def body_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Return the number of source lines of a function's body, its docstring left out."""
    body = node.body
    if (
        len(body) > 1
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    ):
        body = body[1:]
    return body[-1].end_lineno - body[0].lineno + 1


def long_functions(root: Path, limit: int = MAX_BODY_LINES) -> list[str]:
    """Return ``path:line name (N lines)`` for every function under ``root`` over ``limit``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = body_lines(node)
                if n > limit:
                    where = path.relative_to(REPO)
                    found.append(f"{where}:{node.lineno} {node.name} ({n} lines)")
    return found


def test_body_lines_counts_code_not_the_docstring():
    tree = ast.parse('def f():\n    """Doc.\n\n    More.\n    """\n    a = 1\n    return a\n')
    assert body_lines(tree.body[0]) == 2
    tree = ast.parse("def g():\n    if True:\n        pass\n")
    assert body_lines(tree.body[0]) == 2


def test_the_check_finds_a_long_function(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    lines = "\n".join(f"    x{i} = {i}" for i in range(101))
    (package / "long.py").write_text(f"def long():\n{lines}\n", encoding="utf-8")
    (package / "short.py").write_text("def short():\n    return 1\n", encoding="utf-8")
    global REPO
    saved, REPO = REPO, tmp_path
    try:
        assert long_functions(package) == ["pkg/long.py:1 long (101 lines)"]
    finally:
        REPO = saved


def test_no_function_body_over_100_lines_in_geodata_or_desktop():
    offenders = long_functions(REPO / "geodata") + long_functions(REPO / "desktop")
    assert offenders == [], "split these into named steps:\n" + "\n".join(offenders)
