"""Every page each role reaches, in Chinese and English, at 1366 px and 390 px: no horizontal
overflow, no internal identifier in the text, and in English no untranslated interface text.
Screenshots go to test-artifacts/walk/<user>/ (look at them)."""

import re

import pytest

from ipshield.core.testing import browser_login, screenshot
from ipshield.core.tests.test_leak_suite import world  # noqa: F401 - the Beijing records the pages show

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# snake_case words are internal ids (offence ids, statuses, metric names) wherever they appear in a
# sentence; codes a person may need (hashes, numbers) stay inside <code>/<pre>, which is not read.
RAW_ID = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|@\d{4}-\d{2}-\d{2}")
CJK = re.compile(r"[\u3400-\u9fff]")
# Interface text (not data such as names, titles or addresses) that must be English on English pages.
CHROME = "nav a, th, label, button, dt, legend, .badge, .helptext"
WIDTHS = (1366, 390)

VISIBLE_TEXT = """() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('code, pre, script, style, select, option, [hidden], .lang-switch').forEach(e => e.remove());
  return body.innerText;
}"""
CHROME_TEXT = """(selector) => Array.from(document.querySelectorAll(selector))
  .filter(e => e.offsetParent !== null && !e.closest('code, pre, select, .lang-switch, .region-picker'))
  .map(e => e.innerText.trim()).filter(Boolean)"""


def _pages(w):
    case, transfer, tip = w.case.pk, w.transfer.pk, w.tip.pk
    return {
        "officer.bj": [
            "/work/", "/cases/", f"/cases/{case}/", "/cases/new/", "/transfers/", f"/transfers/{transfer}/",
            "/tips/", f"/tips/{tip}/", "/disclosures/review/", "/credit/repair/requests/", "/credit/matches/",
            "/transfers/inbox/", "/account/", "/screening/", f"/transfers/official-clues/new/{case}/",
        ],
        "proc.bj": ["/work/", "/cases/split/", "/transfers/queues/not_transferred/", f"/cases/{case}/",
                    "/transfers/official-clues/", f"/transfers/official-clues/{w.clue.pk}/", "/stats/",
                    "/transfers/criminal-steps/"],
        "coord.walk": ["/work/", "/tips/dispatch/", "/tips/spot-checks/", "/cases/split/", "/stats/",
                       "/cases/?filed_from=2020-01-01&region_exact=110000", "/stats/dashboard/", "/stats/alerts/",
                       f"/stats/alerts/{w.alert.pk}/", "/stats/packages/", "/stats/submissions/",
                       "/stats/?report=market_ip", "/stats/?report=linkage_stages", "/stats/?report=workload",
                       "/stats/?report=tips", "/stats/?report=disclosure"],
        "coord.cn": ["/stats/assessments/", f"/stats/assessments/{w.assessment.pk}/", "/stats/dashboard/"],
        "bank.walk": ["/work/", "/credit/feed/"],
        None: ["/", "/tips/report/", "/tips/status/", "/credit/?q=商贸", "/disclosures/", "/screening/", "/statistics/"],
    }  # fmt: skip


def _check(page, url, language, width, problems, who):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base_url + url)
    label = f"{url} [{language}, {width}px]"
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        problems.append(f"{label}: {overflow}px horizontal overflow")
    ids = sorted(set(RAW_ID.findall(page.evaluate(VISIBLE_TEXT))))
    if ids:
        problems.append(f"{label}: internal ids {ids[:5]}")
    if language == "en":
        chinese = [t for t in page.evaluate(CHROME_TEXT, CHROME) if CJK.search(t)]
        if chinese:
            problems.append(f"{label}: untranslated {chinese[:4]}")
    name = re.sub(r"[^a-z0-9]+", "-", url.strip("/").lower()) or "home"
    screenshot(page, f"walk/{who or 'public'}/{name}-{language}-{width}")  # one folder per reader: no overwrites


def test_every_page_in_both_languages_and_both_widths(page, world, settings, make_user):  # noqa: F811 - the fixture
    settings.IPSHIELD_2FA = "optional"
    make_user("coordinator", "110000", username="coord.walk")
    make_user("bank", "110000", username="bank.walk")
    problems: list[str] = []
    for username, urls in _pages(world).items():
        page.context.clear_cookies()
        if username:
            browser_login(page, username)
        for language in ("zh-hans", "en"):
            page.context.add_cookies([{"name": "django_language", "value": language, "url": page.base_url}])
            for url in urls:
                for width in WIDTHS:
                    _check(page, url, language, width, problems, username)
    assert problems == [], "\n".join(problems)
