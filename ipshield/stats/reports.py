"""Live reports (统计报表): every figure is a count of records the reader may open, computed by
the same scoped selector and filters as the list it drills down to, so `value` always equals the
`count` of its `records` list (issue 12; ARCHITECTURE §6 `/api/v1/stats/reports`).

A report is columns × rows. A column counts one kind of record in the period (a scoped queryset
plus a date field) and names the API list that shows them; a derived column (a rate) has no list.
Rows are the regions one level below the chosen region (national → provinces → prefectures →
counties), plus 合计 for the chosen region itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db.models import Case as Conditional
from django.db.models import (
    CharField,
    Count,
    DecimalField,
    DurationField,
    ExpressionWrapper,
    F,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from ipshield.cases.choices import IpType
from ipshield.cases.models import Case
from ipshield.cases.selectors import CASE_PERIOD_FIELDS, case_list, ip_type_q
from ipshield.core import regions
from ipshield.core.jurisdiction import reading_only
from ipshield.core.models import Agency, Region, User
from ipshield.disclosure.selectors import staff_disclosure_list
from ipshield.tips.models import Tip
from ipshield.tips.selectors import tip_list
from ipshield.transfers.models import Transfer
from ipshield.transfers.selectors import criminal_step_list, transfer_list

# Who reads statistics: the staff whose work has records (administrative agencies, police,
# procuratorates, courts, the leading-group offices); every figure is scoped by visible_to anyway.
STATS_ROLES = frozenset({"officer", "agency_head", "procurator", "coordinator", "police", "judge"})
MAX_PERIOD_DAYS = 366 * 10
MSG_PERIOD = gettext_noop("统计期间无效：开始日期须早于结束日期，且不超过十年。")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @classmethod
    def chosen(cls, start: dt.date | None, end: dt.date | None) -> Period:
        """The period asked for; by default 1 January this year to today. ValidationError when the
        start is after the end or the period is longer than ten years."""
        today = timezone.localdate()
        period = cls(start or today.replace(month=1, day=1), end or today)
        if period.start > period.end or (period.end - period.start).days > MAX_PERIOD_DAYS:
            raise ValidationError({"from": _(MSG_PERIOD)})
        return period

    def last_year(self) -> Period:
        """The same days a year earlier (同比); 29 February becomes the 28th."""
        return Period(year_before(self.start), year_before(self.end))

    def previous(self) -> Period:
        """The period of the same length just before (环比): the month before a month, the quarter
        before a quarter (by calendar when the period is a whole month, quarter or year)."""
        months = _whole_months(self)
        if months:
            end = self.start - dt.timedelta(days=1)
            index = end.year * 12 + end.month - 1 - (months - 1)
            return Period(dt.date(index // 12, index % 12 + 1, 1), end)
        length = (self.end - self.start).days + 1
        return Period(self.start - dt.timedelta(days=length), self.start - dt.timedelta(days=1))


def year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _whole_months(period: Period) -> int:
    """How many calendar months the period covers exactly (0 when it is not whole months)."""
    following = period.end + dt.timedelta(days=1)
    if period.start.day != 1 or following.day != 1:
        return 0
    return (following.year - period.start.year) * 12 + following.month - period.start.month


@dataclass(frozen=True)
class CountColumn:
    key: str
    label: str | Promise
    definition: str | Promise
    records: Callable[[Any, dict[str, Any]], QuerySet[Any]]  # the scoped list, from the same filters
    api_path: str  # the list endpoint those filters are read by
    date_param: str  # "filed" → ?filed_from=&filed_to=
    date_field: str  # the record's datetime field those filters read ("filed_at")
    page: str = "cases:list"  # the page list that reads the same filters
    # Every record of the kind in a domain, whoever may read it: only for aggregate benchmarks
    # (the national average a region is compared with), never for a figure that drills down.
    benchmark: Callable[[str], QuerySet[Any]] | None = None
    # Conditions this figure always adds to the list's filters (?outcome=accepted).
    fixed: dict[str, str] = field(default_factory=dict)
    # A sum instead of a count (罚没款): the fields added up, and the unit they are shown in. The
    # figure still links to the records summed; the cell says how many (`records_count`).
    sum_of: tuple[str, ...] = ()
    scale: int = 1
    # An average instead of a count (平均用时): (start, end) datetime fields; the figure is the mean
    # days between them over the records counted, which it links to (`records_count` says how many).
    average_of: tuple[str, str] | None = None
    # Where the record reaches the case's domain and offence (IP-type rows): "" or "case__".
    case_prefix: str = ""
    # Where the record reaches its region (region rows): "" or "transfer__" (a criminal step).
    region_prefix: str = ""


@dataclass(frozen=True)
class RateColumn:
    key: str
    label: str | Promise
    definition: str | Promise
    numerator: str
    denominator: str


@dataclass(frozen=True)
class Report:
    key: str
    title: str | Promise
    definition: str | Promise
    columns: list[CountColumn | RateColumn] = field(default_factory=list)
    rows: str = "regions"  # or "ip_type" (商标 / 地理标志 / 专利 / 其他), "agency" or "officer" (承办人); then 合计


REPORTS: dict[str, Report] = {}


def register_report(report: Report) -> None:
    REPORTS.setdefault(report.key, report)


def _cases(user: Any, filters: dict[str, Any]) -> QuerySet[Any]:
    return case_list(user, filters).order_by()


def _transfers(user: Any, filters: dict[str, Any]) -> QuerySet[Any]:
    return transfer_list(user, filters).order_by()


def _all_cases(domain: str) -> QuerySet[Any]:
    return Case.objects.filter(domain=domain) if domain else Case.objects.all()


def _all_transfers(domain: str) -> QuerySet[Any]:
    return Transfer.objects.filter(case__domain=domain) if domain else Transfer.objects.all()


register_report(
    Report(
        key="linkage",
        title=_("两法衔接工作情况"),
        definition=_("按地区统计期间内行政立案、行政处罚、筛查为涉嫌犯罪和移送公安机关的案件数，以及移送率。"),
        columns=[
            CountColumn(
                "filed",
                _("行政立案"),
                _("立案时间在期间内的行政案件（件）"),
                _cases,
                "/api/v1/cases",
                "filed",
                "filed_at",
                benchmark=_all_cases,
            ),
            CountColumn(
                "decided",
                _("行政处罚"),
                _("作出处罚决定的时间在期间内的案件（件）"),
                _cases,
                "/api/v1/cases",
                "decided",
                "decided_at",
            ),
            CountColumn(
                "suspected",
                _("涉嫌犯罪"),
                _("首次筛查为涉嫌犯罪的时间在期间内的案件（件，含累计计算）"),
                _cases,
                "/api/v1/cases",
                "suspected",
                "suspected_since",
            ),
            CountColumn(
                "transferred",
                _("移送公安机关"),
                _("移送时间在期间内的移送（件）"),
                _transfers,
                "/api/v1/transfers",
                "sent",
                "sent_at",
                "transfers:list",
                benchmark=_all_transfers,
            ),
            RateColumn("transfer_rate", _("移送率"), _("移送公安机关 ÷ 行政立案 × 100%"), "transferred", "filed"),
        ],
    )
)


register_report(
    Report(
        key="market_ip",
        title=_("市场监管部门知识产权执法情况"),
        definition=_(
            "按知识产权类别（商标、地理标志、专利、其他；先看专项领域，再看涉嫌罪名）统计期间内的立案、结案、"
            "罚没款、涉案金额、捣毁窝点和移送司法机关情况（参照市场监管总局知识产权执法统计表）。默认统计全部行政执法机关，"
            "可按机关类别选“市场监督管理”。"
        ),
        rows="ip_type",
        columns=[
            CountColumn("filed", _("立案"), _("立案时间在期间内的案件（件）"), _cases, "/api/v1/cases", "filed", "filed_at"),
            CountColumn("closed", _("结案"), _("结案时间在期间内的案件（件）"), _cases, "/api/v1/cases", "closed", "closed_at"),
            CountColumn(
                "decided", _("作出处罚决定"), _("处罚决定时间在期间内的案件（件）"), _cases, "/api/v1/cases", "decided",
                "decided_at",
            ),
            CountColumn(
                "penalties", _("罚没款（万元）"), _("处罚决定时间在期间内的案件的罚款与没收违法所得之和（万元）"), _cases,
                "/api/v1/cases", "decided", "decided_at", sum_of=("fine_amount", "confiscated_amount"), scale=10000,
            ),
            CountColumn(
                "amount_involved", _("涉案金额（万元）"), _("处罚决定时间在期间内的案件经查实的涉案金额之和（万元）"),
                _cases, "/api/v1/cases", "decided", "decided_at", sum_of=("amount_involved",), scale=10000,
            ),
            CountColumn(
                "dens_destroyed", _("捣毁窝点（个）"), _("处罚决定时间在期间内的案件捣毁的窝点数之和（个）"), _cases,
                "/api/v1/cases", "decided", "decided_at", sum_of=("dens_destroyed",),
            ),
            CountColumn(
                "transferred", _("移送司法机关"), _("移送时间在期间内的移送（件）"), _transfers, "/api/v1/transfers",
                "sent", "sent_at", "transfers:list", case_prefix="case__",
            ),
            RateColumn("close_rate", _("结案率"), _("结案 ÷ 立案 × 100%"), "closed", "filed"),
        ],
    )
)  # fmt: skip


def _steps(user: Any, filters: dict[str, Any]) -> QuerySet[Any]:
    return criminal_step_list(user, filters).order_by()


def _case_stage(key: str, label: Any, definition: Any, date: str, **fixed: str) -> CountColumn:
    return CountColumn(key, label, definition, _cases, "/api/v1/cases", date, CASE_PERIOD_FIELDS[date], fixed=fixed)


def _transfer_stage(key: str, label: Any, definition: Any, **fixed: str) -> CountColumn:
    return CountColumn(
        key, label, definition, _transfers, "/api/v1/transfers", "sent", "sent_at", "transfers:list",
        fixed=fixed, case_prefix="case__",
    )  # fmt: skip


def _person_stage(key: str, label: Any, definition: Any, kind: str) -> CountColumn:
    return CountColumn(
        key, label, definition, _steps, "/api/v1/criminal-steps", "occurred", "occurred_on",
        "transfers:criminal_steps", fixed={"kind": kind}, case_prefix="transfer__case__", region_prefix="transfer__",
    )  # fmt: skip


register_report(
    Report(
        key="linkage_stages",
        title=_("两法衔接各环节情况（件、人）"),
        definition=_(
            "从行政受理到法院判决的各环节：行政环节按案件计（件），移送后的公安机关立案、不予立案和立案监督按期间内"
            "移送的案件计（件），刑事拘留、逮捕、起诉、判决按涉案人员计（人）；另列以罚代刑和判决案件数。"
        ),
        columns=[
            _case_stage("leads", _("行政受理"), _("收到线索的时间在期间内的案件（件）"), "lead"),
            _case_stage("filed", _("行政立案"), _("立案时间在期间内的案件（件）"), "filed"),
            _case_stage("decided", _("行政处罚"), _("处罚决定时间在期间内的案件（件）"), "decided"),
            CountColumn(
                "suspected", _("涉嫌犯罪"), _("首次筛查为涉嫌犯罪的时间在期间内的案件（件，含累计计算）"), _cases,
                "/api/v1/cases", "suspected", "suspected_since",
            ),
            CountColumn(
                "pending_transfer", _("应移未移"), _("现在筛查为涉嫌犯罪、仍在行政执法机关未移送的案件（件，不限期间）"),
                _cases, "/api/v1/cases", "", "", fixed={"queue": "suspected_not_transferred"},
            ),
            _case_stage(
                "penalty_instead", _("以罚代刑"), _("结案时间在期间内、筛查为涉嫌犯罪却只作行政处罚结案的案件（件）"), "closed",
                queue="penalty_instead_of_transfer",
            ),
            _transfer_stage("sent", _("移送公安机关"), _("移送时间在期间内的移送（件）")),
            _transfer_stage("accepted", _("公安立案"), _("其中公安机关已立案的（件）"), outcome="accepted"),
            _transfer_stage("refused", _("不予立案"), _("其中公安机关曾决定不予立案的（件）"), outcome="refused"),
            _transfer_stage("supervised", _("建议立案监督"), _("其中行政执法机关建议检察院立案监督的（件）"), outcome="supervised"),
            _person_stage("detained", _("刑事拘留（人）"), _("刑事拘留日期在期间内的涉案人员（人）"), "detention"),
            _person_stage("arrested", _("批准逮捕（人）"), _("批准逮捕日期在期间内的涉案人员（人）"), "arrest_approved"),
            _person_stage("prosecuted", _("提起公诉（人）"), _("提起公诉日期在期间内的涉案人员（人）"), "prosecuted"),
            _person_stage("judged", _("法院判决（人）"), _("判决日期在期间内的涉案人员（人）"), "judged"),
            CountColumn(
                "judged_cases", _("法院判决（件）"), _("有涉案人员在期间内被判决的移送案件（件）"), _transfers,
                "/api/v1/transfers", "step", "sent_at", "transfers:list", fixed={"step": "judged"}, case_prefix="case__",
            ),
            CountColumn(
                "filing_days", _("立案平均用时（天）"), _("立案时间在期间内的案件，从收到线索到立案的平均天数"), _cases,
                "/api/v1/cases", "filed", "filed_at", average_of=("lead_received_at", "filed_at"),
            ),
            CountColumn(
                "decision_days", _("处罚平均用时（天）"), _("处罚决定时间在期间内的案件，从立案到作出处罚决定的平均天数"),
                _cases, "/api/v1/cases", "decided", "decided_at", average_of=("filed_at", "decided_at"),
            ),
            CountColumn(
                "police_days", _("公安立案平均用时（天）"), _("期间内移送且公安机关已立案的，从移送到立案决定的平均天数"),
                _transfers, "/api/v1/transfers", "sent", "sent_at", "transfers:list", fixed={"outcome": "accepted"},
                case_prefix="case__", average_of=("sent_at", "decided_at"),
            ),
            RateColumn("transfer_rate", _("移送率"), _("移送公安机关 ÷ 行政立案 × 100%"), "sent", "filed"),
            RateColumn("police_rate", _("公安立案率"), _("公安立案 ÷ 移送公安机关 × 100%"), "accepted", "sent"),
            RateColumn("refusal_rate", _("不立案率"), _("不予立案 ÷ 移送公安机关 × 100%"), "refused", "sent"),
        ],
    )
)  # fmt: skip


def _workload_columns() -> list[CountColumn | RateColumn]:
    """The caseload and timeliness figures, per agency or per handling officer (四(一) 执法能力)."""
    return [
        _case_stage("filed", _("立案"), _("立案时间在期间内的案件（件）"), "filed"),
        _case_stage("decided", _("作出处罚决定"), _("处罚决定时间在期间内的案件（件）"), "decided"),
        _case_stage(
            "decided_on_time", _("法定期限内处罚"), _("其中在法定办案期限（含延长）内作出决定的（件）"), "decided",
            on_time="decision",
        ),
        _case_stage("closed", _("结案"), _("结案时间在期间内的案件（件）"), "closed"),
        CountColumn(
            "overdue_now", _("当前逾期"), _("现在已超过法定期限仍未办结该环节的案件（件，不限期间）"), _cases,
            "/api/v1/cases", "", "", fixed={"overdue": "1"},
        ),
        CountColumn(
            "transferred", _("移送公安机关"), _("移送时间在期间内的移送（件）"), _transfers, "/api/v1/transfers",
            "sent", "sent_at", "transfers:list", case_prefix="case__",
        ),
        RateColumn("on_time_rate", _("按期处罚率"), _("法定期限内处罚 ÷ 作出处罚决定 × 100%"), "decided_on_time", "decided"),
        RateColumn("close_rate", _("结案率"), _("结案 ÷ 立案 × 100%"), "closed", "filed"),
    ]  # fmt: skip


register_report(
    Report(
        key="workload",
        title=_("执法机构办案量和时效"),
        definition=_(
            "按办案机构统计期间内立案、处罚、在法定期限内处罚、结案和移送的件数，以及目前正在逾期的案件数"
            "（工作方案四(一)执法能力）；只列期间内有数据的机构。"
        ),
        rows="agency",
        columns=_workload_columns(),
    )
)
register_report(
    Report(
        key="workload_officers",
        title=_("执法人员办案量和时效"),
        definition=_(
            "按承办人（登记案件的执法人员）统计期间内立案、处罚、在法定期限内处罚、结案和移送的件数，以及目前正在"
            "逾期的案件数（工作方案四(一)执法能力）；只列期间内有数据的人员。"
        ),
        rows="officer",
        columns=_workload_columns(),
    )
)


def _tips(user: Any, filters: dict[str, Any]) -> QuerySet[Any]:
    return tip_list(user, filters).order_by()


def _tip_column(
    key: str, label: Any, definition: Any, date: str, *, sum_of: tuple[str, ...] = (), **fixed: str
) -> CountColumn:
    fields = {
        "received": "received_at",
        "accept_decided": "decided_at",
        "concluded": "concluded_at",
        "reward_paid": "rewards__paid_at",
    }
    return CountColumn(
        key,
        label,
        definition,
        _tips,
        "/api/v1/tips",
        date,
        fields[date],
        "tips:list",
        fixed=fixed,
        sum_of=sum_of,
        benchmark=lambda domain: Tip.objects.filter(domain=domain) if domain else Tip.objects.all(),
    )


register_report(
    Report(
        key="tips",
        title=_("举报投诉办理情况"),
        definition=_(
            "按地区统计期间内收到、作出受理决定、受理、办结的举报，按期作出受理决定和按期告知举报人的件数，满意率，"
            "以及发放举报奖励的件数和金额。"
            "“按期”以平台记录的法定期限为准（受理：收到后7个工作日，可延长；告知：办结后5个工作日）。"
        ),
        columns=[
            _tip_column("received", _("收到举报"), _("收到时间在期间内的举报（件，含重复举报）"), "received"),
            _tip_column(
                "decided", _("作出受理决定"), _("受理或不予受理决定在期间内作出的举报（件）"), "accept_decided"
            ),
            _tip_column(
                "decided_on_time",
                _("按期作出受理决定"),
                _("其中在受理期限内作出决定的（件）"),
                "accept_decided",
                on_time="accept",
            ),
            _tip_column(
                "accepted",
                _("受理"),
                _("受理决定在期间内作出且予以受理的举报（件）"),
                "accept_decided",
                outcome="accepted",
            ),
            _tip_column("concluded", _("办结"), _("办结（含不予受理并告知）时间在期间内的举报（件）"), "concluded"),
            _tip_column(
                "notified_on_time",
                _("按期告知举报人"),
                _("其中在告知期限内告知举报人办理结果的（件）"),
                "concluded",
                on_time="notify",
            ),
            _tip_column("rated", _("举报人评价"), _("期间内办结且举报人已评价的（件）"), "concluded", rating="rated"),
            _tip_column("satisfied", _("满意"), _("其中评价为4分或5分的（件）"), "concluded", rating="satisfied"),
            _tip_column("rewarded", _("已发放奖励"), _("举报奖励发放时间在期间内的举报（件）"), "reward_paid"),
            _tip_column(
                "reward_amount",
                _("奖励金额（元）"),
                _("期间内发放的举报奖励金额之和（元）"),
                "reward_paid",
                sum_of=("rewards__amount_yuan",),
            ),
            RateColumn(
                "on_time_rate",
                _("按时初查率"),
                _("按期作出受理决定 ÷ 作出受理决定 × 100%"),
                "decided_on_time",
                "decided",
            ),
            RateColumn(
                "notify_rate", _("按时告知率"), _("按期告知举报人 ÷ 办结 × 100%"), "notified_on_time", "concluded"
            ),
            RateColumn("satisfaction_rate", _("满意率"), _("满意 ÷ 举报人评价 × 100%"), "satisfied", "rated"),
        ],
    )
)


def _disclosures(user: Any, filters: dict[str, Any]) -> QuerySet[Any]:
    return staff_disclosure_list(user, filters).order_by()


def _disclosure_column(key: str, label: Any, definition: Any, state: str) -> CountColumn:
    return CountColumn(
        key, label, definition, _disclosures, "/api/v1/disclosures", "decided", "decided_on", "disclosure:review_list",
        fixed={"state": state},
    )  # fmt: skip


register_report(
    Report(
        key="disclosure",
        title=_("行政处罚案件信息公开情况"),
        definition=_(
            "按地区统计处罚决定日期在期间内的一般程序处罚决定：应公开、已公开、在决定后20个工作日内公开、"
            "经批准不予公开和公开后撤回的件数，以及公开率和及时公开率。"
        ),
        columns=[
            _disclosure_column("due", _("应公开"), _("处罚决定日期在期间内、未经批准不予公开的决定（件）"), "due"),
            _disclosure_column("published", _("已公开"), _("其中已公开的（件，含公开后撤回）"), "published"),
            _disclosure_column(
                "on_time", _("及时公开"), _("其中在公开期限（决定后20个工作日）内公开的（件）"), "on_time"
            ),
            _disclosure_column("withheld", _("不予公开"), _("经批准不予公开的决定（件）"), "withheld"),
            _disclosure_column("withdrawn", _("公开后撤回"), _("公开后因变更、撤销等撤回的（件）"), "withdrawn"),
            RateColumn("publish_rate", _("公开率"), _("已公开 ÷ 应公开 × 100%"), "published", "due"),
            RateColumn("on_time_rate", _("及时公开率"), _("及时公开 ÷ 已公开 × 100%"), "on_time", "published"),
        ],
    )
)


def _group_field(region_code: str) -> tuple[str, int]:
    """The record field that names a row one level below `region_code`, and that field's length."""
    prefix = regions.subtree_prefix(region_code)
    if len(prefix) == 0:
        return "region_province", 2
    if len(prefix) == 2:
        return "region_prefecture", 4
    return "region_code", 6


