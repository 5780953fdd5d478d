"""A Streamlit server of the app on a free loopback port, shared by the browser tests and the
benchmarks so both start, warm up and drive the app the same way.

Nothing here imports the test runner or the ``convviz`` package: the benchmarks run it as
plain code. :func:`start_app_server` raises ``RuntimeError`` when the server does not come
up; the test fixture turns that into a failure.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]  # the repository
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DEFAULT_URL_PATH = "home"  # st.Page(..., default=True) in app.py, served at "/"
SERVER_START_TIMEOUT_S = 60.0

# Counts finished script runs by reading the app's websocket: every ForwardMsg whose top-level
# field 6 (``script_finished``) is set, except "finished early for a rerun" (value 2). The
# ``data-test-script-state`` attribute alone is not enough: when a run's messages arrive
# together, React renders running -> notRunning in one commit and the DOM never shows it.
RUN_COUNTER_JS = """
(() => {
  const runs = {sent: 0, finished: 0, finishedAt: 0};
  window.__convvizRuns = runs;
  const varint = (bytes, at) => {
    let value = 0, scale = 1, i = at;
    while (i < bytes.length) {
      const b = bytes[i++];
      value += (b & 0x7f) * scale;
      scale *= 128;
      if (b < 0x80) return [value, i];
    }
    return [-1, bytes.length];
  };
  const scriptFinished = (buffer) => {
    if (!(buffer instanceof ArrayBuffer)) return false;
    const bytes = new Uint8Array(buffer);
    let i = 0;
    while (i < bytes.length) {
      let tag, value;
      [tag, i] = varint(bytes, i);
      if (tag < 0) return false;
      const field = Math.floor(tag / 8), wire = tag % 8;
      if (wire === 0) {
        [value, i] = varint(bytes, i);
        if (field === 6) return value !== 2;
      } else if (wire === 2) {
        [value, i] = varint(bytes, i);
        i += value;
      } else if (wire === 1) { i += 8; } else if (wire === 5) { i += 4; } else { return false; }
    }
    return false;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (scriptFinished(event.data)) {
          runs.finished += 1;
          runs.finishedAt = performance.now();
        }
      });
    }
    send(data) {
      runs.sent += 1;
      return super.send(data);
    }
  };
})();
"""

IDLE_AFTER_JS = """
(before) => {
  const app = document.querySelector("[data-testid='stApp']");
  return !!app && window.__convvizRuns.finished > before
    && app.getAttribute("data-test-script-state") === "notRunning"
    && document.querySelectorAll("[data-stale='true'], [data-testid='stSkeleton']").length === 0;
}
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class AppServer:
    """A running ``streamlit run app.py`` on the loopback interface."""

    url: str
    port: int
    log: Path


# Loopback only: never through a proxy from the environment.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def healthy(url: str) -> bool:
    """Whether ``<url>/_stcore/health`` answers 200 (loopback, no proxy)."""
    try:
        with _DIRECT.open(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def stop_app_server(process: subprocess.Popen) -> None:
    """Stop the server and everything it started (its own process group)."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


# Runs first in the server's own interpreter: asks Linux for SIGTERM when the parent (the test
# run) dies, then becomes ``python -m streamlit ...``. The server has its own session so that
# teardown can stop its whole group; this keeps it from outliving a run killed before teardown.
DIE_WITH_PARENT = (
    "import ctypes, os, signal, sys; "
    "ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM); "  # PR_SET_PDEATHSIG
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"
)


def streamlit_command(port: int, *extra: str) -> list[str]:
    """``streamlit run app.py`` headless on 127.0.0.1:``port``, tied to this process's life."""
    return [
        sys.executable,
        "-c",
        DIE_WITH_PARENT,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        *extra,
    ]


def _start(port: int, log: Path) -> subprocess.Popen:
    # Tracebacks in the page (and so in failure screenshots); learners get "type".
    command = streamlit_command(
        port, "--client.showErrorDetails", "full", "--browser.gatherUsageStats", "false"
    )
    with log.open("w") as out:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # own process group: teardown kills it whole
        )


def run_root_once(url: str, *, timeout_s: float = SERVER_START_TIMEOUT_S) -> None:
    """Run the app's root page once over the websocket, as a first visitor of ``/`` does.

    With a ``pages/`` folder next to ``app.py``, Streamlit 1.67 serves a fresh server in the
    old folder-based mode (``PagesManager.uses_pages_directory``) until some session has run
    ``app.py`` and so called ``st.navigation``: until then a direct link such as
    ``/standard?lang=zh`` runs ``pages/standard.py`` alone, without the router (no language
    switch, English text). The shared test server is warmed up this way so that results do
    not depend on which test happens to come first;
    ``test_direct_link_on_a_fresh_server_runs_the_router`` checks the cold case on its own.
    """
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    request = BackMsg()
    request.rerun_script.query_string = ""
    request.rerun_script.page_name = ""
    deadline = time.monotonic() + timeout_s
    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    with connect(
        stream, subprotocols=["streamlit"], max_size=None, open_timeout=10, proxy=None
    ) as ws:
        ws.send(request.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(ws.recv(timeout=max(deadline - time.monotonic(), 0.1)))
            if reply.WhichOneof("type") == "script_finished":
                return


def start_app_server(log: Path, *, warm: bool = True) -> tuple[subprocess.Popen, AppServer]:
    """Start ``streamlit run app.py`` on a free loopback port and wait until it is healthy.

    Returns the process (stop it with :func:`stop_app_server`) and its :class:`AppServer`.
    ``warm=True`` runs the root page once first (see :func:`run_root_once`).
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(3):  # another process may grab the port between bind and start
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        process = _start(port, log)
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while process.poll() is None and time.monotonic() < deadline:
            if healthy(url):
                break
            time.sleep(0.2)
        if process.poll() is None and healthy(url):
            break
        stop_app_server(process)
    else:
        raise RuntimeError(f"streamlit did not become healthy; last output:\n{_tail(log)}")
    if warm:
        try:
            run_root_once(url)
        except Exception:
            stop_app_server(process)
            raise
    return process, AppServer(url=url, port=port, log=log)


def page_url(base: str, url_path: str, **query: object) -> str:
    """``<base>/<url_path>?<query>`` with the query values turned into strings.

    The default page (``home`` in ``app.py``) lives at ``/``: ``st.navigation`` answers
    ``/home`` with a "Page not found" dialog.
    """
    path = "" if url_path == DEFAULT_URL_PATH else url_path
    suffix = f"?{urlencode({k: str(v) for k, v in query.items()})}" if query else ""
    return f"{base}/{path}{suffix}"
