"""``/api/v1/docs``: a plain HTML page generated from the OpenAPI document (no script, nothing from a CDN).

Example: ``page(document(), "http://127.0.0.1:8050")`` is the whole page as text.
"""

from __future__ import annotations

import re
from html import escape

PRE = "<pre class='bg-light p-2' style='white-space: pre-wrap; word-break: break-all'>"
EXAMPLES = {
    "regions": "?parent=610000",
    "indicators": "",
    "figures": "?region=610000&indicator=poor_population_reduced&limit=5",
    "progress": "?region=610000&indicator=poor_population_reduced&to=2019",
}


def _inline(text: str) -> str:
    """Escaped text with `code` spans: ``_inline("send `next`") == "send <code>next</code>"``."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))


def _parameters(op: dict) -> str:
    if not op["parameters"]:
        return "<p class='text-muted'>无参数 · no parameters</p>"
    rows = "".join(
        f"<tr><td><code>{escape(p['name'])}</code>{' *' if p['required'] else ''}</td>"
        f"<td><code>{escape(_type(p['schema']))}</code></td><td>{_inline(p['description'])}</td></tr>"
        for p in op["parameters"]
    )
    return (
        "<table class='table table-sm'><thead><tr><th>参数 parameter</th><th>值 values</th>"
        f"<th>说明 meaning</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _type(schema: dict) -> str:
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    text = schema["type"]
    if "default" in schema:
        text += f" (default {schema['default']})"
    return text


def page(doc: dict, base_url: str) -> str:
    sections = []
    for path, item in doc["paths"].items():
        if path.endswith(".csv"):
            continue
        op, name = item["get"], path.rsplit("/", 1)[-1]
        example = f"{base_url}{path}{EXAMPLES.get(name, '')}"
        sections.append(
            f"<section class='mb-4' id='{escape(name)}'><h2 class='h5'><code>GET {escape(path)}</code> · "
            f"<code>{escape(path)}.csv</code></h2><p><strong>{escape(op['summary'])}</strong></p>"
            f"<p>{_inline(op['description'])}</p>{_parameters(op)}"
            f"{PRE}curl -H 'Authorization: Bearer fpt_…' '{escape(example)}'</pre></section>"
        )
    info = doc["info"]
    return (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(info['title'])}</title>"
        "<link rel='stylesheet' href='/vendor/bootstrap/bootstrap.min.css'></head>"
        "<body><main class='container my-4' style='max-width: 60rem'>"
        f"<h1 class='h3'>{escape(info['title'])} <small class='text-muted'>v{escape(info['version'])}</small></h1>"
        f"<p>{_inline(info['description'])}</p>"
        "<p>机器可读文档 · machine-readable: <a href='/api/v1/openapi.json'>/api/v1/openapi.json</a> (OpenAPI "
        f'{escape(doc["openapi"])}). 错误 · errors: <code>{{"error": "…", "status": 401}}</code>; '
        "429 with <code>Retry-After</code> when a token exceeds its rate.</p>"
        + "".join(sections)
        + "</main></body></html>"
    )
