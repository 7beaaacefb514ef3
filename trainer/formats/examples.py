"""One example question per type: the rows of the Excel template, and a fixture for tests."""

from __future__ import annotations

from trainer.core.questions import Basis, Blank, QType, Question, RubricPoint

_B = (Basis("social-insurance-law", "第四十五条"),)

EXAMPLES: tuple[Question, ...] = (
    Question(
        id="example-single", type=QType.SINGLE, domain="hr", difficulty=2, basis=_B,
        stem="领取失业保险金，失业前用人单位和本人累计缴纳失业保险费至少应满（　）。",
        options=("六个月", "一年", "两年", "三年"), key="B",
        explanation="按规定累计缴费满一年方可领取；六个月不够，两年、三年是更长期限的档次。",
        tags=("失业保险", "领取条件"), section="hr-unemployment",
    ),
    Question(
        id="example-multiple", type=QType.MULTIPLE, domain="hr", basis=_B,
        stem="领取失业保险金应当同时具备的条件有（　）。",
        options=("累计缴费满一年", "非因本人意愿中断就业", "已经进行失业登记并有求职要求", "年满五十周岁"),
        key=("A", "B", "C"), explanation="A、B、C 是法定条件；年龄不是条件。", tags=("失业保险",),
    ),
    Question(
        id="example-judge", type=QType.JUDGE, domain="hr", basis=_B,
        stem="失业人员在领取失业保险金期间重新就业的，应停止领取失业保险金。", key=True,
        explanation="重新就业属于停止领取的情形。",
    ),
    Question(
        id="example-fill", type=QType.FILL, domain="hr", basis=(Basis("social-insurance-law", "第五十八条"),),
        stem="用人单位应当自用工之日起____日内为其职工向社会保险经办机构申请办理社会保险登记。",
        key=(Blank(("30", "三十")),), explanation="法定期限为三十日。",
    ),
    Question(
        id="example-ordering", type=QType.ORDERING, domain="hr", basis=_B,
        stem="请将办理失业保险金的步骤按先后顺序排列。",
        options=("领取失业保险金", "办理失业登记", "用人单位出具终止或解除劳动关系证明", "提出领取申请"),
        key=("C", "B", "D", "A"), explanation="先有证明，再登记、申请，最后领取。",
    ),
    Question(
        id="example-matching", type=QType.MATCHING, domain="community",
        stem="请将下列事项与受理部门对应。", left=("失业登记", "医保报销", "公租房申请"),
        right=("人社部门", "医保部门", "住建部门", "信访部门"), key=((1, "A"), (2, "B"), (3, "C")),
        explanation="信访部门为干扰项。",
    ),
    Question(
        id="example-case", type=QType.CASE, domain="hr", basis=_B,
        stem="居民张某因单位裁员失业，来社区服务站咨询失业保险待遇。",
        sub=(
            Question(id="", type=QType.SINGLE, stem="张某应首先办理（　）。",
                     options=("失业登记", "退休手续", "医保转移", "低保申请"), key="A",
                     explanation="领取待遇前须先办理失业登记。"),
            Question(id="", type=QType.JUDGE, stem="张某失业是因单位裁员，属于非因本人意愿中断就业。",
                     key=True, explanation="裁员属于非本人意愿。"),
        ),
        explanation="考查失业保险金的领取流程。",
    ),
    Question(
        id="example-essay", type=QType.ESSAY, domain="hr", basis=_B,
        stem="简述失业人员申领失业保险金的办理流程。", key="先办理失业登记，再提出申请，经审核后按月领取。",
        rubric=(RubricPoint("说明失业登记的办理地点", 40), RubricPoint("说明所需材料", 30),
                RubricPoint("告知领取期限的计算", 30)),
        explanation="按流程作答。",
    ),
)
