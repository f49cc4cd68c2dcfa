<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../dialogs/about.py" line="+97" />
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
            <location line="+13" />
            <source>Data sources</source>
            <translation>数据来源</translation>
        </message>
        <message>
            <location line="+3" />
            <source>no date given</source>
            <translation>未注明日期</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Administrative boundaries: {source} ({note})</source>
            <translation>行政区划边界：{source}（{note}）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>AMap-derived, GCJ-02, converted to WGS-84</source>
            <translation>源自高德地图，GCJ-02 坐标，已转换为 WGS-84</translation>
        </message>
        <message>
            <location line="+11" />
            <source>boundary data</source>
            <translation>边界数据</translation>
        </message>
        <message>
            <location line="+20" />
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
            <location line="-58" />
            <source>Online basemap tiles: © OpenStreetMap contributors, © CARTO.</source>
            <translation>在线底图瓦片：© OpenStreetMap 贡献者，© CARTO。</translation>
        </message>
    </context>
    <context>
        <name>AddFigureDialog</name>
        <message>
            <location filename="../dialogs/add_figure.py" line="+119" />
            <source>Add achieved figure: {region}</source>
            <translation>添加实际完成值：{region}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Target:</source>
            <translation>目标(&amp;T)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Metric:</source>
            <translation>指标(&amp;M)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Value:</source>
            <translation>数值(&amp;V)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Unit:</source>
            <translation>单位(&amp;U)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Date reached:</source>
            <translation>截至日期(&amp;D)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Source:</source>
            <translation>来源(&amp;S)：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Another metric</source>
            <translation>其他指标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What is counted, as in the plan</source>
            <translation>统计对象，与规划表述一致</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A number such as 93307</source>
            <translation>数字，如 93307</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Where the figure comes from: a statistics table, a report, a web page</source>
            <translation>数据来源：统计表、报告或网页</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Choose a target or type the metric the figure counts.</source>
            <translation>请选择目标，或填写该数值对应的指标。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Type the figure as a number, such as 93307.</source>
            <translation>请以数字填写数值，如 93307。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Say where the figure comes from: the source is required.</source>
            <translation>请注明数据来源：来源为必填项。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The date is after today: a figure is reached by a date.</source>
            <translation>日期晚于今天：请填写数值达到时的日期。</translation>
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
        <name>ExportActions</name>
        <message>
            <location filename="../export_actions.py" line="+461" />
            <source>Export &amp;view...</source>
            <translation>导出视图(&amp;V)...</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export &amp;figure...</source>
            <translation>导出专题图(&amp;F)...</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Region report...</source>
            <translation>区域报告(&amp;R)...</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Select a region first</source>
            <translation>请先选择区域</translation>
        </message>
        <message>
            <location line="+148" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Open file</source>
            <translation>打开文件(&amp;O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show in &amp;folder</source>
            <translation>在文件夹中显示(&amp;F)</translation>
        </message>
        <message>
            <location line="-300" />
            <location line="+214" />
            <source>The map is still loading: export the view once it is drawn</source>
            <extracomment>Screen resolution assumed for the DPI written into view images (CSS pixels). How long a 2x/3x re-render may take to load before the export gives up (ms). How often to ask the offscreen page whether it has finished drawing (ms). How long to wait for finer boundaries and basemap tiles before grabbing what is drawn (ms). What the live page shows beyond its document: the view, and what the app changed since. Show a snapshot in a freshly loaded page of the same document (the view last: selecting does not pan, but restyling and toggling must not move the map either way). Whether the finer boundaries of the live page, the basemap tiles and the title's font have arrived. What an exported view keeps of Leaflet's controls: the scale bar (part of the map). The title band at the top of an exported view (over the map, in the page's font). Dress the offscreen page for the image: hide the controls (CSS), keep a basemap's credit without Leaflet's, add the title as text (never markup). A title waits for its font.</extracomment>
            <translation>地图仍在加载：请在绘制完成后再导出视图</translation>
        </message>
        <message>
            <location line="-208" />
            <source>The map has not been drawn yet: try the export again</source>
            <translation>地图尚未绘制完成：请重新导出</translation>
        </message>
        <message>
            <location line="+249" />
            <source>Select a region first (click it on the map)</source>
            <translation>请先选择区域（在地图上点击）</translation>
        </message>
        <message>
            <location line="-22" />
            <location line="+34" />
            <source>Exporting...</source>
            <translation>正在导出...</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+22" />
            <source>Exported {0}</source>
            <translation>已导出 {0}</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../dialogs/export.py" line="+315" />
            <source>Saved in the folder {0}</source>
            <extracomment>What can be exported and the formats each allows. The smallest width of the file field (px): room for a folder and a whole file name. The user's folders a kind of export goes to the first time, in order of preference. The folder under the home used when the platform names no Pictures or Documents folder.</extracomment>
            <translation>保存到文件夹：{0}</translation>
        </message>
        <message>
            <location line="+12" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SVG drawing (*.svg)</source>
            <translation>SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Export to</source>
            <translation>导出到</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Replace file?</source>
            <translation>替换文件？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{0} exists. Replace it?</source>
            <translation>{0} 已存在。是否替换？</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The folder {0} does not exist: choose another one.</source>
            <translation>文件夹 {0} 不存在：请另选一个。</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Export figure</source>
            <translation>导出专题图</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Region report</source>
            <translation>区域报告</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export view</source>
            <translation>导出视图</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Resolution (DPI):</source>
            <translation>分辨率（DPI）(&amp;R)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Size:</source>
            <translation>尺寸(&amp;S)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Page:</source>
            <translation>纸张(&amp;P)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Orientation:</source>
            <translation>方向(&amp;O)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Title:</source>
            <translation>标题(&amp;T)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Legend:</source>
            <translation>图例(&amp;L)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Map &amp;approval number (审图号):</source>
            <translation>审图号(&amp;A)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Disclaimer:</source>
            <translation>免责声明(&amp;D)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>F&amp;ile:</source>
            <translation>文件(&amp;I)：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Landscape</source>
            <translation>横向</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Portrait</source>
            <translation>纵向</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{0}x screen</source>
            <translation>屏幕的 {0} 倍</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No title</source>
            <translation>无标题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep the map's legend</source>
            <translation>保留地图图例</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. GS(2024)1234</source>
            <translation>例如 GS(2024)1234号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Browse...</source>
            <translation>浏览...</translation>
        </message>
    </context>
    <context>
        <name>ImportBoundariesDialog</name>
        <message>
            <location filename="../dialogs/import_boundaries.py" line="+194" />
            <location line="+61" />
            <source>Import boundaries</source>
            <translation>导入边界</translation>
        </message>
        <message>
            <location line="-60" />
            <source>Browse...</source>
            <translation>浏览...</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose or drop a boundary file</source>
            <translation>选择或拖入边界文件</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Layer:</source>
            <translation>图层(&amp;L)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Province:</source>
            <translation>省份(&amp;P)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Le&amp;vel:</source>
            <translation>层级(&amp;V)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name field:</source>
            <translation>名称字段(&amp;N)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;ode field:</source>
            <translation>代码字段(&amp;O)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;CRS:</source>
            <translation>坐标系(&amp;C)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Datum:</source>
            <translation>坐标基准(&amp;D)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Encoding:</source>
            <translation>编码(&amp;E)：</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+5" />
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Automatic (from the codes)</source>
            <translation>自动（根据代码判断）</translation>
        </message>
        <message>
            <location line="+4" />
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
            <location line="+3" />
            <source>WGS-84 / CGCS2000 (most GIS files)</source>
            <translation>WGS-84 / CGCS2000（多数 GIS 文件）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GCJ-02 (AMap, Tencent)</source>
            <translation>GCJ-02（高德、腾讯）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>BD-09 (Baidu)</source>
            <translation>BD-09（百度）</translation>
        </message>
        <message>
            <location line="-19" />
            <source>From the file, or guessed (e.g. EPSG:4547)</source>
            <translation>读取自文件，或自动推测（例如 EPSG:4547）</translation>
        </message>
        <message>
            <location line="-19" />
            <source>Boundary file</source>
            <translation>边界文件</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Check &amp;again</source>
            <translation>重新检查(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Store and show</source>
            <translation>保存并显示(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First rows of the file:</source>
            <translation>文件前几行：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warnings:</source>
            <translation>警告：</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Boundary files ({0});;All files (*)</source>
            <translation>边界文件 ({0});;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Reading {0}...</source>
            <translation>正在读取 {0}...</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Unexpected problem ({0}); details were written to {1}</source>
            <translation>发生意外问题（{0}）；详细信息已写入 {1}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>{0} holds several layers ({1}): choose one in the Layer box and check again</source>
            <translation>{0} 包含多个图层（{1}）：请在“图层”框中选择一个后重新检查</translation>
        </message>
        <message>
            <location line="+22" />
            <source>{0}: {1} features, {2} level, province {3}</source>
            <translation>{0}：{1} 个要素，层级 {2}，省份 {3}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>CRS: {0} ({1}, {2}), reprojected to WGS-84 (EPSG:4326)</source>
            <translation>坐标系：{0}（{1}，{2}），已转换为 WGS-84（EPSG:4326）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Datum: {0}</source>
            <translation>坐标基准：{0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Encoding: {0} ({1})</source>
            <translation>编码：{0}（{1}）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name field: {0}; code field: {1}</source>
            <translation>名称字段：{0}；代码字段：{1}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Regions matched: {0} of {1}; polygons repaired: {2}</source>
            <translation>匹配区域：{0}/{1}；已修复多边形：{2}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>None.</source>
            <translation>无。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>read from the file</source>
            <translation>读取自文件</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+7" />
            <source>as you gave it</source>
            <translation>按您的指定</translation>
        </message>
        <message>
            <location line="-6" />
            <source>guessed from the coordinates</source>
            <translation>根据坐标范围推测</translation>
        </message>
        <message>
            <location line="+5" />
            <source>declared by the file</source>
            <translation>文件声明</translation>
        </message>
        <message>
            <location line="+2" />
            <source>detected</source>
            <translation>自动识别</translation>
        </message>
    </context>
    <context>
        <name>LayersPanel</name>
        <message>
            <location filename="../panels/layers.py" line="+157" />
            <source>Map</source>
            <translation>地图</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Corridors (schematic)</source>
            <translation>走廊（示意线）</translation>
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
            <location line="+14" />
            <source>Off by default: the tiles are downloaded from the internet.</source>
            <translation>默认关闭：底图瓦片需从互联网下载。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>OpenStreetMap</source>
            <translation>OpenStreetMap</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CartoDB Positron</source>
            <translation>CartoDB Positron</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Province</source>
            <translation>省份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City</source>
            <translation>市级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>County</source>
            <translation>县级</translation>
        </message>
        <message>
            <location line="+6" />
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
            <location line="+50" />
            <source>{0} has no city roles in the plan data</source>
            <translation>{0}的规划资料中没有城市角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{0} has no corridors in the plan data</source>
            <translation>{0}的规划资料中没有走廊</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Each category has its own colour: nothing to classify</source>
            <translation>每个类别各有其颜色，无需分级</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fixed classes: a colour means the same share of the target on every map</source>
            <translation>固定分级：同一颜色在每张图上代表相同的目标完成率</translation>
        </message>
        <message>
            <location line="-102" />
            <source>&amp;Level</source>
            <translation>层级(&amp;L)</translation>
        </message>
        <message>
            <location line="-15" />
            <source>&amp;Province</source>
            <extracomment>The overlays only some provinces have, and where to find those provinces. Why fewer classes are drawn than asked (hidden when all are).</extracomment>
            <translation>省份(&amp;P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shown on the map</source>
            <translation>地图显示内容</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choropleth</source>
            <translation>分级设色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City roles</source>
            <translation>城市角色</translation>
        </message>
        <message>
            <location line="+11" />
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
            <location line="+7" />
            <source>Online basemap provider</source>
            <translation>在线底图来源</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../main_window.py" line="+232" />
            <source>Infra Atlas - new infrastructure plans</source>
            <translation>Infra Atlas - 新型基础设施规划</translation>
        </message>
        <message>
            <location line="-25" />
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
            <source>Import &amp;boundaries...</source>
            <translation>导入边界(&amp;B)...</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Boundary &amp;versions...</source>
            <translation>边界版本(&amp;V)...</translation>
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
            <location line="+3" />
            <source>&amp;Choose province...</source>
            <translation>选择省份(&amp;C)...</translation>
        </message>
        <message>
            <location line="+1" />
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
            <location line="-14" />
            <source>&amp;Boundaries</source>
            <translation>边界(&amp;B)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>China (national view)</source>
            <translation>全国</translation>
        </message>
        <message>
            <location line="+112" />
            <source>Import targets</source>
            <translation>导入目标</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tables (*.csv *.xlsx);;All files (*)</source>
            <translation>表格 (*.csv *.xlsx);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Imported {0} targets from {1}</source>
            <translation>已从 {1} 导入 {0} 项目标</translation>
        </message>
        <message>
            <location line="+5" />
            <source>line {0}: {1}</source>
            <translation>第 {0} 行：{1}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Import report</source>
            <translation>导入报告</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Boundary version {0} ({1}) stored and shown</source>
            <translation>边界版本 {0}（{1}）已保存并显示</translation>
        </message>
        <message>
            <location line="+92" />
            <source>The map has not been drawn yet: try again</source>
            <translation>地图尚未绘制完成：请重试</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Could not write {0}</source>
            <translation>无法写入 {0}</translation>
        </message>
    </context>
    <context>
        <name>MapController</name>
        <message>
            <location filename="../map/controller.py" line="+155" />
            <source>Building the map...</source>
            <extracomment>What the window needs to know of a page style (the colours stay in the page): see :meth:`geodata.atlas.AtlasData.style`. A categorical style has only the first two. A style as asked: metric, scheme and number of classes. Read the summary of the style the page shows.</extracomment>
            <translation>正在生成地图...</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Map ready</source>
            <translation>地图已就绪</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <location filename="../notify.py" line="+45" />
            <source>the standard error output (the log file could not be written)</source>
            <translation>标准错误输出（日志文件无法写入）</translation>
        </message>
        <message>
            <location line="+37" />
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
        <name>PlanActions</name>
        <message>
            <location filename="../plan_actions.py" line="+136" />
            <source>Import plan &amp;document...</source>
            <extracomment>Steps of the progress bar (the engine reports a fraction).</extracomment>
            <translation>导入规划文件(&amp;D)...</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Read a plan document and review the targets it proposes before storing them</source>
            <translation>读取规划文件，审核提取出的目标后再保存</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Plans...</source>
            <translation>规划集(&amp;P)...</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show, hide or remove the stored plans</source>
            <translation>显示、隐藏或删除已保存的规划</translation>
        </message>
        <message>
            <location line="+24" />
            <source>A plan document is being read or stored: wait for it</source>
            <translation>正在读取或保存规划文件，请稍候</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+14" />
            <location line="+35" />
            <source>Import plan document</source>
            <translation>导入规划文件</translation>
        </message>
        <message>
            <location line="-47" />
            <source>Documents (*.txt *.docx *.pdf *.html *.htm);;All files (*)</source>
            <translation>文档 (*.txt *.docx *.pdf *.html *.htm);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Which province's plan is it?</source>
            <translation>这是哪个省份的规划？</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Reading {0}...</source>
            <translation>正在读取 {0}...</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Cancelling...</source>
            <translation>正在取消...</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Reading {0} was cancelled: nothing was stored</source>
            <translation>已取消读取 {0}，未保存任何内容</translation>
        </message>
        <message>
            <location line="+13" />
            <source>No targets were found in {0}: nothing to review</source>
            <translation>{0} 中未找到目标，无需审核</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Storing {0} targets...</source>
            <translation>正在保存 {0} 项目标...</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Stored {0} targets from {1} as plan {2}</source>
            <translation>已将 {1} 中的 {0} 项目标保存为规划 {2}</translation>
        </message>
    </context>
    <context>
        <name>PlanReviewDialog</name>
        <message>
            <location filename="../dialogs/plan_review.py" line="+247" />
            <source>Review proposed targets: {0}</source>
            <extracomment>The table's columns, in order. The widest a column of the table starts (pixels); the text is elided beyond. Large numbers as a planner writes them, per interface language.</extracomment>
            <translation>审核提取的目标：{0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Filter: sentence, metric, unit or region</source>
            <translation>筛选：原句、指标、单位或区域</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Filter proposals</source>
            <translation>筛选候选目标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status filter</source>
            <translation>状态筛选</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Accept</source>
            <translation>接受</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Metric</source>
            <translation>指标</translation>
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
            <source>Regions</source>
            <translation>区域</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Accept all</source>
            <translation>全部接受(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Accept every proposal the filter shows</source>
            <translation>接受当前筛选显示的全部候选目标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reject all</source>
            <translation>全部拒绝(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reject every proposal the filter shows</source>
            <translation>拒绝当前筛选显示的全部候选目标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Value:</source>
            <translation>数值(&amp;V)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Unit:</source>
            <translation>单位(&amp;U)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Qualifier:</source>
            <translation>限定(&amp;Q)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Year:</source>
            <translation>年份(&amp;Y)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Date:</source>
            <translation>日期(&amp;D)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S&amp;tatus:</source>
            <translation>状态(&amp;T)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Metric:</source>
            <translation>指标(&amp;M)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cate&amp;gory:</source>
            <translation>类别(&amp;G)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Regi&amp;ons:</source>
            <translation>区域(&amp;O)：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>e.g. 120000 or 3600亿</source>
            <translation>如 120000 或 3600亿</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 2025</source>
            <translation>如 2025</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 2023-06-30</source>
            <translation>如 2023-06-30</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Names or adcodes, separated by commas</source>
            <translation>名称或行政区划代码，以逗号分隔</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{0} pages</source>
            <translation>{0} 页</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Note: {0}</source>
            <translation>注意：{0}</translation>
        </message>
        <message>
            <location line="+93" />
            <source>As written: {0}</source>
            <translation>原文：{0}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Ambiguous in this province: {0}</source>
            <translation>在本省有歧义：{0}</translation>
        </message>
        <message>
            <location line="+61" />
            <source>&amp;Store {0} accepted</source>
            <translation>保存已接受的 {0} 项(&amp;S)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No targets were found in this document.</source>
            <translation>本文件中未找到目标。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{shown} of {total} proposals shown, {accepted} accepted</source>
            <translation>共 {total} 项候选目标，显示 {shown} 项，已接受 {accepted} 项</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Achieved and accepted: {0}, stored as achieved figures to follow progress</source>
            <translation>已接受的已实现数值 {0} 项，将保存为实际完成数据，用于跟踪目标进展</translation>
        </message>
        <message>
            <location line="+148" />
            <source>{0} is not a number: write digits such as 120000 or 3600亿</source>
            <translation>{0} 不是数字：请填写如 120000 或 3600亿</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{0} is not a year: write four digits such as 2025</source>
            <translation>{0} 不是年份：请填写四位数字，如 2025</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{0} is not a date: write it as 2023-06-30</source>
            <translation>{0} 不是日期：请按 2023-06-30 的格式填写</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{0} could be any of {1}: write the adcode</source>
            <translation>{0} 可能指 {1}：请填写行政区划代码</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{0} is not a region of {1}</source>
            <translation>{0} 不是{1}的区域</translation>
        </message>
    </context>
    <context>
        <name>PlansDialog</name>
        <message>
            <location filename="../dialogs/plans.py" line="+103" />
            <source>Plans</source>
            <translation>规划集</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Plans (plan 0 is the bundled plans and stays):</source>
            <translation>规划集(&amp;P)（规划 0 为内置规划，不可删除）：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Plan</source>
            <translation>规划</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Province</source>
            <translation>省份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Imported (UTC)</source>
            <translation>导入时间 (UTC)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Targets</source>
            <translation>目标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shown</source>
            <translation>显示</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Hide</source>
            <translation>隐藏(&amp;H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Show</source>
            <translation>显示(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Remove...</source>
            <translation>删除(&amp;R)...</translation>
        </message>
        <message>
            <location line="+13" />
            <source>bundled</source>
            <translation>内置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>document</source>
            <translation>文档</translation>
        </message>
        <message>
            <location line="+1" />
            <source>sheet</source>
            <translation>表格</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Bundled plan documents</source>
            <translation>内置规划文件</translation>
        </message>
        <message>
            <location line="+11" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Plan {0} is hidden</source>
            <translation>规划 {0} 已隐藏</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Plan {0} is shown</source>
            <translation>规划 {0} 已显示</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Plan {0} was removed</source>
            <translation>规划 {0} 已删除</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Remove plan {0} ({1}) and its {2} targets? The stored file and text are deleted.</source>
            <translation>删除规划 {0}（{1}）及其 {2} 项目标？已保存的文件和文本将一并删除。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Remove plan</source>
            <translation>删除规划</translation>
        </message>
    </context>
    <context>
        <name>ProgressActions</name>
        <message>
            <location filename="../progress_actions.py" line="+92" />
            <source>Import achieved &amp;figures (CSV/Excel)...</source>
            <translation>导入实际完成数据(CSV/Excel)(&amp;F)...</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Read the figures regions have reached, to follow the targets' progress</source>
            <translation>读取各地区已达到的数值，跟踪目标进展</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Imported {count} figures from {file}</source>
            <translation>已从 {file} 导入 {count} 条数据</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+18" />
            <source>Import achieved figures</source>
            <translation>导入实际完成数据</translation>
        </message>
        <message>
            <location line="-16" />
            <source>Tables (*.csv *.xlsx);;All files (*)</source>
            <translation>表格 (*.csv *.xlsx);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Nothing was stored: {count} problems in {file}. Fix these lines and import again.</source>
            <translation>未保存任何数据：{file} 中有 {count} 处问题。请修改以下各行后重新导入。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>line {line}: {message}</source>
            <translation>第 {line} 行：{message}</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Stored {value} {unit} for {region} as of {date}</source>
            <translation>已保存 {region} 截至 {date} 的数值 {value} {unit}</translation>
        </message>
    </context>
    <context>
        <name>ProgressChart</name>
        <message>
            <location filename="../panels/progress_chart.py" line="+148" />
            <source>Achieved</source>
            <extracomment>Days added on each side when every point has the same date.</extracomment>
            <translation>实际完成</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Target</source>
            <translation>目标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Baseline</source>
            <translation>基数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No achieved figures to chart.</source>
            <translation>没有可绘制的实际完成数据。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Progress chart</source>
            <translation>进度图</translation>
        </message>
    </context>
    <context>
        <name>ProvincePicker</name>
        <message>
            <location filename="../panels/province_picker.py" line="+164" />
            <source>China (national view)</source>
            <extracomment>The item role holding every spelling a province is found by (lower case, one per line). The one-character abbreviations (简称) of the provincial units, as on number plates. What the national view is found by, besides its label.</extracomment>
            <translation>全国</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Type a province's name, pinyin or adcode</source>
            <translation>输入省份名称、拼音或区划代码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search provinces</source>
            <translation>搜索省份</translation>
        </message>
    </context>
    <context>
        <name>RegionPanel</name>
        <message>
            <location filename="../panels/region.py" line="+134" />
            <source>Region</source>
            <translation>区域</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add achieved figure...</source>
            <translation>添加实际完成值...</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Record a figure the region has reached, with where it comes from</source>
            <translation>记录本区域已达到的数值及其来源</translation>
        </message>
        <message>
            <location line="+16" />
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
            <location line="+7" />
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
            <location line="+28" />
            <source>Progress</source>
            <translation>进展</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No achieved figure for this region yet.</source>
            <translation>本区域尚无实际完成数据。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No achieved figure yet: {targets}</source>
            <translation>尚无实际完成数据：{targets}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{percent}% of target</source>
            <translation>完成目标的 {percent}%</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Target: {value} {unit} by {deadline}</source>
            <translation>目标：{deadline} 前达到 {value} {unit}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Source of the latest figure: {source}</source>
            <translation>最新数据来源：{source}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>chart</source>
            <translation>图表</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Baseline: none (one figure and no stated baseline)</source>
            <translation>基数：无（仅一个数据且未给定基数）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Baseline: {value} {unit} on {date} ({kind})</source>
            <translation>基数：{date} {value} {unit}（{kind}）</translation>
        </message>
        <message>
            <location line="+8" />
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
            <location filename="../panels/region_picker.py" line="+48" />
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
        <name>Start</name>
        <message>
            <location filename="../app.py" line="+149" />
            <source>Preparing China's provinces and the map for the first time...</source>
            <translation>正在首次准备全国省界和地图...</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Building this map: it is new or its data changed...</source>
            <translation>正在生成地图（新地图或数据已更新）...</translation>
        </message>
    </context>
    <context>
        <name>StateNotice</name>
        <message>
            <location filename="../state_notice.py" line="+123" />
            <source>The data folder was repaired:</source>
            <translation>数据文件夹已修复：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Infra Atlas found a problem with its data folder:</source>
            <translation>Infra Atlas 发现数据文件夹有问题：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Repair</source>
            <translation>修复(&amp;R)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Set damaged boundary versions and plans aside (nothing is deleted) and rewrite the damaged lists; the bundled boundaries stand in (infra-atlas layers --repair)</source>
            <translation>将损坏的边界版本和规划移到一旁（不删除任何内容），并重写损坏的列表；由内置边界代替（infra-atlas layers --repair）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>TargetLabels</name>
        <message>
            <location filename="../labels.py" line="+16" />
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
            <location line="+7" />
            <source>planned</source>
            <translation>规划</translation>
        </message>
        <message>
            <location line="+1" />
            <source>achieved</source>
            <translation>已实现</translation>
        </message>
        <message>
            <location line="+7" />
            <source>(exact)</source>
            <translation>（精确值）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>about</source>
            <translation>约</translation>
        </message>
        <message>
            <location line="+1" />
            <source>at least</source>
            <translation>至少</translation>
        </message>
        <message>
            <location line="+1" />
            <source>more than</source>
            <translation>超过</translation>
        </message>
        <message>
            <location line="+1" />
            <source>at most</source>
            <translation>不超过</translation>
        </message>
        <message>
            <location line="+21" />
            <source>stated baseline</source>
            <translation>给定基数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>earliest figure</source>
            <translation>最早数据</translation>
        </message>
    </context>
    <context>
        <name>TargetsPanel</name>
        <message>
            <location filename="../panels/targets.py" line="+486" />
            <location line="+13" />
            <source>All provinces</source>
            <translation>全部省份</translation>
        </message>
        <message>
            <location line="+7" />
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location line="+3" />
            <source>All progress</source>
            <translation>全部进展</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Province</source>
            <translation>省份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Progress</source>
            <translation>进展</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search id, metric, unit or quote</source>
            <translation>搜索编号、指标、单位或原文</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case-insensitive; matches the verbatim quote too</source>
            <translation>不区分大小写；也匹配原文引文</translation>
        </message>
        <message>
            <location line="+27" />
            <source>{shown} of {total} targets</source>
            <translation>共 {total} 项目标，显示 {shown} 项</translation>
        </message>
    </context>
    <context>
        <name>TargetsTableModel</name>
        <message>
            <location line="-390" />
            <source>ID</source>
            <extracomment>The source column's starting width in pixels (the planner may widen it). Sort rank of a progress status: ascending puts the targets with no figure first.</extracomment>
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
            <source>Latest</source>
            <translation>最新值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>As of</source>
            <translation>截至</translation>
        </message>
        <message>
            <location line="+1" />
            <source>% of target</source>
            <translation>完成率(%)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Progress</source>
            <translation>进展</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+5" />
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
            <location line="+135" />
            <source>{percent}% of target</source>
            <translation>完成目标的 {percent}%</translation>
        </message>
    </context>
    <context>
        <name>VersionsDialog</name>
        <message>
            <location filename="../dialogs/versions.py" line="+118" />
            <source>Boundary versions</source>
            <translation>边界版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Versions:</source>
            <translation>版本(&amp;V)：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Imported</source>
            <translation>导入时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Layer</source>
            <translation>图层</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Features</source>
            <translation>要素数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Active</source>
            <translation>当前使用</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Before</source>
            <translation>变化前</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area change</source>
            <translation>面积变化</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Activate</source>
            <translation>启用(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Restore bundled boundaries</source>
            <translation>恢复内置边界(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show changes on &amp;map</source>
            <translation>在地图上显示变化(&amp;M)</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+109" />
            <source>Select an imported version to see its changes.</source>
            <translation>选择一个导入的版本以查看其变化。</translation>
        </message>
        <message>
            <location line="-91" />
            <source>provinces</source>
            <translation>省份</translation>
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
            <location line="+2" />
            <source>bundled</source>
            <translation>内置</translation>
        </message>
        <message>
            <location line="+0" />
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <location line="+16" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+73" />
            <source>Comparing version {0}...</source>
            <translation>正在比较版本 {0}...</translation>
        </message>
        <message>
            <location line="+13" />
            <source>added</source>
            <translation>新增</translation>
        </message>
        <message>
            <location line="+1" />
            <source>removed</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>renamed</source>
            <translation>更名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>recoded</source>
            <translation>代码变更</translation>
        </message>
        <message>
            <location line="+1" />
            <source>area changed</source>
            <translation>面积变化</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Changes from version {0} to version {1}: {2}</source>
            <translation>版本 {0} 到版本 {1} 的变化：{2} 处</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <location filename="../dialogs/workspace.py" line="+96" />
            <source>the local data folder</source>
            <translation>本机数据文件夹</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PostGIS {0}</source>
            <translation>PostGIS {0}</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceActions</name>
        <message>
            <location filename="../workspace_actions.py" line="+310" />
            <source>&amp;Workspace...</source>
            <translation>工作空间(&amp;W)...</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use a shared PostGIS database as the workspace, or the local data folder</source>
            <translation>使用共享的 PostGIS 数据库或本机数据文件夹作为工作空间</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{0} (cannot be reached)</source>
            <translation>{0}（无法连接）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Workspace: {0}</source>
            <translation>工作空间：{0}</translation>
        </message>
        <message>
            <location line="+19" />
            <location line="+71" />
            <source>The atlas now uses {0}</source>
            <translation>现在使用{0}</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceBar</name>
        <message>
            <location line="-205" />
            <source>Retry</source>
            <extracomment>The fingerprint of a workspace whose server cannot be reached.</extracomment>
            <translation>重试</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use local data folder</source>
            <translation>使用本机数据文件夹</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+8" />
            <source>What this machine has cached of it is shown, read-only: importing and other changes fail until the server is back.</source>
            <translation>当前显示本机缓存的内容（只读）：服务器恢复之前，导入和其他修改都无法进行。</translation>
        </message>
        <message>
            <location line="-2" />
            <source>The shared workspace cannot be reached.</source>
            <translation>无法连接共享工作空间。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The shared workspace can be reached again.</source>
            <translation>共享工作空间已可重新连接。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh to show what it holds now.</source>
            <translation>请点击“刷新”显示其最新内容。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The shared workspace changed ({0} by {1})</source>
            <translation>共享工作空间有更新（{1}：{0}）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The shared workspace changed</source>
            <translation>共享工作空间有更新</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh to show it.</source>
            <translation>请点击“刷新”显示更新。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The shared workspace cannot be used.</source>
            <translation>无法使用共享工作空间。</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceDialog</name>
        <message>
            <location filename="../dialogs/workspace.py" line="+76" />
            <location line="+90" />
            <source>Workspace</source>
            <translation>工作空间</translation>
        </message>
        <message>
            <location line="-89" />
            <source>In use: {0}</source>
            <translation>当前使用：{0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Connection string:</source>
            <translation>连接字符串(&amp;C)：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A shared PostGIS database: service=atlas, host=... dbname=..., or postgresql://host/dbname. The password is never typed here: it comes from ~/.pgpass, pg_service.conf or PGPASSWORD.</source>
            <translation>共享的 PostGIS 数据库：service=atlas、host=... dbname=...，或 postgresql://host/dbname。密码不在此处填写，而由 ~/.pgpass、pg_service.conf 或 PGPASSWORD 提供。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Create the &amp;tables if missing</source>
            <translation>缺少数据表时自动创建(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;onnect</source>
            <translation>连接(&amp;O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use &amp;local data folder</source>
            <translation>使用本机数据文件夹(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Connecting to {0}...</source>
            <translation>正在连接 {0}...</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The database {0} holds no Infra Atlas workspace yet: tick “Create the tables if missing” and connect again.</source>
            <translation>数据库 {0} 中尚无 Infra Atlas 工作空间：请勾选“缺少数据表时自动创建”后重新连接。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Unexpected problem ({0}); details were written to {1}</source>
            <translation>发生意外问题（{0}）；详细信息已写入 {1}</translation>
        </message>
    </context>
</TS>
