<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../trainer/ui/app.py" line="88" />
        <source>全科社工培训考试系统</source>
        <translation>Community Social Worker Training &amp; Exams</translation>
    </message>
</context>
<context>
    <name>AttemptsScreen</name>
    <message>
        <location filename="../../trainer/ui/screens/attempts.py" line="27" />
        <source>考试记录</source>
        <translation>Exam records</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/attempts.py" line="28" />
        <source>暂无考试记录。培训师组织考试后，这里会列出每次作答及成绩。</source>
        <translation>No exam records yet. Once a trainer runs an exam, every attempt and its result appears here.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/attempts.py" line="33" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/attempts.py" line="34" />
        <source>考生</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/attempts.py" line="35" />
        <source>试卷</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/attempts.py" line="36" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/attempts.py" line="37" />
        <source>成绩</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/attempts.py" line="38" />
        <source>开始时间</source>
        <translation>Started</translation>
    </message>
</context>
<context>
    <name>BankScreen</name>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="27" />
        <source>题库</source>
        <translation>Question bank</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="31" />
        <source>导入题目…</source>
        <translation>Import questions…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="32" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="33" />
        <source>保存 Excel 模板…</source>
        <translation>Save Excel template…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="41" />
        <source>全部领域</source>
        <translation>All domains</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="45" />
        <source>全部题型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="49" />
        <source>搜索题干或编号</source>
        <translation>Search stem or ID</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="62" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="63" />
        <source>领域</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="64" />
        <source>题型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="65" />
        <source>难度</source>
        <translation>Difficulty</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="66" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="67" />
        <source>题干</source>
        <translation>Stem</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="80" />
        <source>题目详情</source>
        <translation>Question details</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="111" />
        <source>保存 Excel 模板</source>
        <translation>Save Excel template</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="111" />
        <source>Excel 工作簿</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="124" />
        <source>已保存 Excel 模板：%1</source>
        <translation>Excel template saved: %1</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="136" />
        <source>共 %1 道题</source>
        <translation>%1 questions</translation>
    </message>
</context>
<context>
    <name>ChooseFilesPage</name>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="44" />
        <source>第 1 步：选择文件</source>
        <translation>Step 1: Choose files</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="45" />
        <source>可选一个或多个文件；题库文件夹（YAML）也可以。下一步只读取文件，不会改动题库。</source>
        <translation>Choose one or more files; a question bank folder (YAML) works too. The next step only reads the files and changes nothing in the bank.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="48" />
        <source>要导入的文件</source>
        <translation>Files to import</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="52" />
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="53" />
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="54" />
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="65" />
        <source>按文件中写明的领域</source>
        <translation>As stated in the file</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="68" />
        <source>文件格式</source>
        <translation>File format</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="69" />
        <source>所属领域</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="96" />
        <source>选择要导入的题库文件</source>
        <translation>Choose question files to import</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="100" />
        <source>选择题库文件夹</source>
        <translation>Choose a question bank folder</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="245" />
        <source>第 3 步：确认</source>
        <translation>Step 3: Confirm</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="246" />
        <source>下面是试运行的结果，题库还没有改动。点“导入”写入题库。</source>
        <translation>This is the result of a dry run; the bank has not been changed yet. Click “Import” to write to the bank.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="248" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="260" />
        <location filename="../../trainer/ui/screens/import_wizard.py" line="277" />
        <source>正在试运行……</source>
        <translation>Running a dry run…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="273" />
        <source>试运行失败，题库没有改动。请返回上一步检查。</source>
        <translation>The dry run failed; the bank was not changed. Go back and check the files.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="281" />
        <source>导入后题库将：</source>
        <translation>After the import the bank will have:</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="283" />
        <source>导入的题目审核状态一律为“草稿”。</source>
        <translation>Imported questions always get the review status “Draft”.</translation>
    </message>
