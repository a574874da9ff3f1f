"""国务院令第310号 arts.5-6 in the workflow: the materials a transfer carries, the 文号 of its letter,
separation of duties in the special group, and when the police first see it."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from ipshield.cases.services import case_create, case_transition
from ipshield.core.models import Agency, DocumentCounter
from ipshield.transfers.choices import TransferStatus
from ipshield.transfers.models import Transfer
from ipshield.transfers.sample_evidence import attach_required_evidence
from ipshield.transfers.services import transfer_act, transfer_propose

from .conftest import T0, walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def bare_case(cast):
    """A suspected, filed case with no materials uploaded yet."""
    case = case_create(
        actor=cast["officer"],
        data={
            "title": "某公司销售假冒白酒案",
            "domain": "trademark",
            "offence": "sell_goods_with_counterfeit_trademark",
            "conduct_date": T0.date(),
            "facts": {"sales_amount_yuan": 80000},
        },
        now=T0,
    )
    return case_transition(actor=cast["officer"], case=case, event="file", now=T0)


def _approved(cast, case):
    transfer = transfer_propose(
        actor=cast["officer"], case=case, group_member_ids=[cast["officer"].pk, cast["officer2"].pk], report="达到标准"
    )
    return transfer_act(actor=cast["head"], transfer=transfer, action="approve")


def test_a_transfer_without_an_investigation_report_cannot_be_sent(cast, bare_case):
    transfer = _approved(cast, bare_case)
    attach_required_evidence(bare_case, cast["officer"], kinds=("seized_items_list",))
    with pytest.raises(ValidationError) as refused:
        transfer_act(actor=cast["officer"], transfer=transfer, action="send")
    assert "涉嫌犯罪案件情况的调查报告" in str(refused.value)
    assert "涉案物品清单" not in str(refused.value)  # only what is missing is named
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.APPROVED
    assert transfer.letter_number == ""
    assert not DocumentCounter.objects.exists()  # a refused step uses no number
    attach_required_evidence(bare_case, cast["officer"], kinds=("investigation_report",))
    sent = transfer_act(actor=cast["officer"], transfer=transfer, action="send")
    kinds = sorted(a["kind"] for a in sent.manifest["attachments"])
    assert kinds == ["investigation_report", "seized_items_list"]


def test_the_api_refuses_the_send_with_the_missing_material_named(api, cast, bare_case):
    transfer = _approved(cast, bare_case)
    response = api(cast["officer"]).post(f"/api/v1/transfers/{transfer.pk}/send", {})
    assert response.status_code == 422
    assert "涉案物品清单" in response.json()["error"]["message"]


def test_letter_numbers_are_per_agency_and_year_in_order(cast, filed_case, make_user):
    Agency.objects.filter(pk=cast["officer"].agency_id).update(short_name="京市监")
    first = walk(
        transfer_propose(
            actor=cast["officer"],
            case=filed_case,
            group_member_ids=[cast["officer"].pk, cast["officer2"].pk],
            report="一",
        ),
        [("head", "approve", {}, 1), ("officer", "send", {}, 2)],
        cast,
    )
    assert first.letter_number == f"京市监移〔{first.sent_at.year}〕1号"
    second_case = case_create(actor=cast["officer"], data={"title": "第二案", "domain": "trademark"}, now=T0)
    second_case = case_transition(actor=cast["officer"], case=second_case, event="file", now=T0)
    attach_required_evidence(second_case, cast["officer"])
    second = walk(
        transfer_propose(
            actor=cast["officer"],
            case=second_case,
            group_member_ids=[cast["officer"].pk, cast["officer2"].pk],
            report="二",
        ),
        [("head", "approve", {}, 1), ("officer", "send", {}, 2)],
        cast,
    )
    assert second.letter_number == f"京市监移〔{second.sent_at.year}〕2号"


def test_the_letter_names_the_offence_and_lists_the_materials_by_kind(client, cast, proposed):
    sent = walk(proposed, [("head", "approve", {}, 1), ("officer", "send", {}, 2)], cast)
    client.force_login(cast["officer"])
    response = client.get(f"/transfers/{sent.pk}/documents/transfer_letter.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages).replace("\n", "")
    assert "销售假冒注册商标的商品罪" in text
    assert "第214条" in text
    assert "涉嫌犯罪案件情况的调查报告" in text
    assert "涉案物品清单" in text
    assert sent.letter_number in text
    for attachment in sent.manifest["attachments"]:
        assert attachment["sha256"][:16] in text.replace(" ", "")


def test_a_member_of_the_special_group_cannot_approve_as_head(cast, filed_case, make_user):
    head_in_group = cast["head"]
    transfer = transfer_propose(
        actor=cast["officer"], case=filed_case, group_member_ids=[cast["officer"].pk, head_in_group.pk], report="x"
    )
    with pytest.raises(PermissionDenied):
        transfer_act(actor=head_in_group, transfer=transfer, action="approve")
    assert Transfer.objects.get(pk=transfer.pk).status == TransferStatus.PROPOSED


def test_the_police_see_a_transfer_only_once_it_is_sent(client, api, cast, proposed):
    police = api(cast["police"])
    assert police.get(f"/api/v1/transfers/{proposed.pk}").status_code == 404
    client.force_login(cast["police"])
    assert client.get(f"/transfers/{proposed.pk}/").status_code == 404
    approved = transfer_act(actor=cast["head"], transfer=proposed, action="approve")
    assert police.get(f"/api/v1/transfers/{approved.pk}").status_code == 404
    transfer_act(actor=cast["officer"], transfer=approved, action="send")
    assert police.get(f"/api/v1/transfers/{approved.pk}").status_code == 200
    assert client.get(f"/transfers/{approved.pk}/").status_code == 200


def test_after_sending_the_case_banner_says_where_the_transfer_stands(client, cast, proposed):
    sent = walk(proposed, [("head", "approve", {}, 1), ("officer", "send", {}, 2)], cast)
    client.force_login(cast["officer"])
    html = client.get(f"/cases/{sent.case_id}/").content.decode()
    assert 'data-testid="transfer-banner"' in html
    assert "已移送公安机关" in html
    assert "涉嫌犯罪，应当移送" not in html
