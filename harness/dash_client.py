"""Run a Dash callback the way a browser does: a POST to ``/_dash-update-component``, through Flask's test client.

The time measured is server time (Dash dispatch, queries, figure building, JSON), without a network.

Example::

    client = DashClient(app)
    body = client.call("..page-content.children...lang-toggle.href..",
                       {"url.pathname": "/region/610000", "url.search": ""})
"""

from __future__ import annotations

import json
import time


class CallbackError(RuntimeError):
    """The callback answered with an HTTP error."""


def _split(key: str) -> tuple[str, str]:
    component, prop = key.rsplit(".", 1)
    return component, prop


def _outputs(output: str) -> list[dict]:
    keys = output.strip(".").split("...") if output.startswith("..") else [output]
    return [dict(zip(("id", "property"), _split(k), strict=True)) for k in keys]


class DashClient:
    def __init__(self, dash_app):
        self.app = dash_app
        self.client = dash_app.server.test_client()
        self.map = dash_app.callback_map

    def find(self, output_prefix: str) -> str:
        """The callback_map key whose outputs start with ``output_prefix`` (e.g. ``"..page-content.children"``)."""
        for key in self.map:
            if key.startswith(output_prefix) or key.strip(".").startswith(output_prefix.strip(".")):
                return key
        raise KeyError(f"no callback with output {output_prefix!r}; have {list(self.map)}")

    def call(self, output: str, values: dict, triggered: list[str] | None = None) -> tuple[dict, float]:
        """POST one callback; ``values`` maps "component.property" to its value for inputs and states.

        Returns (response JSON, server milliseconds).
        """
        spec = self.map[output]

        def fill(items):
            return [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in items]

        inputs = fill(spec["inputs"])
        payload = {
            "output": output,
            "outputs": _outputs(output) if output.startswith("..") else _outputs(output)[0],
            "inputs": inputs,
            "state": fill(spec.get("state", [])),
            "changedPropIds": triggered or [f"{i['id']}.{i['property']}" for i in inputs],
        }
        started = time.perf_counter()
        response = self.client.post(
            "/_dash-update-component", data=json.dumps(payload), content_type="application/json"
        )
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code not in (200, 204):
            raise CallbackError(f"{output}: HTTP {response.status_code}: {response.get_data(as_text=True)[:500]}")
        return (response.get_json() if response.status_code == 200 else {}), elapsed


def page_payload(dependencies: list[dict], pathname: str) -> bytes:
    """The router callback's request body for a path, built from the app's own ``/_dash-dependencies``."""
    spec = next(d for d in dependencies if d["output"].startswith("..page-content.children"))
    outputs = [
        dict(zip(("id", "property"), k.rsplit(".", 1), strict=True)) for k in spec["output"].strip(".").split("...")
    ]
    inputs = [{**i, "value": pathname if i["property"] == "pathname" else ""} for i in spec["inputs"]]
    body = {
        "output": spec["output"],
        "outputs": outputs,
        "inputs": inputs,
        "state": [],
        "changedPropIds": ["url.pathname"],
    }
    return json.dumps(body).encode()
