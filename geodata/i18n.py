"""The engine's one table of fixed text, in Chinese and English.

Figures, region reports, the web map page, boundary diffs, metrics and classes take their words
from here; the desktop's own words are in Qt's translation files (``desktop/translations``).
Keys are ``"<where>.<what>"``; :func:`tr` looks one up and fills in its ``{placeholders}``.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")

TEXT: dict[str, dict[str, str]] = {
    # Print figures (geodata.printing.figure)
    "figure.boundaries": {"zh": "边界", "en": "Boundaries"},
    "figure.targets": {"zh": "目标", "en": "targets"},
    "figure.projection": {
        "zh": "投影：兰勃特等角圆锥投影（中央经线 {lon}°E，标准纬线 {lat1}°N、{lat2}°N）",
        "en": "Projection: Lambert conformal conic (central meridian {lon}°E, standard parallels {lat1}°N and {lat2}°N)",
    },
    "figure.schematic": {
        "zh": "走廊为示意线：按公开报道提及的地点绘制，并非实测走向。",
        "en": "Corridors are schematic: drawn through the places public reports name, not surveyed alignments.",
    },
    "figure.roles_note": {
        "zh": "城市角色为推断：规划提出“一主三副六市域中心”，但未列出城市（布局见 {plan}）。",
        "en": "City roles are inferred: the plan names the layout but not the cities (layout from {plan}).",
    },
    "figure.the_plan": {"zh": "规划文件", "en": "the plan document"},
    "figure.stored_plan": {"zh": "{title}（{what}，{date} 导入）", "en": "{title} ({what}, imported {date})"},
    "figure.plan_document": {"zh": "规划文件", "en": "plan document"},
    "figure.sheet": {"zh": "目标表", "en": "target sheet"},
    "figure.untitled": {"zh": "未命名的导入文件", "en": "untitled imported document"},
    "figure.boundary_file": {"zh": "用户导入的边界文件", "en": "a boundary file imported by the user"},
    "figure.imported": {"zh": "{name}（{date} 导入）", "en": "{name} (imported {date})"},
    "figure.one_class": {"zh": "所有地区同属一类", "en": "All regions are in one class"},
    "figure.approval": {"zh": "审图号：{number}", "en": "Map approval number: {number}"},
    "figure.roles": {"zh": "城市角色（一主三副六市域中心）", "en": "City roles (urban layout)"},
    "figure.corridor": {"zh": "智慧高速走廊（示意线）", "en": "Smart expressway (schematic line)"},
    "figure.source_note": {
        "zh": "边界：{source}；WGS-84；目标：{titles}",
        "en": "Boundaries: {source}; WGS-84; targets: {titles}",
    },
    "figure.undated": {"zh": "无日期", "en": "undated"},
    "figure.plan": {"zh": "规划文件", "en": "Plan"},
    "figure.more": {"zh": "另有 {n} 份文件", "en": "and {n} more"},
    "figure.corridors": {"zh": "走廊", "en": "Corridors"},
    "figure.km": {"zh": "公里", "en": "km"},
    "figure.north": {"zh": "北", "en": "N"},
    "figure.china": {"zh": "全国", "en": "China"},
    "figure.highlight": {"zh": "突出显示：{name}", "en": "Highlighted: {name}"},
    # The South China Sea islands inset of national figures (geodata.printing.national)
    "figure.south_china_sea": {"zh": "南海诸岛", "en": "South China Sea Islands"},
    # Boundary levels, as a figure's subtitle names them
    "level.city": {"zh": "地级市", "en": "prefecture cities"},
    "level.county": {"zh": "县区", "en": "counties"},
    "level.province": {"zh": "省级", "en": "provinces"},
    # Region reports (geodata.printing.report)
    "report.title": {"zh": "区域报告", "en": "Region report"},
    "report.province": {"zh": "所属省份", "en": "Province"},
    "report.adcode": {"zh": "行政区划代码", "en": "Adcode"},
    "report.role": {"zh": "城镇布局角色", "en": "Role in the urban layout"},
    "report.no_role": {"zh": "（无）", "en": "(none)"},
    "report.inferred": {"zh": "推断", "en": "inferred"},
    "report.stated": {"zh": "文件明确", "en": "stated"},
    "report.corridors": {"zh": "穿越的走廊", "en": "Corridors crossing it"},
    "report.no_corridors": {"zh": "（无）", "en": "(none)"},
    "report.schematic": {"zh": "示意线", "en": "schematic line"},
    "report.scoped": {"zh": "本区域目标（{n}）", "en": "Targets for {name} ({n})"},
    "report.wide": {"zh": "全省目标（{n}）", "en": "Province-wide targets ({n})"},
    "report.none": {"zh": "（无）", "en": "(none)"},
    "report.source": {"zh": "来源", "en": "Source"},
    "report.other_name": {"zh": "英文名称", "en": "Chinese name"},
    "report.col_id": {"zh": "编号", "en": "ID"},
    "report.col_metric": {"zh": "指标", "en": "Metric"},
    "report.col_value": {"zh": "目标值", "en": "Value"},
    "report.col_unit": {"zh": "单位", "en": "Unit"},
    "report.col_year": {"zh": "年份", "en": "Year"},
    "report.col_status": {"zh": "状态", "en": "Status"},
    "report.col_quote": {"zh": "原文", "en": "Quote"},
    "report.quotes": {"zh": "原文引用（{n}）", "en": "Quotes ({n})"},
    "report.continued": {"zh": "{heading}（续）", "en": "{heading} (continued)"},
    "report.cited_by": {"zh": "引用目标", "en": "Cited by"},
    "report.imported": {"zh": "导入于 {date}", "en": "imported {date}"},
    "report.unknown_source": {"zh": "来源文件未找到", "en": "source document not found"},
    "report.planned": {"zh": "规划", "en": "planned"},
    "report.achieved": {"zh": "已实现", "en": "achieved"},
    "report.generated": {
        "zh": "Infra Atlas 生成于 {date}",
        "en": "Made with Infra Atlas on {date}",
    },
    "report.named_project": {"zh": "（具名项目）", "en": " (named project)"},
    "report.progress": {"zh": "目标进度（{n}）", "en": "Progress ({n})"},
    "report.progress_head": {
        "zh": "{id}  {metric}：{value}（{date}）· 完成 {percent} · {status}",
        "en": "{id}  {metric}: {value} ({date}) · {percent} of target · {status}",
    },
    "report.progress_target": {
        "zh": "目标 {target}（{deadline}）",
        "en": "Target {target} by {deadline}",
    },
    "report.baseline": {
        "zh": "基数 {value}（{date}，{kind}）",
        "en": "baseline {value} ({date}, {kind})",
    },
    "report.no_baseline": {"zh": "无基数", "en": "no baseline"},
    "report.wide_row": {"zh": "全省（{place}）", "en": "Province-wide ({place})"},
    "report.baseline_stated": {"zh": "明确给出", "en": "stated"},
    "report.baseline_earliest": {"zh": "最早数据", "en": "earliest figure"},
    "report.figure_source": {
        "zh": "最新数据来源：{source} [{id}]",
        "en": "Latest figure: {source} [{id}]",
    },
    "report.no_figures": {
        "zh": "（暂无实绩数据：导入或录入实绩后显示）",
        "en": "(no achieved figures yet: import or type them to follow the targets)",
    },
    # The web map page (atlas.js reads these by their key without the prefix)
    "page.schematic": {"zh": "示意", "en": "schematic"},
    "page.corridor_legend": {
        "zh": "智慧高速走廊（示意线）",
        "en": "Smart expressway (schematic line)",
    },
    # The map's overlays, named as the app's Layers panel names them
    "page.layer_choropleth": {"zh": "分级设色", "en": "Choropleth"},
    "page.layer_roles": {"zh": "城市角色", "en": "City roles"},
    "page.layer_corridors": {"zh": "走廊（示意线）", "en": "Corridors (schematic)"},
    "page.layer_labels": {"zh": "注记", "en": "Labels"},
    "page.layer_context": {"zh": "省界底图", "en": "Province context"},
    # Boundary diffs (geodata.web.diffmap)
    "change.added": {"zh": "新增", "en": "added"},
    "change.removed": {"zh": "删除", "en": "removed"},
    "change.renamed": {"zh": "更名", "en": "renamed"},
    "change.recoded": {"zh": "代码变更", "en": "recoded"},
    "change.area": {
        "zh": "面积变化超过 1 平方公里或 0.1%",
        "en": "area changed by more than 1 km² or 0.1%",
    },
    "change.lost": {"zh": "失去的部分", "en": "piece lost"},
    "change.gained": {"zh": "新增的部分", "en": "piece gained"},
    "change.km2": {"zh": "{km2} 平方公里", "en": "{km2} km²"},
    "change.version": {"zh": "版本", "en": "version"},
    # Built-in metrics (geodata.plan.metrics) and the roles of the urban layout
    "metric.role": {"zh": "城镇布局角色", "en": "Role in the urban layout"},
    "metric.plan_items": {"zh": "规划事项数", "en": "Plan items per region"},
    "metric.corridor_km": {"zh": "走廊长度（公里）", "en": "Corridor length (km)"},
    # Progress against a target (geodata.plan.metrics, geodata.plan.progress)
    "metric.progress": {
        "zh": "目标完成率：{metric}（{ids}）",
        "en": "% of target: {metric} ({ids})",
    },
    "metric.status": {
        "zh": "目标进度状态：{metric}（{ids}）",
        "en": "Status against target: {metric} ({ids})",
    },
    "metric.family": {"zh": "{id} 等 {n} 项", "en": "{id} and {more} more"},
    "status.achieved": {"zh": "已完成", "en": "achieved"},
    "status.on_track": {"zh": "进度正常", "en": "on track"},
    "status.behind": {"zh": "进度滞后", "en": "behind"},
    "status.no_data": {"zh": "数据不足", "en": "not enough data"},
    "progress.as_of": {"zh": "数据截至 {date}", "en": "data as of {date}"},
    "progress.dates": {"zh": "数据日期 {first} 至 {last}", "en": "data from {first} to {last}"},
    "progress.wide": {
        "zh": "全省目标：{place}完成 {percent}（{status}，{date}）",
        "en": "Province-wide target: {place} at {percent} ({status}, {date})",
    },
    "progress.wide_only": {
        "zh": "各区域无单独数据，地图不着色",
        "en": "no region has its own figure, so none is coloured",
    },
    "role.master": {"zh": "一主", "en": "one master"},
    "role.assistant": {"zh": "三副", "en": "three assistants"},
    "role.centre": {"zh": "六市域中心", "en": "six city-region centres"},
    "role.county_note": {
        "zh": "县级图中角色落在所属城市的市辖区：一主为太原市六区与晋中市榆次区、太谷区",
        "en": "On the county map a role covers its cities' districts: the master is Taiyuan's six districts with Yuci and Taigu",
    },
    # A target's note, beside its quote (desktop region panel)
    "target.note": {"zh": "注：{note}", "en": "Note: {note}"},
    # Classification schemes
    "scheme.natural_breaks": {"zh": "自然断点", "en": "Natural breaks"},
    "scheme.quantiles": {"zh": "分位数", "en": "Quantiles"},
    "scheme.equal_interval": {"zh": "等间距", "en": "Equal interval"},
    # Classes of a metric (geodata.plan.classify): regions without a value, and why a
    # classification draws fewer classes than asked (FEWER_REASONS)
    "classes.no_data": {"zh": "无数据", "en": "No data"},
    # Fixed classes (shares of a target): the bounds come with their unit ("50%")
    "classes.below": {"zh": "低于 {upper}", "en": "below {upper}"},
    "classes.range": {"zh": "{low} – {upper}", "en": "{low} – {upper}"},
    "classes.at_least": {"zh": "{low} 及以上", "en": "{low} or more"},
    "classes.no_values": {
        "zh": "未分类：没有区域有数值",
        "en": "No classes drawn: no region has a value",
    },
    "classes.one_value": {
        "zh": "绘制 1 类（设定 {asked} 类）：所有数值相同",
        "en": "1 of {asked} classes drawn: every value is the same",
    },
    "classes.regions": {
        "zh": "绘制 {drawn} 类（设定 {asked} 类）：仅 {drawn} 个区域有数值",
        "en": "{drawn} of {asked} classes drawn: only {drawn} regions have a value",
    },
    "classes.distinct_values": {
        "zh": "绘制 {drawn} 类（设定 {asked} 类）：仅 {drawn} 个不同数值",
        "en": "{drawn} of {asked} classes drawn: only {drawn} distinct values",
    },
    "classes.ties": {
        "zh": "绘制 {drawn} 类（设定 {asked} 类）：相同数值过多，分类合并",
        "en": "{drawn} of {asked} classes drawn: tied values merged classes",
    },
}


def tr(key: str, language: str, **values: object) -> str:
    """Return the text ``key`` in ``language`` (``"zh"`` or ``"en"``), formatted with ``values``.

    English stands in where a language has no entry. A key not in :data:`TEXT` raises
    ``KeyError``: add it there.
    """
    entry = TEXT[key]
    return entry.get(language, entry["en"]).format(**values)


def section(prefix: str) -> dict[str, dict[str, str]]:
    """Return every entry under ``prefix.``, keyed without the prefix (for the web page)."""
    start = prefix + "."
    return {key[len(start) :]: dict(entry) for key, entry in TEXT.items() if key.startswith(start)}
