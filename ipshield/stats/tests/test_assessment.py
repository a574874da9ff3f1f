"""考核: the scoring engine on figures, and the whole flow on the platform — open, self-assess with
evidence, submit, review with reasons, finalize and rank, appeal — with who may do what."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ipshield.core.workflow import Conflict
from ipshield.stats import assessment as engine
from ipshield.stats.assessments import assessment_act, assessments_open, scheme_of, sheet_for
from ipshield.stats.models import Assessment
from ipshield.stats.tests.test_reports_drill_down import beijing  # noqa: F401 - the fixture

SCHEMES = engine.load_schemes()
DEFAULT = engine.scheme_for(SCHEMES, "shuangda_province", 2026)
PATENT = engine.scheme_for(SCHEMES, "patent_enforcement", 2026)


def test_the_default_scheme_adds_up_to_100_plus_a_5_point_bonus():
    assert DEFAULT is not None
    assert sum(a.max for a in DEFAULT.areas if not a.bonus) == 100
    assert DEFAULT.bonus_cap == 5
    assert PATENT is not None
    assert engine.scheme_for(SCHEMES, "shuangda_province", 2030) is DEFAULT  # the latest version applies later
    assert engine.scheme_for(SCHEMES, "shuangda_province", 2020) is None


@pytest.mark.parametrize(("rate", "points"), [(95, 10), (90, 10), (89.9, 9), (45, 4), (9.9, 0), (None, 0)])
def test_a_banded_rate(rate, points):
    item = DEFAULT.item("close_rate")
    assert engine.score_item(item, rate).points == points


def test_per_item_points_stop_at_the_cap_and_deductions_at_zero():
    assert engine.score_item(DEFAULT.item("filed"), 80).points == 4.0
    assert engine.score_item(DEFAULT.item("filed"), 1000).points == 10
    assert engine.score_item(DEFAULT.item("overdue"), 2).points == 3
    assert engine.score_item(DEFAULT.item("overdue"), 9).points == 0
    assert engine.score_item(DEFAULT.item("mechanisms"), None, manual=12).points == 10  # a manual item's maximum


def test_areas_are_capped_a_veto_zeroes_all_and_adjustments_say_why():
    figures = {f: 1000 for f in DEFAULT.figures} | {"platform.overdue_transfers": 0, "platform.stale_alerts": 0}
    sheet = engine.score(DEFAULT, figures, manual={"mechanisms": 10, "supervised_closed": 5})
    assert sheet.base == 100
    assert sheet.total == 105
    vetoed = engine.score(DEFAULT, figures, vetoes=["major_incident"])
    assert vetoed.total == 0
    assert vetoed.vetoed
    adjusted = engine.score(DEFAULT, figures, adjustments={"close_rate": (6, "抽查发现结案不规范")})
    item = next(i for a in adjusted.areas for i in a.items if i.item.id == "close_rate")
    assert item.points == 6
    assert item.params["computed"] == 10
    assert "抽查发现结案不规范" in item.message % item.params


@pytest.fixture
def offices(beijing, make_user):  # noqa: F811
    return {
        **beijing,
        "sh_national_view": make_user("procurator", "000000", username="proc.cn.assess"),
    }


pytestmark = pytest.mark.django_db


def test_the_national_office_opens_provinces_and_the_flow_runs_to_a_ranking(offices):
    national, bj, sh = offices["national"], offices["coordinator"], offices["sh_coordinator"]
    assert assessments_open(actor=national, scheme_id="shuangda_province", year=2026) == 2  # Beijing, Shanghai
    assert assessments_open(actor=national, scheme_id="shuangda_province", year=2026) == 0  # idempotent
    beijing_a = Assessment.objects.get(region_code="110000")
    shanghai_a = Assessment.objects.get(region_code="310000")
    assert beijing_a.owner == bj.agency
    assert beijing_a.figures["market_ip.total.filed"]["value"] == 4
    assert beijing_a.figures["market_ip.total.filed"]["page"].startswith("/cases/?")  # the evidence
    assessment_act(
        actor=bj, assessment=beijing_a, event="self_score", data={"item": "mechanisms", "points": 8, "note": "见文件"}
    )
    with pytest.raises(ValidationError):  # only manual items are self-scored
        assessment_act(actor=bj, assessment=beijing_a, event="self_score", data={"item": "filed", "points": 10})
    with pytest.raises(PermissionDenied):  # another province cannot touch it
        assessment_act(actor=sh, assessment=beijing_a, event="self_score", data={"item": "mechanisms", "points": 10})
    assessment_act(actor=bj, assessment=beijing_a, event="submit", data={})
    with pytest.raises(PermissionDenied):  # nobody reviews its own
        assessment_act(actor=bj, assessment=beijing_a, event="finalize", data={})
    with pytest.raises(ValidationError):  # an adjustment needs a reason
        assessment_act(actor=national, assessment=beijing_a, event="review", data={"item": "mechanisms", "points": 6})
    assessment_act(
        actor=national,
        assessment=beijing_a,
        event="review",
        data={"item": "mechanisms", "points": 6, "reason": "会议纪要不全"},
    )
    final = assessment_act(actor=national, assessment=beijing_a, event="finalize", data={})
    assert final.total is not None
    assert float(final.total) == sheet_for(final).total
    assert final.rank == 1
    assessment_act(actor=sh, assessment=shanghai_a, event="submit", data={})
    assessment_act(actor=national, assessment=shanghai_a, event="finalize", data={})
    ranks = dict(Assessment.objects.values_list("region_code", "rank"))
    assert sorted(ranks.values()) in ([1, 2], [1, 1])
    appealed = assessment_act(actor=bj, assessment=final, event="appeal", data={"appeal": "会议纪要已补充上传"})
    assert appealed.status == "appealed"
    with pytest.raises(ValidationError):
        assessment_act(actor=national, assessment=appealed, event="finalize", data={})  # an answer is required
    again = assessment_act(actor=national, assessment=appealed, event="finalize", data={"answer": "维持原分"})
    assert again.status == "final"
    with pytest.raises(Conflict):
        assessment_act(actor=bj, assessment=again, event="submit", data={})


def test_an_appeal_after_fifteen_days_is_refused(offices):
    national, bj = offices["national"], offices["coordinator"]
    assessments_open(actor=national, scheme_id="shuangda_province", year=2026)
    a = Assessment.objects.get(region_code="110000")
    assessment_act(actor=bj, assessment=a, event="submit", data={})
    a = assessment_act(actor=national, assessment=a, event="finalize", data={})
    Assessment.objects.filter(pk=a.pk).update(finalized_at=a.finalized_at - dt.timedelta(days=16))
    a.refresh_from_db()
    with pytest.raises(ValidationError):
        assessment_act(actor=bj, assessment=a, event="appeal", data={"appeal": "太晚了"})


def test_pages_show_each_point_with_its_evidence_and_hide_others_assessments(client, offices):
    national, bj = offices["national"], offices["coordinator"]
    client.force_login(national)
    response = client.post("/stats/assessments/", {"scheme": "shuangda_province", "year": 2026})
    assert response.status_code == 302
    beijing_a = Assessment.objects.get(region_code="110000")
    page = client.get(f"/stats/assessments/{beijing_a.pk}/").content.decode()
    assert "结案率" in page
    assert "/cases/?" in page
    client.force_login(offices["sh_coordinator"])
    assert client.get(f"/stats/assessments/{beijing_a.pk}/").status_code == 404
    client.force_login(bj)
    refused = client.post(
        f"/stats/assessments/{beijing_a.pk}/", {"event": "self_score", "item": "mechanisms", "points": "99"}
    )
    assert refused.status_code == 422
    export = client.get(f"/stats/assessments/{beijing_a.pk}/", {"export": "xlsx"})
    assert export.status_code == 200
    assert scheme_of(beijing_a).id == "shuangda_province"


def test_evidence_files_are_checked_and_shown_to_the_assessment_readers_only(client, offices, settings, tmp_path):
    import io

    from ipshield.core.attachments import attachments_for
    from ipshield.core.tests.test_attachments import LEGITIMATE

    settings.ATTACHMENT_ROOT = tmp_path / "attachments"
    assessments_open(actor=offices["national"], scheme_id="shuangda_province", year=2026)
    a = Assessment.objects.get(region_code="110000")
    client.force_login(offices["coordinator"])
    bad = io.BytesIO(b"MZ\x90\x00" + b"\x00" * 200)
    bad.name = "会议纪要.exe"
    assert client.post(f"/stats/assessments/{a.pk}/", {"evidence": bad}).status_code == 422
    assert not attachments_for(a).exists()
    good = io.BytesIO(LEGITIMATE["pdf one page"]())
    good.name = "会议纪要.pdf"
    assert client.post(f"/stats/assessments/{a.pk}/", {"evidence": good}).status_code == 302
    attachment = attachments_for(a).get()
    download = client.get(f"/files/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")  # read to the end: the file is closed
    client.force_login(offices["sh_coordinator"])
    assert client.get(f"/files/{attachment.pk}/").status_code == 404


def test_every_scheme_title_item_and_evidence_has_its_english():
    for scheme in SCHEMES:
        assert scheme.title_en
        for area in scheme.areas:
            assert area.title_en, area.title
            for item in area.items:
                assert item.title_en, item.title
                assert bool(item.evidence) == bool(item.evidence_en), item.title


def test_the_api_lists_scores_every_item_with_its_records_and_keeps_others_out(api, offices):
    national, bj, sh = offices["national"], offices["coordinator"], offices["sh_coordinator"]
    assessments_open(actor=national, scheme_id="shuangda_province", year=2026)
    beijing_a = Assessment.objects.get(region_code="110000")
    listed = api(national).get("/api/v1/stats/assessments?year=2026").json()
    assert {a["region"] for a in listed["items"]} == {"110000", "310000"}
    assert listed["count"] == 2
    assert api(bj).get("/api/v1/stats/assessments").json()["count"] == 1  # its own
    assert api(offices["officer"]).get("/api/v1/stats/assessments").json()["count"] == 0
    assert api(sh).get(f"/api/v1/stats/assessments/{beijing_a.pk}").status_code == 404
    detail = api(bj).get(f"/api/v1/stats/assessments/{beijing_a.pk}").json()
    filed = next(i for area in detail["areas"] for i in area["items"] if i["id"] == "filed")
    assert filed["figure"] == 4
    assert filed["records"].startswith("/cases/?")  # the records behind the figure
    assert "4" in filed["explanation"]
    assert detail["total"] is None  # not finalized yet
    scored = api(bj).post(
        f"/api/v1/stats/assessments/{beijing_a.pk}/self_score", {"item": "mechanisms", "points": 8, "note": "见文件"}
    )
    assert scored.status_code == 200, scored.content
    mechanisms = next(i for area in scored.json()["areas"] for i in area["items"] if i["id"] == "mechanisms")
    assert mechanisms["points"] == 8
    assert api(bj).post(f"/api/v1/stats/assessments/{beijing_a.pk}/review", {"item": "filed"}).status_code == 403
    assert api(bj).post(f"/api/v1/stats/assessments/{beijing_a.pk}/finalize", {}).status_code == 403


@pytest.mark.parametrize(
    ("event", "body"),
    [
        ("self_score", {"item": "mechanisms", "points": -1}),
        ("self_score", {"item": "mechanisms", "points": 10**9}),
        ("self_score", {"item": "filed", "points": 3}),  # a computed item cannot be self-scored
        ("self_score", {"item": "mechanisms", "points": "many"}),
        ("self_score", {"item": "x" * 65, "points": 1}),
        ("explode", {}),
        ("self_score", {"item": "mechanisms", "points": 1, "note": "a\x00b"}),
    ],
)
def test_bad_assessment_input_is_a_4xx_and_changes_nothing(api, offices, event, body):
    assessments_open(actor=offices["national"], scheme_id="shuangda_province", year=2026)
    beijing_a = Assessment.objects.get(region_code="110000")
    response = api(offices["coordinator"]).post(f"/api/v1/stats/assessments/{beijing_a.pk}/{event}", body)
    assert 400 <= response.status_code < 500, response.content
    assert Assessment.objects.get(pk=beijing_a.pk).self_scores == {}
