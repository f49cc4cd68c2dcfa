"""Benchmark: a 100-page text PDF of a Chinese plan to proposed targets (goal: under 5 s).

Each run is the command a planner types, in a fresh process, so that start-up, reading the PDF
and proposing targets are all counted::

    infra-atlas plan-import plan.pdf --province zhejiang --json

Run alone with ``python benchmarks/bench_plan.py``; the benchmark runner imports
:func:`bench_plan_pdf` and records the median it returns.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_SECONDS = 5.0
PAGES = 100

#: Sentences in the style of a provincial plan and its progress reports (numbers vary by page).
_PARAGRAPHS = (
    "到{y}年，全省累计建成5G基站{a}万个，实现县城以上区域5G网络全覆盖，千兆光网用户达到{b}万户。",
    "截至{p}年6月底，杭州、宁波、温州、嘉兴市已建成千兆城市，全市累计建成5G基站{c}个。",
    "推进数据中心集约化发展，新建数据中心机架{d}万架左右，平均PUE控制在1.3以下。",
    "实施新型基础设施建设项目{e}个以上，完成投资约{f}亿元，带动社会投资超过{g}亿元。",
    "建设省级重点实验室{h}家，争取国家级创新平台突破{i}个，工业互联网平台连接设备{j}万台。",
    "（{n}）加快布局智能计算基础设施。支持台州、金华、衢州建设算力调度中心，"
    "算力规模达到{k}PFlops。",
    "到{y}年，新能源汽车公共充电桩达到{m}万个，高速公路服务区快充站覆盖率达到100%。",
)


def write_plan_pdf(path: Path, pages: int = PAGES) -> int:
    """Write a text PDF of ``pages`` pages of plan prose; return its number of characters."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("noto", "", str(ROOT / "resources/fonts/NotoSansSC_400Regular.ttf"))
    pdf.set_font("noto", size=10)
    chars = 0
    for page in range(pages):
        pdf.add_page()
        for i in range(24):  # about 1,100 characters a page, as in a real plan
            text = _PARAGRAPHS[(page + i) % len(_PARAGRAPHS)].format(
                y=2025 + (i % 2) * 5,
                p=2022 + i % 3,
                a=8 + i,
                b=300 + page,
                c=8520 + page,
                d=2 + i % 5,
                e=900 + page,
                f=3600 + i,
                g=1000 + page,
                h=10 + i,
                i=5 + i % 3,
                j=20 + i,
                k=100 * (i + 1),
                m=15 + i,
                n="一二三四五六七八九十"[i % 10],
            )
            chars += len(text)
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    if pdf.page_no() != pages:
        raise RuntimeError(f"the text ran over to {pdf.page_no()} pages: shorten a page")
    pdf.output(str(path))
    return chars


def bench_plan_pdf(runs: int = 3) -> tuple[float, int, int]:
    """Return the median seconds of ``runs`` cold ``plan-import`` runs, characters, proposals."""
    command = Path(sys.executable).with_name("infra-atlas")
    times, proposals = [], 0
    with tempfile.TemporaryDirectory(prefix="infra-atlas-bench-") as folder:
        pdf = Path(folder) / "plan.pdf"
        chars = write_plan_pdf(pdf)
        env = {**__import__("os").environ, "INFRA_ATLAS_HOME": str(Path(folder) / "home")}
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run(
                [str(command), "plan-import", str(pdf), "--province", "zhejiang", "--json"],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            times.append(time.perf_counter() - start)
            proposals = len(json.loads(done.stdout)["proposals"])
    return statistics.median(times), chars, proposals


if __name__ == "__main__":
    median, chars, found = bench_plan_pdf()
    verdict = "meets" if median < GOAL_SECONDS else "MISSES"
    print(
        f"{PAGES}-page text PDF ({chars:,} characters) to {found} proposals: median "
        f"{median:.2f} s cold ({verdict} the {GOAL_SECONDS:.0f} s goal)"
    )
