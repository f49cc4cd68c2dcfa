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
    "figure.stored_plan": {
        "zh": "{title}（{what}，{date} 导入）",
        "en": "{title} ({what}, imported {date})",
    },
    "figure.plan_document": {"zh": "规划文件", "en": "plan document"},
    "figure.sheet": {"zh": "目标表", "en": "target sheet"},
    "figure.untitled": {"zh": "未命名的导入文件", "en": "untitled imported document"},
    "figure.boundary_file": {
        "zh": "用户导入的边界文件",
        "en": "a boundary file imported by the user",
    },
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
    # Sentences to the user: errors, warnings and what a repair did (geodata.messages). The
    # English is what the command line prints; the window shows the sentence in its language.
    # Damaged state files (geodata.statefiles, geodata.boundaries.store, geodata.plan.store)
    "msg.state.missing": {"zh": "{path} 缺失：{fix}", "en": "{path} is missing: {fix}"},
    "msg.state.damaged": {
        "zh": "{path} 已损坏（{what}）：{fix}",
        "en": "{path} is damaged ({what}): {fix}",
    },
    "msg.state.missing_short": {"zh": "{path} 缺失", "en": "{path} is missing"},
    "msg.state.damaged_short": {
        "zh": "{path} 已损坏（{what}）",
        "en": "{path} is damaged ({what})",
    },
    "msg.state.not_stored": {
        "zh": "{path} 为 {key} 指定了版本 {version}，但该版本并未保存：{fix}",
        "en": "{path} names version {version} for {key}, which is not stored: {fix}",
    },
    "msg.state.no_plan": {
        "zh": "没有可读取的规划 {number}：{detail}",
        "en": "there is no readable plan {number}: {detail}",
    },
    "msg.damage.empty": {"zh": "文件是空的", "en": "empty"},
    "msg.damage.garbage": {
        "zh": "不是 UTF-8 文本，而是乱码",
        "en": "not UTF-8 text: garbage bytes",
    },
    "msg.damage.cut_short": {"zh": "内容不完整，被截断了", "en": "cut short"},
    "msg.damage.not_json": {
        "zh": "不是 JSON：{detail}（第 {line} 行）",
        "en": "not JSON: {detail} (line {line})",
    },
    "msg.damage.too_deep": {"zh": "嵌套层数过多", "en": "nested too deeply"},
    "msg.damage.constant": {
        "zh": "含有严格 JSON 不允许的 {name}",
        "en": "it holds {name}, which strict JSON does not allow",
    },
    "msg.damage.folder": {"zh": "这是一个文件夹，不是文件", "en": "a folder, not a file"},
    "msg.damage.unreadable": {"zh": "无法读取：{reason}", "en": "unreadable: {reason}"},
    "msg.damage.shape": {"zh": "不是{shape}：{detail}", "en": "not {shape}: {detail}"},
    "msg.damage.no_entry": {"zh": "缺少 {entry} 项", "en": "no {entry} entry"},
    "msg.damage.not_gpkg": {
        "zh": "不是 GeoPackage，而是乱码",
        "en": "not a GeoPackage: garbage bytes",
    },
    "msg.damage.not_layer": {
        "zh": "不是可读取的图层：{detail}",
        "en": "not a readable layer: {detail}",
    },
    "msg.damage.entry": {
        "zh": "条目 {entry}: {value} 不是“省份:级别”键和版本号",
        "en": "the entry {entry}: {value} is not a province:level key and a version",
    },
    "msg.shape.default": {"zh": "应有的内容", "en": "what it should hold"},
    "msg.shape.version": {"zh": "边界版本清单", "en": "a version manifest"},
    "msg.shape.active": {"zh": "当前边界版本列表", "en": "the active versions"},
    "msg.shape.plan": {"zh": "规划清单", "en": "a plan manifest"},
    "msg.shape.plans_state": {"zh": "规划状态", "en": "the plans' state"},
    "msg.shape.plan_records": {"zh": "规划的{what}", "en": "the {what} of a plan"},
    "msg.word.targets": {"zh": "目标", "en": "targets"},
    "msg.word.figures": {"zh": "实绩数据", "en": "figures"},
    "msg.word.observations": {"zh": "实绩数据", "en": "observations"},
    "msg.fix.version": {
        "zh": "版本 {number} 无法读取，已略去；点击“修复”或运行 infra-atlas layers --repair 将其移到一旁",
        "en": "version {number} could not be read and is left out; set it aside with infra-atlas layers --repair",
    },
    "msg.fix.active": {
        "zh": "现改为显示内置边界；点击“修复”或运行 infra-atlas layers --repair 重写该文件",
        "en": "the bundled boundaries are shown instead; rewrite it with infra-atlas layers --repair",
    },
    "msg.fix.entry": {
        "zh": "该条目已被忽略；点击“修复”或运行 infra-atlas layers --repair 将其删除",
        "en": "it is ignored; remove it with infra-atlas layers --repair",
    },
    "msg.fix.plan": {
        "zh": "规划 {number} 无法读取，已略去；请用 infra-atlas plans --remove {number} 删除后重新导入",
        "en": "plan {number} could not be read and is left out; remove it with infra-atlas plans --remove {number} and import it again",
    },
    "msg.fix.plan_records": {
        "zh": "规划 {number} 的{what}无法读取，已略去；请用 infra-atlas plans --remove {number} 删除后重新导入",
        "en": "the {what} of plan {number} could not be read and are left out; remove it with infra-atlas plans --remove {number} and import it again",
    },
    "msg.fix.plans_state": {
        "zh": "所有规划均已显示；隐藏或显示规划时会重写该文件（infra-atlas plans --show 0）",
        "en": "every plan is shown; hiding or showing a plan writes it again (infra-atlas plans --show 0)",
    },
    "msg.fix.workspace_file": {
        "zh": "请用 infra-atlas workspace --connect DSN（或 --local）重新选择工作空间，这会重写该文件",
        "en": "choose the workspace again with infra-atlas workspace --connect DSN (or --local), which rewrites it",
    },
    # What a repair did (geodata.housekeeping, geodata.boundaries.store)
    "msg.repair.leftover": {
        "zh": "已删除中断的导入留下的 {name}",
        "en": "removed {name}, left by an import that was stopped",
    },
    "msg.repair.plan": {
        "zh": "规划 {number} 已移到 {moved}（{problem}）",
        "en": "plan {number} was set aside in {moved} ({problem})",
    },
    "msg.repair.version": {
        "zh": "版本 {number} 已移到 {moved}：{what}",
        "en": "version {number} was set aside in {moved}: {what}",
    },
    "msg.repair.set_aside": {
        "zh": "已将损坏的 {path} 移到 {moved}",
        "en": "the damaged {path} was set aside in {moved}",
    },
    "msg.repair.plans_state": {
        "zh": "已重写 {path}：所有规划均已显示",
        "en": "{path} was written again: every plan is shown",
    },
    "msg.repair.bundled": {
        "zh": "{key} 恢复显示内置边界（版本 {version} 无法读取）",
        "en": "{key} shows the bundled boundaries again (version {version} could not be read)",
    },
    "msg.repair.active": {
        "zh": "已重写 {path}（保留 {n} 个当前版本）",
        "en": "{path} was rewritten ({n} active versions kept)",
    },
    # The data folder and writing files (geodata.paths)
    "msg.home.relative": {
        "zh": "INFRA_ATLAS_HOME 是相对路径 {env}：请设为绝对路径的文件夹（例如 {absolute}），或取消设置以使用默认文件夹",
        "en": "INFRA_ATLAS_HOME is the relative path {env}: set it to an absolute folder such as {absolute}, or unset it to use the default folder",
    },
    "msg.home.unwritable": {
        "zh": "数据文件夹 {home} 无法写入（{reason}）：导入的数据、设置和日志都不会保存；请使其可写、释放磁盘空间，或将 INFRA_ATLAS_HOME 设为其他文件夹",
        "en": "the data folder {home} cannot be written ({reason}): imports, settings and the log are not saved; make it writable, free some space or set INFRA_ATLAS_HOME to another folder",
    },
    "msg.write.folder": {
        "zh": "{path} 是文件夹而不是文件：请删除或重命名该文件夹",
        "en": "{path} is a folder, not a file: remove or rename the folder",
    },
    "msg.write.failed": {
        "zh": "无法写入 {path}（{reason}）：{fix}",
        "en": "{path} could not be written ({reason}): {fix}",
    },
    "msg.write.fix_notdir_home": {
        "zh": "某一级文件夹的位置上是一个文件：请删除或重命名该文件，或将 INFRA_ATLAS_HOME 设为其他文件夹",
        "en": "a file stands where one of its folders should be: remove or rename that file, or set INFRA_ATLAS_HOME to another folder",
    },
    "msg.write.fix_notdir": {
        "zh": "某一级文件夹的位置上是一个文件：请删除或重命名该文件，或选择其他文件夹",
        "en": "a file stands where one of its folders should be: remove or rename that file, or choose another folder",
    },
    "msg.write.fix_full_home": {
        "zh": "请为数据文件夹 {home} 释放磁盘空间，或将 INFRA_ATLAS_HOME 设为其他文件夹",
        "en": "free some space for the data folder {home}, or set INFRA_ATLAS_HOME to another folder",
    },
    "msg.write.fix_full": {
        "zh": "请释放磁盘空间，或选择其他文件夹",
        "en": "free some space, or choose another folder",
    },
    "msg.write.fix_home": {
        "zh": "请使数据文件夹 {home} 可写，或将 INFRA_ATLAS_HOME 设为其他文件夹",
        "en": "make the data folder {home} writable, or set INFRA_ATLAS_HOME to another folder",
    },
    "msg.write.fix_other": {
        "zh": "请选择一个可以写入的文件夹",
        "en": "choose a folder you can write to",
    },
    # The system's reasons (strerror), as they come in an English locale
    "msg.os.denied": {"zh": "没有权限", "en": "Permission denied"},
    "msg.os.read_only": {"zh": "文件系统是只读的", "en": "Read-only file system"},
    "msg.os.full": {"zh": "磁盘已满", "en": "No space left on device"},
    "msg.os.quota": {"zh": "超出磁盘配额", "en": "Disk quota exceeded"},
    "msg.os.not_dir": {"zh": "不是文件夹", "en": "Not a directory"},
    "msg.os.is_dir": {"zh": "是文件夹", "en": "Is a directory"},
    "msg.os.missing": {"zh": "文件或文件夹不存在", "en": "No such file or directory"},
    # A shared workspace (geodata.postgis.connection, geodata.postgis.schema)
    "msg.workspace.unreachable": {
        "zh": "无法连接共享工作空间 {shown}（{reason}）：请检查服务器是否在运行、连接字符串是否正确，或用 infra-atlas workspace --local 回到本地数据文件夹",
        "en": "the workspace {shown} cannot be reached ({reason}): check that the server runs and the connection string is right, or go back to the local data folder with infra-atlas workspace --local",
    },
    "msg.workspace.read_only": {
        "zh": "无法{action}：您的数据库角色对工作空间 {shown} 只有读取权限；请向其管理员申请写入权限（浏览和导出仍可使用）",
        "en": "could not {action}: your database role may only read the workspace {shown}; ask its administrator for write access (browsing and exporting still work)",
    },
    "msg.workspace.lost": {
        "zh": "无法{action}：与 {shown} 的连接已断开（{reason}）；没有做任何更改，请在服务器恢复后重试",
        "en": "could not {action}: the connection to {shown} was lost ({reason}); nothing was changed, try again when the server is back",
    },
    "msg.workspace.no_schema": {
        "zh": "数据库 {shown} 中还没有 Infra Atlas 工作空间：请用 infra-atlas workspace --connect '{shown}' --init 创建",
        "en": "the database {shown} holds no Infra Atlas workspace yet: create it with infra-atlas workspace --connect '{shown}' --init",
    },
    "msg.workspace.newer_schema": {
        "zh": "工作空间 {shown} 的结构版本为 {version}，比本版 Infra Atlas 能读取的版本（{supported}）更新：请更新 Infra Atlas 后再使用",
        "en": "the workspace {shown} has schema version {version}, newer than this Infra Atlas reads ({supported}): update Infra Atlas to use it",
    },
    "msg.workspace.older_schema": {
        "zh": "工作空间 {shown} 的结构版本为 {version}：请用 infra-atlas workspace --connect '{shown}' --init 升级",
        "en": "the workspace {shown} has schema version {version}: upgrade it with infra-atlas workspace --connect '{shown}' --init",
    },
    "msg.workspace.ready": {
        "zh": "工作空间 {shown} 已就绪（结构版本 {version}）",
        "en": "the workspace {shown} is ready (schema version {version})",
    },
    "msg.workspace.created": {
        "zh": "已在 {shown} 中创建 Infra Atlas 工作空间（结构版本 {version}）",
        "en": "created the Infra Atlas workspace in {shown} (schema version {version})",
    },
    "msg.action.activate_version": {"zh": "启用该边界版本", "en": "activate the boundary version"},
    "msg.action.hide_plan": {"zh": "隐藏或显示该规划", "en": "hide or show the plan"},
    "msg.action.list_versions": {"zh": "列出边界版本", "en": "list the boundary versions"},
    "msg.action.list_plans": {"zh": "列出规划", "en": "list the plans"},
    "msg.action.read_active": {"zh": "读取当前边界", "en": "read the active boundaries"},
    "msg.action.read_layer": {"zh": "读取边界图层", "en": "read the boundary layer"},
    "msg.action.read_hidden": {"zh": "读取隐藏的规划", "en": "read the hidden plans"},
    "msg.action.read_original": {"zh": "读取规划的原始文件", "en": "read the plan's original file"},
    "msg.action.read_text": {"zh": "读取规划的文本", "en": "read the plan's text"},
    "msg.action.read_records": {
        "zh": "读取规划 {number} 的{what}",
        "en": "read the {what} of plan {number}",
    },
    "msg.action.remove_plan": {"zh": "删除该规划", "en": "remove the plan"},
    "msg.action.restore_bundled": {"zh": "恢复内置边界", "en": "restore the bundled boundaries"},
    "msg.action.store_version": {"zh": "保存边界版本", "en": "store the boundary version"},
    "msg.action.store_plan": {"zh": "保存规划", "en": "store the plan"},
    "msg.action.read_changes": {"zh": "读取工作空间的变更", "en": "read the workspace's changes"},
    # Importing a boundary file (geodata.boundaries.importer, geodata.boundaries.store)
    "msg.import.too_big": {
        "zh": "{label}{what} {size} MB，超过了边界文件 {limit} MB 的上限：请确认选对了文件，或将 {variable} 设为更大的兆字节数后再读取",
        "en": "{label} {what} {size} MB, over the {limit} MB limit for boundary files: check it is the right file, or set {variable} to a larger number of megabytes to read it",
    },
    "msg.import.size_is": {"zh": " 的大小为", "en": "is"},
    "msg.import.unpacks_to": {"zh": " 解压后为", "en": "unpacks to"},
    "msg.import.limit_value": {
        "zh": "{variable}={raw} 不是大小：请设为整数兆字节数",
        "en": "{variable}={raw} is not a size: set it to a whole number of megabytes",
    },
    "msg.import.formats": {
        "zh": "Shapefile（单独的或 zip 压缩的）、GeoJSON、GeoPackage、KML/KMZ 或 FlatGeobuf 文件",
        "en": "a shapefile (loose or zipped), GeoJSON, GeoPackage, KML/KMZ or FlatGeobuf",
    },
    "msg.import.table": {
        "zh": "{name} 是表格，不是边界文件：请选择 {formats}（目标表请用 import-targets 导入）",
        "en": "{name} is a table, not a boundary file: choose {formats} (a sheet of targets goes in with import-targets)",
    },
    "msg.import.shapefile_table": {
        "zh": "{name} 是 Shapefile 的属性表：请选择同一文件夹中的 .shp 文件",
        "en": "{name} is the table of a shapefile: choose the .shp beside it",
    },
    "msg.import.empty": {
        "zh": "{name} 是空文件（0 字节）：请选择完整的文件",
        "en": "{name} is empty (0 bytes): choose the complete file",
    },
    "msg.import.non_finite": {
        "zh": "{label} 中有 {count} 个要素含有 NaN 或无穷大坐标（要素 {listed}）：请在 GIS 软件中修复，或重新导出该文件",
        "en": "{label} has NaN or infinite coordinates in {count} features (feature {listed}): repair them in a GIS or export the file again",
    },
    "msg.import.no_features": {
        "zh": "{label} 中没有要素：请选择含有区域多边形的文件",
        "en": "{label} holds no features: choose a file with region polygons",
    },
    "msg.import.no_geometry": {
        "zh": "{label} 是没有几何图形的表格：请选择含有区域多边形的边界文件",
        "en": "{label} holds a table without geometry: choose a boundary file with region polygons",
    },
    "msg.import.no_polygons": {
        "zh": "{label} 中没有可用的多边形：请重新导出区域面",
        "en": "{label} holds no usable polygons: export the region areas again",
    },
    "msg.import.no_match": {
        "zh": "{source} 的 {count} 个要素都没有匹配到{level}区域：请检查名称字段和代码字段（--name-field、--code-field）以及 --level",
        "en": "none of the {count} features of {source} matched a {level} region: check the name and code fields (--name-field, --code-field) and --level",
    },
    "msg.import.no_fields": {
        "zh": "{label} 中没有能识别为区域代码或名称的字段（现有字段：{fields}）：请在“代码字段”和“名称字段”中指定（--code-field、--name-field）",
        "en": "{label} has no field of region codes or names that could be recognised (fields: {fields}): give them with --code-field and --name-field",
    },
    "msg.import.no_fields_at": {
        "zh": "{label} 中没有能识别为{level}区域代码或名称的字段（现有字段：{fields}）：请在“代码字段”和“名称字段”中指定（--code-field、--name-field）",
        "en": "{label} has no field of region codes or names that could be recognised as {level} regions (fields: {fields}): give them with --code-field and --name-field",
    },
    "msg.import.no_fields_none": {"zh": "无", "en": "none"},
    "msg.import.no_name_field": {
        "zh": "{label} 中没有用作名称的字段 {given}：请用 --name-field 指定以下字段之一：{fields}",
        "en": "{label} has no field {given} for the name: give --name-field one of {fields}",
    },
    "msg.import.no_code_field": {
        "zh": "{label} 中没有用作代码的字段 {given}：请用 --code-field 指定以下字段之一：{fields}",
        "en": "{label} has no field {given} for the code: give --code-field one of {fields}",
    },
    "msg.import.no_fields_listed": {"zh": "（没有字段）", "en": "(no fields)"},
    "msg.import.unknown_level": {
        "zh": "未知的级别 {given}：请使用以下之一：{choices}",
        "en": "unknown level {given}: use one of {choices}",
    },
    "msg.import.unknown_datum": {
        "zh": "未知的坐标基准 {given}：请使用 wgs84、gcj02 或 bd09",
        "en": "unknown datum {given}: use wgs84, gcj02 or bd09",
    },
    "msg.import.unknown_encoding": {
        "zh": "--encoding {given} 不是文本编码：请使用 GB18030、GBK、UTF-8 或 BIG5",
        "en": "--encoding {given} is not a text encoding: use GB18030, GBK, UTF-8 or BIG5",
    },
    "msg.import.reproject": {
        "zh": "{label} 无法从 {crs} 转换到 WGS-84（{reason}）：请检查坐标系，或用 --crs 指定",
        "en": "{label} could not be reprojected from {crs} to WGS-84 ({reason}): check the CRS or give it with --crs",
    },
    "msg.import.off_globe": {
        "zh": "{label} 的坐标不符合 {crs}（落在地球范围之外）：请用 --crs 指定正确的坐标系",
        "en": "{label}'s coordinates do not fit {crs} (they fall off the globe): give the right CRS with --crs",
    },
    "msg.crs.not_crs": {
        "zh": "--crs {value} 不是坐标参考系：请给出 EPSG 代码，例如 EPSG:4547（CGCS2000，114E）或 EPSG:4326",
        "en": "--crs {value} is not a coordinate reference system: give an EPSG code such as EPSG:4547 (CGCS2000, 114E) or EPSG:4326",
    },
    "msg.crs.no_match": {
        "zh": "{label} 没有坐标系，其坐标（{bounds}）不符合任何常用的中国投影：请指定坐标系，例如 --crs EPSG:4547（CGCS2000，114E）",
        "en": "{label} has no CRS and its coordinates ({bounds}) match no usual Chinese projection: give the CRS, for example --crs EPSG:4547 (CGCS2000, 114E)",
    },
    "msg.crs.several": {
        "zh": "{label} 没有坐标系，其坐标符合多个投影（{options}...）：请用 --crs 指定坐标系，或用 --province 指定省份以便区分",
        "en": "{label} has no CRS and its coordinates fit several projections ({options}...): give the CRS with --crs, or the province with --province so it can be told",
    },
    "msg.crs.guessed": {
        "zh": "文件没有坐标系；其坐标看起来是 {why}，因此使用了 {crs}（{name}）：如果地图位置不对，请用 --crs 指定坐标系",
        "en": "the file has no CRS; its coordinates look like {why}, so {crs} ({name}) was used: if the map is off, give the CRS with --crs",
    },
    # Reading a sheet of targets or achieved figures (geodata.plan.user_targets, observation_sheet)
    "msg.sheet.missing": {
        "zh": "{path} 不存在：请检查路径",
        "en": "{path} does not exist: check the path",
    },
    "msg.sheet.not_excel": {
        "zh": "{name} 无法作为 Excel 读取（{reason}）：请重新保存",
        "en": "{name} could not be read as Excel ({reason}): save it again",
    },
    "msg.sheet.kind": {
        "zh": "{name}：请导入 .csv 或 .xlsx 表格",
        "en": "{name}: import a .csv or .xlsx sheet",
    },
    "msg.sheet.encoding": {
        "zh": "{name} 既不是 UTF-8 也不是 GBK 文本：请另存为 UTF-8 编码的 CSV",
        "en": "{name} is neither UTF-8 nor GBK text: save it as UTF-8 CSV",
    },
    "msg.sheet.empty": {
        "zh": "{name} 是空的：请保存带有表头行和数据的表格",
        "en": "{name} is empty: save the sheet with a header row and data",
    },
    "msg.sheet.targets_columns": {
        "zh": "{name} 中没有 {columns} 列：表头行需要 region、metric 和 value（unit、year 和 note 可选）",
        "en": "{name} has no {columns} column: the header row needs region, metric and value (unit, year and note are optional)",
    },
    "msg.sheet.figures_columns": {
        "zh": "{name} 中没有 {columns} 列：表头行需要 region、target（或 metric）、date 和 value（unit、source 和 role 可选）",
        "en": "{name} has no {columns} column: the header row needs region, target (or metric), date and value (unit, source and role are optional)",
    },
    "msg.sheet.not_number": {
        "zh": "{text} 不是数字：请写成 120000 这样的数字",
        "en": "{text} is not a number: write digits such as 120000",
    },
    "msg.sheet.not_finite": {
        "zh": "{text} 不是有限的数字：请写成 120000 这样的数字",
        "en": "{text} is not a finite number: write digits such as 120000",
    },
    "msg.sheet.value_not_finite": {
        "zh": "数值 {text} 不是有限的数字：请写成 93307 这样的数字",
        "en": "the value {text} is not a finite number: write digits such as 93307",
    },
    "msg.sheet.metric_empty": {"zh": "指标为空", "en": "the metric is empty"},
    "msg.sheet.value_empty": {"zh": "数值为空", "en": "the value is empty"},
    "msg.sheet.figure_empty": {
        "zh": "数值为空：请填写已达到的数值，例如 93307",
        "en": "the value is empty: give the figure reached, e.g. 93307",
    },
    "msg.sheet.date_empty": {
        "zh": "日期为空：请填写达到该数值的日期或年份",
        "en": "the date is empty: give the date the figure was reached, or its year",
    },
    "msg.sheet.not_date": {
        "zh": "日期 {text} 不是日期：请写成 2023-11-30、2023-11 或 2023",
        "en": "the date {text} is not a date: write 2023-11-30, 2023-11 or 2023",
    },
    "msg.sheet.region_empty": {
        "zh": "区域为空：请填写其 6 位行政区划代码或中文名称",
        "en": "the region is empty: give its 6-digit adcode or Chinese name",
    },
    "msg.sheet.status": {
        "zh": "状态 {status} 不是以下之一：{choices}",
        "en": "status {status} is not one of {choices}",
    },
    "msg.sheet.region_ambiguous": {
        "zh": "区域 {region} 可能是 {names}：请改写其行政区划代码",
        "en": "region {region} could be {names}: write its adcode instead",
    },
    "msg.sheet.region_unknown": {
        "zh": "区域 {region} 不是任何省、市或县：请使用其 6 位行政区划代码或中文名称",
        "en": "region {region} matches no province, city or county: use its 6-digit adcode or Chinese name",
    },
    "msg.sheet.target_unknown": {
        "zh": "目标 {target} 不是已知的目标编号：可用 infra-atlas targets 列出",
        "en": "target {target} is not a known target id: list them with infra-atlas targets",
    },
    "msg.sheet.metric_unknown": {
        "zh": "指标 {metric} 与任何目标的指标或编号都不匹配：请按 infra-atlas targets 列出的写法填写指标或目标编号",
        "en": "metric {metric} matches no target's metric or id: write a metric or a target id as infra-atlas targets lists them",
    },
    "msg.level.city": {"zh": "地级市", "en": "city"},
    "msg.level.county": {"zh": "县级", "en": "county"},
    "msg.level.province": {"zh": "省级", "en": "province"},
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
