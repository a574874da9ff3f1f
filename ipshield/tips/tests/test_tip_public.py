"""The public side: submission, receipt, status lookup, CAPTCHA, limits and bad input."""

import io

import pytest

from ipshield.core.captcha import solve_for_tests
from ipshield.core.models import Attachment, AuditEvent
from ipshield.core.tests.file_corpus import LEGITIMATE
from ipshield.tips.models import Tip

from .conftest import BODY

pytestmark = pytest.mark.django_db
PNG = LEGITIMATE["png photo"]()


def test_submission_is_routed_and_the_passphrase_is_not_stored(submit, tip_cast):
    response = submit()
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "routed"
    tip = Tip.objects.get(tracking_number=body["tracking_number"])
    assert tip.region_code == "110105"  # 北京市朝阳区 resolved from the address
    assert tip.agency == tip_cast["officer"].agency  # no county or city agency: the province's market regulator
    assert body["passphrase"] not in str(Tip.objects.filter(pk=tip.pk).values().get())
    assert not AuditEvent.objects.filter(after__icontains=body["passphrase"]).exists()


def test_status_lookup_shows_replies_and_the_deadline(submit, client, tip_cast):
    body = submit().json()
    tip = Tip.objects.get(tracking_number=body["tracking_number"])
    from ipshield.tips.services import tip_reply

    tip_reply(actor=tip_cast["officer"], tip=tip, text="已收到，正在核查。")
    status = client.post(
        "/api/v1/public/tips/status",
        {"tracking_number": body["tracking_number"], "passphrase": body["passphrase"]},
        content_type="application/json",
    ).json()
    assert status["status"] == "routed"
    assert status["messages"][0]["text"] == "已收到，正在核查。"
    assert status["deadline"] is not None


def test_wrong_pair_is_404_without_saying_which_half(submit, client):
    body = submit().json()
    wrong_pass = client.post(
        "/api/v1/public/tips/status",
        {"tracking_number": body["tracking_number"], "passphrase": "AAAA-BBBB-CCCC"},
        content_type="application/json",
    )
    wrong_number = client.post(
        "/api/v1/public/tips/status",
        {"tracking_number": "T20990101AAAAAAAA", "passphrase": body["passphrase"]},
        content_type="application/json",
    )
    assert wrong_pass.status_code == wrong_number.status_code == 404
    assert wrong_pass.json() == wrong_number.json()


def test_wrong_passphrases_are_throttled(submit, client, settings):
    settings.IPSHIELD_TIP_LOOKUP_FAILURES = 3
    body = submit().json()
    codes = [
        client.post(
            "/api/v1/public/tips/status",
            {"tracking_number": body["tracking_number"], "passphrase": f"WRONG-{i}"},
            content_type="application/json",
        ).status_code
        for i in range(5)
    ]
    assert codes[:3] == [404, 404, 404]
    assert codes[3:] == [429, 429]
    right = client.post(
        "/api/v1/public/tips/status",
        {"tracking_number": body["tracking_number"], "passphrase": body["passphrase"]},
        content_type="application/json",
    )
    assert right.status_code == 429  # once throttled, even the right pair waits: guessing gains nothing


def test_submissions_are_rate_limited_per_client(submit, settings):
    settings.IPSHIELD_TIP_RATE_PER_HOUR = 2
    codes = [submit().status_code for _ in range(3)]
    assert codes == [201, 201, 429]


def test_captcha_is_required_by_default_and_single_use(client, tip_cast, settings):
    settings.IPSHIELD_CAPTCHA = "on"
    missing = client.post("/api/v1/public/tips", BODY, content_type="application/json")
    assert missing.status_code == 422
    assert missing.json()["error"]["code"] == "captcha"
    challenge = client.get("/api/v1/public/captcha").json()
    answer = solve_for_tests(challenge["token"])
    good = {**BODY, "captcha": {"token": challenge["token"], "answer": answer.lower()}}
    assert client.post("/api/v1/public/tips", good, content_type="application/json").status_code == 201
    assert client.post("/api/v1/public/tips", good, content_type="application/json").status_code == 422
    wrong = client.get("/api/v1/public/captcha").json()
    assert (
        client.post(
            "/api/v1/public/tips",
            {**BODY, "captcha": {"token": wrong["token"], "answer": "XXXXX"}},
            content_type="application/json",
        ).status_code
        == 422
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description": "短"}, "description"),
        ({"domain": "nothing"}, "domain"),
        ({"address": "", "region_code": "999999", "target_name": "x"}, "region_code"),
        ({"address": "某地某街", "region_code": ""}, "region_code"),
        ({"target_uscc": "91350100M000100Y44"}, "target_uscc"),
        ({"target_url": "javascript:alert(1)"}, "target_url"),
        ({"anonymous": False, "reporter": {"name": "", "phone": ""}}, "reporter"),
        (
            {
                "anonymous": False,
                "reporter": {"name": "张三", "phone": "13800000000", "id_number": "110105194912310021"},
            },
            "reporter.id_number",
        ),
        ({"target_name": "", "address": "", "region_code": "110105"}, "target_name"),
        ({"description": 12}, "description"),
    ],
)
def test_bad_input_is_422_and_nothing_is_stored(submit, changes, field):
    response = submit(**changes)
    assert response.status_code == 422, response.content
    assert field in response.json()["error"]["fields"], response.json()
    assert Tip.objects.count() == 0


