"""Name matching cost per pair, in-process (each new archive record scores up to ~250 candidates).

Run: make bench   (pytest-benchmark; figures are reported, never asserted)
"""

import pytest

from ipshield.credit import matching

PAIRS = {
    "identical": ("恒远商贸有限公司", "恒远商贸有限公司"),
    "traditional + suffix": ("恆遠商貿（北京）有限責任公司", "恒远商贸北京有限公司"),
    "pinyin": ("Hengyuan Shangmao Co., Ltd.", "恒远商贸有限公司"),
    "different (fuzzy ratio)": ("恒远商贸有限公司", "佳美服饰有限公司"),
}


@pytest.mark.parametrize("label", list(PAIRS))
def test_match_pair(benchmark, label):
    left, right = PAIRS[label]

    def cold() -> matching.NameMatch:
        matching.canonical.cache_clear()
        matching.sound_key.cache_clear()
        return matching.match(left, right)

    benchmark(cold)