def _filters(column: CountColumn, base: dict[str, Any], period: Period, **place: str) -> dict[str, Any]:
    """The list filters behind one figure: the same dict counts the figure and builds its link."""
    dates = (
        {f"{column.date_param}_from": period.start, f"{column.date_param}_to": period.end} if column.date_param else {}
    )
    return {**{k: v for k, v in base.items() if v}, **column.fixed, **place, **dates}


def _query(filters: dict[str, Any]) -> str:
    return urlencode({k: v.isoformat() if isinstance(v, dt.date) else v for k, v in filters.items()})


def _place(code: str, *, own_level: bool = False) -> dict[str, str]:
    if own_level:
        return {"region_exact": code}
    return {} if code == regions.NATIONAL_CODE else {"region": code}


def _value(column: CountColumn | RateColumn, values: dict[str, Any]) -> float | int | None:
    if isinstance(column, CountColumn):
        value: float | int | None = values[column.key]
        if column.average_of and not values.get(f"{column.key}__n"):
            return None  # no records: no average (never a misleading 0 days)
        return value
    return _rate(values[column.numerator], values[column.denominator])


def percent_change(value: float | int | None, before: float | int | None) -> float | None:
    """Per cent change (同比/环比); none when there is nothing to compare with."""
    if value is None or not before:
        return None
    change = (Decimal(str(value)) - Decimal(str(before))) * 100 / Decimal(str(before))
    return float(change.quantize(Decimal("0.1"), ROUND_HALF_UP))


