<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>dc</name>
    <message>
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>新增 {code} {name}（主办 {line}）</source>
      <translation>Add {code} {name} (lead: {line})</translation>
    </message>
    <message>
      <source>停用</source>
      <translation>Retire</translation>
    </message>
    <message>
      <source>移动</source>
      <translation>Move</translation>
    </message>
    <message>
      <source>二级类别</source>
      <translation>subcategory</translation>
    </message>
    <message>
      <source>新增类别</source>
      <translation>Add category</translation>
    </message>
    <message>
      <source>类别改名</source>
      <translation>Rename category</translation>
    </message>
    <message>
      <source>{name}（{code}）</source>
      <translation>{name} ({code})</translation>
    </message>
    <message>
      <source>「{field}」→ {value}</source>
      <translation>“{field}” → {value}</translation>
    </message>
    <message>
      <source>修改</source>
      <translation>Edit</translation>
    </message>
    <message>
      <source>，</source>
      <translation>, </translation>
    </message>
    <message>
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <source>职责清单维护</source>
      <translation>Duty list maintenance</translation>
    </message>
    <message>
      <source>按编码、名称或关键词搜索</source>
      <translation>Search by code, name or keyword</translation>
    </message>
    <message>
      <source>版本与差异…</source>
      <translation>Versions and differences…</translation>
    </message>
    <message>
      <source>导入 Excel…</source>
      <translation>Import Excel…</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <source>事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>记入修改</source>
      <translation>Stage change</translation>
    </message>
    <message>
      <source>新增事项</source>
      <translation>Add item</translation>
    </message>
    <message>
      <source>停用事项</source>
      <translation>Retire item</translation>
    </message>
    <message>
      <source>移到此二级类别</source>
      <translation>Move to this subcategory</translation>
    </message>
    <message>
      <source>撤销所选修改</source>
      <translation>Drop selected change</translation>
    </message>
    <message>
      <source>检查与影响预览</source>
      <translation>Check and preview impact</translation>
    </message>
    <message>
      <source>例如：协调会决定消费维权类事项改由市场监管主办</source>
      <translation>E.g. coordination meeting: consumer-rights items now led by market supervision</translation>
    </message>
    <message>
      <source>留空自动命名（生效日期.序号）</source>
      <translation>Leave empty to name automatically (effective date.sequence)</translation>
    </message>
    <message>
      <source>保存为新版本</source>
      <translation>Save as new version</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>生效日期</source>
      <translation>Effective date</translation>
    </message>
    <message>
      <source>修改原因</source>
      <translation>Reason for change</translation>
    </message>
    <message>
      <source>版本号</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>正在读取职责清单…</source>
      <translation>Loading duty list…</translation>
    </message>
    <message>
      <source>填写新事项后点「记入修改」</source>
      <translation>Fill in the new item, then click “Stage change”</translation>
    </message>
    <message>
      <source>正在检查清单并测算影响…</source>
      <translation>Checking the list and estimating the impact…</translation>
    </message>
    <message>
      <source>导出职责清单</source>
      <translation>Export duty list</translation>
    </message>
    <message>
      <source>导入职责清单</source>
      <translation>Import duty list</translation>
    </message>
    <message>
      <source>搜索：</source>
      <translation>Search:</translation>
    </message>
    <message>
      <source>编码</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>主办条线</source>
      <translation>Lead line</translation>
    </message>
    <message>
      <source>层级</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>待保存的修改</source>
      <translation>Changes to save</translation>
    </message>
    <message>
      <source>已记入：</source>
      <translation>Staged: </translation>
    </message>
    <message>
      <source>时限有误</source>
      <translation>Invalid time limit</translation>
    </message>
    <message>
      <source>请先在左侧选择一个事项</source>
      <translation>Select an item on the left first</translation>
    </message>
    <message>
      <source>表单与事项相同，没有修改</source>
      <translation>The form matches the item; nothing changed</translation>
    </message>
    <message>
      <source>请先选择事项和目标二级类别</source>
      <translation>Choose an item and a target subcategory first</translation>
    </message>
    <message>
      <source>没有待保存的修改</source>
      <translation>No changes to save</translation>
    </message>
    <message>
      <source>不能保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <source>请填写修改原因</source>
      <translation>Please give a reason for the change</translation>
    </message>
    <message>
      <source>保存为新版本，{date} 起施行？

{diff}
在办工单 {open} 张、近 {days} 天工单 {recent} 张将改由其他单位主办；清单检查发现 {findings} 项。</source>
      <translation>Save as a new version effective {date}?

{diff}
{open} open tickets and {recent} tickets from the last {days} days would move to another lead unit; the list check found {findings} issues.</translation>
    </message>
    <message>
      <source>已保存版本 {version}（{date} 起施行，记录 {n} 项变化）</source>
      <translation>Saved version {version} (effective {date}, {n} changes recorded)</translation>
    </message>
    <message>
      <source>职责清单-{version}.xlsx</source>
      <translation>duty-list-{version}.xlsx</translation>
    </message>
    <message>
      <source>已读入工作簿，尚未保存：</source>
      <translation>Workbook loaded, not saved yet: </translation>
    </message>
    <message>
      <source>职责清单 {version}：{n} 项</source>
      <translation>Duty list {version}: {n} items</translation>
    </message>
    <message>
      <source>基于版本 {version}（{date} 起施行）</source>
      <translation>Based on version {version} (effective {date})</translation>
    </message>
    <message>
      <source>新增事项有误</source>
      <translation>Invalid new item</translation>
    </message>
    <message>
      <source>修改有误</source>
      <translation>Invalid change</translation>
    </message>
    <message>
      <source>预览失败</source>
      <translation>Preview failed</translation>
    </message>
    <message>
      <source>保存职责清单</source>
      <translation>Save duty list</translation>
    </message>
    <message>
      <source>保存失败</source>
      <translation>Save failed</translation>
    </message>
    <message>
      <source>导出失败</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <source>已导出 {n} 项到 {path}</source>
      <translation>Exported {n} items to {path}</translation>
    </message>
    <message>
      <source>工作簿有误</source>
      <translation>Invalid workbook</translation>
    </message>
    <message>
      <source>：</source>
      <translation>: </translation>
    </message>
    <message>
      <source>导入工作簿：{source}（{n} 项）</source>
      <translation>Imported workbook: {source} ({n} items)</translation>
    </message>
    <message>
      <source>请填写 {low:g} 到 {high:g} 之间的小时数</source>
      <translation>Enter a number of hours from {low:g} to {high:g}</translation>
    </message>
    <message>
      <source>草稿</source>
      <translation>draft</translation>
    </message>
    <message>
      <source>条线主办</source>
      <translation>Lead line's unit</translation>
    </message>
    <message>
      <source>区政府牵头</source>
      <translation>District government leads</translation>
    </message>
    <message>
      <source>街道办牵头</source>
      <translation>Street office leads</translation>
    </message>
    <message>
      <source>签收</source>
      <translation>Accept</translation>
    </message>
    <message>
      <source>反馈</source>
      <translation>Reply</translation>
    </message>
    <message>
      <source>办结</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>用「、」分隔</source>
      <translation>Separate with “、”</translation>
    </message>
    <message>
      <source>事项编码</source>
      <translation>Item code</translation>
    </message>
    <message>
      <source>事项名称</source>
      <translation>Item name</translation>
    </message>
    <message>
      <source>事项说明</source>
      <translation>Item description</translation>
    </message>
    <message>
      <source>关键词</source>
      <translation>Keywords</translation>
    </message>
    <message>
      <source>协办条线</source>
      <translation>Co-handling lines</translation>
    </message>
    <message>
      <source>办理层级</source>
      <translation>Handling level</translation>
    </message>
    <message>
      <source>属地规则</source>
      <translation>Territory rule</translation>
    </message>
    <message>
      <source>时限</source>
      <translation>Deadlines</translation>
    </message>
    <message>
      <source>默认紧急程度</source>
      <translation>Default urgency</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>有效</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>已停用</source>
      <translation>Retired</translation>
    </message>
    <message>
      <source>尚未预览：记入修改后点「检查与影响预览」</source>
      <translation>Not previewed yet: stage changes, then click “Check and preview impact”</translation>
    </message>
    <message>
      <source>影响预览</source>
      <translation>Impact preview</translation>
    </message>
    <message>
      <source>清单检查</source>
      <translation>List check</translation>
    </message>
    <message>
      <source>修改差异</source>
      <translation>Differences</translation>
    </message>
    <message>
      <source>按单位：原主办 → 新主办</source>
      <translation>By unit: old lead → new lead</translation>
    </message>
    <message>
      <source>示例工单</source>
      <translation>Example tickets</translation>
    </message>
    <message>
      <source>修改已变化，请重新预览</source>
      <translation>The changes were edited; preview again</translation>
    </message>
    <message>
      <source>近 {n} 天工单</source>
      <translation>Tickets, last {n} days</translation>
    </message>
    <message>
      <source>原主办单位</source>
      <translation>Old lead unit</translation>
    </message>
    <message>
      <source>新主办单位</source>
      <translation>New lead unit</translation>
    </message>
    <message>
      <source>在办工单</source>
      <translation>Open tickets</translation>
    </message>
    <message>
      <source>工单编号</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <source>受理时间</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>地点</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>原主办</source>
      <translation>Old lead</translation>
    </message>
    <message>
      <source>新主办</source>
      <translation>New lead</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>对象</source>
      <translation>Subject</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>在办工单 {open_all} 张中 {open} 张、近 {days} 天工单 {recent_all} 张中 {recent} 张将改由其他单位主办（另有 {without} 张在办工单未定事项）。测算 {seconds:.2f} 秒。</source>
      <translation>{open} of {open_all} open tickets and {recent} of {recent_all} tickets from the last {days} days would move to another lead unit ({without} more open tickets have no duty item yet). Estimated in {seconds:.2f} s.</translation>
    </message>
    <message>
      <source>清单检查（{n}）</source>
      <translation>List check ({n})</translation>
    </message>
    <message>
      <source>（待复核）</source>
      <translation>(pending review)</translation>
    </message>
    <message>
      <source>职责清单版本与差异</source>
      <translation>Duty list versions and differences</translation>
    </message>
    <message>
      <source>比较</source>
      <translation>Compare</translation>
    </message>
    <message>
      <source>导出差异 Excel…</source>
      <translation>Export differences to Excel…</translation>
    </message>
    <message>
      <source>导出所选版本 Excel…</source>
      <translation>Export selected version to Excel…</translation>
    </message>
    <message>
      <source>导出差异</source>
      <translation>Export differences</translation>
    </message>
    <message>
      <source>职责清单差异.xlsx</source>
      <translation>duty-list-differences.xlsx</translation>
    </message>
    <message>
      <source>版本</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>变化项数</source>
      <translation>Changes</translation>
    </message>
    <message>
      <source>修改人</source>
      <translation>Changed by</translation>
    </message>
    <message>
      <source>保存时间</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>从</source>
      <translation>From</translation>
    </message>
    <message>
      <source>到</source>
      <translation>to</translation>
    </message>
    <message>
      <source>比较失败</source>
      <translation>Comparison failed</translation>
    </message>
    <message>
      <source>两个版本没有差异</source>
      <translation>The two versions are identical</translation>
    </message>
    <message>
      <source>已导出到 {path}</source>
      <translation>Exported to {path}</translation>
    </message>
    <message>
      <source>已导出版本 {version} 到 {path}</source>
      <translation>Exported version {version} to {path}</translation>
    </message>
    <message>
      <source>问题</source>
      <translation>Problem</translation>
    </message>
    <message>
      <source>件数</source>
      <translation>Count</translation>
    </message>
    <message>
      <source>在办</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>首张</source>
      <translation>First</translation>
    </message>
    <message>
      <source>最近</source>
      <translation>Latest</translation>
    </message>
    <message>
      <source>事件</source>
      <translation>Incident</translation>
    </message>
    <message>
      <source>代表诉求</source>
      <translation>Typical request</translation>
    </message>
    <message>
      <source>（文字相近）</source>
      <translation>(similar text)</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>诉求</source>
      <translation>Request</translation>
    </message>
    <message>
      <source>热点聚集</source>
      <translation>Hot spots</translation>
    </message>
    <message>
      <source>正在读取…</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <source>关联为一个事件…</source>
      <translation>Link as one incident…</translation>
    </message>
    <message>
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>导出热点</source>
      <translation>Export hot spots</translation>
    </message>
    <message>
      <source>热点聚集.xlsx</source>
      <translation>hot-spots.xlsx</translation>
    </message>
    <message>
      <source>热点 {n} 处（近 {hours:g} 小时，每 {seconds:g} 秒更新，{time}）</source>
      <translation>{n} hot spots (last {hours:g} hours, updated every {seconds:g} s, {time})</translation>
    </message>
    <message>
      <source>关联为一个事件</source>
      <translation>Link as one incident</translation>
    </message>
    <message>
      <source>事件标题：</source>
      <translation>Incident title:</translation>
    </message>
    <message>
      <source>关联失败</source>
      <translation>Linking failed</translation>
    </message>
    <message>
      <source>已关联事件 #{id}：{title}（{n} 张工单）</source>
      <translation>Linked incident #{id}: {title} ({n} tickets)</translation>
    </message>
    <message>
      <source>新热点：{title}</source>
      <translation>New hot spot: {title}</translation>
    </message>
    <message>
      <source>关联事件</source>
      <translation>Link incident</translation>
    </message>
    <message>
      <source>把这些工单改为关联到本事件？</source>
      <translation>Link these tickets to this incident instead?</translation>
    </message>
    <message>
      <source>（全部区）</source>
      <translation>(all districts)</translation>
    </message>
    <message>
      <source>本周突出问题</source>
      <translation>This week's top problems</translation>
    </message>
    <message>
      <source>回潮统计</source>
      <translation>Recurrence</translation>
    </message>
    <message>
      <source>建议汇总</source>
      <translation>Suggestion summary</translation>
    </message>
    <message>
      <source>按区</source>
      <translation>By district</translation>
    </message>
    <message>
      <source>按类别</source>
      <translation>By category</translation>
    </message>
    <message>
      <source>按单位</source>
      <translation>By unit</translation>
    </message>
    <message>
      <source>全市</source>
      <translation>Citywide</translation>
    </message>
    <message>
      <source>分析报表</source>
      <translation>Analysis reports</translation>
    </message>
    <message>
      <source> 天</source>
      <translation> days</translation>
    </message>
    <message>
      <source>导出本页 Excel…</source>
      <translation>Export this page to Excel…</translation>
    </message>
    <message>
      <source>导出全部 Excel…</source>
      <translation>Export all to Excel…</translation>
    </message>
    <message>
      <source>回潮</source>
      <translation>Recurrence</translation>
    </message>
    <message>
      <source>正在统计…</source>
      <translation>Calculating…</translation>
    </message>
    <message>
      <source>导出 Excel</source>
      <translation>Export Excel</translation>
    </message>
    <message>
      <source>导出已取消，未生成文件</source>
      <translation>Export cancelled; no file was written</translation>
    </message>
    <message>
      <source>统计最近</source>
      <translation>Last</translation>
    </message>
    <message>
      <source>回潮：办结后</source>
      <translation>Recurrence: similar request within</translation>
    </message>
    <message>
      <source>内再有同类诉求</source>
      <translation>of closing</translation>
    </message>
    <message>
      <source>名称 / 事项</source>
      <translation>Name / item</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>上期</source>
      <translation>Previous</translation>
    </message>
    <message>
      <source>增减</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>维度：</source>
      <translation>Group by:</translation>
    </message>
    <message>
      <source>区：</source>
      <translation>District:</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>再诉</source>
      <translation>Repeat requests</translation>
    </message>
    <message>
      <source>重开</source>
      <translation>Reopened</translation>
    </message>
    <message>
      <source>回潮率</source>
      <translation>Recurrence rate</translation>
    </message>
    <message>
      <source>后续工单</source>
      <translation>Follow-up tickets</translation>
    </message>
    <message>
      <source>示例</source>
      <translation>Examples</translation>
    </message>
    <message>
      <source>主题</source>
      <translation>Topic</translation>
    </message>
    <message>
      <source>分布（区）</source>
      <translation>By district</translation>
    </message>
    <message>
      <source>工单：</source>
      <translation>Tickets: </translation>
    </message>
    <message>
      <source>正在导出…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>统计期 {since} 至 {until}</source>
      <translation>Period {since} to {until}</translation>
    </message>
    <message>
      <source>办结后 {days} 天内再有同类诉求 {back} 张，重新打开 {reopened} 张</source>
      <translation>{back} similar requests within {days} days of closing, {reopened} reopened</translation>
    </message>
    <message>
      <source>建议 {total} 件，{n} 个主题</source>
      <translation>{total} suggestions, {n} topics</translation>
    </message>
    <message>
      <source>{label}（{category}）{n} 件</source>
      <translation>{label} ({category}) {n} tickets</translation>
    </message>
    <message>
      <source>操作失败：{message}</source>
      <translation>Failed: {message}</translation>
    </message>
    <message>
      <source>（未定事项，不参与排名）</source>
      <translation>(not yet routed to an item — not ranked)</translation>
    </message>
    <message>
      <source>正在导出到 {path}…</source>
      <translation>Exporting to {path}…</translation>
    </message>
    <message>
      <source>分拨调度台</source>
      <translation>Dispatch Console</translation>
    </message>
    <message>
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
    <message>
      <source>已记录查看原因</source>
      <translation>Reason recorded for</translation>
    </message>
    <message>
      <source>查看失败</source>
      <translation>Could not show</translation>
    </message>
    <message>
      <source>按路由建议分拨</source>
      <translation>Dispatched as suggested by routing</translation>
    </message>
    <message>
      <source>（已确认）</source>
      <translation> (confirmed)</translation>
    </message>
    <message>
      <source>工单已被他人修改</source>
      <translation>Ticket changed by someone else</translation>
    </message>
    <message>
      <source>工单 {number} 当前为“{status}”，已分拨到承办单位，不能再分拨；需要更换承办单位时，请值班长用“批量改派”（Ctrl+Shift+B）改派单位</source>
      <translation>Ticket {number} is “{status}”: it has already been dispatched to units and cannot be dispatched again; to change the units, a supervisor reassigns them with “Bulk reassign” (Ctrl+Shift+B)</translation>
    </message>
    <message>
      <source>操作未确认</source>
      <translation>Action not confirmed</translation>
    </message>
    <message>
      <source>请先在队列中选择一张工单</source>
      <translation>Select a ticket in the queue first</translation>
    </message>
    <message>
      <source>认领</source>
      <translation>Claim</translation>
    </message>
    <message>
      <source>没有待处理的工单</source>
      <translation>No ticket is waiting</translation>
    </message>
    <message>
      <source>工单 {number} 正由 {holder} 处理。

