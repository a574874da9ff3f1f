"""Fill PostgreSQL with N stored reports for the status-lookup benchmark (INSERT … SELECT generate_series).

Usage: DATABASE_URL=postgres://... SECRET_KEY=x .venv/bin/python bench/generate_tips.py 1000000
"""

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipshield.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.db import connection  # noqa: E402

from ipshield.core.models import Agency  # noqa: E402

count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
agency = Agency.objects.filter(code="bj-amr").first()
assert connection.vendor == "postgresql", "this generator uses PostgreSQL's generate_series"
started = time.monotonic()
with connection.cursor() as cursor:
    cursor.execute(
        """
        INSERT INTO tips_tip (region_code, region_province, region_prefecture, tracking_number, passphrase_hash,
            domain, description, address, target_name, target_uscc, target_url, target_key, anonymous, insider,
            reporter_ciphertext, agency_id, status, received_at, accept_due_at, accept_extended, result,
            next_due_at, revision)
        SELECT '110105', '11', '1101', 'G' || lpad(g::text, 16, '0'), md5(g::text) || md5((g + 1)::text),
            'trademark', '批量生成的基准测试举报 ' || g, '北京市朝阳区', '店铺' || (g %% 50000), '', '',
            'name:店铺' || (g %% 50000), true, false, '', %s, 'concluded',
            now() - (g %% 700) * interval '1 day', now(), false, '', NULL, 1
        FROM generate_series(1, %s) AS g
        """,
        [agency.pk if agency else None, count],
    )
    cursor.execute("ANALYZE tips_tip")
print(f"inserted {count:,} reports in {time.monotonic() - started:.0f} s")
