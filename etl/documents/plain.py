"""Plain-text documents: UTF-8 (BOM or not), GBK/GB18030, UTF-16 with a BOM."""

from __future__ import annotations

from etl.textfile import NotTextError, decode_text

from .errors import NotADocument
from .model import DocumentText


def read_txt(data: bytes, file_name: str) -> DocumentText:
    """Example: ``read_txt("定西".encode("gbk"), "a.txt").text == "定西"``"""
    try:
        text = decode_text(data, file_name)
    except NotTextError as exc:
        raise NotADocument(
            file_name,
            "不是文本文件:不是 UTF-8、GBK/GB18030 或 UTF-16 编码的文本 / "
            "not a text file in UTF-8, GBK/GB18030 or UTF-16",
            "用文本编辑器打开,另存为 UTF-8 文本(记事本:另存为 → 编码 UTF-8)后重试 / "
            "open it in a text editor and save it as UTF-8 text, then retry",
        ) from exc
    # verbatim (offsets as the build reads data/sources/); the sha256 is of the normalised text
    return DocumentText(text=text, format="txt", file_name=file_name, size=len(data))
