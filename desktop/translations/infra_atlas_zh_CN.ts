<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../dialogs/about.py" line="+111" />
            <source>About {app}</source>
            <extracomment>How the About dialog names the vendored web assets (manifest id -&gt; name); else the package.</extracomment>
            <translation>关于 {app}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Version {version}</source>
            <translation>版本 {version}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Provincial new-infrastructure plan targets on offline maps.</source>
            <translation>在离线地图上查看省级新型基础设施规划目标。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Data sources</source>
            <translation>数据来源</translation>
        </message>
        <message>
            <location line="+3" />
            <source>no date given</source>
            <translation>未注明日期</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Administrative boundaries: {source} ({note})</source>
            <translation>行政区划边界：{source}（{note}）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>AMap-derived, GCJ-02, converted to WGS-84</source>
            <translation>源自高德地图，GCJ-02 坐标，已转换为 WGS-84</translation>
        </message>
        <message>
            <location line="+5" />
            <source>boundary data</source>
            <translation>边界数据</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Component</source>
            <translation>组件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Licence</source>
            <translation>许可证</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Licence text / note</source>
            <translation>许可证文本 / 说明</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Licences</source>
            <translation>许可证</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Online basemap tiles: © OpenStreetMap contributors, © CARTO.</source>
            <translation>在线底图瓦片：© OpenStreetMap 贡献者，© CARTO。</translation>
        </message>
    </context>
    <context>
        <name>DocumentDialog</name>
        <message>
            <location filename="../dialogs/document.py" line="+73" />
            <source>Plan document: {title}</source>
            <translation>规划文件：{title}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No plan document named {file} is in the manifest.</source>
            <translation>清单中没有名为 {file} 的规划文件。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The quote is not in this document verbatim: nothing is highlighted.</source>
            <translation>本文件中没有与引文逐字一致的内容，因此未作高亮。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No quote to highlight.</source>
            <translation>没有需要高亮的引文。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>no date given</source>
            <translation>未注明日期</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Publisher: {publisher}</source>
            <translation>发布单位：{publisher}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date: {date}</source>
            <translation>日期：{date}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File: {file}</source>
            <translation>文件：{file}</translation>
        </message>
    </context>
    <context>
        <name>LayersPanel</name>
        <message>
            <location filename="../panels/layers.py" line="+113" />
            <source>Layers</source>
            <extracomment>Online tile providers the basemap layer can use (xyzservices names). The basemap tile provider chosen (an xyzservices name such as ``"CartoDB.Positron"``).</extracomment>
            <translation>图层</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Map</source>
            <translation>地图</translation>
        </message>
        <message>
            <location line="+2" />
            <source>City choropleth</source>
            <translation>城市分级设色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shanxi roles</source>
            <translation>山西城市定位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Corridors (schematic)</source>
            <translation>走廊（示意）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Labels</source>
            <translation>标注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Province context</source>
            <translation>省域背景</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online basemap (OpenStreetMap/CartoDB)</source>
            <translation>在线底图（OpenStreetMap/CartoDB）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Off by default: the tiles are downloaded from the internet.</source>
            <translation>默认关闭：底图瓦片需从互联网下载。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>OpenStreetMap</source>
            <translation>OpenStreetMap</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CartoDB Positron</source>
            <translation>CartoDB Positron</translation>
        </message>
        <message>
            <location line="+3" />
            <source>City</source>
            <translation>市级</translation>
        </message>
        <message>
            <location line="+0" />
            <source>County</source>
            <translation>县级</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Natural breaks</source>
            <translation>自然断点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quantiles</source>
            <translation>分位数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Equal interval</source>
            <translation>等间距</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Level</source>
            <translation>层级(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Metric</source>
            <translation>指标(&amp;M)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cl&amp;assification</source>
            <translation>分级方法(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Classes</source>
            <translation>分级数(&amp;C)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Online basemap provider</source>
            <translation>在线底图来源</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../main_window.py" line="+156" />
            <source>Infra Atlas - new infrastructure plans</source>
            <translation>Infra Atlas - 新型基础设施规划</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Import targets (CSV/Excel)...</source>
            <translation>导入目标（CSV/Excel）(&amp;I)...</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Shanxi</source>
            <translation>山西</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zhejiang</source>
            <translation>浙江</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Both provinces (national context)</source>
            <translation>两省（全国背景）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Zoom to &amp;province</source>
            <translation>缩放至全省(&amp;P)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About Infra Atlas</source>
            <translation>关于 Infra Atlas(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Layers</source>
            <translation>图层</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Region</source>
            <translation>区域</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Targets</source>
            <translation>目标</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Building the map...</source>
            <translation>正在生成地图...</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Map ready</source>
            <translation>地图已就绪</translation>
        </message>
        <message>
            <location line="+100" />
            <source>Import targets</source>
            <translation>导入目标</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tables (*.csv *.xlsx);;All files (*)</source>
            <translation>表格 (*.csv *.xlsx);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Imported {0} targets from {1}</source>
            <translation>已从 {1} 导入 {0} 项目标</translation>
        </message>
        <message>
            <location line="+4" />
            <source>line {0}: {1}</source>
            <translation>第 {0} 行：{1}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Import report</source>
            <translation>导入报告</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <location filename="../notify.py" line="+53" />
            <source>Unexpected problem ({0}); details were written to {1}</source>
            <translation>发生意外问题（{0}）；详细信息已写入 {1}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Infra Atlas</source>
            <translation>Infra Atlas</translation>
        </message>
    </context>
    <context>
        <name>RegionPanel</name>
        <message>
            <location filename="../panels/region.py" line="+71" />
            <source>Region</source>
            <translation>区域</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Select a region on the map to see its role, targets and corridors.</source>
            <translation>在地图上选择一个区域，查看其城市定位、规划目标和走廊。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Adcode</source>
            <translation>行政区划代码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Province: {province}</source>
            <translation>省份：{province}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Targets for this region</source>
            <translation>本区域目标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Province-wide targets</source>
            <translation>全省目标</translation>
        </message>
        <message>
            <location line="+6" />
            <source>inferred</source>
            <translation>推断</translation>
        </message>
        <message>
            <location line="+0" />
            <source>stated</source>
            <translation>明确列出</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the plan names the layout but not the cities</source>
            <translation>规划提出了布局，但未列明具体城市</translation>
        </message>
        <message>
            <location line="+2" />
            <source>named in an official document</source>
            <translation>见于官方文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>({confidence}: {why})</source>
            <translation>（{confidence}：{why}）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Role in the provincial layout</source>
            <translation>在全省城镇布局中的定位</translation>
        </message>
        <message>
            <location line="+10" />
            <source>None in the loaded plans.</source>
            <translation>已加载的规划中没有相关目标。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>planned</source>
            <translation>规划</translation>
        </message>
        <message>
            <location line="+0" />
            <source>achieved</source>
            <translation>已实现</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Source: {file}</source>
            <translation>来源：{file}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Corridors</source>
            <translation>走廊</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No corridor crosses it.</source>
            <translation>没有走廊经过该区域。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>schematic</source>
            <translation>示意</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{length} km inside the region</source>
            <translation>区域内 {length} 公里</translation>
        </message>
    </context>
    <context>
        <name>RegionPicker</name>
        <message>
            <location filename="../panels/region_picker.py" line="+47" />
            <location line="+18" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Region:</source>
            <translation>区域：</translation>
        </message>
    </context>
    <context>
        <name>TargetsPanel</name>
        <message>
            <location filename="../panels/targets.py" line="+254" />
            <source>All provinces</source>
            <translation>全部省份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shanxi 山西</source>
            <translation>山西</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zhejiang 浙江</source>
            <translation>浙江</translation>
        </message>
        <message>
            <location line="+6" />
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Search id, metric, unit or quote</source>
            <translation>搜索编号、指标、单位或原文</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case-insensitive; matches the verbatim quote too</source>
            <translation>不区分大小写；也匹配原文引文</translation>
        </message>
        <message>
            <location line="+26" />
            <source>{shown} of {total} targets</source>
            <translation>共 {total} 项目标，显示 {shown} 项</translation>
        </message>
    </context>
    <context>
        <name>TargetsTableModel</name>
        <message>
            <location line="-243" />
            <source>ID</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Province</source>
            <translation>省份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scope</source>
            <translation>范围</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Metric</source>
            <translation>指标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Shanxi</source>
            <translation>山西</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zhejiang</source>
            <translation>浙江</translation>
        </message>
        <message>
            <location line="+1" />
            <source>province</source>
            <translation>全省</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cities</source>
            <translation>城市</translation>
        </message>
        <message>
            <location line="+1" />
            <source>counties</source>
            <translation>县区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>corridor</source>
            <translation>走廊</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Overall</source>
            <translation>总体</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Information infrastructure</source>
            <translation>信息基础设施</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrated infrastructure</source>
            <translation>融合基础设施</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Innovation infrastructure</source>
            <translation>创新基础设施</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Security</source>
            <translation>安全保障</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Imported</source>
            <translation>导入</translation>
        </message>
        <message>
            <location line="+5" />
            <source>planned</source>
            <translation>规划</translation>
        </message>
        <message>
            <location line="+0" />
            <source>achieved</source>
            <translation>已实现</translation>
        </message>
    </context>
</TS>
