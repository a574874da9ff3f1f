"""The pages' strict Content-Security-Policy (style-src 'self') makes browsers ignore inline
`style` attributes and `<style>`/`<script>` blocks: templates must use the stylesheet."""

import re
from pathlib import Path

import pytest

# Official letters under documents/ are rendered to PDF by WeasyPrint, never served to a browser.
TEMPLATES = sorted(
    p for p in Path(__file__).resolve().parents[2].glob("**/templates/**/*.html") if "documents" not in p.parts
)
assert TEMPLATES, "no templates found"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p).split("templates/", 1)[1])
def test_no_inline_styles_or_scripts(template):
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"\sstyle=\"", text), "inline style attribute (blocked by the CSP): use a CSS class"
    assert "<style" not in text, "inline <style> block (blocked by the CSP)"
    assert not re.search(r"<script(?![^>]*\ssrc=)", text), "inline <script> (blocked by the CSP)"


def test_pages_send_the_strict_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
