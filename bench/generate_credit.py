"""Fill PostgreSQL with published decisions (one per existing case) and N enterprises for the
disclosure-search and credit-query benchmarks (INSERT … SELECT; run after cases_generate).

Usage: DATABASE_URL=postgres://... SECRET_KEY=x .venv/bin/python bench/generate_credit.py 500000
"""

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ipshield.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.db import connection  # noqa: E402

enterprises = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
assert connection.vendor == "postgresql", "this generator uses PostgreSQL"
started = time.monotonic()
with connection.cursor() as cursor:
    cursor.execute(
        """
        INSERT INTO disclosure_disclosure (region_code, region_province, region_prefecture, agency_id, case_id,
            domain, decision_number, subject, legal_representative, facts, penalty, performance, agency_name,
            decided_on, status, due_at, published_at, change_note, withheld_reason, search_text)
        SELECT c.region_code, c.region_province, c.region_prefecture, c.agency_id, c.id, c.domain,
            '罚' || c.id || '号', split_part(c.title, '销售', 1), '王某', c.facts_text || c.title,
            '罚款、没收非法财物', '十五日内缴纳', a.name, c.lead_received_at::date, 'published', now(), now(),
            '', '', c.number || ' ' || c.title || ' ' || c.facts_text || ' ' || a.name
        FROM cases_case c JOIN core_agency a ON a.id = c.agency_id
        WHERE NOT EXISTS (SELECT 1 FROM disclosure_disclosure d WHERE d.case_id = c.id)
        """
    )
    decisions = cursor.rowcount
    cursor.execute(
        """
        INSERT INTO credit_enterprise (uscc, name, name_key, kind, region_code, created_at)
        SELECT '', n, n, 'enterprise', '110105', now()
        FROM (SELECT (ARRAY['鑫盛','华通','恒远','佳美','宏达','金诚','瑞丰','顺发'])[1 + g %% 8]
                     || '商贸' || g || '有限公司' AS n FROM generate_series(1, %s) AS g) s
        """,
        [enterprises],
    )
    cursor.execute("ANALYZE disclosure_disclosure")
    cursor.execute("ANALYZE credit_enterprise")
print(
    f"inserted {decisions:,} published decisions and {enterprises:,} enterprises in {time.monotonic() - started:.0f} s"
)
