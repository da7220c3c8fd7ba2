<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="39" />
            <source>关于 cluedesk</source>
            <translation>About cluedesk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="40" />
            <source>cluedesk 线索办理工作台</source>
            <translation>cluedesk clue desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="48" />
            <source>县区、乡镇（街道）污染防治线索的离线办理与同步客户端：任务队列、办理期限倒计时与超期预警、整改通知书打印。</source>
            <translation>Offline handling and sync of pollution clues for county and township (street) offices: task queues, deadline countdowns and overdue warnings, printed rectification notices.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="55" />
            <source>版本：</source>
            <translation>Version:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="57" />
            <source>数据位置：</source>
            <translation>Data folder:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="59" />
            <source>日志文件：</source>
            <translation>Log file:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="62" />
            <source>运行环境：</source>
            <translation>Runtime:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="66" />
            <source>本程序以 MIT 许可证发布。界面使用 Qt（LGPLv3）与 PySide6；内置字体文泉驿微米黑按 Apache 2.0 或 GPLv3（含字体例外）许可证发布。</source>
            <translation>This program is released under the MIT licence. Its window uses Qt (LGPLv3) and PySide6; the bundled font WenQuanYi Micro Hei is released under Apache 2.0 or GPLv3 (with the font exception).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="83" />
            <source>（未设置）</source>
            <translation>(not set)</translation>
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
            <location filename="../../desktop/ui/action_forms.py" line="252" />
            <source>确定对线索 {0} {1}吗？</source>
            <translation>Apply “{1}” to clue {0}?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="255" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="276" />
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
            <location filename="../../desktop/ui/actions.py" line="81" />
            <source>{0}：{1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/actions.py" line="99" />
            <source>无法读取文件「{0}」，请确认文件存在且没有被其他程序占用</source>
            <translation>Cannot read the file “{0}”; check that it exists and is not in use by another program</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/actions.py" line="108" />
            <source>操作未能保存：本机数据库暂时无法写入，请稍后重试</source>
            <translation>The action was not saved: the local database cannot be written just now; please try again later</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/actions.py" line="116" />
            <source>操作未完成</source>
            <translation>Action not completed</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../desktop/ui/app.py" line="56" />
            <source>cluedesk 线索办理工作台</source>
            <translation>cluedesk clue desk</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsModel</name>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="102" />
            <source>{0}
未下载</source>
            <translation>{0}
not downloaded</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="106" />
            <source>{0}
{1}，{2} 由 {3} 添加</source>
            <translation>{0}
{1}, added {2} by {3}</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsPanel</name>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="153" />
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="155" />
            <source>另存为…</source>
            <translation>Save as…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="165" />
            <source>没有附件</source>
            <translation>No attachments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="191" />
            <location filename="../../desktop/ui/attachments_panel.py" line="211" />
            <source>附件「{0}」尚未下载到本机，请先同步</source>
            <translation>The attachment “{0}” is not on this computer yet; please sync first</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="202" />
            <source>没有可以打开「{0}」的程序</source>
            <translation>No program can open “{0}”</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="213" />
            <source>另存为</source>
            <translation>Save as</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="227" />
            <source>已保存到 {0}</source>
            <translation>Saved to {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/attachments_panel.py" line="236" />
            <source>无法复制附件「{0}」：本机附件文件缺失或无法写入目标位置</source>
            <translation>Cannot copy the attachment “{0}”: the local file is missing or the target cannot be written</translation>
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
            <location filename="../../desktop/ui/login_dialog.py" line="63" />
            <source>留空则使用系统证书</source>
            <translation>Leave empty to use the system certificates</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="64" />
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="76" />
            <source>选择 CA 证书文件</source>
            <translation>Choose the CA certificate file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="78" />
            <source>证书文件 (*.pem *.crt *.cer);;所有文件 (*)</source>
            <translation>Certificate files (*.pem *.crt *.cer);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="91" />
            <source>CA 证书文件不存在：{0}</source>
            <translation>The CA certificate file does not exist: {0}</translation>
        </message>
    </context>
    <context>
        <name>ClauseEditDialog</name>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="183" />
            <source>修改条款</source>
            <translation>Edit clause</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="183" />
            <source>新增条款</source>
            <translation>New clause</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="187" />
            <source>法律名称</source>
            <translation>Law</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="188" />
            <source>条款（如 第一百零八条）</source>
            <translation>Article (e.g. 第一百零八条)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="189" />
            <source>条文</source>
            <translation>Text</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="198" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>ClauseField</name>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="345" />
            <source>从条款库选择…</source>
            <translation>Choose from the library…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="346" />
            <source>移除所选</source>
            <translation>Remove selected</translation>
        </message>
    </context>
    <context>
        <name>ClausePickerDialog</name>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="235" />
            <source>选择法律条款</source>
            <translation>Choose clauses</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="241" />
            <source>输入法律名称、条款或条文中的字词筛选</source>
            <translation>Type words of the law, article or text to filter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="259" />
            <source>新增条款…</source>
            <translation>New clause…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="260" />
            <source>修改所选条款…</source>
            <translation>Edit selected clause…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="268" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="274" />
            <source>已选 {0} 条</source>
            <translation>{0} chosen</translation>
        </message>
    </context>
    <context>
        <name>ClauseTableModel</name>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="103" />
            <source>法律</source>
            <translation>Law</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="103" />
            <source>条款</source>
            <translation>Article</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/clause_picker.py" line="103" />
            <source>条文</source>
            <translation>Text</translation>
        </message>
    </context>
    <context>
        <name>ClueDetailPanel</name>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="72" />
            <location filename="../../desktop/ui/clue_detail.py" line="84" />
            <location filename="../../desktop/ui/clue_detail.py" line="208" />
            <source>请选择一条线索</source>
            <translation>Select a clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="138" />
            <source>基本信息</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="140" />
            <source>办理记录</source>
            <translation>History</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="142" />
            <source>附件</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="144" />
            <source>整改文书</source>
            <translation>Notices</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="146" />
            <source>整改文书（{0}）</source>
            <translation>Notices ({0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="151" />
            <source>线索编号</source>
            <translation>Clue code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="152" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="153" />
            <source>举报途径</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="154" />
            <source>渠道编号</source>
            <translation>Channel reference</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="155" />
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="156" />
            <source>交办期限</source>
            <translation>Sender's deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="157" />
            <source>污染类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="158" />
            <source>紧急程度</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="159" />
            <source>所属县区</source>
            <translation>County</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="160" />
            <source>所属乡镇（街道）</source>
            <translation>Township (street)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="161" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="162" />
            <source>经纬度</source>
            <translation>Coordinates</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="163" />
            <source>被反映对象</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="164" />
            <source>统一社会信用代码</source>
            <translation>Credit code (USCC)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="165" />
            <source>举报人</source>
            <translation>Reporter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="166" />
            <source>举报人电话</source>
            <translation>Reporter's phone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="167" />
            <source>线索内容</source>
            <translation>Description</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="168" />
            <source>主办单位</source>
            <translation>Lead unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="169" />
            <source>协办单位</source>
            <translation>Assisting units</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="170" />
            <source>承办攻坚办</source>
            <translation>Owning office</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="171" />
            <source>登记单位</source>
            <translation>Registered by</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="172" />
            <source>登记时间</source>
            <translation>Registered</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="173" />
            <source>分办时间</source>
            <translation>Dispatched</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="174" />
            <source>签收时间</source>
            <translation>Signed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="175" />
            <source>反馈时间</source>
            <translation>Reported</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="176" />
            <source>办结时间</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="177" />
            <source>当前时限</source>
            <translation>Current deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="178" />
            <source>办理时限</source>
            <translation>Handling deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="179" />
            <source>延期</source>
            <translation>Extension</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="180" />
            <source>办理结果</source>
            <translation>Handling result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="181" />
            <source>核查结论</source>
            <translation>Finding</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="182" />
            <source>整改措施</source>
            <translation>Measures taken</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="183" />
            <source>回访结果</source>
            <translation>Callback result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="184" />
            <source>重复件原件</source>
            <translation>Original (of a duplicate)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="185" />
            <source>本机更新时间</source>
            <translation>Updated on this computer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="212" />
            <source>正在加载…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="238" />
            <source>无法读取该线索，请稍后重试</source>
            <translation>Cannot read this clue; please try again later</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="246" />
            <source>本机已没有该线索（可能已移出您的管辖范围）</source>
            <translation>This clue is no longer on this computer (it may have left your area)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="264" />
            <source>{0}（临时编号，同步后由市平台分配正式编号）</source>
            <translation>{0} (provisional code; the city platform assigns the final code after sync)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="272" />
            <source>已延期 {0} 个工作日</source>
            <translation>Extended by {0} working days</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="275" />
            <source>申请延期 {0} 个工作日，待审批</source>
            <translation>Extension of {0} working days requested, awaiting approval</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="297" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="307" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="317" />
            <source>个人信息已脱敏</source>
            <translation>Personal data masked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="321" />
            <source>有 {0} 个操作待同步</source>
            <translation>{0} action(s) waiting to sync</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="326" />
            <source>有 {0} 个操作被市平台拒绝：{1}。请在“同步问题”中处理</source>
            <translation>{0} action(s) refused by the city platform: {1}. Please deal with them under “Sync problems”</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="333" />
            <source>办理记录（{0}）</source>
            <translation>History ({0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="334" />
            <source>附件（{0}）</source>
            <translation>Attachments ({0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="354" />
            <source>正常</source>
            <translation>Normal</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="355" />
            <source>一级预警（黄）</source>
            <translation>Level 1 warning (yellow)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="356" />
            <source>二级预警（橙）</source>
            <translation>Level 2 warning (orange)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="357" />
            <source>三级预警（红）</source>
            <translation>Level 3 warning (red)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="362" />
            <source>重复件，随原件 {0} 办结</source>
            <translation>Duplicate; closes with its original {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/clue_detail.py" line="366" />
            <source>时限 {0}（{1}）</source>
            <translation>Deadline {0} ({1})</translation>
        </message>
    </context>
    <context>
        <name>ConfirmAction</name>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="347" />
            <source>确定签收线索 {0} 吗？</source>
            <translation>Sign for clue {0}?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="349" />
            <source>签收后线索进入办理，须在 {0} 前办结并反馈。</source>
            <translation>Once signed, the clue must be handled and reported back before {0}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="354" />
            <source>确定对线索 {0} {1}吗？</source>
            <translation>Apply “{1}” to clue {0}?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="355" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_forms.py" line="356" />
            <source>取消</source>
            <translation>Cancel</translation>
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
            <location filename="../../desktop/ui/login_dialog.py" line="277" />
            <source>选择演示账号</source>
            <translation>Choose a demo account</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="281" />
            <source>乡镇（街道）办理人员：签收、办理、反馈本辖区的线索</source>
            <translation>Township (street) handler: signs for, handles and reports back on the clues of the area</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="282" />
            <source>职能部门办理人员：签收、办理交给本部门的线索</source>
            <translation>Department handler: signs for and handles the clues given to the department</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="283" />
            <source>县区攻坚办：分办、审核、办结，审批延期</source>
            <translation>County tackling office: dispatches, reviews and closes clues, decides on extensions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="284" />
            <source>纪委监委：只读查看，关注三级预警</source>
            <translation>Discipline commission: read-only, watches level-3 warnings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="285" />
            <source>市攻坚办：全市的分办与审核</source>
            <translation>City tackling office: dispatch and review for the whole city</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="286" />
            <source>系统管理员</source>
            <translation>System administrator</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="288" />
            <source>演示平台在本机运行，所有账号的密码相同。请选择以哪个身份登录：</source>
            <translation>The demo platform runs on this computer and every account has the same password. Choose whom to sign in as:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="297" />
            <source>{0}（{1}）— {2}，{3}</source>
            <translation>{0} ({1}) — {2}, {3}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="316" />
            <source>进入演示</source>
            <translation>Start the demo</translation>
        </message>
    </context>
    <context>
        <name>FilesField</name>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="41" />
            <source>添加照片或文件…</source>
            <translation>Add photos or files…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="48" />
            <source>选择照片或文件</source>
            <translation>Choose photos or files</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="51" />
            <source>照片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</source>
            <translation>Photos (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="51" />
            <source>所有文件 (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="99" />
            <source>无法读取</source>
            <translation>cannot be read</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="100" />
            <source>{0}（{1}）</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/files.py" line="104" />
            <source>移除</source>
            <translation>Remove</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="72" />
            <source>编号、当事人、地址或描述中的文字</source>
            <translation>Text in the code, subject, address or description</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="73" />
            <source>全部渠道</source>
            <translation>All channels</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="74" />
            <source>全部类别</source>
            <translation>All categories</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="75" />
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="78" />
            <source>全部县区</source>
            <translation>All counties</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="86" />
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="87" />
            <source>一级</source>
            <translation>Level 1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="88" />
            <source>二级</source>
            <translation>Level 2</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="89" />
            <source>三级</source>
            <translation>Level 3</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="93" />
            <source>预警：{level}</source>
            <translation>Warning: {level}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="95" />
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="100" />
            <source>受理时间起</source>
            <translation>Received from</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="101" />
            <source>受理时间止</source>
            <translation>Received until</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="102" />
            <source>清除筛选</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="113" />
            <source>搜索(&amp;F)</source>
            <translation>&amp;Find</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="116" />
            <source>来源渠道(&amp;C)</source>
            <translation>&amp;Channel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="117" />
            <source>类别(&amp;T)</source>
            <translation>Ca&amp;tegory</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="118" />
            <source>紧急程度(&amp;P)</source>
            <translation>&amp;Priority</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="119" />
            <source>县区(&amp;X)</source>
            <translation>Count&amp;y</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="120" />
            <source>乡镇街道(&amp;Z)</source>
            <translation>&amp;Township</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="123" />
            <source>预警</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="129" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/filter_bar.py" line="271" />
            <source>全部乡镇街道</source>
            <translation>All townships and streets</translation>
        </message>
    </context>
    <context>
        <name>FixDialog</name>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="105" />
            <source>修改后重新发送</source>
            <translation>Correct and send again</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="108" />
            <source>{0} 的“{1}”被平台退回：{2}</source>
            <translation>“{1}” on {0} was refused by the platform: {2}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="134" />
            <source>这个操作没有可修改的内容，可直接重新发送。</source>
            <translation>This action has nothing to correct; it can be sent again as it is.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="139" />
            <source>重新发送</source>
            <translation>Send again</translation>
        </message>
    </context>
    <context>
        <name>FormBody</name>
        <message>
            <location filename="../../desktop/ui/forms/body.py" line="116" />
            <source>请修改「{0}」：{1}</source>
            <translation>Please correct “{0}”: {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/forms/body.py" line="118" />
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
        <name>HelpDialog</name>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="79" />
            <source>帮助</source>
            <translation>Help</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="80" />
            <source>键盘快捷键：</source>
            <translation>Keyboard shortcuts:</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="116" />
            <source>登录市级平台</source>
            <translation>Sign in to the city platform</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="131" />
            <source>平台地址：</source>
            <translation>Platform address:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="132" />
            <source>用户名：</source>
            <translation>User name:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="133" />
            <source>密码：</source>
            <translation>Password:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="136" />
            <source>高级</source>
            <translation>Advanced</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="143" />
            <source>CA 证书：</source>
            <translation>CA certificate:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="157" />
            <source>登录</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="201" />
            <source>请填写用户名。</source>
            <translation>Please enter the user name.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" line="203" />
            <source>请填写密码。</source>
            <translation>Please enter the password.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="71" />
            <source>cluedesk 线索办理工作台 — {0}（{1}）</source>
            <translation>cluedesk clue desk — {0} ({1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="123" />
            <source>办理(&amp;W)</source>
            <translation>&amp;Work</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="125" />
            <source>登记新线索…</source>
            <translation>Register a new clue…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="133" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="135" />
            <source>查看(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="136" />
            <source>查找线索</source>
            <translation>Find a clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="139" />
            <source>同步问题</source>
            <translation>Sync problems</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="142" />
            <source>同步(&amp;S)</source>
            <translation>&amp;Sync</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="143" />
            <source>立即同步</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="145" />
            <source>设置…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="147" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="149" />
            <source>快捷键</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="152" />
            <source>关于 cluedesk</source>
            <translation>About cluedesk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="255" />
            <source>需要重新登录</source>
            <translation>Please log in again</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="256" />
            <source>登录已过期或被注销。本机的操作都已保存，重新登录后会继续上传。</source>
            <translation>Your login expired or was revoked. Everything done on this computer is saved and will be uploaded after you log in again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="327" />
            <source>办公时间以市级平台发布的时限规则为准，本机设置不生效</source>
            <translation>The office hours are those of the rules the city platform published; the local setting does not apply</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="376" />
            <source>关闭 cluedesk</source>
            <translation>Close cluedesk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="377" />
            <source>还有 {0} 个操作没有上传到平台。</source>
            <translation>{0} action(s) have not been sent to the platform yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="379" />
            <source>这些操作已保存在本机，不会丢失，下次打开并联网后会自动上传。现在关闭吗？</source>
            <translation>They are saved on this computer and will not be lost; they are sent automatically the next time cluedesk opens online. Close now?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="381" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="382" />
            <source>留下同步</source>
            <translation>Stay and sync</translation>
        </message>
    </context>
    <context>
        <name>NavigationModel</name>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="133" />
            <source>我的待办</source>
            <translation>My tasks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="135" />
            <source>同步问题</source>
            <translation>Sync problems</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="137" />
            <source>整改文书</source>
            <translation>Notices</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="164" />
            <source>{name}：{count} 条</source>
            <translation>{name}: {count}</translation>
        </message>
    </context>
    <context>
        <name>NavigationPanel</name>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="238" />
            <source>线索队列</source>
            <translation>Clue queues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="311" />
            <source>无法统计各队列的线索数量，请稍后再试。</source>
            <translation>Cannot count the clues of the queues; please try again later.</translation>
        </message>
    </context>
    <context>
        <name>NoticeActionDialog</name>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="69" />
            <source>{0}：{1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="100" />
            <source>签发后占用本机编号段中的下一个文书编号，内容不能再修改。</source>
            <translation>Issuing takes the next document number of this device's block; the content can no longer be changed. </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="102" />
            <source>本机尚有 {0} 年文书编号 {1} 个。</source>
            <translation>This device holds {1} document numbers for {0}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="104" />
            <source>本机没有可用的 {0} 年文书编号，请先联网同步领取编号段。</source>
            <translation>This device holds no document number for {0}; sync online first to receive a block.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="106" />
            <source>签发时间</source>
            <translation>Issued at</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="110" />
            <source>送达后，整改期限自送达之日起重新计算。留置送达须有见证人。</source>
            <translation>After service the rectification period counts from the day of service. Service left at the premises needs a witness.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="114" />
            <source>送达方式</source>
            <translation>Method of service</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="120" />
            <source>送达时间</source>
            <translation>Served at</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="121" />
            <source>送达地点</source>
            <translation>Place of service</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="123" />
            <source>受送达人（签收人）</source>
            <translation>Recipient (who signed)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="125" />
            <source>与当事人关系</source>
            <translation>Relation to the party</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="127" />
            <source>如：法定代表人、负责人、员工</source>
            <translation>e.g. legal representative, person in charge, employee</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="128" />
            <source>见证人（留置送达必填）</source>
            <translation>Witness (required when left at the premises)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="131" />
            <source>送达人（每行一名）</source>
            <translation>Servers (one per line)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="133" />
            <source>直接送达一般应由两名送达人送达</source>
            <translation>Direct service is normally made by two servers</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="144" />
            <source>整改期限：{0}。期限届满后方可认定逾期未整改。</source>
            <translation>Rectification deadline: {0}. Not rectified can only be found once it has passed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="152" />
            <source>复查结论</source>
            <translation>Finding</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="155" />
            <source>请选择已整改或逾期未整改</source>
            <translation>Choose rectified or not rectified</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="158" />
            <source>复查时间</source>
            <translation>Re-inspected at</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="159" />
            <source>复查情况</source>
            <translation>Re-inspection notes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="162" />
            <source>复查认定逾期未整改，记录行政处罚案件的立案情况。</source>
            <translation>The re-inspection found the notice not rectified: record the administrative penalty case.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="163" />
            <source>立案编号</source>
            <translation>Case number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="165" />
            <source>立案日期</source>
            <translation>Filed on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="169" />
            <source>案件 {0} 于 {1} 立案。</source>
            <translation>Case {0} was filed on {1}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="175" />
            <source>结案日期</source>
            <translation>Concluded on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="176" />
            <source>结案情况</source>
            <translation>Outcome of the case</translation>
        </message>
    </context>
    <context>
        <name>NoticeActions</name>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="240" />
            <source>逾期未整改</source>
            <translation>Not rectified</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="242" />
            <source>复查认定「{0}」逾期未整改。是否现在记录行政处罚立案？</source>
            <translation>The re-inspection found “{0}” not rectified. Record the administrative penalty case now?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="247" />
            <source>记录立案…</source>
            <translation>Record the case…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_actions.py" line="250" />
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
            <location filename="../../desktop/ui/notices/notice_form.py" line="43" />
            <source>当事人</source>
            <translation>Party</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="44" />
            <source>统一社会信用代码</source>
            <translation>Unified social credit code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="45" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="46" />
            <source>法定代表人（负责人）</source>
            <translation>Legal representative (person in charge)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="47" />
            <source>违法事实</source>
            <translation>Facts of the violation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="52" />
            <source>书面报告要求</source>
            <translation>Written report required</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="53" />
            <source>逾期不改正的后果</source>
            <translation>Consequences of not rectifying</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="54" />
            <source>行政复议机关（60日内）</source>
            <translation>Administrative review body (within 60 days)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="55" />
            <source>行政诉讼法院（6个月内）</source>
            <translation>Court for litigation (within 6 months)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="56" />
            <source>签发机关</source>
            <translation>Issuing authority</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="57" />
            <source>联系人</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="58" />
            <source>联系电话</source>
            <translation>Contact phone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="93" />
            <source>起草通知书：线索 {0}</source>
            <translation>Draft a notice: clue {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="95" />
            <source>修改通知书草稿：线索 {0}</source>
            <translation>Edit the draft notice: clue {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="100" />
            <source>已根据线索 {0} 预填当事人、地址和违法事实，请核对后保存为草稿。</source>
            <translation>The party, address and facts were filled in from clue {0}; check them and save the draft. </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="101" />
            <location filename="../../desktop/ui/notices/notice_form.py" line="103" />
            <source>带 * 的项签发前必须填写。</source>
            <translation>Fields marked * must be filled in before issuing.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="108" />
            <source>文书种类</source>
            <translation>Document</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="118" />
            <source>证据（每行一项）</source>
            <translation>Evidence (one per line)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="118" />
            <source>如：现场检查笔录</source>
            <translation>e.g. on-site inspection record</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="124" />
            <source>违反的法律条款</source>
            <translation>Clauses violated</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="130" />
            <source>责令改正的内容</source>
            <translation>Correction ordered</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="132" />
            <source>整改期限</source>
            <translation>Rectification period</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="145" />
            <source>保存草稿</source>
            <translation>Save draft</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_form.py" line="187" />
            <source>不能起草通知书</source>
            <translation>Cannot draft a notice</translation>
        </message>
    </context>
    <context>
        <name>NoticeListModel</name>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="62" />
            <source>文书编号</source>
            <translation>Number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="63" />
            <source>文书种类</source>
            <translation>Document</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="64" />
            <source>当事人</source>
            <translation>Party</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="65" />
            <source>线索编号</source>
            <translation>Clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="66" />
            <source>跟进状态</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="67" />
            <source>预警</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="68" />
            <source>整改剩余时限</source>
            <translation>Time left</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="69" />
            <source>整改期限</source>
            <translation>Rectification deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="70" />
            <source>签发单位</source>
            <translation>Issuing unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="71" />
            <source>签发时间</source>
            <translation>Issued</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="72" />
            <source>送达时间</source>
            <translation>Served</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="283" />
            <source>（草稿，未编号）</source>
            <translation>(draft, no number)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="292" />
            <source>{0}（待同步）</source>
            <translation>{0} (not yet synced)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="308" />
            <source>尚未签发，整改期限自签发或送达之日起计算</source>
            <translation>Not issued yet: the rectification period counts from issue or service</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="310" />
            <source>{0}，不再计算整改期限</source>
            <translation>{0}: the rectification deadline no longer counts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="311" />
            <source>{warning}
整改期限 {deadline}，{countdown}</source>
            <translation>{warning}
Rectification deadline {deadline}, {countdown}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="328" />
            <source>一级预警（黄色，●）：距整改期限不足 {0} 个工作日</source>
            <translation>Level 1 warning (yellow, ●): less than {0} working day(s) to the rectification deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="332" />
            <source>二级预警（橙色，▲）：已超过整改期限，请及时复查</source>
            <translation>Level 2 warning (orange, ▲): the rectification deadline has passed; re-inspect soon</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="334" />
            <source>三级预警（红色，■）：超过整改期限 {0} 个工作日以上</source>
            <translation>Level 3 warning (red, ■): more than {0} working days past the rectification deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_list.py" line="337" />
            <source>未预警</source>
            <translation>No warning</translation>
        </message>
    </context>
    <context>
        <name>NoticePanel</name>
        <message>
            <location filename="../../desktop/ui/notices/notice_panel.py" line="43" />
            <source>起草通知书…</source>
            <translation>Draft a notice…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_panel.py" line="72" />
            <source>请选择一条线索</source>
            <translation>Select a clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_panel.py" line="79" />
            <source>根据线索内容起草整改通知书</source>
            <translation>Draft a rectification notice from the clue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/notice_panel.py" line="83" />
            <source>线索 {0} 的通知书：{1} 份</source>
            <translation>Notices of clue {0}: {1}</translation>
        </message>
    </context>
    <context>
        <name>NoticePreview</name>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="114" />
            <source>文书预览：{0}</source>
            <translation>Preview: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="118" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="119" />
            <source>另存为PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="120" />
            <source>放大</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="121" />
            <source>缩小</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="122" />
            <source>适合宽度</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="158" />
            <source>正在生成文书…</source>
            <translation>Rendering the document…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="169" />
            <source>生成的文书无法读取</source>
            <translation>The rendered document cannot be read</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="173" />
            <source>共 {0} 页</source>
            <translation>{0} page(s)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="178" />
            <source>无法生成文书：{0}</source>
            <translation>Cannot render the document: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="223" />
            <source>正在发送到打印机…</source>
            <translation>Sending to the printer…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="236" />
            <source>另存为PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="238" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/preview.py" line="255" />
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
            <location filename="../../desktop/ui/notices/workbench.py" line="61" />
            <source>选择保存文书的文件夹</source>
            <translation>Choose a folder for the documents</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="130" />
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="131" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="132" />
            <source>另存为PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="197" />
            <source>{0}，{1}</source>
            <translation>{0}, {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="198" />
            <source>当事人：{0}</source>
            <translation>Party: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="201" />
            <source>整改期限：{0}</source>
            <translation>Rectification deadline: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="204" />
            <source>{0}：{1}，签收人 {2}</source>
            <translation>{0}: {1}, received by {2}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="212" />
            <source>复查：{0}，{1}</source>
            <translation>Re-inspection: {0}, {1}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="217" />
            <source>立案编号：{0}</source>
            <translation>Case number: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="219" />
            <source>结案情况：{0}</source>
            <translation>Outcome: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices/workbench.py" line="220" />
            <source>；</source>
            <translation>; </translation>
        </message>
    </context>
    <context>
        <name>NoticesView</name>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="17" />
            <source>跟进中（已签发、已送达）</source>
            <translation>Following (issued, served)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="18" />
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="19" />
            <source>草稿</source>
            <translation>Drafts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="20" />
            <source>已整改</source>
            <translation>Rectified</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="21" />
            <source>逾期未整改</source>
            <translation>Not rectified</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="22" />
            <source>立案查处</source>
            <translation>Penalty cases</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="46" />
            <source>跟进状态：</source>
            <translation>Follow-up:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notices_view.py" line="65" />
            <source>共 {0} 份</source>
            <translation>{0} notice(s)</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="50" />
            <source>新的待办线索</source>
            <translation>New tasks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="52" />
            <source>线索 {0} 等待您办理。</source>
            <translation>Clue {0} is waiting for you.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="54" />
            <source>{0} 条新线索等待您办理，例如 {1}。</source>
            <translation>{0} new clues are waiting for you, e.g. {1}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="62" />
            <location filename="../../desktop/ui/notifications.py" line="76" />
            <source>超期预警</source>
            <translation>Overdue warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="64" />
            <source>线索 {0} 已升为{1}，纪委监委将介入督办。</source>
            <translation>Clue {0} rose to {1}; the discipline commission will step in.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="68" />
            <source>线索 {0} 已升为{1}。</source>
            <translation>Clue {0} rose to {1}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="77" />
            <source>另有 {0} 条线索的预警升级，最高为{1}，例如 {2}。</source>
            <translation>{0} more clues rose in warning level, up to {1}, e.g. {2}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="153" />
            <source>cluedesk 线索办理工作台</source>
            <translation>cluedesk clue desk</translation>
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
        <name>ProblemsModel</name>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="52" />
            <source>线索编号</source>
            <translation>Clue code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="53" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="54" />
            <source>操作时间</source>
            <translation>When</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="55" />
            <source>平台的理由</source>
            <translation>Platform's reason</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="56" />
            <source>尝试次数</source>
            <translation>Attempts</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="68" />
            <source>编号</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="69" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="70" />
            <source>预警</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="71" />
            <source>剩余时限</source>
            <translation>Time left</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="72" />
            <source>办理期限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="73" />
            <source>来源渠道</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="74" />
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="75" />
            <source>紧急程度</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="76" />
            <source>县区</source>
            <translation>County</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="77" />
            <source>承办单位</source>
            <translation>Lead unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="78" />
            <source>当事人/对象</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="79" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="80" />
            <source>受理时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="94" />
            <source>一级预警</source>
            <translation>Level 1 warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="95" />
            <source>二级预警</source>
            <translation>Level 2 warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="96" />
            <source>三级预警</source>
            <translation>Level 3 warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="406" />
            <source>单击按此列排序，再次单击反向排序</source>
            <translation>Click to sort by this column, click again to reverse</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="407" />
            <source>此列不能排序</source>
            <translation>This column cannot be sorted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="479" />
            <source>一级预警（黄色，●）：距办理期限不足 {days} 个工作日</source>
            <translation>Level 1 warning (yellow, ●): less than {days} working day(s) to the deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="483" />
            <source>二级预警（橙色，▲）：已超过办理期限</source>
            <translation>Level 2 warning (orange, ▲): past the deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="486" />
            <source>三级预警（红色，■）：超过办理期限 {days} 个工作日以上，纪委监委介入</source>
            <translation>Level 3 warning (red, ■): more than {days} working days past the deadline; the discipline commission steps in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="488" />
            <source>未预警</source>
            <translation>No warning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="493" />
            <source>当前环节没有办理期限</source>
            <translation>This stage has no deadline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="494" />
            <source>{warning}
{countdown}（办理期限 {deadline}）</source>
            <translation>{warning}
{countdown} (deadline {deadline})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_model.py" line="503" />
            <source>渠道编号：{0}</source>
            <translation>Channel reference: {0}</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <location filename="../../desktop/ui/queue_view.py" line="68" />
            <source>线索列表</source>
            <translation>Clues</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_view.py" line="93" />
            <source>没有符合条件的线索</source>
            <translation>No clues match</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/queue_view.py" line="202" />
            <source>共 {count} 条</source>
            <translation>{count} in all</translation>
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
            <location filename="../../desktop/ui/register_dialog.py" line="173" />
            <location filename="../../desktop/ui/register_dialog.py" line="222" />
            <source>登记</source>
            <translation>Register</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="181" />
            <source>（不指定）</source>
            <translation>(not specified)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="204" />
            <source>线索已登记</source>
            <translation>Clue registered</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="205" />
            <source>线索已登记，临时编号为 {0}。</source>
            <translation>The clue is registered with the provisional code {0}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="207" />
            <source>同步到市平台后，平台将分配正式线索编号，临时编号随之替换。</source>
            <translation>After sync, the city platform assigns the final clue code, which replaces the provisional one.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/register_dialog.py" line="222" />
            <source>正在保存…</source>
            <translation>Saving…</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <location filename="../../desktop/ui/settings.py" line="36" />
            <source>请填写平台地址。</source>
            <translation>Please enter the platform address.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" line="40" />
            <source>平台地址应以 http:// 或 https:// 开头，例如 https://hb.example.gov.cn。</source>
            <translation>The platform address must start with http:// or https://, e.g. https://hb.example.gov.cn.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" line="45" />
            <source>平台地址中缺少服务器名称，或含有空格。</source>
            <translation>The platform address lacks a server name or contains spaces.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="58" />
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="68" />
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="70" />
            <source>市级平台</source>
            <translation>City platform</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="72" />
            <source>平台地址：</source>
            <translation>Platform address:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="73" />
            <source>CA 证书：</source>
            <translation>CA certificate:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="74" />
            <source>自动同步间隔：</source>
            <translation>Sync automatically every:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="81" />
            <source>办公时间</source>
            <translation>Office hours</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="83" />
            <source>上午：</source>
            <translation>Morning:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="84" />
            <source>下午：</source>
            <translation>Afternoon:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="86" />
            <source>显示桌面通知</source>
            <translation>Show desktop notifications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="88" />
            <source>有新的待办线索时</source>
            <translation>When new clues wait for me</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="90" />
            <source>我的线索预警升级时</source>
            <translation>When the warning level of my clues rises</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="94" />
            <source>通知</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="105" />
            <source>更改语言后需重新启动程序才能生效。</source>
            <translation>A new language takes effect after the program is restarted.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="107" />
            <source>界面语言</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="113" />
            <source>优先使用正式公文字体（仿宋、黑体、楷体、宋体），没有时用内置字体</source>
            <translation>Prefer the official document fonts (FangSong, HeiTi, KaiTi, SongTi); use the bundled fonts where they are missing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="119" />
            <source>留空则在系统字体文件夹中查找</source>
            <translation>Leave empty to look in the system font folders</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="120" />
            <source>打印字体</source>
            <translation>Print fonts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="123" />
            <source>字体文件夹：</source>
            <translation>Font folder:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="143" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="157" />
            <source>上午的下班时间必须晚于上班时间。</source>
            <translation>The morning must end after it starts.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="159" />
            <source>下午的下班时间必须晚于上班时间。</source>
            <translation>The afternoon must end after it starts.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="161" />
            <source>下午的上班时间不能早于上午的下班时间。</source>
            <translation>The afternoon cannot start before the morning ends.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" line="179" />
            <source>字体文件夹不存在：{0}</source>
            <translation>The font folder does not exist: {0}</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsModel</name>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="51" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="51" />
            <source>快捷键</source>
            <translation>Shortcut</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="../../desktop/ui/app.py" line="83" />
            <location filename="../../desktop/ui/startup.py" line="266" />
            <source>无法启动</source>
            <translation>Cannot start</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="117" />
            <source>正在启动演示平台（首次运行需生成演示城市）……</source>
            <translation>Starting the demo platform (the first run builds the demo city)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="153" />
            <source>正在登录 {0}……</source>
            <translation>Signing in to {0}…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="170" />
            <source>演示账号登录失败：{0}</source>
            <translation>The demo account could not sign in: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="172" />
            <source>登录失败：{0}</source>
            <translation>Sign-in failed: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="177" />
            <source>正在从平台下载线索……</source>
            <translation>Downloading clues from the platform…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="187" />
            <source>首次同步没有完成：{0}</source>
            <translation>The first sync did not finish: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="199" />
            <source>本机没有当前用户的资料：{0}</source>
            <translation>This computer has no data for the current user: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="243" />
            <source>cluedesk 线索办理工作台</source>
            <translation>cluedesk clue desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/startup.py" line="251" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="46" />
            <source>需要登录</source>
            <translation>Login required</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="96" />
            <source>连接平台</source>
            <translation>Connecting to the platform</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="97" />
            <source>更新单位和规则</source>
            <translation>Updating units and rules</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="98" />
            <source>上传附件</source>
            <translation>Uploading attachments</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="99" />
            <source>上传本机操作</source>
            <translation>Uploading local actions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="100" />
            <source>下载线索更新</source>
            <translation>Downloading clue updates</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="166" />
            <source>同步已取消，已完成的部分已保存</source>
            <translation>Sync cancelled; what was done is saved</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="168" />
            <source>无法建立安全连接：{0}</source>
            <translation>Cannot establish a secure connection: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="170" />
            <source>无法连接平台，当前离线工作：{0}</source>
            <translation>Cannot reach the platform; working offline: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="172" />
            <source>登录失败：{0}</source>
            <translation>Sign-in failed: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="174" />
            <source>平台要求升级本程序：{0}</source>
            <translation>The platform requires a newer version of this program: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="176" />
            <source>同步失败：{0}</source>
            <translation>Sync failed: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_controller.py" line="178" />
            <source>同步出错（详见日志）：{0}</source>
            <translation>Sync error (see the log): {0}</translation>
        </message>
    </context>
    <context>
        <name>SyncProblemsView</name>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="174" />
            <source>以下操作被市级平台退回，尚未生效。可以修改后重新发送，或放弃（放弃后不可恢复）。</source>
            <translation>The city platform refused these actions; they have not taken effect. Correct and send them again, or discard them (this cannot be undone).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="187" />
            <source>没有同步问题。</source>
            <translation>No sync problems.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="190" />
            <source>修改后重发…</source>
            <translation>Correct and resend…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="191" />
            <source>直接重发</source>
            <translation>Resend</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="192" />
            <source>放弃操作…</source>
            <translation>Discard action…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="262" />
            <location filename="../../desktop/ui/sync_problems.py" line="270" />
            <source>放弃操作</source>
            <translation>Discard action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sync_problems.py" line="263" />
            <source>放弃 {0} 的“{1}”？放弃后这个操作不会再发送，且不能恢复。</source>
            <translation>Discard “{1}” on {0}? It will not be sent again, and this cannot be undone.</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusBar</name>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="33" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="35" />
            <source>立即同步</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="36" />
            <source>与市级平台同步（F5）</source>
            <translation>Sync with the city platform (F5)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="57" />
            <source>未连接平台</source>
            <translation>Not connected</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="57" />
            <source>没有配置市级平台地址</source>
            <translation>No city platform address is set</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="60" />
            <source>◌ 连接待检测</source>
            <translation>◌ Connection not checked yet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="61" />
            <source>本次启动后尚未与 {0} 通信</source>
            <translation>No contact with {0} since the program started</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="64" />
            <source>● 在线</source>
            <translation>● Online</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="67" />
            <source>○ 离线</source>
            <translation>○ Offline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="68" />
            <source>无法连接 {0}，可继续离线办理</source>
            <translation>Cannot reach {0}; you can go on working offline</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="78" />
            <source>上次同步 {0}</source>
            <translation>Last sync {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="80" />
            <source>从未同步</source>
            <translation>Never synced</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="82" />
            <source>待上传 {0} 个操作</source>
            <translation>{0} action(s) to upload</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="84" />
            <source>无待上传操作</source>
            <translation>Nothing to upload</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="90" />
            <source>同步中</source>
            <translation>Syncing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/status_bar.py" line="93" />
            <source>正在同步……</source>
            <translation>Syncing…</translation>
        </message>
    </context>
    <context>
        <name>Timeline</name>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="56" />
            <source>主办：{0}</source>
            <translation>Lead: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="63" />
            <source>协办：{0}</source>
            <translation>Assisting: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="64" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="69" />
            <source>由「{0}」退回「{1}」重新分办</source>
            <translation>Returned by “{0}” to “{1}” to be dispatched again</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="76" />
            <source>从「{0}」转至「{1}」</source>
            <translation>Transferred from “{0}” to “{1}”</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="82" />
            <source>由「{0}」提级至「{1}」承办</source>
            <translation>Taken over from “{0}” by “{1}”</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="95" />
            <source>核查结论：{0}</source>
            <translation>Finding: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="101" />
            <source>整改措施：{0}</source>
            <translation>Measures: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="105" />
            <source>回访结果：{0}</source>
            <translation>Callback: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="111" />
            <source>不予受理依据：{0}</source>
            <translation>Ground for refusal: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="117" />
            <source>重复件，原件：{0}</source>
            <translation>Duplicate of {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="121" />
            <source>随原件 {0} 办结</source>
            <translation>Closed with its original {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="124" />
            <source>未闭环办结理由：{0}</source>
            <translation>Closed with an open notice because: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="129" />
            <source>（未闭环文书：{0}）</source>
            <translation> (open notices: {0})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="130" />
            <location filename="../../desktop/ui/timeline.py" line="171" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="142" />
            <source>渠道编号：{0}</source>
            <translation>Channel reference: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="146" />
            <source>交办期限：{0}</source>
            <translation>Sender's deadline: {0}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="163" />
            <source>延期 {0} 个工作日</source>
            <translation>Extended by {0} working days</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="167" />
            <source>办理时限：{0}</source>
            <translation>Deadline: {0}</translation>
        </message>
    </context>
    <context>
        <name>TimelineModel</name>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="191" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="192" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="193" />
            <source>操作人</source>
            <translation>By</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="194" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="195" />
            <source>说明</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="196" />
            <source>设备</source>
            <translation>Device</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="275" />
            <location filename="../../desktop/ui/timeline.py" line="281" />
            <source>{0}（{1}）</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="277" />
            <source>{0} · 待同步</source>
            <translation>{0} · waiting to sync</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="287" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/timeline.py" line="290" />
            <source>本机</source>
            <translation>This computer</translation>
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>渠道编号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>交办期限</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>污染类别</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>紧急程度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>线索内容</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地址</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>所属县区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>所属乡镇（街道）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>被反映对象</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>统一社会信用代码</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>举报人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>举报人电话</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>纬度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>经度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>联系电话</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>理由</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>延期天数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>办理结果</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>核查结论</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>整改措施</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>佐证材料</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>意见</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>转办县区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>原件线索编号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不予受理依据</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>回访结果</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>未闭环办结理由</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>通知书编号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>文书种类</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>当事人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>法定代表人（负责人）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>违法事实</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>证据</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>违反的法律条款</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>责令改正的内容</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>整改期限（工作日）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>整改截止日期</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>书面报告要求</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>逾期不改正的后果</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>行政复议机关</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>行政诉讼法院</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>签发机关</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>联系人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>文书编号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>签发时间</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>所引条款</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>送达方式</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>送达时间</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>送达地点</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>受送达人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>与当事人关系</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>见证人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>送达人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>复查结论</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>复查时间</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>复查情况</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>立案编号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>立案日期</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>结案日期</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>结案情况</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>应在 {low} 到 {high} 之间</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不能晚于当前时间</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{code}」不是有效的县区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>应为一行编号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{value}」不是有效选项（可选：{options}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{value}」不是数字</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{code}」不属于{county}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>必须晚于受理时间</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{countdown}（日历未确认）</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n 个工作日</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n 小时</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n 分钟</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>已超期 {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>已超期</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>剩余 {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>即将到期</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>超期 {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>超期</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>剩 {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>本机没有可用的文书编号，请先联网同步领取编号段</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{notice}整改期内</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>通知书尚未签发，不能送达</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>通知书尚未签发，不能复查</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>通知书尚未送达，不能复查</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>案件已结案</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有起草单位可以修改通知书</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有起草单位可以签发通知书</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有签发单位可以记录送达</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有签发单位可以复查</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有签发单位或本辖区生态环境部门可以记录立案</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有签发单位或本辖区生态环境部门可以记录结案</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>尚未立案，不能结案</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{notice}未送达</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{notice}逾期未整改</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{notice}整改已逾期</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>通知书已签发（{status}），内容不能再{action}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>通知书已送达，不能重复记录送达</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>通知书已复查，不能重复复查</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有复查认定逾期未整改的通知书才能立案</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{action}通知书需要{needed}角色，您是{role}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>已立案，不能重复立案</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>通知书不存在，不能{action}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>通知书已存在</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>线索不存在，不能起草通知书</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>线索当前为「{status}」，只有办理中或待审核的线索才能起草通知书</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有线索的主办单位或协办的职能部门可以起草通知书</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有线索的主办单位或协办的职能部门可以起草整改通知书</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有生态环境部门可以起草责令改正违法行为决定书</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>最多 {limit}，当前为 {count}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{value}」不是整数</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>应在 {low} 到 %n 个工作日之间</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>应为日期文本，如 2026-03-05</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>整改期限只能填写工作日天数或截止日期中的一项</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>签发前必须填写整改期限（工作日天数或截止日期）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>责令改正违法行为决定书须引用法律条款</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>应为文本列表</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>应为文本</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>签发前必须填写</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n 项</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>应为时间文本，如 2026-03-05 09:30</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{day} 不是工作日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>请填写整改期限（工作日天数或截止日期）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>整改截止时间（{deadline}）不晚于{moment}，请修改整改期限</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>应为条款列表</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>缺少所引条款「{clause}」的条文，请在条款库中补充</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>文书编号的年份 {year} 与签发日期（{issued}年）不符</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{text}」不是{year}年第{seq}号的文书编号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>应为送达人姓名的列表</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>至少填写一名送达人</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>最多填写 %n 名送达人</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>不能早于签发时间（{time}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>应为「已整改」或「逾期未整改」</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不能早于送达时间（{time}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>未设定</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>整改期限（{deadline}）尚未届满，不能认定逾期未整改</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不能晚于今天</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不能早于复查日期（{day}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不能早于立案日期（{day}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>直接送达一般应由两名送达人送达</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不能为空</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>应为对象（id、law、article、text）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{char}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{field}：{message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>空格</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不可见字符（U+{code}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>第{position}位字符“{char}”无效：统一社会信用代码不使用字母I、O、S、V、Z</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>第{position}位字符{char}无效：只能是数字0-9或除I、O、S、V、Z以外的大写字母</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不是有效的手机号码、固定电话（需带区号）或政务服务短号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>无法识别“{text}”，请按“2026-03-05”或“2026年3月5日”的格式填写</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>计算校验位需要前17位，实际为%n位</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>应为18位，实际为%n位</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>第1位（登记管理部门代码）应为1-9、A、N或Y，实际为“{char}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>校验位（第18位）应为“{expected}”，实际为“{actual}”，请核对整个代码是否抄错</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不支持分机号，请只填写总机号码</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>没有填写号码数字</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>手机号码应为11位数字，实际为%n位</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>固定电话应为“区号-号码”，区号以0开头共3-4位，号码7-8位且不以0或1开头，例如0518-85821234</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>年份应在{low}年至{high}年之间，实际为{year}年</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>月份“{month}”无效，应在1至12之间</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{year}年{month}月没有{day}日（该月只有%n天）</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>小时“{hour}”无效，应在0至23之间</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>分钟“{minute}”无效，应在0至59之间</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>秒“{second}”无效，应在0至59之间</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>最多 {limit}，当前为 {length}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>第3-8位（登记管理机关行政区划码）应为数字，第{position}位却是“{char}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只支持中国大陆号码（+86）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>+86后应为11位手机号码（以13-19开头）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{number}”不是可受理的短号码（支持：{numbers}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>日期不能为0日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>无法识别“{text}”，请按“2026-03-05 09:30”或“2026年3月5日 9:30”的格式填写</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>第{position}个字符是不可见的控制字符（U+{code}），请删除后重试</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>手机号码第2位应为3-9，实际为“{digit}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>时区“{zone}”无效</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n 个字符</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>包含无效字符{char}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>本线索由「{office}」承办，只有该办可以{action}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>本线索由「{office}」承办，只有该办可以{action}（市攻坚办须先提级办理）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>线索当前为「{status}」，不能{action}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{action}需要{roles}角色，您是{role}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>市攻坚办承办的线索无需退回市级，可转办到县区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有市攻坚办可以转办到其他县区；县区攻坚办请退回市级</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>本线索已由市攻坚办承办</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有回访不满意的线索可以重新办理</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>线索没有主办单位，不能重新办理</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>线索不存在，不能{action}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>线索已登记</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>分办已超过 %n 个工作日，不能退回</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>已有延期申请待审批</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>办理期限已过，不能再申请延期</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>本阶段已申请延期 %n 次，达到上限，不能再申请</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>本阶段已延期 {days}，达到 {limit}上限</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>没有待审批的延期申请</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{channel}」线索没有举报人，无需回访</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>重复件随原件办理，请对原件「{original}」{action}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{unit}」不是可承办线索的单位</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{unit}」不是本县区可承办的单位</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>必须晚于分办时间</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不能晚于交办单位要求的期限 {due}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>单位目录中没有市攻坚办，无法退回市级</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{unit}」不是县区或功能板块攻坚办</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>线索已属于{office}，请选择其他县区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不能是本线索自己</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>找不到线索「{code}」，或它不在您的范围内</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{code}」本身是{status}，请选择原件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{code}」不属于本县区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>原件「{code}」尚未办结，重复件随原件办结</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>请选择不予受理依据（可选：{options}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>核查结论为「{finding}」时须附现场照片等佐证材料</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>未能联系上举报人时，请写明联系的时间和方式</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{channel}」线索办结前须回访举报人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只能登记本辖区的线索</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有市攻坚办可以提级办理</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有本辖区攻坚办可以办结重复件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有主办单位可以签收</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有主办单位可以退回</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有主办单位可以申请延期</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有主办单位可以反馈办理结果</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有主办单位负责人可以审签</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有承办攻坚办或主办单位可以回访举报人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有本辖区攻坚办可以核查</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有本辖区攻坚办或纪委监委可以督办</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>只有协办单位可以提交协办反馈</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{unit}」不是本县区或市级部门可承办的单位</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{unit}」重复或与主办单位相同</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>交办单位要求 {due} 前办结，延期不能超过该期限</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>整改通知书尚未闭环（{notices}），须写明理由才能办结</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>、</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
