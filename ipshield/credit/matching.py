"""Do two names denote the same producer or seller? A score (0–100) and the reasons.

Pure Python (no Django): the archive proposes a merge from this, a human confirms or rejects it.
Names of one enterprise are written differently: full-width letters (ＡＢＣ), spaces and
brackets, company suffixes (有限责任公司 / 有限公司), traditional characters (恆遠商貿), pinyin
(Hengyuan Shangmao Co., Ltd.). Each normalisation that was needed costs a few points and is named.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

PROPOSE_AT = 80  # a pair scoring at least this is proposed to a human

_PUNCTUATION = re.compile(r"[\s()（）\[\]【】〔〕<>《》·.,，、;；:：\-—_'\"“”‘’&＆/]")
_CN_SUFFIXES = (("股份有限公司", "有限公司"), ("有限责任公司", "有限公司"))
_CN_SUFFIX_TAIL = re.compile(r"(有限公司|公司|商行|经营部|门市部|店)$")
_EN_SUFFIX_TAIL = re.compile(r"(co|company|corp|corporation|ltd|limited|inc|llc|group)+$")

REASONS: dict[str, tuple[str, str]] = {
    "same": ("名称相同", "identical names"),
    "width": ("全角/半角不同", "full-width / half-width characters"),
    "case": ("大小写不同", "letter case"),
    "punctuation": ("空格、括号或标点不同", "spaces, brackets or punctuation"),
    "suffix": ("公司后缀写法不同（有限责任公司/有限公司）", "company suffix (有限责任公司 / 有限公司)"),
    "script": ("繁体/简体不同", "traditional / simplified characters"),
    "pinyin": ("拼音相同", "same pinyin"),
    "similar": ("名称相近", "similar names"),
}

# Each step: (reason code, penalty in points, transformation). Applied in order, cumulatively.
_STEPS: tuple[tuple[str, int, Callable[[str], str]], ...] = (
    ("width", 1, lambda s: unicodedata.normalize("NFKC", s)),
    ("case", 1, str.lower),
    ("punctuation", 1, lambda s: _PUNCTUATION.sub("", s)),
    ("script", 6, lambda s: _to_simplified(s)),
    ("suffix", 4, lambda s: _replace_all(s, _CN_SUFFIXES)),
)


@lru_cache(maxsize=1)
def _converter() -> Any:
    """zhconv and its dictionary (~1 MB), loaded at first use, not at every process start; by path,
    because its default loader leaves the file open."""
    import zhconv

    zhconv.loaddict(str(Path(zhconv.__file__).with_name("zhcdict.json")))
    return zhconv


def _to_simplified(text: str) -> str:
    return str(_converter().convert(text, "zh-cn"))


def _replace_all(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class NameMatch:
    score: int
    reasons: tuple[str, ...]
    similarity: int = 100  # the fuzzy ratio, when "similar" is a reason

    @property
    def same_spelling(self) -> bool:
        """Only width, case, spaces or punctuation differ: the same name, typed differently."""
        return set(self.reasons) <= {"same", "width", "case", "punctuation"}

    def explain(self, language: str = "zh") -> str:
        index = 0 if language.startswith("zh") else 1
        parts = [REASONS[code][index] for code in self.reasons]
        if "similar" in self.reasons:
            parts[-1] += f" {self.similarity}%"
        separator = "；" if index == 0 else "; "
        return separator.join(parts)


@lru_cache(maxsize=4096)
def canonical(name: str) -> str:
    """The form two spellings of one name share (the archive's name key)."""
    for _code, _penalty, step in _STEPS:
        name = step(name)
    return unicodedata.normalize("NFC", name)  # stripping spaces can leave combining marks to compose


@lru_cache(maxsize=4096)
def sound_key(name: str) -> str:
    """Pinyin of the name without its legal-form suffix; a name written in pinyin keeps its letters."""
    from pypinyin import lazy_pinyin  # 0.27 s to import: at first use, not at every process start

    core = _CN_SUFFIX_TAIL.sub("", canonical(name))
    letters = "".join(lazy_pinyin(core, errors=lambda chars: "".join(c for c in chars if c.isalnum())))
    return _EN_SUFFIX_TAIL.sub("", letters.lower())


def _without(name: str, skipped: str) -> str:
    for code, _cost, step in _STEPS:
        if code != skipped:
            name = step(name)
    return name


def _upto(name: str, last: str) -> str:
    for code, _cost, step in _STEPS:
        name = step(name)
        if code == last:
            break
    return name


def match(left: str, right: str) -> NameMatch:
    """Score two names: identical (100), equal after named normalisations, same pinyin, or similar."""
    if left == right:
        return NameMatch(100, ("same",))
    if canonical(left) == canonical(right):
        # A normalisation is a reason when the names differ without it.
        needed = [(code, cost) for code, cost, _step in _STEPS if _without(left, code) != _without(right, code)]
        if not needed:  # several normalisations each suffice: name the first that does
            needed = [next((c, cost) for c, cost, _s in _STEPS if _upto(left, c) == _upto(right, c))]
        return NameMatch(100 - sum(cost for _c, cost in needed), tuple(code for code, _c in needed))
    if sound_key(left) and sound_key(left) == sound_key(right):
        return NameMatch(85, ("pinyin",))
    from rapidfuzz import fuzz

    similarity = round(fuzz.ratio(canonical(left), canonical(right)))
    return NameMatch(round(similarity * 0.9), ("similar",), similarity)
