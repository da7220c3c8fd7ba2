<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="40" />
            <source>关于 cluedesk</source>
            <translation>About cluedesk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="41" />
            <source>cluedesk 线索办理工作台</source>
            <translation>cluedesk clue desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="49" />
            <source>县区、乡镇（街道）污染防治线索的离线办理与同步客户端：任务队列、办理期限倒计时与超期预警、整改通知书打印。</source>
            <translation>Offline handling and sync of pollution clues for county and township (street) offices: task queues, deadline countdowns and overdue warnings, printed rectification notices.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="56" />
            <source>版本：</source>
            <translation>Version:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="58" />
            <source>数据位置：</source>
            <translation>Data folder:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="60" />
            <source>日志文件：</source>
            <translation>Log file:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="63" />
            <source>运行环境：</source>
            <translation>Runtime:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="67" />
            <source>本程序以 MIT 许可证发布。界面使用 Qt（LGPLv3）与 PySide6；内置字体文泉驿微米黑按 Apache 2.0 或 GPLv3（含字体例外）许可证发布。</source>
            <translation>This program is released under the MIT licence. Its window uses Qt (LGPLv3) and PySide6; the bundled font WenQuanYi Micro Hei is released under Apache 2.0 or GPLv3 (with the font exception).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="90" />
            <source>（未设置）</source>
            <translation>(not set)</translation>
        </message>
    </context>
    <context>
        <name>AcceptForm</name>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="71" />
            <source>采纳答复：{0}</source>
            <translation>Accept reply: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="72" />
            <source>采纳后建议办结，主送单位不再答复。</source>
            <translation>Once accepted, the suggestion is closed and the recipient no longer replies.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="73" />
            <source>采纳</source>
            <translation>Accept</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="75" />
            <source>采纳{0}的答复？采纳后不能撤回。</source>
            <translation>Accept the reply from {0}? This cannot be undone.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="80" />
            <source>意见</source>
            <translation>Comments</translation>
        </message>
    </context>
    <context>
        <name>AccountabilityDialog</name>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="291" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="291" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="291" />
            <source>用户</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="291" />
            <source>说明</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="296" />
            <source>历史：</source>
            <translation>History:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="299" />
            <source>修改…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="303" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="315" />
            <source>本机没有这条问责记录</source>
            <translation>This accountability record is not on this computer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="320" />
            <source>问责记录：{0}</source>
            <translation>Accountability record: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="322" />
            <source>作出单位</source>
            <translation>Issued by</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="323" />
            <source>被问责单位</source>
            <translation>Accountable unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="324" />
            <source>责任人</source>
            <translation>Responsible persons</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="325" />
            <source>问责方式</source>
            <translation>Accountability measure</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="326" />
            <source>决定日期</source>
            <translation>Decision date</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="327" />
            <source>文号</source>
            <translation>Document no.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="328" />
            <source>涉及线索</source>
            <translation>Related clues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="328" />
            <source>（无）</source>
            <translation>(None)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="329" />
            <source>问责事实</source>
            <translation>Facts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="329" />
            <source>（未填写）</source>
            <translation>(Not filled in)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="333" />
            <source>未按期答复的建议</source>
            <translation>Suggestions not replied to on time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="340" />
            <source>：</source>
            <translation>: </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="348" />
            <source>{0}（待同步）</source>
            <translation>{0} (pending sync)</translation>
        </message>
    </context>
    <context>
        <name>AccountabilityForm</name>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="107" />
            <source>修改问责记录</source>
            <translation>Edit Accountability Record</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="107" />
            <source>登记问责</source>
            <translation>Register Accountability</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="109" />
            <source>问责应针对达到三级预警的线索或未按期答复的建议，至少关联其中一项。问责记录只有本纪委监委和被问责单位可以看到。</source>
            <translation>Accountability must relate to at least one clue that reached a level-3 warning or one suggestion not replied to on time. Only this commission and the accountable unit can see the record.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="112" />
            <source>保存修改</source>
            <translation>Save Changes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="112" />
            <source>登记</source>
            <translation>Register</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="114" />
            <source>登记后被问责单位同步即可看到。确定登记这条问责记录吗？</source>
            <translation>The accountable unit will see it after syncing. Register this accountability record?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="122" />
            <source>被问责单位</source>
            <translation>Accountable unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="126" />
            <source>输入单位名称查找</source>
            <translation>Type a unit name to search</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="129" />
            <source>责任人</source>
            <translation>Responsible persons</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="133" />
            <source>问责方式</source>
            <translation>Accountability measure</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="133" />
            <source>请选择</source>
            <translation>Select</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="137" />
            <source>决定日期</source>
            <translation>Decision date</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="141" />
            <source>文号</source>
            <translation>Document no.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="143" />
            <source>海纪问〔2026〕1号</source>
            <translation>海纪问〔2026〕1号</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="148" />
            <source>涉及线索</source>
            <translation>Related clues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="149" />
            <source>达到三级预警的线索编号，多个用逗号分隔</source>
            <translation>Codes of clues that reached a level-3 warning, comma-separated</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="152" />
            <source>未按期答复的建议</source>
            <translation>Suggestions not replied to on time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="154" />
            <source>问责事实</source>
            <translation>Facts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="193" />
            <source>（无）</source>
            <translation>(None)</translation>
        </message>
    </context>
    <context>
        <name>AccountabilityView</name>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="84" />
            <source>全部被问责单位</source>
            <translation>All accountable units</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="91" />
            <source>全部问责方式</source>
            <translation>All measures</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="97" />
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="124" />
            <source>决定日期</source>
            <translation>Decision date</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="101" />
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="103" />
            <source>登记问责…</source>
            <translation>Register Accountability…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="108" />
            <source>筛选：</source>
            <translation>Filter:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="113" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="125" />
            <source>被问责单位</source>
            <translation>Accountable unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="126" />
            <source>责任人</source>
            <translation>Responsible persons</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="127" />
            <source>问责方式</source>
            <translation>Measure</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="128" />
            <source>文号</source>
            <translation>Document no.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="129" />
            <source>涉及</source>
            <translation>Related to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="130" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="142" />
            <source>问责记录列表</source>
            <translation>Accountability records</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="165" />
            <source>问责记录清单</source>
            <translation>Accountability records list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="165" />
            <source>问责记录</source>
            <translation>Accountability records</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="210" />
            <source>{0} 条线索</source>
            <translation>{0} clue(s)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="212" />
            <source>逾期未答复的建议</source>
            <translation>Overdue unanswered suggestions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="215" />
            <source>{0}（待同步）</source>
            <translation>{0} (pending sync)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="232" />
            <source>共 {0} 条</source>
            <translation>{0} total</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_view.py" line="233" />
            <source>没有问责记录。</source>
            <translation>No accountability records.</translation>
        </message>
    </context>
    <context>
        <name>ActionDialog</name>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="196" />
            <source>{0}：{1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="249" />
            <source>确定对线索 {0} {1}吗？</source>
            <translation>Apply “{1}” to clue {0}?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="252" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="273" />
            <source>正在保存…</source>
            <translation>Saving…</translation>
        </message>
    </context>
    <context>
        <name>ActionForms</name>
        <message>
            <location filename="../../desktop/ui/action_fields.py" line="162" />
            <source>输入编号中的几位数字可从本机线索中选取</source>
            <translation>Type a few digits of the code to pick a clue on this computer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_fields.py" line="194" />
            <source>请选择</source>
            <translation>Please choose</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_fields.py" line="205" />
            <source>输入名称搜索可承办的单位</source>
            <translation>Type a name to search the units that can handle the clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="54" />
            <source>佐证材料</source>
            <translation>Supporting files</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="61" />
            <source>主办单位</source>
            <translation>Lead unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="67" />
            <source>协办单位</source>
            <translation>Assisting units</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="72" />
            <source>办理时限</source>
            <translation>Handling deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="75" />
            <source>分办意见</source>
            <translation>Dispatch note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="78" />
            <source>退回理由</source>
            <translation>Reason for return</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="81" />
            <source>退回市级理由</source>
            <translation>Reason for returning to the city</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="87" />
            <source>转至县区</source>
            <translation>Transfer to county</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="90" />
            <source>转办理由</source>
            <translation>Reason for transfer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="93" />
            <source>提级理由</source>
            <translation>Reason for taking over</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="96" />
            <source>延期天数</source>
            <translation>Extension (working days)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="97" />
            <source>延期理由</source>
            <translation>Reason for extension</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="99" />
            <source>审批意见</source>
            <translation>Decision note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="101" />
            <source>不予延期理由</source>
            <translation>Reason for denial</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="104" />
            <source>办理结果</source>
            <translation>Handling result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="108" />
            <source>核查结论</source>
            <translation>Finding</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="111" />
            <source>整改措施</source>
            <translation>Measures taken</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="114" />
            <source>审签意见</source>
            <translation>Sign-off note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="116" />
            <source>退回修改意见</source>
            <translation>What to revise</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="122" />
            <source>回访结果</source>
            <translation>Callback result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="125" />
            <source>回访情况</source>
            <translation>Callback notes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="128" />
            <source>审核意见</source>
            <translation>Review note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="132" />
            <source>未闭环办结理由</source>
            <translation>Reason to close with an open notice</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="138" />
            <source>驳回理由</source>
            <translation>Reason for rejection</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="141" />
            <source>重办理由</source>
            <translation>Reason for reopening</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="144" />
            <source>核查意见</source>
            <translation>Verification finding</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="147" />
            <source>督办意见</source>
            <translation>Urging note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="150" />
            <source>协办意见</source>
            <translation>Assisting report</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="157" />
            <source>原件线索编号</source>
            <translation>Code of the original clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="160" />
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="166" />
            <source>不予受理依据</source>
            <translation>Ground for refusal</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="169" />
            <source>不予受理理由</source>
            <translation>Reason for refusal</translation>
        </message>
    </context>
    <context>
        <name>ActionIntros</name>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="19" />
            <source>交办单位要求 {0} 前办结。</source>
            <translation>The sender requires it to be finished before {0}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="27" />
            <source>按工作日历计算，{0}线索的办理时限为 {1} 个工作日。</source>
            <translation>By the work calendar, a {0} clue must be handled within {1} working days. </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="31" />
            <source>按工作日历计算，{0}的{1}线索办理时限为 {2} 个工作日。</source>
            <translation>By the work calendar, a clue from {0} of priority “{1}” must be handled within {2} working days. </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="40" />
            <source>本阶段还可申请 {0} 次，最多 {1} 个工作日。</source>
            <translation>This stage can still be extended {0} more time(s), by at most {1} working days.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="46" />
            <source>当前办理时限：{0}。</source>
            <translation>Current deadline: {0}. </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="55" />
            <source>主办单位申请延期 {0} 个工作日，批准后办理时限延至 {1}。</source>
            <translation>The lead unit asks for {0} more working days; if approved, the deadline moves to {1}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="61" />
            <source>核查结论为属实或部分属实的，须附现场照片等佐证材料。</source>
            <translation>A finding of true or partly true needs supporting files such as on-site photos. </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="65" />
            <source>您是经办人：反馈先经本单位负责人审签，再交攻坚办审核。</source>
            <translation>You are a clerk: your unit's head signs the report off before the tackling office reviews it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="68" />
            <source>反馈后，线索交攻坚办审核。</source>
            <translation>After the report, the tackling office reviews the clue.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="73" />
            <source>经办人反馈的核查结论：{0}。审签通过后，反馈交攻坚办审核。</source>
            <translation>The clerk's finding: {0}. Once signed off, the report goes to the tackling office for review.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="79" />
            <source>提级后由市攻坚办承办本线索（分办、审核、批准延期和办结），「{0}」会在办理记录中看到本次提级和理由。</source>
            <translation>After taking over, the city tackling office owns this clue (dispatch, review, extensions and closing); “{0}” sees this step and its reason in the history.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="87" />
            <source>线索现属「{0}」。转办后由所选县区（功能板块）攻坚办承办并重新分办。</source>
            <translation>The clue belongs to “{0}”. After the transfer, the chosen county's (zone's) tackling office owns it and dispatches it again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="94" />
            <source>主办单位申请延期 {0} 个工作日。</source>
            <translation>The lead unit asks for {0} more working days.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="98" />
            <source>退回后，线索回到攻坚办重新分办。</source>
            <translation>After a return, the clue goes back to the tackling office to be dispatched again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="101" />
            <source>线索不属于本县区的，退回市攻坚办，由市攻坚办转办到其他县区。</source>
            <translation>A clue that is not this county's goes back to the city tackling office, which transfers it to another county.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="104" />
            <source>退回后，经办人修改后重新反馈。</source>
            <translation>After sending it back, the clerk revises the report and reports again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="107" />
            <source>未能联系上举报人时，请在回访情况中写明联系的时间和方式。</source>
            <translation>If the reporter could not be reached, write down when and how you tried in the callback notes.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="110" />
            <source>举报人对办理结果不满意，线索将回到主办单位重新办理。</source>
            <translation>The reporter is not satisfied; the clue goes back to the lead unit to be handled again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="113" />
            <source>重复件不再单独分办，随原件办结；原件办结后，办理结果同样告知本件举报人。</source>
            <translation>A duplicate is not dispatched on its own and closes with its original; its reporter is told the original's result too.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="117" />
            <source>不予受理后线索即办结，不再分办。请选择依据并写明理由。</source>
            <translation>A refused clue is done at once and not dispatched. Choose the ground and give the reason.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_intros.py" line="120" />
            <location filename="../../desktop/ui/action_intros.py" line="121" />
            <source>线索将回到主办单位继续办理。</source>
            <translation>The clue goes back to the lead unit for further handling.</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <location filename="../../desktop/ui/actions.py" line="82" />
            <source>{0}：{1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/actions.py" line="100" />
            <source>无法读取文件「{0}」，请确认文件存在且没有被其他程序占用</source>
            <translation>Cannot read the file “{0}”; check that it exists and is not in use by another program</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/actions.py" line="113" />
            <source>操作未能保存：本机数据库暂时无法写入，请稍后重试</source>
            <translation>The action was not saved: the local database cannot be written just now; please try again later</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/actions.py" line="121" />
            <source>操作未完成</source>
            <translation>Action not completed</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../desktop/ui/app.py" line="68" />
            <source>cluedesk 线索办理工作台</source>
            <translation>cluedesk clue desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/app.py" line="155" />
            <source>该数据目录的窗口已经打开，已把它切换到前面。</source>
            <translation>A window is already open on this data folder; it has been brought to the front.</translation>
        </message>
    </context>
    <context>
        <name>AssessmentModel</name>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="32" />
            <source>收到线索</source>
            <translation>Clues received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="33" />
            <source>签收</source>
            <translation>Signed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="34" />
            <source>按时签收</source>
            <translation>Signed on time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="35" />
            <source>反馈</source>
            <translation>Reported</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="36" />
            <source>按时反馈</source>
            <translation>Reported on time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="37" />
            <source>办结</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="38" />
            <source>按时办结</source>
            <translation>Closed on time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="39" />
            <source>退回</source>
            <translation>Returned</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="40" />
            <source>审核不通过</source>
            <translation>Rejected at review</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="41" />
            <source>申请延期</source>
            <translation>Extensions asked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="42" />
            <source>批准延期</source>
            <translation>Extensions granted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="43" />
            <source>三级预警</source>
            <translation>Level-3 warnings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="44" />
            <source>回访</source>
            <translation>Callbacks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="45" />
            <source>满意</source>
            <translation>Satisfied</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="46" />
            <source>基本满意</source>
            <translation>Fairly satisfied</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="47" />
            <source>不满意</source>
            <translation>Unsatisfied</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="48" />
            <source>未联系上</source>
            <translation>Not reached</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="49" />
            <source>收到建议</source>
            <translation>Suggestions received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="50" />
            <source>按时回复建议</source>
            <translation>Suggestions answered on time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="139" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="141" />
            <source>综合得分</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="143" />
            <source>排名</source>
            <translation>Rank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="145" />
            <source>三级预警时长</source>
            <translation>Level-3 duration</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="161" />
            <source>三级预警持续的工作时间（小时），至消除或至今</source>
            <translation>Working hours at level 3, until cleared or until now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="163" />
            <source>双击或按 Enter 查看该数字背后的线索</source>
            <translation>Double-click or press Enter to see the clues behind this figure</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="226" />
            <source>{name}（{code}）</source>
            <translation>{name} ({code})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="228" />
            <source>本期没有可评分的事项</source>
            <translation>Nothing to score in this period</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/model.py" line="230" />
            <source>双击或按 Enter 查看这 {0} 件</source>
            <translation>Double-click or press Enter to see these {0}</translation>
        </message>
    </context>
    <context>
        <name>AssessmentView</name>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="85" />
            <source>考核期间(&amp;Q)：</source>
            <translation>Assessment &amp;period:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="86" />
            <source>考核期间</source>
            <translation>Assessment period</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="92" />
            <source>重新计算</source>
            <translation>Recompute</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="94" />
            <source>导出 CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="96" />
            <source>权重说明</source>
            <translation>Weights</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="125" />
            <location filename="../../desktop/ui/assessment/view.py" line="344" />
            <source>单位考核</source>
            <translation>Unit assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="146" />
            <source>双击数字或按 Enter 查看其背后的线索；点击列标题排序。</source>
            <translation>Double-click a figure or press Enter to see the clues behind it; click a column header to sort.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="208" />
            <source>正在计算 {start} 至 {end} 的考核数据…</source>
            <translation>Computing the assessment for {start} to {end}…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="243" />
            <source>无法计算考核数据，请稍后再试（详情见日志）。</source>
            <translation>The assessment could not be computed; please try again later (details in the log).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="257" />
            <source>考核期间 {start} 至 {end}：{count} 个单位，其中 {assessed} 个有考核事项。</source>
            <translation>Period {start} to {end}: {count} units, {assessed} of them with items to assess.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="274" />
            <source>按时签收率</source>
            <translation>Signed on time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="275" />
            <source>按时办结率</source>
            <translation>Closed on time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="276" />
            <source>按时反馈率</source>
            <translation>Reported on time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="277" />
            <source>未退回率</source>
            <translation>Not returned</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="278" />
            <source>审核通过率</source>
            <translation>Passed review</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="279" />
            <source>未申请延期率</source>
            <translation>No extension asked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="280" />
            <source>未发生三级预警率</source>
            <translation>No level-3 warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="281" />
            <source>回访满意率</source>
            <translation>Callback satisfaction</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="282" />
            <source>建议按时回复率</source>
            <translation>Suggestions answered on time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="290" />
            <source>{name} {weight}</source>
            <translation>{name} {weight}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="296" />
            <source>综合得分 = 各项比率按市平台发布的权重加权平均 × 100（本期没有可评判事项的项不计入）。权重：{parts}。权重只影响得分，不改变任何数字。</source>
            <translation>Score = the weighted mean of the rates with the weights the city platform publishes × 100 (rates with nothing to judge this period are left out). Weights: {parts}. The weights change only the score, never a figure.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="298" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="321" />
            <source>考核：{unit} {figure} {count} 件</source>
            <translation>Assessment: {unit} {figure} {count}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="341" />
            <source>考核期间 {start} 至 {end}</source>
            <translation>assessment period {start} to {end}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="344" />
            <source>单位考核表</source>
            <translation>Unit assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="349" />
            <source>单位考核_{start}_{end}.csv</source>
            <translation>unit-assessment_{start}_{end}.csv</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="354" />
            <source>导出单位考核</source>
            <translation>Export unit assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="358" />
            <source>CSV 表格 (*.csv)</source>
            <translation>CSV table (*.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="380" />
            <source>无法保存文件 {name}：{reason}</source>
            <translation>Cannot save {name}: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/view.py" line="385" />
            <source>已导出到 {name}</source>
            <translation>Exported to {name}</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsModel</name>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="113" />
            <source>{0}
未下载</source>
            <translation>{0}
not downloaded</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="117" />
            <source>{0}
{1}，{2} 由 {3} 添加</source>
            <translation>{0}
{1}, added {2} by {3}</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsPanel</name>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="164" />
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="166" />
            <source>另存为…</source>
            <translation>Save as…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="176" />
            <source>没有附件</source>
            <translation>No attachments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="202" />
            <location filename="../../desktop/ui/attachments_panel.py" line="223" />
            <source>附件「{0}」尚未下载到本机，请先同步</source>
            <translation>The attachment “{0}” is not on this computer yet; please sync first</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="214" />
            <source>没有可以打开「{0}」的程序</source>
            <translation>No program can open “{0}”</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="227" />
            <source>另存为</source>
            <translation>Save as</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="243" />
            <source>已保存到 {0}</source>
            <translation>Saved to {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="252" />
            <source>无法复制附件「{0}」：本机附件文件缺失或无法写入目标位置</source>
            <translation>Cannot copy the attachment “{0}”: the local file is missing or the target cannot be written</translation>
        </message>
    </context>
    <context>
        <name>BackupAction</name>
        <message>
            <location filename="../../desktop/ui/backup_action.py" line="29" />
            <source>备份线索库…</source>
            <translation>Back up the clue store…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_action.py" line="32" />
            <source>把本机线索库备份到数据目录的 backups 文件夹</source>
            <translation>Back up this computer's clue store to the backups folder of the data folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_action.py" line="42" />
            <source>已备份线索库到 {0}（{1}）。
附件文件不在备份中，恢复后会从平台重新下载。</source>
            <translation>The clue store was backed up to {0} ({1}).
Attachment files are not in the backup; after a restore they are downloaded from the platform again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_action.py" line="49" />
            <source>备份完成</source>
            <translation>Backup complete</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_action.py" line="62" />
            <source>程序内部出错，详细信息已写入日志。</source>
            <translation>An internal error occurred; the details were written to the log.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_action.py" line="64" />
            <source>没有完成备份，原线索库没有改动：{0}</source>
            <translation>The backup was not completed; the clue store was not changed: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_action.py" line="70" />
            <source>备份没有完成</source>
            <translation>Backup not completed</translation>
        </message>
    </context>
    <context>
        <name>BatchPrint</name>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="124" />
            <source>保存文书</source>
            <translation>Save documents</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="124" />
            <source>打印文书</source>
            <translation>Print documents</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="126" />
            <source>正在准备…</source>
            <translation>Preparing…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="126" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="171" />
            <source>正在取消…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="178" />
            <source>正在生成第 {0}/{1} 份…</source>
            <translation>Rendering {0} of {1}…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="180" />
            <source>已保存 {0}/{1} 份</source>
            <translation>Saved {0} of {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="182" />
            <source>已发送打印 {0}/{1} 份</source>
            <translation>Sent {0} of {1} to the printer</translation>
        </message>
    </context>
    <context>
        <name>CaBundlePicker</name>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="92" />
            <source>留空则使用系统证书</source>
            <translation>Leave empty to use the system certificates</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="93" />
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="104" />
            <source>选择 CA 证书文件</source>
            <translation>Choose the CA certificate file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="107" />
            <source>证书文件 (*.pem *.crt *.cer)</source>
            <translation>Certificate files (*.pem *.crt *.cer)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="107" />
            <source>所有文件 (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="126" />
            <source>CA 证书文件不存在：{0}</source>
            <translation>The CA certificate file does not exist: {0}</translation>
        </message>
    </context>
    <context>
        <name>CalendarDaysField</name>
        <message>
            <location filename="../../desktop/ui/cases/case_fields.py" line="337" />
            <source> 日</source>
            <translation> days</translation>
        </message>
    </context>
    <context>
        <name>CaseForm</name>
        <message>
            <location filename="../../desktop/ui/cases/case_form.py" line="81" />
            <location filename="../../desktop/ui/cases/case_form.py" line="167" />
            <source>{0}：{1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_form.py" line="90" />
            <source>Ctrl+Enter 提交</source>
            <translation>Ctrl+Enter submits</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_form.py" line="191" />
            <source>放弃填写</source>
            <translation>Discard the form</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_form.py" line="192" />
            <source>已填写的内容尚未保存。确定放弃并关闭吗？</source>
            <translation>What you entered has not been saved. Discard it and close?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_form.py" line="193" />
            <source>放弃</source>
            <translation>Discard</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_form.py" line="194" />
            <source>继续填写</source>
            <translation>Keep editing</translation>
        </message>
    </context>
    <context>
        <name>CaseListModel</name>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="45" />
            <source>立案号</source>
            <translation>Case number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="46" />
            <source>当事人</source>
            <translation>Party</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="47" />
            <source>案由</source>
            <translation>Cause</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="48" />
            <source>办案单位</source>
            <translation>Handling unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="49" />
            <source>立案日期</source>
            <translation>Filed on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="50" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="51" />
            <source>决定期限</source>
            <translation>Decision deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="52" />
            <source>预警</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="53" />
            <source>线索编号</source>
            <translation>Clue code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="167" />
            <source>{0}（待同步）</source>
            <translation>{0} (to sync)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="182" />
            <source>已于 {0} 作出处罚决定（{1}），不再计算决定期限</source>
            <translation>Decided on {0} ({1}); the decision deadline no longer counts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="185" />
            <source>{0}，不再计算决定期限</source>
            <translation>{0}; the decision deadline no longer counts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="186" />
            <source>{warning}
决定期限 {deadline}，{countdown}</source>
            <translation>{warning}
Decision deadline {deadline}, {countdown}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="201" />
            <source>一级预警（黄色，●）：距决定期限不足 {0} 个工作日</source>
            <translation>Level 1 (yellow, ●): less than {0} working days to the decision deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="205" />
            <source>二级预警（橙色，▲）：已超过决定期限，请尽快作出决定或报批延期</source>
            <translation>Level 2 (orange, ▲): past the decision deadline; decide or ask for an extension soon</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="207" />
            <source>三级预警（红色，■）：超过决定期限 {0} 个工作日以上</source>
            <translation>Level 3 (red, ■): more than {0} working days past the decision deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_model.py" line="210" />
            <source>未预警</source>
            <translation>No warning</translation>
        </message>
    </context>
    <context>
        <name>CasePanel</name>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="103" />
            <source>立案…</source>
            <translation>File a case…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="117" />
            <source>本线索的处罚案件</source>
            <translation>This clue's penalty cases</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="120" />
            <source>本线索尚无处罚案件。发现违法行为的，可由有处罚权的单位立案。</source>
            <translation>This clue has no penalty case. Where a violation is found, a unit holding the power may file one.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="138" />
            <source>预览/打印决定书…</source>
            <translation>Preview/print the decision…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="194" />
            <source>无法读取本线索的处罚案件</source>
            <translation>Cannot read this clue's penalty cases</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="214" />
            <source>线索 {0} 的处罚案件：{1} 件</source>
            <translation>Penalty cases of clue {0}: {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="220" />
            <source>{0} · {1} · {2}</source>
            <translation>{0} · {1} · {2}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="261" />
            <source>请选择一条线索</source>
            <translation>Select a clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="263" />
            <source>正在读取…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="276" />
            <source>对本线索发现的违法行为立案查处</source>
            <translation>File a penalty case for the violation found on this clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="278" />
            <source>不能立案：{0}</source>
            <translation>Cannot file a case: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_panel.py" line="297" />
            <source>不能立案</source>
            <translation>Cannot file a case</translation>
        </message>
    </context>
    <context>
        <name>CaseSteps</name>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="53" />
            <source>当事人（名称、字号或姓名）</source>
            <translation>Party (name, trade name or person's name)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="54" />
            <source>统一社会信用代码</source>
            <translation>Unified social credit code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="55" />
            <source>法定代表人（负责人）</source>
            <translation>Legal representative (person in charge)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="56" />
            <source>经营者</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="57" />
            <source>身份证号码</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="58" />
            <source>住所（住址）</source>
            <translation>Domicile (residence)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="104" />
            <source>当事人类型</source>
            <translation>Party type</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="83" />
            <source>本案有操作尚未同步到市平台</source>
            <translation>This case has actions not yet synced to the city platform</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="91" />
            <source>案由</source>
            <translation>Cause</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="92" />
            <source>涉及法律</source>
            <translation>Law</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="93" />
            <source>当事人</source>
            <translation>Party</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="94" />
            <source>办案单位</source>
            <translation>Handling unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="95" />
            <source>执法人员</source>
            <translation>Officers</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="96" />
            <source>立案日期</source>
            <translation>Filed on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="97" />
            <source>处罚决定</source>
            <translation>Decision</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="98" />
            <source>延期</source>
            <translation>Extensions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="99" />
            <source>结案</source>
            <translation>Closing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="110" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="111" />
            <source>环节</source>
            <translation>Step</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="112" />
            <source>办理人</source>
            <translation>By</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="113" />
            <source>文书编号</source>
            <translation>Document number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="114" />
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="127" />
            <source>办案环节</source>
            <translation>Steps of the case</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="145" />
            <source>《{0}》</source>
            <translation>{0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="146" />
            <source>{0}（{1}）</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="147" />
            <source>，{0}</source>
            <translation>, {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="149" />
            <location filename="../../desktop/ui/cases/case_view.py" line="192" />
            <location filename="../../desktop/ui/cases/case_view.py" line="224" />
            <location filename="../../desktop/ui/cases/case_view.py" line="239" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="150" />
            <source>{0}（执法证号 {1}）</source>
            <translation>{0} (certificate {1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="154" />
            <location filename="../../desktop/ui/cases/case_view.py" line="240" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="155" />
            <source>{0} 日（{1} 批准：{2}）</source>
            <translation>{0} days (approved by {1}: {2})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="159" />
            <source>{0}，{1}</source>
            <translation>{0}, {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="174" />
            <source>尚未决定；已告知拟作出：{0}</source>
            <translation>Not decided yet; notified of: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="178" />
            <source>{number}（{day}）：{penalties}</source>
            <translation>{number} ({day}): {penalties}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="226" />
            <source>已告知听证权利</source>
            <translation>right to a hearing notified</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="230" />
            <source>申请听证</source>
            <translation>hearing requested</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="236" />
            <source>已缴纳 {0}</source>
            <translation>{0} paid</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="239" />
            <source>证据：{0}</source>
            <translation>Evidence: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="262" />
            <source>已于 {0} 作出处罚决定（在决定期限内）</source>
            <translation>Decided on {0} (within the deadline)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="264" />
            <source>已于 {0} 作出处罚决定（超过决定期限）</source>
            <translation>Decided on {0} (past the deadline)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="268" />
            <source>已结案，不再计算决定期限</source>
            <translation>Closed; the decision deadline no longer counts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="277" />
            <source>决定期限 {0}（{1}）</source>
            <translation>Decision deadline {0} ({1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="291" />
            <source>正常</source>
            <translation>Normal</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="292" />
            <source>一级预警（黄）</source>
            <translation>Level 1 (yellow)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="293" />
            <source>二级预警（橙）</source>
            <translation>Level 2 (orange)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_view.py" line="294" />
            <source>三级预警（红）</source>
            <translation>Level 3 (red)</translation>
        </message>
    </context>
    <context>
        <name>CasesView</name>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="43" />
            <source>全部预警</source>
            <translation>All warnings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="44" />
            <source>已预警（任一级）</source>
            <translation>Warned (any level)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="45" />
            <source>● 一级预警</source>
            <translation>● Level 1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="46" />
            <source>▲ 二级预警</source>
            <translation>▲ Level 2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="47" />
            <source>■ 三级预警</source>
            <translation>■ Level 3</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="48" />
            <source>未预警</source>
            <translation>No warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="91" />
            <source>全部状态</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="92" />
            <source>未决定（期限计算中）</source>
            <translation>Undecided (deadline running)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="97" />
            <source>全部办案单位</source>
            <translation>All handling units</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="107" />
            <source>立案日期</source>
            <translation>Filed on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="113" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="117" />
            <source>立案号、决定书文号、当事人、案由、线索编号</source>
            <translation>Case number, decision number, party, cause, clue code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="122" />
            <source>筛选：</source>
            <translation>Filter:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="150" />
            <source>处罚案件列表</source>
            <translation>Penalty cases</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="194" />
            <source>处罚案件清单</source>
            <translation>Penalty cases list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="194" />
            <source>处罚案件</source>
            <translation>Penalty cases</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="247" />
            <source>共 {0} 件</source>
            <translation>{0} cases</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="260" />
            <source>没有符合筛选条件的处罚案件。请放宽筛选条件。</source>
            <translation>No penalty case matches the filters. Try wider filters.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_list.py" line="261" />
            <source>暂无处罚案件。在线索的“处罚案件”页可对发现的违法行为立案。</source>
            <translation>No penalty cases yet. A case is filed from a clue's Penalty cases tab.</translation>
        </message>
    </context>
    <context>
        <name>CircularDialog</name>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="95" />
            <source>全市（各县区）</source>
            <translation>Citywide (all counties/districts)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="131" />
            <source>月度通报</source>
            <translation>Monthly Circular</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="142" />
            <source>（草稿，未编号）</source>
            <translation>(Draft, unnumbered)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="148" />
            <source>通报月份(&amp;M)：</source>
            <translation>&amp;Month:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="149" />
            <source>通报范围(&amp;R)：</source>
            <translation>&amp;Range:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="150" />
            <source>文号(&amp;N)：</source>
            <translation>Document &amp;number:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="151" />
            <source>成文日期(&amp;D)：</source>
            <translation>&amp;Date issued:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="153" />
            <source>表扬和批评（选择要点名的单位，可写一句说明）：</source>
            <translation>Praise and criticism (select units to name; you may add a one-line note):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="155" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="155" />
            <source>点名</source>
            <translation>Mention</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="155" />
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="172" />
            <source>预览(&amp;V)</source>
            <translation>Pre&amp;view</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="173" />
            <source>保存PDF(&amp;S)…</source>
            <translation>&amp;Save PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="174" />
            <source>导出Excel(&amp;E)…</source>
            <translation>&amp;Export to Excel…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="175" />
            <source>打印(&amp;P)…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="176" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="219" />
            <source>正在统计{0}的数据…</source>
            <translation>Compiling data for {0}…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="242" />
            <source>数据截至 {0} 同步</source>
            <translation>Data synced as of {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="244" />
            <source>本机数据尚未同步</source>
            <translation>Local data not yet synced</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="247" />
            <source>{title}：{rows} 个单位，综合得分第一：{first}；{synced}。</source>
            <translation>{title}: {rows} units, top overall score: {first}; {synced}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="258" />
            <source>无法统计通报数据：{0}</source>
            <translation>Cannot compile circular data: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="270" />
            <source>不点名</source>
            <translation>No mention</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="271" />
            <source>表扬</source>
            <translation>Praise</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="272" />
            <source>批评</source>
            <translation>Criticism</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="330" />
            <source>文号「{0}」无效，应写作 海攻坚通〔2026〕3号</source>
            <translation>Document number “{0}” is invalid; it should be in the form 海攻坚通〔2026〕3号</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="404" />
            <source>导出Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="408" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel Workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="425" />
            <source>正在写入 {0}…</source>
            <translation>Writing {0}…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="435" />
            <source>已保存：{0}</source>
            <translation>Saved: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/circular/dialog.py" line="441" />
            <source>无法保存：{0}</source>
            <translation>Cannot save: {0}</translation>
        </message>
    </context>
    <context>
        <name>ClauseEditDialog</name>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="185" />
            <source>修改条款</source>
            <translation>Edit clause</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="185" />
            <source>新增条款</source>
            <translation>New clause</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="189" />
            <source>法律名称</source>
            <translation>Law</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="190" />
            <source>条款（如 第一百零八条）</source>
            <translation>Article (e.g. 第一百零八条)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="191" />
            <source>条文</source>
            <translation>Text</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="200" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>ClauseField</name>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="348" />
            <source>从条款库选择…</source>
            <translation>Choose from the library…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="349" />
            <source>移除所选</source>
            <translation>Remove selected</translation>
        </message>
    </context>
    <context>
        <name>ClauseMapDialog</name>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="44" />
            <source>问题类型与法律条款对照表</source>
            <translation>Problem kinds and legal clauses</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="49" />
            <source>每行一种问题类型：起草通知书时选择问题类型，即引用其违反条款和责令改正依据。条款填写条款库中的编号（如 dqfz-45），多条用顿号分隔。</source>
            <translation>One problem kind per row: choosing it when drafting a notice cites its violated clauses and its basis for ordering correction. Enter clause ids from the clause library (e.g. dqfz-45), several separated by 、.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="58" />
            <source>问题类型</source>
            <translation>Problem kind</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="59" />
            <source>污染类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="60" />
            <source>违反条款</source>
            <translation>Violated clauses</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="61" />
            <source>罚则条款</source>
            <translation>Penalty clauses</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="62" />
            <source>责令改正依据</source>
            <translation>Basis for correction</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="63" />
            <source>识别关键词</source>
            <translation>Keywords</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="76" />
            <source>新增一行</source>
            <translation>Add row</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="77" />
            <source>删除所选行</source>
            <translation>Delete selected rows</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="85" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="97" />
            <source>（各类别通用）</source>
            <translation>(all categories)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="173" />
            <source>第 {0} 行</source>
            <translation>Row {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_map_dialog.py" line="176" />
            <source>{0}：{1}：{2}</source>
            <translation>{0}: {1}: {2}</translation>
        </message>
    </context>
    <context>
        <name>ClausePickerDialog</name>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="238" />
            <source>选择法律条款</source>
            <translation>Choose clauses</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="244" />
            <source>输入法律名称、条款或条文中的字词筛选</source>
            <translation>Type words of the law, article or text to filter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="262" />
            <source>新增条款…</source>
            <translation>New clause…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="263" />
            <source>修改所选条款…</source>
            <translation>Edit selected clause…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="271" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="277" />
            <source>已选 {0} 条</source>
            <translation>{0} chosen</translation>
        </message>
    </context>
    <context>
        <name>ClauseTableModel</name>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="105" />
            <source>法律</source>
            <translation>Law</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="105" />
            <source>条款</source>
            <translation>Article</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="105" />
            <source>条文</source>
            <translation>Text</translation>
        </message>
    </context>
    <context>
        <name>ClueDetailPanel</name>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="118" />
            <location filename="../../desktop/ui/clue_detail.py" line="130" />
            <location filename="../../desktop/ui/clue_detail.py" line="299" />
            <source>请选择一条线索</source>
            <translation>Select a clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="216" />
            <source>查看举报人…</source>
            <translation>Show reporter…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="219" />
            <source>举报人信息已由市平台脱敏；登记查看理由后可联网查看一次</source>
            <translation>The city platform masked the reporter's details; record a reason to view them once online</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="227" />
            <source>基本信息</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="229" />
            <source>办理记录</source>
            <translation>History</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="231" />
            <source>附件</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="233" />
            <source>整改文书</source>
            <translation>Notices</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="235" />
            <source>整改文书（{0}）</source>
            <translation>Notices ({0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="238" />
            <source>处罚案件</source>
            <translation>Penalty cases</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="241" />
            <source>处罚案件（{0}）</source>
            <translation>Penalty cases ({0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="246" />
            <source>预警记录</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="250" />
            <source>线索编号</source>
            <translation>Clue code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="251" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="252" />
            <source>举报途径</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="253" />
            <source>渠道编号</source>
            <translation>Channel reference</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="254" />
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="255" />
            <source>交办期限</source>
            <translation>Sender's deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="256" />
            <source>污染类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="257" />
            <source>紧急程度</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="258" />
            <source>所属县区</source>
            <translation>County</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="259" />
            <source>所属乡镇（街道）</source>
            <translation>Township (street)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="260" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="261" />
            <source>经纬度</source>
            <translation>Coordinates</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="262" />
            <source>被反映对象</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="263" />
            <source>统一社会信用代码</source>
            <translation>Credit code (USCC)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="264" />
            <source>举报人</source>
            <translation>Reporter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="265" />
            <source>举报人电话</source>
            <translation>Reporter's phone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="266" />
            <source>线索内容</source>
            <translation>Description</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="267" />
            <source>主办单位</source>
            <translation>Lead unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="268" />
            <source>协办单位</source>
            <translation>Assisting units</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="269" />
            <source>承办攻坚办</source>
            <translation>Owning office</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="270" />
            <source>登记单位</source>
            <translation>Registered by</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="271" />
            <source>登记时间</source>
            <translation>Registered</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="272" />
            <source>分办时间</source>
            <translation>Dispatched</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="273" />
            <source>签收时间</source>
            <translation>Signed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="274" />
            <source>反馈时间</source>
            <translation>Reported</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="275" />
            <source>办结时间</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="276" />
            <source>当前时限</source>
            <translation>Current deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="277" />
            <source>办理时限</source>
            <translation>Handling deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="278" />
            <source>延期</source>
            <translation>Extension</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="279" />
            <source>办理结果</source>
            <translation>Handling result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="280" />
            <source>核查结论</source>
            <translation>Finding</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="281" />
            <source>整改措施</source>
            <translation>Measures taken</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="282" />
            <source>回访结果</source>
            <translation>Callback result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="283" />
            <source>重复件原件</source>
            <translation>Original (of a duplicate)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="284" />
            <source>本机更新时间</source>
            <translation>Updated on this computer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="303" />
            <source>正在加载…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="328" />
            <source>无法读取该线索，请稍后重试</source>
            <translation>Cannot read this clue; please try again later</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="337" />
            <source>本机已没有该线索（可能已移出您的管辖范围）</source>
            <translation>This clue is no longer on this computer (it may have left your area)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="346" />
            <source>预警记录（{0}）</source>
            <translation>Warnings ({0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="365" />
            <source>{0}（临时编号，同步后由市平台分配正式编号）</source>
            <translation>{0} (provisional code; the city platform assigns the final code after sync)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="373" />
            <source>已延期 {0} 个工作日</source>
            <translation>Extended by {0} working days</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="376" />
            <source>申请延期 {0} 个工作日，待审批</source>
            <translation>Extension of {0} working days requested, awaiting approval</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="398" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="408" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="419" />
            <source>个人信息已脱敏</source>
            <translation>Personal data masked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="425" />
            <source>有 {0} 个操作待同步</source>
            <translation>{0} action(s) waiting to sync</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="430" />
            <source>有 {0} 个操作被市平台拒绝：{1}。请在“同步问题”中处理</source>
            <translation>{0} action(s) refused by the city platform: {1}. Please deal with them under “Sync problems”</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="438" />
            <source>办理记录（{0}）</source>
            <translation>History ({0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="439" />
            <source>附件（{0}）</source>
            <translation>Attachments ({0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="459" />
            <source>正常</source>
            <translation>Normal</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="460" />
            <source>一级预警（黄）</source>
            <translation>Level 1 warning (yellow)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="461" />
            <source>二级预警（橙）</source>
            <translation>Level 2 warning (orange)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="462" />
            <source>三级预警（红）</source>
            <translation>Level 3 warning (red)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="467" />
            <source>重复件，随原件 {0} 办结</source>
            <translation>Duplicate; closes with its original {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="471" />
            <source>时限 {0}（{1}）</source>
            <translation>Deadline {0} ({1})</translation>
        </message>
    </context>
    <context>
        <name>ClueRowMenu</name>
        <message>
            <location filename="../../desktop/ui/row_menu.py" line="57" />
            <source>复制编号</source>
            <translation>Copy code</translation>
        </message>
    </context>
    <context>
        <name>ClueWarningsPanel</name>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="215" />
            <location filename="../../desktop/ui/warning_record.py" line="233" />
            <source>预警记录</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="217" />
            <source>该线索没有预警记录：各环节都在时限内办理。</source>
            <translation>No warnings for this clue: every stage was handled within its time limit.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="234" />
            <source>线索 {0}</source>
            <translation>clue {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="235" />
            <source>预警记录_{0}</source>
            <translation>warning_record_{0}</translation>
        </message>
    </context>
    <context>
        <name>ColumnChooser</name>
        <message>
            <location filename="../../desktop/ui/column_chooser.py" line="49" />
            <source>显示全部列</source>
            <translation>Show all columns</translation>
        </message>
    </context>
    <context>
        <name>ConfirmAction</name>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="344" />
            <source>确定签收线索 {0} 吗？</source>
            <translation>Sign for clue {0}?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="346" />
            <source>签收后线索进入办理，须在 {0} 前办结并反馈。</source>
            <translation>Once signed, the clue must be handled and reported back before {0}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="351" />
            <source>确定对线索 {0} {1}吗？</source>
            <translation>Apply “{1}” to clue {0}?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="352" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="353" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="64" />
            <source>{month}月</source>
            <translation>Month {month}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="89" />
            <source>统计期间(&amp;Q)：</source>
            <translation>Statistics &amp;period:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="90" />
            <source>统计期间</source>
            <translation>Statistics period</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="96" />
            <source>重新计算</source>
            <translation>Recalculate</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="144" />
            <source>各单位统计</source>
            <translation>Statistics by unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="160" />
            <source>单位对比指标(&amp;F)：</source>
            <translation>Compare units by &amp;figure:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="186" />
            <source>单击数字、柱形或在表格中按 Enter，查看其背后的线索。带 {mark} 的数字来自平台的预警台账，本机的操作同步后才计入。</source>
            <translation>Click a number or bar, or press Enter in the table, to see the clues behind it. Numbers marked {mark} come from the platform's warning ledger; local actions are counted only after syncing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="209" />
            <source>{start} 至 {end}</source>
            <translation>{start} to {end}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="210" />
            <source>各单位线索办理统计</source>
            <translation>Clue handling by unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="210" />
            <source>线索办理统计</source>
            <translation>Clue handling statistics</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="251" />
            <source>正在计算 {start} 至 {end} 的统计数据…</source>
            <translation>Calculating statistics for {start} to {end}…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="274" />
            <source>无法计算统计数据，请稍后再试（详情见日志）。</source>
            <translation>Cannot calculate statistics. Please try again later (see the log for details).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="291" />
            <source>{note}（{count} 个操作待上传）</source>
            <translation>{note} ({count} actions pending upload)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="299" />
            <source>统计期间 {start} 至 {end}：受理 {received} 件，办结 {closed} 件。</source>
            <translation>Period {start} to {end}: {received} received, {closed} closed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="311" />
            <source>尚未同步</source>
            <translation>Not yet synced</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="313" />
            <source>数据截至 {moment} 同步</source>
            <translation>Data synced as of {moment}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="318" />
            <source>本机的操作都已同步。</source>
            <translation>All local actions have been synced.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="320" />
            <source>本机还有 {count} 个操作没有上传：带 {mark} 的数字在同步后才计入它们。</source>
            <translation>{count} local actions have not been uploaded yet: numbers marked {mark} will include them only after syncing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="355" />
            <source>各单位{figure}（最差的 {count} 个，全部见左表）</source>
            <translation>{figure} by unit (worst {count}; see the table on the left for all)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="359" />
            <source>各单位{figure}（最差的在上）</source>
            <translation>{figure} by unit (worst first)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="428" />
            <source>统计 {start} 至 {end}：{who}{figure} {count} 件</source>
            <translation>{start} to {end}: {who}{figure} {count}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/view.py" line="441" />
            <source>无法列出这些线索，请稍后再试（详情见日志）。</source>
            <translation>Cannot list these clues. Please try again later (see the log for details).</translation>
        </message>
    </context>
    <context>
        <name>DaysField</name>
        <message>
            <location filename="../../desktop/ui/forms/fields.py" line="216" />
            <source> 个工作日</source>
            <translation> working days</translation>
        </message>
    </context>
    <context>
        <name>DeadlineField</name>
        <message>
            <location filename="../../desktop/ui/forms/deadline.py" line="97" />
            <source>共 {0} 个工作日，交办单位要求 {1} 前办结</source>
            <translation>{0} working days in all; the sender requires it finished before {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/deadline.py" line="103" />
            <source>{0} 不是工作日，请另选一天</source>
            <translation>{0} is not a working day; please choose another day</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/deadline.py" line="108" />
            <source>共 {0} 个工作日，{1} 下班前办结</source>
            <translation>{0} working days in all; to be finished by the end of {1}</translation>
        </message>
    </context>
    <context>
        <name>DemoAccountDialog</name>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="318" />
            <source>选择演示账号</source>
            <translation>Choose a demo account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="322" />
            <source>乡镇（街道）办理人员：签收、办理、反馈本辖区的线索</source>
            <translation>Township (street) handler: signs for, handles and reports back on the clues of the area</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="323" />
            <source>职能部门办理人员：签收、办理交给本部门的线索</source>
            <translation>Department handler: signs for and handles the clues given to the department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="324" />
            <source>县区攻坚办：分办、审核、办结，审批延期</source>
            <translation>County tackling office: dispatches, reviews and closes clues, decides on extensions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="325" />
            <source>纪委监委：只读查看，关注三级预警</source>
            <translation>Discipline commission: read-only, watches level-3 warnings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="326" />
            <source>市攻坚办：全市的分办与审核</source>
            <translation>City tackling office: dispatch and review for the whole city</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="327" />
            <source>系统管理员</source>
            <translation>System administrator</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="329" />
            <source>演示平台在本机运行，所有账号的密码相同。请选择以哪个身份登录：</source>
            <translation>The demo platform runs on this computer and every account has the same password. Choose whom to sign in as:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="340" />
            <source>{0}（{1}）— {2}，{3}</source>
            <translation>{0} ({1}) — {2}, {3}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="359" />
            <source>进入演示</source>
            <translation>Start the demo</translation>
        </message>
    </context>
    <context>
        <name>DeviceKindBox</name>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="57" />
            <source>办公电脑</source>
            <translation>Office PC</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="58" />
            <source>外业笔记本</source>
            <translation>Field laptop</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="60" />
            <source>外业笔记本会带出办公室，平台可能要求加密其本机线索库。下次登录时生效。</source>
            <translation>A field laptop leaves the office: the platform may require its clue store to be encrypted. Takes effect at the next login.</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="63" />
            <location filename="../../desktop/ui/error_dialog.py" line="109" />
            <source>日志文件：{0}</source>
            <translation>Log file: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="64" />
            <source>（未启用）</source>
            <translation>(not enabled)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="78" />
            <source>cluedesk 遇到了一个内部错误，您的数据已保存在本机。</source>
            <translation>cluedesk ran into an internal error. Your data is saved on this computer.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="91" />
            <source>cluedesk 出现问题</source>
            <translation>cluedesk had a problem</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="102" />
            <source>您可以继续工作。如果问题反复出现，请退出后重新打开 cluedesk，并把日志文件交给技术支持人员。</source>
            <translation>You can go on working. If the problem comes back, quit and open cluedesk again, and give the log file to your technical support.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="111" />
            <source>本次运行没有写日志文件。</source>
            <translation>No log file is written in this run.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="119" />
            <source>打开日志文件夹(&amp;O)</source>
            <translation>&amp;Open log folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="121" />
            <source>复制详细信息(&amp;C)</source>
            <translation>&amp;Copy details</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="122" />
            <source>继续工作(&amp;G)</source>
            <translation>&amp;Go on working</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="123" />
            <source>退出 cluedesk(&amp;Q)</source>
            <translation>&amp;Quit cluedesk</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/error_dialog.py" line="148" />
            <source>此后又发生了 %n 次错误，均已写入日志。</source>
            <translation>
                <numerusform>%n more error happened since, written to the log.</numerusform>
                <numerusform>%n more errors happened since, all written to the log.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="167" />
            <source>已复制(&amp;C)</source>
            <translation>&amp;Copied</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="214" />
            <source>线程 {0}</source>
            <translation>thread {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="240" />
            <source>cluedesk：内部错误</source>
            <translation>cluedesk: internal error</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/error_dialog.py" line="241" />
            <source>cluedesk：内部错误，详见日志 {0}</source>
            <translation>cluedesk: internal error, see the log {0}</translation>
        </message>
    </context>
    <context>
        <name>FigureTile</name>
        <message>
            <location filename="../../desktop/ui/dashboard/tiles.py" line="105" />
            <source>{figure}：{value}</source>
            <translation>{figure}: {value}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/tiles.py" line="109" />
            <source>此数字来自平台的预警台账：本机尚未上传的操作，同步后才计入。</source>
            <translation>This number comes from the platform's warning ledger: local actions not yet uploaded are counted only after syncing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/tiles.py" line="110" />
            <source>单击或按空格键查看这些线索。</source>
            <translation>Click or press Space to see these clues.</translation>
        </message>
    </context>
    <context>
        <name>FilesField</name>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="42" />
            <source>添加照片或文件…</source>
            <translation>Add photos or files…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="51" />
            <source>选择照片或文件</source>
            <translation>Choose photos or files</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="55" />
            <source>照片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</source>
            <translation>Photos (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="56" />
            <source>所有文件 (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="105" />
            <source>无法读取</source>
            <translation>cannot be read</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="106" />
            <source>{0}（{1}）</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="110" />
            <source>移除</source>
            <translation>Remove</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="86" />
            <source>编号、当事人、地址或描述中的文字</source>
            <translation>Text in the code, subject, address or description</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="87" />
            <source>全部渠道</source>
            <translation>All channels</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="88" />
            <source>全部类别</source>
            <translation>All categories</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="89" />
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="92" />
            <source>全部县区</source>
            <translation>All counties</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="101" />
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="102" />
            <source>一级</source>
            <translation>Level 1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="103" />
            <source>二级</source>
            <translation>Level 2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="104" />
            <source>三级</source>
            <translation>Level 3</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="108" />
            <source>预警：{level}</source>
            <translation>Warning: {level}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="110" />
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="115" />
            <source>受理时间起</source>
            <translation>Received from</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="116" />
            <source>受理时间止</source>
            <translation>Received until</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="117" />
            <source>清除筛选</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="122" />
            <source>只显示这些线索；点击取消此筛选</source>
            <translation>Showing only these clues; click to remove this filter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="135" />
            <source>搜索(&amp;F)</source>
            <translation>&amp;Find</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="141" />
            <source>来源渠道(&amp;C)</source>
            <translation>&amp;Channel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="142" />
            <source>类别(&amp;T)</source>
            <translation>Ca&amp;tegory</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="143" />
            <source>紧急程度(&amp;P)</source>
            <translation>&amp;Priority</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="144" />
            <source>县区(&amp;X)</source>
            <translation>Count&amp;y</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="145" />
            <source>乡镇街道(&amp;Z)</source>
            <translation>Tow&amp;nship</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="148" />
            <source>预警</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="151" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="240" />
            <source>{caption}  ✕</source>
            <translation>{caption}  ✕</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="241" />
            <source>取消筛选：{caption}</source>
            <translation>Remove filter: {caption}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="336" />
            <source>全部乡镇街道</source>
            <translation>All townships and streets</translation>
        </message>
    </context>
    <context>
        <name>FixDialog</name>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="112" />
            <source>修改后重新发送</source>
            <translation>Correct and send again</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="115" />
            <source>{0} 的“{1}”被平台退回：{2}</source>
            <translation>“{1}” on {0} was refused by the platform: {2}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="141" />
            <source>这个操作没有可修改的内容，可直接重新发送。</source>
            <translation>This action has nothing to correct; it can be sent again as it is.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="146" />
            <source>重新发送</source>
            <translation>Send again</translation>
        </message>
    </context>
    <context>
        <name>FormBody</name>
        <message>
            <location filename="../../desktop/ui/forms/body.py" line="118" />
            <source>请修改「{0}」：{1}</source>
            <translation>Please correct “{0}”: {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/body.py" line="120" />
            <source>{0}：{1}</source>
            <translation>{0}: {1}</translation>
        </message>
    </context>
    <context>
        <name>FormButtons</name>
        <message>
            <location filename="../../desktop/ui/forms/buttons.py" line="19" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>GroupFiguresModel</name>
        <message>
            <location filename="../../desktop/ui/dashboard/unit_table.py" line="98" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/unit_table.py" line="131" />
            <source>{unit} {figure}：{value}（按 Enter 查看这些线索）</source>
            <translation>{unit} {figure}: {value} (press Enter to see these clues)</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="92" />
            <source>帮助</source>
            <translation>Help</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="99" />
            <source>使用指南</source>
            <translation>Guide</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="102" />
            <source>键盘快捷键：</source>
            <translation>Keyboard shortcuts:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="114" />
            <source>快捷键</source>
            <translation>Shortcuts</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../desktop/ui/intake_import/action.py" line="27" />
            <source>导入线索清单…</source>
            <translation>Import Clue List…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/action.py" line="38" />
            <source>本次导入的线索</source>
            <translation>Clues from this import</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="70" />
            <source>导入线索清单</source>
            <translation>Import Clue List</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="73" />
            <source>选择 .xlsx 或 .csv 清单文件</source>
            <translation>Choose an .xlsx or .csv list file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="74" />
            <source>选择文件(&amp;O)…</source>
            <translation>&amp;Open File…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="85" />
            <source>清单文件</source>
            <translation>List file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="86" />
            <source>举报途径</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="92" />
            <source>列对应关系（下次导入此途径的清单时沿用）</source>
            <translation>Column mapping (reused next time a list from this channel is imported)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="94" />
            <source>请选择清单文件。</source>
            <translation>Please choose a list file.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="111" />
            <source>导出报告(&amp;E)…</source>
            <translation>&amp;Export Report…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="115" />
            <location filename="../../desktop/ui/intake_import/dialog.py" line="268" />
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="120" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="144" />
            <source>选择线索清单</source>
            <translation>Choose Clue List</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="147" />
            <source>表格文件 (*.xlsx *.xlsm *.csv)</source>
            <translation>Spreadsheet files (*.xlsx *.xlsm *.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="147" />
            <source>所有文件 (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="162" />
            <source>正在读取 {0}…</source>
            <translation>Reading {0}…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="182" />
            <source>工作表“{0}”，</source>
            <translation>Sheet “{0}”: </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="184" />
            <source>{0}表头在第 {1} 行，数据 {2} 行。</source>
            <translation>{0}header on row {1}, {2} data rows.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="195" />
            <location filename="../../desktop/ui/intake_import/dialog.py" line="198" />
            <source>无法导入：{0}</source>
            <translation>Cannot import: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="233" />
            <source>正在检查…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="238" />
            <source>无法检查：{0}</source>
            <translation>Cannot check: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="247" />
            <source>已导入 {0} 行，将在下次同步时登记到市平台；拒绝 {1} 行，重复 {2} 行。</source>
            <translation>Imported {0} rows; they will be registered on the city platform at the next sync. Rejected {1} rows, {2} duplicates.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="250" />
            <source>共 {0} 行：可导入 {1} 行，拒绝 {2} 行，重复 {3} 行。</source>
            <translation>{0} rows: {1} importable, {2} rejected, {3} duplicates.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="255" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="256" />
            <source>请为必填字段选择列：{0}</source>
            <translation>Please choose columns for the required fields: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="268" />
            <source>导入 {0} 行</source>
            <translation>Import {0} rows</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="306" />
            <source>正在导入 %v / %m 行</source>
            <translation>Importing row %v of %m</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="337" />
            <source>清单</source>
            <translation>List</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="340" />
            <source>导出导入报告</source>
            <translation>Export Import Report</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="343" />
            <source>{0}_导入报告.xlsx</source>
            <translation>{0}_import_report.xlsx</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="344" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel Workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/dialog.py" line="362" />
            <source>报告已导出到 {0}。</source>
            <translation>Report exported to {0}.</translation>
        </message>
    </context>
    <context>
        <name>IssueSuggestionForm</name>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="36" />
            <source>发出建议</source>
            <translation>Issue Suggestion</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="38" />
            <source>向监督范围内的单位发出纪律检查建议、监察建议或督办函。不填涉及线索即针对该单位的整体工作。发出后主送单位在其“待答复的建议”中看到，并在答复期限内答复整改落实情况。</source>
            <translation>Issue a discipline inspection suggestion, supervision suggestion or urging letter to a unit under supervision. Leave related clues empty to address the unit's work as a whole. The recipient will see it under “Suggestions Awaiting Reply” and must report on rectification by the reply deadline.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="41" />
            <source>发出</source>
            <translation>Issue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="46" />
            <source>文书种类</source>
            <translation>Document type</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="50" />
            <source>文号</source>
            <translation>Document no.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="50" />
            <source>海纪建〔2026〕3号</source>
            <translation>海纪建〔2026〕3号</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="57" />
            <source>主送单位</source>
            <translation>Recipient</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="61" />
            <source>输入单位名称查找</source>
            <translation>Type a unit name to search</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="67" />
            <source>涉及线索</source>
            <translation>Related clues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="68" />
            <source>线索编号，多个用逗号分隔；不填即针对单位整体工作</source>
            <translation>Clue codes, comma-separated; leave empty for the unit's overall work</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="72" />
            <source>事由：</source>
            <translation>Subject:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="76" />
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="78" />
            <source>关于督促加强线索签收办理工作的纪律检查建议</source>
            <translation>Discipline inspection suggestion on improving the signing for and handling of clues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="82" />
            <source>发现的问题</source>
            <translation>Problems found</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="87" />
            <source>建议事项</source>
            <translation>Recommendations</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="90" />
            <source>每行一项</source>
            <translation>One per line</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="96" />
            <source>依据</source>
            <translation>Basis</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="98" />
            <source>《中华人民共和国监察法》第四十五条</source>
            <translation>Article 45 of the Supervision Law of the PRC</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="101" />
            <source>答复期限</source>
            <translation>Reply deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="122" />
            <source>单位整体工作</source>
            <translation>Unit's overall work</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="124" />
            <source>一条线索</source>
            <translation>One clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="126" />
            <source>{0} 条线索</source>
            <translation>{0} clues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="131" />
            <source>至少填写一项建议事项</source>
            <translation>Enter at least one recommendation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/issue_form.py" line="154" />
            <source>请选择主送单位</source>
            <translation>Select a recipient</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="151" />
            <source>登录市级平台</source>
            <translation>Sign in to the city platform</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="167" />
            <source>平台地址：</source>
            <translation>Platform address:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="168" />
            <source>用户名：</source>
            <translation>User name:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="169" />
            <source>密码：</source>
            <translation>Password:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="170" />
            <source>本机类型：</source>
            <translation>This computer:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="173" />
            <source>高级</source>
            <translation>Advanced</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="180" />
            <source>CA 证书：</source>
            <translation>CA certificate:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="194" />
            <source>登录</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="241" />
            <source>请填写用户名。</source>
            <translation>Please enter the user name.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="243" />
            <source>请填写密码。</source>
            <translation>Please enter the password.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="128" />
            <source>cluedesk 线索办理工作台 — {0}（{1}）</source>
            <translation>cluedesk clue desk — {0} ({1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="201" />
            <source>文件(&amp;L)</source>
            <translation>Fi&amp;le</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="204" />
            <source>办理(&amp;W)</source>
            <translation>&amp;Work</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="206" />
            <source>登记新线索…</source>
            <translation>Register a new clue…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="214" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="216" />
            <source>查看(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="217" />
            <source>查找线索</source>
            <translation>Find a clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="220" />
            <source>同步问题</source>
            <translation>Sync problems</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="225" />
            <source>处罚案件列表</source>
            <translation>Penalty cases</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="229" />
            <source>本线索的处罚案件</source>
            <translation>This clue's penalty cases</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="234" />
            <source>预警台账</source>
            <translation>Warning Ledger</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="238" />
            <source>本周红色预警</source>
            <translation>Red Warnings This Week</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="242" />
            <source>红色预警未消除</source>
            <translation>Uncleared Red Warnings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="247" />
            <source>统计看板</source>
            <translation>Statistics Dashboard</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="253" />
            <source>导出Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="257" />
            <source>打印列表…</source>
            <translation>Print list…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="262" />
            <source>月度通报…</source>
            <translation>Monthly Circular…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="267" />
            <source>同步(&amp;S)</source>
            <translation>&amp;Sync</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="268" />
            <source>立即同步</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="270" />
            <source>工具(&amp;O)</source>
            <translation>T&amp;ools</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="271" />
            <source>设置…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="273" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="275" />
            <source>使用帮助</source>
            <translation>Help</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="278" />
            <source>关于 cluedesk</source>
            <translation>About cluedesk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="291" />
            <source>问责记录</source>
            <translation>Accountability Records</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="295" />
            <source>单位考核</source>
            <translation>Unit assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="300" />
            <source>对本线索发出建议…</source>
            <translation>Issue Suggestion on This Clue…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="303" />
            <source>对本线索登记问责…</source>
            <translation>Register Accountability for This Clue…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="312" />
            <source>每周核查</source>
            <translation>Weekly Verification</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="755" />
            <source>需要重新登录</source>
            <translation>Please log in again</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="756" />
            <source>登录已过期或被注销。本机的操作都已保存，重新登录后会继续上传。</source>
            <translation>Your login expired or was revoked. Everything done on this computer is saved and will be uploaded after you log in again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="788" />
            <source>搜索框中：转到结果列表（Enter 亦可）</source>
            <translation>In the search box: go to the results (Enter too)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="789" />
            <source>线索列表中：转到该线索的第一个操作</source>
            <translation>In the clue list: go to the clue's first action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="792" />
            <source>线索操作菜单（菜单键亦可）</source>
            <translation>Clue action menu (Menu key too)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="793" />
            <source>列表中：导出Excel</source>
            <translation>In a list: export to Excel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="794" />
            <source>列表中：打印列表</source>
            <translation>In a list: print list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="913" />
            <source>关闭 cluedesk</source>
            <translation>Close cluedesk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="914" />
            <source>还有 {0} 个操作没有上传到平台。</source>
            <translation>{0} action(s) have not been sent to the platform yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="916" />
            <source>这些操作已保存在本机，不会丢失，下次打开并联网后会自动上传。现在关闭吗？</source>
            <translation>They are saved on this computer and will not be lost; they are sent automatically the next time cluedesk opens online. Close now?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="918" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="919" />
            <source>留下同步</source>
            <translation>Stay and sync</translation>
        </message>
    </context>
    <context>
        <name>MappingEditor</name>
        <message>
            <location filename="../../desktop/ui/intake_import/mapping_editor.py" line="34" />
            <source>{0} *</source>
            <translation>{0} *</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/mapping_editor.py" line="49" />
            <source>带 * 的字段必须对应文件中的一列</source>
            <translation>Fields marked * must be mapped to a column in the file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/mapping_editor.py" line="57" />
            <source>（不导入）</source>
            <translation>(Don't import)</translation>
        </message>
    </context>
    <context>
        <name>NavigationModel</name>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="178" />
            <source>同步问题</source>
            <translation>Sync problems</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="180" />
            <source>整改文书</source>
            <translation>Notices</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="182" />
            <source>处罚案件</source>
            <translation>Penalty cases</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="184" />
            <source>预警台账</source>
            <translation>Warning Ledger</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="186" />
            <source>建议与督办</source>
            <translation>Suggestions &amp; Urging</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="186" />
            <source>待答复的建议</source>
            <translation>Suggestions Awaiting Reply</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="188" />
            <source>问责记录</source>
            <translation>Accountability Records</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="190" />
            <source>红色预警</source>
            <translation>Red warnings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="192" />
            <source>单位考核</source>
            <translation>Unit assessment</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="194" />
            <source>每周核查</source>
            <translation>Weekly Verification</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="196" />
            <source>统计看板</source>
            <translation>Statistics Dashboard</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="203" />
            <source>我的待办</source>
            <translation>My tasks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="204" />
            <source>辖区线索</source>
            <translation>Clues of the area</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="205" />
            <source>纪委监委</source>
            <translation>Discipline commission</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="206" />
            <source>预警与文书</source>
            <translation>Warnings and notices</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="207" />
            <source>查询</source>
            <translation>Look up</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="236" />
            <source>{name}：{count} 条</source>
            <translation>{name}: {count}</translation>
        </message>
    </context>
    <context>
        <name>NavigationPanel</name>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="337" />
            <source>线索队列</source>
            <translation>Clue queues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="448" />
            <source>无法统计各队列的线索数量，请稍后再试。</source>
            <translation>Cannot count the clues of the queues; please try again later.</translation>
        </message>
    </context>
    <context>
        <name>NoticeActionDialog</name>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="70" />
            <source>{0}：{1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="102" />
            <source>签发后占用本机编号段中的下一个文书编号，内容不能再修改。</source>
            <translation>Issuing takes the next document number of this device's block; the content can no longer be changed. </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="104" />
            <source>本机尚有 {0} 年文书编号 {1} 个。</source>
            <translation>This device holds {1} document numbers for {0}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="106" />
            <source>本机没有可用的 {0} 年文书编号，请先联网同步领取编号段。</source>
            <translation>This device holds no document number for {0}; sync online first to receive a block.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="108" />
            <source>签发时间</source>
            <translation>Issued at</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="112" />
            <source>送达后，整改期限自送达之日起重新计算。留置送达须有见证人。</source>
            <translation>After service the rectification period counts from the day of service. Service left at the premises needs a witness.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="116" />
            <source>送达方式</source>
            <translation>Method of service</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="122" />
            <source>送达时间</source>
            <translation>Served at</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="123" />
            <source>送达地点</source>
            <translation>Place of service</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="125" />
            <source>受送达人（签收人）</source>
            <translation>Recipient (who signed)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="127" />
            <source>与当事人关系</source>
            <translation>Relation to the party</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="129" />
            <source>如：法定代表人、负责人、员工</source>
            <translation>e.g. legal representative, person in charge, employee</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="130" />
            <source>见证人（留置送达必填）</source>
            <translation>Witness (required when left at the premises)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="133" />
            <source>送达人（每行一名）</source>
            <translation>Servers (one per line)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="135" />
            <source>直接送达一般应由两名送达人送达</source>
            <translation>Direct service is normally made by two servers</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="146" />
            <source>整改期限：{0}。期限届满后方可认定逾期未整改。</source>
            <translation>Rectification deadline: {0}. Not rectified can only be found once it has passed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="154" />
            <source>复查结论</source>
            <translation>Finding</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="157" />
            <source>请选择已整改或逾期未整改</source>
            <translation>Choose rectified or not rectified</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="160" />
            <source>复查时间</source>
            <translation>Re-inspected at</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="161" />
            <source>复查情况</source>
            <translation>Re-inspection notes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="164" />
            <source>复查认定逾期未整改，记录行政处罚案件的立案情况。</source>
            <translation>The re-inspection found the notice not rectified: record the administrative penalty case.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="165" />
            <source>立案编号</source>
            <translation>Case number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="167" />
            <source>立案日期</source>
            <translation>Filed on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="171" />
            <source>案件 {0} 于 {1} 立案。</source>
            <translation>Case {0} was filed on {1}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="177" />
            <source>结案日期</source>
            <translation>Concluded on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="178" />
            <source>结案情况</source>
            <translation>Outcome of the case</translation>
        </message>
    </context>
    <context>
        <name>NoticeActions</name>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="242" />
            <source>逾期未整改</source>
            <translation>Not rectified</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="244" />
            <source>复查认定「{0}」逾期未整改。是否现在记录行政处罚立案？</source>
            <translation>The re-inspection found “{0}” not rectified. Record the administrative penalty case now?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="249" />
            <source>记录立案…</source>
            <translation>Record the case…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="252" />
            <source>以后再说</source>
            <translation>Later</translation>
        </message>
    </context>
    <context>
        <name>NoticeErrors</name>
        <message>
            <location filename="../../desktop/ui/notices/errors.py" line="34" />
            <source>字符“{0}”（U+{1:04X}）无法用文书字体打印，请改用常用字或在设置中换用字体</source>
            <translation>The character “{0}” (U+{1:04X}) cannot be printed with the document fonts; use a common character or choose other fonts in the settings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/errors.py" line="58" />
            <source>无法写入文件：{0}</source>
            <translation>Cannot write the file: {0}</translation>
        </message>
    </context>
    <context>
        <name>NoticeForm</name>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="53" />
            <source>当事人（名称、字号或姓名）</source>
            <translation>Party (name, trade name or person's name)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="54" />
            <source>统一社会信用代码</source>
            <translation>Unified social credit code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="55" />
            <source>经营者</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="56" />
            <source>身份证号码</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="57" />
            <source>地址（住所、经营场所或住址）</source>
            <translation>Address (domicile, premises or residence)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="58" />
            <source>法定代表人（负责人）</source>
            <translation>Legal representative (person in charge)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="59" />
            <source>违法事实（现场检查发现的情况）</source>
            <translation>Facts (what the on-site inspection found)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="78" />
            <source>书面报告要求</source>
            <translation>Written report required</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="79" />
            <source>逾期不改正的后果</source>
            <translation>Consequences of not rectifying</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="80" />
            <source>行政复议机关（60日内）</source>
            <translation>Administrative review body (within 60 days)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="81" />
            <source>行政诉讼法院（6个月内）</source>
            <translation>Court for litigation (within 6 months)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="82" />
            <source>签发机关</source>
            <translation>Issuing authority</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="83" />
            <source>联系人</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="84" />
            <source>联系电话</source>
            <translation>Contact phone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="123" />
            <source>起草通知书：线索 {0}</source>
            <translation>Draft a notice: clue {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="125" />
            <source>修改通知书草稿：线索 {0}</source>
            <translation>Edit the draft notice: clue {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="130" />
            <source>已根据线索 {0} 预填当事人、地址和违法事实，请核对后保存为草稿。</source>
            <translation>The party, address and facts were filled in from clue {0}; check them and save the draft. </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="131" />
            <location filename="../../desktop/ui/notices/notice_form.py" line="133" />
            <source>带 * 的项签发前必须填写。</source>
            <translation>Fields marked * must be filled in before issuing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="138" />
            <source>文书种类</source>
            <translation>Document</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="148" />
            <source>当事人类型</source>
            <translation>Party type</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="160" />
            <source>证据（每行一项）</source>
            <translation>Evidence (one per line)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="160" />
            <source>如：现场检查笔录</source>
            <translation>e.g. on-site inspection record</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="166" />
            <source>问题类型</source>
            <translation>Problem kind</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="166" />
            <source>（未选择）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="169" />
            <source>编辑问题类型对照表…</source>
            <translation>Edit problem kinds…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="177" />
            <source>违反的法律条款</source>
            <translation>Clauses violated</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="185" />
            <source>责令改正的法律依据（本机关执行的法律条款）</source>
            <translation>Legal basis for ordering correction (clauses this authority enforces)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="191" />
            <source>责令改正的内容</source>
            <translation>Correction ordered</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="193" />
            <source>整改期限</source>
            <translation>Rectification period</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="203" />
            <source>保存草稿</source>
            <translation>Save draft</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="246" />
            <source>（非本机关职权，移送）</source>
            <translation>(not this authority's power: transfer)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="323" />
            <source>不能起草通知书</source>
            <translation>Cannot draft a notice</translation>
        </message>
    </context>
    <context>
        <name>NoticeLinksField</name>
        <message>
            <location filename="../../desktop/ui/cases/case_fields.py" line="277" />
            <source>{0}（{1}）</source>
            <translation>{0} ({1})</translation>
        </message>
    </context>
    <context>
        <name>NoticeListModel</name>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="45" />
            <source>文书编号</source>
            <translation>Number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="46" />
            <source>文书种类</source>
            <translation>Document</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="47" />
            <source>当事人</source>
            <translation>Party</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="48" />
            <source>线索编号</source>
            <translation>Clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="49" />
            <source>跟进状态</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="50" />
            <source>预警</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="51" />
            <source>整改剩余时限</source>
            <translation>Time left</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="52" />
            <source>整改期限</source>
            <translation>Rectification deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="53" />
            <source>签发单位</source>
            <translation>Issuing unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="54" />
            <source>签发时间</source>
            <translation>Issued</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="55" />
            <source>送达时间</source>
            <translation>Served</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="128" />
            <source>（草稿，未编号）</source>
            <translation>(draft, no number)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="137" />
            <source>{0}（待同步）</source>
            <translation>{0} (not yet synced)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="163" />
            <source>尚未签发，整改期限自签发或送达之日起计算</source>
            <translation>Not issued yet: the rectification period counts from issue or service</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="165" />
            <source>{0}，不再计算整改期限</source>
            <translation>{0}: the rectification deadline no longer counts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="166" />
            <source>{warning}
整改期限 {deadline}，{countdown}</source>
            <translation>{warning}
Rectification deadline {deadline}, {countdown}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="183" />
            <source>一级预警（黄色，●）：距整改期限不足 {0} 个工作日</source>
            <translation>Level 1 warning (yellow, ●): less than {0} working day(s) to the rectification deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="187" />
            <source>二级预警（橙色，▲）：已超过整改期限，请及时复查</source>
            <translation>Level 2 warning (orange, ▲): the rectification deadline has passed; re-inspect soon</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="189" />
            <source>三级预警（红色，■）：超过整改期限 {0} 个工作日以上</source>
            <translation>Level 3 warning (red, ■): more than {0} working days past the rectification deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="192" />
            <source>未预警</source>
            <translation>No warning</translation>
        </message>
    </context>
    <context>
        <name>NoticePanel</name>
        <message>
            <location filename="../../desktop/ui/notices/notice_panel.py" line="45" />
            <source>起草通知书…</source>
            <translation>Draft a notice…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_panel.py" line="75" />
            <source>请选择一条线索</source>
            <translation>Select a clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_panel.py" line="82" />
            <source>根据线索内容起草整改通知书</source>
            <translation>Draft a rectification notice from the clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_panel.py" line="86" />
            <source>线索 {0} 的通知书：{1} 份</source>
            <translation>Notices of clue {0}: {1}</translation>
        </message>
    </context>
    <context>
        <name>NoticePreview</name>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="84" />
            <source>另存为PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="85" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="132" />
            <source>文书预览：{0}</source>
            <translation>Preview: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="137" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="138" />
            <source>另存为PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="139" />
            <source>放大</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="140" />
            <source>缩小</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="141" />
            <source>适合宽度</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="194" />
            <source>正在生成文书…</source>
            <translation>Rendering the document…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="205" />
            <source>生成的文书无法读取</source>
            <translation>The rendered document cannot be read</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="209" />
            <source>共 {0} 页</source>
            <translation>{0} page(s)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="214" />
            <source>无法生成文书：{0}</source>
            <translation>Cannot render the document: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="259" />
            <source>正在发送到打印机…</source>
            <translation>Sending to the printer…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="287" />
            <source>已保存到 {0}</source>
            <translation>Saved to {0}</translation>
        </message>
    </context>
    <context>
        <name>NoticePrintJobs</name>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="55" />
            <source>打印未完成（已发送 {0}/{1} 份）：{2}</source>
            <translation>Printing stopped ({0} of {1} sent): {2}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="59" />
            <source>已取消打印：已发送 {0}/{1} 份</source>
            <translation>Printing cancelled: {0} of {1} sent</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="62" />
            <source>已发送打印 {0} 份</source>
            <translation>Sent {0} to the printer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="66" />
            <source>保存未完成（已保存 {0}/{1} 份）：{2}</source>
            <translation>Saving stopped ({0} of {1} saved): {2}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="70" />
            <source>已取消保存：已保存 {0}/{1} 份</source>
            <translation>Saving cancelled: {0} of {1} saved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="73" />
            <source>已保存 {0} 份</source>
            <translation>Saved {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/print_jobs.py" line="91" />
            <source>打印文书</source>
            <translation>Print documents</translation>
        </message>
    </context>
    <context>
        <name>NoticePrinting</name>
        <message>
            <location filename="../../desktop/ui/notices/printing.py" line="84" />
            <source>无法调用系统打印服务：{0}</source>
            <translation>Cannot call the system's print service: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/printing.py" line="91" />
            <source>打印机“{0}”拒绝了打印任务：{1}</source>
            <translation>The printer “{0}” refused the job: {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/printing.py" line="114" />
            <source>本机没有可以打印PDF的程序，或打印机不可用：{0}</source>
            <translation>No program on this computer can print PDF, or the printer is unavailable: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/printing.py" line="146" />
            <source>无法读取文书文件“{0}”</source>
            <translation>Cannot read the document file “{0}”</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/printing.py" line="165" />
            <source>打印机无法开始打印任务</source>
            <translation>The printer cannot start the job</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/printing.py" line="169" />
            <source>打印机无法换页</source>
            <translation>The printer cannot start a new page</translation>
        </message>
    </context>
    <context>
        <name>NoticeRendering</name>
        <message>
            <location filename="../../desktop/ui/notices/rendering.py" line="62" />
            <source>本机已没有这份通知书（可能已被移出管辖范围）</source>
            <translation>This device no longer holds the notice (it may have left your area)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/rendering.py" line="76" />
            <source>{0}（草稿）</source>
            <translation>{0} (draft)</translation>
        </message>
    </context>
    <context>
        <name>NoticeWorkbench</name>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="70" />
            <source>选择保存文书的文件夹</source>
            <translation>Choose a folder for the documents</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="149" />
            <source>立案…</source>
            <translation>File a case…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="151" />
            <source>以这份逾期未整改的通知书立案（行政处罚案件）</source>
            <translation>File a penalty case on this notice found not rectified</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="155" />
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="156" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="157" />
            <source>另存为PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="184" />
            <source>线索 {0}</source>
            <translation>clue {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="185" />
            <source>文书清单</source>
            <translation>Documents list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="185" />
            <source>文书</source>
            <translation>Documents</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="228" />
            <source>{0}，{1}</source>
            <translation>{0}, {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="229" />
            <source>当事人：{0}</source>
            <translation>Party: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="232" />
            <source>整改期限：{0}</source>
            <translation>Rectification deadline: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="235" />
            <source>{0}：{1}，签收人 {2}</source>
            <translation>{0}: {1}, received by {2}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="243" />
            <source>复查：{0}，{1}</source>
            <translation>Re-inspection: {0}, {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="248" />
            <source>立案编号：{0}</source>
            <translation>Case number: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="250" />
            <source>结案情况：{0}</source>
            <translation>Outcome: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="251" />
            <source>；</source>
            <translation>; </translation>
        </message>
    </context>
    <context>
        <name>NoticesView</name>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="24" />
            <source>跟进中（已签发、已送达）</source>
            <translation>Following (issued, served)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="25" />
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="26" />
            <source>草稿</source>
            <translation>Drafts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="27" />
            <source>已整改</source>
            <translation>Rectified</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="28" />
            <source>逾期未整改</source>
            <translation>Not rectified</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="29" />
            <source>立案查处</source>
            <translation>Penalty cases</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="54" />
            <source>跟进状态：</source>
            <translation>Follow-up:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="74" />
            <source>共 {0} 份</source>
            <translation>{0} notice(s)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="85" />
            <source>文书清单</source>
            <translation>Documents list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="85" />
            <source>文书</source>
            <translation>Documents</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="52" />
            <source>新的待办线索</source>
            <translation>New tasks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="54" />
            <source>线索 {0} 等待您办理。</source>
            <translation>Clue {0} is waiting for you.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="56" />
            <source>{0} 条新线索等待您办理，例如 {1}。</source>
            <translation>{0} new clues are waiting for you, e.g. {1}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="64" />
            <location filename="../../desktop/ui/notifications.py" line="78" />
            <source>超期预警</source>
            <translation>Overdue warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="66" />
            <source>线索 {0} 已升为{1}，纪委监委将介入督办。</source>
            <translation>Clue {0} rose to {1}; the discipline commission will step in.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="70" />
            <source>线索 {0} 已升为{1}。</source>
            <translation>Clue {0} rose to {1}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="79" />
            <source>另有 {0} 条线索的预警升级，最高为{1}，例如 {2}。</source>
            <translation>{0} more clues rose in warning level, up to {1}, e.g. {2}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="87" />
            <source>新的红色预警</source>
            <translation>New red warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="89" />
            <source>线索 {0} 已达到三级预警（红），已列入本机关督办范围。</source>
            <translation>Clue {0} has reached a level-3 (red) warning and is now under this office's supervision.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="93" />
            <source>{0} 条线索新达到三级预警（红），例如 {1}。点击查看预警台账。</source>
            <translation>{0} clues newly reached a level-3 (red) warning, e.g. {1}. Click to view the warning ledger.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="171" />
            <source>cluedesk 线索办理工作台</source>
            <translation>cluedesk clue desk</translation>
        </message>
    </context>
    <context>
        <name>OfficersField</name>
        <message>
            <location filename="../../desktop/ui/cases/case_fields.py" line="57" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_fields.py" line="57" />
            <source>执法证号</source>
            <translation>Certificate number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_fields.py" line="69" />
            <source>添加执法人员</source>
            <translation>Add officer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_fields.py" line="70" />
            <source>删除所选</source>
            <translation>Delete selected</translation>
        </message>
    </context>
    <context>
        <name>OptionalDateTimeField</name>
        <message>
            <location filename="../../desktop/ui/forms/fields.py" line="272" />
            <source>指定</source>
            <translation>Set</translation>
        </message>
    </context>
    <context>
        <name>PenaltiesField</name>
        <message>
            <location filename="../../desktop/ui/cases/case_fields.py" line="193" />
            <source>添加处罚种类</source>
            <translation>Add penalty</translation>
        </message>
    </context>
    <context>
        <name>PenaltyRow</name>
        <message>
            <location filename="../../desktop/ui/cases/case_fields.py" line="144" />
            <source>金额（元）</source>
            <translation>Amount (yuan)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_fields.py" line="147" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_fields.py" line="148" />
            <source>删除这项处罚</source>
            <translation>Delete this penalty</translation>
        </message>
    </context>
    <context>
        <name>PeriodPicker</name>
        <message>
            <location filename="../../desktop/ui/period_picker.py" line="41" />
            <source>本月</source>
            <translation>This month</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/period_picker.py" line="42" />
            <source>上月</source>
            <translation>Last month</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/period_picker.py" line="43" />
            <source>本季度</source>
            <translation>This quarter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/period_picker.py" line="44" />
            <source>本年</source>
            <translation>This year</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/period_picker.py" line="45" />
            <source>自定义</source>
            <translation>Custom</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/period_picker.py" line="48" />
            <source>{0}起</source>
            <translation>{0} from</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/period_picker.py" line="49" />
            <source>{0}止</source>
            <translation>{0} to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/period_picker.py" line="54" />
            <source>至</source>
            <translation>to</translation>
        </message>
    </context>
    <context>
        <name>PersonsField</name>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="46" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="46" />
            <source>职务</source>
            <translation>Position</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="52" />
            <source>添加责任人</source>
            <translation>Add Person</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/accountability_form.py" line="54" />
            <source>移除所选</source>
            <translation>Remove Selected</translation>
        </message>
    </context>
    <context>
        <name>PlanDialog</name>
        <message>
            <location filename="../../desktop/ui/verification/plan_dialog.py" line="71" />
            <source>抽样方案</source>
            <translation>Sample Plan</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/plan_dialog.py" line="76" />
            <source>每个承办单位从本周办结的线索中抽取：填数字为件数（如 5），填百分比为比例（如 20%）。单位内按来源渠道分层抽取；有线索的单位至少抽取 1 件。</source>
            <translation>Draw from each handling unit's clues closed this week: enter a number for a count (e.g. 5) or a percentage for a proportion (e.g. 20%). Within a unit the draw is stratified by source channel; units with clues get at least 1 drawn.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/plan_dialog.py" line="80" />
            <source>默认抽取</source>
            <translation>Default draw</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/plan_dialog.py" line="84" />
            <source>单独设定（留空则按默认）：</source>
            <translation>Per-unit settings (leave blank to use the default):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/plan_dialog.py" line="88" />
            <source>承办单位</source>
            <translation>Handling unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/plan_dialog.py" line="88" />
            <source>抽取</source>
            <translation>Draw</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/plan_dialog.py" line="106" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/plan_dialog.py" line="128" />
            <source>请填写件数（如 5）或比例（如 20%）</source>
            <translation>Enter a count (e.g. 5) or a proportion (e.g. 20%)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/plan_dialog.py" line="141" />
            <source>「{0}」的抽取数量无法识别：请填写件数（如 5）或比例（如 20%）</source>
            <translation>Draw size for “{0}” not recognized: enter a count (e.g. 5) or a proportion (e.g. 20%)</translation>
        </message>
    </context>
    <context>
        <name>PlatformCheck</name>
        <message>
            <location filename="../../desktop/ui/platform_check.py" line="84" />
            <source>无法打开窗口：本机缺少 Qt 图形界面（X11/xcb 平台插件）所需的系统库 {0}。
请先安装（Debian/Ubuntu/统信UOS/麒麟）：
    {1}
然后再启动 cluedesk。</source>
            <translation>Cannot open the window: this computer lacks the system libraries {0} that Qt's graphical interface (the X11/xcb platform plugin) needs.
Install them first (Debian/Ubuntu/UOS/Kylin):
    {1}
then start cluedesk again.</translation>
        </message>
    </context>
    <context>
        <name>ProblemsModel</name>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="55" />
            <source>线索编号</source>
            <translation>Clue code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="56" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="57" />
            <source>操作时间</source>
            <translation>When</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="58" />
            <source>平台的理由</source>
            <translation>Platform's reason</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="59" />
            <source>尝试次数</source>
            <translation>Attempts</translation>
        </message>
    </context>
    <context>
        <name>QueueExport</name>
        <message>
            <location filename="../../desktop/ui/queue_export.py" line="43" />
            <source>线索清单</source>
            <translation>Clue list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_export.py" line="44" />
            <source>线索</source>
            <translation>Clues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_export.py" line="47" />
            <source>{0}线索清单</source>
            <translation>{0} clue list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_export.py" line="53" />
            <source>指定的 {0} 条线索</source>
            <translation>{0} given clues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_export.py" line="65" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_export.py" line="68" />
            <source>无预警</source>
            <translation>no warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_export.py" line="76" />
            <source>受理时间 {0} 至 {1}</source>
            <translation>received {0} to {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_export.py" line="80" />
            <source>搜索：{0}</source>
            <translation>search: {0}</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="86" />
            <source>编号</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="87" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="88" />
            <source>预警</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="89" />
            <source>剩余时限</source>
            <translation>Time left</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="90" />
            <source>办理期限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="91" />
            <source>来源渠道</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="92" />
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="93" />
            <source>紧急程度</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="94" />
            <source>县区</source>
            <translation>County</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="95" />
            <source>承办单位</source>
            <translation>Lead unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="96" />
            <source>被反映对象</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="97" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="98" />
            <source>内容摘要</source>
            <translation>Summary</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="99" />
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="113" />
            <source>一级预警</source>
            <translation>Level 1 warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="114" />
            <source>二级预警</source>
            <translation>Level 2 warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="115" />
            <source>三级预警</source>
            <translation>Level 3 warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="622" />
            <source>单击按此列排序，再次单击反向排序</source>
            <translation>Click to sort by this column, click again to reverse</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="623" />
            <source>此列不能排序</source>
            <translation>This column cannot be sorted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="699" />
            <source>一级预警（黄色，●）：距办理期限不足 {days} 个工作日</source>
            <translation>Level 1 warning (yellow, ●): less than {days} working day(s) to the deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="703" />
            <source>二级预警（橙色，▲）：已超过办理期限</source>
            <translation>Level 2 warning (orange, ▲): past the deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="706" />
            <source>三级预警（红色，■）：超过办理期限 {days} 个工作日以上，纪委监委介入</source>
            <translation>Level 3 warning (red, ■): more than {days} working days past the deadline; the discipline commission steps in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="708" />
            <source>未预警</source>
            <translation>No warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="713" />
            <source>当前环节没有办理期限</source>
            <translation>This stage has no deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="714" />
            <source>{warning}
{countdown}（办理期限 {deadline}）</source>
            <translation>{warning}
{countdown} (deadline {deadline})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="723" />
            <source>渠道编号：{0}</source>
            <translation>Channel reference: {0}</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <location filename="../../desktop/ui/queue_view.py" line="110" />
            <source>线索列表</source>
            <translation>Clues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_view.py" line="133" />
            <source>没有符合条件的线索</source>
            <translation>No clues match</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_view.py" line="159" />
            <source>下一条线索</source>
            <translation>Next clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_view.py" line="161" />
            <source>上一条线索</source>
            <translation>Previous clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_view.py" line="163" />
            <source>线索操作菜单</source>
            <translation>Clue action menu</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_view.py" line="362" />
            <source>共 {count} 条</source>
            <translation>{count} in all</translation>
        </message>
    </context>
    <context>
        <name>RecordForm</name>
        <message>
            <location filename="../../desktop/ui/supervision/record_form.py" line="85" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/record_form.py" line="94" />
            <source>：</source>
            <translation>: </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/record_form.py" line="129" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/record_form.py" line="130" />
            <source>再想想</source>
            <translation>Not Yet</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="69" />
            <source>线索库已损坏</source>
            <translation>The clue store is damaged</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="74" />
            <source>本机线索库文件 {0} 已损坏，无法打开。cluedesk 没有改动它：恢复时会把它改名保留在数据目录中，不会删除。</source>
            <translation>The clue store file {0} on this computer is damaged and cannot be opened. cluedesk has not changed it: a restore renames it and keeps it in the data folder; it is never deleted.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="79" />
            <source>本机在备份之后尚未上传的操作：{0} 条（从损坏的文件中能读出的会保留）</source>
            <translation>Actions made on this computer after the backup and not yet uploaded: {0} (those that can still be read from the damaged file are kept)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="82" />
            <source>最近的可用备份：{0}（{1}）</source>
            <translation>Latest usable backup: {0} ({1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="86" />
            <source>恢复后将重新与平台同步，备份之后在平台上发生的变化会重新下载；</source>
            <translation>After the restore the store syncs with the platform again; what changed on the platform after the backup is downloaded again;</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="89" />
            <source>没有找到可用的备份。</source>
            <translation>No usable backup was found.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="91" />
            <source>可以新建线索库并从平台重新下载线索（需要重新登录）；本机尚未上传的操作：{0} 条（从损坏的文件中能读出的会保留）</source>
            <translation>A new clue store can be made and the clues downloaded from the platform again (you will need to log in again); actions on this computer not yet uploaded: {0} (those that can still be read from the damaged file are kept)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="99" />
            <source>附件文件不在备份中，需要时会从平台重新下载。</source>
            <translation>Attachment files are not in the backup; they are downloaded from the platform again when needed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="101" />
            <source>损坏的文件中有部分内容无法读取，其中的操作可能无法全部取回。</source>
            <translation>Parts of the damaged file cannot be read; not every action in it may be recovered.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="109" />
            <source>恢复最近的备份并重新同步</source>
            <translation>Restore the latest backup and resync</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="111" />
            <source>新建线索库并重新同步</source>
            <translation>Make a new clue store and resync</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="112" />
            <source>选择其他备份…</source>
            <translation>Choose another backup…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="113" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="126" />
            <source>每日备份</source>
            <translation>daily backup</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="127" />
            <source>升级前备份</source>
            <translation>backup before an upgrade</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="128" />
            <source>手动备份</source>
            <translation>manual backup</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="129" />
            <source>恢复前保存的线索库</source>
            <translation>store saved before a restore</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="151" />
            <source>选择要恢复的备份</source>
            <translation>Choose the backup to restore</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="154" />
            <source>线索库备份 (*.sqlite3)</source>
            <translation>Clue store backups (*.sqlite3)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/recovery_dialog.py" line="154" />
            <source>所有文件 (*)</source>
            <translation>All files (*)</translation>
        </message>
    </context>
    <context>
        <name>RectifyPeriodField</name>
        <message>
            <location filename="../../desktop/ui/notices/fields.py" line="128" />
            <source>限期</source>
            <translation>Within</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/fields.py" line="131" />
            <source> 个工作日内</source>
            <translation> working days</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/fields.py" line="132" />
            <source>截止日期</source>
            <translation>By date</translation>
        </message>
    </context>
    <context>
        <name>RegisterDialog</name>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="80" />
            <source>登记新线索</source>
            <translation>Register a new clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="84" />
            <source>登记后线索先使用临时编号，同步到市平台后由平台分配正式编号。</source>
            <translation>A new clue has a provisional code until it is synced; then the city platform assigns its final code.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="88" />
            <source>举报途径</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="97" />
            <source>渠道编号</source>
            <translation>Channel reference</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="98" />
            <source>如 12345 工单号、信访件编号，可不填</source>
            <translation>e.g. the 12345 work-order or petition number; optional</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="101" />
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="105" />
            <source>交办期限</source>
            <translation>Sender's deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="107" />
            <source>交办单位要求在此前办结</source>
            <translation>The sender requires it finished before</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="113" />
            <source>污染类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="116" />
            <location filename="../../desktop/ui/register_dialog.py" line="137" />
            <source>请选择</source>
            <translation>Please choose</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="122" />
            <source>紧急程度</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="133" />
            <source>所属县区</source>
            <translation>County</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="142" />
            <source>所属乡镇（街道）</source>
            <translation>Township (street)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="146" />
            <source>被反映对象</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="150" />
            <source>统一社会信用代码</source>
            <translation>Credit code (USCC)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="151" />
            <source>18 位，可不填</source>
            <translation>18 characters, optional</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="154" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="155" />
            <source>线索内容</source>
            <translation>Description</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="156" />
            <source>举报人</source>
            <translation>Reporter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="160" />
            <source>举报人电话</source>
            <translation>Reporter's phone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="161" />
            <source>手机或带区号的固定电话，可不填</source>
            <translation>Mobile or landline with area code, optional</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="164" />
            <source>纬度</source>
            <translation>Latitude</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="165" />
            <source>经度</source>
            <translation>Longitude</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="166" />
            <source>照片和文件</source>
            <translation>Photos and files</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="170" />
            <location filename="../../desktop/ui/register_dialog.py" line="220" />
            <source>登记</source>
            <translation>Register</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="179" />
            <source>（不指定）</source>
            <translation>(not specified)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="202" />
            <source>线索已登记</source>
            <translation>Clue registered</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="203" />
            <source>线索已登记，临时编号为 {0}。</source>
            <translation>The clue is registered with the provisional code {0}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="205" />
            <source>同步到市平台后，平台将分配正式线索编号，临时编号随之替换。</source>
            <translation>After sync, the city platform assigns the final clue code, which replaces the provisional one.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="220" />
            <source>正在保存…</source>
            <translation>Saving…</translation>
        </message>
    </context>
    <context>
        <name>ReplyForm</name>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="34" />
            <source>答复建议：{0}</source>
            <translation>Reply to suggestion: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="36" />
            <source>填写整改落实情况并附佐证材料。答复先保存在本机，联网同步后送达纪委监委；纪委监委可采纳或退回重新答复。</source>
            <translation>Describe the rectification carried out and attach supporting evidence. The reply is saved on this computer first and delivered to the commission after syncing; the commission may accept it or send it back for a new reply.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="39" />
            <source>提交答复</source>
            <translation>Submit Reply</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="44" />
            <source>整改落实情况</source>
            <translation>Rectification status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="46" />
            <source>佐证材料</source>
            <translation>Supporting evidence</translation>
        </message>
    </context>
    <context>
        <name>ResetDeadlineForm</name>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="143" />
            <source>重设答复时限：{0}</source>
            <translation>Reset reply deadline: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="144" />
            <source>新的答复期限自今日起按工作日计算。</source>
            <translation>The new reply deadline is counted in working days from today.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="145" />
            <source>重设</source>
            <translation>Reset</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="149" />
            <source>答复期限</source>
            <translation>Reply deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="152" />
            <source>说明</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>RevealDialog</name>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="43" />
            <source>需要登录</source>
            <translation>Login required</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="64" />
            <source>查看举报人 — {0}</source>
            <translation>Show reporter — {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="68" />
            <source>线索 {0} 的举报人信息已由市平台脱敏。查看须登记理由：理由记入平台审计日志，并在线索办理记录中告知承办攻坚办。查看须联网，结果只在本窗口显示，不保存在本机。</source>
            <translation>The city platform masked the reporter of clue {0}. Viewing requires a reason: it is written to the platform's audit log and shown to the dispatching office in the clue's history. Viewing needs a connection; the result is shown only in this window and not saved on this computer.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="78" />
            <source>例如：核查该线索办理中是否存在敷衍应付问题，需向举报人了解情况</source>
            <translation>e.g. checking whether the clue was handled perfunctorily requires asking the reporter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="83" />
            <source>查看理由(&amp;R)：</source>
            <translation>&amp;Reason:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="93" />
            <source>举报人：</source>
            <translation>Reporter:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="94" />
            <source>举报人电话：</source>
            <translation>Reporter's phone:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="103" />
            <location filename="../../desktop/ui/reporter_reveal.py" line="175" />
            <source>登记理由并查看</source>
            <translation>Record reason and show</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="105" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="122" />
            <source>理由不能超过 {0} 个字</source>
            <translation>The reason may not exceed {0} characters</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="125" />
            <source>理由至少 {0} 个字（已输入 {1} 个字）</source>
            <translation>The reason needs at least {0} characters ({1} entered)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="130" />
            <source>（登记理由后显示）</source>
            <translation>(shown after the reason is recorded)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="146" />
            <source>本机未连接市平台（离线使用），无法查看举报人：查看须联网并登录市平台</source>
            <translation>This computer is not connected to the city platform (offline use): viewing the reporter requires a connection and a login</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="152" />
            <source>正在查询…</source>
            <translation>Querying…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="167" />
            <source>已登记</source>
            <translation>Recorded</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="182" />
            <source>无法连接市平台，查看举报人须联网：{0}</source>
            <translation>Cannot reach the city platform; viewing the reporter requires a connection: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="184" />
            <source>登录已失效：请先同步并重新登录，再查看举报人</source>
            <translation>The login has expired: sync and log in again before viewing the reporter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="186" />
            <source>市平台拒绝查看：{0}</source>
            <translation>The city platform refused: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="188" />
            <source>查看举报人没有成功：{0}</source>
            <translation>Viewing the reporter failed: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/reporter_reveal.py" line="190" />
            <source>查看举报人没有成功：程序内部出错，请稍后重试</source>
            <translation>Viewing the reporter failed: internal error, please try again later</translation>
        </message>
    </context>
    <context>
        <name>RoleGuide</name>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="38" />
            <source>乡镇（街道）、部门经办人</source>
            <translation>Township, street or department clerk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="39" />
            <source>乡镇（街道）、部门负责人</source>
            <translation>Township, street or department head</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="40" />
            <source>区县攻坚办（分办、审核）</source>
            <translation>County office (dispatch and review)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="41" />
            <source>市攻坚办（调度、督办）</source>
            <translation>City office (coordination and urging)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="42" />
            <source>纪委监委（监督）</source>
            <translation>Discipline commission (supervision)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="48" />
            <source>每天开始：按 F5 同步，看左侧「我的待办」各队列的数字；红色、橙色、黄色的行是三级、二级、一级预警，先办。</source>
            <translation>Start of the day: press F5 to sync and look at the counts of the queues under My tasks on the left; red, orange and yellow rows are level 3, 2 and 1 warnings: handle them first.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="53" />
            <source>离线也能办：所有操作先保存在本机，联网后自动上传；被平台拒绝的操作在状态栏和「同步问题」中列出，逐条处理。</source>
            <translation>Offline works too: every action is saved on this computer first and uploaded once online; actions the platform refused are shown in the status bar and listed under Sync problems, to handle one by one.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="59" />
            <source>「待签收」：选中线索，签收（Ctrl+Shift+S）；不属于本单位的，退回并写明理由。</source>
            <translation>To sign: select the clue and sign for it (Ctrl+Shift+S); return one that is not your unit's, with the reason.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="63" />
            <source>「办理中」：到现场核查后，反馈（Ctrl+Shift+R）核查结论、整改措施并附现场照片；需要整改的，在「整改文书」中下达整改通知书并打印。</source>
            <translation>Handling: after the site check, report (Ctrl+Shift+R) the finding and the measures with photos from the site; where rectification is needed, issue a rectification notice under Notices and print it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="68" />
            <source>时限不够：申请延期（Ctrl+Shift+E），写明理由和需要的工作日。</source>
            <translation>Not enough time: request an extension (Ctrl+Shift+E) with the reason and the working days needed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="71" />
            <source>被驳回或退回的线索回到「办理中」，面板顶部的横幅写明理由，补正后再次反馈。</source>
            <translation>A rejected or returned clue comes back to Handling with a banner at the top of the panel giving the reason; correct it and report again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="76" />
            <source>「待审签」：经办人的反馈在上报前由您审签：通过（Ctrl+Shift+G）或退回经办人（Ctrl+Shift+K）并写明要补充的内容。</source>
            <translation>To sign off: your clerks' reports wait for your sign-off before they go up: approve (Ctrl+Shift+G) or send back to the clerk (Ctrl+Shift+K) saying what to add.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="86" />
            <source>「待分办」：新登记和被退回的线索。分办（Ctrl+Shift+D）给主办单位，需要时加协办单位；不属于本区县的，退回市级（Ctrl+Shift+C）。</source>
            <translation>To dispatch: newly registered and returned clues. Dispatch (Ctrl+Shift+D) to a lead unit, adding assisting units where needed; return one that is not your county's to the city (Ctrl+Shift+C).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="91" />
            <source>「待审核」：审核通过（Ctrl+Shift+A）即办结；材料不足的驳回（Ctrl+Shift+J），理由会显示在承办单位的线索上方。</source>
            <translation>To review: approving (Ctrl+Shift+A) closes the clue; reject (Ctrl+Shift+J) a report that lacks evidence, and the reason shows above the clue at the handling unit.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="96" />
            <source>「预警」：逾期的线索可以督办（Ctrl+Shift+U）；延期申请在线索面板中批准或不批准。</source>
            <translation>Warnings: urge overdue clues (Ctrl+Shift+U); approve or deny extension requests in the clue panel.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="100" />
            <source>现场发现的问题：登记新线索（Ctrl+Shift+N）。</source>
            <translation>A problem found in the field: register a new clue (Ctrl+Shift+N).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="105" />
            <source>「待分办」：市级受理的线索分办给区县攻坚办或市级部门；区县退回的线索转办给其他区县（Ctrl+Shift+T）或提级办理（Ctrl+Shift+O）。</source>
            <translation>To dispatch: clues received by the city go to a county office or a city department; a clue a county returned is transferred to another county (Ctrl+Shift+T) or taken over by the city (Ctrl+Shift+O).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="110" />
            <source>「预警」：全市逾期线索，三级预警的先督办；督办（Ctrl+Shift+U）留下记录，承办单位可见。</source>
            <translation>Warnings: the city's overdue clues, level 3 first; an urge (Ctrl+Shift+U) leaves a record the handling unit sees.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="114" />
            <source>「待审核」：市级承办线索的反馈在此审核。</source>
            <translation>To review: reports on the clues the city owns are reviewed here.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="119" />
            <source>「红色预警」：本辖区达到三级预警、仍未消除的线索；同步后有新的红色预警会提醒您。「预警台账」（Ctrl+Alt+Y）可按单位、环节、等级和期间查询全部预警记录。</source>
            <translation>“Red warnings”: your area's clues at level 3 that have not cleared; you are told of new ones after a sync. The “Warning record” (Ctrl+Alt+Y) finds every warning by unit, stage, level and period.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="124" />
            <source>「建议与督办」（Ctrl+Alt+S）：向承办单位发出纪律检查建议、监察建议或督办函（线索面板中 Ctrl+Alt+J），限期答复；收到答复后采纳或退回。</source>
            <translation>“Suggestions and urging letters” (Ctrl+Alt+S): send a unit a discipline inspection suggestion, a supervision suggestion or an urging letter (Ctrl+Alt+J in the clue pane) with a reply deadline; accept the reply or send it back.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="129" />
            <source>「问责记录」（Ctrl+Alt+Q）：对三级预警线索或未按期答复的建议登记问责；「单位考核」查看各单位使用平台的情况，数字可点开查看背后的线索。</source>
            <translation>“Accountability records” (Ctrl+Alt+Q): record accountability for a level-3 clue or a suggestion not answered in time; the “Unit assessment” shows how each unit uses the platform, every figure opening the clues behind it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="134" />
            <source>线索只读：可查看完整的办理记录、附件和整改文书；举报人信息已脱敏，确需查看须登记理由。</source>
            <translation>Clues are read-only: you see their whole history, attachments and notices; reporters are masked, and viewing one requires a recorded reason.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="149" />
            <source>您的日常工作：{0}</source>
            <translation>Your daily work: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/role_guide.py" line="152" />
            <source>快捷键的完整列表在「快捷键」页；数据和日志的位置在「帮助 → 关于」。</source>
            <translation>The full list of keys is on the Shortcuts page; where the data and the log are is under Help → About.</translation>
        </message>
    </context>
    <context>
        <name>RowReportModel</name>
        <message>
            <location filename="../../desktop/ui/intake_import/report_model.py" line="30" />
            <source>行号</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/report_model.py" line="31" />
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/report_model.py" line="32" />
            <source>渠道编号</source>
            <translation>Channel reference</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/report_model.py" line="33" />
            <source>字段</source>
            <translation>Field</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/report_model.py" line="34" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/report_model.py" line="35" />
            <source>线索编号</source>
            <translation>Clue number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/report_model.py" line="38" />
            <source>可导入</source>
            <translation>Importable</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/report_model.py" line="39" />
            <source>拒绝</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/intake_import/report_model.py" line="40" />
            <source>重复</source>
            <translation>Duplicate</translation>
        </message>
    </context>
    <context>
        <name>SendBackForm</name>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="103" />
            <source>退回重新答复：{0}</source>
            <translation>Send back for new reply: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="104" />
            <source>写明退回的理由，主送单位据此重新答复。可同时重设答复期限。</source>
            <translation>State the reason for sending it back; the recipient will reply again accordingly. You can also reset the reply deadline.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="105" />
            <source>退回</source>
            <translation>Send Back</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="110" />
            <source>退回理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="112" />
            <source>重设答复期限（自今日起计算）</source>
            <translation>Reset reply deadline (counted from today)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_forms.py" line="114" />
            <source>新的答复期限</source>
            <translation>New reply deadline</translation>
        </message>
    </context>
    <context>
        <name>SentBackBanner</name>
        <message>
            <location filename="../../desktop/ui/banner.py" line="28" />
            <source>退回提示</source>
            <translation>Sent back</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/banner.py" line="57" />
            <source>{unit}（{person}）</source>
            <translation>{unit} ({person})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/banner.py" line="58" />
            <source>未写明原因</source>
            <translation>no reason given</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/banner.py" line="59" />
            <source>{sender} {time} {action}：{reason}</source>
            <translation>{sender} {time} {action}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <location filename="../../desktop/ui/settings.py" line="71" />
            <source>请填写平台地址。</source>
            <translation>Please enter the platform address.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" line="75" />
            <source>平台地址应以 http:// 或 https:// 开头，例如 https://hb.example.gov.cn。</source>
            <translation>The platform address must start with http:// or https://, e.g. https://hb.example.gov.cn.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" line="80" />
            <source>平台地址中缺少服务器名称，或含有空格。</source>
            <translation>The platform address lacks a server name or contains spaces.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="111" />
            <location filename="../../desktop/ui/settings_dialog.py" line="244" />
            <source>界面语言</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="113" />
            <source>界面语言将在重新启动 cluedesk 后生效。</source>
            <translation>The interface language takes effect after cluedesk restarts.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="116" />
            <source>现在重新启动吗？未上传的操作保存在本机，重新启动后继续同步。</source>
            <translation>Restart now? Actions not yet uploaded are kept on this computer and sync after the restart.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="121" />
            <source>立即重启</source>
            <translation>Restart now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="125" />
            <source>稍后</source>
            <translation>Later</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="171" />
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="180" />
            <source>本数据目录已绑定此平台；连接其他平台请用另一个数据目录（--data-dir）。</source>
            <translation>This data folder is bound to this platform; to connect to another platform use another data folder (--data-dir).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="187" />
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="189" />
            <source>市级平台</source>
            <translation>City platform</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="191" />
            <source>平台地址：</source>
            <translation>Platform address:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="192" />
            <source>CA 证书：</source>
            <translation>CA certificate:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="193" />
            <source>自动同步间隔：</source>
            <translation>Sync automatically every:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="195" />
            <source>本机类型：</source>
            <translation>This computer:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="205" />
            <source>办公时间</source>
            <translation>Office hours</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="207" />
            <source>上午：</source>
            <translation>Morning:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="208" />
            <source>下午：</source>
            <translation>Afternoon:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="211" />
            <source>办公时间以市级平台发布的时限规则为准（计算期限和倒计时都按它），在此不能修改；平台调整后，下次同步即生效。</source>
            <translation>Office hours follow the time-limit rules the city platform publishes (deadlines and countdowns use them) and cannot be changed here; a change on the platform applies at the next sync.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="215" />
            <source>尚未从市级平台收到时限规则，暂按这里的办公时间计算期限和倒计时。</source>
            <translation>No time-limit rules have come from the city platform yet; deadlines and countdowns use the office hours here until then.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="223" />
            <source>显示桌面通知</source>
            <translation>Show desktop notifications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="225" />
            <source>有新的待办线索时</source>
            <translation>When new clues wait for me</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="227" />
            <source>我的线索预警升级时</source>
            <translation>When the warning level of my clues rises</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="231" />
            <source>通知</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="242" />
            <source>更改语言后需重新启动 cluedesk 才能生效，保存时可立即重启。</source>
            <translation>A new language takes effect after cluedesk restarts; you can restart right away when saving.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="250" />
            <source>优先使用正式公文字体（仿宋、黑体、楷体、宋体），没有时用内置字体</source>
            <translation>Prefer the official document fonts (FangSong, HeiTi, KaiTi, SongTi); use the bundled fonts where they are missing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="256" />
            <source>留空则在系统字体文件夹中查找</source>
            <translation>Leave empty to look in the system font folders</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="257" />
            <source>打印字体</source>
            <translation>Print fonts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="260" />
            <source>字体文件夹：</source>
            <translation>Font folder:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="290" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="304" />
            <source>上午的下班时间必须晚于上班时间。</source>
            <translation>The morning must end after it starts.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="306" />
            <source>下午的下班时间必须晚于上班时间。</source>
            <translation>The afternoon must end after it starts.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="308" />
            <source>下午的上班时间不能早于上午的下班时间。</source>
            <translation>The afternoon cannot start before the morning ends.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="326" />
            <source>字体文件夹不存在：{0}</source>
            <translation>The font folder does not exist: {0}</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsModel</name>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="62" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="62" />
            <source>快捷键</source>
            <translation>Shortcut</translation>
        </message>
    </context>
    <context>
        <name>SingleInstance</name>
        <message>
            <location filename="../../desktop/ui/single_instance.py" line="49" />
            <source>数据目录 {0} 正由另一台计算机（{1}）上的 cluedesk 使用。请先在那台计算机上关闭 cluedesk，或用 --data-dir 指定本机的数据目录。</source>
            <translation>The data folder {0} is in use by cluedesk on another computer ({1}). Close cluedesk there first, or choose a data folder of this computer with --data-dir.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/single_instance.py" line="56" />
            <source>数据目录 {0} 正由另一个 cluedesk 窗口（进程 {1}）使用，但它没有响应。请切换到那个窗口；如果它已无响应，请结束该进程后再启动。</source>
            <translation>The data folder {0} is in use by another cluedesk window (process {1}), which does not answer. Switch to that window; if it has stopped responding, end the process and start again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/single_instance.py" line="62" />
            <source>数据目录 {0} 正由另一个 cluedesk 窗口使用，但它没有响应。请切换到那个窗口；如果它已无响应，请结束该进程后再启动。</source>
            <translation>The data folder {0} is in use by another cluedesk window, which does not answer. Switch to that window; if it has stopped responding, end the process and start again.</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="../../desktop/ui/app.py" line="102" />
            <location filename="../../desktop/ui/startup.py" line="528" />
            <source>无法启动</source>
            <translation>Cannot start</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="141" />
            <source>正在按市级平台的要求加密本机线索库和附件，请勿关闭电脑……</source>
            <translation>Encrypting this computer's clue store and attachments as the city platform requires; do not turn the computer off…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="143" />
            <source>正在打开本机线索库……</source>
            <translation>Opening the clue store on this computer…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="179" />
            <source>线索库已损坏，正在查找可用的备份……</source>
            <translation>The clue store is damaged; looking for a usable backup…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="200" />
            <source>正在恢复线索库……</source>
            <translation>Restoring the clue store…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="225" />
            <source>没有恢复</source>
            <translation>Not restored</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="226" />
            <source>没有恢复线索库：{0}</source>
            <translation>The clue store was not restored: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="249" />
            <source>程序内部出错，详细信息已写入日志，已保存的数据不受影响。</source>
            <translation>An internal error happened; the details are in the log, and the saved data is not affected.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="263" />
            <source>正在启动演示平台（首次运行需生成演示城市）……</source>
            <translation>Starting the demo platform (the first run builds the demo city)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="322" />
            <source>正在登录 {0}……</source>
            <translation>Signing in to {0}…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="344" />
            <source>演示账号登录失败：{0}</source>
            <translation>The demo account could not sign in: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="346" />
            <source>登录失败：{0}</source>
            <translation>Sign-in failed: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="351" />
            <source>正在从平台下载线索……</source>
            <translation>Downloading clues from the platform…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="366" />
            <source>首次同步没有完成：{0}</source>
            <translation>The first sync did not finish: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="381" />
            <source>本机线索库中没有用户 {0} 的资料，请联网后重新登录同步。</source>
            <translation>The clue store on this computer has no record of the user {0}; go online, log in again and sync.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="410" />
            <source>本机已被平台停用，本机上的线索数据和登录信息已清除。如有疑问请联系本单位管理员。</source>
            <translation>The platform has revoked this computer. The clue data and login details on it have been erased. If you have questions, contact your office's administrator.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="412" />
            <source>本机已停用</source>
            <translation>This computer is revoked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="436" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="438" />
            <source>以下文件未能删除，请关闭本程序后手动删除：{0}</source>
            <translation>These files could not be deleted; close this program and delete them by hand: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="453" />
            <source>正在备份本机线索库……</source>
            <translation>Backing up the local clue store…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="458" />
            <source>本机线索库已备份</source>
            <translation>Local clue store backed up</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="463" />
            <source>今天的自动备份没有完成，详细信息已写入日志</source>
            <translation>Today's automatic backup did not finish; the details are in the log</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="505" />
            <source>cluedesk 线索办理工作台</source>
            <translation>cluedesk clue desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="513" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>SuggestionDetailDialog</name>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="102" />
            <source>建议内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="106" />
            <source>涉及线索</source>
            <translation>Related clues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="109" />
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="114" />
            <source>答复</source>
            <translation>Replies</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="109" />
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="118" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="109" />
            <source>答复人</source>
            <translation>Replied by</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="118" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="118" />
            <source>用户</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="118" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="118" />
            <source>说明</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="123" />
            <source>历史</source>
            <translation>History</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="133" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="137" />
            <source>打印/另存为PDF…</source>
            <translation>Print/Save as PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="141" />
            <source>登记问责…</source>
            <translation>Register Accountability…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="154" />
            <source>本机没有这份建议</source>
            <translation>This suggestion is not on this computer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="157" />
            <source>{0}：{1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="161" />
            <source>{text}

依据：{basis}</source>
            <translation>{text}

Basis: {basis}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="175" />
            <source>{0}（{1}）</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="178" />
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="253" />
            <source>{0}（待同步）</source>
            <translation>{0} (pending sync)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="180" />
            <source>文书种类</source>
            <translation>Document type</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="181" />
            <source>文号</source>
            <translation>Document no.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="182" />
            <source>发出单位</source>
            <translation>Issued by</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="183" />
            <source>主送单位</source>
            <translation>Recipient</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="184" />
            <source>发出时间</source>
            <translation>Issued</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="185" />
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="195" />
            <source>答复期限</source>
            <translation>Reply deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="186" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="189" />
            <source>审核意见</source>
            <translation>Review comments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="197" />
            <source>：</source>
            <translation>: </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="202" />
            <source>针对单位整体工作，未关联具体线索</source>
            <translation>Addresses the unit's overall work; no specific clues linked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="212" />
            <source>{0}（本机没有）</source>
            <translation>{0} (not on this computer)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="216" />
            <source>双击打开线索</source>
            <translation>Double-click to open the clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="222" />
            <source>（逾期答复）</source>
            <translation> (late)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="225" />
            <source>第 {0} 次答复{1}：{2}</source>
            <translation>Reply {0}{1}: {2}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="232" />
            <source>附件：{0}</source>
            <translation>Attachment: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="234" />
            <source>双击打开</source>
            <translation>Double-click to open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="239" />
            <source>尚未答复</source>
            <translation>No reply yet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="274" />
            <source>答复（整改落实情况）…</source>
            <translation>Reply (Rectification Status)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="275" />
            <source>采纳答复…</source>
            <translation>Accept Reply…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="276" />
            <source>退回重新答复…</source>
            <translation>Send Back for New Reply…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="277" />
            <source>重设答复时限…</source>
            <translation>Reset Reply Deadline…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="307" />
            <source>已保存在本机，同步后送达平台。</source>
            <translation>Saved on this computer; it will reach the platform after syncing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="333" />
            <source>附件“{0}”尚未下载到本机，同步后再打开。</source>
            <translation>Attachment “{0}” has not been downloaded yet. Open it after syncing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_detail.py" line="338" />
            <source>已打开附件“{0}”。</source>
            <translation>Opened attachment “{0}”.</translation>
        </message>
    </context>
    <context>
        <name>SuggestionListDialog</name>
        <message>
            <location filename="../../desktop/ui/assessment/suggestion_list.py" line="46" />
            <source>文号</source>
            <translation>Number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/suggestion_list.py" line="47" />
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/suggestion_list.py" line="48" />
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/suggestion_list.py" line="49" />
            <source>主送单位</source>
            <translation>Addressed to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/suggestion_list.py" line="50" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/suggestion_list.py" line="51" />
            <source>发出日期</source>
            <translation>Issued</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/suggestion_list.py" line="52" />
            <source>答复期限</source>
            <translation>Reply due</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/suggestion_list.py" line="53" />
            <source>首次答复</source>
            <translation>First reply</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/suggestion_list.py" line="71" />
            <source>未答复</source>
            <translation>Not answered</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/suggestion_list.py" line="78" />
            <source>建议清单</source>
            <translation>Suggestions list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/assessment/suggestion_list.py" line="78" />
            <source>建议</source>
            <translation>Suggestions</translation>
        </message>
    </context>
    <context>
        <name>SuggestionListModel</name>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="38" />
            <source>文号</source>
            <translation>Document no.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="39" />
            <source>文书种类</source>
            <translation>Document type</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="40" />
            <source>主送单位</source>
            <translation>Recipient</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="41" />
            <source>涉及</source>
            <translation>Related to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="42" />
            <source>发出时间</source>
            <translation>Issued</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="43" />
            <source>答复期限</source>
            <translation>Reply deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="44" />
            <source>剩余时限</source>
            <translation>Time left</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="45" />
            <source>预警</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="46" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="134" />
            <source>整体工作</source>
            <translation>Overall work</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="137" />
            <source>{0} 条线索</source>
            <translation>{0} clue(s)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="160" />
            <source>{0}（答复逾期）</source>
            <translation>{0} (reply overdue)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="161" />
            <source>{0}（待同步）</source>
            <translation>{0} (pending sync)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="175" />
            <source>{0}，不再计算答复期限</source>
            <translation>{0}; reply deadline no longer counted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestion_model.py" line="176" />
            <source>答复期限 {deadline}，{countdown}</source>
            <translation>Reply due {deadline}, {countdown}</translation>
        </message>
    </context>
    <context>
        <name>SuggestionPrinting</name>
        <message>
            <location filename="../../desktop/ui/supervision/printing.py" line="30" />
            <source>本机已没有这份建议</source>
            <translation>This suggestion is no longer on this computer</translation>
        </message>
    </context>
    <context>
        <name>SuggestionsView</name>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="66" />
            <source>全部种类</source>
            <translation>All types</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="71" />
            <source>全部状态</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="72" />
            <source>待答复（已发出、已退回）</source>
            <translation>Awaiting reply (issued, sent back)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="77" />
            <source>全部主送单位</source>
            <translation>All recipients</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="84" />
            <source>答复逾期</source>
            <translation>Reply overdue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="87" />
            <source>发出建议…</source>
            <translation>Issue Suggestion…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="91" />
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="94" />
            <source>筛选：</source>
            <translation>Filter:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="116" />
            <source>建议列表</source>
            <translation>Suggestions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="149" />
            <source>建议与督办清单</source>
            <translation>Suggestions and supervision letters list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="149" />
            <source>建议与督办</source>
            <translation>Suggestions and supervision letters</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="150" />
            <source>待答复的建议清单</source>
            <translation>Suggestions awaiting reply list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="150" />
            <source>待答复的建议</source>
            <translation>Suggestions awaiting reply</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="185" />
            <source>共 {0} 份</source>
            <translation>{0} total</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="192" />
            <source>没有符合筛选条件的建议。请放宽筛选条件。</source>
            <translation>No suggestions match the filters. Try broadening them.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="195" />
            <source>尚未发出建议。点击“发出建议…”，或在线索上选择“发出建议…”。</source>
            <translation>No suggestions issued yet. Click “Issue Suggestion…”, or choose “Issue Suggestion…” on a clue.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/supervision/suggestions_view.py" line="198" />
            <source>纪委监委没有向本单位发出的建议。</source>
            <translation>The commission has issued no suggestions to this unit.</translation>
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="52" />
            <source>需要登录</source>
            <translation>Login required</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="113" />
            <source>连接平台</source>
            <translation>Connecting to the platform</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="114" />
            <source>更新单位和规则</source>
            <translation>Updating units and rules</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="115" />
            <source>上传附件</source>
            <translation>Uploading attachments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="116" />
            <source>上传本机操作</source>
            <translation>Uploading local actions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="117" />
            <source>下载线索更新</source>
            <translation>Downloading clue updates</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="118" />
            <source>下载线索快照（KB）</source>
            <translation>Downloading the clue snapshot (KB)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="193" />
            <source>同步已取消，已完成的部分已保存</source>
            <translation>Sync cancelled; what was done is saved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="195" />
            <source>无法建立安全连接：{0}</source>
            <translation>Cannot establish a secure connection: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="197" />
            <source>无法连接平台，当前离线工作：{0}</source>
            <translation>Cannot reach the platform; working offline: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="199" />
            <source>登录失败：{0}</source>
            <translation>Sign-in failed: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="201" />
            <source>平台要求升级本程序：{0}</source>
            <translation>The platform requires a newer version of this program: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="203" />
            <source>同步失败：{0}</source>
            <translation>Sync failed: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="207" />
            <source>同步没有完成：{0}</source>
            <translation>Sync did not finish: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="209" />
            <source>同步没有完成：程序内部出错，详细信息已写入日志，已保存的数据不受影响</source>
            <translation>Sync did not finish: an internal error happened; the details are in the log, and the saved data is not affected</translation>
        </message>
    </context>
    <context>
        <name>SyncProblemsView</name>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="182" />
            <source>以下操作被市级平台退回，尚未生效。可以修改后重新发送，或放弃（放弃后不可恢复）。</source>
            <translation>The city platform refused these actions; they have not taken effect. Correct and send them again, or discard them (this cannot be undone).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="196" />
            <source>同步问题清单</source>
            <translation>Sync problems list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="196" />
            <source>同步问题</source>
            <translation>Sync problems</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="201" />
            <source>没有同步问题。</source>
            <translation>No sync problems.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="204" />
            <source>修改后重发…</source>
            <translation>Correct and resend…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="205" />
            <source>直接重发</source>
            <translation>Resend</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="206" />
            <source>放弃操作…</source>
            <translation>Discard action…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="276" />
            <location filename="../../desktop/ui/sync_problems.py" line="284" />
            <source>放弃操作</source>
            <translation>Discard action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="277" />
            <source>放弃 {0} 的“{1}”？放弃后这个操作不会再发送，且不能恢复。</source>
            <translation>Discard “{1}” on {0}? It will not be sent again, and this cannot be undone.</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusBar</name>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="49" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="51" />
            <source>立即同步</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="52" />
            <source>与市级平台同步（F5）</source>
            <translation>Sync with the city platform (F5)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="78" />
            <source>未连接平台</source>
            <translation>Not connected</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="78" />
            <source>没有配置市级平台地址</source>
            <translation>No city platform address is set</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="81" />
            <source>◌ 连接待检测</source>
            <translation>◌ Connection not checked yet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="82" />
            <source>本次启动后尚未与 {0} 通信</source>
            <translation>No contact with {0} since the program started</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="85" />
            <source>● 在线</source>
            <translation>● Online</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="88" />
            <source>○ 离线</source>
            <translation>○ Offline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="89" />
            <source>无法连接 {0}，可继续离线办理</source>
            <translation>Cannot reach {0}; you can go on working offline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="99" />
            <source>上次同步 {0}</source>
            <translation>Last sync {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="101" />
            <source>从未同步</source>
            <translation>Never synced</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="103" />
            <source>待上传 {0} 个操作</source>
            <translation>{0} action(s) to upload</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="105" />
            <source>无待上传操作</source>
            <translation>Nothing to upload</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/status_bar.py" line="109" />
            <source>%n 个操作被平台拒绝</source>
            <translation>
                <numerusform>%n action refused by the platform</numerusform>
                <numerusform>%n actions refused by the platform</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="111" />
            <source>点击查看「同步问题」（Ctrl+Shift+P）</source>
            <translation>Click to see Sync problems (Ctrl+Shift+P)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="116" />
            <source>同步中</source>
            <translation>Syncing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="119" />
            <source>正在同步……</source>
            <translation>Syncing…</translation>
        </message>
    </context>
    <context>
        <name>TableExport</name>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="131" />
            <source>，</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="132" />
            <source>{name}（{filters}）</source>
            <translation>{name} ({filters})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="158" />
            <source>{what} {start} 至 {end}</source>
            <translation>{what} {start} to {end}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="174" />
            <source>{what}：{typed}</source>
            <translation>{what}: {typed}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="187" />
            <source>文件“{0}”被占用或没有写入权限。如果它正在 Excel 或 WPS 中打开，请先关闭，或另选一个文件名。</source>
            <translation>The file “{0}” is in use or not writable. If it is open in Excel or WPS, close it first, or choose another file name.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="193" />
            <source>“{0}”是一个文件夹，请另选文件名。</source>
            <translation>“{0}” is a folder; please choose a file name.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="197" />
            <source>无法保存“{0}”：所选的文件夹不存在。</source>
            <translation>Cannot save “{0}”: the chosen folder does not exist.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="201" />
            <source>磁盘空间不足，无法保存“{0}”。</source>
            <translation>Not enough disk space to save “{0}”.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="205" />
            <location filename="../../desktop/ui/table_export.py" line="208" />
            <source>无法保存“{0}”：{1}</source>
            <translation>Cannot save “{0}”: {1}</translation>
        </message>
    </context>
    <context>
        <name>TableExporter</name>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="286" />
            <source>导出Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="289" />
            <source>把列表按当前的筛选和排序导出为 Excel 表格</source>
            <translation>Export the list as an Excel workbook, as currently filtered and sorted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="291" />
            <source>打印列表…</source>
            <translation>Print list…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="294" />
            <source>预览并打印列表，或另存为PDF</source>
            <translation>Preview and print the list, or save it as PDF</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="347" />
            <source>筛选条件：{0}</source>
            <translation>Filter: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="347" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="359" />
            <source>本机数据尚未与平台同步</source>
            <translation>The data on this computer have not been synced with the platform yet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="361" />
            <source>数据截至 {0} 同步</source>
            <translation>Data as of the sync at {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="391" />
            <location filename="../../desktop/ui/table_export.py" line="439" />
            <location filename="../../desktop/ui/table_export.py" line="489" />
            <source>导出Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="395" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="433" />
            <source>正在导出 {0} 条…</source>
            <translation>Exporting {0} rows…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="438" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="458" />
            <source>正在写入 Excel 文件…</source>
            <translation>Writing the Excel file…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="461" />
            <source>已读取 {0}/{1} 条…</source>
            <translation>Read {0}/{1} rows…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="497" />
            <source>已导出 {0} 条到“{1}”。</source>
            <translation>Exported {0} rows to “{1}”.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="499" />
            <source>打开文件</source>
            <translation>Open file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="501" />
            <source>打开所在文件夹</source>
            <translation>Open containing folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="503" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="530" />
            <source>打印列表</source>
            <translation>Print list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/table_export.py" line="532" />
            <source>列表共 {0} 条，超过打印上限 {1} 条。请先筛选缩小范围，或导出Excel后再打印。</source>
            <translation>The list has {0} rows, more than the print limit of {1}. Filter it to fewer rows first, or export to Excel and print from there.</translation>
        </message>
    </context>
    <context>
        <name>Timeline</name>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="57" />
            <source>主办：{0}</source>
            <translation>Lead: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="64" />
            <source>协办：{0}</source>
            <translation>Assisting: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="65" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="70" />
            <source>由「{0}」退回「{1}」重新分办</source>
            <translation>Returned by “{0}” to “{1}” to be dispatched again</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="77" />
            <source>从「{0}」转至「{1}」</source>
            <translation>Transferred from “{0}” to “{1}”</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="83" />
            <source>由「{0}」提级至「{1}」承办</source>
            <translation>Taken over from “{0}” by “{1}”</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="96" />
            <source>核查结论：{0}</source>
            <translation>Finding: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="102" />
            <source>整改措施：{0}</source>
            <translation>Measures: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="106" />
            <source>回访结果：{0}</source>
            <translation>Callback: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="112" />
            <source>不予受理依据：{0}</source>
            <translation>Ground for refusal: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="118" />
            <source>重复件，原件：{0}</source>
            <translation>Duplicate of {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="122" />
            <source>随原件 {0} 办结</source>
            <translation>Closed with its original {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="125" />
            <source>未闭环办结理由：{0}</source>
            <translation>Closed with an open notice because: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="130" />
            <source>（未闭环文书：{0}）</source>
            <translation> (open notices: {0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="131" />
            <location filename="../../desktop/ui/timeline.py" line="172" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="143" />
            <source>渠道编号：{0}</source>
            <translation>Channel reference: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="147" />
            <source>交办期限：{0}</source>
            <translation>Sender's deadline: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="164" />
            <source>延期 {0} 个工作日</source>
            <translation>Extended by {0} working days</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="168" />
            <source>办理时限：{0}</source>
            <translation>Deadline: {0}</translation>
        </message>
    </context>
    <context>
        <name>TimelineModel</name>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="192" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="193" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="194" />
            <source>操作人</source>
            <translation>By</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="195" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="196" />
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="197" />
            <source>设备</source>
            <translation>Device</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="274" />
            <source>查看举报人</source>
            <translation>Reporter viewed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="278" />
            <location filename="../../desktop/ui/timeline.py" line="284" />
            <source>{0}（{1}）</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="280" />
            <source>{0} · 待同步</source>
            <translation>{0} · waiting to sync</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="290" />
            <source>纪委监委登记理由后查看了举报人信息。查看理由：{0}</source>
            <translation>The discipline commission viewed the reporter's details after recording a reason. Reason: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="294" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="297" />
            <source>本机</source>
            <translation>This computer</translation>
        </message>
    </context>
    <context>
        <name>TrendChart</name>
        <message>
            <location filename="../../desktop/ui/dashboard/charts.py" line="70" />
            <source>受理</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/charts.py" line="71" />
            <source>办结</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard/charts.py" line="78" />
            <source>受理与办结趋势</source>
            <translation>Received and Closed Trend</translation>
        </message>
    </context>
    <context>
        <name>UnitChecklistField</name>
        <message>
            <location filename="../../desktop/ui/forms/units.py" line="136" />
            <source>输入名称筛选</source>
            <translation>Type a name to filter</translation>
        </message>
    </context>
    <context>
        <name>UnitChecklistModel</name>
        <message>
            <location filename="../../desktop/ui/forms/units.py" line="63" />
            <source>已选为主办单位</source>
            <translation>Chosen as lead unit</translation>
        </message>
    </context>
    <context>
        <name>VerificationForm</name>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="37" />
            <source>录入核查结果：{0}</source>
            <translation>Enter Verification Result: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="44" />
            <source>核查结果</source>
            <translation>Verification result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="47" />
            <source>请选择</source>
            <translation>Please select</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="51" />
            <source>核查意见</source>
            <translation>Verification comments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="53" />
            <source>写明核查发现的问题和整改要求</source>
            <translation>Describe the problems found during verification and the rectification required</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="55" />
            <source>佐证材料</source>
            <translation>Supporting evidence</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="62" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="64" />
            <source>Ctrl+Enter 提交</source>
            <translation>Ctrl+Enter to submit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="75" />
            <source>{unit} 承办，来源：{channel}。</source>
            <translation>Handled by {unit}, source: {channel}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="79" />
            <source>整改后第{0}轮复核。</source>
            <translation>Re-verification round {0} after rectification.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="81" />
            <source>核查不合格的线索退回承办单位整改提升，须写明核查意见并附佐证材料；结果先保存在本机，联网同步后送达平台。</source>
            <translation>Clues that fail verification are returned to the handling unit for rectification; verification comments and supporting evidence are required. The result is saved locally first and reaches the platform once synced online.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="118" />
            <source>无法读取文件：{0}</source>
            <translation>Cannot read file: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="133" />
            <source>放弃填写</source>
            <translation>Discard Entry</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="134" />
            <source>已填写的内容尚未保存。确定放弃并关闭吗？</source>
            <translation>What you have entered is not saved. Discard it and close?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="135" />
            <source>放弃</source>
            <translation>Discard</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/record_form.py" line="136" />
            <source>继续填写</source>
            <translation>Keep Editing</translation>
        </message>
    </context>
    <context>
        <name>VerificationReport</name>
        <message>
            <location filename="../../desktop/ui/verification/report_export.py" line="26" />
            <source>每周核查报告_{0}</source>
            <translation>weekly_verification_report_{0}</translation>
        </message>
    </context>
    <context>
        <name>VerificationView</name>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="135" />
            <source>核查周(&amp;K)：</source>
            <translation>Verification wee&amp;k:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="138" />
            <source>核查周</source>
            <translation>Verification week</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="146" />
            <source>抽样方案…</source>
            <translation>Sample Plan…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="148" />
            <source>抽取</source>
            <translation>Draw</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="150" />
            <source>按抽样方案从本周办结的本办线索中随机抽取</source>
            <translation>Randomly draw from this office's clues closed this week according to the sample plan</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="151" />
            <source>重新抽取…</source>
            <translation>Redraw…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="154" />
            <source>尚未同步、也未录入结果的本机批次可以换一个随机种子重新抽取</source>
            <translation>A local batch that is not yet synced and has no results entered can be redrawn with a new seed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="183" />
            <source>核查状态</source>
            <translation>Verification status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="184" />
            <source>全部状态</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="189" />
            <source>承办单位</source>
            <translation>Handling unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="190" />
            <location filename="../../desktop/ui/verification/view.py" line="477" />
            <source>全部单位</source>
            <translation>All units</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="193" />
            <source>核查结果</source>
            <translation>Verification result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="194" />
            <source>全部结果</source>
            <translation>All results</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="195" />
            <source>未录入</source>
            <translation>Not entered</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="203" />
            <location filename="../../desktop/ui/verification/view.py" line="204" />
            <source>线索编号</source>
            <translation>Clue number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="208" />
            <source>筛选：</source>
            <translation>Filter:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="224" />
            <source>核查清单</source>
            <translation>Verification list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="240" />
            <source>录入核查结果…</source>
            <translation>Enter Verification Result…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="242" />
            <source>Enter 或双击</source>
            <translation>Enter or double-click</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="243" />
            <source>查看线索</source>
            <translation>View Clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="245" />
            <source>导出报告PDF…</source>
            <translation>Export Report as PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="247" />
            <source>导出Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="288" />
            <source>{year}年第{number}周（{start} 至 {end}）</source>
            <translation>Week {number}, {year} ({start} to {end})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="299" />
            <source>每周核查清单</source>
            <translation>Weekly verification list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="299" />
            <source>每周核查</source>
            <translation>Weekly verification</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="315" />
            <source>抽样方案：每单位 {0}</source>
            <translation>Sample plan: {0} per unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="317" />
            <source>（{0} 个单位单独设定）</source>
            <translation>({0} units set individually)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="322" />
            <source>{0} 件</source>
            <translation>{0} clues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="323" />
            <source>{0}%</source>
            <translation>{0}%</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="364" />
            <source>已抽取 {0} 件，随机种子 {1}。结果保存在本机，联网同步后上传平台。</source>
            <translation>Drew {0} clues, seed {1}. Results are saved locally and uploaded to the platform once synced online.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="390" />
            <location filename="../../desktop/ui/verification/view.py" line="396" />
            <source>重新抽取</source>
            <translation>Redraw</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="393" />
            <source>按当前抽样方案换一个随机种子重新抽取？原抽取的 {0} 件（随机种子 {1}）将作废。</source>
            <translation>Redraw with a new seed using the current sample plan? The {0} clues drawn earlier (seed {1}) will be discarded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="397" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="421" />
            <source>已重新抽取，随机种子 {0}。</source>
            <translation>Redrawn, seed {0}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="453" />
            <source>本周尚未抽取。设定抽样方案后点「抽取」。</source>
            <translation>Nothing drawn this week yet. Set the sample plan, then click “Draw”.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="457" />
            <source>平台未接受：{0}</source>
            <translation>Not accepted by the platform: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="459" />
            <source>已同步</source>
            <translation>Synced</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="461" />
            <source>待上传</source>
            <translation>Pending upload</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="463" />
            <source>{name} {at} 抽取 {count} 件，随机种子 {seed}，{state}</source>
            <translation>{name} drew {count} clues at {at}, seed {seed}, {state}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="471" />
            <source>本周批次：</source>
            <translation>This week's batch:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="471" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="500" />
            <source>显示 {0} / 共 {1} 件，已录入 {2} 件</source>
            <translation>Showing {0} of {1} clues, {2} entered</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="591" />
            <source>线索 {0} 的核查结果已保存在本机，联网同步后上传平台。</source>
            <translation>Verification result for clue {0} saved locally; it will be uploaded to the platform once synced online.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="601" />
            <source>导出核查报告</source>
            <translation>Export Verification Report</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="601" />
            <source>导出核查情况表</source>
            <translation>Export Verification Sheet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="605" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="605" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel Workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="618" />
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="629" />
            <source>已导出：{0}</source>
            <translation>Exported: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/view.py" line="639" />
            <source>导出失败：{0}</source>
            <translation>Export failed: {0}</translation>
        </message>
    </context>
    <context>
        <name>VerificationWorklist</name>
        <message>
            <location filename="../../desktop/ui/verification/worklist_model.py" line="55" />
            <source>线索编号</source>
            <translation>Clue number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/worklist_model.py" line="56" />
            <source>承办单位</source>
            <translation>Handling unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/worklist_model.py" line="57" />
            <source>来源渠道</source>
            <translation>Source channel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/worklist_model.py" line="58" />
            <source>办结日期</source>
            <translation>Closed on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/worklist_model.py" line="59" />
            <source>核查状态</source>
            <translation>Verification status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/worklist_model.py" line="60" />
            <source>核查结果</source>
            <translation>Verification result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/worklist_model.py" line="61" />
            <source>核查意见</source>
            <translation>Verification comments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/worklist_model.py" line="85" />
            <source>{0}（第{1}轮）</source>
            <translation>{0} (round {1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/verification/worklist_model.py" line="89" />
            <source>{0}（待上传）</source>
            <translation>{0} (to upload)</translation>
        </message>
    </context>
    <context>
        <name>WarningRecord</name>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="44" />
            <source>分办</source>
            <translation>Assign</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="45" />
            <source>签收</source>
            <translation>Sign for</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="46" />
            <source>办理</source>
            <translation>Handle</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="47" />
            <source>审核</source>
            <translation>Review</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="52" />
            <source>一级（黄）</source>
            <translation>Level 1 (yellow)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="53" />
            <source>二级（橙）</source>
            <translation>Level 2 (orange)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="54" />
            <source>三级（红）</source>
            <translation>Level 3 (red)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="58" />
            <source>环节已完成</source>
            <translation>Stage completed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="59" />
            <source>延期已批准</source>
            <translation>Extension approved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="60" />
            <source>线索已办结</source>
            <translation>Clue closed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="61" />
            <source>时限已变更</source>
            <translation>Time limit changed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="97" />
            <source>线索编号</source>
            <translation>Clue code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="98" />
            <source>环节</source>
            <translation>Stage</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="99" />
            <source>预警等级</source>
            <translation>Warning level</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="100" />
            <source>达到时间</source>
            <translation>Reached</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="101" />
            <source>消除时间</source>
            <translation>Cleared</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="102" />
            <source>消除方式</source>
            <translation>Cleared by</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="103" />
            <source>责任单位</source>
            <translation>Responsible unit</translation>
        </message>
    </context>
    <context>
        <name>WarningRecordModel</name>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="161" />
            <source>未消除</source>
            <translation>Ongoing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warning_record.py" line="185" />
            <source>{stage}时限 {deadline}</source>
            <translation>{stage} due {deadline}</translation>
        </message>
    </context>
    <context>
        <name>WarningsView</name>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="63" />
            <source>本周红色预警</source>
            <translation>Red warnings this week</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="66" />
            <source>本周（周一至周日）达到三级预警的线索（{0}）</source>
            <translation>Clues that reached a level-3 warning this week (Mon–Sun) ({0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="68" />
            <source>红色预警未消除</source>
            <translation>Uncleared red warnings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="71" />
            <source>已达到三级预警、至今仍未消除的线索（{0}）</source>
            <translation>Clues at a level-3 warning not yet cleared ({0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="73" />
            <source>清除筛选</source>
            <translation>Clear Filters</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="75" />
            <source>登记问责…</source>
            <translation>Record accountability…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="77" />
            <source>就选中的三级预警线索登记问责</source>
            <translation>Take the selected level-3 clue into an accountability record</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="81" />
            <source>常用：</source>
            <translation>Common:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="93" />
            <source>责任单位</source>
            <translation>Responsible unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="96" />
            <source>环节</source>
            <translation>Stage</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="97" />
            <source>全部环节</source>
            <translation>All stages</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="102" />
            <source>预警等级</source>
            <translation>Warning level</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="103" />
            <source>全部等级</source>
            <translation>All levels</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="110" />
            <source>达到日期</source>
            <translation>Date reached</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="116" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="117" />
            <source>仅未消除</source>
            <translation>Uncleared only</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="122" />
            <location filename="../../desktop/ui/warnings_view.py" line="123" />
            <source>线索编号</source>
            <translation>Clue code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="127" />
            <source>筛选：</source>
            <translation>Filter:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="142" />
            <location filename="../../desktop/ui/warnings_view.py" line="208" />
            <source>预警台账</source>
            <translation>Warning ledger</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="190" />
            <source>全部责任单位</source>
            <translation>All responsible units</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="238" />
            <source>共 {0} 条</source>
            <translation>{0} total</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="254" />
            <source>没有符合筛选条件的预警记录。请放宽筛选条件。</source>
            <translation>No warnings match the filters. Try broadening them.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/warnings_view.py" line="255" />
            <source>暂无预警记录。线索的某一环节临近或超过时限时，市平台会在此记下预警。</source>
            <translation>No warnings yet. When a stage of a clue nears or passes its time limit, the city platform records a warning here.</translation>
        </message>
    </context>
    <context>
        <name>form</name>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="133" />
            <source>立案后，立案号取自本机的立案号编号段；应自立案之日起 {0} 日内作出处罚决定（《行政处罚法》第六十条）。</source>
            <translation>Filing takes a case number from this device's block; a decision is due within {0} days of filing (Administrative Penalty Law, art. 60).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="137" />
            <source>本机尚有 {0} 年立案号 {1} 个。</source>
            <translation>This device holds {1} case numbers for {0}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="139" />
            <source>本机没有可用的 {0} 年立案号，请先联网同步领取编号段。</source>
            <translation>This device holds no case number for {0}; sync online to receive a block first.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="140" />
            <source>带 * 的项必须填写。</source>
            <translation>Fields marked * are required.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="141" />
            <source>案由</source>
            <translation>Cause</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="146" />
            <source>涉及法律</source>
            <translation>Law</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="147" />
            <source>《{0}》</source>
            <translation>{0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="150" />
            <source>请选择本机关执行的法律</source>
            <translation>Choose a law this authority enforces</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="158" />
            <source>执法人员（至少两名，持执法证）</source>
            <translation>Officers (at least two, with certificates)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="165" />
            <source>关联的整改文书</source>
            <translation>Linked notices</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="167" />
            <source>立案日期</source>
            <translation>Filed on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="174" />
            <source>记录调查取证的情况和取得的证据。</source>
            <translation>Record the investigation and the evidence obtained.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="175" />
            <source>调查取证日期</source>
            <translation>Investigated on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="176" />
            <source>调查取证情况</source>
            <translation>Investigation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="178" />
            <location filename="../../desktop/ui/cases/case_steps.py" line="268" />
            <source>证据（每行一项）</source>
            <translation>Evidence (one per line)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="178" />
            <source>如：现场检查（勘察）笔录</source>
            <translation>e.g. on-site inspection record</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="189" />
            <source>告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知其陈述、申辩权利。对个人罚款 {0} 元以上、对单位罚款 {1} 元以上，或责令停产停业、吊销许可证件等，还应告知听证权利。</source>
            <translation>Notify the party of the intended penalty, its facts, reasons and basis, and of its right to state and defend. Fines of {0} yuan or more for a person or {1} yuan or more for an organisation, orders to stop production or business, revocations of licences and the like also carry the right to a hearing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="194" />
            <source>告知日期</source>
            <translation>Notified on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="198" />
            <source>告知书文号</source>
            <translation>Notification number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="200" />
            <source>如：海环罚告〔2026〕12号</source>
            <translation>e.g. 海环罚告〔2026〕12号</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="202" />
            <source>拟作出的处罚</source>
            <translation>Intended penalties</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="209" />
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="214" />
            <source>应当告知当事人有要求听证的权利。</source>
            <translation>The party must be told of its right to a hearing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="216" />
            <source>拟作出的处罚无需告知听证权利。</source>
            <translation>The intended penalty carries no right to a hearing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="226" />
            <source>记录当事人的陈述、申辩及处理意见。</source>
            <translation>Record the party's statement and defence and the answer to it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="227" />
            <source>收到陈述申辩日期</source>
            <translation>Statement received on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="230" />
            <source>处理意见</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="233" />
            <location filename="../../desktop/ui/cases/case_steps.py" line="344" />
            <source>请选择</source>
            <translation>Choose</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="236" />
            <source>陈述申辩内容</source>
            <translation>Statement and defence</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="238" />
            <source>听证</source>
            <translation>Hearing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="238" />
            <source>当事人申请听证</source>
            <translation>The party requests a hearing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="247" />
            <source>当事人申请了听证：记录听证的举行情况。</source>
            <translation>The party requested a hearing: record how it was held.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="248" />
            <source>听证日期</source>
            <translation>Hearing date</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="249" />
            <source>听证情况</source>
            <translation>Hearing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="250" />
            <source>听证笔录编号</source>
            <translation>Hearing record number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="259" />
            <source>作出决定后，决定书文号取自本机的决定书编号段，决定内容不能再修改。</source>
            <translation>Deciding takes a decision number from this device's block; the decision cannot be changed afterwards.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="261" />
            <source>本机尚有 {0} 年决定书文号 {1} 个。</source>
            <translation>This device holds {1} decision numbers for {0}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="263" />
            <source>本机没有可用的 {0} 年决定书文号，请先联网同步领取编号段。</source>
            <translation>This device holds no decision number for {0}; sync online to receive a block first.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="265" />
            <source>决定日期</source>
            <translation>Decided on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="266" />
            <source>处罚内容</source>
            <translation>Penalties</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="267" />
            <source>违法事实</source>
            <translation>Facts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="277" />
            <source>违反的法律条款</source>
            <translation>Violated clauses</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="281" />
            <source>处罚依据</source>
            <translation>Penalty basis</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="283" />
            <source>裁量理由</source>
            <translation>Discretion</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="290" />
            <source>送达行政处罚决定书 {0}。留置送达须有见证人。</source>
            <translation>Serve the penalty decision {0}. Service by leaving needs a witness.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="295" />
            <source>送达方式</source>
            <translation>Method</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="302" />
            <source>送达时间</source>
            <translation>Served at</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="303" />
            <source>送达地点</source>
            <translation>Place</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="304" />
            <source>受送达人（签收人）</source>
            <translation>Recipient (signed by)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="305" />
            <source>与当事人关系</source>
            <translation>Relation to the party</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="307" />
            <source>如：法定代表人、负责人、本人</source>
            <translation>e.g. legal representative, person in charge, self</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="308" />
            <source>见证人（留置送达必填）</source>
            <translation>Witness (required when left)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="309" />
            <source>送达人（每行一名）</source>
            <translation>Servers (one per line)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="317" />
            <source>记录处罚决定的执行情况。</source>
            <translation>Record how the decision was executed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="318" />
            <source>执行日期</source>
            <translation>Executed on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="322" />
            <source>执行方式</source>
            <translation>Execution</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="329" />
            <source>已缴纳金额（元）</source>
            <translation>Amount paid (yuan)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="330" />
            <source>执行情况</source>
            <translation>Execution note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="337" />
            <source>结案后案件不能再办理。只列出案件当前可用的结案方式。</source>
            <translation>A closed case cannot be acted on again. Only the outcomes open to the case now are listed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="340" />
            <source>结案方式</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="347" />
            <source>结案日期</source>
            <translation>Closed on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="348" />
            <source>结案情况说明</source>
            <translation>Closing note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="363" />
            <source>延期天数（日历日）</source>
            <translation>Extension (calendar days)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="365" />
            <source>批准人</source>
            <translation>Approved by</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="366" />
            <source>延期理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/cases/case_steps.py" line="373" />
            <source>第 {which} 次延期（最多 {count} 次），本次最多 {most} 日。决定期限现为 {now}，延期后为 {after}。</source>
            <translation>Extension {which} (at most {count}); this one at most {most} days. The decision deadline is {now}; after the extension {after}.</translation>
        </message>
    </context>
    <context>
        <name>labels</name>
        <message>
            <source>已登记</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>待签收</source>
            <translation>To sign</translation>
        </message>
        <message>
            <source>办理中</source>
            <translation>Handling</translation>
        </message>
        <message>
            <source>待审核</source>
            <translation>To review</translation>
        </message>
        <message>
            <source>已办结</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>已退回</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>待审签</source>
            <translation>To sign off</translation>
        </message>
        <message>
            <source>重复件</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <source>不予受理</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>办理人员</source>
            <translation>Handler</translation>
        </message>
        <message>
            <source>攻坚办分办人员</source>
            <translation>Dispatcher</translation>
        </message>
        <message>
            <source>纪委监委监督人员</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>系统管理员</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>经办人</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>负责人</source>
            <translation>Head</translation>
        </message>
        <message>
            <source>属实</source>
            <translation>True</translation>
        </message>
        <message>
            <source>部分属实</source>
            <translation>Partly true</translation>
        </message>
        <message>
            <source>不属实</source>
            <translation>Untrue</translation>
        </message>
        <message>
            <source>满意</source>
            <translation>Satisfied</translation>
        </message>
        <message>
            <source>基本满意</source>
            <translation>Mostly satisfied</translation>
        </message>
        <message>
            <source>不满意</source>
            <translation>Not satisfied</translation>
        </message>
        <message>
            <source>未能联系上举报人</source>
            <translation>Reporter not reached</translation>
        </message>
        <message>
            <source>市攻坚办</source>
            <translation>City tackling office</translation>
        </message>
        <message>
            <source>县区攻坚办</source>
            <translation>County tackling office</translation>
        </message>
        <message>
            <source>功能板块攻坚办</source>
            <translation>Zone tackling office</translation>
        </message>
        <message>
            <source>乡镇</source>
            <translation>Township</translation>
        </message>
        <message>
            <source>街道</source>
            <translation>Street</translation>
        </message>
        <message>
            <source>职能部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>纪委监委</source>
            <translation>Discipline commission</translation>
        </message>
        <message>
            <source>一般</source>
            <translation>Normal</translation>
        </message>
        <message>
            <source>紧急</source>
            <translation>Urgent</translation>
        </message>
        <message>
            <source>特急</source>
            <translation>Critical</translation>
        </message>
        <message>
            <source>大气</source>
            <translation>Air</translation>
        </message>
        <message>
            <source>水</source>
            <translation>Water</translation>
        </message>
        <message>
            <source>土壤</source>
            <translation>Soil</translation>
        </message>
        <message>
            <source>噪声</source>
            <translation>Noise</translation>
        </message>
        <message>
            <source>固废</source>
            <translation>Solid waste</translation>
        </message>
        <message>
            <source>辐射</source>
            <translation>Radiation</translation>
        </message>
        <message>
            <source>生态</source>
            <translation>Ecology</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>12345热线</source>
            <translation>12345 hotline</translation>
        </message>
        <message>
            <source>12369环保举报</source>
            <translation>12369 environment hotline</translation>
        </message>
        <message>
            <source>上级交办</source>
            <translation>Assigned by higher authorities</translation>
        </message>
        <message>
            <source>督察交办</source>
            <translation>Assigned by inspection</translation>
        </message>
        <message>
            <source>环保移动执法推送</source>
            <translation>Mobile enforcement push</translation>
        </message>
        <message>
            <source>日常检查</source>
            <translation>Daily inspection</translation>
        </message>
        <message>
            <source>媒体曝光</source>
            <translation>Media exposure</translation>
        </message>
        <message>
            <source>信访</source>
            <translation>Petition</translation>
        </message>
        <message>
            <source>在线监控报警</source>
            <translation>Online monitoring alarm</translation>
        </message>
        <message>
            <source>部门移交</source>
            <translation>Department transfer</translation>
        </message>
        <message>
            <source>网络舆情</source>
            <translation>Internet opinion</translation>
        </message>
        <message>
            <source>领导信箱</source>
            <translation>Leader mailbox</translation>
        </message>
        <message>
            <source>人大建议政协提案</source>
            <translation>NPC suggestion / CPPCC proposal</translation>
        </message>
        <message>
            <source>网格员巡查</source>
            <translation>Grid patrol</translation>
        </message>
        <message>
            <source>卫星遥感监测</source>
            <translation>Satellite remote sensing</translation>
        </message>
        <message>
            <source>纪委监委移交</source>
            <translation>Discipline commission transfer</translation>
        </message>
        <message>
            <source>微信公众号举报</source>
            <translation>WeChat report</translation>
        </message>
        <message>
            <source>分办时限</source>
            <translation>Dispatch deadline</translation>
        </message>
        <message>
            <source>签收时限</source>
            <translation>Signing deadline</translation>
        </message>
        <message>
            <source>办理时限</source>
            <translation>Handling deadline</translation>
        </message>
        <message>
            <source>审核时限</source>
            <translation>Review deadline</translation>
        </message>
        <message>
            <source>单位</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>个体工商户</source>
            <translation>Sole trader</translation>
        </message>
        <message>
            <source>自然人</source>
            <translation>Natural person</translation>
        </message>
        <message>
            <source>整改通知书</source>
            <translation>Rectification notice</translation>
        </message>
        <message>
            <source>责令改正违法行为决定书</source>
            <translation>Correction order</translation>
        </message>
        <message>
            <source>草稿</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>已签发</source>
            <translation>Issued</translation>
        </message>
        <message>
            <source>已送达</source>
            <translation>Served</translation>
        </message>
        <message>
            <source>已整改</source>
            <translation>Rectified</translation>
        </message>
        <message>
            <source>逾期未整改</source>
            <translation>Not rectified</translation>
        </message>
        <message>
            <source>已立案</source>
            <translation>Case filed</translation>
        </message>
        <message>
            <source>已结案</source>
            <translation>Case concluded</translation>
        </message>
        <message>
            <source>直接送达</source>
            <translation>Direct service</translation>
        </message>
        <message>
            <source>留置送达</source>
            <translation>Left at the premises</translation>
        </message>
        <message>
            <source>邮寄送达</source>
            <translation>By post</translation>
        </message>
        <message>
            <source>委托送达</source>
            <translation>Entrusted service</translation>
        </message>
        <message>
            <source>电子送达</source>
            <translation>Electronic service</translation>
        </message>
        <message>
            <source>公告送达</source>
            <translation>Public announcement</translation>
        </message>
        <message>
            <source>起草</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>修改</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>签发</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>送达</source>
            <translation>Serve</translation>
        </message>
        <message>
            <source>复查</source>
            <translation>Re-inspect</translation>
        </message>
        <message>
            <source>立案</source>
            <translation>File case</translation>
        </message>
        <message>
            <source>结案</source>
            <translation>Close case</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>分办</source>
            <translation>Dispatch</translation>
        </message>
        <message>
            <source>签收</source>
            <translation>Sign</translation>
        </message>
        <message>
            <source>退回</source>
            <translation>Return</translation>
        </message>
        <message>
            <source>申请延期</source>
            <translation>Request extension</translation>
        </message>
        <message>
            <source>批准延期</source>
            <translation>Approve extension</translation>
        </message>
        <message>
            <source>不予延期</source>
            <translation>Deny extension</translation>
        </message>
        <message>
            <source>反馈</source>
            <translation>Report</translation>
        </message>
        <message>
            <source>审核通过</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>驳回</source>
            <translation>Reject</translation>
        </message>
        <message>
            <source>核查不合格</source>
            <translation>Fail verification</translation>
        </message>
        <message>
            <source>督办</source>
            <translation>Urge</translation>
        </message>
        <message>
            <source>协办反馈</source>
            <translation>Assisting report</translation>
        </message>
        <message>
            <source>退回市级</source>
            <translation>Return to city</translation>
        </message>
        <message>
            <source>转办</source>
            <translation>Transfer</translation>
        </message>
        <message>
            <source>提级办理</source>
            <translation>Take over</translation>
        </message>
        <message>
            <source>审签通过</source>
            <translation>Sign off</translation>
        </message>
        <message>
            <source>审签退回</source>
            <translation>Send back for revision</translation>
        </message>
        <message>
            <source>回访</source>
            <translation>Call back</translation>
        </message>
        <message>
            <source>回访不满意重办</source>
            <translation>Reopen (reporter not satisfied)</translation>
        </message>
        <message>
            <source>标记重复件</source>
            <translation>Mark as duplicate</translation>
        </message>
        <message>
            <source>随原件办结</source>
            <translation>Close with original</translation>
        </message>
        <message>
            <source>主办单位</source>
            <translation>Lead unit</translation>
        </message>
        <message>
            <source>主办单位负责人</source>
            <translation>Head of the lead unit</translation>
        </message>
        <message>
            <source>协办单位</source>
            <translation>Assisting unit</translation>
        </message>
        <message>
            <source>承办攻坚办</source>
            <translation>Owning tackling office</translation>
        </message>
        <message>
            <source>本辖区攻坚办</source>
            <translation>Area tackling office</translation>
        </message>
        <message>
            <source>本辖区纪委监委</source>
            <translation>Area discipline commission</translation>
        </message>
        <message>
            <source>本辖区单位</source>
            <translation>Area unit</translation>
        </message>
        <message>
            <source>调查取证中</source>
            <translation>Under investigation</translation>
        </message>
        <message>
            <source>已告知</source>
            <translation>Notified</translation>
        </message>
        <message>
            <source>已决定</source>
            <translation>Decided</translation>
        </message>
        <message>
            <source>已执行</source>
            <translation>Executed</translation>
        </message>
        <message>
            <source>调查取证</source>
            <translation>Investigation</translation>
        </message>
        <message>
            <source>告知</source>
            <translation>Notification</translation>
        </message>
        <message>
            <source>陈述申辩</source>
            <translation>Statement and defence</translation>
        </message>
        <message>
            <source>听证</source>
            <translation>Hearing</translation>
        </message>
        <message>
            <source>决定</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>执行</source>
            <translation>Execution</translation>
        </message>
        <message>
            <source>警告、通报批评</source>
            <translation>Warning, public criticism</translation>
        </message>
        <message>
            <source>罚款</source>
            <translation>Fine</translation>
        </message>
        <message>
            <source>没收违法所得</source>
            <translation>Confiscation of illegal gains</translation>
        </message>
        <message>
            <source>没收非法财物</source>
            <translation>Confiscation of illegal property</translation>
        </message>
        <message>
            <source>暂扣许可证件</source>
            <translation>Suspension of licences</translation>
        </message>
        <message>
            <source>降低资质等级</source>
            <translation>Lowering of qualification grade</translation>
        </message>
        <message>
            <source>吊销许可证件</source>
            <translation>Revocation of licences</translation>
        </message>
        <message>
            <source>限制开展生产经营活动</source>
            <translation>Restriction of business activities</translation>
        </message>
        <message>
            <source>责令停产整治</source>
            <translation>Order to stop production for rectification</translation>
        </message>
        <message>
            <source>责令停产停业</source>
            <translation>Order to stop production or business</translation>
        </message>
        <message>
            <source>责令关闭</source>
            <translation>Order to close</translation>
        </message>
        <message>
            <source>限制从业</source>
            <translation>Restriction from practice</translation>
        </message>
        <message>
            <source>执行完毕</source>
            <translation>Fully executed</translation>
        </message>
        <message>
            <source>终止调查</source>
            <translation>Investigation terminated</translation>
        </message>
        <message>
            <source>不予处罚</source>
            <translation>No penalty</translation>
        </message>
        <message>
            <source>移送</source>
            <translation>Transferred</translation>
        </message>
        <message>
            <source>撤销立案</source>
            <translation>Filing revoked</translation>
        </message>
        <message>
            <source>采纳</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <source>部分采纳</source>
            <translation>Partly accepted</translation>
        </message>
        <message>
            <source>不予采纳</source>
            <translation>Not accepted</translation>
        </message>
        <message>
            <source>放弃陈述申辩</source>
            <translation>Statement waived</translation>
        </message>
        <message>
            <source>自动履行</source>
            <translation>Voluntary performance</translation>
        </message>
        <message>
            <source>行政强制执行</source>
            <translation>Administrative enforcement</translation>
        </message>
        <message>
            <source>申请人民法院强制执行</source>
            <translation>Enforcement by the people's court</translation>
        </message>
        <message>
            <source>记录调查取证</source>
            <translation>Record investigation</translation>
        </message>
        <message>
            <source>记录陈述申辩</source>
            <translation>Record statement</translation>
        </message>
        <message>
            <source>记录听证</source>
            <translation>Record hearing</translation>
        </message>
        <message>
            <source>作出处罚决定</source>
            <translation>Decide the penalty</translation>
        </message>
        <message>
            <source>送达处罚决定书</source>
            <translation>Serve the decision</translation>
        </message>
        <message>
            <source>记录执行</source>
            <translation>Record execution</translation>
        </message>
        <message>
            <source>延期</source>
            <translation>Extend</translation>
        </message>
        <message>
            <source>环节已完成</source>
            <translation>Stage completed</translation>
        </message>
        <message>
            <source>延期已批准</source>
            <translation>Extension approved</translation>
        </message>
        <message>
            <source>线索已办结</source>
            <translation>Clue closed</translation>
        </message>
        <message>
            <source>时限已变更</source>
            <translation>Deadline changed</translation>
        </message>
        <message>
            <source>纪律检查建议</source>
            <translation>Discipline inspection suggestion</translation>
        </message>
        <message>
            <source>监察建议</source>
            <translation>Supervision suggestion</translation>
        </message>
        <message>
            <source>督办函</source>
            <translation>Urging letter</translation>
        </message>
        <message>
            <source>已发出</source>
            <translation>Issued</translation>
        </message>
        <message>
            <source>已答复</source>
            <translation>Replied</translation>
        </message>
        <message>
            <source>已采纳</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <source>发出</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>答复</source>
            <translation>Reply</translation>
        </message>
        <message>
            <source>重设答复期限</source>
            <translation>Reset reply deadline</translation>
        </message>
        <message>
            <source>谈话提醒</source>
            <translation>Reminder talk</translation>
        </message>
        <message>
            <source>批评教育</source>
            <translation>Criticism and education</translation>
        </message>
        <message>
            <source>责令检查</source>
            <translation>Ordered self-examination</translation>
        </message>
        <message>
            <source>通报批评</source>
            <translation>Circulated criticism</translation>
        </message>
        <message>
            <source>诫勉</source>
            <translation>Admonishment</translation>
        </message>
        <message>
            <source>组织处理</source>
            <translation>Organizational handling</translation>
        </message>
        <message>
            <source>纪律处分</source>
            <translation>Disciplinary sanction</translation>
        </message>
        <message>
            <source>已记录</source>
            <translation>Recorded</translation>
        </message>
        <message>
            <source>记录问责</source>
            <translation>Record accountability</translation>
        </message>
        <message>
            <source>修改问责记录</source>
            <translation>Edit accountability record</translation>
        </message>
        <message>
            <source>合格</source>
            <translation>Passed</translation>
        </message>
        <message>
            <source>处置流程不规范</source>
            <translation>Irregular handling</translation>
        </message>
        <message>
            <source>整改不到位</source>
            <translation>Incomplete rectification</translation>
        </message>
        <message>
            <source>待核查</source>
            <translation>To verify</translation>
        </message>
        <message>
            <source>待复核</source>
            <translation>To re-verify</translation>
        </message>
        <message>
            <source>整改中</source>
            <translation>Being rectified</translation>
        </message>
        <message>
            <source>已核查</source>
            <translation>Verified</translation>
        </message>
        <message>
            <source>已由他人抽取</source>
            <translation>Drawn by someone else</translation>
        </message>
        <message>
            <source>待分办</source>
            <translation>To dispatch</translation>
        </message>
        <message>
            <source>预警</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <source>办理期限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>预警等级</source>
            <translation>Warning level</translation>
        </message>
        <message>
            <source>正常</source>
            <translation>Normal</translation>
        </message>
        <message>
            <source>一级预警（黄）</source>
            <translation>Level 1 warning (yellow)</translation>
        </message>
        <message>
            <source>二级预警（橙）</source>
            <translation>Level 2 warning (orange)</translation>
        </message>
        <message>
            <source>三级预警（红）</source>
            <translation>Level 3 warning (red)</translation>
        </message>
        <message>
            <source>黄</source>
            <translation>Yellow</translation>
        </message>
        <message>
            <source>橙</source>
            <translation>Orange</translation>
        </message>
        <message>
            <source>红</source>
            <translation>Red</translation>
        </message>
        <message>
            <source>举报途径</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>渠道编号</source>
            <translation>Channel reference</translation>
        </message>
        <message>
            <source>交办期限</source>
            <translation>Assigned deadline</translation>
        </message>
        <message>
            <source>污染类别</source>
            <translation>Pollution category</translation>
        </message>
        <message>
            <source>紧急程度</source>
            <translation>Priority</translation>
        </message>
        <message>
            <source>线索内容</source>
            <translation>Clue content</translation>
        </message>
        <message>
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>所属县区</source>
            <translation>County/district</translation>
        </message>
        <message>
            <source>所属乡镇（街道）</source>
            <translation>Township (subdistrict)</translation>
        </message>
        <message>
            <source>被反映对象</source>
            <translation>Subject reported</translation>
        </message>
        <message>
            <source>统一社会信用代码</source>
            <translation>Unified social credit code</translation>
        </message>
        <message>
            <source>举报人</source>
            <translation>Reporter</translation>
        </message>
        <message>
            <source>举报人电话</source>
            <translation>Reporter phone</translation>
        </message>
        <message>
            <source>纬度</source>
            <translation>Latitude</translation>
        </message>
        <message>
            <source>经度</source>
            <translation>Longitude</translation>
        </message>
        <message>
            <source>联系电话</source>
            <translation>Contact phone</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>延期天数</source>
            <translation>Extension days</translation>
        </message>
        <message>
            <source>办理结果</source>
            <translation>Handling result</translation>
        </message>
        <message>
            <source>核查结论</source>
            <translation>Finding</translation>
        </message>
        <message>
            <source>整改措施</source>
            <translation>Rectification measures</translation>
        </message>
        <message>
            <source>佐证材料</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <source>意见</source>
            <translation>Opinion</translation>
        </message>
        <message>
            <source>转办县区</source>
            <translation>Transfer to county</translation>
        </message>
        <message>
            <source>原件线索编号</source>
            <translation>Original clue code</translation>
        </message>
        <message>
            <source>不予受理依据</source>
            <translation>Ground for refusal</translation>
        </message>
        <message>
            <source>回访结果</source>
            <translation>Callback result</translation>
        </message>
        <message>
            <source>未闭环办结理由</source>
            <translation>Reason to close with open notices</translation>
        </message>
        <message>
            <source>核查结果</source>
            <translation>Verification result</translation>
        </message>
        <message>
            <source>核查批次</source>
            <translation>Verification batch</translation>
        </message>
        <message>
            <source>核查周</source>
            <translation>Verification week</translation>
        </message>
        <message>
            <source>抽样方案</source>
            <translation>Sample plan</translation>
        </message>
        <message>
            <source>随机种子</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>抽取的线索</source>
            <translation>Drawn clues</translation>
        </message>
        <message>
            <source>通知书编号</source>
            <translation>Notice id</translation>
        </message>
        <message>
            <source>文书种类</source>
            <translation>Document kind</translation>
        </message>
        <message>
            <source>当事人</source>
            <translation>Party</translation>
        </message>
        <message>
            <source>当事人类型</source>
            <translation>Party type</translation>
        </message>
        <message>
            <source>身份证号码</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>经营者</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>法定代表人（负责人）</source>
            <translation>Legal representative (head)</translation>
        </message>
        <message>
            <source>违法事实</source>
            <translation>Facts of the violation</translation>
        </message>
        <message>
            <source>证据</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <source>问题类型</source>
            <translation>Problem kind</translation>
        </message>
        <message>
            <source>违反的法律条款</source>
            <translation>Clauses violated</translation>
        </message>
        <message>
            <source>责令改正的法律依据</source>
            <translation>Legal basis for ordering correction</translation>
        </message>
        <message>
            <source>责令改正的内容</source>
            <translation>Corrections ordered</translation>
        </message>
        <message>
            <source>整改期限（工作日）</source>
            <translation>Rectification period (working days)</translation>
        </message>
        <message>
            <source>整改截止日期</source>
            <translation>Rectification final date</translation>
        </message>
        <message>
            <source>书面报告要求</source>
            <translation>Written report requirement</translation>
        </message>
        <message>
            <source>逾期不改正的后果</source>
            <translation>Consequences of not correcting in time</translation>
        </message>
        <message>
            <source>行政复议机关</source>
            <translation>Administrative review body</translation>
        </message>
        <message>
            <source>行政诉讼法院</source>
            <translation>Administrative litigation court</translation>
        </message>
        <message>
            <source>签发机关</source>
            <translation>Issuing authority</translation>
        </message>
        <message>
            <source>联系人</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <source>文书编号</source>
            <translation>Document number</translation>
        </message>
        <message>
            <source>签发时间</source>
            <translation>issue time</translation>
        </message>
        <message>
            <source>所引条款</source>
            <translation>Cited clauses</translation>
        </message>
        <message>
            <source>送达方式</source>
            <translation>Service method</translation>
        </message>
        <message>
            <source>送达时间</source>
            <translation>service time</translation>
        </message>
        <message>
            <source>送达地点</source>
            <translation>Place of service</translation>
        </message>
        <message>
            <source>受送达人</source>
            <translation>Recipient</translation>
        </message>
        <message>
            <source>与当事人关系</source>
            <translation>Relation to the party</translation>
        </message>
        <message>
            <source>见证人</source>
            <translation>Witness</translation>
        </message>
        <message>
            <source>送达人</source>
            <translation>Servers</translation>
        </message>
        <message>
            <source>复查结论</source>
            <translation>Re-inspection result</translation>
        </message>
        <message>
            <source>复查时间</source>
            <translation>Re-inspection time</translation>
        </message>
        <message>
            <source>复查情况</source>
            <translation>Re-inspection notes</translation>
        </message>
        <message>
            <source>立案编号</source>
            <translation>Case number</translation>
        </message>
        <message>
            <source>立案日期</source>
            <translation>Case filing date</translation>
        </message>
        <message>
            <source>结案日期</source>
            <translation>Case closing date</translation>
        </message>
        <message>
            <source>结案情况</source>
            <translation>Case result</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>请求的地址不存在</source>
            <translation>The requested address does not exist</translation>
        </message>
        <message>
            <source>不支持该请求方法</source>
            <translation>This request method is not supported</translation>
        </message>
        <message>
            <source>缺少必填字段</source>
            <translation>a required field is missing</translation>
        </message>
        <message>
            <source>不认识的字段</source>
            <translation>unknown field</translation>
        </message>
        <message>
            <source>应为字符串</source>
            <translation>must be a string</translation>
        </message>
        <message>
            <source>应为整数</source>
            <translation>must be an integer</translation>
        </message>
        <message>
            <source>应为布尔值</source>
            <translation>must be true or false</translation>
        </message>
        <message>
            <source>应为数字</source>
            <translation>must be a number</translation>
        </message>
        <message>
            <source>应为列表</source>
            <translation>must be a list</translation>
        </message>
        <message>
            <source>应为对象</source>
            <translation>must be an object</translation>
        </message>
        <message>
            <source>太长</source>
            <translation>is too long</translation>
        </message>
        <message>
            <source>不能为空</source>
            <translation>cannot be empty</translation>
        </message>
        <message>
            <source>格式不对</source>
            <translation>has the wrong format</translation>
        </message>
        <message>
            <source>太小</source>
            <translation>is too small</translation>
        </message>
        <message>
            <source>太大</source>
            <translation>is too large</translation>
        </message>
        <message>
            <source>{field}：{reason}</source>
            <translation>{field}: {reason}</translation>
        </message>
        <message>
            <source>请求内容{reason}</source>
            <translation>The request content {reason}</translation>
        </message>
        <message>
            <source>未找到</source>
            <translation>Not found</translation>
        </message>
        <message>
            <source>请求内容无效</source>
            <translation>The request content is invalid</translation>
        </message>
        <message>
            <source>请求内容不是有效的 JSON</source>
            <translation>The request content is not valid JSON</translation>
        </message>
        <message>
            <source>请求内容应为 JSON 对象</source>
            <translation>The request content must be a JSON object</translation>
        </message>
        <message>
            <source>数据库繁忙，请稍后重试</source>
            <translation>The database is busy; please try again later</translation>
        </message>
        <message>
            <source>服务器内部错误</source>
            <translation>Internal server error</translation>
        </message>
        <message>
            <source>数据库暂时不可用，请稍后重试</source>
            <translation>The database is unavailable for a moment; please try again later</translation>
        </message>
        <message>
            <source>{key}：{problem}</source>
            <translation>{key}: {problem}</translation>
        </message>
        <message>
            <source>缺少线索编号</source>
            <translation>Clue code missing</translation>
        </message>
        <message>
            <source>操作编号与平台已有的记录冲突</source>
            <translation>The action id conflicts with a record the platform already has</translation>
        </message>
        <message>
            <source>附件尚未由本设备完整上传：{names}（请先上传附件文件再提交）</source>
            <translation>Attachments not yet fully uploaded from this device: {names} (upload the files first, then submit)</translation>
        </message>
        <message>
            <source>{channel}渠道编号 {ref} 已登记为线索 {code}，不能重复登记</source>
            <translation>{channel} channel reference {ref} is already registered as clue {code} and cannot be registered again</translation>
        </message>
        <message>
            <source>临时编号 {provisional} 已登记为 {code}</source>
            <translation>Provisional code {provisional} is already registered as {code}</translation>
        </message>
        <message>
            <source>线索 {code} 不存在</source>
            <translation>Clue {code} does not exist</translation>
        </message>
        <message>
            <source>线索 {code} 不在您的办理范围内</source>
            <translation>Clue {code} is outside your scope</translation>
        </message>
        <message>
            <source>纪委监委只读本辖区线索，通过建议、督办函和问责记录开展监督</source>
            <translation>The discipline commission reads its area's clues and supervises through suggestions, urging letters and accountability records</translation>
        </message>
        <message>
            <source>平台不支持的操作类型：{type}</source>
            <translation>Action type not supported by the platform: {type}</translation>
        </message>
        <message>
            <source>该操作缺少文书编号（number_year、number_seq）</source>
            <translation>this action lacks its document number (number_year, number_seq)</translation>
        </message>
        <message>
            <source>案件 {case} 已存在</source>
            <translation>case {case} already exists</translation>
        </message>
        <message>
            <source>线索 {code} 没有案件 {case}</source>
            <translation>clue {code} has no case {case}</translation>
        </message>
        <message>
            <source>签发操作缺少文书编号（number_year、number_seq）</source>
            <translation>The issue action lacks its document number (number_year, number_seq)</translation>
        </message>
        <message>
            <source>通知书 {notice} 已存在</source>
            <translation>Notice {notice} already exists</translation>
        </message>
        <message>
            <source>线索 {code} 没有通知书 {notice}</source>
            <translation>Clue {code} has no notice {notice}</translation>
        </message>
        <message>
            <source>文书编号 {number} 不在本设备为本单位领取的 {year} 年编号段内</source>
            <translation>Document number {number} is not in a {year} number block this device reserved for this unit</translation>
        </message>
        <message>
            <source>文书编号 {number} 已被使用</source>
            <translation>Document number {number} is already in use</translation>
        </message>
        <message>
            <source>{field}：{message}</source>
            <translation>{field}: {message}</translation>
        </message>
        <message>
            <source>纪委监委监督人员只能督办</source>
            <translation>Discipline inspection supervisors may only urge</translation>
        </message>
        <message>
            <source>文号 {number} 本年度已使用</source>
            <translation>Document no. {number} is already used this year</translation>
        </message>
        <message>
            <source>{noun}已存在</source>
            <translation>{noun} already exists</translation>
        </message>
        <message>
            <source>{noun}不存在</source>
            <translation>{noun} does not exist</translation>
        </message>
        <message>
            <source>线索 {code} 已核查合格，无需再次核查</source>
            <translation>Clue {code} has already passed verification and need not be verified again</translation>
        </message>
        <message>
            <source>线索 {code} 正在整改，重新办结后才能复核</source>
            <translation>Clue {code} is being rectified; it can be re-verified only after it is closed again</translation>
        </message>
        <message>
            <source>没有抽取任何线索</source>
            <translation>No clues were drawn</translation>
        </message>
        <message>
            <source>核查批次已存在</source>
            <translation>Verification batch already exists</translation>
        </message>
        <message>
            <source>核查批次不存在</source>
            <translation>Verification batch does not exist</translation>
        </message>
        <message>
            <source>线索 {code} 不在该核查批次中</source>
            <translation>Clue {code} is not in this verification batch</translation>
        </message>
        <message>
            <source>线索 {code} 已由本单位他人在第 {week} 周抽取核查，本条核查结果未被采纳</source>
            <translation>Clue {code} was already drawn for verification by someone else in your unit in week {week}; this verification result was not accepted</translation>
        </message>
        <message>
            <source>线索 {code} 不属于本单位核查范围，已从批次中移除</source>
            <translation>Clue {code} is outside your unit's verification scope and has been removed from the batch</translation>
        </message>
        <message>
            <source>核查周格式不对：{week}</source>
            <translation>Invalid verification week format: {week}</translation>
        </message>
        <message>
            <source>抽样方案格式不对</source>
            <translation>Invalid sample plan format</translation>
        </message>
        <message>
            <source>只有纪委监委监督人员可以登记理由后查看举报人</source>
            <translation>Only discipline commission supervisors may view a reporter, after recording a reason</translation>
        </message>
        <message>
            <source>线索 {code} 不存在或不在您的监督范围内</source>
            <translation>Clue {code} does not exist or is outside your supervision</translation>
        </message>
        <message>
            <source>问责记录已存在</source>
            <translation>Accountability record already exists</translation>
        </message>
        <message>
            <source>问责记录不存在，不能修改</source>
            <translation>Accountability record does not exist and cannot be edited</translation>
        </message>
        <message>
            <source>只有纪委监委可以{action}</source>
            <translation>Only the commission can {action}</translation>
        </message>
        <message>
            <source>只有作出问责的纪委监委可以修改问责记录</source>
            <translation>Only the commission that imposed the accountability can edit the record</translation>
        </message>
        <message>
            <source>至少填写一名责任人（姓名、职务）</source>
            <translation>Enter at least one responsible person (name, position)</translation>
        </message>
        <message numerus="yes">
            <source>最多填写 %n 名责任人</source>
            <translation>
                <numerusform>At most %n responsible person</numerusform>
                <numerusform>At most %n responsible persons</numerusform>
            </translation>
        </message>
        <message>
            <source>问责应针对达到三级预警的线索或未按期答复的建议，至少关联其中一项</source>
            <translation>Accountability must relate to at least one clue that reached a level-3 warning or one suggestion not replied to on time</translation>
        </message>
        <message>
            <source>应为对象（name、post）</source>
            <translation>Must be an object (name, post)</translation>
        </message>
        <message>
            <source>本纪委监委没有该建议</source>
            <translation>This commission has no such suggestion</translation>
        </message>
        <message>
            <source>该建议不是发给被问责单位的</source>
            <translation>This suggestion was not issued to the accountable unit</translation>
        </message>
        <message>
            <source>时限规则 {key} 应为对象（考核项: 权重）</source>
            <translation>Rule {key} must be an object (assessment item: weight)</translation>
        </message>
        <message>
            <source>时限规则 {key} 的权重不能全为 0</source>
            <translation>The weights of rule {key} may not all be 0</translation>
        </message>
        <message>
            <source>时限规则 {key} 不是考核项</source>
            <translation>Rule {key} is not an assessment item</translation>
        </message>
        <message>
            <source>时限规则 {key} 应为 0 到 1000 之间的数，而不是 {value}</source>
            <translation>Rule {key} must be a number from 0 to 1000, not {value}</translation>
        </message>
        <message>
            <source>{day} 不能既是节假日又是调休工作日</source>
            <translation>{day} cannot be both a holiday and a make-up working day</translation>
        </message>
        <message>
            <source>日历文件的内容应为对象（含 year、holidays、workdays）</source>
            <translation>The calendar file must hold an object (with year, holidays, workdays)</translation>
        </message>
        <message>
            <source>日历文件的 year 字段无效：{value}</source>
            <translation>The calendar file's year is invalid: {value}</translation>
        </message>
        <message>
            <source>办公时间至少需要一个时段</source>
            <translation>Office hours need at least one period</translation>
        </message>
        <message>
            <source>时限至少为 1 个工作日</source>
            <translation>A time limit is at least 1 working day</translation>
        </message>
        <message>
            <source>{day} 不属于 {year} 年</source>
            <translation>{day} is not in {year}</translation>
        </message>
        <message>
            <source>日历文件的 {key} 应为日期列表</source>
            <translation>The calendar file's {key} must be a list of dates</translation>
        </message>
        <message>
            <source>办公时段 {period} 的开始必须早于结束</source>
            <translation>Office period {period} must start before it ends</translation>
        </message>
        <message>
            <source>办公时段必须按时间先后排列且互不重叠</source>
            <translation>Office periods must be in time order and must not overlap</translation>
        </message>
        <message>
            <source>办公时段格式无效：{value}</source>
            <translation>Invalid office period: {value}</translation>
        </message>
        <message>
            <source>日历文件 {key} 中的日期无效：{value}</source>
            <translation>Invalid date in the calendar file's {key}: {value}</translation>
        </message>
        <message>
            <source>作出处罚决定前须先告知当事人拟作出的处罚及其权利（不予处罚的，以「不予处罚」结案）</source>
            <translation>before deciding, the party must be notified of the intended penalty and its rights (for no penalty, close the case as “no penalty”)</translation>
        </message>
        <message>
            <source>尚未告知当事人，不能记录陈述申辩</source>
            <translation>the party has not been notified yet; no statement can be recorded</translation>
        </message>
        <message>
            <source>尚未告知当事人，不能记录听证</source>
            <translation>the party has not been notified yet; no hearing can be recorded</translation>
        </message>
        <message>
            <source>尚未作出处罚决定，不能送达</source>
            <translation>no decision has been made yet; nothing to serve</translation>
        </message>
        <message>
            <source>处罚决定书尚未送达，不能记录执行</source>
            <translation>the decision has not been served yet; execution cannot be recorded</translation>
        </message>
        <message>
            <source>案件当前为「{status}」，不能{action}</source>
            <translation>the case is “{status}”; cannot {action}</translation>
        </message>
        <message>
            <source>立案需要{needed}角色，您是{role}</source>
            <translation>filing a case needs the {needed} role; you are {role}</translation>
        </message>
        <message>
            <source>线索不存在，不能立案</source>
            <translation>the clue does not exist; no case can be filed</translation>
        </message>
        <message>
            <source>线索当前为「{status}」，只有办理中、待审核或已办结的线索才能立案</source>
            <translation>the clue is “{status}”; cases are filed only on clues being handled, under review or closed</translation>
        </message>
        <message>
            <source>{unit}没有行政处罚权，不能立案</source>
            <translation>{unit} holds no power of administrative penalty and cannot file a case</translation>
        </message>
        <message>
            <source>{unit}对《{law}》所涉事项没有行政处罚权，应移送有权机关</source>
            <translation>{unit} holds no penalty power for matters under {law}; transfer it to the competent authority</translation>
        </message>
        <message>
            <source>只有线索的主办、协办单位或本辖区生态环境部门可以立案</source>
            <translation>only the clue's lead or assisting unit or the area's environment bureau may file a case</translation>
        </message>
        <message>
            <source>案件已结案，不能{action}</source>
            <translation>the case is closed; cannot {action}</translation>
        </message>
        <message>
            <source>已作出处罚决定，不再需要延期</source>
            <translation>a decision has been made; no extension is needed</translation>
        </message>
        <message>
            <source>已作出处罚决定的案件，执行完毕后才能结案</source>
            <translation>a decided case is closed only once executed</translation>
        </message>
        <message>
            <source>{action}需要{needed}角色，您是{role}</source>
            <translation>{action} needs the {needed} role; you are {role}</translation>
        </message>
        <message>
            <source>只有立案单位可以{action}</source>
            <translation>only the filing unit may {action}</translation>
        </message>
        <message numerus="yes">
            <source>办案期限已延长 %n 次，不能再延期</source>
            <translation>
                <numerusform>the case deadline has been extended %n time; no further extension</numerusform>
                <numerusform>the case deadline has been extended %n times; no further extension</numerusform>
            </translation>
        </message>
        <message>
            <source>案件不存在，不能{action}</source>
            <translation>the case does not exist; cannot {action}</translation>
        </message>
        <message>
            <source>案件已存在</source>
            <translation>the case already exists</translation>
        </message>
        <message>
            <source>拟作出的处罚不属于应当告知听证权利的情形，不能记录听证</source>
            <translation>the intended penalty does not carry a right to a hearing; no hearing can be recorded</translation>
        </message>
        <message>
            <source>当事人未申请听证，不能记录听证</source>
            <translation>the party did not request a hearing; no hearing can be recorded</translation>
        </message>
        <message>
            <source>听证已举行，不能重复记录</source>
            <translation>the hearing has been held; it cannot be recorded twice</translation>
        </message>
        <message>
            <source>已作出处罚决定，不能以「{outcome}」结案</source>
            <translation>a decision has been made; the case cannot be closed as “{outcome}”</translation>
        </message>
        <message>
            <source>尚未记录执行，不能以「执行完毕」结案</source>
            <translation>no execution recorded; the case cannot be closed as “fully executed”</translation>
        </message>
        <message>
            <source>案件规则 cases.{key} 应为正的金额（元）</source>
            <translation>case rule cases.{key} should be a positive amount (yuan)</translation>
        </message>
        <message>
            <source>案件规则 cases 应为对象</source>
            <translation>case rules should be an object</translation>
        </message>
        <message>
            <source>案件规则 cases.decision_days 应为 1 到 365 之间的整数</source>
            <translation>case rule cases.decision_days should be a whole number from 1 to 365</translation>
        </message>
        <message>
            <source>案件规则 cases.extension_days 应为至多 5 个 1 到 365 之间的整数</source>
            <translation>case rule cases.extension_days should be at most 5 whole numbers from 1 to 365</translation>
        </message>
        <message>
            <source>案件规则 cases.hearing_kinds 应为处罚种类代码的列表</source>
            <translation>case rule cases.hearing_kinds should be a list of penalty kind codes</translation>
        </message>
        <message>
            <source>案件规则 cases.{key} 应为金额（元）</source>
            <translation>case rule cases.{key} should be an amount (yuan)</translation>
        </message>
        <message numerus="yes">
            <source>最多 %n 项</source>
            <translation>
                <numerusform>at most %n item</numerusform>
                <numerusform>at most %n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>至少填写 %n 项</source>
            <translation>
                <numerusform>enter at least %n item</numerusform>
                <numerusform>enter at least %n items</numerusform>
            </translation>
        </message>
        <message>
            <source>应为金额，如 50000 或 12345.67</source>
            <translation>should be an amount, e.g. 50000 or 12345.67</translation>
        </message>
        <message>
            <source>金额应大于零</source>
            <translation>the amount must be greater than zero</translation>
        </message>
        <message>
            <source>金额最多保留两位小数（到分）</source>
            <translation>the amount has at most two decimals (fen)</translation>
        </message>
        <message>
            <source>金额过大</source>
            <translation>the amount is too large</translation>
        </message>
        <message>
            <source>至少填写一项处罚</source>
            <translation>enter at least one penalty</translation>
        </message>
        <message>
            <source>应为执法人员列表（name、certificate）</source>
            <translation>should be a list of officers (name, certificate)</translation>
        </message>
        <message numerus="yes">
            <source>至少需要 %n 名持有执法证的执法人员</source>
            <translation>
                <numerusform>at least %n officer holding an enforcement certificate is needed</numerusform>
                <numerusform>at least %n officers holding enforcement certificates are needed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>最多 %n 名执法人员</source>
            <translation>
                <numerusform>at most %n officer</numerusform>
                <numerusform>at most %n officers</numerusform>
            </translation>
        </message>
        <message>
            <source>文书编号的年份 {year} 与{field}（{day}）不符</source>
            <translation>the document number's year {year} does not match the {field} ({day})</translation>
        </message>
        <message>
            <source>「{text}」不是{year}年第{seq}号的文书编号</source>
            <translation>"{text}" is not the document number {seq} of {year}</translation>
        </message>
        <message>
            <source>不能早于上一环节的日期（{day}）</source>
            <translation>cannot be earlier than the previous step's date ({day})</translation>
        </message>
        <message>
            <source>不能早于线索登记日期（{day}）</source>
            <translation>cannot be earlier than the clue's registration date ({day})</translation>
        </message>
        <message>
            <source>拟作出的处罚不属于应当告知听证权利的情形</source>
            <translation>the intended penalty does not carry a right to a hearing</translation>
        </message>
        <message>
            <source>不能早于决定日期（{day}）</source>
            <translation>cannot be earlier than the decision date ({day})</translation>
        </message>
        <message>
            <source>当前状态不能以该方式结案</source>
            <translation>the case cannot be closed this way in its current status</translation>
        </message>
        <message>
            <source>应为整数（日历日）</source>
            <translation>should be a whole number (calendar days)</translation>
        </message>
        <message numerus="yes">
            <source>第 {which} 次延期最多 %n 日</source>
            <translation>
                <numerusform>extension {which} is at most %n day</numerusform>
                <numerusform>extension {which} is at most %n days</numerusform>
            </translation>
        </message>
        <message>
            <source>当事人申请了听证，须先举行听证再作出处罚决定</source>
            <translation>the party requested a hearing; hold it before deciding</translation>
        </message>
        <message>
            <source>应为文本列表</source>
            <translation>must be a list of texts</translation>
        </message>
        <message>
            <source>「{value}」不是金额</source>
            <translation>“{value}” is not an amount</translation>
        </message>
        <message>
            <source>应为对象（kind、amount_yuan、note）</source>
            <translation>should be an object (kind, amount_yuan, note)</translation>
        </message>
        <message>
            <source>处罚种类重复</source>
            <translation>a penalty kind is repeated</translation>
        </message>
        <message>
            <source>应为对象（name、certificate）</source>
            <translation>should be an object (name, certificate)</translation>
        </message>
        <message>
            <source>执法人员重复</source>
            <translation>an officer is repeated</translation>
        </message>
        <message>
            <source>执法证号重复</source>
            <translation>a certificate number is repeated</translation>
        </message>
        <message>
            <source>「{value}」不是有效的案件编号（UUID）</source>
            <translation>“{value}” is not a valid case id (UUID)</translation>
        </message>
        <message>
            <source>通知书 {notice} 不属于线索 {code}</source>
            <translation>notice {notice} does not belong to clue {code}</translation>
        </message>
        <message>
            <source>「{value}」不是整数</source>
            <translation>"{value}" is not a whole number</translation>
        </message>
        <message>
            <source>「{kind}」不填写金额</source>
            <translation>“{kind}” takes no amount</translation>
        </message>
        <message>
            <source>「{kind}」须填写金额</source>
            <translation>“{kind}” needs an amount</translation>
        </message>
        <message>
            <source>至少填写一条违反的条款</source>
            <translation>enter at least one violated clause</translation>
        </message>
        <message>
            <source>应为条款编号列表</source>
            <translation>should be a list of clause ids</translation>
        </message>
        <message>
            <source>条款库中没有「{clause}」</source>
            <translation>The clause library has no "{clause}"</translation>
        </message>
        <message>
            <source>应在 {low} 到 {high} 之间</source>
            <translation>must be between {low} and {high}</translation>
        </message>
        <message>
            <source>不能晚于当前时间</source>
            <translation>cannot be later than now</translation>
        </message>
        <message>
            <source>「{code}」不是有效的县区</source>
            <translation>"{code}" is not a valid county or district</translation>
        </message>
        <message>
            <source>应为一行编号</source>
            <translation>must be a one-line reference</translation>
        </message>
        <message>
            <source>「{value}」不是有效选项（可选：{options}）</source>
            <translation>"{value}" is not a valid option (choose from: {options})</translation>
        </message>
        <message>
            <source>「{value}」不是数字</source>
            <translation>"{value}" is not a number</translation>
        </message>
        <message>
            <source>「{code}」不属于{county}</source>
            <translation>"{code}" does not belong to {county}</translation>
        </message>
        <message>
            <source>必须晚于受理时间</source>
            <translation>must be later than the time received</translation>
        </message>
        <message>
            <source>{countdown}（日历未确认）</source>
            <translation>{countdown} (calendar unconfirmed)</translation>
        </message>
        <message numerus="yes">
            <source>%n 个工作日</source>
            <translation>
                <numerusform>%n working day</numerusform>
                <numerusform>%n working days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n 小时</source>
            <translation>
                <numerusform>%n hour</numerusform>
                <numerusform>%n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n 分钟</source>
            <translation>
                <numerusform>%n minute</numerusform>
                <numerusform>%n minutes</numerusform>
            </translation>
        </message>
        <message>
            <source>已超期 {time}</source>
            <translation>Overdue by {time}</translation>
        </message>
        <message>
            <source>已超期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>剩余 {time}</source>
            <translation>{time} left</translation>
        </message>
        <message>
            <source>即将到期</source>
            <translation>Due now</translation>
        </message>
        <message>
            <source>超期 {time}</source>
            <translation>{time} overdue</translation>
        </message>
        <message>
            <source>超期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>剩 {time}</source>
            <translation>{time} left</translation>
        </message>
        <message numerus="yes">
            <source>应为18位，实际为%n位</source>
            <translation>
                <numerusform>must have 18 characters, has %n</numerusform>
                <numerusform>must have 18 characters, has %n</numerusform>
            </translation>
        </message>
        <message>
            <source>第18位应为数字或X，实际为“{char}”</source>
            <translation>character 18 should be a digit or X, not “{char}”</translation>
        </message>
        <message>
            <source>第7-14位的出生日期 {digits} 不是有效日期</source>
            <translation>the birth date {digits} in characters 7–14 is not a valid date</translation>
        </message>
        <message>
            <source>校验位（第18位）应为“{expected}”，实际为“{actual}”，请核对号码是否抄错</source>
            <translation>the check character (18th) should be “{expected}”, not “{actual}”; please check the number for a copying slip</translation>
        </message>
        <message>
            <source>第{position}位应为数字，实际为“{char}”</source>
            <translation>character {position} should be a digit, not “{char}”</translation>
        </message>
        <message>
            <source>“{value}”不是可导入的县区（可选：{names}）</source>
            <translation>“{value}” is not a county/district that can be imported (options: {names})</translation>
        </message>
        <message>
            <source>{where}没有名为“{value}”的乡镇（街道）</source>
            <translation>{where} has no township/street named “{value}”</translation>
        </message>
        <message>
            <source>“{value}”不是日期（Excel日期序号应在{low}至{high}之间）</source>
            <translation>“{value}” is not a date (Excel date serial numbers must be between {low} and {high})</translation>
        </message>
        <message>
            <source>“{value}”在{where}有多个同名乡镇（街道），请填写所属县区</source>
            <translation>“{value}” matches several townships/streets of that name in {where}; please fill in the county/district</translation>
        </message>
        <message>
            <source>该渠道编号已登记为线索 {code}</source>
            <translation>This channel reference is already registered as clue {code}</translation>
        </message>
        <message>
            <source>与第 {row} 行的渠道编号相同</source>
            <translation>Same channel reference as row {row}</translation>
        </message>
        <message>
            <source>请填写所属县区或所属乡镇（街道）</source>
            <translation>Please fill in the county/district or the township/street</translation>
        </message>
        <message>
            <source>缺少此项</source>
            <translation>Missing</translation>
        </message>
        <message>
            <source>前 {rows} 行中没有找到表头行（应有“工单编号”“受理时间”“诉求内容”等列名）</source>
            <translation>No header row found in the first {rows} rows (expected column names such as “工单编号” (work-order number), “受理时间” (received at), “诉求内容” (request))</translation>
        </message>
        <message>
            <source>本机没有可用的文书编号，请先联网同步领取编号段</source>
            <translation>No document numbers are available on this computer; go online and sync to reserve a number block first</translation>
        </message>
        <message>
            <source>只有依法享有该职权的部门（如生态环境部门）可以起草责令改正违法行为决定书</source>
            <translation>only a department holding that power by law (e.g. the environment bureau) may draft a correction order</translation>
        </message>
        <message>
            <source>{notice}整改期内</source>
            <translation>{notice} within its rectification period</translation>
        </message>
        <message>
            <source>通知书尚未签发，不能送达</source>
            <translation>The notice has not been issued yet and cannot be served</translation>
        </message>
        <message>
            <source>通知书尚未签发，不能复查</source>
            <translation>The notice has not been issued yet and cannot be re-inspected</translation>
        </message>
        <message>
            <source>通知书尚未送达，不能复查</source>
            <translation>The notice has not been served yet and cannot be re-inspected</translation>
        </message>
        <message>
            <source>案件已结案</source>
            <translation>The case is already closed</translation>
        </message>
        <message>
            <source>只有起草单位可以修改通知书</source>
            <translation>Only the drafting unit may edit the notice</translation>
        </message>
        <message>
            <source>只有起草单位可以签发通知书</source>
            <translation>Only the drafting unit may issue the notice</translation>
        </message>
        <message>
            <source>只有签发单位可以记录送达</source>
            <translation>Only the issuing unit may record service</translation>
        </message>
        <message>
            <source>只有签发单位可以复查</source>
            <translation>Only the issuing unit may re-inspect</translation>
        </message>
        <message>
            <source>只有签发单位或本辖区生态环境部门可以记录立案</source>
            <translation>Only the issuing unit or the area's environment bureau may record a case filing</translation>
        </message>
        <message>
            <source>只有签发单位或本辖区生态环境部门可以记录结案</source>
            <translation>Only the issuing unit or the area's environment bureau may record a case closing</translation>
        </message>
        <message>
            <source>尚未立案，不能结案</source>
            <translation>No case has been filed, so it cannot be closed</translation>
        </message>
        <message>
            <source>{notice}未送达</source>
            <translation>{notice} not served</translation>
        </message>
        <message>
            <source>{notice}逾期未整改</source>
            <translation>{notice} not rectified in time</translation>
        </message>
        <message>
            <source>{notice}整改已逾期</source>
            <translation>{notice} rectification overdue</translation>
        </message>
        <message>
            <source>通知书已签发（{status}），内容不能再{action}</source>
            <translation>The notice has been issued ({status}); its content can no longer be changed ({action})</translation>
        </message>
        <message>
            <source>通知书已送达，不能重复记录送达</source>
            <translation>The notice has been served; service cannot be recorded twice</translation>
        </message>
        <message>
            <source>通知书已复查，不能重复复查</source>
            <translation>The notice has been re-inspected; it cannot be re-inspected twice</translation>
        </message>
        <message>
            <source>只有复查认定逾期未整改的通知书才能立案</source>
            <translation>A case can only be filed for a notice found not rectified in time at re-inspection</translation>
        </message>
        <message>
            <source>{action}通知书需要{needed}角色，您是{role}</source>
            <translation>{action} (notice) needs the {needed} role; you are {role}</translation>
        </message>
        <message>
            <source>已立案，不能重复立案</source>
            <translation>A case has been filed already; it cannot be filed twice</translation>
        </message>
        <message>
            <source>通知书不存在，不能{action}</source>
            <translation>The notice does not exist: cannot {action}</translation>
        </message>
        <message>
            <source>通知书已存在</source>
            <translation>The notice already exists</translation>
        </message>
        <message>
            <source>线索不存在，不能起草通知书</source>
            <translation>The clue does not exist: cannot draft a notice</translation>
        </message>
        <message>
            <source>线索当前为「{status}」，只有办理中或待审核的线索才能起草通知书</source>
            <translation>The clue is "{status}"; notices can only be drafted for clues being handled or under review</translation>
        </message>
        <message>
            <source>只有线索的主办单位或协办的职能部门可以起草通知书</source>
            <translation>Only the clue's lead unit or an assisting department may draft a notice</translation>
        </message>
        <message>
            <source>只有线索的主办单位或协办的职能部门可以起草整改通知书</source>
            <translation>Only the clue's lead unit or an assisting department may draft a rectification notice</translation>
        </message>
        <message>
            <source>最多 {limit}，当前为 {count}</source>
            <translation>at most {limit}, now {count}</translation>
        </message>
        <message numerus="yes">
            <source>应在 {low} 到 %n 个工作日之间</source>
            <translation>
                <numerusform>must be between {low} and %n working day</numerusform>
                <numerusform>must be between {low} and %n working days</numerusform>
            </translation>
        </message>
        <message>
            <source>应为日期文本，如 2026-03-05</source>
            <translation>must be a date text such as 2026-03-05</translation>
        </message>
        <message>
            <source>整改期限只能填写工作日天数或截止日期中的一项</source>
            <translation>Give the rectification period either as working days or as a final date, not both</translation>
        </message>
        <message>
            <source>签发前必须填写</source>
            <translation>is required before issuing</translation>
        </message>
        <message>
            <source>请在“发现：”之后写明现场检查发现的违法事实（不能只有开头）</source>
            <translation>write what the on-site inspection found after “发现：” (the lead-in alone is not enough)</translation>
        </message>
        <message>
            <source>签发前必须填写整改期限（工作日天数或截止日期）</source>
            <translation>The rectification period (working days or final date) is required before issuing</translation>
        </message>
        <message>
            <source>责令改正违法行为决定书须引用法律条款</source>
            <translation>A correction order must cite legal clauses</translation>
        </message>
        <message>
            <source>应为文本</source>
            <translation>must be text</translation>
        </message>
        <message numerus="yes">
            <source>%n 项</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
        <message>
            <source>{day} 不是工作日</source>
            <translation>{day} is not a working day</translation>
        </message>
        <message>
            <source>请填写整改期限（工作日天数或截止日期）</source>
            <translation>Enter the rectification period (working days or a final date)</translation>
        </message>
        <message>
            <source>整改截止时间（{deadline}）不晚于{moment}，请修改整改期限</source>
            <translation>The rectification deadline ({deadline}) is not later than the {moment}; change the rectification period</translation>
        </message>
        <message>
            <source>应为条款列表</source>
            <translation>must be a list of clauses</translation>
        </message>
        <message>
            <source>缺少所引条款「{clause}」的条文，请在条款库中补充</source>
            <translation>The text of cited clause "{clause}" is missing; add it to the clause library</translation>
        </message>
        <message>
            <source>文书编号的年份 {year} 与签发日期（{issued}年）不符</source>
            <translation>The document number's year {year} does not match the issue date (year {issued})</translation>
        </message>
        <message>
            <source>不能早于签发时间（{time}）</source>
            <translation>cannot be earlier than the issue time ({time})</translation>
        </message>
        <message>
            <source>应为「已整改」或「逾期未整改」</source>
            <translation>must be "rectified" or "not rectified in time"</translation>
        </message>
        <message>
            <source>不能早于送达时间（{time}）</source>
            <translation>cannot be earlier than the service time ({time})</translation>
        </message>
        <message>
            <source>未设定</source>
            <translation>not set</translation>
        </message>
        <message>
            <source>整改期限（{deadline}）尚未届满，不能认定逾期未整改</source>
            <translation>The rectification period ({deadline}) has not ended; it cannot be found not rectified in time</translation>
        </message>
        <message>
            <source>不能早于复查日期（{day}）</source>
            <translation>cannot be earlier than the re-inspection date ({day})</translation>
        </message>
        <message>
            <source>不能早于立案日期（{day}）</source>
            <translation>cannot be earlier than the case filing date ({day})</translation>
        </message>
        <message>
            <source>直接送达一般应由两名送达人送达</source>
            <translation>Direct service is usually made by two servers</translation>
        </message>
        <message>
            <source>应为对象（id、law、article、text）</source>
            <translation>must be an object (id, law, article, text)</translation>
        </message>
        <message>
            <source>「{value}」不是有效选项（可选：单位、个体工商户、自然人）</source>
            <translation>“{value}” is not a valid choice (organisation, sole trader, natural person)</translation>
        </message>
        <message>
            <source>应为时间文本，如 2026-03-05 09:30</source>
            <translation>must be a time text such as 2026-03-05 09:30</translation>
        </message>
        <message>
            <source>应为 true 或 false</source>
            <translation>must be true or false</translation>
        </message>
        <message>
            <source>不能晚于今天</source>
            <translation>cannot be later than today</translation>
        </message>
        <message>
            <source>应为送达人姓名的列表</source>
            <translation>must be a list of server names</translation>
        </message>
        <message>
            <source>至少填写一名送达人</source>
            <translation>enter at least one person who served it</translation>
        </message>
        <message numerus="yes">
            <source>最多填写 %n 名送达人</source>
            <translation>
                <numerusform>enter at most %n server</numerusform>
                <numerusform>enter at most %n servers</numerusform>
            </translation>
        </message>
        <message>
            <source>职权规则 {name} 应为文本列表</source>
            <translation>powers rule {name} should be a list of texts</translation>
        </message>
        <message>
            <source>职权规则 {name} 中有空白或非文本的项</source>
            <translation>powers rule {name} has a blank or non-text item</translation>
        </message>
        <message>
            <source>职权规则 {name} 应为对象</source>
            <translation>powers rule {name} should be an object</translation>
        </message>
        <message>
            <source>职权规则 {name} 缺少 key 或 name</source>
            <translation>powers rule {name} lacks key or name</translation>
        </message>
        <message>
            <source>职权规则 {name}.unit_kinds 不能为空</source>
            <translation>powers rule {name}.unit_kinds must not be empty</translation>
        </message>
        <message>
            <source>职权规则 {name}.laws 应为对象（法律: 条款列表）</source>
            <translation>powers rule {name}.laws should be an object (law: list of articles)</translation>
        </message>
        <message>
            <source>职权规则 {name}.documents 中的文书种类无效：{kind}</source>
            <translation>powers rule {name}.documents has an invalid document kind: {kind}</translation>
        </message>
        <message>
            <source>职权规则 {name}.files_cases 应为 true 或 false</source>
            <translation>powers rule {name}.files_cases should be true or false</translation>
        </message>
        <message>
            <source>职权规则 powers 应为非空列表</source>
            <translation>powers rules should be a non-empty list</translation>
        </message>
        <message>
            <source>职权规则 {name}.unit_kinds 中的单位类别无效</source>
            <translation>powers rule {name}.unit_kinds has an invalid unit kind</translation>
        </message>
        <message>
            <source>请填写查看理由（至少 {count} 个字）</source>
            <translation>Please enter a reason for viewing (at least {count} characters)</translation>
        </message>
        <message>
            <source>查看理由不能超过 {count} 个字</source>
            <translation>The reason for viewing may not exceed {count} characters</translation>
        </message>
        <message>
            <source>时限规则 {name} 应为对象</source>
            <translation>Time-limit rules: {name} must be an object</translation>
        </message>
        <message>
            <source>时限规则 stage_warnings 应为对象（环节: 预警阈值）</source>
            <translation>rule stage_warnings should be an object (stage: thresholds)</translation>
        </message>
        <message>
            <source>时限规则 {name} 必须是 1 到 365 之间的整数，而不是 {value}</source>
            <translation>Time-limit rules: {name} must be a whole number from 1 to 365, not {value}</translation>
        </message>
        <message>
            <source>时限规则 limits.channel_handle_days 应为对象（举报途径: {紧急程度: 工作日数}）</source>
            <translation>Time-limit rules: limits.channel_handle_days must be an object (channel: {priority: working days})</translation>
        </message>
        <message>
            <source>时限规则 callback_channels 应为举报途径列表</source>
            <translation>Time-limit rules: callback_channels must be a list of channels</translation>
        </message>
        <message>
            <source>时限规则 signoff_required 应为 true 或 false，而不是 {value}</source>
            <translation>Time-limit rules: signoff_required must be true or false, not {value}</translation>
        </message>
        <message>
            <source>时限规则 refusal_grounds 应为非空对象（代码: 不予受理依据）</source>
            <translation>Time-limit rules: refusal_grounds must be a non-empty object (code: ground for refusal)</translation>
        </message>
        <message>
            <source>时限规则应为对象（含 limits、warnings、office_hours）</source>
            <translation>Time-limit rules must be an object (with limits, warnings, office_hours)</translation>
        </message>
        <message>
            <source>时限规则 {name} 中的举报途径无效：{key}</source>
            <translation>Time-limit rules: invalid channel in {name}: {key}</translation>
        </message>
        <message>
            <source>时限规则 limits.channel_handle_days.{key} 应为对象</source>
            <translation>Time-limit rules: limits.channel_handle_days.{key} must be an object</translation>
        </message>
        <message>
            <source>时限规则 refusal_grounds 中的依据无效：{key}</source>
            <translation>Time-limit rules: invalid ground in refusal_grounds: {key}</translation>
        </message>
        <message>
            <source>时限规则 limits.handle_days 应为对象（紧急程度: 工作日数）</source>
            <translation>Time-limit rules: limits.handle_days must be an object (priority: working days)</translation>
        </message>
        <message>
            <source>时限规则 office_hours 应为时段列表，如 [["08:30", "12:00"]]</source>
            <translation>Time-limit rules: office_hours must be a list of periods, such as [["08:30", "12:00"]]</translation>
        </message>
        <message>
            <source>时限规则 stage_warnings 中的环节无效：{key}</source>
            <translation>rule stage_warnings has an invalid stage: {key}</translation>
        </message>
        <message>
            <source>时限规则 limits.channel_handle_days.{key} 中的紧急程度无效：{priority}</source>
            <translation>Time-limit rules: invalid priority in limits.channel_handle_days.{key}: {priority}</translation>
        </message>
        <message>
            <source>时限规则 limits.handle_days 中的紧急程度无效：{key}</source>
            <translation>Time-limit rules: invalid priority in limits.handle_days: {key}</translation>
        </message>
        <message>
            <source>建议当前为「{status}」，不能{action}</source>
            <translation>Cannot {action}: the suggestion is currently “{status}”</translation>
        </message>
        <message>
            <source>只有建议的主送单位可以答复</source>
            <translation>Only the suggestion's recipient can reply</translation>
        </message>
        <message>
            <source>纪委监委用户不能代替主送单位答复</source>
            <translation>Commission users cannot reply on behalf of the recipient</translation>
        </message>
        <message>
            <source>建议不存在，不能{action}</source>
            <translation>Suggestion does not exist; cannot {action}</translation>
        </message>
        <message>
            <source>建议已存在</source>
            <translation>Suggestion already exists</translation>
        </message>
        <message>
            <source>只有纪委监委可以{action}建议</source>
            <translation>Only the commission can {action} suggestions</translation>
        </message>
        <message>
            <source>只有发出建议的纪委监委可以{action}</source>
            <translation>Only the issuing commission can {action}</translation>
        </message>
        <message>
            <source>应为工作日天数（整数）</source>
            <translation>Must be a number of working days (integer)</translation>
        </message>
        <message numerus="yes">
            <source>应在 1 到 %n 个工作日之间</source>
            <translation>
                <numerusform>Must be between 1 and %n working day</numerusform>
                <numerusform>Must be between 1 and %n working days</numerusform>
            </translation>
        </message>
        <message>
            <source>文号的年份 {year} 与发出日期（{issued}年）不符</source>
            <translation>Document no. year {year} does not match the issue date (year {issued})</translation>
        </message>
        <message>
            <source>不能早于建议发出时间</source>
            <translation>Cannot be earlier than the suggestion's issue time</translation>
        </message>
        <message>
            <source>只有纪委监委单位的用户可以发出建议</source>
            <translation>Only commission users can issue suggestions</translation>
        </message>
        <message>
            <source>单位「{code}」不存在</source>
            <translation>Unit “{code}” does not exist</translation>
        </message>
        <message>
            <source>不能对纪委监委自身提出</source>
            <translation>Cannot be issued to the commission itself</translation>
        </message>
        <message>
            <source>{unit}不在{commission}的监督范围内</source>
            <translation>{unit} is not under {commission}'s supervision</translation>
        </message>
        <message>
            <source>应为线索编号的列表</source>
            <translation>Must be a list of clue codes</translation>
        </message>
        <message numerus="yes">
            <source>最多关联 %n 条线索</source>
            <translation>
                <numerusform>At most %n clue can be linked</numerusform>
                <numerusform>At most %n clues can be linked</numerusform>
            </translation>
        </message>
        <message>
            <source>应为附件列表</source>
            <translation>Must be a list of attachments</translation>
        </message>
        <message>
            <source>「{raw}」不是有效的{what}（UUID）</source>
            <translation>“{raw}” is not a valid {what} (UUID)</translation>
        </message>
        <message>
            <source>线索 {code} 不存在或不在监督范围内</source>
            <translation>Clue {code} does not exist or is not under supervision</translation>
        </message>
        <message>
            <source>附件应有 sha256（64 位十六进制）</source>
            <translation>Attachment must have a sha256 (64 hex digits)</translation>
        </message>
        <message>
            <source>附件应有文件名</source>
            <translation>Attachment must have a file name</translation>
        </message>
        <message>
            <source>“{char}”</source>
            <translation>"{char}"</translation>
        </message>
        <message>
            <source>空格</source>
            <translation>a space</translation>
        </message>
        <message>
            <source>不可见字符（U+{code}）</source>
            <translation>an invisible character (U+{code})</translation>
        </message>
        <message>
            <source>第{position}位字符“{char}”无效：统一社会信用代码不使用字母I、O、S、V、Z</source>
            <translation>Character {position} "{char}" is invalid: credit codes do not use the letters I, O, S, V, Z</translation>
        </message>
        <message>
            <source>第{position}位字符{char}无效：只能是数字0-9或除I、O、S、V、Z以外的大写字母</source>
            <translation>Character {position} ({char}) is invalid: only digits 0-9 and capital letters other than I, O, S, V, Z are allowed</translation>
        </message>
        <message>
            <source>不是有效的手机号码、固定电话（需带区号）或政务服务短号</source>
            <translation>is not a valid mobile number, landline (with area code) or government service short number</translation>
        </message>
        <message>
            <source>无法识别“{text}”，请按“2026-03-05”或“2026年3月5日”的格式填写</source>
            <translation>cannot read "{text}"; enter it as "2026-03-05"</translation>
        </message>
        <message numerus="yes">
            <source>计算校验位需要前17位，实际为%n位</source>
            <translation>
                <numerusform>the check character needs the first 17 characters, got %n</numerusform>
                <numerusform>the check character needs the first 17 characters, got %n</numerusform>
            </translation>
        </message>
        <message>
            <source>第1位（登记管理部门代码）应为1-9、A、N或Y，实际为“{char}”</source>
            <translation>character 1 (registering authority) must be 1-9, A, N or Y, not "{char}"</translation>
        </message>
        <message>
            <source>校验位（第18位）应为“{expected}”，实际为“{actual}”，请核对整个代码是否抄错</source>
            <translation>the check character (18th) should be "{expected}", not "{actual}"; check that the whole code was copied correctly</translation>
        </message>
        <message>
            <source>不支持分机号，请只填写总机号码</source>
            <translation>extensions are not supported; enter the main number only</translation>
        </message>
        <message>
            <source>没有填写号码数字</source>
            <translation>no digits entered</translation>
        </message>
        <message numerus="yes">
            <source>手机号码应为11位数字，实际为%n位</source>
            <translation>
                <numerusform>a mobile number has 11 digits, this has %n</numerusform>
                <numerusform>a mobile number has 11 digits, this has %n</numerusform>
            </translation>
        </message>
        <message>
            <source>固定电话应为“区号-号码”，区号以0开头共3-4位，号码7-8位且不以0或1开头，例如0518-85821234</source>
            <translation>a landline is "area code-number": an area code of 3-4 digits starting with 0 and a number of 7-8 digits not starting with 0 or 1, e.g. 0518-85821234</translation>
        </message>
        <message>
            <source>年份应在{low}年至{high}年之间，实际为{year}年</source>
            <translation>the year must be between {low} and {high}, not {year}</translation>
        </message>
        <message>
            <source>月份“{month}”无效，应在1至12之间</source>
            <translation>month "{month}" is invalid; it must be 1 to 12</translation>
        </message>
        <message numerus="yes">
            <source>{year}年{month}月没有{day}日（该月只有%n天）</source>
            <translation>
                <numerusform>{year}-{month} has no day {day} (the month has %n day)</numerusform>
                <numerusform>{year}-{month} has no day {day} (the month has %n days)</numerusform>
            </translation>
        </message>
        <message>
            <source>小时“{hour}”无效，应在0至23之间</source>
            <translation>hour "{hour}" is invalid; it must be 0 to 23</translation>
        </message>
        <message>
            <source>分钟“{minute}”无效，应在0至59之间</source>
            <translation>minute "{minute}" is invalid; it must be 0 to 59</translation>
        </message>
        <message>
            <source>秒“{second}”无效，应在0至59之间</source>
            <translation>second "{second}" is invalid; it must be 0 to 59</translation>
        </message>
        <message>
            <source>最多 {limit}，当前为 {length}</source>
            <translation>at most {limit}, now {length}</translation>
        </message>
        <message>
            <source>第3-8位（登记管理机关行政区划码）应为数字，第{position}位却是“{char}”</source>
            <translation>characters 3-8 (the authority's division code) must be digits, but character {position} is "{char}"</translation>
        </message>
        <message>
            <source>只支持中国大陆号码（+86）</source>
            <translation>only mainland China numbers (+86) are supported</translation>
        </message>
        <message>
            <source>+86后应为11位手机号码（以13-19开头）</source>
            <translation>after +86 an 11-digit mobile number (starting 13-19) must follow</translation>
        </message>
        <message>
            <source>“{number}”不是可受理的短号码（支持：{numbers}）</source>
            <translation>"{number}" is not an accepted short number (supported: {numbers})</translation>
        </message>
        <message>
            <source>日期不能为0日</source>
            <translation>the day cannot be 0</translation>
        </message>
        <message>
            <source>无法识别“{text}”，请按“2026-03-05 09:30”或“2026年3月5日 9:30”的格式填写</source>
            <translation>cannot read "{text}"; enter it as "2026-03-05 09:30"</translation>
        </message>
        <message>
            <source>第{position}个字符是不可见的控制字符（U+{code}），请删除后重试</source>
            <translation>character {position} is an invisible control character (U+{code}); delete it and try again</translation>
        </message>
        <message>
            <source>手机号码第2位应为3-9，实际为“{digit}”</source>
            <translation>the second digit of a mobile number must be 3-9, not "{digit}"</translation>
        </message>
        <message>
            <source>时区“{zone}”无效</source>
            <translation>time zone "{zone}" is invalid</translation>
        </message>
        <message numerus="yes">
            <source>%n 个字符</source>
            <translation>
                <numerusform>%n character</numerusform>
                <numerusform>%n characters</numerusform>
            </translation>
        </message>
        <message>
            <source>包含无效字符{char}</source>
            <translation>contains an invalid character: {char}</translation>
        </message>
        <message>
            <source>只有攻坚办的分办人员可以开展每周核查</source>
            <translation>Only tackling-office dispatch staff can carry out weekly verification</translation>
        </message>
        <message>
            <source>核查不合格须附佐证材料</source>
            <translation>Supporting evidence is required when verification fails</translation>
        </message>
        <message>
            <source>请选择核查结果</source>
            <translation>Please select a verification result</translation>
        </message>
        <message>
            <source>本线索由「{office}」承办，只有该办可以{action}</source>
            <translation>This clue is owned by "{office}"; only that office may {action}</translation>
        </message>
        <message>
            <source>本线索由「{office}」承办，只有该办可以{action}（市攻坚办须先提级办理）</source>
            <translation>This clue is owned by "{office}"; only that office may {action} (the city office must take it over first)</translation>
        </message>
        <message>
            <source>线索当前为「{status}」，不能{action}</source>
            <translation>The clue is "{status}": cannot {action}</translation>
        </message>
        <message>
            <source>{action}需要{roles}角色，您是{role}</source>
            <translation>{action} needs the role {roles}; you are {role}</translation>
        </message>
        <message>
            <source>市攻坚办承办的线索无需退回市级，可转办到县区</source>
            <translation>A clue owned by the city office need not be returned to the city; transfer it to a county instead</translation>
        </message>
        <message>
            <source>只有市攻坚办可以转办到其他县区；县区攻坚办请退回市级</source>
            <translation>Only the city office may transfer to another county; a county office returns the clue to the city</translation>
        </message>
        <message>
            <source>本线索已由市攻坚办承办</source>
            <translation>This clue is already owned by the city office</translation>
        </message>
        <message>
            <source>只有回访不满意的线索可以重新办理</source>
            <translation>Only a clue whose callback was unsatisfied can be reopened</translation>
        </message>
        <message>
            <source>线索没有主办单位，不能重新办理</source>
            <translation>The clue has no lead unit and cannot be reopened</translation>
        </message>
        <message>
            <source>线索不存在，不能{action}</source>
            <translation>The clue does not exist: cannot {action}</translation>
        </message>
        <message>
            <source>线索已登记</source>
            <translation>The clue is already registered</translation>
        </message>
        <message numerus="yes">
            <source>分办已超过 %n 个工作日，不能退回</source>
            <translation>
                <numerusform>More than %n working day has passed since dispatch; it cannot be returned</numerusform>
                <numerusform>More than %n working days have passed since dispatch; it cannot be returned</numerusform>
            </translation>
        </message>
        <message>
            <source>已有延期申请待审批</source>
            <translation>An extension request is already awaiting approval</translation>
        </message>
        <message>
            <source>办理期限已过，不能再申请延期</source>
            <translation>The handling deadline has passed; an extension can no longer be requested</translation>
        </message>
        <message numerus="yes">
            <source>本阶段已申请延期 %n 次，达到上限，不能再申请</source>
            <translation>
                <numerusform>An extension has been requested %n time in this stage, the limit; no more can be requested</numerusform>
                <numerusform>Extensions have been requested %n times in this stage, the limit; no more can be requested</numerusform>
            </translation>
        </message>
        <message>
            <source>本阶段已延期 {days}，达到 {limit}上限</source>
            <translation>This stage has been extended by {days}, reaching the limit of {limit}</translation>
        </message>
        <message>
            <source>没有待审批的延期申请</source>
            <translation>There is no extension request awaiting approval</translation>
        </message>
        <message>
            <source>「{channel}」线索没有举报人，无需回访</source>
            <translation>"{channel}" clues have no reporter, so no callback is needed</translation>
        </message>
        <message>
            <source>重复件随原件办理，请对原件「{original}」{action}</source>
            <translation>A duplicate follows its original; {action} the original "{original}" instead</translation>
        </message>
        <message>
            <source>「{unit}」不是可承办线索的单位</source>
            <translation>"{unit}" is not a unit that can handle clues</translation>
        </message>
        <message>
            <source>「{unit}」不是本县区可承办的单位</source>
            <translation>"{unit}" is not a unit of this county that can handle clues</translation>
        </message>
        <message>
            <source>必须晚于分办时间</source>
            <translation>must be later than the dispatch time</translation>
        </message>
        <message>
            <source>不能晚于交办单位要求的期限 {due}</source>
            <translation>cannot be later than the deadline set by the assigning body, {due}</translation>
        </message>
        <message>
            <source>单位目录中没有市攻坚办，无法退回市级</source>
            <translation>The unit directory has no city office; the clue cannot be returned to the city</translation>
        </message>
        <message>
            <source>「{unit}」不是县区或功能板块攻坚办</source>
            <translation>"{unit}" is not a county or zone tackling office</translation>
        </message>
        <message>
            <source>线索已属于{office}，请选择其他县区</source>
            <translation>The clue already belongs to {office}; choose another county</translation>
        </message>
        <message>
            <source>不能是本线索自己</source>
            <translation>cannot be this clue itself</translation>
        </message>
        <message>
            <source>找不到线索「{code}」，或它不在您的范围内</source>
            <translation>Clue "{code}" was not found, or it is outside your scope</translation>
        </message>
        <message>
            <source>「{code}」本身是{status}，请选择原件</source>
            <translation>"{code}" is itself {status}; choose the original</translation>
        </message>
        <message>
            <source>「{code}」不属于本县区</source>
            <translation>"{code}" does not belong to this county</translation>
        </message>
        <message>
            <source>原件「{code}」尚未办结，重复件随原件办结</source>
            <translation>The original "{code}" is not closed yet; a duplicate closes with its original</translation>
        </message>
        <message>
            <source>请选择不予受理依据（可选：{options}）</source>
            <translation>choose a ground for refusal (options: {options})</translation>
        </message>
        <message>
            <source>核查结论为「{finding}」时须附现场照片等佐证材料</source>
            <translation>With the finding "{finding}", site photos or other evidence must be attached</translation>
        </message>
        <message>
            <source>未能联系上举报人时，请写明联系的时间和方式</source>
            <translation>When the reporter could not be reached, write down when and how contact was tried</translation>
        </message>
        <message>
            <source>「{channel}」线索办结前须回访举报人</source>
            <translation>"{channel}" clues require a callback to the reporter before closing</translation>
        </message>
        <message>
            <source>只能登记本辖区的线索</source>
            <translation>You can only register clues of your own area</translation>
        </message>
        <message>
            <source>只有市攻坚办可以提级办理</source>
            <translation>Only the city office may take a clue over</translation>
        </message>
        <message>
            <source>只有本辖区攻坚办可以办结重复件</source>
            <translation>Only the area's tackling office may close duplicates</translation>
        </message>
        <message>
            <source>只有主办单位可以签收</source>
            <translation>Only the lead unit may sign for the clue</translation>
        </message>
        <message>
            <source>只有主办单位可以退回</source>
            <translation>Only the lead unit may return the clue</translation>
        </message>
        <message>
            <source>只有主办单位可以申请延期</source>
            <translation>Only the lead unit may request an extension</translation>
        </message>
        <message>
            <source>只有主办单位可以反馈办理结果</source>
            <translation>Only the lead unit may report the result</translation>
        </message>
        <message>
            <source>只有主办单位负责人可以审签</source>
            <translation>Only the head of the lead unit may sign off</translation>
        </message>
        <message>
            <source>只有承办攻坚办或主办单位可以回访举报人</source>
            <translation>Only the owning office or the lead unit may call the reporter back</translation>
        </message>
        <message>
            <source>只有本辖区攻坚办可以核查</source>
            <translation>Only the area's tackling office may verify</translation>
        </message>
        <message>
            <source>只有本辖区攻坚办可以督办（纪委监委以督办函督办）</source>
            <translation>Only the area's tackling office may urge (the discipline commission urges by letter)</translation>
        </message>
        <message>
            <source>只有协办单位可以提交协办反馈</source>
            <translation>Only an assisting unit may submit an assisting report</translation>
        </message>
        <message>
            <source>「{unit}」不是本县区或市级部门可承办的单位</source>
            <translation>"{unit}" is not a unit of this county or a city department that can handle clues</translation>
        </message>
        <message>
            <source>「{unit}」重复或与主办单位相同</source>
            <translation>"{unit}" is listed twice or is the lead unit</translation>
        </message>
        <message>
            <source>交办单位要求 {due} 前办结，延期不能超过该期限</source>
            <translation>The assigning body requires closing before {due}; an extension cannot go beyond it</translation>
        </message>
        <message>
            <source>整改通知书尚未闭环（{notices}），须写明理由才能办结</source>
            <translation>Rectification notices are still open ({notices}); give a reason to close anyway</translation>
        </message>
        <message>
            <source>本机没有编号为 {code} 的线索</source>
            <translation>There is no clue {code} on this computer</translation>
        </message>
        <message>
            <source>附件“{name}”不在本机附件库中</source>
            <translation>Attachment "{name}" is not in this computer's attachment store</translation>
        </message>
        <message>
            <source>找不到线索库文件 {path}</source>
            <translation>Clue store file {path} not found</translation>
        </message>
        <message>
            <source>文件 {path} 不存在</source>
            <translation>File {path} does not exist</translation>
        </message>
        <message>
            <source>{path} 不是 cluedesk 的线索库</source>
            <translation>{path} is not a cluedesk clue store</translation>
        </message>
        <message>
            <source>{path} 中没有数据库版本记录，不是完整的线索库</source>
            <translation>{path} has no schema version record: it is not a complete clue store</translation>
        </message>
        <message>
            <source>{path} 的数据库版本 {revision} 比本程序新（由更新版本的 cluedesk 写入），请升级 cluedesk 后再恢复</source>
            <translation>The schema version {revision} of {path} is newer than this program (written by a newer cluedesk); upgrade cluedesk before restoring it</translation>
        </message>
        <message>
            <source>{path} 没有通过完整性检查（{found}）</source>
            <translation>{path} failed the integrity check ({found})</translation>
        </message>
        <message>
            <source>备份的副本没有通过完整性检查（{found}），已删除该副本；原线索库没有改动。</source>
            <translation>The backup copy failed the integrity check ({found}) and was deleted; the clue store was not changed.</translation>
        </message>
        <message>
            <source>无法读取文件 {path}：{error}</source>
            <translation>Cannot read file {path}: {error}</translation>
        </message>
        <message>
            <source>{path} 不是 SQLite 数据库文件，也不是用本机密钥加密的线索库</source>
            <translation>{path} is neither an SQLite database file nor a clue store encrypted with this computer's key</translation>
        </message>
        <message>
            <source>{path} 无法读取（SQLite：{error}）</source>
            <translation>{path} cannot be read (SQLite: {error})</translation>
        </message>
        <message>
            <source>本机没有案件 {case}</source>
            <translation>this device has no case {case}</translation>
        </message>
        <message>
            <source>平台要求加密本机线索库，但{cause}，线索库仍保持未加密。请启用系统密钥环（Windows 凭据管理器，或 Linux 的 Secret Service，如 GNOME 密钥环）后重新启动 cluedesk。</source>
            <translation>The platform requires this computer's clue store to be encrypted, but {cause}; the clue store stays unencrypted. Enable the system keyring (Windows Credential Manager, or a Secret Service on Linux such as GNOME Keyring) and restart cluedesk.</translation>
        </message>
        <message>
            <source>加密本机线索库没有完成（{error}），线索库保持未加密，数据没有损失；下次启动时会再试。</source>
            <translation>Encrypting the clue store did not complete ({error}); it stays unencrypted and no data was lost; it will be tried again at the next start.</translation>
        </message>
        <message>
            <source>问题类型对照表中没有「{key}」</source>
            <translation>the problem-kind table has no “{key}”</translation>
        </message>
        <message>
            <source>请先退出 cluedesk，把 {path} 移到别处保存{keep}；然后重新打开 cluedesk 并登录同步，会新建线索库并从平台重新下载线索。</source>
            <translation>Quit cluedesk first and move {path} elsewhere for safekeeping{keep}; then open cluedesk again and sign in to sync: a new clue store is created and the clues are downloaded from the platform again.</translation>
        </message>
        <message>
            <source>（其中可能还有尚未同步的操作，可交技术人员取回）</source>
            <translation> (it may still hold actions not yet synced, which a technician can recover)</translation>
        </message>
        <message>
            <source>请先退出 cluedesk，然后执行 cluedesk restore --latest --data-dir {folder}：它把 {path} 改名保留在数据目录中（其中尚未同步、仍能读出的操作会自动取回），用 {backups} 中最近一份完好的备份（最新的一份是 {backup}）恢复线索库，再次同步时从平台重新下载备份之后的变化。</source>
            <translation>Quit cluedesk first, then run cluedesk restore --latest --data-dir {folder}: it renames {path} and keeps it in the data folder (the unsynced actions still readable in it are brought back), restores the clue store from the latest sound backup in {backups} (the newest is {backup}), and the next sync downloads again what changed on the platform after the backup.</translation>
        </message>
        <message>
            <source>数据目录 {folder} 是一个文件，不是文件夹，cluedesk 没有改动它。请用 --data-dir 指定一个文件夹（不存在时会自动创建）。</source>
            <translation>The data folder {folder} is a file, not a folder; cluedesk left it unchanged. Name a folder with --data-dir (it is created if missing).</translation>
        </message>
        <message>
            <source>数据目录 {folder} 不可写（只读，或当前用户没有写权限），cluedesk 无法在其中保存线索库，没有做任何改动。请为当前用户开放该文件夹的读写权限，或用 --data-dir 指定其他文件夹。</source>
            <translation>The data folder {folder} is not writable (read-only, or this user may not write to it), so cluedesk cannot keep its clue store there; nothing was changed. Give this user read and write access to the folder, or name another folder with --data-dir.</translation>
        </message>
        <message>
            <source>线索库文件 {path} 不可读写（只读，或当前用户没有权限），cluedesk 没有改动它。请为当前用户开放该文件及其所在文件夹的读写权限后重试。</source>
            <translation>The clue store file {path} cannot be read and written (read-only, or this user lacks the rights); cluedesk left it unchanged. Give this user read and write access to the file and its folder, then try again.</translation>
        </message>
        <message>
            <source>磁盘空间不足：写入 {path} 时磁盘已满。这次的操作没有保存，已有的线索和待同步的操作都没有丢失。请清理磁盘空间后重试。</source>
            <translation>Not enough disk space: the disk was full while writing {path}. This action was not saved; the existing clues and the actions waiting to sync are not lost. Free some disk space and try again.</translation>
        </message>
        <message>
            <source>线索库文件 {path} 已损坏（{what}），cluedesk 已停止使用它，也没有改动它。{hint}</source>
            <translation>The clue store file {path} is damaged ({what}); cluedesk stopped using it and left it unchanged. {hint}</translation>
        </message>
        <message>
            <source>线索库文件 {path} 是空的（0 字节），可能在写入时被中断或被其他程序清空。为免尚未同步的操作在不知不觉中丢失，cluedesk 没有用新库替换它。{hint}</source>
            <translation>The clue store file {path} is empty (0 bytes): writing it may have been interrupted, or another program emptied it. So that actions not yet synced are not lost unnoticed, cluedesk did not replace it with a new store. {hint}</translation>
        </message>
        <message>
            <source>其中是其他程序的数据表：{tables}等</source>
            <translation>it holds another program's tables: {tables} and more</translation>
        </message>
        <message>
            <source>{path} 不是 cluedesk 的线索库（{content}），cluedesk 没有改动它。请把该文件移到别处，或用 --data-dir 指定其他数据目录，然后重新打开 cluedesk 并登录同步。</source>
            <translation>{path} is not a cluedesk clue store ({content}); cluedesk left it unchanged. Move the file elsewhere, or name another data folder with --data-dir, then open cluedesk again and sign in to sync.</translation>
        </message>
        <message>
            <source>线索库 {path} 的数据库版本 {revision} 比本程序新（由更新版本的 cluedesk 写入），cluedesk 没有改动它。请升级 cluedesk 后再打开。</source>
            <translation>The clue store {path} has database version {revision}, newer than this program (a newer cluedesk wrote it); cluedesk left it unchanged. Upgrade cluedesk and open it again.</translation>
        </message>
        <message>
            <source>其中是其他程序的数据表：{tables}</source>
            <translation>it holds another program's tables: {tables}</translation>
        </message>
        <message>
            <source>它属于其他程序</source>
            <translation>it belongs to another program</translation>
        </message>
        <message>
            <source>读取时发现数据页损坏，SQLite：{error}</source>
            <translation>a damaged data page was found while reading; SQLite: {error}</translation>
        </message>
        <message>
            <source>读写线索库文件 {path} 时发生磁盘错误（{error}），这次的操作没有保存。请检查磁盘或存储设备后重试；如再次出现，{hint}</source>
            <translation>A disk error occurred while reading or writing the clue store file {path} ({error}); this action was not saved. Check the disk or storage device and try again; if it happens again: {hint}</translation>
        </message>
        <message>
            <source>没有权限写入 {path}（只读，或当前用户没有写权限），cluedesk 没有做任何改动。请为当前用户开放读写权限，或用 --data-dir 指定其他文件夹。</source>
            <translation>No permission to write {path} (read-only, or this user may not write there); cluedesk changed nothing. Give this user read and write access, or name another folder with --data-dir.</translation>
        </message>
        <message>
            <source>文件头不是 SQLite 数据库，可能被其他程序覆盖或写入了随机内容</source>
            <translation>the file header is not an SQLite database; another program may have overwritten it or written random content</translation>
        </message>
        <message numerus="yes">
            <source>文件不完整，只有 %n 字节</source>
            <translation>
                <numerusform>the file is incomplete: only %n byte</numerusform>
                <numerusform>the file is incomplete: only %n bytes</numerusform>
            </translation>
        </message>
        <message>
            <source>文件头中的页大小无效</source>
            <translation>the page size in the file header is invalid</translation>
        </message>
        <message>
            <source>文件不完整：{size} 字节不是页大小 {page} 的整数倍</source>
            <translation>the file is incomplete: {size} bytes is not a multiple of the page size {page}</translation>
        </message>
        <message>
            <source>文件不完整：应有 {expected} 字节，实际只有 {size} 字节</source>
            <translation>the file is incomplete: it should have {expected} bytes but has only {size}</translation>
        </message>
        <message>
            <source>无法创建数据目录 {folder}：路径中的上级目录是一个文件。请用 --data-dir 指定一个文件夹。</source>
            <translation>Cannot create the data folder {folder}: a parent in the path is a file. Name a folder with --data-dir.</translation>
        </message>
        <message>
            <source>{path} 不是文件，cluedesk 无法把它当作线索库，没有做任何改动。请把它移到别处，或用 --data-dir 指定其他数据目录。</source>
            <translation>{path} is not a file, so cluedesk cannot use it as a clue store; nothing was changed. Move it elsewhere, or name another data folder with --data-dir.</translation>
        </message>
        <message>
            <source>无法使用数据目录 {folder}：{error}。请检查路径和权限，或用 --data-dir 指定其他文件夹。</source>
            <translation>Cannot use the data folder {folder}: {error}. Check the path and the permissions, or name another folder with --data-dir.</translation>
        </message>
        <message>
            <source>SQLite 无法读取：{error}</source>
            <translation>SQLite cannot read it: {error}</translation>
        </message>
        <message>
            <source>缺少数据库版本记录</source>
            <translation>the database version record is missing</translation>
        </message>
        <message>
            <source>完整性检查发现损坏的数据页：{pages}</source>
            <translation>the integrity check found damaged data pages: {pages}</translation>
        </message>
        <message>
            <source>{name}：{problem}</source>
            <translation>{name}: {problem}</translation>
        </message>
        <message>
            <source>无法识别 {name} 的文字编码：既不是 UTF-8，也不是中文版 Excel 保存的 GB18030/GBK，请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再导入</source>
            <translation>Cannot detect the text encoding of {name}: it is neither UTF-8 nor the GB18030/GBK saved by Chinese Excel. In Excel, save it as “CSV UTF-8” or .xlsx, then import again</translation>
        </message>
        <message>
            <source>{name} 中没有数据</source>
            <translation>{name} contains no data</translation>
        </message>
        <message>
            <source>{name} 是旧版 Excel 文件（.xls），请在 Excel 中另存为 .xlsx 后再导入</source>
            <translation>{name} is an old Excel file (.xls). In Excel, save it as .xlsx, then import again</translation>
        </message>
        <message>
            <source>{name} 不是有效的 Excel 工作簿（.xlsx）</source>
            <translation>{name} is not a valid Excel workbook (.xlsx)</translation>
        </message>
        <message>
            <source>{name} 不是可导入的表格文件（支持 .xlsx 和 .csv）</source>
            <translation>{name} is not a spreadsheet that can be imported (.xlsx and .csv are supported)</translation>
        </message>
        <message>
            <source>{name} 不是文本格式的 CSV 文件</source>
            <translation>{name} is not a plain-text CSV file</translation>
        </message>
        <message>
            <source>文件不存在：{path}</source>
            <translation>File not found: {path}</translation>
        </message>
        <message>
            <source>{path} 是文件夹，请选择文件</source>
            <translation>{path} is a folder; please choose a file</translation>
        </message>
        <message>
            <source>无法读取 {path}：{error}</source>
            <translation>Cannot read {path}: {error}</translation>
        </message>
        <message>
            <source>{name} 不是有效的 Excel 工作簿（.xlsx）：{error}</source>
            <translation>{name} is not a valid Excel workbook (.xlsx): {error}</translation>
        </message>
        <message>
            <source>{name} 已损坏，无法读取：{error}</source>
            <translation>{name} is corrupted and cannot be read: {error}</translation>
        </message>
        <message>
            <source>{name} 不是有效的 CSV 文件：{error}</source>
            <translation>{name} is not a valid CSV file: {error}</translation>
        </message>
        <message>
            <source>本机没有线索 {code} 的通知书 {notice}</source>
            <translation>This computer has no notice {notice} of clue {code}</translation>
        </message>
        <message>
            <source>数据目录 {folder} 中没有可用的备份</source>
            <translation>There is no usable backup in the data folder {folder}</translation>
        </message>
        <message>
            <source>本机没有可用的系统密钥环（{backend}）</source>
            <translation>this computer has no usable system keyring ({backend})</translation>
        </message>
        <message>
            <source>本机没有可用的系统密钥环</source>
            <translation>this computer has no usable system keyring</translation>
        </message>
        <message>
            <source>线索库已加密，但本机密钥环中保存的密钥打不开 {folder} 中的线索库（密钥不符，或文件已损坏）。请用 --data-dir 指定一个新的数据目录并登录同步，从平台重新取回数据；如有备份，也可以从备份恢复。</source>
            <translation>The clue store is encrypted, but the key in this computer's keyring does not open the clue store in {folder} (a different key, or a damaged file). Choose a new data folder with --data-dir and log in to sync, which brings the data back from the platform; if there is a backup, you can also restore it.</translation>
        </message>
        <message>
            <source>线索库已加密，但本机密钥环中没有它的密钥{extra}，无法打开 {folder} 中的线索库。如果这台电脑的系统账户或密钥环被重置过，密钥已无法找回：请用 --data-dir 指定一个新的数据目录并登录同步，从平台重新取回数据（尚未上传的操作无法恢复）。</source>
            <translation>The clue store is encrypted, but this computer's keyring has no key for it{extra}, so the clue store in {folder} cannot be opened. If this computer's user account or keyring was reset, the key cannot be recovered: choose a new data folder with --data-dir and log in to sync, which brings the data back from the platform (actions not yet uploaded cannot be recovered).</translation>
        </message>
        <message>
            <source>缺少文件 {name}</source>
            <translation>the file {name} is missing</translation>
        </message>
        <message>
            <source>系统密钥环没有保存线索库的密钥</source>
            <translation>the system keyring did not keep the clue store's key</translation>
        </message>
        <message>
            <source>本机没有记录 {record}</source>
            <translation>Record {record} is not on this computer</translation>
        </message>
        <message>
            <source>每周核查：记录核查结果</source>
            <translation>Weekly verification: record verification result</translation>
        </message>
        <message>
            <source>{action}通知书</source>
            <translation>{action} notice</translation>
        </message>
        <message>
            <source>行政处罚案件：{action}</source>
            <translation>Penalty case: {action}</translation>
        </message>
        <message>
            <source>没有被退回的同步操作 {action}</source>
            <translation>There is no refused sync action {action}</translation>
        </message>
        <message>
            <source>线索 {code} 已由他人抽取核查</source>
            <translation>Clue {code} was already drawn for verification by someone else</translation>
        </message>
        <message>
            <source>线索 {code} 已核查合格</source>
            <translation>Clue {code} has already passed verification</translation>
        </message>
        <message>
            <source>第 {week} 周没有可抽取的本单位办结线索</source>
            <translation>Your unit has no closed clues to draw in week {week}</translation>
        </message>
        <message>
            <source>本机没有该核查批次</source>
            <translation>This verification batch is not on this computer</translation>
        </message>
        <message>
            <source>批次已同步到平台，不能重新抽取</source>
            <translation>The batch has been synced to the platform and cannot be redrawn</translation>
        </message>
        <message>
            <source>批次已有核查记录，不能重新抽取</source>
            <translation>The batch already has verification records and cannot be redrawn</translation>
        </message>
        <message>
            <source>没有可抽取的本单位办结线索</source>
            <translation>Your unit has no closed clues to draw</translation>
        </message>
        <message>
            <source>此数据目录属于 {account}，且有 {pending} 个未同步操作、{problems} 个同步问题；请换一个数据目录</source>
            <translation>This data folder belongs to {account} and holds {pending} unsynced actions and {problems} sync problems; please use another data folder</translation>
        </message>
        <message>
            <source>上传操作：成功 {applied}，重复 {duplicate}，被拒绝 {rejected}，待重试 {retry}</source>
            <translation>Actions uploaded: {applied} applied, {duplicate} duplicate, {rejected} refused, {retry} to retry</translation>
        </message>
        <message numerus="yes">
            <source>下载更新：线索 {clues} 条，移除 {removed} 条（%n 页）</source>
            <translation>
                <numerusform>Updates downloaded: {clues} clues, {removed} removed (%n page)</numerusform>
                <numerusform>Updates downloaded: {clues} clues, {removed} removed (%n pages)</numerusform>
            </translation>
        </message>
        <message>
            <source>用时 {seconds} 秒</source>
            <translation>Took {seconds} s</translation>
        </message>
        <message>
            <source>同步已取消（已完成的部分已保存）</source>
            <translation>Sync cancelled (what was done is saved)</translation>
        </message>
        <message>
            <source>附件：上传 {uploaded} 个，失败 {failed} 个</source>
            <translation>Attachments: {uploaded} uploaded, {failed} failed</translation>
        </message>
        <message numerus="yes">
            <source>领取文书编号 %n 个</source>
            <translation>
                <numerusform>Reserved %n document number</numerusform>
                <numerusform>Reserved %n document numbers</numerusform>
            </translation>
        </message>
        <message>
            <source>文书编号未能领取：{error}</source>
            <translation>Document numbers could not be reserved: {error}</translation>
        </message>
        <message>
            <source>服务器要求重新完整同步，已完成</source>
            <translation>The server asked for a full sync again; done</translation>
        </message>
        <message>
            <source>平台要求加密本机线索库：下次启动 cluedesk 时自动加密</source>
            <translation>The platform requires this computer's clue store to be encrypted: it is encrypted automatically at the next start of cluedesk</translation>
        </message>
        <message>
            <source>注意：本机时钟与服务器相差约 {minutes} 分钟，请校准系统时间</source>
            <translation>Note: this computer's clock differs from the server's by about {minutes} minutes; please correct the system time</translation>
        </message>
        <message numerus="yes">
            <source>有 %n 个操作被服务器拒绝，请在“同步问题”中查看处理</source>
            <translation>
                <numerusform>%n action was refused by the server; see "Sync problems"</numerusform>
                <numerusform>%n actions were refused by the server; see "Sync problems"</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>仍有 %n 个操作等待上传</source>
            <translation>
                <numerusform>%n action is still waiting to upload</numerusform>
                <numerusform>%n actions are still waiting to upload</numerusform>
            </translation>
        </message>
        <message>
            <source>同步已取消</source>
            <translation>Sync cancelled</translation>
        </message>
        <message>
            <source>服务器不再支持本客户端的同步协议，请升级 cluedesk</source>
            <translation>The server no longer supports this client's sync protocol; please upgrade cluedesk</translation>
        </message>
        <message>
            <source>同一数据目录的另一个同步正在进行，请稍后再试</source>
            <translation>Another sync of the same data folder is running; please try again later</translation>
        </message>
        <message>
            <source>服务器应答格式错误（{endpoint}）：{problem}</source>
            <translation>The server's answer is malformed ({endpoint}): {problem}</translation>
        </message>
        <message>
            <source>（{endpoint}，HTTP {status}）</source>
            <translation> ({endpoint}, HTTP {status})</translation>
        </message>
        <message>
            <source>服务器要求升级客户端：请安装新版 cluedesk 后再同步</source>
            <translation>The server requires a newer client: install the new cluedesk, then sync</translation>
        </message>
        <message>
            <source>登录已过期，请重新登录</source>
            <translation>Your sign-in has expired; please sign in again</translation>
        </message>
        <message>
            <source>登录已失效，请重新登录</source>
            <translation>Your sign-in is no longer valid; please sign in again</translation>
        </message>
        <message>
            <source>登录已过期（长时间未同步），请重新登录</source>
            <translation>Your sign-in has expired (no sync for a long time); please sign in again</translation>
        </message>
        <message>
            <source>本设备的登录已被注销，请重新登录</source>
            <translation>This device's sign-in was revoked; please sign in again</translation>
        </message>
        <message>
            <source>检测到登录凭据被重复使用，本设备已被注销，请重新登录</source>
            <translation>The sign-in credentials were used twice, so this device was signed out; please sign in again</translation>
        </message>
        <message>
            <source>账号已停用，请联系管理员</source>
            <translation>The account is disabled; contact the administrator</translation>
        </message>
        <message>
            <source>本设备已被平台停用</source>
            <translation>The platform has revoked this device</translation>
        </message>
        <message>
            <source>意外的 HTTP 状态 {status}</source>
            <translation>Unexpected HTTP status {status}</translation>
        </message>
        <message>
            <source>{problem}（{detail}）</source>
            <translation>{problem} ({detail})</translation>
        </message>
        <message>
            <source>服务器内部错误{where}，请稍后再试</source>
            <translation>Internal server error{where}; please try again later</translation>
        </message>
        <message>
            <source>需要重新登录</source>
            <translation>Please sign in again</translation>
        </message>
        <message>
            <source>尚未登录，请先登录</source>
            <translation>Not signed in; please sign in first</translation>
        </message>
        <message>
            <source>用户名或密码错误</source>
            <translation>Wrong user name or password</translation>
        </message>
        <message>
            <source>不是有效的 JSON</source>
            <translation>is not valid JSON</translation>
        </message>
        <message>
            <source>与服务器 {server} 的安全连接失败（证书不受信任？）</source>
            <translation>The secure connection to the server {server} failed (certificate not trusted?)</translation>
        </message>
        <message>
            <source>服务器 {server} 响应超时</source>
            <translation>The server {server} did not answer in time</translation>
        </message>
        <message>
            <source>无法连接到服务器 {server}，请检查网络</source>
            <translation>Cannot connect to the server {server}; please check the network</translation>
        </message>
        <message>
            <source>与服务器 {server} 的连接中断：{error}</source>
            <translation>The connection to the server {server} was broken: {error}</translation>
        </message>
        <message>
            <source>需要重新完整同步</source>
            <translation>A full sync is needed again</translation>
        </message>
        <message>
            <source>上传位置不一致</source>
            <translation>The upload position does not match</translation>
        </message>
        <message>
            <source>尝试次数过多，请稍后再试</source>
            <translation>Too many attempts; please try again later</translation>
        </message>
        <message>
            <source>服务器拒绝了请求</source>
            <translation>The server refused the request</translation>
        </message>
        <message>
            <source>登录失败</source>
            <translation>Sign-in failed</translation>
        </message>
        <message>
            <source>本机已被平台停用，本机上的线索数据和登录信息已清除。如有疑问请联系本单位管理员。</source>
            <translation>The platform has revoked this computer. The clue data and login details on it have been erased. If you have questions, contact your office's administrator.</translation>
        </message>
        <message>
            <source>本机线索库已清除</source>
            <translation>The clue store on this computer was erased</translation>
        </message>
        <message>
            <source>缺少该字段</source>
            <translation>is missing</translation>
        </message>
        <message>
            <source>时间缺少时区</source>
            <translation>the time has no time zone</translation>
        </message>
        <message>
            <source>不是 ISO 8601 时间</source>
            <translation>is not an ISO 8601 time</translation>
        </message>
        <message>
            <source>应为 ISO 8601 时间</source>
            <translation>must be an ISO 8601 time</translation>
        </message>
        <message>
            <source>应为数组</source>
            <translation>must be an array</translation>
        </message>
        <message>
            <source>不是有效的代码</source>
            <translation>is not a valid code</translation>
        </message>
        <message>
            <source>不是有效的取值</source>
            <translation>is not a valid value</translation>
        </message>
        <message>
            <source>应为非负数</source>
            <translation>must not be negative</translation>
        </message>
        <message>
            <source>过长</source>
            <translation>is too long</translation>
        </message>
        <message>
            <source>未知的类型</source>
            <translation>unknown type</translation>
        </message>
        <message>
            <source>缺少类型</source>
            <translation>the type is missing</translation>
        </message>
        <message>
            <source>{problem}，而不是 {value}</source>
            <translation>{problem}, not {value}</translation>
        </message>
        <message>
            <source>不能含有 NUL 字符（U+0000）</source>
            <translation>cannot contain a NUL character (U+0000)</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
    </context>
</TS>
