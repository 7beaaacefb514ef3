"""A realistic demo data set: communities in the six districts, ~120 workers, trainer accounts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, insert, select

from trainer import paths
from trainer.core import idcard
from trainer.core.clock import make_rng
from trainer.services.bank import BankService
from trainer.services.context import AppContext
from trainer.services.people import PeopleService
from trainer.store import models as m

# Administrative division codes (GB/T 2260) of the city's districts, used as 身份证 area prefixes.
AREA_CODES = {"zhanqian": "210802", "xishi": "210803", "bayuquan": "210804", "laobian": "210811", "gaizhou": "210881", "dashiqiao": "210882"}
COMMUNITY_NAMES = (
    "建设", "和平", "光明", "向阳", "胜利", "新华", "东风", "民主", "友谊", "振兴", "红旗", "桃园", "青年", "团结",
    "幸福", "春晖", "海星", "望海", "金港", "渤海", "园丁", "康乐", "锦绣", "育才",
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红梅鑫波斌宇浩凯健俊帆帅旭宁婷雪琳晶欣怡佳颖蕾倩璐岩"
POSITIONS = ("社区书记", "社区主任", "社区副主任", "网格员", "社区专职工作者", "社区专职工作者", "社区专职工作者", "社会工作者")
DEMO_PASSWORD = "trainer2026"


class DemoService:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def load(self, *, seed: int = 2026, workers: int = 120) -> str:
        rng = make_rng(seed)
        report = BankService(self.ctx).import_paths([paths.question_bank_dir()])
        people = PeopleService(self.ctx)
        districts = people.districts()
        per_district = 4
        communities: list[tuple[str, str]] = []
        names = list(COMMUNITY_NAMES)
        rng.shuffle(names)
        for i, d in enumerate(districts):
            for j in range(per_district):
                name = names[(i * per_district + j) % len(names)] + "社区"
                pilot = j < 3 and i < 7  # 20 pilot communities in the first roll-out (18 here + 2 below)
                people.add_community(d.code, name, street=f"{names[(i + j) % len(names)]}街道", pilot=pilot or (i < 2 and j == 3))
                communities.append((d.code, name))
        with self.ctx.uow.read() as s:
            existing = s.scalar(select(func.count()).select_from(m.Worker)) or 0
        rows = []
        if existing < workers:
            with self.ctx.uow() as s:
                ids = {c.name + "|" + d.code: c.id for c, d in s.execute(select(m.Community, m.District).join(m.District))}
                dist_ids = {d.code: d.id for d in s.scalars(select(m.District))}
                taken = set(s.scalars(select(m.Worker.id_number)))
                for k in range(existing, workers):
                    dcode, cname = communities[k % len(communities)]
                    born = date(rng.randint(1966, 2000), rng.randint(1, 12), rng.randint(1, 28))
                    number = idcard.make(AREA_CODES[dcode], born, rng.randint(0, 999))
                    if number in taken:
                        continue
                    taken.add(number)
                    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
                    rows.append({
                        "name": name, "id_number": number, "phone": f"13{rng.randint(0, 9)}{rng.randint(10_000_000, 99_999_999)}",
                        "district_id": dist_ids[dcode], "community_id": ids[cname + "|" + dcode], "position": rng.choice(POSITIONS),
                        "status": "active", "created_at": self.ctx.clock.now_utc(), "updated_at": self.ctx.clock.now_utc(),
                    })
                if rows:
                    s.execute(insert(m.Worker), rows)
        people.add_user("trainer1", "李培训", "trainer", DEMO_PASSWORD)
        people.add_user("trainer2", "王考务", "trainer", DEMO_PASSWORD)
        people.add_user("org1", "组织部 赵科长", "org", DEMO_PASSWORD)
        people.add_user("learner1", "张学员", "learner", DEMO_PASSWORD)
        return (
            f"题库：{report.summary_zh()}\n"
            f"社区：{len(communities)} 个（六个区县各 {per_district} 个，其中 20 个试点）；新增社区工作者 {len(rows)} 人。\n"
            f"账号：trainer1、trainer2（培训师）、org1（组织部）、learner1（学员），演示密码 {DEMO_PASSWORD}"
        )