</context>
<context>
    <name>CoursewareScreen</name>
    <message>
        <location filename="../../trainer/ui/screens/courseware.py" line="20" />
        <source>课件学习</source>
        <translation>Courseware</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/courseware.py" line="25" />
        <source>课件目录</source>
        <translation>Chapters</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/courseware.py" line="28" />
        <source>课件正文</source>
        <translation>Chapter text</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/courseware.py" line="47" />
        <source>%1（%2 题）</source>
        <translation>%1 (%2 questions)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../trainer/ui/errors.py" line="22" />
        <source>
……另有 %n 个问题</source>
        <translation>
…and %n more problems</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="23" />
        <source>输入有误，未做任何改动</source>
        <translation>Invalid input; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="25" />
        <source>无法完成操作</source>
        <translation>Could not complete the action</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="26" />
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="26" />
        <source>发生了意外错误，已记录日志。请把下面的信息交给技术支持：</source>
        <translation>An unexpected error occurred and was logged. Please give the following to technical support:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="33" />
        <source>导出题目</source>
        <translation>Export questions</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="40" />
        <source>全部领域</source>
        <translation>All domains</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="44" />
        <source>可选：只导出带这个标签的题目</source>
        <translation>Optional: export only questions with this tag</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="48" />
        <source>选择保存位置</source>
        <translation>Choose where to save</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="49" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="53" />
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="54" />
        <source>领域</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="55" />
        <source>标签</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="56" />
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="59" />
        <source>导出结果</source>
        <translation>Export result</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="60" />
        <source>导出后，这里列出导出的题数和这种格式无法保存的内容。</source>
        <translation>After exporting, this shows how many questions were written and what the format could not keep.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="63" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="65" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="95" />
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="111" />
        <location filename="../../trainer/ui/screens/export_dialog.py" line="128" />
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="122" />
        <source>导出失败。</source>
        <translation>Export failed.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="131" />
        <source>已导出 %1 题到 %2</source>
        <translation>Exported %1 questions to %2</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="133" />
        <source>这种格式保存了全部内容。</source>
        <translation>This format kept everything.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/export_dialog.py" line="135" />
        <source>这种格式不能保存以下内容：</source>
        <translation>This format could not keep the following:</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="19" />
        <source>自动识别（按扩展名和内容）</source>
        <translation>Detect automatically (by extension and content)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="20" />
        <source>本系统 YAML（.yaml）</source>
        <translation>Native YAML (.yaml)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="21" />
        <source>Excel 工作簿（.xlsx）</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="22" />
        <source>CSV 表格（.csv）</source>
        <translation>CSV table (.csv)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="23" />
        <source>GIFT 文本（.gift / .txt）</source>
        <translation>GIFT text (.gift / .txt)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="24" />
        <source>Moodle XML（.xml）</source>
        <translation>Moodle XML (.xml)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="25" />
        <source>Aiken 单选题文本（.txt）</source>
        <translation>Aiken single-choice text (.txt)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="26" />
        <source>IMS QTI 2.1/2.2（.xml / .zip）</source>
        <translation>IMS QTI 2.1/2.2 (.xml / .zip)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="34" />
        <source>题库文件</source>
        <translation>Question files</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="35" />
        <source>本系统 YAML</source>
        <translation>Native YAML</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="36" />
        <source>Excel 工作簿</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="37" />
        <source>CSV 表格</source>
        <translation>CSV table</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="38" />
        <source>GIFT / Aiken 文本</source>
        <translation>GIFT / Aiken text</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="39" />
        <source>Moodle XML / QTI</source>
        <translation>Moodle XML / QTI</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="40" />
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../trainer/ui/screens/home.py" line="38" />
        <source>欢迎使用全科社工培训考试系统</source>
        <translation>Welcome to Community Social Worker Training &amp; Exams</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/home.py" line="39" />
        <source>一专多能：人社、卫健、住建、信访、民政与社区治理，学习、练习、考试一站完成。</source>
        <translation>One specialty, many skills: HR &amp; social security, health, housing, petitions, civil affairs and community governance — study, practice and exams in one place.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/home.py" line="46" />
        <source>题库题目</source>
        <translation>Questions in the bank</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/home.py" line="47" />
        <source>课件章节</source>
        <translation>Courseware chapters</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/home.py" line="48" />
        <source>在册社区工作者</source>
        <translation>Registered community workers</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/home.py" line="49" />
        <source>已取得全科社工资格</source>
        <translation>Qualified general-practice workers</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/home.py" line="55" />
        <source>%1题目</source>
        <translation>%1 questions</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="53" />
        <location filename="../../trainer/ui/screens/import_preview.py" line="148" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="54" />
        <location filename="../../trainer/ui/screens/import_preview.py" line="149" />
        <source>领域</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="55" />
        <location filename="../../trainer/ui/screens/import_preview.py" line="150" />
        <source>题型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="56" />
        <location filename="../../trainer/ui/screens/import_preview.py" line="151" />
        <source>题干</source>
        <translation>Stem</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="57" />
        <source>选项</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="58" />
        <source>答案</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="59" />
        <source>解析</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="60" />
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="61" />
        <source>章节</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="62" />
        <source>难度</source>
        <translation>Difficulty</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="63" />
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="72" />
        <source>第 %1 行</source>
        <translation>line %1</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="83" />
        <location filename="../../trainer/ui/screens/import_preview.py" line="133" />
        <source>警告：</source>
        <translation>Warning: </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="132" />
        <source>可导入</source>
        <translation>Ready to import</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="135" />
        <source>错误：%1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="135" />
        <source>警告：%1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="137" />
        <source>（另有 %1 条）</source>
        <translation> (and %1 more)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="152" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_preview.py" line="162" />
        <source>没有发现问题</source>
        <translation>No problems found</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="54" />
        <source>新增 %1 题</source>
        <translation>%1 new questions</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="55" />
        <source>新版本 %1 题</source>
        <translation>%1 new versions</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="56" />
        <source>更新属性 %1 题（如审核状态）</source>
        <translation>%1 with updated attributes (such as review status)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="57" />
        <source>未变 %1 题</source>
        <translation>%1 unchanged</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="60" />
        <source>跳过有错误的 %1 题</source>
        <translation>%1 with errors skipped</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/interchange_labels.py" line="62" />
        <source>规则 %1 条、课件章节 %2 章有变化</source>
        <translation>%1 rules and %2 courseware chapters changed</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="339" />
        <source>导入题目</source>
        <translation>Import questions</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="343" />
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="344" />
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="345" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="346" />
        <source>完成</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../trainer/ui/labels.py" line="10" />
        <source>人社</source>
        <translation>HR &amp; social security</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="11" />
        <source>卫健</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="12" />
        <source>住建</source>
        <translation>Housing</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="13" />
        <source>信访</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="14" />
        <source>民政与社区治理</source>
        <translation>Civil affairs &amp; community</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="20" />
        <source>单选题</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="21" />
        <source>多选题</source>
        <translation>Multiple choice</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="22" />
        <source>判断题</source>
        <translation>True/false</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="23" />
        <source>填空题</source>
        <translation>Fill in</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="24" />
        <source>排序题</source>
        <translation>Ordering</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="25" />
        <source>匹配题</source>
        <translation>Matching</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="26" />
        <source>案例题</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="27" />
        <source>简答题</source>
        <translation>Short answer</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="32" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="32" />
        <source>已审核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="32" />
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="32" />
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="36" />
        <source>练习和考试</source>
        <translation>Practice and exams</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="36" />
        <source>仅考试</source>
        <translation>Exams only</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="41" />
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="42" />
        <source>作答中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="43" />
        <source>已交卷</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="44" />
        <source>到时自动交卷</source>
        <translation>Auto-submitted at time-out</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="45" />
        <source>已评分</source>
        <translation>Graded</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="46" />
        <source>全科社工培训考试系统</source>
        <translation>Community Social Worker Training &amp; Exams</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="57" />
        <source>全科社工
