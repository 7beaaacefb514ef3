<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../trainer/ui/errors.py" line="26" />
        <source>
……另有 %n 个问题</source>
        <translation>
…and %n more problems</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="27" />
        <source>输入有误，未做任何改动</source>
        <translation>Invalid input; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="29" />
        <source>无法完成操作</source>
        <translation>Could not complete the action</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="30" />
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="30" />
        <source>发生了意外错误，已记录日志。请把下面的信息交给技术支持：</source>
        <translation>An unexpected error occurred and was logged. Please give the following to technical support:</translation>
    </message>
</context>
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
        <location filename="../../trainer/ui/screens/bank.py" line="25" />
        <source>题库</source>
        <translation>Question bank</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="28" />
        <source>全部领域</source>
        <translation>All domains</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="32" />
        <source>全部题型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="36" />
        <source>搜索题干或编号</source>
        <translation>Search stem or ID</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="49" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="50" />
        <source>领域</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="51" />
        <source>题型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="52" />
        <source>难度</source>
        <translation>Difficulty</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="53" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="54" />
        <source>题干</source>
        <translation>Stem</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="67" />
        <source>题目详情</source>
        <translation>Question details</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/bank.py" line="82" />
        <source>共 %1 道题</source>
        <translation>%1 questions</translation>
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
        <location filename="../../trainer/ui/screens/courseware.py" line="24" />
        <source>课件目录</source>
        <translation>Chapters</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/courseware.py" line="27" />
        <source>课件正文</source>
        <translation>Chapter text</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/screens/courseware.py" line="46" />
        <source>%1（%2 题）</source>
        <translation>%1 (%2 questions)</translation>
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
        <location filename="../../trainer/ui/main_window.py" line="45" />
        <source>全科社工培训考试系统</source>
        <translation>Community Social Worker Training &amp; Exams</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="56" />
        <source>全科社工
培训考试系统</source>
        <translation>Community Worker
Training &amp; Exams</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="59" />
        <location filename="../../trainer/ui/main_window.py" line="63" />
        <source>当前身份</source>
        <translation>Current role</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="61" />
        <source>学员</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="61" />
        <source>培训师 / 考务</source>
        <translation>Trainer / proctor</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="67" />
        <source>导航</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="76" />
        <source>正在打开数据库……</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="92" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="93" />
        <source>学习</source>
        <translation>Learning</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="93" />
        <source>课件学习</source>
        <translation>Courseware</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="94" />
        <source>考试</source>
        <translation>Exams</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="94" />
        <source>考试记录</source>
        <translation>Exam records</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="95" />
        <source>培训管理</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="95" />
        <source>题库</source>
        <translation>Question bank</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="61" />
        <location filename="../../trainer/ui/main_window.py" line="96" />
        <source>组织部</source>
        <translation>Organization Dept.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="96" />
        <source>人员名册</source>
        <translation>Worker register</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="149" />
        <source>数据库已升级，原文件已备份：%1</source>
        <translation>Database upgraded; the original was backed up to %1</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="149" />
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="161" />
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
</TS>