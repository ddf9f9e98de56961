"""Limits on what one request may ask the server to read, checked before anything parses it.

A page callback is a JSON POST anyone can forge (with PUBLIC_READ=1 without logging in): a ``url.search`` of a
million parameters, JSON nested 100,000 deep or a megabyte in a text prop would otherwise keep a worker busy for
seconds or end in a 500. Every refusal is a 4xx with a message (JSON for callbacks, plain text elsewhere).

- callbacks (``/_dash-update-component``): at most ``MAX_JSON_VALUES`` values (counted as commas, before
  parsing), nesting at most ``MAX_JSON_DEPTH`` deep, each text at most ``MAX_FIELD_BYTES`` (an upload's
  ``contents`` may be as large as the upload limit), URL props (``search``, ``href``...) at most ``MAX_URL_CHARS``;
- forms (login, logout) and every other body: at most ``MAX_FIELD_BYTES`` in all;
- every URL: a query string of at most ``MAX_URL_CHARS``.

Example::

    refusal({"output": "a.children", "inputs": [{"id": "url", "property": "search", "value": "?" + "a=1&" * 9999}]})
    # (400, "url.search 长度超过 4096 个字符 / is longer than 4096 characters")
"""

from __future__ import annotations

from flask import jsonify, request
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge, RequestURITooLarge

MAX_URL_CHARS = 4096  # URL props and query strings; layouts.urlstate reads no further either

MAX_FIELD_BYTES = 128 * 1024
MAX_JSON_DEPTH = 64
MAX_JSON_VALUES = 100_000
URL_PROPS = frozenset({"search", "href", "pathname", "hash"})
CALLBACK_PATH = "/_dash-update-component"

FORM_TOO_LARGE = (
    "表单内容超过 128 KB,已拒绝。请检查输入后重试。 The form is larger than 128 KB and was refused: check what was "
    "typed and try again."
)
TOO_DEEP = f"回调数据嵌套过深 / the callback's JSON is nested deeper than {MAX_JSON_DEPTH} levels"
URL_TOO_LONG = (
    f"网址过长(查询部分超过 {MAX_URL_CHARS} 个字符)。 The address is too long (query over {MAX_URL_CHARS} characters)."
)


def _scan(value, max_text: int | None) -> str | None:
    """ "deep" when ``value`` nests deeper than allowed, "text" when it holds a text over ``max_text``, else None.

    Iterative, so that depth itself cannot exhaust the stack: ``_scan([["x"]], 0) == "text"``.
    """
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return "deep"
        if isinstance(item, str):
            if max_text is not None and len(item) > max_text // 4 and _utf8_size(item) > max_text:
                return "text"
        elif isinstance(item, dict):
            stack.extend((v, depth + 1) for v in (*item.keys(), *item.values()))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return None


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _items(payload: dict):
    for group in ("inputs", "state"):
        for entry in payload.get(group) or []:
            yield from (entry if isinstance(entry, list) else [entry])  # pattern-matching ALL: a list of items


def _shape_error(payload) -> str | None:
    if not isinstance(payload, dict) or not isinstance(payload.get("output"), str):
        return "回调请求格式不对 / not a callback request: a JSON object with an output is expected"
    for group in ("inputs", "state"):
        if not isinstance(payload.get(group, []), list):
            return f"回调请求格式不对 / not a callback request: {group} must be a list"
    for item in _items(payload):
        if not isinstance(item, dict) or "property" not in item or "id" not in item:
            return "回调请求格式不对 / not a callback request: each input needs an id and a property"
    return None


def _signature_error(payload: dict, callbacks: dict) -> str | None:
    """The inputs and states must be the callback's own, in its order (else its function fails with a 500)."""
    spec = callbacks.get(payload["output"])
    if spec is None:
        return "没有这个回调 / no such callback: reload the page"
    for group in ("inputs", "state"):
        declared, sent = spec.get(group, []), payload.get(group) or []
        if len(declared) != len(sent):
            return f"回调的 {group} 与页面不符 / the callback's {group} do not match the page: reload it"
        for dep, entry in zip(declared, sent, strict=True):
            pattern = dep["id"].startswith("{")
            items = entry if isinstance(entry, list) and pattern else [entry]
            for item in items:
                if item["property"] != dep["property"] or (not pattern and item["id"] != dep["id"]):
                    return f"回调的 {group} 与页面不符 / the callback's {group} do not match the page: reload it"
    return None