@lru_cache(maxsize=32)
def _page_path(name: str) -> str:
    """A list page's path, reversed once per process (a table has hundreds of cells)."""
    return reverse(name)


def _cells(
    report: Report,
    values: dict[str, int],
    base: dict[str, Any],
    period: Period,
    place: dict[str, str],
    compare: dict[str, dict[str, int]] | None = None,
) -> dict[str, Any]:
    """One row's cells: each count with the API list and the page that show its records, and (when
    given) the same figure a year earlier and in the period before, with the change in per cent."""
    out: dict[str, Any] = {}
    for column in report.columns:
        value = _value(column, values)
        if isinstance(column, CountColumn):
            query = _query(_filters(column, base, period, **place))
            cell: dict[str, Any] = {
                "value": value,
                "records": f"{column.api_path}?{query}",  # the API list and the page read the same filters
                "page": f"{_page_path(column.page)}?{query}",
            }
            if column.sum_of or column.average_of:
                cell["records_count"] = values.get(f"{column.key}__n", 0)
        else:
            cell = {"value": value, "records": None, "page": None}
        if compare is not None:
            last_year, previous = _value(column, compare["last_year"]), _value(column, compare["previous"])
            cell |= {
                "last_year": last_year,
                "previous": previous,
                "yoy": percent_change(value, last_year),
                "mom": percent_change(value, previous),
            }
        out[column.key] = cell
    return out


