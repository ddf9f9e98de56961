"""Exports link back to the address the app is served at: without PUBLIC_URL that is HOST and PORT, so an app on
port 8079 does not print links to 8050 (found by a planner's test run, session 29)."""

from __future__ import annotations

import pytest

import settings


@pytest.mark.parametrize(
    "env, url",
    [
        ({}, "http://127.0.0.1:8050"),
        ({"PORT": "8079"}, "http://127.0.0.1:8079"),
        ({"HOST": "0.0.0.0", "PORT": "9000"}, "http://127.0.0.1:9000"),
        ({"HOST": "dash.local", "PORT": "80"}, "http://dash.local:80"),
        ({"HOST": "::1"}, "http://[::1]:8050"),
        ({"PORT": "8079", "PUBLIC_URL": "https://fupin.example.gov.cn/"}, "https://fupin.example.gov.cn"),
    ],
)
def test_public_url_follows_host_and_port_unless_set(env, url):
    assert settings.load("sqlite://", env=env).public_url == url
