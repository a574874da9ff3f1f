"""A CAPTCHA generated locally (no external service): distorted letters and digits as a noisy PNG.

The answer travels only inside a signed, expiring token; each token is accepted once.
IPSHIELD_CAPTCHA=off switches it off (integration tests, trusted intranet kiosks).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import math
import secrets
import sys

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


def _png(text: str) -> bytes:
    """The characters drawn as a noisy raster image: each rotated and offset on its own, crossed by
    lines and arcs, sprinkled with dots, then waved. No text survives in the file (the SVG it
    replaces carried the answer as text, and a three-line regex solved it)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = secrets.SystemRandom()
    width, height = 180, 60
    image = Image.new("RGB", (width, height), (rng.randint(235, 250), rng.randint(235, 250), rng.randint(235, 250)))
    draw = ImageDraw.Draw(image)
    for _ in range(120):  # speckles
        draw.point((rng.randrange(width), rng.randrange(height)), fill=tuple(rng.randint(120, 200) for _ in range(3)))
    for index, char in enumerate(text):
        font = ImageFont.load_default(size=rng.randint(30, 38))
        glyph = Image.new("RGBA", (48, 56), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((8, 2), char, font=font, fill=tuple(rng.randint(20, 90) for _ in range(3)) + (255,))
        glyph = glyph.rotate(rng.uniform(-28, 28), resample=Image.Resampling.BICUBIC, expand=False)
        image.paste(glyph, (6 + index * 33 + rng.randint(-4, 4), rng.randint(-2, 8)), glyph)
    for _ in range(4):  # strike-through lines and arcs in the text's own colours
        colour = tuple(rng.randint(30, 110) for _ in range(3))
        draw.line(
            [(rng.randint(0, 40), rng.randint(5, 55)), (rng.randint(140, 180), rng.randint(5, 55))],
            fill=colour,
            width=2,
        )
        box = sorted((rng.randint(0, width), rng.randint(0, width)))
        draw.arc(
            [box[0], rng.randint(0, 20), box[1] + 20, rng.randint(40, 70)],
            rng.randint(0, 180),
            rng.randint(180, 360),
            fill=colour,
            width=2,
        )
    amplitude, period = rng.uniform(2, 4), rng.uniform(24, 40)
    waved = Image.new("RGB", (width, height), image.getpixel((0, 0)))
    for x in range(width):  # a vertical wave: columns shift up and down
        shift = int(amplitude * math.sin(x / period * 6.283))
        waved.paste(image.crop((x, 0, x + 1, height)), (x, shift))
    waved = waved.filter(ImageFilter.SMOOTH)
    out = io.BytesIO()
    waved.save(out, "PNG", optimize=True)
    return out.getvalue()


def captcha_new() -> dict[str, str]:
    """{"token": ..., "image": "data:image/svg+xml;base64,..."}"""
    answer = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    nonce = secrets.token_urlsafe(12)
    token = signing.dumps({"n": nonce, "d": _digest(answer, nonce)}, salt=_SALT)
    image = "data:image/png;base64," + base64.b64encode(_png(answer)).decode()
    if "pytest" in sys.modules:  # the test suite reads answers back (core.testing); never in a server
        cache.set(f"captcha-test-answer:{nonce}", answer, MAX_AGE_SECONDS)
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


def solve_for_tests(token: str) -> str:
    """The answer of a challenge made in this test run (the suite has no OCR)."""
    data = signing.loads(token, salt=_SALT, max_age=MAX_AGE_SECONDS)
    return str(cache.get(f"captcha-test-answer:{data['n']}") or "")