def _ip_type_report(
    report: Report, user: Any, *, region: str, period: Period, base: dict[str, Any], own_level: bool
) -> dict[str, Any]:
    """Rows 商标 / 地理标志 / 专利 / 其他 (by domain, else by offence), then 合计."""
    place = _place(region, own_level=own_level)
    now, last_year, previous = (
        _row_counts(report, user, base, p, place, "ip_type", 64)
        for p in (period, period.last_year(), period.previous())
    )

    def cells(key: str, extra: dict[str, str]) -> dict[str, Any]:
        def values(counts: dict[str, dict[str, Any]]) -> dict[str, Any]:
            return {c: counts[c].get(key, 0) for c in counts}

        compare = {"last_year": values(last_year), "previous": values(previous)}
        return _cells(report, values(now), base, period, {**place, **extra}, compare=compare)

    rows = [
        {"key": value, "label": str(label), "cells": cells(value, {"ip_type": value})}
        for value, label in IpType.choices
    ]
    name = Region.objects.filter(code=region).values_list("name", flat=True).first() or str(_("全国"))
    label = f"{_('本级') if own_level else _('合计')} · {name}"
    rows.append({"key": "total", "label": label, "cells": cells("", {})})
    return _result(report, region, period, rows)


def _agency_report(
    report: Report, user: Any, *, region: str, period: Period, base: dict[str, Any], own_level: bool
) -> dict[str, Any]:
    """One row per agency with any figure in the period (most cases filed first), then 合计."""
    place = _place(region, own_level=own_level)
    now = _row_counts(report, user, base, period, place, "agency_id", 32)
    keys = {k for counts in now.values() for k, v in counts.items() if k and v}
    names = dict(Agency.objects.filter(pk__in=[int(k) for k in keys]).values_list("pk", "name"))

    def cells(key: str, extra: dict[str, Any]) -> dict[str, Any]:
        values = {c: now[c].get(key, 0) for c in now}
        return _cells(report, values, base, period, {**place, **extra})

    first = report.columns[0].key
    ordered = sorted(keys, key=lambda k: (-now[first].get(k, 0), names.get(int(k), "")))
    rows = [{"key": f"agency-{k}", "label": names.get(int(k), k), "cells": cells(k, {"agency": k})} for k in ordered]
    name = Region.objects.filter(code=region).values_list("name", flat=True).first() or str(_("全国"))
    rows.append({"key": "total", "label": f"{_('本级') if own_level else _('合计')} · {name}", "cells": cells("", {})})
    return _result(report, region, period, rows)


