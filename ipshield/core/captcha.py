"""A CAPTCHA generated locally (no external service): distorted digits and letters as SVG.

The answer travels only inside a signed, expiring token; each token is accepted once.
IPSHIELD_CAPTCHA=off switches it off (integration tests, trusted intranet kiosks).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I
LENGTH = 5
MAX_AGE_SECONDS = 600
_SALT = "ipshield.captcha"


def captcha_enabled() -> bool:
    return str(getattr(settings, "IPSHIELD_CAPTCHA", "on")).lower() not in {"off", "0", "false", "no"}


def _digest(answer: str, nonce: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{nonce}:{answer.strip().upper()}".encode(), hashlib.sha256).hexdigest()


def _svg(text: str) -> str:
    rng = secrets.SystemRandom()
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="56" viewBox="0 0 160 56">',
        '<rect width="160" height="56" fill="#f3f4f6"/>',
    ]
    for _ in range(6):
        parts.append(
            f'<line x1="{rng.randint(0, 160)}" y1="{rng.randint(0, 56)}" x2="{rng.randint(0, 160)}" '
            f'y2="{rng.randint(0, 56)}" stroke="#{rng.randint(0x888888, 0xBBBBBB):06x}" stroke-width="1.5"/>'
        )
    for index, char in enumerate(text):
        x = 14 + index * 28 + rng.randint(-3, 3)
        y = 38 + rng.randint(-6, 6)
        parts.append(
            f'<text x="{x}" y="{y}" font-family="monospace" font-size="{rng.randint(26, 32)}" '
            f'font-weight="bold" fill="#{rng.randint(0x202020, 0x606060):06x}" '
            f'transform="rotate({rng.randint(-18, 18)} {x} {y})">{char}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def captcha_new() -> dict[str, str]:
    """{"token": ..., "image": "data:image/svg+xml;base64,..."}"""
    answer = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    nonce = secrets.token_urlsafe(12)
    token = signing.dumps({"n": nonce, "d": _digest(answer, nonce)}, salt=_SALT)
    image = "data:image/svg+xml;base64," + base64.b64encode(_svg(answer).encode()).decode()
    return {"token": token, "image": image}


def captcha_check(token: str, answer: str) -> bool:
    """True once per token when the answer matches and the token is fresh."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return False
    nonce = str(data.get("n", ""))
    if not hmac.compare_digest(str(data.get("d", "")), _digest(answer or "", nonce)):
        return False
    return bool(cache.add(f"captcha-used:{nonce}", 1, MAX_AGE_SECONDS))


def solve_for_tests(token: str, image: str) -> str:
    """Read the answer back from the SVG (tests only: the answer is drawn as text)."""
    import re

    svg = base64.b64decode(image.split(",", 1)[1]).decode()
    return "".join(re.findall(r">([A-Z0-9])</text>", svg))