def refusal(payload, file_inputs: frozenset | set = frozenset(), callbacks: dict | None = None):
    """Why a parsed callback payload is refused, as (status, message); None when it is within the limits.

    ``file_inputs`` are the ("id", "property") pairs of file uploads, whose text may be as long as an upload;
    ``callbacks`` (the app's ``callback_map``), when given, must declare the inputs and states sent.
    """
    if _scan(payload, None) == "deep":
        return 400, TOO_DEEP
    error = _shape_error(payload) or (callbacks is not None and _signature_error(payload, callbacks)) or None
    if error:
        return 400, error
    for item in _items(payload):
        key = (item["id"] if isinstance(item["id"], str) else "", item["property"])
        name = f"{key[0] or 'pattern'}.{item['property']}"
        value = item.get("value")
        if item["property"] in URL_PROPS and value is not None and not isinstance(value, str):
            return 400, f"{name} 应为文本 / must be text"
        if item["property"] in URL_PROPS and value is not None and len(value) > MAX_URL_CHARS:
            return 400, f"{name} 长度超过 {MAX_URL_CHARS} 个字符 / is longer than {MAX_URL_CHARS} characters"
        if _scan(value, None if key in file_inputs else MAX_FIELD_BYTES):
            return 413, f"{name} 的内容超过 128 KB / holds a text larger than 128 KB"
    if _scan({k: v for k, v in payload.items() if k not in ("inputs", "state")}, MAX_FIELD_BYTES):
        return 413, "回调请求的内容超过 128 KB / the callback names something larger than 128 KB"
    return None


def _callback_refusal(file_inputs, callbacks) -> tuple[int, str] | None:
    body = request.get_data(cache=True)
    if body.count(b",") > MAX_JSON_VALUES:
        return 413, f"回调数据过多 / the callback holds more than {MAX_JSON_VALUES:,} values"
    try:
        payload = request.get_json(force=True)
    except RecursionError:
        return 400, TOO_DEEP
    except BadRequest:
        return 400, "回调数据不是有效的 JSON / the callback's body is not valid JSON"
    return refusal(payload, file_inputs, callbacks)


def file_inputs_of(callback_map: dict) -> frozenset:
    """The ("id", "contents") inputs and states of the app's callbacks: the only texts that may be file-sized."""
    return frozenset(
        (dep["id"], dep["property"])
        for spec in callback_map.values()
        for dep in (*spec.get("inputs", []), *spec.get("state", []))
        if dep.get("property") == "contents" and isinstance(dep.get("id"), str)
    )


def install(dash_app) -> None:
    """Check every request against the limits before any other hook reads it (call before the auth gate)."""
    server = dash_app.server
    cached: dict[str, frozenset] = {}

    @server.before_request
    def _within_limits():
        if len(request.query_string) > MAX_URL_CHARS:
            raise RequestURITooLarge()
        if request.method == "POST" and request.path.endswith(CALLBACK_PATH):
            if "files" not in cached:  # after every callback is registered
                cached["files"] = file_inputs_of(dash_app.callback_map)
            refused = _callback_refusal(cached["files"], dash_app.callback_map)
            if refused:
                return jsonify(error=refused[1]), refused[0]
            return None
        request.max_content_length = MAX_FIELD_BYTES  # forms: the login fields and anything else
        return None

    @server.errorhandler(RequestEntityTooLarge)
    def _too_large(error):
        if request.path.endswith(CALLBACK_PATH):
            return jsonify(error="请求过大 / the request is larger than an upload may be"), 413
        return _plain(FORM_TOO_LARGE, 413)

    @server.errorhandler(RequestURITooLarge)
    def _too_long(error):
        return _plain(URL_TOO_LONG, 414)


def _plain(text: str, status: int):
    return text + "\n", status, {"Content-Type": "text/plain; charset=utf-8"}