def _officer_report(
    report: Report, user: Any, *, region: str, period: Period, base: dict[str, Any], own_level: bool
) -> dict[str, Any]:
    """One row per handling officer (承办人) with any figure in the period, named with the agency,
    most cases filed first, then 合计."""
    place = _place(region, own_level=own_level)
    now = _row_counts(report, user, base, period, place, "officer", 32)
    keys = {k for counts in now.values() for k, v in counts.items() if k and k != "None" and v}
    people = {
        str(u.pk): f"{u.display_name or u.get_full_name() or u.username} · {u.agency.name if u.agency else '—'}"
        for u in User.objects.filter(pk__in=[int(k) for k in keys]).select_related("agency")
    }

    def cells(key: str, extra: dict[str, Any]) -> dict[str, Any]:
        values = {c: now[c].get(key, 0) for c in now}
        return _cells(report, values, base, period, {**place, **extra})

    first = report.columns[0].key
    ordered = sorted(keys, key=lambda k: (-now[first].get(k, 0), people.get(k, "")))
    rows = [{"key": f"officer-{k}", "label": people.get(k, k), "cells": cells(k, {"officer": k})} for k in ordered]
    name = Region.objects.filter(code=region).values_list("name", flat=True).first() or str(_("全国"))
    rows.append({"key": "total", "label": f"{_('本级') if own_level else _('合计')} · {name}", "cells": cells("", {})})
    return _result(report, region, period, rows)


