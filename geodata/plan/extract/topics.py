"""What a number in a plan sentence counts: its category and a short metric label.

The category is the one whose keyword stands nearest the number in its clause (5G, 基站 and
数据中心 are information infrastructure; 工业互联网 and 充电桩 integration; 实验室 innovation;
网络安全 security; 投资, 项目 and 任务 the plan overall). The label is the noun phrase the number
counts, taken from its clause with verbs, time phrases and region names left out: 5G基站,
数据中心机架, ``5G base stations``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

#: Keywords per category, most specific first (English ones are matched lower-cased).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "information": (
        "5G", "基站", "千兆", "光纤", "光网", "宽带", "数据中心", "算力", "智算", "超算",
        "物联网", "卫星互联网", "IPv6", "机架", "带宽", "骨干网", "互联网交换", "云计算",
        "人工智能", "区块链", "北斗", "base station", "gigabit", "fiber", "fibre", "optical",
        "broadband", "data center", "data centre", "computing", "internet of things", "iot",
        "satellite", "ipv6", "rack", "bandwidth", "backbone", "internet exchange", "cloud",
        "artificial intelligence", "blockchain", "beidou",
    ),
    "integration": (
        "工业互联网", "智慧交通", "智能交通", "智能网联", "车联网", "充电桩", "充电站", "换电站",
        "智慧能源", "能源互联网", "智能电网", "智慧城市", "数字政府", "智慧医疗", "互联网医院",
        "智慧教育", "智慧校园", "数字校园", "智能工厂", "数字化车间", "智能矿山", "煤矿",
        "采掘工作面", "智慧灯杆", "多功能杆", "智慧物流", "智慧港口", "智慧水利", "智慧农业",
        "industrial internet",
        "energy internet", "smart transport", "intelligent transport", "connected vehicle",
        "internet of vehicles", "charging", "smart energy", "smart grid", "smart city",
        "digital government", "internet hospital", "smart health", "smart education",
        "digital campus", "coal mine", "working face", "working platform", "smart factor",
        "expressway", "smart highway",
    ),
    "innovation": (
        "实验室", "创新中心", "科研设施", "大科学装置", "技术创新", "工程研究中心",
        "新型研发机构", "科技基础设施", "研发", "laborator", "innovation center",
        "innovation centre", "research facilit", "scientific device", "scientific facilit",
        "research center", "research centre", "technological innovation", "r&d",
    ),
    "security": (
        "网络安全", "数据安全", "信息安全", "安全保障", "network security", "cyber",
        "data security",
    ),
    "overall": (
        "投资", "项目", "亿元", "任务", "举措", "措施", "investment", "project", "task",
        "measure", "billion yuan",
    ),
}  # fmt: skip

_ZH_CLAUSE = "，,；;。！？!?：:、（）()\n"
_EN_CLAUSE = ",;:()\n!?"
_ZH_TIME = re.compile(
    r"(?:(?:力争|争取)?(?:到|至|截至|截止到?|截止至)?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?"
    r"(?:底|末|初|前|内|上半年|下半年|年底|全年)?)|[“\"]?十[一二三四五六七]五[”\"]?(?:期间|时期|末)?"
    r"|今年|明年|全年|年底|年末|当年|目前|现已|已经|期间|[比较]?(?:上年末?|去年)(?:同期)?"
)
_ZH_SCOPE = re.compile(
    r"^(?:全省|全市|全区|全县|我省|本省|我市|各市|各地|其中|共计|总计|累计|共"
    r"|[两三四五六七八九十]+[市区县州地]|等?[市区县州]?各|分别)+"  # 两市, 等市各: regions before
)
_ZH_LEAD = re.compile(
    r"^(?:力争|争取|计划|预计|推动|推进|加快|加速|支持|鼓励|全面|新建|建成|建设|开通|累计|完成|"
    r"实现|打造|培育|布局|部署|新增|创建|认定|形成|实施|落地|启动|引进|拥有|率先|带动|以及|等|和|及|"
    r"与|已|将|共)+"
)
_ZH_TAIL = re.compile(
    r"(?:达到|达|突破|超过|超|新建|建成|建设|累计|开通|完成|实现|形成|打造|培育|部署|新增|"
    r"增长|增加|增至|提升至|提升到|提高到|提高至|降低到|降至|分别|约为|约|为|是|有|至|到|在|总规模|"
    r"不少于|不低于|不超过|以上|左右|规模|数量|总数|总量|个数|数|的|等|共|已|将|全部|全面|均|都)+$"
)
_ZH_STOP_AFTER = re.compile(r"[和及与并、，。；以的]|建成|达到|实现|形成|覆盖|投资")
_PUNCT = "，,；;。！？!?：:、（）()“”\"'‘’《》〈〉「」『』【】[]〔〕—-… \t\u3000"

_EN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&./-]*")
_EN_TIME = re.compile(
    r"\b(?:by|in|until|before|from|since|during|through)\s+(?:the\s+end\s+of\s+)?"
    r"(?:[A-Z][a-z]+\s+)?\d{4}\b|\b\d{4}\b"
)
_EN_STOP = frozenset(
    """was were will would is are be been being has have had and or in at by to for from with
    that which who during under on across into than as shall should can could may might
    concerning including such like covering involving namely""".split()
)
_EN_TAIL = frozenset(
    """of at to by reached reach reaches reaching has have had will would be been is are was
    were about around approximately nearly over more than less fewer up least most total
    totalling totaling exceed exceeded exceeding some almost a an the with""".split()
)
_EN_LEAD = frozenset(
    """the a an its their this that these those province's city's and with of total scale
    number amount build built establish established create to also it will plans plan""".split()
)
_EN_LOCATIVE = re.compile(r"\s+(?:in|across|throughout)\s+the\s+(?:province|city|country)\b.*$")
_EN_RELATIVE = re.compile(r"\s+(?:that|which|who)\s+", re.I)
_EN_LEAD_NOUN = re.compile(r"^(?:the\s+)?(?:scale|number|total|amount|size)\s+of\s+", re.I)
#: Unit words that say how a number is measured, not what it counts.
_EN_MEASURES = frozenset(
    """yuan rmb usd dollars percent km kilometres kilometers gbps tbps mbps mw kw gw times
    tonnes""".split()
) | {"per cent", "us dollars", "percentage points", "billion yuan", "million yuan"}
_ZH_MAX = 20
_EN_MAX_WORDS = 6


def clause_span(
    sentence: str, start: int, end: int, language: str = "zh", enumerations: bool = True
) -> tuple[int, int]:
    """Return the span of the clause around ``sentence[start:end]`` (between commas etc.).

    Parameters
    ----------
    sentence : str
        The sentence.
    start, end : int
        The span the clause must hold.
    language : {"zh", "en"}
        The sentence's language.
    enumerations : bool
        Whether the enumeration comma 、 ends a Chinese clause.

    Returns
    -------
    tuple of int
        The clause's span.
    """
    stops = _ZH_CLAUSE if language == "zh" else _EN_CLAUSE
    if not enumerations:
        stops = stops.replace("、", "")
    left = start
    while left > 0 and not _stops_at(sentence, left - 1, stops):
        left -= 1
    right = end
    while right < len(sentence) and not _stops_at(sentence, right, stops):
        right += 1
    if language != "zh" and right < len(sentence) and sentence[right] == ".":
        right += 1
    return left, right


def _stops_at(sentence: str, i: int, stops: str) -> bool:
    """Return True when ``sentence[i]`` ends a clause (not the comma of 65,000)."""
    if sentence[i] not in stops:
        return False
    if sentence[i] != "," or i == 0 or i + 1 >= len(sentence):
        return True
    return not (sentence[i - 1].isdigit() and sentence[i + 1].isdigit())


def guess_category(sentence: str, start: int, end: int, language: str = "zh") -> str:
    """Return the category whose keyword stands nearest the number at ``sentence[start:end]``.

    Parameters
    ----------
    sentence : str
        The sentence.
    start, end : int
        The number's span in it.
    language : {"zh", "en"}
        The sentence's language (sets the clause marks).

    Returns
    -------
    str
        One of :data:`geodata.plan.targets.CATEGORIES`; ``"overall"`` when no keyword is found.
    """
    left, right = clause_span(sentence, start, end, language)
    for lo, hi in ((left, right), (0, len(sentence))):
        best = _nearest(sentence[lo:hi].lower(), start - lo, end - lo)
        if best:
            return best
    return "overall"


def _nearest(text: str, start: int, end: int) -> str:
    """Return the category of the keyword nearest ``text[start:end]``, ``""`` if none."""
    pattern, category_of = _keyword_pattern()
    best, best_distance = "", len(text) + 1
    for found in pattern.finditer(text):
        at = found.start()
        word = found.group(1)
        distance = max(start - (at + len(word)), at - end, 0)
        if distance < best_distance:
            best, best_distance = category_of[word], distance
    return best


@lru_cache(maxsize=1)
def _keyword_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """Return a pattern finding every keyword (overlaps included) and each one's category."""
    category_of: dict[str, str] = {}
    for category, words in KEYWORDS.items():
        for word in words:
            category_of.setdefault(word.lower(), category)
    words = sorted(category_of, key=len, reverse=True)
    alternatives = [(r"\b" if w[0].isalpha() and w.isascii() else "") + re.escape(w) for w in words]
    return re.compile("(?=(" + "|".join(alternatives) + "))"), category_of


