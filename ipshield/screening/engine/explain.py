"""Human explanations of a screening, in Chinese and English: which rule, figure, threshold, source."""

from __future__ import annotations

import re
from decimal import Decimal

from ipshield.screening.engine.evaluate import Hit, Outcome, Screening, VersionResult
from ipshield.screening.engine.expressions import Value
from ipshield.screening.engine.rules import RuleBook, Version

OUTCOME_LABELS = {
    Outcome.SUSPECTED_CRIME: ("涉嫌犯罪，应当移送", "suspected crime: must be transferred to the police"),
    Outcome.BELOW_THRESHOLD: ("未达到立案追诉标准", "below the prosecution thresholds"),
    Outcome.UNDETERMINED: ("无法判定", "undetermined"),
}

REASONS = {
    "facts_missing": ("缺少判定所需的事实", "the facts needed for every threshold are missing"),
    "version_unverified": (
        "该版本的标准尚未经核实（仅凭记忆，未见原文）",
        "this version's thresholds are unverified (recalled, not seen in a text)",
    ),
    "only_unverified_thresholds_met": (
        "仅达到未经核实的标准，须人工核对原文",
        "only unverified thresholds are met; check the official text",
    ),
    "below_all_thresholds": ("各项数额或情节均未达到标准", "no amount or circumstance reaches its threshold"),
    "threshold_met": ("达到立案追诉标准", "a prosecution threshold is met"),
}

CONFIDENCE_LABELS = {
    "confirmed": ("已核实", "confirmed"),
    "secondary": ("二手来源", "secondary source"),
    "recalled": ("未核实", "unverified"),
}


def format_value(value: Value) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        normal = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        return f"{normal:,}"
    return str(value)


