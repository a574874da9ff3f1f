"""Transfer (移送) choices: status, actions, grounds, criminal steps, supervision queues."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TransferStatus(models.TextChoices):
    PROPOSED = "proposed", _("已提请移送")
    NOT_APPROVED = "not_approved", _("负责人不批准移送")
    APPROVED = "approved", _("负责人已批准")
    SENT = "sent", _("已移送公安机关")
    RECEIVED = "received", _("公安机关已接收")
    ACCEPTED = "accepted", _("公安机关已立案")
    REFUSED = "refused", _("公安机关不予立案")
    RECONSIDERATION = "reconsideration", _("已提请复议")
    REFUSAL_UPHELD = "refusal_upheld", _("复议维持不予立案")
    SUPERVISION_PROPOSED = "supervision_proposed", _("已建议检察院立案监督")
    EXPLANATION_REQUESTED = "explanation_requested", _("检察院要求说明不立案理由")
    EXPLAINED = "explained", _("公安机关已说明理由")
    OPENING_NOTIFIED = "opening_notified", _("检察院已通知立案")
    CLOSED_NO_CASE = "closed_no_case", _("检察院同意不立案")
    RETURNED = "returned", _("已退回行政机关处理")


class TransferAction(models.TextChoices):
    APPROVE = "approve", _("批准移送")
    REFUSE = "refuse", _("不批准移送")
    SEND = "send", _("移送公安机关")
    RECEIVE = "receive", _("接收（回执）")
    ACCEPT = "accept", _("立案")
    REFUSE_CASE = "refuse_case", _("不予立案")
    REQUEST_RECONSIDERATION = "request_reconsideration", _("提请复议")
    UPHOLD_REFUSAL = "uphold_refusal", _("复议维持不予立案")
    PROPOSE_SUPERVISION = "propose_supervision", _("建议检察院立案监督")
    REQUEST_EXPLANATION = "request_explanation", _("要求说明不立案理由")
    EXPLAIN = "explain", _("说明不立案理由")
    AGREE_NO_CASE = "agree_no_case", _("同意不立案")
    NOTIFY_OPENING = "notify_opening", _("通知公安机关立案")
    RETURN_TO_AGENCY = "return_to_agency", _("退回行政机关处理")


class TransferGround(models.TextChoices):
    SUSPECTED_CRIME = "suspected_crime", _("涉嫌犯罪（达到追诉标准）")
    # 国务院令第730号 (2020) art.3 para.2: IP cases where police measures are needed to establish the facts.
    REASONABLE_SUSPICION = "reasonable_suspicion", _("知识产权案件合理怀疑涉嫌犯罪（需公安机关采取措施查明）")


class CriminalStepKind(models.TextChoices):
    ITEMS_HANDED_OVER = "items_handed_over", _("涉案物品移交")
    DETENTION = "detention", _("刑事拘留")
    ARREST_REQUESTED = "arrest_requested", _("提请批准逮捕")
    ARREST_APPROVED = "arrest_approved", _("批准逮捕")
    ARREST_REFUSED = "arrest_refused", _("不批准逮捕")
    PROSECUTED = "prosecuted", _("提起公诉")
    NOT_PROSECUTED = "not_prosecuted", _("不起诉")
    JUDGED = "judged", _("判决")


class SupervisionQueue(models.TextChoices):
    NOT_TRANSFERRED = "not_transferred", _("应移未移")
    PENALTY_INSTEAD = "penalty_instead", _("以罚代刑")
    LATE_STEPS = "late_steps", _("逾期环节")
    REFUSALS = "refusals", _("不立案待复议或监督")


class OfficialClueKind(models.TextChoices):
    """公职人员涉案线索 (国务院令第310号 as amended by 第730号, art.19; work plan 二)."""

    COMMERCIAL_BRIBERY = "commercial_bribery", _("商业贿赂")
    DUTY_CRIME = "duty_crime", _("职务违法犯罪（滥用职权、玩忽职守、徇私舞弊等）")
    PROTECTION = "protection", _("包庇、纵容侵权假冒（充当“保护伞”）")
    OTHER = "other", _("其他公职人员涉案情形")


class OfficialClueStatus(models.TextChoices):
    REPORTED = "reported", _("已移送，待检察院接收")
    RECEIVED = "received", _("检察院已接收，审查中")
    DECIDED = "decided", _("已处理")


class OfficialClueEvent(models.TextChoices):
    RECEIVE = "receive", _("接收线索")
    DECIDE = "decide", _("记录处理结果")


class OfficialClueDecision(models.TextChoices):
    INVESTIGATE = "investigate", _("立案侦查（检察机关管辖的职务犯罪）")
    FORWARD_SUPERVISORY = "forward_supervisory", _("移送监察机关")
    NO_BASIS = "no_basis", _("经审查无事实依据，不予处理")