def _own_level_report(
    report: Report, user: Any, *, region: str, period: Period, base: dict[str, Any]
) -> dict[str, Any]:
    place = _place(region, own_level=True)

    def values(within: Period) -> dict[str, int]:
        return {
            column.key: column.records(user, _filters(column, base, within, **place)).count()
            for column in report.columns
            if isinstance(column, CountColumn)
        }

    compare = {"last_year": values(period.last_year()), "previous": values(period.previous())}
    name = Region.objects.filter(code=region).values_list("name", flat=True).first() or ""
    cells = _cells(report, values(period), base, period, place, compare=compare)
    row = {"key": "total", "label": f"{_('本级')} · {name}", "cells": cells}
    return _result(report, region, period, [row])


def _result(report: Report, region: str, period: Period, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "report": report.key,
        "title": str(report.title),
        "row_kind": report.rows,
        "region": region,
        "from": period.start,
        "to": period.end,
        "columns": [{"key": c.key, "label": str(c.label)} for c in report.columns],
        "rows": rows,
        "last_year": {"from": period.last_year().start, "to": period.last_year().end},
        "previous": {"from": period.previous().start, "to": period.previous().end},
        "definitions": {c.key: str(c.definition) for c in report.columns} | {"report": str(report.definition)},
    }


def _rate(numerator: int, denominator: int) -> float | None:
    if not denominator:
        return None
    return float((Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP))