是否接手后继续？</source>
      <translation>Ticket {number} is being handled by {holder}.

Take it over and continue?</translation>
    </message>
    <message>
      <source>工单 {number} 当前为“{status}”，退单须先仲裁，不能直接分拨；请值班长用“退单仲裁”（Ctrl+Shift+J）处理</source>
      <translation>Ticket {number} is “{status}”: the return must be arbitrated first, so it cannot be dispatched directly; a supervisor handles it with “Return arbitration” (Ctrl+Shift+J)</translation>
    </message>
    <message>
      <source>没有可用的分拨建议，请复核</source>
      <translation>No routing suggestion available; please review</translation>
    </message>
    <message>
      <source>紧急程度未改变</source>
      <translation>Urgency unchanged</translation>
    </message>
    <message>
      <source>添加备注</source>
      <translation>Add note</translation>
    </message>
    <message>
      <source>认领失败</source>
      <translation>Claim failed</translation>
    </message>
    <message>
      <source>已认领</source>
      <translation>Claimed</translation>
    </message>
    <message>
      <source>释放失败</source>
      <translation>Release failed</translation>
    </message>
    <message>
      <source>已释放</source>
      <translation>Released</translation>
    </message>
    <message>
      <source>领取下一单</source>
      <translation>Next ticket</translation>
    </message>
    <message>
      <source>领取失败</source>
      <translation>Could not take next ticket</translation>
    </message>
    <message>
      <source>已领取</source>
      <translation>Took</translation>
    </message>
    <message>
      <source>接手工单</source>
      <translation>Take over ticket</translation>
    </message>
    <message>
      <source>接手失败</source>
      <translation>Take-over failed</translation>
    </message>
    <message>
      <source>已接手</source>
      <translation>Took over</translation>
    </message>
    <message>
      <source>工单 {number} 当前为“{status}”，承办单位已反馈，不能再分拨；请办结（Ctrl+Shift+K），市民不满意时用“市民评价”（Ctrl+Shift+G）回退承办单位</source>
      <translation>Ticket {number} is “{status}”: the unit has replied, so it cannot be dispatched again; close it (Ctrl+Shift+K), or if the citizen is dissatisfied, send it back to the unit with “Citizen rating” (Ctrl+Shift+G)</translation>
    </message>
    <message>
      <source>工单 {number} 当前为“{status}”，已过分拨环节，不能分拨</source>
      <translation>Ticket {number} is “{status}”: it is past the dispatch stage and cannot be dispatched</translation>
    </message>
    <message>
      <source>按建议分拨</source>
      <translation>Dispatch as suggested</translation>
    </message>
    <message>
      <source>分拨失败</source>
      <translation>Dispatch failed</translation>
    </message>
    <message>
      <source>转人工复核</source>
      <translation>Send to manual review</translation>
    </message>
    <message>
      <source>转复核失败</source>
      <translation>Could not send to review</translation>
    </message>
    <message>
      <source>调整失败</source>
      <translation>Change failed</translation>
    </message>
    <message>
      <source>紧急程度改为</source>
      <translation>urgency set to</translation>
    </message>
    <message>
      <source>备注失败</source>
      <translation>Note failed</translation>
    </message>
    <message>
      <source>已添加备注</source>
      <translation>Note added to</translation>
    </message>
    <message>
      <source>已分拨</source>
      <translation>Dispatched</translation>
    </message>
    <message>
      <source>已转人工复核</source>
      <translation>Sent to manual review</translation>
    </message>
    <message>
      <source>释放</source>
      <translation>Release</translation>
    </message>
    <message>
      <source>接手</source>
      <translation>Take over</translation>
    </message>
    <message>
      <source>「{role}」不能分拨工单，请交分拨员或值班长处理</source>
      <translation>“{role}” cannot dispatch tickets; hand it to a dispatcher or the supervisor</translation>
    </message>
    <message>
      <source>分拨</source>
      <translation>Dispatch</translation>
    </message>
    <message>
      <source>调整紧急程度</source>
      <translation>Change urgency</translation>
    </message>
    <message>
      <source>未执行：{action}（工单已被他人修改）</source>
      <translation>Not done: {action} (ticket changed by someone else)</translation>
    </message>
    <message>
      <source>是否接手？</source>
      <translation>Take it over?</translation>
    </message>
    <message>
      <source>查看完整信息…</source>
      <translation>Show full details…</translation>
    </message>
    <message>
      <source>填写原因后显示市民姓名、电话、地址和完整诉求（留痕）</source>
      <translation>Show the citizen's name, phone, address and full request after giving a reason (recorded)</translation>
    </message>
    <message>
      <source>个人信息已隐藏</source>
      <translation>Personal data hidden</translation>
    </message>
    <message>
      <source>天</source>
      <translation>d </translation>
    </message>
    <message>
      <source>时</source>
      <translation>h</translation>
    </message>
    <message>
      <source>类型 / 渠道</source>
      <translation>Kind / channel</translation>
    </message>
    <message>
      <source>市民</source>
      <translation>Citizen</translation>
    </message>
    <message>
      <source>位置</source>
      <translation>Location</translation>
    </message>
    <message>
      <source>职责事项</source>
      <translation>Duty item</translation>
    </message>
    <message>
      <source>首次分拨</source>
      <translation>First dispatched</translation>
    </message>
    <message>
      <source>办结时间</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>清单版本</source>
      <translation>Duty list version</translation>
    </message>
    <message>
      <source>处理人</source>
      <translation>Handled by</translation>
    </message>
    <message>
      <source>退单 / 回退 / 重启</source>
      <translation>Returns / rollbacks / reopens</translation>
    </message>
    <message>
      <source>按时完成</source>
      <translation>Met</translation>
    </message>
    <message>
      <source>超时完成</source>
      <translation>Met late</translation>
    </message>
    <message>
      <source>（已脱敏，{shortcut} 查看）</source>
      <translation>(masked, {shortcut} to show)</translation>
    </message>
    <message>
      <source>（未认领）</source>
      <translation>(unclaimed)</translation>
    </message>
    <message>
      <source>评价</source>
      <translation>Rating</translation>
    </message>
    <message>
      <source>已并入</source>
      <translation>Merged into</translation>
    </message>
    <message>
      <source>分拨建议</source>
      <translation>Routing suggestion</translation>
    </message>
    <message>
      <source>办理轨迹</source>
      <translation>Timeline</translation>
    </message>
    <message>
      <source>剩余</source>
      <translation>Remaining</translation>
    </message>
    <message>
      <source>已超时</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>承办单位</source>
      <translation>Units</translation>
    </message>
    <message>
      <source>在队列中选择一张工单查看详情</source>
      <translation>Select a ticket in the queue to see its details</translation>
    </message>
    <message>
      <source>（已显示个人信息，已记录查看原因）</source>
      <translation>(personal data shown, reason recorded)</translation>
    </message>
    <message>
      <source>分拨于</source>
      <translation>dispatched</translation>
    </message>
    <message>
      <source>（市民选择 {code}）</source>
      <translation> (citizen chose {code})</translation>
    </message>
    <message>
      <source>申请延期 {hours} 小时：{reason}</source>
      <translation>Extension requested, {hours} hours: {reason}</translation>
    </message>
    <message>
      <source>退单：{reason} {text}</source>
      <translation>Return: {reason} {text}</translation>
    </message>
    <message>
      <source>反馈：{text}</source>
      <translation>Reply: {text}</translation>
    </message>
    <message>
      <source>快捷键一览</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>视图</source>
      <translation>View</translation>
    </message>
    <message>
      <source>切换到该视图</source>
      <translation>Switch to this view</translation>
    </message>
    <message>
      <source>菜单</source>
      <translation>Menu</translation>
    </message>
    <message>
      <source>命令</source>
      <translation>Command</translation>
    </message>
    <message>
      <source>快捷键</source>
      <translation>Shortcut</translation>
    </message>
    <message>
      <source>建议</source>
      <translation>Suggestion</translation>
    </message>
    <message>
      <source>输入关键词、编码或拼音首字母</source>
      <translation>Type a keyword, code or pinyin initials</translation>
    </message>
    <message>
      <source>职责事项(&amp;I)</source>
      <translation>Duty &amp;item</translation>
    </message>
    <message>
      <source>可选：分拨说明</source>
      <translation>Optional: dispatch note</translation>
    </message>
    <message>
      <source>说明(&amp;R)</source>
      <translation>&amp;Reason</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>正在计算…</source>
      <translation>Working out…</translation>
    </message>
    <message>
      <source>无</source>
      <translation>none</translation>
    </message>
    <message>
      <source>分拨 / 人工复核</source>
      <translation>Dispatch / manual review</translation>
    </message>
    <message>
      <source>请先从列表中选择有效的职责事项</source>
      <translation>Choose a valid duty item from the list first</translation>
    </message>
    <message>
      <source>未知</source>
      <translation>unknown</translation>
    </message>
    <message>
      <source>请选择职责事项</source>
      <translation>Choose a duty item</translation>
    </message>
    <message>
      <source>主办</source>
      <translation>Lead</translation>
    </message>
    <message>
      <source>协办</source>
      <translation>Co-handling</translation>
    </message>
    <message>
      <source>「{text}」不是有效的职责事项，请从列表中选择（可输入关键词、编码或拼音首字母）</source>
      <translation>“{text}” is not a valid duty item; choose one from the list (type keywords, a code or pinyin initials)</translation>
    </message>
    <message>
      <source>新密码(&amp;N)</source>
      <translation>&amp;New password</translation>
    </message>
    <message>
      <source>再次输入(&amp;R)</source>
      <translation>&amp;Repeat</translation>
    </message>
    <message>
      <source>确定</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>修改密码</source>
      <translation>Change password</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>原密码(&amp;O)</source>
      <translation>&amp;Old password</translation>
    </message>
    <message>
      <source>重置他人密码</source>
      <translation>Reset a password</translation>
    </message>
    <message>
      <source>用户名(&amp;U)</source>
      <translation>&amp;User name</translation>
    </message>
    <message>
      <source>密码已修改</source>
      <translation>Password changed</translation>
    </message>
    <message>
      <source>两次输入的新密码不一致</source>
      <translation>The two new passwords differ</translation>
    </message>
    <message>
      <source>重置后该账号的锁定同时解除</source>
      <translation>Resetting also lifts the account lock</translation>
    </message>
    <message>
      <source>账号已锁定</source>
      <translation>Account locked</translation>
    </message>
    <message>
      <source>已重置 {name} 的密码</source>
      <translation>Password of {name} reset</translation>
    </message>
    <message>
      <source>至少 {n} 位，不能与用户名相同</source>
      <translation>At least {n} characters, not the user name</translation>
    </message>
    <message>
      <source>市民要求回电</source>
      <translation>Citizen asked to be called back</translation>
    </message>
    <message>
      <source>上门核实需联系市民</source>
      <translation>On-site check needs to contact the citizen</translation>
    </message>
    <message>
      <source>核实市民身份</source>
      <translation>Verify the citizen's identity</translation>
    </message>
    <message>
      <source>回访满意度</source>
      <translation>Satisfaction follow-up call</translation>
    </message>
    <message>
      <source>补充诉求信息</source>
      <translation>Complete the request details</translation>
    </message>
    <message>
      <source>查看完整信息</source>
      <translation>Show full details</translation>
    </message>
    <message>
      <source>原因和查看人将记录在工单办理轨迹中。</source>
      <translation>The reason and who looked are recorded in the ticket's history.</translation>
    </message>
    <message>
      <source>必须填写原因（至少 2 个字）</source>
      <translation>A reason is required (at least 2 characters)</translation>
    </message>
    <message>
      <source>查看</source>
      <translation>Show</translation>
    </message>
    <message>
      <source>查看原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>查看工单 {number} 的市民姓名、电话、地址和完整诉求内容。</source>
      <translation>Show the citizen's name, phone, address and full request of ticket {number}.</translation>
    </message>
    <message>
      <source>设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>界面语言(&amp;L)</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <source>新紧急工单时提示音(&amp;S)</source>
      <translation>&amp;Sound for new urgent tickets</translation>
    </message>
    <message>
      <source>新紧急工单时桌面通知(&amp;T)</source>
      <translation>Desktop notification for new urgent &amp;tickets</translation>
    </message>
    <message>
      <source> 分钟</source>
      <translation> min</translation>
    </message>
    <message>
      <source>无操作自动锁屏(&amp;I)</source>
      <translation>Lock when &amp;idle</translation>
    </message>
    <message>
      <source>语言在下次启动时生效</source>
      <translation>The language applies at the next start</translation>
    </message>
    <message>
      <source>按全室设置</source>
      <translation>Room setting</translation>
    </message>
    <message>
      <source>不锁屏</source>
      <translation>Never</translation>
    </message>
    <message>
      <source>全室规定最长 {n} 分钟；本机只能设得更短</source>
      <translation>The room allows at most {n} minutes; this workstation may only lock sooner</translation>
    </message>
    <message>
      <source>按 {key} 提交</source>
      <translation>Press {key} to submit</translation>
    </message>
    <message>
      <source>内容不能为空，请填写后再提交</source>
      <translation>This cannot be empty: fill it in, then submit</translation>
    </message>
    <message>
      <source>必须填写原因</source>
      <translation>A reason is required</translation>
    </message>
    <message>
      <source>紧急程度</source>
      <translation>Urgency</translation>
    </message>
    <message>
      <source>请填写调整原因</source>
      <translation>Please give a reason</translation>
    </message>
    <message>
      <source>视图（Ctrl+1…Ctrl+9）</source>
      <translation>View (Ctrl+1…Ctrl+9)</translation>
    </message>
    <message>
      <source>全部区</source>
      <translation>All districts</translation>
    </message>
    <message>
      <source>全部类别</source>
      <translation>All categories</translation>
    </message>
    <message>
      <source>全部条线</source>
      <translation>All lines</translation>
    </message>
    <message>
      <source>搜索 工单编号 / 电话 / 内容（Ctrl+F）</source>
      <translation>Search number / phone / text (Ctrl+F)</translation>
    </message>
    <message>
      <source>交接班</source>
      <translation>Shift handover</translation>
    </message>
    <message>
      <source>关键指标</source>
      <translation>Key figures</translation>
    </message>
    <message>
      <source>交接备注：需要接班关注的事项、未结的协调、设备与系统情况……</source>
      <translation>Handover notes: what the next shift must watch, unfinished coordination, equipment and system status…</translation>
    </message>
    <message>
      <source>尚未保存</source>
      <translation>Not saved yet</translation>
    </message>
    <message>
      <source>未确认</source>
      <translation>Not acknowledged</translation>
    </message>
    <message>
      <source>接班值班长：</source>
      <translation>Incoming supervisor:</translation>
    </message>
    <message>
      <source>交接单：</source>
      <translation>Handover sheet:</translation>
    </message>
    <message>
      <source>确认接班：</source>
      <translation>Acknowledged:</translation>
    </message>
    <message>
      <source>保存交接单</source>
      <translation>Save handover sheet</translation>
    </message>
    <message>
      <source>确认接班</source>
      <translation>Acknowledge handover</translation>
    </message>
    <message>
      <source>（未指定）</source>
      <translation>(not named)</translation>
    </message>
    <message>
      <source>导出交接单</source>
      <translation>Export handover sheet</translation>
    </message>
    <message>
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>（进行中）</source>
      <translation> (in progress)</translation>
    </message>
    <message>
      <source>班次：</source>
      <translation>Shift:</translation>
    </message>
    <message>
      <source>交接备注</source>
      <translation>Handover notes</translation>
    </message>
    <message>
      <source>正在汇总本班数据…</source>
      <translation>Gathering the shift's figures…</translation>
    </message>
    <message>
      <source>正在汇总…</source>
      <translation>Gathering…</translation>
    </message>
    <message>
      <source>只有值班长可以保存交接单</source>
      <translation>Only a shift supervisor can save the handover sheet</translation>
    </message>
    <message>
      <source>正在保存…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>正在确认接班…</source>
      <translation>Acknowledging…</translation>
    </message>
    <message>
      <source>交接单_{time}.xlsx</source>
      <translation>handover_{time}.xlsx</translation>
    </message>
    <message>
      <source>统计时点 {time}</source>
      <translation>As of {time}</translation>
    </message>
    <message>
      <source>{title}（{n}）</source>
      <translation>{title} ({n})</translation>
    </message>
    <message>
      <source>#{id}，{author} 于 {time} 保存</source>
      <translation>#{id}, saved by {author} at {time}</translation>
    </message>
    <message>
      <source>交接单 #{id} 已保存</source>
      <translation>Handover sheet #{id} saved</translation>
    </message>
    <message>
      <source>已于 {time} 确认接班</source>
      <translation>Handover acknowledged at {time}</translation>
    </message>
    <message>
      <source>已导出 {name}（{n} 行）</source>
      <translation>Exported {name} ({n} rows)</translation>
    </message>
    <message>
      <source>正在取消…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <source>{done} / {total} 行</source>
      <translation>{done} / {total} rows</translation>
    </message>
    <message>
      <source>再次分拨</source>
      <translation>Re-dispatch</translation>
    </message>
    <message>
      <source>按时</source>
      <translation>On time</translation>
    </message>
    <message>
      <source>超时</source>
      <translation>Late</translation>
    </message>
    <message>
      <source>（分拨席）</source>
      <translation>(dispatch desk)</translation>
    </message>
    <message>
      <source>屏幕已锁定。未完成的内容都已保留，输入密码继续。</source>
      <translation>Screen locked. Unfinished work is kept; enter your password to continue.</translation>
    </message>
    <message>
      <source>本班次已结束。本人登录可继续当前工作（未完成的内容都已保留）；接班人员登录将开始自己的会话。</source>
      <translation>This shift has ended. Sign in again to continue your work (unfinished work is kept); the next shift's staff signing in start a session of their own.</translation>
    </message>
    <message>
      <source>长时间未操作，屏幕已锁定。未完成的内容都已保留，输入密码继续。</source>
      <translation>Locked after a period without input. Unfinished work is kept; enter your password to continue.</translation>
    </message>
    <message>
      <source>未命名窗口</source>
      <translation>Untitled window</translation>
    </message>
    <message>
      <source>切换用户将结束当前会话，以下未完成的内容会丢失：{items}。再次点击「仍要切换用户」确认。</source>
      <translation>Switching user ends this session and loses: {items}. Click "Switch user anyway" to confirm.</translation>
    </message>
    <message>
      <source>无法验证密码（数据库连接失败）：{error}</source>
      <translation>Cannot check the password (database connection failed): {error}</translation>
    </message>
    <message>
      <source>屏幕已锁定</source>
      <translation>Screen locked</translation>
    </message>
    <message>
      <source>输入密码后按回车解锁</source>
      <translation>Type your password and press Enter to unlock</translation>
    </message>
    <message>
      <source>用户</source>
      <translation>User</translation>
    </message>
    <message>
      <source>密码(&amp;P)</source>
      <translation>&amp;Password</translation>
    </message>
    <message>
      <source>解锁</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <source>切换用户</source>
      <translation>Switch user</translation>
    </message>
    <message>
      <source>仍要切换用户</source>
      <translation>Switch user anyway</translation>
    </message>
    <message>
      <source>登录</source>
      <translation>Log in</translation>
    </message>
    <message>
      <source>交接班：请重新登录</source>
      <translation>Shift handover: please sign in again</translation>
    </message>
    <message>
      <source>正在验证…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>请输入密码</source>
      <translation>Enter your password</translation>
    </message>
    <message>
      <source>{name}（{user}）</source>
      <translation>{name} ({user})</translation>
    </message>
    <message>
      <source>登录 — 分拨调度台</source>
      <translation>Log in — Dispatch Console</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>正在登录…</source>
      <translation>Logging in…</translation>
    </message>
    <message>
      <source>数据库</source>
      <translation>Database</translation>
    </message>
    <message>
      <source>{name}（{role}）· {shift}</source>
      <translation>{name} ({role}) · {shift}</translation>
    </message>
    <message>
      <source>数据库连接已恢复，队列已同步</source>
      <translation>Database connection restored; queue synchronized</translation>
    </message>
    <message>
      <source>语言已保存，下次启动时生效</source>
      <translation>Language saved; it applies at the next start</translation>
    </message>
    <message>
      <source>保存视图</source>
      <translation>Save view</translation>
    </message>
    <message>
      <source>视图名称：</source>
      <translation>View name:</translation>
    </message>
    <message>
      <source>只能删除保存的视图</source>
      <translation>Only saved views can be deleted</translation>
    </message>
    <message>
      <source>认领已释放</source>
      <translation>Claim released</translation>
    </message>
    <message>
      <source>断线前的操作</source>
      <translation>Action before the disconnection</translation>
    </message>
    <message>
      <source>共享视图</source>
      <translation>Shared view</translation>
    </message>
    <message>
      <source>是否共享给全室所有席位？</source>
      <translation>Share with every workstation in the room?</translation>
    </message>
    <message>
      <source>视图已保存：{name}</source>
      <translation>View saved: {name}</translation>
    </message>
    <message>
      <source>删除视图</source>
      <translation>Delete view</translation>
    </message>
    <message>
      <source>删除失败</source>
      <translation>Delete failed</translation>
    </message>
    <message>
      <source>出错：{error}</source>
      <translation>Error: {error}</translation>
    </message>
    <message>
      <source>确定删除视图「{name}」？</source>
      <translation>Delete the view “{name}”?</translation>
    </message>
    <message>
      <source>新紧急工单</source>
      <translation>New urgent ticket</translation>
    </message>
    <message>
      <source>{n} 张新紧急工单：{numbers}</source>
      <translation>{n} new urgent tickets: {numbers}</translation>
    </message>
    <message>
      <source>新紧急工单：{text}</source>
      <translation>New urgent ticket: {text}</translation>
    </message>
    <message>
      <source>无分拨建议</source>
      <translation>No routing suggestion</translation>
    </message>
    <message>
      <source>{code} {name}（{source}，置信度 {confidence}）</source>
      <translation>{code} {name} ({source}, confidence {confidence})</translation>
    </message>
    <message>
      <source>{code} {name}（{source}）</source>
      <translation>{code} {name} ({source})</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <source>主办：{unit}</source>
      <translation>Lead: {unit}</translation>
    </message>
    <message>
      <source>协办：{units}</source>
      <translation>Co-handling: {units}</translation>
    </message>
    <message>
      <source>（回退）</source>
      <translation> (rolled back)</translation>
    </message>
    <message>
      <source>（申请延期）</source>
      <translation> (extension requested)</translation>
    </message>
    <message>
      <source>倒计时</source>
      <translation>Countdown</translation>
    </message>
    <message>
      <source>诉求摘要</source>
      <translation>Summary</translation>
    </message>
    <message>
      <source>区 / 街道</source>
      <translation>District / street</translation>
    </message>
    <message>
      <source>主办单位</source>
      <translation>Lead unit</translation>
    </message>
    <message>
      <source>超</source>
      <translation>late</translation>
    </message>
    <message>
      <source>诉求文字</source>
      <translation>request text</translation>
    </message>
    <message>
      <source>市民选择</source>
      <translation>Citizen's choice</translation>
    </message>
    <message>
      <source>未识别</source>
      <translation>not recognised</translation>
    </message>
    <message>
      <source>路由建议（前三）</source>
      <translation>Routing suggestions (top 3)</translation>
    </message>
    <message>
      <source>位置依据</source>
      <translation>Location basis</translation>
    </message>
    <message>
      <source>本次分拨</source>
      <translation>This dispatch</translation>
    </message>
    <message>
      <source>疑似重复（并案候选）</source>
      <translation>Possible duplicates (merge candidates)</translation>
    </message>
    <message>
      <source>没有选中的工单</source>
      <translation>No ticket selected</translation>
    </message>
    <message>
      <source>（未选择）</source>
      <translation>(not chosen)</translation>
    </message>
    <message>
      <source>（已修改）</source>
      <translation> (changed)</translation>
    </message>
    <message>
      <source>当前</source>
      <translation>Current</translation>
    </message>
    <message>
      <source>按 M 并案</source>
      <translation>Press M to merge</translation>
    </message>
    <message>
      <source>决定性词语</source>
      <translation>Key phrases</translation>
    </message>
    <message>
      <source>地名</source>
      <translation>Place names</translation>
    </message>
    <message>
      <source>认领人</source>
      <translation>Claimed by</translation>
    </message>
    <message>
      <source>没有路由建议：按 I 从职责清单中选择事项</source>
      <translation>No routing suggestion: press I to pick an item from the duty list</translation>
    </message>
    <message>
      <source>受理时的建议</source>
      <translation>Suggestion at intake</translation>
    </message>
    <message>
      <source>即时计算的建议</source>
      <translation>Suggestion computed now</translation>
    </message>
    <message>
      <source>模型版本</source>
      <translation>Model version</translation>
    </message>
    <message>
      <source>回车：接受建议并分拨</source>
      <translation>Enter: accept the suggestion and dispatch</translation>
    </message>
    <message>
      <source>诉求文字中没有识别出地名</source>
      <translation>No place name recognized in the request text</translation>
    </message>
    <message>
      <source>已转值班长</source>
      <translation>Escalated to shift supervisor</translation>
    </message>
    <message>
      <source>回车：按更正分拨（需选择更正原因）</source>
      <translation>Enter: dispatch as corrected (choose a correction reason)</translation>
    </message>
    <message>
      <source>回车：分拨</source>
      <translation>Enter: dispatch</translation>
    </message>
    <message>
      <source>理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>（相似度 {score} · {hours} 小时 · {status}）</source>
      <translation>(similarity {score} · {hours} h apart · {status})</translation>
    </message>
    <message>
      <source>受理</source>
      <translation>Intake</translation>
    </message>
    <message>
      <source>分拨时限</source>
      <translation>Dispatch deadline</translation>
    </message>
    <message>
      <source>转复核原因</source>
      <translation>Review reason</translation>
    </message>
    <message>
      <source>（依据：{source}）</source>
      <translation>(from: {source})</translation>
    </message>
    <message>
      <source>人工复核：接受路由建议</source>
      <translation>Manual review: routing suggestion accepted</translation>
    </message>
    <message>
      <source>人工复核后分拨</source>
      <translation>Dispatched after manual review</translation>
    </message>
    <message>
      <source>人工复核更正</source>
      <translation>Manual review correction</translation>
    </message>
    <message>
      <source>复核台并案：与 {number} 为同一诉求</source>
      <translation>Merged at review desk: same request as {number}</translation>
    </message>
    <message>
      <source>按关键词、事项编码或拼音首字母（如 sgzs → 施工噪声）搜索：</source>
      <translation>Search by keyword, item code or pinyin initials (e.g. sgzs → 施工噪声):</translation>
    </message>
    <message>
      <source>指定主办单位</source>
      <translation>Set lead unit</translation>
    </message>
    <message>
      <source>按单位名称、编码、条线或区搜索：</source>
      <translation>Search by unit name, code, line or district:</translation>
    </message>
    <message>
      <source>指定协办单位</source>
      <translation>Set co-handling units</translation>
    </message>
    <message>
      <source>勾选协办单位（空格勾选，回车确定；不选即无协办）：</source>
      <translation>Tick co-handling units (Space ticks, Enter confirms; none ticked means no co-handling):</translation>
    </message>
    <message>
      <source>并案</source>
      <translation>Merge</translation>
    </message>
    <message>
      <source>待复核队列已清空</source>
      <translation>Pending review queue is empty</translation>
    </message>
    <message>
      <source>上一操作尚未完成</source>
      <translation>The previous action is still running</translation>
    </message>
    <message>
      <source>正在读取工单…</source>
      <translation>Loading ticket…</translation>
    </message>
    <message>
      <source>没有这一项建议</source>
      <translation>There is no such suggestion</translation>
    </message>
    <message>
      <source>改选职责事项</source>
      <translation>Change duty item</translation>
    </message>
    <message>
      <source>建议：{suggested}
