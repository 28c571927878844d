<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>dc</name>
    <message>
      <source>分拨调度台</source>
      <translation>Dispatch Console</translation>
    </message>
    <message>
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
    <message>
      <source>工单已被他人修改</source>
      <translation>Ticket changed by someone else</translation>
    </message>
    <message>
      <source>请先在队列中选择一张工单</source>
      <translation>Select a ticket in the queue first</translation>
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
      <source>没有可用的分拨建议，请复核</source>
      <translation>No routing suggestion available; please review</translation>
    </message>
    <message>
      <source>按路由建议分拨</source>
      <translation>Dispatched as suggested by routing</translation>
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
      <source>查看个人信息</source>
      <translation>View personal data</translation>
    </message>
    <message>
      <source>查看市民姓名和电话的原因（将记录在工单时间线上）：</source>
      <translation>Why do you need the citizen's name and phone? (recorded on the ticket's timeline):</translation>
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
      <source>按建议分拨</source>
      <translation>Dispatch as suggested</translation>
    </message>
    <message>
      <source>分拨失败</source>
      <translation>Dispatch failed</translation>
    </message>
    <message>
      <source>已分拨</source>
      <translation>Dispatched</translation>
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
      <source>已转人工复核</source>
      <translation>Sent to manual review</translation>
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
      <source>查看失败</source>
      <translation>Could not show</translation>
    </message>
    <message>
      <source>已记录查看原因</source>
      <translation>Reason recorded for</translation>
    </message>
    <message>
      <source>人工复核后分拨</source>
      <translation>Dispatched after manual review</translation>
    </message>
    <message>
      <source>是否接手？</source>
      <translation>Take it over?</translation>
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
      <source>状态</source>
      <translation>Status</translation>
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
      <source>受理时间</source>
      <translation>Received</translation>
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
      <source>已脱敏</source>
      <translation>masked</translation>
    </message>
    <message>
      <source>查看</source>
      <translation>to reveal</translation>
    </message>
    <message>
      <source>已显示个人信息</source>
      <translation>personal data shown</translation>
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
      <source>时限</source>
      <translation>Deadlines</translation>
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
      <source>申请延期</source>
      <translation>Extension requested</translation>
    </message>
    <message>
      <source>小时</source>
      <translation>hours</translation>
    </message>
    <message>
      <source>退单</source>
      <translation>Return</translation>
    </message>
    <message>
      <source>反馈</source>
      <translation>Reply</translation>
    </message>
    <message>
      <source>分拨于</source>
      <translation>dispatched</translation>
    </message>
    <message>
      <source>市民选择</source>
      <translation>Citizen's choice</translation>
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
      <source>说明</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>诉求</source>
      <translation>Request</translation>
    </message>
    <message>
      <source>建议</source>
      <translation>Suggestion</translation>
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
      <source>分拨</source>
      <translation>Dispatch</translation>
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
      <source>请选择职责事项</source>
      <translation>Choose a duty item</translation>
    </message>
    <message>
      <source>未知</source>
      <translation>unknown</translation>
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
      <source>确定</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>语言在下次启动时生效</source>
      <translation>The language applies at the next start</translation>
    </message>
    <message>
      <source>调整紧急程度</source>
      <translation>Change urgency</translation>
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
      <source>原因</source>
      <translation>Reason</translation>
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
      <source>登录 — 分拨调度台</source>
      <translation>Log in — Dispatch Console</translation>
    </message>
    <message>
      <source>用户名(&amp;U)</source>
      <translation>&amp;User name</translation>
    </message>
    <message>
      <source>密码(&amp;P)</source>
      <translation>&amp;Password</translation>
    </message>
    <message>
      <source>登录</source>
      <translation>Log in</translation>
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
      <source>视图已保存</source>
      <translation>View saved</translation>
    </message>
    <message>
      <source>只能删除保存的视图</source>
      <translation>Only saved views can be deleted</translation>
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
      <source>保存失败</source>
      <translation>Save failed</translation>
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
      <source>出错</source>
      <translation>Error</translation>
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
      <source>{n} 张新紧急工单</source>
      <translation>{n} new urgent tickets</translation>
    </message>
    <message>
      <source>无分拨建议</source>
      <translation>No routing suggestion</translation>
    </message>
    <message>
      <source>置信度</source>
      <translation>confidence</translation>
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
      <source>工单编号</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Kind</translation>
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
      <source>待复核</source>
      <translation>Pending review</translation>
    </message>
    <message>
      <source>已签收</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <source>处置中</source>
      <translation>Handling</translation>
    </message>
    <message>
      <source>已反馈</source>
      <translation>Replied</translation>
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
      <source>已并案</source>
      <translation>Merged</translation>
    </message>
    <message>
      <source>待签收</source>
      <translation>To accept</translation>
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
      <source>分拨时限</source>
      <translation>Dispatch deadline</translation>
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
      <source>受理</source>
      <translation>Receive</translation>
    </message>
    <message>
      <source>签收</source>
      <translation>Accept</translation>
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
      <source>退单仲裁</source>
      <translation>Arbitrate return</translation>
    </message>
    <message>
      <source>批准延期</source>
      <translation>Approve extension</translation>
    </message>
    <message>
      <source>驳回延期</source>
      <translation>Refuse extension</translation>
    </message>
    <message>
      <source>催办</source>
      <translation>Remind</translation>
    </message>
    <message>
      <source>督办</source>
      <translation>Supervise</translation>
    </message>
    <message>
      <source>办结</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>不满意回退</source>
      <translation>Unsatisfied rollback</translation>
    </message>
    <message>
      <source>回潮重启</source>
      <translation>Reopen</translation>
    </message>
    <message>
      <source>并案</source>
      <translation>Merge</translation>
    </message>
    <message>
      <source>撤销并案</source>
      <translation>Unmerge</translation>
    </message>
    <message>
      <source>认领</source>
      <translation>Claim</translation>
    </message>
    <message>
      <source>释放</source>
      <translation>Release</translation>
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
      <source>工单</source>
      <translation>Ticket</translation>
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
      <source>领取下一单</source>
      <translation>Next ticket</translation>
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
      <source>刷新</source>
      <translation>Refresh</translation>
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
  </context>
</TS>