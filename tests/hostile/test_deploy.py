"""The server and proxy settings that bound what one client can send, checked as written."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from convviz.images import MAX_UPLOAD_MB
from convviz.inputs import MAX_CUSTOM_TEXT

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
NGINX = (ROOT / "deploy" / "nginx.conf.template").read_text(encoding="utf-8")


def _directives(name: str) -> list[str]:
    """The values of every (uncommented) ``name ...;`` directive of the template."""
    lines = [line.split("#", 1)[0] for line in NGINX.splitlines()]
    return re.findall(rf"^\s*{name}\s+([^;]+);", "\n".join(lines), flags=re.MULTILINE)


def test_websocket_messages_are_capped_near_what_the_app_sends():
    limit_mb = CONFIG["server"]["maxMessageSize"]
    assert 1 <= limit_mb <= 16  # Streamlit's default of 200 MB would let one client send that
    assert limit_mb * 2**20 > MAX_CUSTOM_TEXT * 4  # the longest typed text, 4 bytes a char


def test_the_proxy_lets_the_app_explain_an_upload_that_is_too_large():
    assert CONFIG["server"]["maxUploadSize"] == MAX_UPLOAD_MB
    (body,) = _directives("client_max_body_size")
    assert body.endswith("m") and int(body[:-1]) > MAX_UPLOAD_MB


def test_the_proxy_limits_and_hides_itself():
    assert _directives("server_tokens") == ["off"]
    assert len(_directives("limit_req_zone")) >= 1 and len(_directives("limit_req")) >= 1
    assert len(_directives("limit_conn_zone")) >= 1 and len(_directives("limit_conn")) >= 1
    headers = " ".join(_directives("add_header"))
    for header in ("X-Content-Type-Options", "X-Frame-Options", "frame-ancestors"):
        assert header in headers


def test_the_favicon_is_a_local_file():
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "page_icon=str(FAVICON)" in app
    assert (ROOT / "assets" / "favicon.png").is_file()
    assert "http" not in app.split("set_page_config", 1)[1].split("\n", 1)[0]
