"""Demo agencies and users: one per role in Beijing and Shanghai, and more (`make run`)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import transaction

from ipshield.core.audit import audit_record
from ipshield.core.choices import AGENCY_KIND_OF_ROLE, AgencyKind, AgencyLevel, Role
from ipshield.core.models import Agency, User


@dataclass(frozen=True)
class DemoProvince:
    pinyin: str
    code: str
    name: str
    short: str
    full: bool  # every agency kind and every role, or the core ones only


PROVINCES = [
    DemoProvince("beijing", "110000", "北京市", "BJ", True),
    DemoProvince("shanghai", "310000", "上海市", "SH", True),
    DemoProvince("guangdong", "440000", "广东省", "GD", False),
    DemoProvince("zhejiang", "330000", "浙江省", "ZJ", False),
    DemoProvince("jiangsu", "320000", "江苏省", "JS", False),
    DemoProvince("fujian", "350000", "福建省", "FJ", False),
    DemoProvince("sichuan", "510000", "四川省", "SC", False),
]

AGENCY_NAMES = {
    AgencyKind.MARKET_REGULATION: ("AMR", "{p}市场监督管理局"),
    AgencyKind.COPYRIGHT: ("CR", "{p}版权局"),
    AgencyKind.IP_OFFICE: ("IPO", "{p}知识产权局"),
    AgencyKind.CUSTOMS: ("CUS", "{s}海关"),
    AgencyKind.DRUG: ("DRUG", "{p}药品监督管理局"),
    AgencyKind.AGRICULTURE: ("AGRI", "{p}农业农村厅"),
    AgencyKind.PUBLIC_SECURITY: ("PSB", "{p}公安厅"),
    AgencyKind.PROCURATORATE: ("PROC", "{p}人民检察院"),
    AgencyKind.COURT: ("COURT", "{p}高级人民法院"),
    AgencyKind.LEADING_GROUP: ("LG", "{p}打击侵权假冒工作领导小组办公室"),
    AgencyKind.CERTIFICATION_REGULATOR: ("CERT", "{p}认证监管处"),
    AgencyKind.BANK: ("BANK", "示例银行{s}分行"),
}
CORE_KINDS = [
    AgencyKind.MARKET_REGULATION,
    AgencyKind.PUBLIC_SECURITY,
    AgencyKind.PROCURATORATE,
    AgencyKind.LEADING_GROUP,
]
CORE_ROLES = [Role.OFFICER, Role.AGENCY_HEAD, Role.POLICE, Role.PROCURATOR, Role.COORDINATOR]


def _agency(code: str, name: str, kind: str, level: str, region: str) -> Agency:
    agency, _created = Agency.objects.update_or_create(
        code=code, defaults={"name": name, "kind": kind, "level": level, "region_id": region}
    )
    return agency


def seed_agencies_and_users(password: str) -> list[tuple[str, str, str]]:
    """Create (or refresh) demo agencies and users; returns (username, role label, agency) rows."""
    accounts: list[tuple[str, str, str]] = []
    with transaction.atomic():
        national = _agency(
            "national-lg",
            "全国打击侵权假冒工作领导小组办公室",
            AgencyKind.LEADING_GROUP,
            AgencyLevel.NATIONAL,
            "000000",
        )
        _agency("national-amr", "国家市场监督管理总局", AgencyKind.MARKET_REGULATION, AgencyLevel.NATIONAL, "000000")
        for province in PROVINCES:
            kinds = list(AGENCY_NAMES) if province.full else CORE_KINDS
            by_kind: dict[str, Agency] = {}
            for kind in kinds:
                suffix, pattern = AGENCY_NAMES[kind]
                name = pattern.format(p=province.name, s=province.name.rstrip("市省"))
                if province.full and kind == AgencyKind.AGRICULTURE:
                    name = f"{province.name}农业农村局"
                if province.full and kind == AgencyKind.PUBLIC_SECURITY:
                    name = f"{province.name}公安局"
                by_kind[kind] = _agency(
                    f"{province.short}-{suffix}".lower(), name, kind, AgencyLevel.PROVINCE, province.code
                )
            roles = list(AGENCY_KIND_OF_ROLE) if province.full else CORE_ROLES
            for role in roles:
                accounts.append(_user(f"{role}.{province.pinyin}", role, by_kind[AGENCY_KIND_OF_ROLE[role]], password))
            # A special group needs two officers, and its head may not be one of them (separation of duties).
            accounts.append(
                _user(f"officer2.{province.pinyin}", Role.OFFICER, by_kind[AgencyKind.MARKET_REGULATION], password)
            )
        district = _agency(
            "bj-chaoyang-amr", "北京市朝阳区市场监督管理局", AgencyKind.MARKET_REGULATION, AgencyLevel.COUNTY, "110105"
        )
        accounts.append(_user("officer.beijing.chaoyang", Role.OFFICER, district, password))
        accounts.append(_user("coordinator.national", Role.COORDINATOR, national, password))
        accounts.append(_user("admin", Role.ADMIN, None, password, superuser=True))
        accounts.append(_user("auditor", Role.AUDITOR, None, password))
        audit_record(
            actor=None, action="demo.seed.accounts", object_type="system", after={"accounts": [a[0] for a in accounts]}
        )
    return accounts


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉宇浩凯健俊帆帅旭宁琳晨欣雪"


def demo_person_name(username: str) -> str:
    """A stable, plausible Chinese name per demo account (so pages show people, not login names)."""
    if username in {"admin", "auditor"}:
        return {"admin": "系统管理员", "auditor": "审计员"}[username]
    digest = hashlib.sha256(username.encode()).digest()
    return (
        SURNAMES[digest[0] % len(SURNAMES)]
        + GIVEN[digest[1] % len(GIVEN)]
        + GIVEN[digest[2] % len(GIVEN)][: digest[3] % 2]
    )


def _user(
    username: str, role: str, agency: Agency | None, password: str, *, superuser: bool = False
) -> tuple[str, str, str]:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(
            username=username,
            role=role,
            agency=agency,
            display_name=demo_person_name(username),
            is_staff=superuser,
            is_superuser=superuser,
        )
        user.set_password(password)
        user.save()
    return username, str(Role(role).label), agency.name if agency else "—"