改为：{chosen}</source>
      <translation>Suggested: {suggested}
Changed to: {chosen}</translation>
    </message>
    <message>
      <source>转值班长</source>
      <translation>Escalate to shift supervisor</translation>
    </message>
    <message>
      <source>请写明需要值班长决定的问题（工单仍留在待复核）：</source>
      <translation>Describe what the shift supervisor needs to decide (the ticket stays in pending review):</translation>
    </message>
    <message>
      <source>没有可并入的疑似重复工单</source>
      <translation>No possible duplicate to merge into</translation>
    </message>
    <message>
      <source>（按 L 指定主办单位）</source>
      <translation> (press L to set the lead unit)</translation>
    </message>
    <message>
      <source>把 {number} 并入：</source>
      <translation>Merge {number} into:</translation>
    </message>
    <message>
      <source>已并案</source>
      <translation>Merged</translation>
    </message>
    <message>
      <source>其他人</source>
      <translation>someone else</translation>
    </message>
    <message>
      <source>操作失败</source>
      <translation>Action failed</translation>
    </message>
    <message>
      <source>（相似度 {score}）</source>
      <translation>(similarity {score})</translation>
    </message>
    <message>
      <source>（主办：{unit}）</source>
      <translation> (lead: {unit})</translation>
    </message>
    <message>
      <source>接受/分拨</source>
      <translation>Accept / dispatch</translation>
    </message>
    <message>
      <source>上一张</source>
      <translation>Previous ticket</translation>
    </message>
    <message>
      <source>下一张</source>
      <translation>Next ticket</translation>
    </message>
    <message>
      <source>采用建议1</source>
      <translation>Take suggestion 1</translation>
    </message>
    <message>
      <source>采用建议2</source>
      <translation>Take suggestion 2</translation>
    </message>
    <message>
      <source>采用建议3</source>
      <translation>Take suggestion 3</translation>
    </message>
    <message>
      <source>改选事项</source>
      <translation>Choose another item</translation>
    </message>
    <message>
      <source>协办单位</source>
      <translation>Co-handling units</translation>
    </message>
    <message>
      <source>跳过</source>
      <translation>Skip</translation>
    </message>
    <message>
      <source>只看转值班长</source>
      <translation>Escalated only</translation>
    </message>
    <message>
      <source>只看已转值班长</source>
      <translation>Escalated only</translation>
    </message>
    <message>
      <source>&lt;b&gt;回车&lt;/b&gt; 接受/分拨 · &lt;b&gt;↑/↓&lt;/b&gt; 切换工单 · &lt;b&gt;1/2/3&lt;/b&gt; 采用第几个建议 · &lt;b&gt;I&lt;/b&gt; 改选事项 · &lt;b&gt;L&lt;/b&gt; 主办单位 · &lt;b&gt;O&lt;/b&gt; 协办单位 · &lt;b&gt;E&lt;/b&gt; 转值班长 · &lt;b&gt;M&lt;/b&gt; 并案 · &lt;b&gt;S&lt;/b&gt; 跳过 · &lt;b&gt;Ctrl+E&lt;/b&gt; 只看转值班长 · &lt;b&gt;Esc&lt;/b&gt; 关闭</source>
      <translation>&lt;b&gt;Enter&lt;/b&gt; accept/dispatch · &lt;b&gt;↑/↓&lt;/b&gt; switch ticket · &lt;b&gt;1/2/3&lt;/b&gt; use suggestion 1/2/3 · &lt;b&gt;I&lt;/b&gt; change item · &lt;b&gt;L&lt;/b&gt; lead unit · &lt;b&gt;O&lt;/b&gt; co-handling units · &lt;b&gt;E&lt;/b&gt; escalate to shift supervisor · &lt;b&gt;M&lt;/b&gt; merge · &lt;b&gt;S&lt;/b&gt; skip · &lt;b&gt;Ctrl+E&lt;/b&gt; escalated only · &lt;b&gt;Esc&lt;/b&gt; close</translation>
    </message>
    <message>
      <source>人工复核台</source>
      <translation>Manual review desk</translation>
    </message>
    <message>
      <source>张（按分拨时限排序）</source>
      <translation>tickets (by dispatch deadline)</translation>
    </message>
    <message>
      <source>已跳过</source>
      <translation>Skipped</translation>
    </message>
    <message>
      <source>待复核</source>
      <translation>Pending review</translation>
    </message>
    <message>
      <source>无法确定主办单位</source>
      <translation>No lead unit can be determined</translation>
    </message>
    <message>
      <source>区/街道</source>
      <translation>District / street</translation>
    </message>
    <message>
      <source>超 </source>
      <translation>late </translation>
    </message>
    <message>
      <source>建议事项不准确</source>
      <translation>Suggested item is wrong</translation>
    </message>
    <message>
      <source>诉求涉及其他职责事项</source>
      <translation>The request concerns another duty item</translation>
    </message>
    <message>
      <source>承办单位需调整</source>
      <translation>The handling units need changing</translation>
    </message>
    <message>
      <source>属地（区/街道）判断有误</source>
      <translation>Wrong location (district/street)</translation>
    </message>
    <message>
      <source>紧急程度或诉求类型需另行处理</source>
      <translation>Urgency or request kind needs separate handling</translation>
    </message>
    <message>
      <source>↑/↓ 选择 · 输入后回车 勾选/取消该项 · 空格 勾选/取消 · 搜索框为空时回车 确定 · Esc 取消</source>
      <translation>↑/↓ select · Enter after typing ticks/unticks the item · Space ticks/unticks · Enter with an empty search box confirms · Esc cancels</translation>
    </message>
    <message>
      <source>↑/↓ 选择 · 回车 确定 · Esc 取消</source>
      <translation>↑/↓ select · Enter confirms · Esc cancels</translation>
    </message>
    <message>
      <source>更正原因</source>
      <translation>Correction reason</translation>
    </message>
    <message>
      <source>补充说明（可选；只填这里也可以）</source>
      <translation>Additional note (optional; may be used on its own)</translation>
    </message>
    <message>
      <source>找到 {n} 项，显示前 {shown} 项</source>
      <translation>{n} found, showing the first {shown}</translation>
    </message>
    <message>
      <source>找到 {n} 项</source>
      <translation>{n} found</translation>
    </message>
    <message>
      <source>已选 {n} 个</source>
      <translation>{n} selected</translation>
    </message>
    <message>
      <source>数字键 选择原因 · 回车 确定 · Esc 取消</source>
      <translation>Number keys choose a reason · Enter confirms · Esc cancels</translation>
    </message>
    <message>
      <source>今天</source>
      <translation>Today</translation>
    </message>
    <message>
      <source>本班</source>
      <translation>On shift</translation>
    </message>
    <message>
      <source>近 7 天</source>
      <translation>Last 7 days</translation>
    </message>
    <message>
      <source>分拨质量（人工复核结果）</source>
      <translation>Dispatch quality (manual review results)</translation>
    </message>
    <message>
      <source>总体</source>
      <translation>Overall</translation>
    </message>
    <message>
      <source>各事项准确率（按更正次数排序）</source>
      <translation>Accuracy by duty item (most corrected first)</translation>
    </message>
    <message>
      <source>最常见的更正</source>
      <translation>Most frequent corrections</translation>
    </message>
    <message>
      <source>统计时段</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>建议准确率（接受 / 已复核）</source>
      <translation>Suggestion precision (accepted / reviewed)</translation>
    </message>
    <message>
      <source>免复核直接分拨占比</source>
      <translation>Dispatched without review</translation>
    </message>
    <message>
      <source>分拨工单</source>
      <translation>Tickets dispatched</translation>
    </message>
    <message>
      <source>人工复核</source>
      <translation>Manually reviewed</translation>
    </message>
    <message>
      <source>接受建议</source>
      <translation>Suggestion accepted</translation>
    </message>
    <message>
      <source>更正建议</source>
      <translation>Suggestion corrected</translation>
    </message>
    <message>
      <source>建议次数</source>
      <translation>Suggested</translation>
    </message>
    <message>
      <source>接受</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <source>更正</source>
      <translation>Corrected</translation>
    </message>
    <message>
      <source>准确率</source>
      <translation>Precision</translation>
    </message>
    <message>
      <source>建议事项</source>
      <translation>Suggested item</translation>
    </message>
    <message>
      <source>改为</source>
      <translation>Changed to</translation>
    </message>
    <message>
      <source>次数</source>
      <translation>Times</translation>
    </message>
    <message>
      <source>该时段没有人工复核记录</source>
      <translation>No manual reviews in this period</translation>
    </message>
    <message>
      <source>共 {n} 个事项有复核记录</source>
      <translation>{n} duty items have review records</translation>
    </message>
    <message>
      <source>事项默认紧急，但风险为担忧、已过去或不确定</source>
      <translation>Item defaults to urgent, but the risk is a worry, past or uncertain</translation>
    </message>
    <message>
      <source>紧迫用语「{phrase}」</source>
      <translation>Urgent wording “{phrase}”</translation>
    </message>
    <message>
      <source>危及生命、安全或财产「{phrase}」</source>
      <translation>Danger to life, safety or property “{phrase}”</translation>
    </message>
    <message>
      <source>担忧、已过去或不确定的风险「{phrase}」</source>
      <translation>Worry, past or uncertain risk “{phrase}”</translation>
    </message>
    <message>
      <source>时间紧迫「{phrase}」</source>
      <translation>Time pressure “{phrase}”</translation>
    </message>
    <message>
      <source>按事项默认紧急程度（{urgency}）</source>
      <translation>Item's default urgency ({urgency})</translation>
    </message>
    <message>
      <source>立即重试</source>
      <translation>Retry now</translation>
    </message>
    <message>
      <source>数据库连接中断：只读模式，显示的是 {time} 的数据，认领、分拨等操作已暂停。正在自动重连…</source>
      <translation>Database connection lost: read-only mode, showing data as of {time}; claiming, dispatching and other actions are paused. Reconnecting…</translation>
    </message>
    <message>
      <source>已断开 {seconds} 秒</source>
      <translation>Disconnected for {seconds} s</translation>
    </message>
    <message>
      <source>该工单已不在您的队列中（已办结、合并或不在您的范围内），无法重做。</source>
      <translation>This ticket is no longer in your queue (closed, merged or outside your scope) and cannot be redone.</translation>
    </message>
    <message>
      <source>无人认领</source>
      <translation>nobody</translation>
    </message>
    <message>
      <source>另一位用户</source>
      <translation>another user</translation>
    </message>
    <message>
      <source>在最新状态上重做</source>
      <translation>Redo on the latest state</translation>
    </message>
    <message>
      <source>放弃</source>
      <translation>Discard</translation>
    </message>
    <message>
      <source>现在：状态「{status}」，紧急程度「{urgency}」，认领人 {holder}，承办单位 {unit}。</source>
      <translation>Now: status “{status}”, urgency “{urgency}”, claimed by {holder}, unit {unit}.</translation>
    </message>
    <message>
      <source>工单 {number} 在您操作之前已被 &lt;b&gt;{who}&lt;/b&gt; 修改：&lt;b&gt;{what}&lt;/b&gt;。</source>
      <translation>Ticket {number} was changed by &lt;b&gt;{who}&lt;/b&gt; before your action: &lt;b&gt;{what}&lt;/b&gt;.</translation>
    </message>
    <message>
      <source>您看到的是第 {seen} 版，当前为第 {now} 版。您的操作「{action}」没有执行。</source>
      <translation>You saw version {seen}; it is now version {now}. Your action “{action}” was not carried out.</translation>
    </message>
    <message>
      <source>实时通知连接中断：{detail}</source>
      <translation>Live notification connection lost: {detail}</translation>
    </message>
    <message>
      <source>数据库连接中断：「{action}」未能确认（请求号 {rid}）。连接恢复后将核对它是否已生效。</source>
      <translation>Database connection lost: “{action}” could not be confirmed (request {rid}). It will be checked when the connection is back.</translation>
    </message>
    <message>
      <source>数据库连接中断：「{action}」未执行。连接恢复后请重做。</source>
      <translation>Database connection lost: “{action}” was not carried out. Please redo it when the connection is back.</translation>
    </message>
    <message>
      <source>「{action}」未执行：工单正被其他会话锁定（可能有未结束的长事务），请稍后重试。</source>
      <translation>"{action}" was not done: another session holds a lock on the ticket (perhaps an unfinished long transaction). Try again shortly.</translation>
    </message>
    <message>
      <source>断线前的操作「{action}」已确认生效。</source>
      <translation>The action “{action}” from before the disconnection took effect.</translation>
    </message>
    <message>
      <source>断线前的操作「{action}」没有生效，请在最新状态上重做。</source>
      <translation>The action “{action}” from before the disconnection did not take effect; please redo it on the latest state.</translation>
    </message>
    <message>
      <source>数据库连接中断：「{action}」未能确认。连接恢复后将核对它是否已生效。</source>
      <translation>Database connection lost: “{action}” could not be confirmed. It will be checked when the connection is back.</translation>
    </message>
    <message>
      <source>本工作站失去联系过久，已被判定离线：您认领的工单已全部释放，请重新认领需要继续处理的工单。</source>
      <translation>This workstation was out of contact too long and was marked offline: all tickets you had claimed were released. Claim again the ones you need to continue.</translation>
    </message>
    <message>
      <source>已释放失联工作站认领的 {count} 张工单</source>
      <translation>Released {count} tickets claimed by unreachable workstations</translation>
    </message>
    <message>
      <source>{date} 第{slot}班（{start}–{end}）</source>
      <translation>{date} shift {number} ({start}–{end})</translation>
    </message>
    <message>
      <source>第{slot}班 {start}–{end}</source>
      <translation>shift {number} {start}–{end}</translation>
    </message>
    <message>
      <source>数据库没有及时回应（可能在等待其他会话释放锁）。显示的数据可能已过时，正在等待。</source>
      <translation>The database did not answer in time (perhaps waiting for another session's lock). What is shown may be out of date; waiting.</translation>
    </message>
    <message>
      <source>队列核对：{runs} 次，最近 {at}，累计修复 {repairs} 行</source>
      <translation>Queue check: {runs} runs, last {at}, {repairs} rows repaired in total</translation>
    </message>
    <message>
      <source>实时</source>
      <translation>live</translation>
    </message>
    <message>
      <source>轮询</source>
      <translation>polling</translation>
    </message>
    <message>
      <source>更新于</source>
      <translation>Updated</translation>
    </message>
    <message>
      <source>紧急</source>
      <translation>Urgent</translation>
    </message>
    <message>
      <source>快速</source>
      <translation>Fast</translation>
    </message>
    <message>
      <source>常态</source>
      <translation>Normal</translation>
    </message>
    <message>
      <source>显示</source>
      <translation>Showing</translation>
    </message>
    <message>
      <source>数据库已连接</source>
      <translation>Database connected</translation>
    </message>
    <message>
      <source>数据库连接中断，正在重试</source>
      <translation>Database connection lost, retrying</translation>
    </message>
    <message>
      <source>数据库响应缓慢：{seconds} 秒未更新</source>
      <translation>Database slow: no update for {seconds} s</translation>
    </message>
    <message>
      <source>延期审批</source>
      <translation>Extension approvals</translation>
    </message>
    <message>
      <source>批准</source>
      <translation>Approve</translation>
    </message>
    <message>
      <source>驳回…</source>
      <translation>Refuse…</translation>
    </message>
    <message>
      <source>定位工单</source>
      <translation>Go to ticket</translation>
    </message>
    <message>
      <source>工单</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <source>申请单位</source>
      <translation>Requesting unit</translation>
    </message>
    <message>
      <source>主办/协办</source>
      <translation>Lead/co</translation>
    </message>
    <message>
      <source>延期</source>
      <translation>Extension</translation>
    </message>
    <message>
      <source>现反馈时限</source>
      <translation>Current reply deadline</translation>
    </message>
    <message>
      <source>批准后时限</source>
      <translation>Deadline if approved</translation>
    </message>
    <message>
      <source>申请人</source>
      <translation>Requested by</translation>
    </message>
    <message>
      <source>申请时间</source>
      <translation>Requested at</translation>
    </message>
    <message>
      <source>批准 {unit} 对工单 {number} 延期 {hours:g} 小时？
反馈时限将由 {old} 改为 {new}。</source>
      <translation>Approve a {hours:g}-hour extension of ticket {number} for {unit}?
The reply deadline moves from {old} to {new}.</translation>
    </message>
    <message>
      <source>驳回延期</source>
      <translation>Refuse extension</translation>
    </message>
    <message>
      <source>待审批 {n} 件</source>
      <translation>{n} awaiting approval</translation>
    </message>
    <message>
      <source>批准延期</source>
      <translation>Approve extension</translation>
    </message>
    <message>
      <source>审批失败</source>
      <translation>Approval failed</translation>
    </message>
    <message>
      <source>小时</source>
      <translation>hours</translation>
    </message>
    <message>
      <source>驳回 {unit} 的延期申请（{number}）的理由：</source>
      <translation>Reason for refusing the extension request of {unit} ({number}):</translation>
    </message>
    <message>
      <source>已批准 {number} 延期，新反馈时限 {new}</source>
      <translation>Extension approved for {number}; new reply deadline {new}</translation>
    </message>
    <message>
      <source>已驳回 {number} 的延期申请</source>
      <translation>Extension request for {number} refused</translation>
    </message>
    <message>
      <source>退单仲裁</source>
      <translation>Arbitrate return</translation>
    </message>
    <message>
      <source>仲裁意见（必填，将记入时间线并通知各单位）</source>
      <translation>Arbitration opinion (required; recorded on the timeline and sent to every unit)</translation>
    </message>
    <message>
      <source>裁定（最终）</source>
      <translation>Ruling (final)</translation>
    </message>
    <message>
      <source>仲裁意见</source>
      <translation>Arbitration opinion</translation>
    </message>
    <message>
      <source>退单次数</source>
      <translation>Returns</translation>
    </message>
    <message>
      <source>转仲裁时间</source>
      <translation>Escalated at</translation>
    </message>
    <message>
      <source>请选择主办单位</source>
      <translation>Choose a lead unit</translation>
    </message>
    <message>
      <source>请填写仲裁意见</source>
      <translation>Please give an arbitration opinion</translation>
    </message>
    <message>
      <source>对工单 {number} 作出最终裁定：
主办：{lead}
协办：{co}

裁定后工单重新分拨，承办单位不能再以同样理由推诿。</source>
      <translation>Final ruling on ticket {number}:
Lead: {lead}
Co-handling: {co}

The ticket is dispatched again; the units can no longer return it for the same reason.</translation>
    </message>
    <message>
      <source>退单记录（{n}）</source>
      <translation>Returns ({n})</translation>
    </message>
    <message>
      <source>仲裁失败</source>
      <translation>Arbitration failed</translation>
    </message>
    <message>
      <source>清单建议</source>
      <translation>Duty list suggestion</translation>
    </message>
    <message>
      <source>没有待仲裁的工单</source>
      <translation>No ticket awaits arbitration</translation>
    </message>
    <message>
      <source>已裁定 {number}：主办 {lead}</source>
      <translation>Ruled on {number}: lead {lead}</translation>
    </message>
    <message>
      <source>督办</source>
      <translation>Supervise</translation>
    </message>
    <message>
      <source>催办</source>
      <translation>Remind</translation>
    </message>
    <message>
      <source>没有可改派的工单</source>
      <translation>No ticket to reassign</translation>
    </message>
    <message>
      <source>工单编号：</source>
      <translation>Ticket number:</translation>
    </message>
    <message>
      <source>记录市民评价</source>
      <translation>Record citizen rating</translation>
    </message>
    <message>
      <source>已记录评价：{rating}</source>
      <translation>Rating recorded: {rating}</translation>
    </message>
    <message>
      <source>回潮重启</source>
      <translation>Reopen</translation>
    </message>
    <message>
      <source>{number} {title}
问题再次出现的情况（必填）：</source>
      <translation>{number} {title}
How has the problem come back? (required):</translation>
    </message>
    <message>
      <source>撤销并案</source>
      <translation>Unmerge</translation>
    </message>
    <message>
      <source>{number} 已并入 {primary}
撤销原因（必填）：</source>
      <translation>{number} is merged into {primary}
Reason for unmerging (required):</translation>
    </message>
    <message>
      <source>批量改派</source>
      <translation>Bulk reassign</translation>
    </message>
    <message>
      <source>不满意：{number} 已回退 {unit} 重新办理</source>
      <translation>Unsatisfied: {number} rolled back to {unit} for rework</translation>
    </message>
    <message>
      <source>评价失败</source>
      <translation>Rating failed</translation>
    </message>
    <message>
      <source>重启失败</source>
      <translation>Reopen failed</translation>
    </message>
    <message>
      <source>并案失败</source>
      <translation>Merge failed</translation>
    </message>
    <message>
      <source>撤销失败</source>
      <translation>Unmerge failed</translation>
    </message>
    <message>
      <source>改派失败</source>
      <translation>Reassignment failed</translation>
    </message>
    <message>
      <source>已改派 {n} 张工单给 {target}</source>
      <translation>Reassigned {n} tickets to {target}</translation>
    </message>
    <message>
      <source>{what} {number}（发给仍在办理的单位）：</source>
      <translation>{what} {number} (sent to the units still handling it):</translation>
    </message>
    <message>
      <source>失败</source>
      <translation> failed</translation>
    </message>
    <message>
      <source>工单 {number} 当前为「{status}」，只能处理{allowed}的工单</source>
      <translation>Ticket {number} is “{status}”; only tickets that are {allowed} can be handled here</translation>
    </message>
    <message>
      <source>办结失败</source>
      <translation>Close failed</translation>
    </message>
    <message>
      <source>将 {n} 张工单改派给 {target}？
原因：{reason}</source>
      <translation>Reassign {n} tickets to {target}?
Reason: {reason}</translation>
    </message>
    <message>
      <source>已{what} {number}</source>
      <translation>{what} sent: {number}</translation>
    </message>
    <message>
      <source>办结工单 {number}？</source>
      <translation>Close ticket {number}?</translation>
    </message>
    <message>
      <source>已重启 {number}，回到 {unit}</source>
      <translation>Reopened {number}; back to {unit}</translation>
    </message>
    <message>
      <source>已撤销并案，{number} 回到待复核</source>
      <translation>Unmerged; {number} is back in pending review</translation>
    </message>
    <message>
      <source>已办结 {number}</source>
      <translation>Closed {number}</translation>
    </message>
    <message>
      <source>此人持有的全部在办工单：</source>
      <translation>All open tickets held by this person:</translation>
    </message>
    <message>
      <source>改派哪些</source>
      <translation>Which to reassign</translation>
    </message>
    <message>
      <source>改派给人员：</source>
      <translation>Reassign to person:</translation>
    </message>
    <message>
      <source>改派给单位（主办）：</source>
      <translation>Reassign to unit (lead):</translation>
    </message>
    <message>
      <source>请选择改派对象</source>
      <translation>Choose whom to reassign to</translation>
    </message>
    <message>
      <source>改派给</source>
      <translation>Reassign to</translation>
    </message>
    <message>
      <source>改派原因（必填，记入每张工单的时间线）</source>
      <translation>Reason (required; recorded on every ticket's timeline)</translation>
    </message>
    <message>
      <source>改派</source>
      <translation>Reassign</translation>
    </message>
    <message>
      <source>市民原话（不满意时必填）</source>
      <translation>Citizen's words (required if unsatisfied)</translation>
    </message>
    <message>
      <source>记录</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>把当前工单并入所选工单</source>
      <translation>Merge the current ticket into the selected one</translation>
    </message>
    <message>
      <source>把所选工单并入当前工单</source>
      <translation>Merge the selected ticket into the current one</translation>
    </message>
    <message>
      <source>方向</source>
      <translation>Direction</translation>
    </message>
    <message>
      <source>并案理由（例如：同一工地、同一事件）</source>
      <translation>Reason for merging (e.g. same building site, same incident)</translation>
    </message>
    <message>
      <source>请填写改派原因</source>
      <translation>Please give a reason for reassigning</translation>
    </message>
    <message>
      <source>请记录市民不满意的原因</source>
      <translation>Please record why the citizen is unsatisfied</translation>
    </message>
    <message>
      <source>疑似重复工单 / 并案</source>
      <translation>Possible duplicates / merge</translation>
    </message>
    <message>
      <source>相似度</source>
      <translation>Similarity</translation>
    </message>
    <message>
      <source>同一街道</source>
      <translation>Same street</translation>
    </message>
    <message>
      <source>相隔</source>
      <translation>Apart</translation>
    </message>
    <message>
      <source>市民电话</source>
      <translation>Citizen phone</translation>
    </message>
    <message>
      <source>请选择一张疑似重复的工单</source>
      <translation>Choose a possible duplicate</translation>
    </message>
    <message>
      <source>选中的 {n} 张工单</source>
      <translation>The {n} selected tickets</translation>
    </message>
    <message>
      <source>不满意：工单将回退主办单位「{unit}」重新办理，并重新计时。</source>
      <translation>Unsatisfied: the ticket goes back to the lead unit “{unit}” for rework, with a new deadline.</translation>
    </message>
    <message>
      <source>没有找到疑似重复的工单（同区、文字相近、72 小时内）</source>
      <translation>No possible duplicates found (same district, similar text, within 72 hours)</translation>
    </message>
    <message>
      <source>请填写并案理由</source>
      <translation>Please give a reason for merging</translation>
    </message>
    <message>
      <source>不能改派给同一个人</source>
      <translation>Cannot reassign to the same person</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>输入单位名称或代码</source>
      <translation>Type a unit name or code</translation>
    </message>
    <message>
      <source>筛选单位</source>
      <translation>Filter units</translation>
    </message>
    <message>
      <source>今日</source>
      <translation>Today</translation>
    </message>
    <message>
      <source>近7天</source>
      <translation>Last 7 days</translation>
    </message>
    <message>
      <source>近30天</source>
      <translation>Last 30 days</translation>
    </message>
    <message>
      <source>退单统计</source>
      <translation>Return statistics</translation>
    </message>
    <message>
      <source>收到工单</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>退单</source>
      <translation>Return</translation>
    </message>
    <message>
      <source>退单率</source>
      <translation>Return rate</translation>
    </message>
    <message>
      <source>统计期间</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>共 {n} 次退单，涉及 {u} 个单位</source>
      <translation>{n} returns from {u} units</translation>
    </message>
    <message>
      <source>本班工作量</source>
      <translation>Shift workload</translation>
    </message>
    <message>
      <source>改派其全部工单…</source>
      <translation>Reassign all their tickets…</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>账号</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>班次</source>
      <translation>Shift</translation>
    </message>
    <message>
      <source>最早认领</source>
      <translation>Earliest claim</translation>
    </message>
    <message>
      <source>本班分拨</source>
      <translation>Dispatched this shift</translation>
    </message>
    <message>
      <source>非本班</source>
      <translation>Off shift</translation>
    </message>
    <message>
      <source>{shift} · 在办 {held} 件 · 无人认领 {free} 件（红色：不在本班仍持有工单）</source>
      <translation>{shift} · {held} open · {free} unclaimed (red: off shift but still holding tickets)</translation>
    </message>
    <message>
      <source>无法办理</source>
      <translation>Cannot proceed</translation>
    </message>
    <message>
      <source>反馈失败</source>
      <translation>Reply failed</translation>
    </message>
    <message>
      <source>退单失败</source>
      <translation>Return failed</translation>
    </message>
    <message>
      <source>申请失败</source>
      <translation>Request failed</translation>
    </message>
    <message>
      <source>签收失败</source>
      <translation>Accept failed</translation>
    </message>
    <message>
      <source>尚未签收</source>
      <translation>Not accepted yet</translation>
    </message>
    <message>
      <source>已反馈</source>
      <translation>Replied</translation>
    </message>
    <message>
      <source>已退单 {number}（{reason}）</source>
      <translation>Returned {number} ({reason})</translation>
    </message>
    <message>
      <source>已申请延期 {h:g} 小时，等待值班长审批（当前时限 {due}）</source>
      <translation>Requested a {h:g}-hour extension, awaiting shift supervisor approval (current deadline {due})</translation>
    </message>
    <message>
      <source>已签收</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <source>已开始处置</source>
      <translation>Handling started</translation>
    </message>
    <message>
      <source>本单位尚未签收工单 {n}，是否先签收再反馈？</source>
      <translation>Your unit has not accepted ticket {n} yet. Accept it first, then reply?</translation>
    </message>
    <message>
      <source>引用协办意见</source>
      <translation>Quote co-handling opinions</translation>
    </message>
    <message>
      <source>提交反馈</source>
      <translation>Submit reply</translation>
    </message>
    <message>
      <source>退单原因</source>
      <translation>Return reason</translation>
    </message>
    <message>
      <source>说明（选「其他」时必填）</source>
      <translation>Details (required for “Other”)</translation>
    </message>
    <message>
      <source>当前反馈时限</source>
      <translation>Current reply deadline</translation>
    </message>
    <message>
      <source>延期时长</source>
      <translation>Extension length</translation>
    </message>
    <message>
      <source>批准后反馈时限</source>
      <translation>Reply deadline if approved</translation>
    </message>
    <message>
      <source>延期理由（必填）</source>
      <translation>Reason for extension (required)</translation>
    </message>
    <message>
      <source>提交申请</source>
      <translation>Submit request</translation>
    </message>
    <message>
      <source>（尚未反馈）</source>
      <translation>(no reply yet)</translation>
    </message>
    <message>
      <source>请填写办理结果</source>
      <translation>Please fill in the outcome</translation>
    </message>
    <message>
      <source>退单原因为「其他」时必须填写说明</source>
      <translation>Details are required when the return reason is “Other”</translation>
    </message>
    <message>
      <source>申请延期</source>
      <translation>Request extension</translation>
    </message>
    <message>
      <source>请填写延期理由</source>
      <translation>Please give a reason for the extension</translation>
    </message>
    <message>
      <source>办理结果（必填）</source>
      <translation>Outcome (required)</translation>
    </message>
    <message>
      <source>延期时长须在 {low:g} 到 {high:g} 小时之间</source>
      <translation>The extension must be from {low:g} to {high:g} hours</translation>
    </message>
    <message>
      <source>{unit}（{role}）· 反馈时限 {due}</source>
      <translation>{unit} ({role}) · reply due {due}</translation>
    </message>
    <message>
      <source>。可先催其反馈，或在答复中说明。</source>
      <translation>. Send them a reminder first, or explain in your reply.</translation>
    </message>
    <message>
      <source>协办单位意见：</source>
      <translation>Co-handling unit opinions:</translation>
    </message>
    <message>
      <source>该工单已退单 {n} 次，本次退单后将转值班长仲裁，仲裁结果为最终决定。</source>
      <translation>This ticket has been returned {n} times; after this return it goes to the shift supervisor for arbitration, and the ruling is final.</translation>
    </message>
    <message>
      <source>协办单位意见</source>
      <translation>Co-handling unit opinion</translation>
    </message>
    <message>
      <source>尚未反馈的协办单位：</source>
      <translation>Co-handling units yet to reply: </translation>
    </message>
    <message>
      <source>您的意见将由主办单位汇总答复：</source>
      <translation>Your opinion will be included in the reply of the lead unit: </translation>
    </message>
    <message>
      <source>（等待签收）</source>
      <translation> (awaiting acceptance)</translation>
    </message>
    <message>
      <source>（等待反馈）</source>
      <translation> (awaiting reply)</translation>
    </message>
    <message>
      <source>承办进度</source>
      <translation>Unit progress</translation>
    </message>
    <message>
      <source>待签收</source>
      <translation>To accept</translation>
    </message>
    <message>
      <source>待反馈</source>
      <translation>To reply</translation>
    </message>
    <message>
      <source>选择工单查看承办进度</source>
      <translation>Select a ticket to see unit progress</translation>
    </message>
    <message>
      <source>没有等待中的承办单位</source>
      <translation>No unit pending</translation>
    </message>
    <message>
      <source>卡在</source>
      <translation>Held up at</translation>
    </message>
    <message>
      <source>（{role}）</source>
      <translation> ({role})</translation>
    </message>
    <message>
      <source>咨询</source>
      <translation>Consultation</translation>
    </message>
    <message>
      <source>投诉</source>
      <translation>Complaint</translation>
    </message>
    <message>
      <source>求助</source>
      <translation>Help</translation>
    </message>
    <message>
      <source>热线</source>
      <translation>Hotline</translation>
    </message>
    <message>
      <source>APP</source>
      <translation>App</translation>
    </message>
    <message>
      <source>网站</source>
      <translation>Web</translation>
    </message>
    <message>
      <source>微信</source>
      <translation>WeChat</translation>
    </message>
    <message>
      <source>信件</source>
      <translation>Letter</translation>
    </message>
    <message>
      <source>邮件</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>受理员</source>
      <translation>Operator</translation>
    </message>
    <message>
      <source>分拨员</source>
      <translation>Dispatcher</translation>
    </message>
    <message>
      <source>值班长</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <source>承办人</source>
      <translation>Unit handler</translation>
    </message>
    <message>
      <source>管理员</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>系统</source>
      <translation>System</translation>
    </message>
    <message>
      <source>已受理</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>处置中</source>
      <translation>Handling</translation>
    </message>
    <message>
      <source>已办结</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>已退单</source>
      <translation>Returned</translation>
    </message>
    <message>
      <source>待仲裁</source>
      <translation>Arbitration</translation>
    </message>
    <message>
      <source>办理中</source>
      <translation>In progress</translation>
    </message>
    <message>
      <source>已退回</source>
      <translation>Returned</translation>
    </message>
    <message>
      <source>已撤回</source>
      <translation>Withdrawn</translation>
    </message>
    <message>
      <source>职能不符</source>
      <translation>Not our function</translation>
    </message>
    <message>
      <source>属地不符</source>
      <translation>Not our territory</translation>
    </message>
    <message>
      <source>权属不清</source>
      <translation>Unclear ownership</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>满意</source>
      <translation>Satisfied</translation>
    </message>
    <message>
      <source>基本满意</source>
      <translation>Basically satisfied</translation>
    </message>
    <message>
      <source>不满意</source>
      <translation>Unsatisfied</translation>
    </message>
    <message>
      <source>签收时限</source>
      <translation>Accept deadline</translation>
    </message>
    <message>
      <source>反馈时限</source>
      <translation>Reply deadline</translation>
    </message>
    <message>
      <source>办结时限</source>
      <translation>Close deadline</translation>
    </message>
    <message>
      <source>开始处置</source>
      <translation>Start handling</translation>
    </message>
    <message>
      <source>退单转值班长仲裁</source>
      <translation>Escalate return to supervisor</translation>
    </message>
    <message>
      <source>不满意回退</source>
      <translation>Unsatisfied rollback</translation>
    </message>
    <message>
      <source>改派人员</source>
      <translation>Reassign staff</translation>
    </message>
    <message>
      <source>改派单位</source>
      <translation>Reassign unit</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>值班</source>
      <translation>Shift</translation>
    </message>
    <message>
      <source>管理</source>
      <translation>Admin</translation>
    </message>
    <message>
      <source>账户</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>帮助</source>
      <translation>Help</translation>
    </message>
    <message>
      <source>开始处理选中工单；他人已认领时先询问是否接手</source>
      <translation>Start working on the selected ticket; asks before taking it from someone else</translation>
    </message>
    <message>
      <source>放弃认领，工单回到待办</source>
      <translation>Give the ticket back to the queue</translation>
    </message>
    <message>
      <source>认领最紧急、最早到期的未认领工单</source>
      <translation>Claim the most urgent unclaimed ticket that falls due first</translation>
    </message>
    <message>
      <source>确认后按路由建议的事项分拨</source>
      <translation>Dispatch to the suggested duty item after one confirmation</translation>
    </message>
    <message>
      <source>复核分拨…</source>
      <translation>Review and dispatch…</translation>
    </message>
    <message>
      <source>打开人工复核：查看建议、改选事项、预览承办单位后分拨</source>
      <translation>Manual review: see the suggestion, pick an item, preview the units, dispatch</translation>
    </message>
    <message>
      <source>把新受理的工单转入待复核</source>
      <translation>Move a received ticket to pending review</translation>
    </message>
    <message>
      <source>调整紧急程度…</source>
      <translation>Change urgency…</translation>
    </message>
    <message>
      <source>改为紧急/快速/常态（需填写原因）</source>
      <translation>Urgent / fast / normal (a reason is required)</translation>
    </message>
    <message>
      <source>添加备注…</source>
      <translation>Add note…</translation>
    </message>
    <message>
      <source>在时间线上记一条备注</source>
      <translation>Write a note on the timeline</translation>
    </message>
    <message>
      <source>查看个人信息…</source>
      <translation>Reveal personal data…</translation>
    </message>
    <message>
      <source>填写原因后显示市民姓名和电话（留痕）</source>
      <translation>Show the citizen's name and phone after giving a reason (recorded)</translation>
    </message>
    <message>
      <source>查看详情</source>
      <translation>Open details</translation>
    </message>
    <message>
      <source>把焦点移到详情面板</source>
      <translation>Move the focus to the detail pane</translation>
    </message>
    <message>
      <source>回到队列</source>
      <translation>Back to the queue</translation>
    </message>
    <message>
      <source>把焦点移回工单队列</source>
      <translation>Move the focus back to the queue</translation>
    </message>
    <message>
      <source>搜索</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>按工单编号、电话号码或文字搜索</source>
      <translation>Search by ticket number, phone number or text</translation>
    </message>
    <message>
      <source>清除搜索</source>
      <translation>Clear search</translation>
    </message>
    <message>
      <source>清空搜索框并回到队列</source>
      <translation>Empty the search box and return to the queue</translation>
    </message>
    <message>
      <source>重新读取整个队列</source>
      <translation>Re-read the whole queue</translation>
    </message>
    <message>
      <source>保存当前视图…</source>
      <translation>Save current view…</translation>
    </message>
    <message>
      <source>保存筛选条件；值班长可共享给全室</source>
      <translation>Save the filters; supervisors may share with the room</translation>
    </message>
    <message>
      <source>删除当前视图</source>
      <translation>Delete current view</translation>
    </message>
    <message>
      <source>删除自己保存的视图</source>
      <translation>Delete a view you saved</translation>
    </message>
    <message>
      <source>设置…</source>
      <translation>Settings…</translation>
    </message>
    <message>
      <source>语言、提示音、托盘通知</source>
      <translation>Language, sound, tray notification</translation>
    </message>
    <message>
      <source>关闭窗口</source>
      <translation>Close the window</translation>
    </message>
    <message>
      <source>锁定屏幕</source>
      <translation>Lock screen</translation>
    </message>
    <message>
      <source>立即锁屏：隐藏工单和个人信息，保留未完成的内容</source>
      <translation>Lock now: hide tickets and personal data, keep unfinished work</translation>
    </message>
    <message>
      <source>修改密码…</source>
      <translation>Change password…</translation>
    </message>
    <message>
      <source>修改本人的登录密码</source>
      <translation>Change your own login password</translation>
    </message>
    <message>
      <source>重置他人密码…</source>
      <translation>Reset a password…</translation>
    </message>
    <message>
      <source>为其他账号设置新密码并解除锁定</source>
      <translation>Set a new password for another account and lift its lock</translation>
    </message>
    <message>
      <source>显示本表</source>
      <translation>Show this table</translation>
    </message>
    <message>
      <source>交接班…</source>
      <translation>Shift handover…</translation>
    </message>
    <message>
      <source>汇总本班数据、填写交接说明、导出交接单（Excel）</source>
      <translation>Gather the shift, write handover notes, export the handover sheet (Excel)</translation>
    </message>
    <message>
      <source>人工复核台…</source>
      <translation>Manual review desk…</translation>
    </message>
    <message>
      <source>逐张复核待复核工单：回车接受建议，改选事项或单位，转值班长，跳过</source>
      <translation>Review pending tickets one by one: Enter accepts the suggestion; change item or units, escalate to shift supervisor, skip</translation>
    </message>
    <message>
      <source>分拨质量…</source>
      <translation>Dispatch quality…</translation>
    </message>
    <message>
      <source>路由建议准确率、免复核占比、各事项准确率与常见更正（今天/本班/近 7 天）</source>
      <translation>Routing accuracy, share dispatched without review, accuracy by item and common corrections (today / this shift / last 7 days)</translation>
    </message>
    <message>
      <source>本单位签收选中工单（主办签收后工单进入已签收）</source>
      <translation>Accept the selected ticket for your unit (once the lead unit accepts, the ticket is Accepted)</translation>
    </message>
    <message>
      <source>主办单位开始处置（已签收 → 处置中）</source>
      <translation>Lead unit starts handling (Accepted → Handling)</translation>
    </message>
    <message>
      <source>反馈…</source>
      <translation>Reply…</translation>
    </message>
    <message>
      <source>填写办理结果；主办单位可引用协办单位意见汇总答复</source>
      <translation>Enter the outcome; the lead unit can quote co-handling opinions in its reply</translation>
    </message>
    <message>
      <source>退单…</source>
      <translation>Return…</translation>
    </message>
    <message>
      <source>主办单位退回分拨室：职能不符 / 属地不符 / 权属不清 / 其他（需说明）</source>
      <translation>Lead unit returns the ticket to the dispatch room: not our function / not our territory / unclear ownership / other (explain)</translation>
    </message>
    <message>
      <source>申请延期…</source>
      <translation>Request extension…</translation>
    </message>
    <message>
      <source>申请延长反馈时限（填写时长和理由，值班长审批）</source>
      <translation>Ask for a longer reply deadline (length and reason; the shift supervisor approves)</translation>
    </message>
    <message>
      <source>延期审批…</source>
      <translation>Extension approvals…</translation>
    </message>
    <message>
      <source>待审批的延期申请：批准（时限顺延）或驳回（填写理由）</source>
      <translation>Pending extension requests: approve (deadline extended) or refuse (with a reason)</translation>
    </message>
    <message>
      <source>退单仲裁…</source>
      <translation>Arbitrate returns…</translation>
    </message>
    <message>
      <source>多次退单的工单：查看各单位退单理由，裁定主办和协办单位（最终）</source>
      <translation>Repeatedly returned tickets: see each unit's reasons, rule on lead and co-handling units (final)</translation>
    </message>
    <message>
      <source>本班工作量…</source>
      <translation>Shift workload…</translation>
    </message>
    <message>
      <source>本班每人在办工单数、紧急和超时件数；可改派某人的全部工单</source>
      <translation>Open, urgent and overdue tickets per person this shift; reassign all of someone's tickets</translation>
    </message>
    <message>
      <source>退单统计…</source>
      <translation>Return statistics…</translation>
    </message>
    <message>
      <source>各单位在本班、今日、近 7 天或近 30 天的退单次数和原因</source>
      <translation>Returns and reasons per unit: this shift, today, last 7 or 30 days</translation>
    </message>
    <message>
      <source>批量改派…</source>
      <translation>Bulk reassign…</translation>
    </message>
    <message>
      <source>把选中的工单（或某人持有的全部工单）改派给其他人员或单位</source>
      <translation>Reassign the selected tickets (or all tickets someone holds) to another person or unit</translation>
    </message>
    <message>
      <source>催办…</source>
      <translation>Reminder…</translation>
    </message>
    <message>
      <source>向仍在办理的单位发催办</source>
      <translation>Send a reminder to the units still handling the ticket</translation>
    </message>
    <message>
      <source>督办…</source>
      <translation>Supervision notice…</translation>
    </message>
    <message>
      <source>向仍在办理的单位发督办通知</source>
      <translation>Send a supervision notice to the units still handling the ticket</translation>
    </message>
    <message>
      <source>市民评价…</source>
      <translation>Citizen rating…</translation>
    </message>
    <message>
      <source>记录满意 / 基本满意 / 不满意；不满意自动回退主办单位</source>
      <translation>Record satisfied / basically satisfied / unsatisfied; unsatisfied rolls back to the lead unit</translation>
    </message>
    <message>
      <source>办结…</source>
      <translation>Close…</translation>
    </message>
    <message>
      <source>办结已反馈的工单</source>
      <translation>Close a replied ticket</translation>
    </message>
    <message>
      <source>回潮重启…</source>
      <translation>Reopen recurrence…</translation>
    </message>
    <message>
      <source>已办结工单的问题再次出现：按编号找到并重启，回到主办单位</source>
      <translation>A closed ticket's problem is back: find it by number and reopen it to its lead unit</translation>
    </message>
    <message>
      <source>疑似重复 / 并案…</source>
      <translation>Possible duplicates / merge…</translation>
    </message>
    <message>
      <source>查看选中工单的疑似重复工单并并案（保留每位市民的联系方式和轨迹）</source>
      <translation>See possible duplicates of the selected ticket and merge (each citizen's contact and timeline are kept)</translation>
    </message>
    <message>
      <source>撤销并案…</source>
      <translation>Unmerge…</translation>
    </message>
    <message>
      <source>按编号撤销错误的并案，工单回到待复核</source>
      <translation>Undo a wrong merge by ticket number; the ticket returns to pending review</translation>
    </message>
    <message>
      <source>职责清单维护…</source>
      <translation>Duty list maintenance…</translation>
    </message>
    <message>
      <source>浏览、修改职责清单；检查与影响预览后保存为新版本；版本差异；Excel 导入导出</source>
      <translation>Browse and edit the duty list; check and preview impact, then save as a new version; version differences; Excel import/export</translation>
    </message>
    <message>
      <source>显示或隐藏热点面板：同一地点同一问题的工单聚集，可关联为一个事件</source>
      <translation>Show or hide the hot spot panel: tickets clustering on one problem at one place, which can be linked as one incident</translation>
    </message>
    <message>
      <source>分析报表…</source>
      <translation>Analysis reports…</translation>
    </message>
    <message>
      <source>本周突出问题、回潮统计、建议汇总，可导出 Excel</source>
      <translation>This week's top problems, recurrence statistics, suggestion summary; Excel export</translation>
    </message>
    <message>
      <source>全部待办</source>
      <translation>All open</translation>
    </message>
    <message>
      <source>我的工单</source>
      <translation>Mine</translation>
    </message>
    <message>
      <source>待分拨</source>
      <translation>To dispatch</translation>
    </message>
    <message>
      <source>即将超时</source>
      <translation>Due soon</translation>
    </message>
    <message>
      <source>退单待仲裁</source>
      <translation>Returns awaiting arbitration</translation>
    </message>
    <message>
      <source>当前事项</source>
      <translation>Current item</translation>
    </message>
    <message>
      <source>自动分拨建议</source>
      <translation>Auto-routing suggestion</translation>
    </message>
    <message>
      <source>路由引擎建议</source>
      <translation>Routing engine suggestion</translation>
    </message>
    <message>
      <source>市级</source>
      <translation>City</translation>
    </message>
    <message>
      <source>区级</source>
      <translation>District</translation>
    </message>
    <message>
      <source>街道级</source>
      <translation>Street</translation>
    </message>
    <message>
      <source>签收时限（小时）</source>
      <translation>Acceptance limit (hours)</translation>
    </message>
    <message>
      <source>反馈时限（小时）</source>
      <translation>Reply limit (hours)</translation>
    </message>
    <message>
      <source>办结时限（小时）</source>
      <translation>Closing limit (hours)</translation>
    </message>
    <message>
      <source>无主办单位</source>
      <translation>No lead unit</translation>
    </message>
    <message>
      <source>事项重叠</source>
      <translation>Overlapping items</translation>
    </message>
    <message>
      <source>条线无单位</source>
      <translation>Line without a unit</translation>
    </message>
    <message>
      <source>属地无单位</source>
      <translation>Location without a unit</translation>
    </message>
    <message>
      <source>单位无承办人</source>
      <translation>Unit without a handler</translation>
    </message>
    <message>
      <source>本班受理</source>
      <translation>Received this shift</translation>
    </message>
    <message>
      <source>诉求标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>区域</source>
      <translation>Area</translation>
    </message>
    <message>
      <source>当前状态</source>
      <translation>Current status</translation>
    </message>
    <message>
      <source>联系电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>分拨时间</source>
      <translation>Dispatched at</translation>
    </message>
    <message>
      <source>分拨类别</source>
      <translation>Dispatch type</translation>
    </message>
    <message>
      <source>是否按时</source>
      <translation>On time?</translation>
    </message>
    <message>
      <source>待分拨待复核</source>
      <translation>Awaiting dispatch or review</translation>
    </message>
    <message>
      <source>已等待</source>
      <translation>Waiting for</translation>
    </message>
    <message>
      <source>超时与预警</source>
      <translation>Overdue and warnings</translation>
    </message>
    <message>
      <source>时限类型</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>责任单位</source>
      <translation>Responsible unit</translation>
    </message>
    <message>
      <source>到期时间</source>
      <translation>Due at</translation>
    </message>
    <message>
      <source>完成时间</source>
      <translation>Done at</translation>
    </message>
    <message>
      <source>超时时长</source>
      <translation>Overdue by</translation>
    </message>
    <message>
      <source>剩余时间</source>
      <translation>Time left</translation>
    </message>
    <message>
      <source>紧急工单</source>
      <translation>Urgent tickets</translation>
    </message>
    <message>
      <source>改派记录</source>
      <translation>Reassignments</translation>
    </message>
    <message>
      <source>改派时间</source>
      <translation>Reassigned at</translation>
    </message>
    <message>
      <source>改派类型</source>
      <translation>Reassignment type</translation>
    </message>
    <message>
      <source>原</source>
      <translation>From</translation>
    </message>
    <message>
      <source>改派至</source>
      <translation>To</translation>
    </message>
    <message>
      <source>操作人</source>
      <translation>By</translation>
    </message>
    <message>
      <source>退单与仲裁</source>
      <translation>Returns and arbitration</translation>
    </message>
    <message>
      <source>退单单位</source>
      <translation>Returning unit</translation>
    </message>
    <message>
      <source>退单时间</source>
      <translation>Returned at</translation>
    </message>
    <message>
      <source>退单说明</source>
      <translation>Return explanation</translation>
    </message>
    <message>
      <source>延期申请</source>
      <translation>Extension requests</translation>
    </message>
    <message>
      <source>延期(小时)</source>
      <translation>Extension (hours)</translation>
    </message>
    <message>
      <source>申请理由</source>
      <translation>Reason given</translation>
    </message>
    <message>
      <source>审批结果</source>
      <translation>Decision</translation>
    </message>
    <message>
      <source>审批人</source>
      <translation>Decided by</translation>
    </message>
    <message>
      <source>审批时间</source>
      <translation>Decided at</translation>
    </message>
    <message>
      <source>回退时间</source>
      <translation>Rolled back at</translation>
    </message>
    <message>
      <source>回退原因</source>
      <translation>Rollback reason</translation>
    </message>
    <message>
      <source>回退次数</source>
      <translation>Rollbacks</translation>
    </message>
    <message>
      <source>新反馈时限</source>
      <translation>New reply deadline</translation>
    </message>
    <message>
      <source>本班首次分拨</source>
      <translation>First dispatches this shift</translation>
    </message>
    <message>
      <source>分拨按时率</source>
      <translation>Dispatched on time</translation>
    </message>
    <message>
      <source>本班超时（时限）</source>
      <translation>Deadlines missed this shift</translation>
    </message>
    <message>
      <source>前班遗留待分拨超时</source>
      <translation>Overdue from earlier shifts, not dispatched</translation>
    </message>
    <message>
      <source>单位在办超时（累计）</source>
      <translation>Units' overdue replies (total)</translation>
    </message>
    <message>
      <source>即将超时（下一班内到期）</source>
      <translation>Due within the next shift</translation>
    </message>
    <message>
      <source>待分拨 / 待复核</source>
      <translation>Awaiting dispatch / review</translation>
    </message>
    <message>
      <source>未办结紧急工单</source>
      <translation>Open urgent tickets</translation>
    </message>
    <message>
      <source>本班退单</source>
      <translation>Returns this shift</translation>
    </message>
    <message>
      <source>待仲裁退单</source>
      <translation>Returns awaiting arbitration</translation>
    </message>
    <message>
      <source>延期待审批</source>
      <translation>Extensions awaiting approval</translation>
    </message>
    <message>
      <source>本班改派</source>
      <translation>Reassignments this shift</translation>
    </message>
    <message>
      <source>本班首次分拨中在时限内完成的比例（紧急30分钟、快速2小时、常态8小时）</source>
      <translation>Share of this shift's first dispatches made within the limit (urgent 30 minutes, fast 2 hours, normal 8 hours)</translation>
    </message>
    <message>
      <source>到期时间落在本班且未按时完成的分拨、签收、反馈、办结时限</source>
      <translation>Dispatch, acceptance, reply and closing deadlines falling due this shift that were missed</translation>
    </message>
    <message>
      <source>统计时点起一个班次时长内到期、尚未完成的时限</source>
      <translation>Deadlines not yet met that fall due within one shift length from now</translation>
    </message>
    <message>
      <source>统计时点仍未办结的紧急工单</source>
      <translation>Urgent tickets not closed as of now</translation>
    </message>
    <message>
      <source>本班开始前已超过分拨时限、至今仍未分拨的工单（分拨席责任）</source>
      <translation>Tickets past their dispatch deadline before this shift began and still not dispatched (dispatch desk's responsibility)</translation>
    </message>
    <message>
      <source>本班开始前已超过反馈时限、单位仍未反馈的工单（仅计数，明细见单位督办）</source>
      <translation>Tickets past their reply deadline before this shift began with no reply from the unit yet (count only; details under unit supervision)</translation>
    </message>
    <message>
      <source>本班超时</source>
      <translation>Missed this shift</translation>
    </message>
    <message>
      <source>前班遗留超时</source>
      <translation>Overdue from earlier shifts</translation>
    </message>
    <message>
      <source>待审批</source>
      <translation>Pending</translation>
    </message>
    <message>
      <source>已批准</source>
      <translation>Approved</translation>
    </message>
    <message>
      <source>已驳回</source>
      <translation>Refused</translation>
    </message>
  </context>
</TS>