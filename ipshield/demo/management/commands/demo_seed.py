"""Load demo agencies, users (one per role) and cases; idempotent and fast the second time."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from ipshield.cases.demo import seed_cases
from ipshield.cooperation.demo import seed_cooperation
from ipshield.core.demo import seed_agencies_and_users
from ipshield.disclosure.demo import seed_disclosures
from ipshield.stats.demo import seed_warning_patterns
from ipshield.tips.demo import seed_tips
from ipshield.transfers.demo import seed_transfers


class Command(BaseCommand):
    help = "Create demo agencies, users per role and realistic cases; print the accounts."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--cases", type=int, default=int(os.environ.get("DEMO_CASES", "3000")))
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("DEMO_PASSWORD") or settings.IPSHIELD_DEMO_PASSWORD_DEFAULT
        accounts = seed_agencies_and_users(password)
        created = seed_cases(options["cases"], progress=None if options["quiet"] else self.stdout)
        transfers = seed_transfers() if options["cases"] else 0
        tips = seed_tips() if options["cases"] else 0
        disclosures = seed_disclosures() if options["cases"] else 0
        alerts = seed_warning_patterns().get("created", 0) if options["cases"] else 0
        cooperation = seed_cooperation() if options["cases"] else 0
        if options["quiet"]:
            return
        self.stdout.write(
            f"demo cases: {created} created, demo transfers: {transfers} created, demo tips: {tips}, "
            f"disclosures: {disclosures}, risk alerts: {alerts}, cooperation records: {cooperation}"
        )
        self.stdout.write("")
        hint = "" if os.environ.get("DEMO_PASSWORD") else ", set DEMO_PASSWORD to change it"
        self.stdout.write(f"Demo accounts (password: {password}{hint})")
        width = max(len(a[0]) for a in accounts)
        for username, role, agency in accounts:
            self.stdout.write(f"  {username.ljust(width)}  {role}  {agency}")