def metric_label(
    sentence: str,
    start: int,
    end: int,
    unit: str = "",
    language: str = "zh",
    skip: Iterable[tuple[int, int]] = (),
    number_end: int | None = None,
) -> str:
    """Return a short label of what the number at ``sentence[start:end]`` counts.

    Parameters
    ----------
    sentence : str
        The sentence.
    start, end : int
        The number's span (with its unit) in the sentence.
    unit : str
        The number's unit: the label when nothing better is found.
    language : {"zh", "en"}
        The sentence's language.
    skip : iterable of (int, int)
        Spans to leave out of the label (the region names of the sentence).
    number_end : int, optional
        Where the number itself ends, before a unit noun (``120,000`` in
        ``120,000 5G base stations``): English labels may be read from the unit.

    Returns
    -------
    str
        At most 20 characters (Chinese) or 6 words (English); never empty.
    """
    left, right = clause_span(sentence, start, end, language)
    masked = _mask(sentence, skip)
    if language == "zh":
        label = _zh_label(masked[left:start], masked[end:right])
    else:
        after = masked[end if number_end is None else number_end : right]
        label = _en_label(masked[left:start], after)
    return label or unit or ("数量" if language == "zh" else "count")


def _mask(sentence: str, spans: Iterable[tuple[int, int]]) -> str:
    """Blank out spans (as spaces, so that offsets stay)."""
    chars = list(sentence)
    for lo, hi in spans:
        chars[lo:hi] = " " * (hi - lo)
    return "".join(chars)