def _value_en(value: Value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return format_value(value)


def _metric(rulebook: RuleBook, name: str) -> tuple[str, str]:
    metric = rulebook.metrics.get(name)
    return (metric.label_zh, metric.label_en) if metric else (name, name)


_ARTICLE_REF = re.compile(r"\barts?\.\s*(?P<nums>[0-9][0-9之一\-–]*(?:\s*(?:,|and|、)\s*[0-9][0-9之一\-–]*)*)")
_CJK = re.compile(r"[\u3400-\u9fff]")


def articles_zh(reference: str) -> str:
    """'法释〔2025〕5号 arts.1-2 and 7 (definitions)' → '法释〔2025〕5号第1至2条、第7条': no English in Chinese text."""

    def one(number: str) -> str:
        return f"第{number.removesuffix('之一')}条" + ("之一" if number.endswith("之一") else "")

    def numbers(match: re.Match[str]) -> str:
        parts = re.split(r"\s*(?:,|and|、)\s*", match.group("nums"))
        return "、".join("至".join(one(n) for n in re.split(r"[-–]", part)) for part in parts if part)

    text = _ARTICLE_REF.sub(numbers, reference)
    text = re.sub(r"\s*\([^)]*\)", "", text)  # English asides such as "(definitions)"
    text = re.sub(r"\bparas?\.\s*([0-9]+)", r"第\1款", text)
    return re.sub(r"\s+(?=第)", "", text).strip()


def _sources(rulebook: RuleBook, hit: Hit) -> str:
    return "；".join(rulebook.source_label(s) for s in hit.sources)


def _sources_zh(rulebook: RuleBook, hit: Hit) -> str:
    return "；".join(articles_zh(rulebook.source_label(s)) for s in hit.sources)


def version_caption(rulebook: RuleBook, version: Version) -> tuple[str, str]:
    """A version named by its source and start date, never by its internal id."""
    source = rulebook.source_label(version.sources[0]).split(" ")[0] if version.sources else ""
    start = version.valid_from
    zh = (
        f"{source}，{start.year}年{start.month}月{start.day}日起"
        if source
        else f"{start.year}年{start.month}月{start.day}日起"
    )
    en = f"{source}, from {start.isoformat()}" if source else f"from {start.isoformat()}"
    return zh, en


def _hit_line(rulebook: RuleBook, hit: Hit, *, near: bool = False) -> tuple[str, str]:
    zh_name, en_name = _metric(rulebook, hit.metric)
    confidence_zh, confidence_en = CONFIDENCE_LABELS.get(hit.confidence, (hit.confidence, hit.confidence))
    op = hit.operator
    if near:
        pct = f"{(hit.ratio or Decimal(0)) * 100:.0f}%"
        zh = f"{zh_name} {format_value(hit.value)}，已达标准 {format_value(hit.threshold)} 的 {pct}（接近标准）"
        en = f"{en_name} {_value_en(hit.value)} is {pct} of the threshold {_value_en(hit.threshold)} (near)"
    else:
        zh = f"{zh_name} {format_value(hit.value)} {op} {format_value(hit.threshold)}"
        en = f"{en_name} {_value_en(hit.value)} {op} {_value_en(hit.threshold)}"
    if hit.conditions:
        if _CJK.search(hit.conditions):  # the rule data writes most conditions in English only
            zh += f"（{hit.conditions}）"
        en += f" ({hit.conditions})"
    zh += f"。{articles_zh(hit.article)}，依据：{_sources_zh(rulebook, hit)}，{confidence_zh}。"
    en += f". {hit.article}, source: {_sources(rulebook, hit)}, {confidence_en}."
    return zh, en


def _version_lines(rulebook: RuleBook, result: VersionResult) -> tuple[list[str], list[str]]:
    zh: list[str] = []
    en: list[str] = []
    label_zh, label_en = OUTCOME_LABELS[result.outcome]
    reason_zh, reason_en = REASONS[result.reason]
    caption_zh, caption_en = version_caption(rulebook, result.version)
    zh.append(f"【{caption_zh}】{label_zh}：{reason_zh}。")
    en.append(f"[{caption_en}] {label_en}: {reason_en}.")
    for hit in result.hits + result.unverified_hits:
        line_zh, line_en = _hit_line(rulebook, hit)
        zh.append("· " + line_zh)
        en.append("· " + line_en)
    if result.outcome is not Outcome.SUSPECTED_CRIME:
        for hit in result.near_threshold:
            line_zh, line_en = _hit_line(rulebook, hit, near=True)
            zh.append("· " + line_zh)
            en.append("· " + line_en)
    if result.missing and result.outcome is not Outcome.SUSPECTED_CRIME:
        names_zh = "、".join(_metric(rulebook, m)[0] for m in result.missing)
        names_en = ", ".join(_metric(rulebook, m)[1] for m in result.missing)
        zh.append(f"· 未提供：{names_zh}")
        en.append(f"· Not provided: {names_en}")
    return zh, en


def explain(rulebook: RuleBook, screening: Screening) -> dict[str, str]:
    """{"zh-hans": "...", "en": "..."} for one screening."""
    offence = screening.offence
    label_zh, label_en = OUTCOME_LABELS[screening.outcome]
    zh = [f"{offence.name_zh}（{offence.article}）：{label_zh}。"]
    en = [f"{offence.name_en} ({offence.article}): {label_en}."]
    if screening.rule_note == "no_version":
        zh.append("行为日和处理日均无有效的标准版本。")
        en.append("No version of the thresholds is in force on the conduct or the handling date.")
    elif screening.rule_note == "no_conduct_version":
        zh.append("行为时尚无司法解释，适用处理时的解释（高检发释字〔2001〕5号 第2条）。")
        en.append(
            "No interpretation existed at the time of conduct; the one in force when handled applies"
            " (2001 timing rule art.2)."
        )
    elif screening.rule_note == "later_version_compared":
        zh.append(
            "行为时与处理时的标准不同：从旧兼从轻，两者均达到标准才认定涉嫌犯罪（刑法第12条；高检发释字〔2001〕5号 第3条）。"
        )
        en.append(
            "The thresholds changed between conduct and handling: the more lenient applies, so the case is"
            " suspected only if both versions are met (Criminal Law art.12; 2001 timing rule art.3)."
        )
    for result in screening.results:
        lines_zh, lines_en = _version_lines(rulebook, result)
        zh.extend(lines_zh)
        en.extend(lines_en)
    return {"zh-hans": "\n".join(zh), "en": "\n".join(en)}
