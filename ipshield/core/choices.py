"""Choices named once (STYLE §9): roles, agency kinds and levels, campaign domains."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("执法人员")
    AGENCY_HEAD = "agency_head", _("负责人")
    POLICE = "police", _("公安")
    PROCURATOR = "procurator", _("检察")
    JUDGE = "judge", _("法院")
    COORDINATOR = "coordinator", _("领导小组办公室")
    CERTIFIER = "certifier", _("认证机构")
    BANK = "bank", _("银行")
    ADMIN = "admin", _("系统管理员")
    AUDITOR = "auditor", _("安全审计员")


# Roles that see every record in their region subtree (ARCHITECTURE §2 (c)).
REGIONAL_SUPERVISOR_ROLES = frozenset({Role.COORDINATOR, Role.PROCURATOR})
ADMINISTRATIVE_ROLES = frozenset({Role.OFFICER, Role.AGENCY_HEAD})
# Separation of duties (三员分立): the system administrator manages accounts, agencies and rule
# data but reads no case content or identities; the security auditor reads and exports the audit
# log and changes nothing. Neither belongs to an agency's workflow.
NO_CONTENT_ROLES = frozenset({Role.ADMIN, Role.AUDITOR})


class AgencyKind(models.TextChoices):
    MARKET_REGULATION = "market_regulation", _("市场监督管理")
    COPYRIGHT = "copyright", _("版权")
    IP_OFFICE = "ip_office", _("知识产权局")
    CUSTOMS = "customs", _("海关")
    INSPECTION_QUARANTINE = "inspection_quarantine", _("检验检疫")
    DRUG = "drug", _("药品监督管理")
    AGRICULTURE = "agriculture", _("农业农村")
    FORESTRY = "forestry", _("林业")
    QUALITY = "quality", _("质量技术监督")
    CULTURE = "culture", _("文化")
    COMMERCE = "commerce", _("商务")
    TELECOM = "telecom", _("通信管理")
    PUBLIC_SECURITY = "public_security", _("公安机关")
    PROCURATORATE = "procuratorate", _("人民检察院")
    COURT = "court", _("人民法院")
    LEADING_GROUP = "leading_group", _("领导小组办公室")
    CERTIFICATION_REGULATOR = "certification_regulator", _("认证监管")
    BANK = "bank", _("银行")


ADMINISTRATIVE_AGENCY_KINDS = frozenset(
    {
        AgencyKind.MARKET_REGULATION,
        AgencyKind.COPYRIGHT,
        AgencyKind.IP_OFFICE,
        AgencyKind.CUSTOMS,
        AgencyKind.INSPECTION_QUARANTINE,
        AgencyKind.DRUG,
        AgencyKind.AGRICULTURE,
        AgencyKind.FORESTRY,
        AgencyKind.QUALITY,
        AgencyKind.CULTURE,
        AgencyKind.COMMERCE,
        AgencyKind.TELECOM,
    }
)

# The kind of agency each role works in (an officer of market regulation, a police officer …);
# demo accounts and test users are made from it.
AGENCY_KIND_OF_ROLE = {
    Role.OFFICER: AgencyKind.MARKET_REGULATION,
    Role.AGENCY_HEAD: AgencyKind.MARKET_REGULATION,
    Role.POLICE: AgencyKind.PUBLIC_SECURITY,
    Role.PROCURATOR: AgencyKind.PROCURATORATE,
    Role.JUDGE: AgencyKind.COURT,
    Role.COORDINATOR: AgencyKind.LEADING_GROUP,
    Role.CERTIFIER: AgencyKind.CERTIFICATION_REGULATOR,
    Role.BANK: AgencyKind.BANK,
}


class AgencyLevel(models.TextChoices):
    NATIONAL = "national", _("国家级")
    PROVINCE = "province", _("省级")
    PREFECTURE = "prefecture", _("地市级")
    COUNTY = "county", _("县级")


class CampaignDomain(models.TextChoices):
    """专项整治 domains of the work plan (OUTLINE §一)."""

    TRADEMARK = "trademark", _("商标权")
    COPYRIGHT = "copyright", _("版权")
    PATENT = "patent", _("专利权")
    ONLINE_TRADE = "online_trade", _("网络商品交易")
    IMPORT_EXPORT = "import_export", _("进出口")
    DRUGS_COSMETICS = "drugs_cosmetics", _("药品化妆品")
    AGRI_INPUTS = "agri_inputs", _("农资")
    AUTO_PARTS = "auto_parts", _("汽车配件")
    GEOGRAPHICAL_INDICATION = "geographical_indication", _("地理标志")
    ORGANIC_CERTIFICATION = "organic_certification", _("有机产品认证")
    RURAL_MARKET = "rural_market", _("农村市场")
    TRADE_SECRET = "trade_secret", _("商业秘密")
    OTHER_IP = "other_ip", _("其他")


class EvidenceKind(models.TextChoices):
    """What an attachment is, as 国务院令第310号 art.6 lists the materials of a transfer."""

    INVESTIGATION_REPORT = "investigation_report", _("涉嫌犯罪案件情况的调查报告")
    SEIZED_ITEMS_LIST = "seized_items_list", _("涉案物品清单")
    INSPECTION_REPORT = "inspection_report", _("检验报告或者鉴定结论")
    OTHER = "other", _("其他有关涉嫌犯罪的材料")


# Sending a transfer without these is refused (art.6; the inspection report only "where one exists").
TRANSFER_REQUIRED_EVIDENCE = (EvidenceKind.INVESTIGATION_REPORT, EvidenceKind.SEIZED_ITEMS_LIST)