LEVELS = ("all", "own")  # 含下级 (the region and every region below it) | 本级 (the region itself only)


def _ip_type_expression(prefix: str) -> Conditional:
    return Conditional(
        *[When(ip_type_q(value, prefix), then=Value(value)) for value in IpType.values if value != IpType.OTHER],
        default=Value(IpType.OTHER),
        output_field=CharField(),
    )


def _row_counts(
    report: Report,
    user: Any,
    base: dict[str, Any],
    period: Period,
    place: dict[str, str],
    group_field: str,
    length: int,
) -> dict[str, dict[str, Any]]:
    """Per count column: the figure in the period per row key (one GROUP BY each), "" = the total.
    A sum column also gives, under "<key>__n", how many records it added up."""
    counts: dict[str, dict[str, Any]] = {}
    for column in report.columns:
        if not isinstance(column, CountColumn):
            continue
        queryset = column.records(user, _filters(column, base, period, **place))
        group = f"{column.region_prefix}{group_field}"
        if group_field == "officer":  # the case's handling officer (承办人), through the case for transfers
            group = f"{column.case_prefix}created_by_id"
        if group_field == "ip_type":
            queryset = queryset.annotate(row_ip_type=_ip_type_expression(column.case_prefix))
            group = "row_ip_type"
        aggregates: dict[str, Any] = {"n": Count("*")}  # COUNT(*): index-only scans
        if column.sum_of:
            zero = Value(Decimal(0))
            added = [Coalesce(F(name), zero) for name in column.sum_of]
            total: Any = added[0]
            for more in added[1:]:
                total = total + more
            aggregates["s"] = Sum(total, output_field=DecimalField(max_digits=20, decimal_places=2))
        if column.average_of:
            start, end = column.average_of
            took = ExpressionWrapper(F(end) - F(start), output_field=DurationField())
            aggregates |= {"d": Sum(took), "m": Count(took)}  # Count(expression): the records with both dates
        by_key: dict[str, Any] = {}
        records: dict[str, int] = {}
        spans: dict[str, tuple[dt.timedelta, int]] = {}
        for r in queryset.values(group).annotate(**aggregates):
            key = str(r[group])[:length]
            records[key] = records.get(key, 0) + r["n"]
            by_key[key] = by_key.get(key, 0) + ((r["s"] or Decimal(0)) if column.sum_of else r["n"])
            if column.average_of:
                days, counted = spans.get(key, (dt.timedelta(0), 0))
                spans[key] = (days + (r["d"] or dt.timedelta(0)), counted + r["m"])
        by_key[""] = sum(by_key.values())
        records[""] = sum(records.values())
        if column.average_of:
            spans[""] = (sum((d for d, _ in spans.values()), dt.timedelta(0)), sum(m for _, m in spans.values()))
            counts[column.key] = {
                k: round(d.total_seconds() / 86400 / m, 1) if m else None for k, (d, m) in spans.items()
            }
            counts[f"{column.key}__n"] = records
        elif column.sum_of:
            counts[column.key] = {k: _scaled(v, column.scale) for k, v in by_key.items()}
            counts[f"{column.key}__n"] = records
        else:
            counts[column.key] = by_key
    return counts


