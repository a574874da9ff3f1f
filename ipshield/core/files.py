"""What an uploaded file really is, and a safe copy of it (issue 10, found 6).

Checking the first bytes let a JPEG header followed by HTML or an executable, a GIF/JS polyglot,
a PDF that runs JavaScript, a .docx zip bomb and a 40000×40000 PNG through. Now:

- images are decoded completely by Pillow under a pixel limit, must end where the image ends (no
  appended payload), and are re-encoded: the stored copy carries no EXIF/GPS and nothing else;
- PDFs are parsed (pypdf): JavaScript, launch actions, embedded files, XFA forms and rich media
  are refused, also when their names are hex-escaped or hidden in compressed object streams;
- Office files must be plain .docx/.xlsx: no macros, no embedded binaries, no external
  templates, and bounded in entries and uncompressed size (zip bombs);
- archives, executables, scripts and every other type are refused;
- a virus scanner (ClamAV's clamd when its socket exists, or any callable named in settings)
  sees every file before it is stored.

`inspect_upload(data)` returns (content type, bytes to store) or raises FileRejected with the
reason in words.
"""

from __future__ import annotations

import io
import re
import socket
import struct
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

MAX_PIXELS = 40_000_000  # 40 megapixels: any camera; far below a decompression bomb
MAX_FRAMES = 100
MAX_ZIP_ENTRIES = 2_000
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 200

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMAGE_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}
PDF_FORBIDDEN_NAMES = (
    b"/javascript",
    b"/js",
    b"/launch",
    b"/embeddedfile",
    b"/embeddedfiles",
    b"/richmedia",
    b"/xfa",
    b"/submitform",
    b"/importdata",
    b"/gotoe",
)
OFFICE_FORBIDDEN = re.compile(r"(vbaProject\.bin|vbaData\.xml|activeX|\.bin$|\.exe$|\.dll$|\.js$|\.vbs$)", re.I)


class FileRejected(ValueError):
    """The file is refused; the message says why (in the request's language)."""


@dataclass(frozen=True)
class CleanFile:
    content_type: str
    data: bytes


# --- images -------------------------------------------------------------------------------------


def _image_ends_cleanly(kind: str, data: bytes) -> bool:
    """No bytes after the image's own end (a payload appended to a valid picture)."""
    stripped = data.rstrip(b"\x00")
    if kind == "PNG":
        return stripped.endswith(b"IEND\xaeB`\x82")
    if kind == "JPEG":
        return stripped.endswith(b"\xff\xd9")
    if kind == "GIF":
        return stripped.endswith(b";")
    if kind == "WEBP":
        return len(data) >= 12 and struct.unpack("<I", data[4:8])[0] + 8 in {len(data), len(data) + 1}
    return False


def _clean_image(data: bytes) -> CleanFile:
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format or ""
                if kind not in IMAGE_FORMATS:
                    raise FileRejected(_("不支持的图片格式。"))
                width, height = probe.size
                frames = getattr(probe, "n_frames", 1)
                if width * height > MAX_PIXELS or frames > MAX_FRAMES or width * height * frames > 4 * MAX_PIXELS:
                    raise FileRejected(_("图片尺寸过大（超过4000万像素）。"))
                if not _image_ends_cleanly(kind, data):
                    raise FileRejected(_("图片文件末尾附带了其他内容，已拒收。"))
                images = []
                for index in range(frames):
                    probe.seek(index)
                    probe.load()  # decodes every pixel: a damaged or disguised file fails here
                    images.append(probe.copy())
                durations = probe.info.get("duration")
    except FileRejected:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        struct.error,
    ) as exc:
        raise FileRejected(_("图片无法完整解码（文件损坏或伪装）。")) from exc
    first = ImageOps.exif_transpose(images[0]) or images[0]  # keep the orientation the camera meant
    out = io.BytesIO()
    if kind == "JPEG":
        first.convert("RGB" if first.mode not in {"L", "RGB"} else first.mode).save(out, "JPEG", quality=92)
    elif kind == "GIF" and len(images) > 1:
        first.save(out, "GIF", save_all=True, append_images=images[1:], duration=durations, loop=0)
    elif kind == "WEBP":
        first.save(out, "WEBP", quality=92)
    else:
        first.save(out, kind)  # re-encoded without metadata (EXIF, GPS, text chunks)
    return CleanFile(IMAGE_FORMATS[kind], out.getvalue())


# --- PDF ----------------------------------------------------------------------------------------


