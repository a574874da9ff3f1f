"""Real browser: each cooperation object walked through as the agencies involved."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.utils import timezone

from ipshield.cooperation.models import Cooperation
from ipshield.cooperation.services import sweep
from ipshield.core.deadlines import CHINA_TZ, OFFICIAL_CALENDAR
from ipshield.core.testing import browser_login, screenshot
from ipshield.transfers.sample_evidence import blank_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logout(page):
    page.click("text=退出")


def test_beijing_asks_guangdong_to_inspect_a_warehouse_and_sees_the_reply_on_its_case(page, cast, bj_case, tmp_path):
    browser_login(page, "officer.bj")
    page.goto(page.base_url + f"/cases/{bj_case.pk}/")
    page.click("[data-testid=case-new-assistance]")
    page.select_option("#id_receiver", str(cast["gd_officer"].agency_id))
    page.fill("#id_title", "协查东莞仓库")
    page.fill("#id_questions", "仓库内是否存放涉案运动鞋？\n仓库租用人是谁？")
    page.check("input[name=tasks][value=warehouse]")
    page.click("[data-testid=cooperation-submit]")
    assert page.inner_text("[data-testid=record-status]") == "待签收"
    logout(page)

    browser_login(page, "officer.gd")
    page.goto(page.base_url + "/cooperation/?box=todo")
    page.click("[data-testid=cooperation-row] a")
    page.click("[data-testid=do-acknowledge]")
    evidence = tmp_path / "仓库检查笔录.pdf"
    evidence.write_bytes(blank_pdf("仓库检查笔录"))
    page.fill("#answer-0", "存放假冒运动鞋约3000双，已查封")
    page.click("[data-testid=do-reply]")  # one answer missing: nothing sent
    assert "逐一回答" in page.inner_text("[data-testid=action-error]")
    page.fill("#answer-0", "存放假冒运动鞋约3000双，已查封")
    page.fill("#answer-1", "租用人为李某")
    page.set_input_files("#files-reply", str(evidence))
    page.click("[data-testid=do-reply]")
    assert page.inner_text("[data-testid=record-status]") == "已答复"
    guangdong_hash = page.inner_text("[data-testid=evidence-hash]")
    logout(page)

    browser_login(page, "officer.bj")
    page.goto(page.base_url + f"/cases/{bj_case.pk}/")
    assert "租用人为李某" in page.inner_text("[data-testid=case-assistance-reply]")
    page.click("[data-testid=case-cooperation] a")
    assert page.inner_text("[data-testid=evidence-hash]") == guangdong_hash  # the same file on both sides
    with page.expect_download() as download:
        page.click("[data-testid=evidence-file] a")
    assert hashlib.sha256(Path(download.value.path()).read_bytes()).hexdigest() == guangdong_hash
    page.click("[data-testid=do-confirm]")
    assert page.inner_text("[data-testid=record-status]") == "已办结"
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])
    page.set_viewport_size({"width": 390, "height": 900})
    page.reload()
    assert page.inner_text("[data-testid=record-status]") == "Concluded"
    assert "provided by" in page.inner_text("[data-testid=evidence-file]")
    screenshot(page, "assistance-closed-en-390")


def test_a_coordinator_supervises_a_case_and_a_missed_milestone_is_reminded_the_next_working_day(page, cast, bj_case):
    browser_login(page, "coord.bj")
    page.goto(page.base_url + "/cooperation/new/supervision/")
    page.fill("#id_case_number", bj_case.number)
    page.fill("#id_title", "挂牌督办：北京假冒运动鞋案")
    page.fill("#id_body", "涉案金额大")
    due = OFFICIAL_CALENDAR.add_working_days(timezone.localdate(), 2)
    page.fill("#id_m1_title", "查清货源")
    page.fill("#id_m1_date", due.isoformat())
    page.click("[data-testid=cooperation-submit]")
    assert page.inner_text("[data-testid=record-status]") == "进行中"
    record = Cooperation.objects.get(kind="supervision")
    # Time passes: the milestone is missed; the sweep reminds the handling agency the next working day.
    next_working = OFFICIAL_CALENDAR.add_working_days(due, 1)
    assert sweep(now=dt.datetime.combine(due, dt.time(20), tzinfo=CHINA_TZ))["reminded"] == 0
    assert sweep(now=dt.datetime.combine(next_working, dt.time(8), tzinfo=CHINA_TZ))["reminded"] == 1
    logout(page)

    browser_login(page, "officer.bj")
    page.goto(page.base_url + "/transfers/inbox/")
    assert "催办" in page.inner_text("main")
    page.goto(page.base_url + f"/cooperation/{record.pk}/")
    assert "催办" in page.inner_text("[data-testid=milestone-reminded]")
    page.fill("#id_complete_milestone-note", "货源已查清：东莞某工厂")
    page.click("[data-testid=do-complete_milestone]")
    assert "逾期完成" in page.inner_text("[data-testid=milestones]") or "按期完成" in page.inner_text(
        "[data-testid=milestones]"
    )
    logout(page)

    browser_login(page, "coord.bj")
    page.goto(page.base_url + f"/cooperation/{record.pk}/")
    page.select_option("#id_close-rating", "qualified")
    page.fill("#id_close-note", "督办事项已办结")
    page.click("[data-testid=do-close]")
    assert page.inner_text("[data-testid=record-status]") == "已办结"
    assert page.inner_text("[data-testid=closing-rating]") == "合格"
    screenshot(page, "supervision-closed-zh")


def test_a_lead_sent_to_guangdong_is_accepted_there_and_beijing_sees_who_took_it(page, cast):
    browser_login(page, "officer.bj")
    page.goto(page.base_url + "/cooperation/new/lead/")
    page.fill("#id_title", "东莞某鞋业公司疑似生产假冒运动鞋")
    page.select_option("#id_receivers", [str(cast["gd_officer"].agency_id), str(cast["sh_officer"].agency_id)])
    page.fill("#id_body", "查获的假冒运动鞋物流单显示发货地为东莞。")
    page.fill("#id_target_name", "东莞某鞋业有限公司")
    page.select_option("#id_domain", "trademark")
    page.click("[data-testid=cooperation-submit]")
    assert page.inner_text("[data-testid=record-status]") == "待签收"
    lead = Cooperation.objects.get(kind="lead")
    logout(page)

    browser_login(page, "officer.gd")
    page.goto(page.base_url + "/work/")
    page.click("[data-queue=cooperation_todo]")
    page.click("[data-testid=cooperation-row] a")
    page.fill("#id_accept-note", "已立案调查")
    page.click("[data-testid=do-accept]")
    assert page.inner_text("[data-testid=record-status]") == "已受理立案"
    page.click("[data-testid=record-case] a")
    assert "东莞某鞋业有限公司" in page.inner_text("main")  # the new case, with the target as its party
    logout(page)

    browser_login(page, "officer.sh")
    page.goto(page.base_url + f"/cooperation/{lead.pk}/")
    assert page.locator("[data-testid=do-accept]").count() == 0  # taken: Shanghai can no longer accept
    logout(page)

    browser_login(page, "officer.bj")
    page.goto(page.base_url + f"/cooperation/{lead.pk}/")
    assert cast["gd_officer"].agency.name in page.inner_text("[data-testid=accepted-by]")
    screenshot(page, "lead-accepted-zh")


def test_a_joint_case_with_guangdong_as_participant(page, cast, bj_case):
    browser_login(page, "officer.bj")
    page.goto(page.base_url + f"/cooperation/new/joint/?case={bj_case.pk}")
    page.fill("#id_title", "京粤联合查办假冒运动鞋案")
    page.select_option("#id_participants", [str(cast["gd_officer"].agency_id)])
    page.click("[data-testid=cooperation-submit]")
    joint = Cooperation.objects.get(kind="joint")
    logout(page)

    browser_login(page, "officer.gd")
    page.goto(page.base_url + f"/cooperation/{joint.pk}/")
    page.click("[data-testid=do-join]")
    page.fill("#id_note-note", "东莞生产窝点已捣毁")
    page.click("[data-testid=do-note]")
    assert "东莞生产窝点已捣毁" in page.inner_text("[data-testid=timeline]")
    page.click("[data-testid=record-case] a")  # the participating agency works on the case itself
    assert bj_case.number in page.inner_text("main")
    logout(page)

    browser_login(page, "officer.bj")
    page.goto(page.base_url + f"/cooperation/{joint.pk}/")
    assert "东莞生产窝点已捣毁" in page.inner_text("[data-testid=timeline]")
    page.fill("#id_close-note", "联合查办完毕")
    page.click("[data-testid=do-close]")
    assert page.inner_text("[data-testid=record-status]") == "已办结"


def test_a_campaign_counts_the_cases_its_regions_link_and_prints_its_report(page, cast, bj_case):
    browser_login(page, "coord.cn")
    page.goto(page.base_url + "/cooperation/new/campaign/")
    page.fill("#id_title", "运动鞋类商标侵权集群战役")
    page.fill("#id_start", (timezone.localdate() - dt.timedelta(days=10)).isoformat())
    page.fill("#id_end", (timezone.localdate() + dt.timedelta(days=50)).isoformat())
    page.check("input[name=domains][value=trademark]")
    page.select_option("#id_regions", ["110000", "440000"])
    page.click("[data-testid=cooperation-submit]")
    campaign = Cooperation.objects.get(kind="campaign")
    page.click("[data-testid=do-start]")
    assert page.inner_text("[data-testid=record-status]") == "进行中"
    logout(page)

    browser_login(page, "officer.bj")
    page.goto(page.base_url + f"/cooperation/{campaign.pk}/")
    page.select_option("#id_link-case_id", str(bj_case.pk))
    page.fill("#id_link-dens_destroyed", "2")
    page.fill("#id_link-amount_involved", "150000")
    page.click("[data-testid=do-link]")
    row = page.locator("[data-testid=campaign-row-110000]")
    assert row.locator("[data-col=cases]").inner_text() == "1"
    assert row.locator("[data-col=dens]").inner_text() == "2"
    assert row.locator("[data-col=amount]").inner_text() == "15.00"
    page.select_option("#id_link-case_id", str(bj_case.pk))
    page.click("[data-testid=do-link]")  # the same case again: refused, nothing counted twice
    assert "已关联" in page.inner_text("[data-testid=action-error]")
    logout(page)

    browser_login(page, "coord.cn")
    page.goto(page.base_url + f"/cooperation/{campaign.pk}/")
    page.fill("#id_conclude-note", "捣毁窝点2个，涉案金额15万元。")
    page.click("[data-testid=do-conclude]")
    assert "总结报告" in page.inner_text("main")
    with page.expect_download() as download:
        page.click("[data-testid=campaign-pdf]")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    screenshot(page, "campaign-concluded-zh")


def test_a_consultation_gets_the_procuratorates_opinion_and_a_conclusion(page, cast):
    browser_login(page, "officer.bj")
    page.goto(page.base_url + "/cooperation/new/consultation/")
    page.fill("#id_title", "未销售假冒商品的货值如何认定")
    page.fill("#id_body", "仓库内尚未销售的假冒运动鞋无标价。")
    page.select_option("#id_invitees", [str(cast["procurator"].agency_id)])
    page.click("[data-testid=cooperation-submit]")
    consultation = Cooperation.objects.get(kind="consultation")
    logout(page)

    browser_login(page, "proc.bj")
    page.goto(page.base_url + f"/cooperation/{consultation.pk}/")
    page.fill("#id_reply-note", "按被侵权产品的市场中间价格计算。")
    page.click("[data-testid=do-reply]")
    assert "市场中间价格" in page.inner_text("[data-testid=timeline]")
    assert page.locator("[data-testid=do-reply]").count() == 0  # one opinion per agency
    logout(page)

    browser_login(page, "officer.bj")
    page.goto(page.base_url + f"/cooperation/{consultation.pk}/")
    page.fill("#id_conclude-note", "按市场中间价格认定货值。")
    page.click("[data-testid=do-conclude]")
    assert page.inner_text("[data-testid=record-status]") == "已结束"
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.base_url}])
    page.set_viewport_size({"width": 390, "height": 900})
    page.reload()
    assert page.inner_text("[data-testid=record-status]") == "Ended"
    screenshot(page, "consultation-concluded-en-390")
