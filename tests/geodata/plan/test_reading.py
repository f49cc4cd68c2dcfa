"""Reading plan documents into text: real TXT, DOCX, PDF and HTML files made by docmaker."""

import random
import time

import pytest
from cn2an import an2cn

from geodata.errors import Cancelled, InputError
from geodata.plan.reading import SUPPORTED_SUFFIXES, DocumentText, limits, read_document
from geodata.plan.reading.encoding import plausibility
from geodata.plan.reading.pdf import drop_running_lines
from geodata.plan.reading.text import clean_text, join_wrapped_lines
from tests import docmaker

HANT = "到2025年，全省累計建成5G基站12萬個"
HANS = "到2025年，全省累计建成5G基站12万个"
#: A sentence long enough to wrap over three lines of an A4 PDF page.
LONG_ZH = docmaker.PLAN_ZH[1]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("documents")


# --- text files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "found", "script"),
    [
        ("\n".join(docmaker.PLAN_ZH), "utf-8", "utf-8", "simplified"),
        ("\n".join(docmaker.PLAN_ZH), "utf-8-sig", "utf-8", "simplified"),
        ("\n".join(docmaker.PLAN_ZH), "gb18030", "gb18030", "simplified"),
        ("\n".join(docmaker.PLAN_ZH), "gbk", "gb18030", "simplified"),
        ("\n".join(docmaker.PLAN_ZH_HANT), "big5", "big5", "traditional"),
        ("\n".join(docmaker.PLAN_ZH_HANT), "gb18030", "gb18030", "traditional"),
        ("\n".join(docmaker.PLAN_ZH_HANT), "utf-8", "utf-8", "traditional"),
        ("\n".join(docmaker.PLAN_ZH), "utf-16", "utf-16", "simplified"),
        ("\n".join(docmaker.PLAN_ZH), "utf-16-le", "utf-16-le", "simplified"),
        (HANT, "big5", "big5", "traditional"),
        (HANS, "gb18030", "gb18030", "simplified"),
    ],
)
def test_text_files_in_each_encoding_read_verbatim(folder, text, encoding, found, script):
    path = docmaker.write_text(folder, f"plan-{encoding}.txt", text, encoding)
    doc = read_document(path)
    assert isinstance(doc, DocumentText)
    assert (doc.text, doc.encoding, doc.kind, doc.source) == (text, found, "txt", path.name)
    assert (doc.language, doc.script, doc.pages, doc.warnings) == ("zh", script, 0, ())


@pytest.mark.parametrize("text", ["全省累計建成5G基站12萬個", "臺灣", "數據中心", "萬個"])
def test_a_short_big5_file_is_not_misread_as_gb18030(folder, text):
    doc = read_document(docmaker.write_text(folder, "short.txt", text, "big5"))
    assert (doc.text, doc.encoding, doc.script) == (text, "big5", "traditional")


def test_big5_decoded_as_gb18030_is_implausible():
    raw = HANT.encode("big5")
    assert plausibility(raw.decode("gb18030")) < 0.5
    assert plausibility(raw.decode("big5")) == 1.0


def test_english_text_file(folder):
    doc = read_document(docmaker.write_text(folder, "plan-en.txt", docmaker.PLAN_EN))
    assert (doc.text, doc.language, doc.script, doc.encoding) == (
        docmaker.PLAN_EN,
        "en",
        "",
        "utf-8",
    )


def test_line_ends_and_control_characters_are_normalised_and_widths_kept(folder):
    raw = "第一段，“引号”（全角）,half (x)\r\n\x00第二段\x07。\r\n\r\n\r\n\r\n　　第三段\x1b\x7f"
    doc = read_document(docmaker.write_text(folder, "messy.txt", raw))
    assert doc.text == "第一段，“引号”（全角）,half (x)\n第二段。\n\n第三段"
    assert clean_text("a\n\n\nb", blank_lines=False) == "a\nb"


