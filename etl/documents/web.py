"""Saved web pages: the main text (readability), without navigation, scripts or styles; tables as tab rows."""

from __future__ import annotations

import re

import lxml.html
from readability import Document

from etl.textfile import NotTextError, decode_text

from .errors import NotADocument
from .model import DocumentText, normalise

BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "pre"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


def decode_html(data: bytes, file_name: str) -> str:
    """The page's own <meta charset> first, else UTF-8/GBK/UTF-16 as for text files."""
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii").lower().replace("gb2312", "gb18030"))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_text(data, file_name)
    except NotTextError as exc:
        raise NotADocument(
            file_name, "网页编码无法识别:不是 UTF-8、GBK 或 UTF-16 文本 / the page is not UTF-8, GBK or UTF-16 text"
        ) from exc


def block_text(fragment: str) -> str:
    """Visible text of an HTML fragment, a line per block and a tab between table cells.

    Example: ``block_text("<p>a</p><table><tr><td>x</td><td>1</td></tr></table>") == "a\\nx\\t1"``
    """
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("td", "th"):
            el.tail = "\t" + (el.tail or "")
        elif el.tag in BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag not in ("br", "tr", "li"):  # a table's rows and a list's items stay on consecutive lines
                el.text = "\n" + (el.text or "")
    lines = []
    for line in root.text_content().split("\n"):
        cells = [re.sub(r"[ \u3000\xa0]+", " ", c).strip() for c in line.split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        lines.append("\t".join(cells))
    return normalise("\n".join(lines))


_NOISE = re.compile(r"nav|menu|footer|header|sidebar|breadcrumb|share|copyright|banner|calendar", re.I)


def lost_tables(html: str, kept: str) -> list[str]:
    """Tables of figures (digits and Chinese) outside menus, headers and footers that readability left out
    (it drops short tables of numbers, the very target tables of a county notice)."""
    root = lxml.html.document_fromstring(html)
    out = []
    for table in root.iter("table"):
        if table.xpath("ancestor::table"):
            continue
        noisy = any(
            a.tag in ("nav", "header", "footer") or _NOISE.search(f"{a.get('class', '')} {a.get('id', '')}")
            for a in table.iterancestors()
            if isinstance(a.tag, str)
        )
        text = block_text(lxml.html.tostring(table, encoding="unicode"))
        first = text.split("\n", 1)[0]
        if not noisy and re.search(r"\d", text) and re.search(r"[\u4e00-\u9fff]", text) and first not in kept:
            out.append(text)
    return out


def page_title(html: str) -> str | None:
    """The page's headline: its first <h1> that the <title> holds ("【…】凝聚广西人力量…" of the <title>
    "【…】凝聚广西人力量…_南海网"), not a logo's; None when there is none (readability's short title then)."""
    root = lxml.html.document_fromstring(html)
    full = " ".join((root.findtext(".//title") or "").split())
    for h1 in root.iter("h1"):
        said = " ".join(h1.text_content().split())
        if len(said) >= 4 and said in full:
            return said
    return None


def read_html(data: bytes, file_name: str) -> DocumentText:
    """Example: ``read_html(b"<html><body><nav>首页</nav><p>...</p></body></html>", "a.html")``"""
    html = decode_html(data, file_name)
    try:
        page = Document(html)
        title = page_title(html) or (page.short_title() or "").strip() or None
        text = block_text(page.summary(html_partial=True))
        text = "\n\n".join([text, *lost_tables(html, text)])
    except Exception as exc:  # readability/lxml raise many kinds on broken markup
        raise NotADocument(file_name, f"网页无法解析 / the page cannot be parsed ({type(exc).__name__})") from exc
    if title and title not in text[:500]:
        text = f"{title}\n\n{text}"
    return DocumentText(text=text, format="html", file_name=file_name, size=len(data), title=title)