def test_multipart_with_a_photo(client, no_captcha, tip_cast):
    photo = io.BytesIO(PNG)
    photo.name = "现场.png"
    response = client.post("/api/v1/public/tips", {**BODY, "anonymous": "true", "files": [photo]})
    assert response.status_code == 201, response.content
    tip = Tip.objects.get()
    attachment = Attachment.objects.get(object_id=str(tip.pk))
    assert attachment.blob.content_type == "image/png"


@pytest.mark.parametrize(
    ("content", "name"), [(b"<script>alert(1)</script>", "photo.jpg"), (b"MZ\x90\x00" + b"\x00" * 100, "invoice.pdf")]
)
def test_disguised_files_are_refused_and_nothing_is_stored(client, no_captcha, tip_cast, content, name):
    upload = io.BytesIO(content)
    upload.name = name
    response = client.post("/api/v1/public/tips", {**BODY, "files": [upload]})
    assert response.status_code == 422
    assert Tip.objects.count() == 0


def test_oversized_file_is_refused(client, no_captcha, tip_cast, settings):
    settings.IPSHIELD_TIP_FILE_MAX_BYTES = 1000
    upload = io.BytesIO(PNG * 20)
    upload.name = "big.png"
    response = client.post("/api/v1/public/tips", {**BODY, "files": [upload]})
    assert response.status_code == 422
    assert "文件超过大小上限" in response.json()["error"]["message"]
    assert Tip.objects.count() == 0


def test_duplicates_are_linked_to_the_first_report(submit):
    first = Tip.objects.get(tracking_number=submit(target_uscc="91350100M000100Y43").json()["tracking_number"])
    second = Tip.objects.get(tracking_number=submit(target_uscc="91350100M000100Y43").json()["tracking_number"])
    other_domain = Tip.objects.get(
        tracking_number=submit(target_uscc="91350100M000100Y43", domain="copyright").json()["tracking_number"]
    )
    assert second.duplicate_of == first
    assert second.agency == first.agency
    assert other_domain.duplicate_of is None


def test_reporter_identity_is_encrypted_at_rest(submit):
    body = submit(
        anonymous=False, reporter={"name": "王小明", "phone": "13912345678", "id_number": "11010519491231002X"}
    ).json()
    tip = Tip.objects.get(tracking_number=body["tracking_number"])
    assert "王小明" not in tip.reporter_ciphertext
    assert "13912345678" not in str(Tip.objects.filter(pk=tip.pk).values().get())


def test_unroutable_report_goes_to_the_coordinators(submit, tip_cast):
    body = submit(address="新疆维吾尔自治区乌鲁木齐市天山区", target_name="某店").json()
    tip = Tip.objects.get(tracking_number=body["tracking_number"])
    assert tip.agency == tip_cast["national"].agency  # no competent agency there: the national office
    from ipshield.tips.selectors import tip_list

    assert tip_list(tip_cast["national"], {}).filter(pk=tip.pk).exists()
    assert not tip_list(tip_cast["officer"], {}).filter(pk=tip.pk).exists()


def test_public_report_page_and_status_page(client, tip_cast, no_captcha):
    page = client.get("/tips/report/")
    assert page.status_code == 200
    response = client.post(
        "/tips/report/",
        {
            "domain": "trademark",
            "description": "<script>alert('x')</script>假冒商品",
            "address": "北京市朝阳区",
            "target_name": "某店",
            "anonymous": "on",
        },
    )
    assert response.status_code == 200
    tracking = response.context["tip"].tracking_number
    passphrase = response.context["passphrase"]
    assert passphrase in response.content.decode()
    status = client.post("/tips/status/", {"tracking_number": tracking, "passphrase": passphrase})
    assert "已分办" in status.content.decode()
    wrong = client.post("/tips/status/", {"tracking_number": tracking, "passphrase": "NOPE"})
    assert "查询编号或查询密码不正确" in wrong.content.decode()
    client.force_login(tip_cast["officer"])
    detail = client.get(f"/tips/{response.context['tip'].pk}/").content.decode()
    assert "&lt;script&gt;" in detail
    assert "<script>alert" not in detail


def test_status_lookup_queries_do_not_grow(submit, client, tip_cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ipshield.tips.services import tip_reply

    body = submit().json()
    tip = Tip.objects.get(tracking_number=body["tracking_number"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.post(
                "/api/v1/public/tips/status",
                {"tracking_number": body["tracking_number"], "passphrase": body["passphrase"]},
                content_type="application/json",
            )
        return len(captured)

    few = queries()
    for i in range(5):
        tip_reply(actor=tip_cast["officer"], tip=tip, text=f"回复{i}")
        submit(target_name=f"另一家店{i}")
    assert queries() == few
