#!/usr/bin/env bash
# Start N ConvViz processes on 127.0.0.1:BASE_PORT.. and nginx on 127.0.0.1:PROXY_PORT in front.
#
#   deploy/start_cluster.sh N          start (N = 1..16), print the URL and the pids
#   deploy/start_cluster.sh status     list what runs
#   deploy/start_cluster.sh stop       stop exactly the processes this script started
#
# Environment: BASE_PORT (8501), PROXY_PORT (8080), RUN_DIR (${TMPDIR:-/tmp}/convviz-cluster),
# LISTEN_ADDRESS (127.0.0.1; set it to the classroom-facing address of the proxy only).
# Without nginx on PATH the Streamlit processes start alone (students then use their ports).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE_PORT="${BASE_PORT:-8501}"
PROXY_PORT="${PROXY_PORT:-8080}"
LISTEN_ADDRESS="${LISTEN_ADDRESS:-127.0.0.1}"
RUN_DIR="${RUN_DIR:-${TMPDIR:-/tmp}/convviz-cluster}"
PYTHON="${PYTHON:-python}"

usage() {
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
}

healthy() {
    "$PYTHON" - "$1" <<'EOF'
import sys, urllib.request
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
try:
    with opener.open(f"http://127.0.0.1:{sys.argv[1]}/_stcore/health", timeout=2) as r:
        sys.exit(0 if r.status == 200 else 1)
except OSError:
    sys.exit(1)
EOF
}

# Before students come, open "/" and then every page once in each process:
# - with a pages/ folder next to app.py, a fresh Streamlit serves direct page links without
#   the router until some session has run "/";
# - 30 first visits at once race on first imports (plotly sees a half-imported pandas and
#   fails) and all miss the caches.
warm_up() {
    "$PYTHON" - "$1" <<'EOF'
import sys
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

from convviz.site import PAGES

url = f"ws://127.0.0.1:{sys.argv[1]}/_stcore/stream"
for page_name in ["", *(p.url_path for p in PAGES)]:
    request = BackMsg()
    request.rerun_script.page_name = page_name
    with connect(url, subprotocols=["streamlit"], max_size=None, proxy=None) as ws:
        ws.send(request.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(ws.recv(timeout=120))
            if reply.WhichOneof("type") == "script_finished":
                break
EOF
}

stop_all() {
    local pidfile pid
    shopt -s nullglob
    for pidfile in "$RUN_DIR"/*.pid; do
        pid="$(cat "$pidfile")"
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" && echo "stopped $(basename "$pidfile" .pid) (pid $pid)"
        fi
        rm -f "$pidfile"
    done
}

status() {
    local pidfile pid state
    shopt -s nullglob
    for pidfile in "$RUN_DIR"/*.pid; do
        pid="$(cat "$pidfile")"
        state="gone"
        kill -0 "$pid" 2>/dev/null && state="running"
        echo "$(basename "$pidfile" .pid) pid $pid $state"
    done
}

case "${1:-}" in
    stop) stop_all; exit 0 ;;
    status) status; exit 0 ;;
    '' | -h | --help) usage ;;
esac

N="$1"
if ! [[ "$N" =~ ^[0-9]+$ ]] || ((N < 1 || N > 16)); then
    echo "N must be a number from 1 to 16" >&2
    exit 2
fi
mkdir -p "$RUN_DIR"
if compgen -G "$RUN_DIR/*.pid" >/dev/null; then
    echo "a cluster seems to run already ($RUN_DIR); use: $0 stop" >&2
    exit 1
fi

# One cookie secret for all processes, so cookies signed by one are valid on another.
STREAMLIT_SERVER_COOKIE_SECRET="$("$PYTHON" -c 'import secrets; print(secrets.token_hex(32))')"
export STREAMLIT_SERVER_COOKIE_SECRET

cd "$ROOT"
# From here on, a failing step stops whatever this run has started.
trap 'echo "start failed; stopping what was started" >&2; stop_all' ERR
upstreams=""
for ((i = 0; i < N; i++)); do
    port=$((BASE_PORT + i))
    nohup "$PYTHON" -m streamlit run app.py \
        --server.headless true \
        --server.port "$port" \
        --server.address 127.0.0.1 \
        >"$RUN_DIR/streamlit-$port.log" 2>&1 </dev/null &
    echo $! >"$RUN_DIR/streamlit-$port.pid"
    upstreams+="        server 127.0.0.1:$port;"$'\n'
done

for ((i = 0; i < N; i++)); do
    port=$((BASE_PORT + i))
    for _ in $(seq 1 120); do
        healthy "$port" && break
        if ! kill -0 "$(cat "$RUN_DIR/streamlit-$port.pid")" 2>/dev/null; then
            echo "streamlit on port $port exited; see $RUN_DIR/streamlit-$port.log" >&2
            stop_all
            exit 1
        fi
        sleep 0.5
    done
    if ! healthy "$port"; then
        echo "streamlit on port $port is not healthy after 60 s" >&2
        stop_all
        exit 1
    fi
    warm_up "$port"
    echo "streamlit  http://127.0.0.1:$port  pid $(cat "$RUN_DIR/streamlit-$port.pid")"
done

if command -v nginx >/dev/null; then
    "$PYTHON" - "$ROOT/deploy/nginx.conf.template" "$RUN_DIR" "$LISTEN_ADDRESS:$PROXY_PORT" \
        "${upstreams%$'\n'}" >"$RUN_DIR/nginx.conf" <<'EOF'
import sys
template, run_dir, listen, upstreams = sys.argv[1:]
text = open(template).read()
for name, value in (("RUN_DIR", run_dir), ("LISTEN", listen), ("UPSTREAMS", upstreams)):
    text = text.replace(f"@{name}@", value)
sys.stdout.write(text)
EOF
    nginx -t -q -e "$RUN_DIR/nginx-error.log" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf"
    nginx -e "$RUN_DIR/nginx-error.log" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf"
    for _ in $(seq 1 50); do
        [[ -s "$RUN_DIR/nginx.pid" ]] && break
        sleep 0.1
    done
    echo "nginx      http://$LISTEN_ADDRESS:$PROXY_PORT  pid $(cat "$RUN_DIR/nginx.pid")"
else
    echo "nginx not found: the $N processes run without a proxy" >&2
fi
echo "logs and pids in $RUN_DIR; stop with: RUN_DIR=$RUN_DIR $0 stop"