def _pdf_name_text(data: bytes) -> bytes:
    """The bytes with PDF name escapes (#xx) decoded, lower-cased: /J#61vaScript → /javascript."""
    return re.sub(rb"#([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]), data).lower()


def _check_pdf(data: bytes) -> CleanFile:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    def forbidden(text: bytes) -> bool:
        return any(re.search(re.escape(name) + rb"(?![a-z])", text) for name in PDF_FORBIDDEN_NAMES)

    if forbidden(_pdf_name_text(data)):
        raise FileRejected(_("PDF 含有脚本、启动程序或嵌入文件等可执行内容，已拒收。"))
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise FileRejected(_("PDF 已加密，无法检查其内容，请上传未加密的文件。"))
        root = reader.trailer["/Root"]
        seen: set[int] = set()
        # Walk every object reachable from the catalogue, decompressing object streams, so that a
        # /JavaScript inside a compressed stream is found too.
        stack: list[Any] = [root]
        visited = 0
        while stack:
            node = stack.pop()
            visited += 1
            if visited > 200_000:
                raise FileRejected(_("PDF 结构过于复杂，无法检查。"))
            if hasattr(node, "get_object"):
                ref_id = getattr(node, "idnum", None)
                if ref_id is not None:
                    if ref_id in seen:
                        continue
                    seen.add(ref_id)
                node = node.get_object()
            if isinstance(node, dict):
                for key, value in node.items():
                    if forbidden(str(key).lower().encode()):
                        raise FileRejected(_("PDF 含有脚本、启动程序或嵌入文件等可执行内容，已拒收。"))
                    if str(key) == "/S" and forbidden(str(value).lower().encode()):
                        raise FileRejected(_("PDF 含有脚本、启动程序或嵌入文件等可执行内容，已拒收。"))
                    stack.append(value)
            elif isinstance(node, list):
                stack.extend(node)
        len(reader.pages)  # every page must be readable
    except FileRejected:
        raise
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError, RecursionError, OSError) as exc:
        raise FileRejected(_("PDF 文件损坏，无法读取。")) from exc
    return CleanFile("application/pdf", data)


# --- Office ---------------------------------------------------------------------------------------


def _check_office(data: bytes) -> CleanFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise FileRejected(_("文件损坏，无法读取。")) from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise FileRejected(_("文件包含的条目过多，已拒收。"))
        total = sum(info.file_size for info in infos)
        compressed = max(1, sum(info.compress_size for info in infos))
        if total > MAX_ZIP_UNCOMPRESSED or total / compressed > MAX_ZIP_RATIO:
            raise FileRejected(_("文件解压后过大（疑似压缩炸弹），已拒收。"))
        names = [info.filename for info in infos]
        if any(name.startswith(("/", "\\")) or ".." in Path(name).parts for name in names):
            raise FileRejected(_("文件内含非法路径，已拒收。"))
        if "[Content_Types].xml" not in names:
            raise FileRejected(_("不允许上传压缩包，请上传 PDF、图片或 Word/Excel 文件。"))
        if any(OFFICE_FORBIDDEN.search(name) for name in names):
            raise FileRejected(_("Office 文件含有宏、控件或嵌入程序，已拒收。"))
        content_types = archive.read("[Content_Types].xml").lower()
        if b"macroenabled" in content_types or b"vbaproject" in content_types:
            raise FileRejected(_("Office 文件含有宏、控件或嵌入程序，已拒收。"))
        for name in names:
            if name.endswith(".rels") and b'targetmode="external"' in archive.read(name).lower():
                raise FileRejected(_("Office 文件引用了外部模板或链接，已拒收。"))
        if any(n.startswith("word/") for n in names):
            return CleanFile(DOCX, data)
        if any(n.startswith("xl/") for n in names):
            return CleanFile(XLSX, data)
    raise FileRejected(_("不允许上传压缩包，请上传 PDF、图片或 Word/Excel 文件。"))


# --- virus scanning -----------------------------------------------------------------------------

CLAMD_SOCKETS = ("/var/run/clamav/clamd.ctl", "/run/clamav/clamd.ctl", "/var/run/clamd.scan/clamd.sock")


def clamd_scan(data: bytes, socket_path: str) -> str | None:
    """ClamAV's INSTREAM over its Unix socket: the signature name when infected, else None."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(30)
        conn.connect(socket_path)
        conn.sendall(b"zINSTREAM\0")
        for start in range(0, len(data), 1 << 16):
            chunk = data[start : start + (1 << 16)]
            conn.sendall(struct.pack("!L", len(chunk)) + chunk)
        conn.sendall(struct.pack("!L", 0))
        reply = conn.recv(4096).decode(errors="replace").strip("\0\n ")
    if reply.endswith("FOUND"):
        return reply.split(":", 1)[-1].removesuffix("FOUND").strip()
    return None


def virus_scanner() -> Callable[[bytes], str | None] | None:
    """IPSHIELD_VIRUS_SCANNER: "auto" (clamd when its socket exists), "off", or a dotted path to a
    callable(bytes) -> signature name or None."""
    choice = str(getattr(settings, "IPSHIELD_VIRUS_SCANNER", "auto") or "auto")
    if choice == "off":
        return None
    if choice != "auto":
        scanner: Callable[[bytes], str | None] = import_string(choice)
        return scanner
    for path in CLAMD_SOCKETS:
        if Path(path).exists():
            return lambda data, path=path: clamd_scan(data, path)  # type: ignore[misc]
    return None


# --- entry point ----------------------------------------------------------------------------------


def inspect_upload(data: bytes) -> CleanFile:
    """Decide what the bytes are and return the copy to store; FileRejected says why not."""
    if not data:
        raise FileRejected(_("文件为空。"))
    scanner = virus_scanner()
    if scanner is not None:
        found = scanner(data)
        if found:
            raise FileRejected(_("病毒扫描发现威胁（%(name)s），已拒收。") % {"name": found})
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return _check_pdf(data)
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return _clean_image(data)
    if head.startswith(b"PK\x03\x04"):
        return _check_office(data)
    raise FileRejected(_("不支持的文件类型（按文件内容判断）。允许：PDF、PNG、JPEG、GIF、WebP、Word、Excel。"))
