"""Districts, communities, workers and user accounts."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from trainer.core import idcard
from trainer.core.errors import Location, NotFound, Problem, ValidationError
from trainer.services.context import AppContext
from trainer.store import models as m

ROLES = ("learner", "trainer", "org", "admin")
WORKER_STATUSES = ("active", "left", "suspended")
_hasher = PasswordHasher()


@dataclass(frozen=True)
class DistrictDTO:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class WorkerDTO:
    id: int
    name: str
    id_number_masked: str
    phone: str
    district: str
    community: str
    position: str
    status: str


@dataclass(frozen=True)
class UserDTO:
    id: int
    username: str
    display_name: str
    role: str


class PeopleService:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def districts(self) -> list[DistrictDTO]:
        with self.ctx.uow.read() as s:
            return [DistrictDTO(d.id, d.code, d.name) for d in s.scalars(select(m.District).order_by(m.District.sort))]

    def add_community(self, district: str, name: str, *, street: str = "", pilot: bool = False) -> int:
        name = name.strip()
        if not name:
            raise ValidationError([Problem(Location(field="name"), "社区名称不能为空")])
        with self.ctx.uow() as s:
            d = _district(s, district)
            existing = s.scalar(select(m.Community).where(m.Community.district_id == d.id, m.Community.name == name))
            if existing is not None:
                return existing.id
            c = m.Community(district_id=d.id, name=name, street=street, pilot=pilot)
            s.add(c)
            s.flush()
            return c.id

    def add_worker(
        self, *, name: str, id_number: str, district: str, community: str | None = None, phone: str = "", position: str = ""
    ) -> int:
        problems = []
        if not name.strip():
            problems.append(Problem(Location(field="姓名"), "姓名不能为空"))
        reason = idcard.problem(id_number)
        if reason:
            problems.append(Problem(Location(field="身份证号"), reason))
        if problems:
            raise ValidationError(problems)
        with self.ctx.uow() as s:
            d = _district(s, district)
            community_id = None
            if community:
                c = s.scalar(select(m.Community).where(m.Community.district_id == d.id, m.Community.name == community))
                if c is None:
                    raise NotFound(f"{d.name}没有名为“{community}”的社区")
                community_id = c.id
            number = idcard.normalize(id_number)
            if s.scalar(select(m.Worker.id).where(m.Worker.id_number == number)) is not None:
                raise ValidationError([Problem(Location(field="身份证号"), f"身份证号 {idcard.mask(number)} 已登记")])
            w = m.Worker(name=name.strip(), id_number=number, district_id=d.id, community_id=community_id, phone=phone, position=position)
            s.add(w)
            s.flush()
            return w.id

    def workers(self, *, district: str | None = None, limit: int | None = None) -> list[WorkerDTO]:
        with self.ctx.uow.read() as s:
            stmt = (
                select(m.Worker, m.District.name, m.Community.name)
                .join(m.District, m.District.id == m.Worker.district_id)
                .outerjoin(m.Community, m.Community.id == m.Worker.community_id)
                .order_by(m.District.sort, m.Community.name, m.Worker.name)
            )
            if district:
                stmt = stmt.where((m.District.code == district) | (m.District.name == district))
            if limit:
                stmt = stmt.limit(limit)
            return [
                WorkerDTO(w.id, w.name, idcard.mask(w.id_number), w.phone, dname, cname or "", w.position, w.status)
                for w, dname, cname in s.execute(stmt).all()
            ]

    def add_user(self, username: str, display_name: str, role: str, password: str, *, worker_id: int | None = None) -> int:
        if role not in ROLES:
            raise ValidationError(f"角色“{role}”无效（{'/'.join(ROLES)}）")
        if len(password) < 8:
            raise ValidationError([Problem(Location(field="密码"), "密码至少 8 位")])
        with self.ctx.uow() as s:
            existing = s.scalar(select(m.User).where(m.User.username == username))
            if existing is not None:
                return existing.id
            u = m.User(username=username, display_name=display_name, role=role, password_hash=_hasher.hash(password), worker_id=worker_id)
            s.add(u)
            s.flush()
            return u.id

    def authenticate(self, username: str, password: str) -> UserDTO | None:
        with self.ctx.uow.read() as s:
            u = s.scalar(select(m.User).where(m.User.username == username, m.User.active.is_(True)))
            if u is None:
                return None
            try:
                _hasher.verify(u.password_hash, password)
            except VerificationError:
                return None
            return UserDTO(u.id, u.username, u.display_name, u.role)


def _district(s: Session, key: str) -> m.District:
    d = s.scalar(select(m.District).where((m.District.code == key) | (m.District.name == key)))
    if d is None:
        raise NotFound(f"没有名为“{key}”的区县")
    return d