培训考试系统</source>
        <translation>Community Worker
Training &amp; Exams</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="60" />
        <location filename="../../trainer/ui/main_window.py" line="64" />
        <source>当前身份</source>
        <translation>Current role</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="62" />
        <source>学员</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="62" />
        <source>培训师 / 考务</source>
        <translation>Trainer / proctor</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="69" />
        <source>导航</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="78" />
        <source>正在打开数据库……</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="94" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="95" />
        <source>学习</source>
        <translation>Learning</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="95" />
        <source>课件学习</source>
        <translation>Courseware</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="96" />
        <source>考试</source>
        <translation>Exams</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="96" />
        <source>考试记录</source>
        <translation>Exam records</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="97" />
        <source>培训管理</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="97" />
        <source>题库</source>
        <translation>Question bank</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="62" />
        <location filename="../../trainer/ui/main_window.py" line="98" />
        <source>组织部</source>
        <translation>Organization Dept.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="98" />
        <source>人员名册</source>
        <translation>Worker register</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="155" />
        <source>数据库已升级，原文件已备份：%1</source>
        <translation>Database upgraded; the original was backed up to %1</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="155" />
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="167" />
        <source>无法打开数据库</source>
        <translation>Could not open the database</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <location filename="../../trainer/ui/ops.py" line="117" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PeopleScreen</name>
    <message>
        <location filename="../../trainer/ui/screens/people.py" line="19" />
        <source>人员名册</source>
        <translation>Worker register</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/people.py" line="22" />
        <source>全部区县</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/people.py" line="29" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/people.py" line="30" />
        <source>身份证号</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/people.py" line="31" />
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/people.py" line="32" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/people.py" line="33" />
        <source>岗位</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/people.py" line="34" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/people.py" line="65" />
        <source>共 %1 人</source>
        <translation>%1 people</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="116" />
        <source>第 2 步：预览</source>
        <translation>Step 2: Preview</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="117" />
        <source>每道题一行；有错误的题标红，有警告的标黄，把鼠标停在行上可看原因。</source>
        <translation>One row per question; questions with errors are red, with warnings amber. Select a row or hover over it to see why.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="124" />
        <source>不属于某道题的问题</source>
        <translation>Problems not tied to a question</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="131" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="146" />
        <source>跳过有错误的题目，只导入其余的题目</source>
        <translation>Skip questions with errors and import the rest</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="169" />
        <source>正在读取文件……</source>
        <translation>Reading the files…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="182" />
        <source>无法读取这些文件，请返回上一步检查。</source>
        <translation>These files could not be read. Go back and check them.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="187" />
        <source>正在读取和检查题目……</source>
        <translation>Reading and checking the questions…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="199" />
        <source>%1 题可导入</source>
        <translation>%1 can be imported</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="200" />
        <source>%1 题有错误</source>
        <translation>%1 with errors</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="201" />
        <source>%1 条警告</source>
        <translation>%1 warnings</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="204" />
        <source>%1 个文件级错误</source>
        <translation>%1 file-level errors</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="205" />
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="214" />
        <source>没有发现问题，可以导入。</source>
        <translation>No problems found; ready to import.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="222" />
        <source>没有可以导入的题目。请修改文件后返回上一步重新读取。</source>
        <translation>There is nothing that can be imported. Fix the files, then go back and read them again.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="224" />
        <source>文件中有错误。默认全部导入或全部不导入：请修改文件后重新读取，或勾选“跳过有错误的题目”只导入没有错误的题目。</source>
        <translation>The files contain errors. By default everything or nothing is imported: fix the files and read them again, or tick “Skip questions with errors” to import only the questions without errors.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="299" />
        <source>第 4 步：完成</source>
        <translation>Step 4: Done</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="308" />
        <location filename="../../trainer/ui/screens/import_wizard.py" line="327" />
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="316" />
        <source>导入完成：</source>
        <translation>Import finished:</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/import_wizard.py" line="323" />
        <source>导入失败，题库没有改动。</source>
        <translation>The import failed; the bank was not changed.</translation>
    </message>
</context>
</TS>