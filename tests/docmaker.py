"""Small real plan documents for tests: text files, Word documents, PDFs and web pages.

Each function writes one file into ``folder`` and returns its path. No Qt is imported; fpdf2
(a test dependency) makes the PDFs with the bundled Noto Sans SC font so Chinese text has a
real text layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FONT = REPO / "resources" / "fonts" / "NotoSansSC_400Regular.ttf"

#: Paragraphs of a simplified Chinese plan, long enough to wrap in a PDF.
PLAN_ZH = (
    "一、总体要求",
    "到2025年，全省累计建成5G基站12万个，实现城市和县城5G网络全面覆盖，重点乡镇和行政村5G"
    "网络通达率达到90%以上，千兆光纤网络覆盖家庭超过1500万户。",
    "二、主要任务",
    "加快建设全国一体化算力网络枢纽节点，数据中心机架规模达到30万架，平均上架率不低于65%，"
    "新建大型数据中心电能利用效率降到1.3以下。",
)
#: The same plan in traditional characters.
PLAN_ZH_HANT = (
    "一、總體要求",
    "到2025年，全省累計建成5G基站12萬個，實現城市和縣城5G網絡全面覆蓋，重點鄉鎮和行政村5G"
    "網絡通達率達到90%以上，千兆光纖網絡覆蓋家庭超過1500萬戶。",
)
#: An English plan paragraph, long enough to wrap in a PDF.
PLAN_EN = (
    "By 2025 the province will have built 120,000 5G base stations in total, covering all "
    "cities and county towns, and gigabit fibre will reach more than fifteen million homes "
    "across the prefectures."
)


def write_text(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` in ``encoding`` (``"utf-8-sig"`` for UTF-8 with a byte-order mark)."""
    path = Path(folder) / name
    path.write_bytes(text.encode(encoding))
    return path


def write_docx(
    folder: Path,
    name: str,
    paragraphs: Sequence[str],
    table_rows: Sequence[Sequence[str]] | None = None,
    title: str = "",
    paragraphs_after: Sequence[str] = (),
) -> Path:
    """Write a Word document: ``paragraphs``, a table of ``table_rows``, ``paragraphs_after``."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for text in paragraphs:
        document.add_paragraph(text)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for row, values in zip(table.rows, table_rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    for text in paragraphs_after:
        document.add_paragraph(text)
    path = Path(folder) / name
    document.save(str(path))
    return path


def _pdf_class():
    from fpdf import FPDF

    class PlanPDF(FPDF):
        """A PDF with an optional running header and footer (``{page}`` is the page number)."""

        running_header = ""
        running_footer = ""

        def header(self):
            if self.running_header:
                self.set_font("noto", size=9)
                self.cell(0, 8, self.running_header, align="C")
                self.ln(12)
                self.set_font("noto", size=12)

        def footer(self):
            if self.running_footer:
                self.set_y(-15)
                self.set_font("noto", size=9)
                self.cell(0, 8, self.running_footer.format(page=self.page_no()), align="C")

    return PlanPDF


def write_pdf(
    folder: Path,
    name: str,
    pages: Sequence[str],
    password: str | None = None,
    header: str = "",
    footer: str = "",
    title: str = "",
) -> Path:
    """Write a PDF with a text layer, one string a page (``\\n`` breaks a line).

    ``password`` encrypts it (the user password: pdfium refuses it without); ``header`` and
    ``footer`` repeat on every page (``{page}`` in the footer is the page number); ``title``
    goes into the metadata.
    """
    pdf = _pdf_class()()
    pdf.running_header, pdf.running_footer = header, footer
    pdf.add_font("noto", "", str(FONT))
    pdf.set_font("noto", size=12)
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    if password is not None:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    path = Path(folder) / name
    pdf.output(str(path))
    return path


def write_scanned_pdf(folder: Path, name: str, pages: int = 1) -> Path:
    """Write a PDF whose pages hold only an image of text lines (no text layer)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    for top in range(60, 740, 40):
        draw.rectangle((50, top, 550 - (top * 7) % 180, top + 16), fill=0)
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.image(image, x=10, y=10, w=190)
    path = Path(folder) / name
    pdf.output(str(path))
    return path


_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<title>{title}_政策解读_某省人民政府门户网站</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.nav li {{ float: left; }} .footer {{ color: #666; }}</style>
</head>
<body>
<div class="top-bar"><a href="/">网站首页</a> | <a href="/en/">English</a> |
<a href="/wza/">无障碍浏览</a> | <a href="/zz/">长者模式</a> | <a href="/login">登录</a></div>
<div class="header"><a class="logo" href="/"><img src="logo.png" alt="某省人民政府门户网站"></a>
<form class="search" action="/search"><input name="q" placeholder="请输入关键词">
<button type="submit">搜索</button></form></div>
<ul class="nav">
<li><a href="/">首页</a></li><li><a href="/yw/">要闻动态</a></li>
<li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hd/">互动交流</a></li><li><a href="/zj/">走进某省</a></li>
</ul>
<div class="main">
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
<a href="/zcjd/">政策解读</a></div>
<article><div class="content">
<h1>{title}</h1>
<div class="info">发布时间：2021-06-01 09:30 来源：省发展改革委</div>
{body}
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div></article>
<div class="sidebar"><h3>相关新闻</h3><ul>
<li><a href="/a/1.html">省领导调研数字经济发展工作</a></li>
<li><a href="/a/2.html">全省营商环境优化提升大会召开</a></li>
<li><a href="/a/3.html">我省举行新闻发布会介绍春耕生产情况</a></li>
<li><a href="/a/4.html">省政府常务会议研究部署近期重点工作</a></li>
</ul></div>
</div>
<div class="footer">
<p><a href="/map/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/sm/">网站声明</a></p>
<p>主办：某省人民政府办公厅 版权所有 &copy; 2021 某省人民政府</p>
<p>备案号：某ICP备05001234号-1 网站标识码：1100000001 公安机关备案号 11000002000001</p>
</div>
</body>
</html>
"""


def write_html(
    folder: Path,
    name: str,
    title: str,
    paragraphs: Sequence[str],
    encoding: str = "utf-8",
    declare_charset: bool = True,
) -> Path:
    """Write a government news page: the article's ``paragraphs`` amid menus and footers.

    The chrome is what a real page has around an article: a top bar and navigation menu, a
    search form, breadcrumbs, a sidebar of other news and a footer with the copyright line and
    the ICP number. ``declare_charset=False`` leaves the ``<meta charset>`` empty.
    """
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    charset = encoding if declare_charset else ""
    page = _PAGE.format(charset=charset, title=escape(title), body=body)
    if not declare_charset:
        page = page.replace('<meta charset="">\n', "")
    path = Path(folder) / name
    path.write_bytes(page.encode(encoding, "xmlcharrefreplace"))
    return path
