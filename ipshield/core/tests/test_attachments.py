import io

import pytest
from django.core.exceptions import ValidationError

from ipshield.core.attachments import attachment_store, blob_path
from ipshield.core.models import Attachment, AuditEvent, Blob

from .file_corpus import LEGITIMATE

PNG = LEGITIMATE["png photo"]()
PDF = LEGITIMATE["pdf one page"]()


@pytest.fixture(autouse=True)
def _attachment_root(settings, tmp_path):
    settings.ATTACHMENT_ROOT = tmp_path / "attachments"


def test_same_content_is_stored_once_under_its_sha256(db, officer):
    first = attachment_store(actor=officer, upload=io.BytesIO(PNG), original_name="a.png")
    second = attachment_store(actor=officer, upload=io.BytesIO(PNG), original_name="copy.png")
    assert first.blob_id == second.blob_id
    assert len(first.blob_id) == 64
    assert Blob.objects.count() == 1
    assert Attachment.objects.count() == 2
    assert blob_path(first.blob_id).read_bytes().startswith(b"\x89PNG")  # re-encoded, same picture
    assert first.blob.content_type == "image/png"
    assert AuditEvent.objects.filter(action="attachment.store").count() == 2


def test_type_is_decided_by_content_not_extension(db, officer):
    with pytest.raises(ValidationError) as excinfo:
        attachment_store(actor=officer, upload=io.BytesIO(b"<script>alert(1)</script>"), original_name="photo.jpg")
    assert excinfo.value.code == "rejected"
    assert Attachment.objects.count() == 0


def test_pdf_named_txt_is_accepted_as_pdf(db, officer):
    stored = attachment_store(actor=officer, upload=io.BytesIO(PDF), original_name="report.txt")
    assert stored.blob.content_type == "application/pdf"


def test_oversized_file_is_refused_and_nothing_is_written(db, officer, tmp_path):
    with pytest.raises(ValidationError) as excinfo:
        attachment_store(actor=officer, upload=io.BytesIO(PNG * 100), original_name="big.png", max_bytes=1000)
    assert excinfo.value.code == "too_large"
    assert Blob.objects.count() == 0


def test_empty_file_is_refused(db, officer):
    with pytest.raises(ValidationError):
        attachment_store(actor=officer, upload=io.BytesIO(b""), original_name="empty.pdf")