def test_replacement_characters_are_kept_with_a_warning(folder):
    doc = read_document(docmaker.write_text(folder, "lost.txt", "建成5G基站\ufffd\ufffd万个。"))
    assert doc.text == "建成5G基站\ufffd\ufffd万个。"
    assert len(doc.warnings) == 1 and "2 replacement characters" in doc.warnings[0]


# --- Word -------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_cells_in_document_order(folder):
    rows = [["指标", "2020年", "2025年"], ["5G基站（万个）", "3", "12"]]
    path = docmaker.write_docx(
        folder,
        "plan.docx",
        docmaker.PLAN_ZH[:2],
        rows,
        title="某省新基建规划",
        paragraphs_after=["三、保障措施"],
    )
    doc = read_document(path)
    assert doc.text.split("\n") == [
        *docmaker.PLAN_ZH[:2],
        "指标\t2020年\t2025年",
        "5G基站（万个）\t3\t12",
        "三、保障措施",
    ]
    assert (doc.kind, doc.title, doc.language, doc.script) == (
        "docx",
        "某省新基建规划",
        "zh",
        "simplified",
    )


def test_docx_progress_counts_the_blocks(folder):
    path = docmaker.write_docx(folder, "progress.docx", ["一", "二", "三"], [["a", "b"]])
    calls = []
    read_document(path, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


# --- PDF --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan_pdf(folder):
    pages = [
        "\n".join(docmaker.PLAN_ZH),
        "三、保障措施\n" + docmaker.PLAN_EN,
        "四、附则\n本规划自印发之日起施行。",
    ]
    return docmaker.write_pdf(
        folder,
        "plan.pdf",
        pages,
        header="某省新型基础设施建设“十四五”规划",
        footer="- {page} -",
        title="某省新型基础设施建设规划",
    )


def test_pdf_joins_the_lines_a_sentence_wraps_over(plan_pdf):
    doc = read_document(plan_pdf)
    lines = doc.text.split("\n")
    assert LONG_ZH in lines  # wrapped over three lines in the PDF, one line here
    assert docmaker.PLAN_EN in lines  # Latin words joined with a space
    assert lines[:2] == list(docmaker.PLAN_ZH[:2])  # the heading stays its own paragraph
    assert "本规划自印发之日起施行。" in lines
    assert (doc.kind, doc.pages, doc.title, doc.language) == (
        "pdf",
        3,
        "某省新型基础设施建设规划",
        "zh",
    )


def test_pdf_running_header_and_page_numbers_are_dropped(plan_pdf):
    doc = read_document(plan_pdf)
    assert "十四五" not in doc.text
    assert not any(f"- {n} -" in doc.text for n in (1, 2, 3))


def test_chinese_page_number_footers_are_dropped(folder):
    pages = [f"第{n}章\n{LONG_ZH}\n第{n}章完。" for n in "一二三四"]
    doc = read_document(docmaker.write_pdf(folder, "cn-footer.pdf", pages, footer="第 {page} 页"))
    assert "页" not in doc.text
    assert doc.text.count(LONG_ZH) == 4 and "第四章完。" in doc.text


def test_a_lone_page_number_is_dropped_but_repeated_text_of_a_short_pdf_kept(folder):
    pages = [LONG_ZH, LONG_ZH, "结束。"]
    doc = read_document(docmaker.write_pdf(folder, "short.pdf", pages, footer="{page}"))
    assert doc.text.split("\n") == [LONG_ZH, LONG_ZH, "结束。"]


def test_a_one_page_pdf_keeps_its_lines_and_drops_its_page_number(folder):
    path = docmaker.write_pdf(folder, "one.pdf", ["一、总体要求\n全面建成。"], footer="- {page} -")
    assert read_document(path).text == "一、总体要求\n全面建成。"


def test_line_joining_rules():
    assert join_wrapped_lines(["到2025年，全省累计建成5G", "基站12万个。", "二、任务"]) == (
        "到2025年，全省累计建成5G基站12万个。\n二、任务"
    )
    english = [
        "The province will build new infra-",
        "structure across all prefectures and",
        "cities by 2025.",
    ]
    assert join_wrapped_lines(english) == (
        "The province will build new infrastructure across all prefectures and cities by 2025."
    )
    covid = ["Measures against COVID-", "19 continue across the province and", "its cities."]
    assert join_wrapped_lines(covid) == (
        "Measures against COVID-19 continue across the province and its cities."
    )
    assert join_wrapped_lines(["一、总体要求", "到2025年，" + "建设" * 30, "完成。"]) == (
        "一、总体要求\n到2025年，" + "建设" * 30 + "完成。"
    )
    assert join_wrapped_lines(["第一段：", "", "第二段"]) == "第一段：\n第二段"
    quoted = ["提出“" + "建" * 40, "5G”目标。"]
    assert join_wrapped_lines(quoted) == "提出“" + "建" * 40 + "5G”目标。"


def test_running_lines_need_most_pages():
    bodies = "甲乙丙丁戊己庚辛壬癸"
    pages = [["页眉", f"正文{b}", f"{b}页末", f"- {i} -"] for i, b in enumerate(bodies)]
    pages[3][0] = "另一个页眉"
    kept = drop_running_lines(pages)
    assert kept[3] == ["另一个页眉", "正文丁", "丁页末"]
    assert kept[0] == ["正文甲", "甲页末"]


@pytest.fixture(scope="module")
def five_pages(folder):
    return docmaker.write_pdf(folder, "five.pdf", [f"{b}页的正文。" for b in "甲乙丙丁戊"])


def test_pdf_progress_increases_per_page(five_pages):
    calls = []
    read_document(five_pages, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(i, 5) for i in range(1, 6)]


def test_cancelling_stops_at_the_next_page(five_pages):
    calls = []
    with pytest.raises(Cancelled, match="five.pdf"):
        read_document(
            five_pages,
            progress=lambda done, total: calls.append(done),
            cancelled=lambda: len(calls) >= 2,
        )
    assert calls == [1, 2]


@pytest.mark.parametrize("name", ["cancel.txt", "cancel.docx", "cancel.html"])
def test_cancelling_other_kinds(folder, name):
    if name.endswith(".txt"):
        path = docmaker.write_text(folder, name, HANS)
    elif name.endswith(".docx"):
        path = docmaker.write_docx(folder, name, [HANS, HANS])
    else:
        path = docmaker.write_html(folder, name, "标题", [LONG_ZH])
    with pytest.raises(Cancelled):
        read_document(path, cancelled=lambda: True)


def test_a_500_page_pdf_reads_quickly_with_progress(folder):
    pages = [f"第{an2cn(i)}节\n{LONG_ZH}\n第{an2cn(i)}节完。" for i in range(1, 501)]
    path = docmaker.write_pdf(folder, "long.pdf", pages, footer="- {page} -")
    calls = []
    start = time.perf_counter()
    doc = read_document(path, progress=lambda done, total: calls.append((done, total)))
    elapsed = time.perf_counter() - start
    assert doc.pages == 500 and doc.text.count(LONG_ZH) == 500
    assert "- 250 -" not in doc.text
    assert [done for done, _ in calls] == list(range(1, 501))
    assert {total for _, total in calls} == {500}
    assert elapsed < 5, f"500 pages took {elapsed:.2f} s"


# --- HTML -------------------------------------------------------------------------------

CHROME = (
    "网站首页",
    "无障碍浏览",
    "要闻动态",
    "政务服务",
    "请输入关键词",
    "当前位置",
    "相关新闻",
    "省领导调研数字经济发展工作",
    "网站地图",
    "版权所有",
    "ICP备",
    "网站标识码",
    "统计代码",
)


@pytest.mark.parametrize(
    ("encoding", "declare", "paragraphs", "found"),
    [
        ("utf-8", True, docmaker.PLAN_ZH, "utf-8"),
        ("gbk", True, docmaker.PLAN_ZH, "gb18030"),
        ("gb2312", True, docmaker.PLAN_ZH, "gb18030"),
        ("big5", True, docmaker.PLAN_ZH_HANT, "big5"),
        ("big5", False, docmaker.PLAN_ZH_HANT, "big5"),
        ("gb18030", False, docmaker.PLAN_ZH, "gb18030"),
    ],
)
def test_html_main_text_without_menus_or_footer(folder, encoding, declare, paragraphs, found):
    title = "我省印发新型基础设施建设规划"
    path = docmaker.write_html(
        folder,
        f"news-{encoding}-{declare}.html",
        title,
        paragraphs,
        encoding=encoding,
        declare_charset=declare,
    )
    doc = read_document(path)
    lines = doc.text.split("\n")
    assert all(p in lines for p in paragraphs)
    assert [c for c in CHROME if c in doc.text] == []
    assert (doc.kind, doc.encoding, doc.title, doc.warnings) == ("html", found, title, ())


def test_a_utf8_page_that_declares_gb2312_is_read_as_utf8(folder):
    path = docmaker.write_html(folder, "wrong-meta.html", "标题", docmaker.PLAN_ZH)
    path.write_bytes(path.read_bytes().replace(b'charset="utf-8"', b'charset="gb2312"'))
    doc = read_document(path)
    assert doc.encoding == "utf-8" and LONG_ZH in doc.text.split("\n")


def test_english_html_page(folder):
    path = docmaker.write_html(
        folder, "news-en.htm", "Province issues plan", [docmaker.PLAN_EN] * 3
    )
    doc = read_document(path)
    assert docmaker.PLAN_EN in doc.text.split("\n")
    assert (doc.language, doc.script, doc.title) == ("en", "", "Province issues plan")


def test_html_with_little_article_falls_back_to_the_body_with_a_warning(folder):
    page = "<html><body><ul><li>5G基站12万个</li><li>数据中心30万架</li></ul></body></html>"
    path = folder / "list.html"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "5G基站12万个\n数据中心30万架"
    assert len(doc.warnings) == 1 and "whole page" in doc.warnings[0]


# --- bad input --------------------------------------------------------------------------


def _error(path) -> str:
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = str(caught.value)
    assert type(caught.value) is InputError
    assert ": " in message and "\n" not in message and message.count(". ") == 0, message
    return message


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf", "empty.docx", "empty.html"])
def test_an_empty_file(folder, name):
    path = folder / name
    path.write_bytes(b"")
    assert "is empty" in _error(path)


def test_a_text_file_of_only_whitespace(folder):
    path = docmaker.write_text(folder, "blank.txt", " \n\t\r\n　\n")
    assert "is empty" in _error(path)


def test_random_bytes(folder):
    path = folder / "junk.txt"
    path.write_bytes(bytes(range(256)) * 8 + random.Random(0).randbytes(2048))
    assert "not a text file" in _error(path)


def test_a_png_renamed_txt(folder):
    from PIL import Image

    path = folder / "picture.txt"
    Image.new("RGB", (40, 40), "red").save(path, format="PNG")
    assert "PNG image" in _error(path) and "OCR" in _error(path)


def test_a_pdf_renamed_txt(folder, plan_pdf):
    path = folder / "renamed.txt"
    path.write_bytes(plan_pdf.read_bytes())
    assert ".pdf" in _error(path)


@pytest.mark.parametrize("encoding", ["shift_jis", "cp1252"])
def test_a_text_file_in_an_encoding_that_cannot_be_read(folder, encoding):
    text = (
        "東京都のインフラ計画です。データセンターを整備します。"
        if encoding == "shift_jis"
        else ("Café résumé naïve façade: the plan’s “targets”.")
    )
    path = docmaker.write_text(folder, f"{encoding}.txt", text, encoding)
    assert "save it as UTF-8" in _error(path)


def test_a_scanned_pdf(folder):
    message = _error(docmaker.write_scanned_pdf(folder, "scan.pdf", pages=2))
    assert "no text layer" in message and "OCR" in message


def test_a_pdf_with_some_scanned_pages_warns(folder):
    import pypdfium2 as pdfium

    scanned = pdfium.PdfDocument(docmaker.write_scanned_pdf(folder, "scan1.pdf"))
    text = pdfium.PdfDocument(docmaker.write_pdf(folder, "text1.pdf", [LONG_ZH]))
    scanned.import_pages(text)
    path = folder / "mixed.pdf"
    scanned.save(path)
    scanned.close()
    text.close()
    doc = read_document(path)
    assert doc.text == LONG_ZH and doc.pages == 2
    assert len(doc.warnings) == 1 and "1 of 2 pages" in doc.warnings[0]


def test_a_password_protected_pdf(folder):
    import pypdfium2 as pdfium

    path = docmaker.write_pdf(folder, "locked.pdf", [LONG_ZH], password="secret")
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(path)
    opened = pdfium.PdfDocument(path, password="secret")
    assert len(opened) == 1
    opened.close()
    message = _error(path)
    assert "password" in message and "remove" in message


@pytest.mark.parametrize("name", ["damaged.pdf", "damaged.docx"])
def test_a_damaged_file(folder, plan_pdf, name):
    if name.endswith(".pdf"):
        good = plan_pdf.read_bytes()
    else:
        good = docmaker.write_docx(folder, "good.docx", [LONG_ZH]).read_bytes()
    path = folder / name
    path.write_bytes(good[: len(good) // 3])
    message = _error(path)
    assert "damaged" in message and "save" in message


def test_an_old_word_file(folder):
    path = folder / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert "save it as .docx" in _error(path)
    assert "save it as .docx" in _error(folder / "missing.doc")


def test_an_unsupported_suffix(folder):
    path = docmaker.write_text(folder, "plan.xlsx", "a,b")
    message = _error(path)
    assert all(suffix in message for suffix in SUPPORTED_SUFFIXES)


def test_a_missing_file(folder):
    assert "does not exist" in _error(folder / "nowhere.pdf")


def test_a_file_over_the_size_limit(folder):
    path = folder / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    message = _error(path)
    assert "200 MB" in message and "split" in message
    path.unlink()


def test_a_pdf_over_the_page_limit(folder, plan_pdf, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 2)
    message = _error(plan_pdf)
    assert "3 pages" in message and "2-page limit" in message


@pytest.mark.parametrize("kind", ["txt", "pdf", "docx", "html"])
def test_text_over_the_character_limit(folder, plan_pdf, monkeypatch, kind):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 50)
    if kind == "txt":
        path = docmaker.write_text(folder, "long.txt", LONG_ZH)
    elif kind == "pdf":
        path = plan_pdf
    elif kind == "docx":
        path = docmaker.write_docx(folder, "long.docx", [LONG_ZH])
    else:
        path = docmaker.write_html(folder, "long.html", "标题", [LONG_ZH])
    assert "more than 50 characters" in _error(path)


def test_a_docx_with_no_text(folder):
    assert "has no text" in _error(docmaker.write_docx(folder, "blank.docx", ["", " "]))


def test_a_text_files_first_line_is_its_title_when_it_reads_as_one(tmp_path):
    titled = tmp_path / "plan.txt"
    titled.write_text(
        '浙江省数字基础设施发展"十五五"规划\n\n到2030年，建成5G基站35万个。\n', "utf-8"
    )
    assert read_document(titled).title == '浙江省数字基础设施发展"十五五"规划'
    untitled = tmp_path / "news.txt"
    untitled.write_text("到2030年，全省建成5G基站35万个。\n", "utf-8")
    assert read_document(untitled).title == ""
