"""Write every English msgstr from scripts/translations_en.py (the one source of the English text);
report msgids that have no English yet.

Usage: .venv/bin/python scripts/fill_translations.py   (after `make messages`)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from translations_en import EN

PO = Path(__file__).resolve().parent.parent / "ipshield" / "locale" / "en" / "LC_MESSAGES" / "django.po"
ENTRY = re.compile(
    r'(?:msgctxt "(?P<context>(?:[^"\\]|\\.)*)"\n)?'
    r'(msgid "((?:[^"\\]|\\.)*)"\n(msgid_plural "(?:[^"\\]|\\.)*"\n)?)((?:msgstr(?:\[\d\])? "(?:[^"\\]|\\.)*"\n)+)'
)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _unfuzz(text: str) -> str:
    """makemessages guesses translations of new strings from similar old ones (fuzzy): drop the guess."""
    blocks = []
    for block in text.split("\n\n"):
        if "#, fuzzy" in block and 'msgid ""\nmsgstr ""\n"Project' not in block:
            lines = [line for line in block.split("\n") if not line.startswith("#|")]
            lines = [line.replace("#, fuzzy, ", "#, ").replace("#, fuzzy", "") for line in lines]
            cleaned = "\n".join(line for line in lines if line.strip() != "")
            cleaned = re.sub(r'msgstr "(?:[^"\\]|\\.)*"(\n"(?:[^"\\]|\\.)*")*', 'msgstr ""', cleaned)
            cleaned = re.sub(r'msgstr\[(\d)\] "(?:[^"\\]|\\.)*"', r'msgstr[\1] ""', cleaned)
            block = cleaned
        blocks.append(block)
    return "\n\n".join(blocks).replace("#, fuzzy\n", "")


def main() -> int:
    text = _unfuzz(PO.read_text(encoding="utf-8"))
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        msgid = match.group(3).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        if not msgid:
            return match.group(0)
        context = match.group("context")
        # A word in a particular use (msgctxt) is keyed "context\x04msgid", as gettext itself does.
        key = f"{context}\x04{msgid}" if context is not None else msgid
        head = f'msgctxt "{context}"\n{match.group(2)}' if context is not None else match.group(2)
        english = EN.get(key)
        if english is None:
            missing.append(key.replace("\x04", " | "))
            return match.group(0)
        if match.group(4):
            one, many = english if isinstance(english, tuple) else (english, english)
            return f'{head}msgstr[0] "{_escape(one)}"\nmsgstr[1] "{_escape(many)}"\n'
        return f'{head}msgstr "{_escape(english)}"\n'

    PO.write_text(ENTRY.sub(fill, text), encoding="utf-8")
    for msgid in missing:
        print(f"missing English for: {msgid}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