def _scaled(value: Decimal | int, scale: int) -> float | int:
    """A sum in the column's unit: 万元 to two places; a whole number of dens or yuan stays whole."""
    scaled = (Decimal(value) / scale).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return int(scaled) if scale == 1 and scaled == scaled.to_integral_value() else float(scaled)


def run_report(
    report: Report,
    user: Any,
    *,
    region: str,
    period: Period,
    domain: str = "",
    level: str = "all",
    agency_kind: str = "",
    compare: bool = True,
) -> dict[str, Any]:
    """The report for `region` as the reader may see it: one row per region one level below, a
    本级 row for records of the region itself (a provincial agency's own cases) when there are any,
    then 合计. With level="own" (本级) only the region's own records, in one row. Each figure comes
    with the same figure a year earlier (同比) and for the period just before (环比). One GROUP BY
    query per count column and period."""
    with reading_only():  # dozens of scoped queries for one reader: visibility decided once per model
        return _run_report(
            report,
            user,
            region=region,
            period=period,
            domain=domain,
            level=level,
            agency_kind=agency_kind,
            compare=compare,
        )


def _run_report(
    report: Report,
    user: Any,
    *,
    region: str,
    period: Period,
    domain: str,
    level: str,
    agency_kind: str,
    compare: bool,
) -> dict[str, Any]:
    base = {"domain": domain, "agency_kind": agency_kind}
    if report.rows == "ip_type":
        return _ip_type_report(report, user, region=region, period=period, base=base, own_level=level == "own")
    if report.rows == "agency":
        return _agency_report(report, user, region=region, period=period, base=base, own_level=level == "own")
    if report.rows == "officer":
        return _officer_report(report, user, region=region, period=period, base=base, own_level=level == "own")
    if level == "own":
        return _own_level_report(report, user, region=region, period=period, base=base)
    rows_parent = Region.rows_parent(region)
    group_field, length = _group_field(rows_parent)
    now = _row_counts(report, user, base, period, _place(region), group_field, length)
    last_year, previous = (
        (
            _row_counts(report, user, base, p, _place(region), group_field, length)
            for p in (period.last_year(), period.previous())
        )
        if compare
        else ({}, {})
    )

    def cells(key: str, code: str, *, own_level: bool = False) -> dict[str, Any]:
        def values(counts: dict[str, dict[str, int]]) -> dict[str, int]:
            return {c: counts[c].get(key, 0) for c in counts}

        return _cells(
            report,
            values(now),
            base,
            period,
            _place(code, own_level=own_level),
            compare={"last_year": values(last_year), "previous": values(previous)} if compare else None,
        )

    rows = []
    children = Region.below(rows_parent) if len(regions.subtree_prefix(rows_parent)) < 6 else []
    for code, name in children:
        rows.append({"key": code, "label": name, "cells": cells(code[:length], code)})
    own_key = region[:length]
    if children and any(now[c].get(own_key, 0) for c in now):
        rows.append({"key": f"{region}-own", "label": str(_("本级")), "cells": cells(own_key, region, own_level=True)})
    region_name = Region.objects.filter(code=region).values_list("name", flat=True).first() or ""
    rows.append({"key": "total", "label": f"{_('合计')} · {region_name}", "cells": cells("", region)})
    return _result(report, region, period, rows)
