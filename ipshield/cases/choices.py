"""Case choices: status, channel, party kind, penalty kinds (named once)."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    LEAD = "lead", _("线索")
    FILED = "filed", _("已立案")
    INVESTIGATING = "investigating", _("调查中")
    DECIDED = "decided", _("已作出处罚决定")
    CLOSED = "closed", _("已结案")
    NOT_FILED = "not_filed", _("不予立案")
    TRANSFERRED = "transferred", _("已移送司法机关")
    WITHDRAWN = "withdrawn", _("已撤销")


class CaseEvent(models.TextChoices):
    FILE = "file", _("立案")
    NOT_FILE = "not_file", _("不予立案")
    EXTEND_FILING = "extend_filing", _("延长立案审查期限")
    START_INVESTIGATION = "start_investigation", _("开始调查")
    EXTEND_DECISION = "extend_decision", _("延长办案期限")
    DECIDE = "decide", _("作出处罚决定")
    CLOSE = "close", _("结案")
    TRANSFER = "transfer", _("移送司法机关")
    WITHDRAW = "withdraw", _("撤销")
    RETURN = "return", _("司法机关退回，继续行政处理")


class Channel(models.TextChoices):
    OFFLINE_MARKET = "offline_market", _("实体市场")
    ONLINE_PLATFORM = "online_platform", _("网络平台")
    IMPORT_EXPORT = "import_export", _("进出口")
    EXHIBITION = "exhibition", _("展会")
    RURAL_MARKET = "rural_market", _("农村市场")
    FACTORY = "factory", _("生产加工场所")
    OTHER = "other", _("其他")


class PartyKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业或其他组织")
    PERSON = "person", _("自然人")


class PenaltyKind(models.TextChoices):
    WARNING = "warning", _("警告")
    FINE = "fine", _("罚款")
    CONFISCATE_GAINS = "confiscate_gains", _("没收违法所得")
    CONFISCATE_GOODS = "confiscate_goods", _("没收非法财物")
    SUSPEND = "suspend", _("责令停产停业")
    REVOKE = "revoke", _("吊销许可证件")


class ScreeningOutcome(models.TextChoices):
    SUSPECTED_CRIME = "suspected_crime", _("涉嫌犯罪")
    BELOW_THRESHOLD = "below_threshold", _("未达标准")
    UNDETERMINED = "undetermined", _("无法判定")
    NOT_SCREENED = "not_screened", _("未筛查")


# What the handling officer does next, shown on the case page (no one is left to guess).
NEXT_STEPS: dict[str, Any] = {
    CaseStatus.LEAD: _("下一步：审查线索，在立案决定期限内决定立案或不予立案。立案后才能调查、处罚或提请移送。"),
    CaseStatus.FILED: _("下一步：开展调查（勘验、询问、抽样、鉴定）；达到刑事立案追诉标准的，提请移送公安机关。"),
    CaseStatus.INVESTIGATING: _("下一步：在处罚决定期限内作出处罚决定；涉嫌犯罪的应当提请移送，不得以罚代刑。"),
    CaseStatus.DECIDED: _("下一步：处罚决定执行完毕后结案；处罚决定将在20个工作日内公开。"),
}


class IpType(models.TextChoices):
    """The rows of the market-regulation IP enforcement table (reference/statistics.md §1, C:S1)."""

    TRADEMARK = "trademark", _("商标")
    GEOGRAPHICAL_INDICATION = "geographical_indication", _("地理标志")
    PATENT = "patent", _("专利")
    OTHER = "other", _("其他")


TRADEMARK_OFFENCES = (
    "counterfeit_registered_trademark",
    "sell_goods_with_counterfeit_trademark",
    "illegally_make_sell_trademark_marks",
)
PATENT_OFFENCES = ("counterfeit_patent",)