def _zh_clean(text: str) -> str:
    text = _ZH_TIME.sub("", text.replace(" ", ""))
    previous = None
    while previous != text:
        previous = text
        text = _ZH_SCOPE.sub("", text)
        text = _ZH_LEAD.sub("", text)
        text = _ZH_TAIL.sub("", text).strip(_PUNCT)
    return text


def _zh_label(before: str, after: str) -> str:
    label = _zh_clean(before)
    if not label:
        stop = _ZH_STOP_AFTER.search(after)
        label = _zh_clean(after[: stop.start()] if stop else after)
    if label in ("同比", "环比", "年均", "平均"):
        label += "增长"
    if len(label) > _ZH_MAX and "的" in label:
        label = label.rsplit("的", 1)[1]
    return label[-_ZH_MAX:]


def _en_label(before: str, after: str) -> str:
    words = _en_words(after)
    phrase = []
    for word in words:
        if word.lower() in _EN_STOP:
            break
        phrase.append(word)
    label = _en_trim(phrase)
    if label.lower() in _EN_MEASURES:
        label = ""
    if not label:
        text = _EN_RELATIVE.split(_EN_TIME.sub(" ", before))[0]
        text = _EN_LEAD_NOUN.sub("", _EN_LOCATIVE.sub("", text).strip())
        label = _en_trim(_en_words(text), strip_tail=True)
    return label


def _en_words(text: str) -> list[str]:
    return _EN_WORD.findall(text)


def _en_trim(words: list[str], strip_tail: bool = False) -> str:
    """Drop leading articles and verbs (and trailing ones), keep the last six words."""
    if strip_tail:
        while words and words[-1].lower() in _EN_TAIL:
            words = words[:-1]
    while words and words[0].lower() in _EN_LEAD:
        words = words[1:]
    while words and words[-1].lower() in ("of", "and", "the", "a", "an"):
        words = words[:-1]
    if len(words) > _EN_MAX_WORDS and "of" in (w.lower() for w in words):
        last_of = max(i for i, w in enumerate(words) if w.lower() == "of")
        words = words[last_of + 1 :] or words
    return " ".join(words[-_EN_MAX_WORDS:]).rstrip(".")
