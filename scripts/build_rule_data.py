"""Build the project's rule data from the researched source, shared/reference/legal-rules.yaml.

Run: .venv/bin/python scripts/build_rule_data.py [../shared/reference/legal-rules.yaml]
Writes ipshield/screening/rules/legal-rules.yaml. Offence ids, metric names, thresholds,
sources and confidence are carried over unchanged; the build only adds what the engine needs
to read the data without guessing (each change is listed in the output's `build_notes`):
- a `metrics` catalogue (kind and Chinese/English label of every input and computed metric);
- `applies_from` on triggers whose text says they start later than their version;
- machine-readable `when` conditions where the source wrote them in prose (art.225).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "legal-rules.yaml"
TARGET = ROOT / "ipshield" / "screening" / "rules" / "legal-rules.yaml"

LABELS: dict[str, tuple[str, str]] = {
    "sales_amount_yuan": ("销售金额（元）", "sales amount (yuan)"),
    "goods_value_yuan": ("货值金额（元，未销售）", "value of unsold goods (yuan)"),
    "illegal_business_amount_yuan": ("非法经营数额（元）", "illegal business amount (yuan)"),
    "illegal_gains_yuan": ("违法所得数额（元）", "illegal gains (yuan)"),
    "service_illegal_gains_yuan": ("服务商标违法所得（元）", "illegal gains from services (yuan)"),
    "loss_to_right_holder_yuan": ("权利人损失数额（元）", "loss to the right holder (yuan)"),
    "production_loss_yuan": ("使生产遭受的损失（元）", "production loss (yuan)"),
    "direct_economic_loss_yuan": ("直接经济损失（元）", "direct economic loss (yuan)"),
    "trademark_kinds": ("注册商标种数", "number of registered trademarks"),
    "patents_count": ("假冒专利项数", "number of patents"),
    "marks_count": ("商标标识件数", "trademark marks (pieces)"),
    "unsold_marks_count": ("未销售标识件数", "unsold marks (pieces)"),
    "sold_marks_count": ("已销售标识件数", "sold marks (pieces)"),
    "sold_plus_unsold_marks_count": ("已售加未售标识件数", "sold plus unsold marks (pieces)"),
    "copies_count": ("复制品数量（份/张）", "copies"),
    "sound_video_recording_copies_count": ("录音录像制品复制数量", "sound/video recording copies"),
    "works_count": ("网络传播作品数量（件/部）", "works disseminated online"),
    "clicks_count": ("实际被点击数", "actual clicks"),
    "members_count": ("注册会员数", "registered members"),
    "downloads_count": ("下载数量", "downloads"),
    "unsold_copies_count": ("未销售侵权复制品数量", "unsold infringing copies"),
    "sold_plus_unsold_copies_count": ("已售加未售复制品数量", "sold plus unsold copies"),
    "newspapers_count": ("报纸/期刊数量", "newspapers or periodicals"),
    "cigarettes_count": ("卷烟数量（支）", "cigarettes (sticks)"),
    "tobacco_admin_penalties_within_3y": (
        "三年内因非法经营烟草受行政处罚次数",
        "tobacco administrative penalties within 3 years",
    ),
    "prior_penalty_within_2y": (
        "二年内受过同类刑事或行政处罚后再次实施",
        "penalised for the same group within 2 years and acting again",
    ),
    "offender_is_unit": ("单位犯罪", "offender is a unit (organisation)"),
    "illegal_publications_case": ("涉及非法出版物", "concerns illegal publications"),
    "tobacco_case": ("涉及烟草专卖品", "concerns tobacco monopoly goods"),
    "any_production_or_sale_of_counterfeit_drug": (
        "生产、销售、提供假药",
        "produced, sold or supplied counterfeit drugs",
    ),
    "sales_amount_x3_plus_goods_value_yuan": ("销售金额×3＋货值金额（元）", "sales × 3 + unsold value (yuan)"),
    "sales_amount_plus_goods_value_yuan": ("销售金额＋货值金额（元）", "sales + unsold value (yuan)"),
    "goods_plus_service_illegal_gains_yuan": (
        "商品与服务违法所得合计（元）",
        "goods plus services illegal gains (yuan)",
    ),
    "online_two_criteria_at_half": ("网络传播两项达到标准一半", "two online criteria at half"),
    "two_items_at_half": ("两项以上达到标准一半", "two or more items at half the standard"),
}

FLAG_LABEL_ZH = {
    "contains_excess_toxic_substances": "含有超标准的有毒有害物质",
    "lacks_labelled_active_ingredient_may_delay_treatment": "不含所标明的有效成分，可能贻误诊治",
    "indications_exceed_approved_scope_may_delay_treatment": "适应症超出规定范围，可能贻误诊治",
    "lacks_labelled_emergency_active_ingredient": "急救药品不含所标明的有效成分",
    "other_sufficient_to_seriously_harm_health": "其他足以严重危害人体健康的情形",
    "caused_minor_or_serious_injury_or_death": "造成轻伤以上伤害或死亡",
    "other_serious_harm_to_health": "其他严重危害人体健康的情形",
    "contains_excess_harmful_bacteria_risking_serious_poisoning": "致病菌超标，足以造成严重食物中毒",
    "contains_excess_other_contaminants_risking_serious_poisoning": "其他污染物超标，足以造成严重食物中毒",
    "severely_exceeds_limits_pathogens_pesticide_vetdrug_heavy_metals_pollutants": "致病性微生物、农兽药残留、重金属等严重超标",
    "diseased_or_unknown_death_or_failed_quarantine_animal_meat": "病死、死因不明或检疫不合格的畜禽肉类",
    "food_banned_for_disease_control": "为防控疾病等特殊需要明令禁止生产、销售的食品",
    "infant_food_nutrients_seriously_noncompliant": "婴幼儿食品营养成分严重不符合标准",
    "fsmp_or_infant_food_nutrients_seriously_noncompliant": "特医食品或婴幼儿食品营养成分严重不符合标准",
    "additive_abuse_over_limit_or_scope_sufficient_for_serious_poisoning": "超限量或超范围滥用添加剂，足以造成严重食物中毒",
    "other_sufficient_for_serious_poisoning_or_foodborne_disease": "其他足以造成严重食物中毒或食源性疾病的情形",
    "adds_toxic_harmful_non_food_raw_material": "掺入有毒、有害的非食品原料",
    "sells_food_known_to_contain_toxic_non_food_material": "销售明知掺有有毒、有害非食品原料的食品",
    "uses_banned_feed_drugs_on_food_animals": "在食用动物饲养中使用禁用药物（如瘦肉精）",
    "implant_materials_contain_excess_toxic_substances": "植入材料有毒有害物质超标",
    "implant_efficacy_noncompliant_may_delay_treatment_or_serious_injury": "植入器材性能不符合标准，可能贻误诊治或造成伤害",
    "active_device_safety_indicators_fail_mandatory_standard": "有源器材安全指标不符合强制标准",
    "active_device_main_performance_fails_may_delay_treatment": "有源器材主要性能不符合标准，可能贻误诊治",
    "unapproved_added_function_or_scope_may_harm": "擅自增加功能或适用范围，可能危害健康",
    "caused_serious_injury_or_death": "造成重伤或死亡",
    "other_serious_consequences": "其他严重后果",
    "other_relatively_large_production_loss": "其他使生产遭受较大损失的情形",
    "disfigurement_or_serious_skin_damage": "造成容貌毁损或皮肤严重损伤",
    "organ_tissue_damage_serious_dysfunction": "造成器官组织损伤导致严重功能障碍",
    "caused_mental_disorder_or_suicide_selfharm_serious_injury_death": "致使精神失常或自杀、自残造成重伤、死亡",
    "right_holder_bankrupt": "致使权利人破产",
    "other_major_loss": "造成权利人其他重大损失",
    "right_holder_bankrupt_or_closed_by_major_difficulty": "致使权利人因重大经营困难而破产、倒闭",
}

# Triggers whose text says they start later than their version (conditions field quoted).
APPLIES_FROM = [
    ("illegally_make_sell_trademark_marks", "2004-12-22", "unsold_marks_count", "2011-01-10"),
    ("illegally_make_sell_trademark_marks", "2004-12-22", "sold_plus_unsold_marks_count", "2011-01-10"),
    ("sell_infringing_copies", "2004-12-22", "goods_value_yuan", "2008-06-25"),
    ("infringe_trade_secrets", "2004-12-22", "illegal_gains_yuan", "2010-05-07"),
    ("infringe_trade_secrets", "2004-12-22", "right_holder_bankrupt", "2010-05-07"),
]
PROSE_WHEN = {
    "2 or more administrative penalties within 3 years for illegal tobacco business": "tobacco_admin_penalties_within_3y >= 2",
}
NAME_RE = re.compile(r"[a-z_][a-z0-9_]*")
KEYWORDS = {"and", "or", "not", "true", "false", "count_true"}


def _triggers(version: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(version.get("triggers") or [])
    for sub in (version.get("sub_rules") or {}).values():
        found.extend(sub.get("triggers") or [])
    return found


def build(source_path: Path) -> dict[str, Any]:
    raw_text = source_path.read_text(encoding="utf-8")
    document = yaml.safe_load(raw_text)
    notes: list[str] = []
    kinds: dict[str, str] = {}
    for offence in document["offences"]:
        for version in offence["versions"]:
            for name, sub in (version.get("sub_rules") or {}).items():
                for trigger in sub.get("triggers") or []:
                    cond = str(trigger.get("conditions") or "")
                    if name == "illegal_publications" and cond.startswith(("individual", "unit")):
                        unit = cond.startswith("unit")
                        trigger["when"] = "offender_is_unit == true" if unit else "offender_is_unit != true"
                        notes.append(f"{offence['id']} {name}: '{cond.split(';')[0]}' → when {trigger['when']}")
            for trigger in _triggers(version):
                if trigger.get("when") in PROSE_WHEN:
                    new = PROSE_WHEN[trigger["when"]]
                    notes.append(f"{offence['id']}: when '{trigger['when']}' → '{new}'")
                    trigger["when"] = new
                for oid, vfrom, metric, start in APPLIES_FROM:
                    if offence["id"] == oid and str(version["valid_from"]) == vfrom and trigger["metric"] == metric:
                        trigger["applies_from"] = dt.date.fromisoformat(start)
                        notes.append(f"{oid}@{vfrom} {metric}: applies_from {start} (from its conditions text)")
                if trigger.get("formula"):
                    kinds[trigger["metric"]] = "computed"
                else:
                    value = trigger["value"]
                    kinds.setdefault(trigger["metric"], "flag" if isinstance(value, bool) else "")
                for expr in (trigger.get("formula"), trigger.get("when")):
                    for name in NAME_RE.findall(str(expr or "")):
                        if name not in KEYWORDS:
                            kinds.setdefault(name, "")
    kinds.setdefault("illegal_publications_case", "flag")
    kinds.setdefault("tobacco_case", "flag")
    kinds["prior_penalty_within_2y"] = "flag"
    kinds["offender_is_unit"] = "flag"
    kinds["illegal_publications_case"] = "flag"
    kinds["tobacco_case"] = "flag"
    metrics: dict[str, dict[str, str]] = {}
    for name in sorted(kinds):
        kind = kinds[name] or ("amount" if name.endswith("_yuan") else "count")
        zh, en = LABELS.get(name, (FLAG_LABEL_ZH.get(name, name), name.replace("_", " ")))
        metrics[name] = {"kind": kind, "label_zh": zh, "label_en": en}
    out: dict[str, Any] = {
        "build_notes": {
            "built_from": "shared/reference/legal-rules.yaml",
            "source_sha256": hashlib.sha256(raw_text.encode()).hexdigest(),
            "built_on": dt.datetime.now(dt.UTC).date().isoformat(),
            "changes": notes,
        },
        "meta": document["meta"],
        "metrics": metrics,
    }
    for key, value in document.items():
        if key not in out:
            out[key] = value
    return out


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    document = build(source)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# ipshield rule data, built by scripts/build_rule_data.py from shared/reference/legal-rules.yaml.\n"
        "# Do not edit by hand: edit the source or load an amendment (manage.py screening_load_rules).\n"
    )
    TARGET.write_text(header + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120), "utf-8")
    print(f"wrote {TARGET} ({len(document['metrics'])} metrics, {len(document['offences'])} offences)")


if __name__ == "__main__":
    main()
