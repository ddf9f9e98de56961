"""Reading policy texts: UTF-8 (with or without BOM) or GB18030/GBK, as Chinese sites publish them."""

from __future__ import annotations

from pathlib import Path


class NotTextError(ValueError):
    """The file is neither UTF-8 nor GB18030 text."""


def decode_text(raw: bytes, name: str) -> str:
    """Decode bytes of a policy text. Example: ``decode_text("定西".encode("gbk"), "a.txt") == "定西"``."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise NotTextError(f"{name}: not a text file in UTF-8 or GBK/GB18030; save it as UTF-8 text and retry")


def read_text(path: Path) -> str:
    return decode_text(path.read_bytes(), str(path))
