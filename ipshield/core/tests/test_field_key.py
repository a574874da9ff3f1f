"""Reporters' identities: encrypted with a key kept apart from the data, rotatable."""

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from ipshield.core import crypto

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_keys():
    crypto.reset_keys()
    yield
    crypto.reset_keys()


def test_rotation_moves_every_identity_to_the_new_key(settings, tip_factory_identity):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.IPSHIELD_FIELD_KEY = old
    crypto.reset_keys()
    tip = tip_factory_identity()
    before = tip.reporter_ciphertext
    settings.IPSHIELD_FIELD_KEY = f"{new},{old}"
    crypto.reset_keys()
    call_command("core_rotate_field_key", verbosity=0)
    tip.refresh_from_db()
    assert tip.reporter_ciphertext != before
    assert Fernet(new.encode()).decrypt(tip.reporter_ciphertext.encode())  # the new key alone reads it
    settings.IPSHIELD_FIELD_KEY = new
    crypto.reset_keys()
    assert crypto.decrypt_json(tip.reporter_ciphertext)["name"] == "王小明"


def test_a_wrong_key_cannot_read_identities(settings, tip_factory_identity):
    settings.IPSHIELD_FIELD_KEY = Fernet.generate_key().decode()
    crypto.reset_keys()
    tip = tip_factory_identity()
    settings.IPSHIELD_FIELD_KEY = Fernet.generate_key().decode()
    settings.SECRET_KEY = "another-secret-key-for-this-test-only"
    crypto.reset_keys()
    with pytest.raises(ValueError, match="cannot decrypt"):
        crypto.decrypt_json(tip.reporter_ciphertext)


@pytest.fixture
def tip_factory_identity(make_user, settings):
    settings.IPSHIELD_CAPTCHA = "off"
    make_user("officer", "110000", username="officer.bj")

    def make():
        from ipshield.tips.services import tip_submit

        tip, _passphrase = tip_submit(
            data={
                "domain": "trademark",
                "description": "某店销售假冒运动鞋，价格明显低于市场价。",
                "address": "北京市朝阳区建国路88号",
                "anonymous": False,
                "reporter": {"name": "王小明", "phone": "13800000000", "id_number": ""},
            }
        )
        return tip

    return make
