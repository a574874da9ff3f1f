# mypy: ignore-errors
# (factory_boy ships no type hints; these classes are test support only.)
"""Test data factories (factory_boy): one place that knows how to make a valid agency or user.

Used by the shared fixtures in conftest.py (`make_agency`, `make_user`); new apps add their own
factories beside their models' tests instead of hand-building rows in every test module.
"""

from __future__ import annotations

from typing import Any

import factory
from factory.django import DjangoModelFactory

from ipshield.core import regions as region_codes
from ipshield.core.choices import AGENCY_KIND_OF_ROLE, AgencyKind, Role
from ipshield.core.models import Agency, User
from ipshield.core.text import source_text

TEST_PASSWORD = "correct-horse-battery"


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    region_id = "110000"
    kind = AgencyKind.MARKET_REGULATION
    level = factory.LazyAttribute(lambda a: region_codes.level_of(a.region_id))
    code = factory.LazyAttribute(lambda a: f"{a.kind}-{a.region_id}-{a.level}")
    # A name a person could read (区划 + 机关类别), never the kind's internal id.
    name = factory.LazyAttribute(lambda a: f"{a.region_id}{source_text(AgencyKind(a.kind).label)}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        region = "110000"

    role = Role.OFFICER
    username = factory.Sequence(lambda n: f"user{n}")
    agency = factory.LazyAttribute(
        lambda u: (
            None
            if u.role in {Role.ADMIN, Role.AUDITOR}
            else AgencyFactory(region_id=u.region, kind=AGENCY_KIND_OF_ROLE[u.role])
        )
    )
    is_superuser = factory.LazyAttribute(lambda u: u.role == Role.ADMIN)
    is_staff = factory.LazyAttribute(lambda u: u.role == Role.ADMIN)

    @factory.post_generation
    def password(self: User, create: bool, extracted: Any, **kwargs: Any) -> None:
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save(update_fields=["password"])
