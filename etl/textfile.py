"""Reading policy texts: UTF-8 (with or without BOM), GB18030/GBK, or UTF-16 with a BOM (Windows Notepad's
"Unicode"), as Chinese sites and offices publish them."""

from __future__ import annotations

from pathlib import Path


class NotTextError(ValueError):
    """The file is neither UTF-8 nor GB18030 text."""


def decode_text(raw: bytes, name: str) -> str:
    """Decode bytes of a policy text. Example: ``decode_text("定西".encode("gbk"), "a.txt") == "定西"``."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise NotTextError(f"{name}: not a text file in UTF-8, GBK/GB18030 or UTF-16; save it as UTF-8 text and retry")


def read_text(path: Path) -> str:
    return decode_text(path.read_bytes(), str(path))
