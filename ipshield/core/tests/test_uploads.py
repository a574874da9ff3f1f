"""Issue 10, found 6 and R6: hostile uploads are refused (0 stored), legitimate ones accepted
(0 refused), images are stored without metadata, and evidence is read back only by those who
may see its record."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from ipshield.cases.services import case_create
from ipshield.core.attachments import attachment_store
from ipshield.core.files import FileRejected, inspect_upload
from ipshield.core.models import Attachment, AuditEvent, Blob

from .file_corpus import HOSTILE, LEGITIMATE


def test_the_corpus_is_large_enough():
    assert len(HOSTILE) >= 40
    assert len(LEGITIMATE) >= 20


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_in_words(name):
    with pytest.raises(FileRejected) as excinfo:
        inspect_upload(HOSTILE[name]())
    assert str(excinfo.value)  # a reason a person can read


@pytest.mark.parametrize("name", sorted(LEGITIMATE))
def test_legitimate_file_is_accepted(name):
    clean = inspect_upload(LEGITIMATE[name]())
    assert clean.data
    assert clean.content_type


@pytest.mark.django_db
def test_no_hostile_file_is_stored(officer):
    case = case_create(actor=officer, data={"title": "证据测试案", "domain": "trademark"})
    refused = 0
    for name, build in HOSTILE.items():
        with pytest.raises(ValidationError):
            attachment_store(actor=officer, upload=io.BytesIO(build()), original_name=f"{name}.jpg", target=case)
        refused += 1
    assert refused == len(HOSTILE)
    assert Attachment.objects.count() == 0
    assert Blob.objects.count() == 0


def test_images_are_stored_without_exif_or_gps():
    clean = inspect_upload(LEGITIMATE["jpeg with exif gps"]())
    stored = Image.open(io.BytesIO(clean.data))
    assert not stored.getexif()
    assert b"CameraMaker" not in clean.data


def test_a_virus_scanner_sees_every_file(settings):
    settings.IPSHIELD_VIRUS_SCANNER = "ipshield.core.tests.test_uploads.fake_scanner"
    with pytest.raises(FileRejected, match="Fake.Test"):
        inspect_upload(LEGITIMATE["pdf one page"]())


def fake_scanner(data: bytes) -> str | None:
    return "Fake.Test.Signature" if data.startswith(b"%PDF") else None


@pytest.mark.django_db
def test_evidence_download_is_scoped_audited_and_never_sniffed(client, officer, make_user):
    case = case_create(actor=officer, data={"title": "证据下载案", "domain": "trademark"})
    stored = attachment_store(
        actor=officer, upload=io.BytesIO(LEGITIMATE["pdf one page"]()), original_name="现场笔录.pdf", target=case
    )
    url = f"/files/{stored.pk}/"
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(make_user("officer", "310000", username="officer.sh"))
    assert client.get(url).status_code == 404  # another region: as if it did not exist
    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="attachment.download", object_id=str(stored.pk)).count() == 1
    for bad in ["999999", "0"]:
        assert client.get(f"/files/{bad}/").status_code == 404
