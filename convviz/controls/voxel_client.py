"""The browser side of the 3-D voxel view: inline CSS and JavaScript, nothing loaded from elsewhere.

The script draws a :func:`convviz.figures.conv3d.voxels.voxel_scene` on a 2-D canvas: an
orthographic view of unit cubes, their visible faces painted far to near (the faint clip, then
the solid cubes the window reads, shaded by the side they face), the window's box, three
labelled axes and the colour scale. Dragging turns the view (the angle is kept on the
component's element, so a new setting keeps it), and so do the arrow keys on the focused view;
pointing at a cube shows its value; ▶ and
the view's own step slider walk the window through every output cell. None of it runs the
page again: a canvas needs no graphics acceleration, where a WebGL scene drawn in software
took 0.5–1.5 s per change.

For tests the root element carries ``data-step`` (the step drawn), ``data-faces`` (faces
painted) and ``data-yaw``; ``window.__convvizVoxelDraws`` collects each drawing's time in ms.
"""

VOXEL_CSS = """
.cvz-voxels { font-family: "Source Sans Pro", sans-serif; color: #1a1a1a; position: relative; }
.cvz-voxels .cvz-hint { font-size: 14px; color: #555; margin: 0 0 4px 0; }
.cvz-voxels canvas { display: block; width: 100%; touch-action: pan-y; cursor: grab; }
.cvz-voxels canvas.cvz-dragging { cursor: grabbing; }
.cvz-voxels .cvz-tip {
  position: absolute; pointer-events: none; display: none; white-space: nowrap;
  background: #ffffff; border: 1px solid #999; border-radius: 4px; padding: 2px 6px;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 14px;
}
.cvz-voxels .cvz-controls {
  display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin-top: 6px;
  font-size: 14px;
}
.cvz-voxels button {
  font: inherit; font-size: 14px; padding: 4px 10px; border: 1px solid #bbb;
  border-radius: 6px; background: #fff; color: #1a1a1a; cursor: pointer;
}
.cvz-voxels input[type=range] { flex: 1 1 160px; min-width: 120px; }
"""

VOXEL_JS = """
export default function (component) {
  const { parentElement } = component;
  // {"start": step, "scene": voxel_scene(...)}, as JSON text (the scene written once)
  const sent = typeof component.data === "string" ? JSON.parse(component.data) : component.data;
  parentElement.querySelectorAll(".cvz-voxels").forEach((old) => {
    if (old.__stop) old.__stop();
    old.remove();
  });
  const data = sent && sent.scene;
  if (!data || !data.shape) return;
  const view = parentElement.__cvzView || (parentElement.__cvzView = { yaw: -0.785, pitch: 0.42 });
  const L = data.labels;
  const [D, H, W] = data.shape;
  const [OD, OH, OW] = data.out_shape;
  const steps = OD * OH * OW;
  let step = Math.min(Math.max(Number(sent.start) || 0, 0), steps - 1);
  const make = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const root = make("div", "cvz-voxels");
  const canvas = make("canvas");
  const tip = make("div", "cvz-tip");
  const controls = make("div", "cvz-controls");
  const play = make("button", "cvz-play", L.play);
  const pause = make("button", "cvz-pause", L.pause);
  const label = make("span", "cvz-step");
  const slider = make("input");
  slider.type = "range";
  slider.min = "0";
  slider.max = String(steps - 1);
  slider.value = String(step);
  controls.append(play, pause, label, slider);
  if (steps === 1) play.hidden = pause.hidden = slider.hidden = true; // one cell: nowhere to go
  root.append(make("div", "cvz-hint", L.hint), canvas, tip, controls);
  parentElement.appendChild(root);

  // colours: each level's fill, shaded by the side a face looks to (top light, sides darker)
  const NORMALS = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]];
  const SHADE = [0.86, 0.86, 0.74, 0.74, 1.0, 0.6];
  const shaded = data.levels.map((lv) => {
    const rgb = [1, 3, 5].map((k) => parseInt(lv.fill.slice(k, k + 2), 16));
    return SHADE.map((s) => `rgb(${rgb.map((v) => Math.round(v * s)).join(",")})`);
  });
  const zero = data.levels.map((lv) => lv.zero);
  const at = (z, r, c) => (z * H + r) * W + c;
  const faint = [];
  if (data.faint) {
    for (let i = 0; i < D * H * W; i++) if (!zero[data.level[i]]) faint.push(i);
  }
  const taps = [];
  for (let k = 0; k < data.taps.length; k += 3) taps.push(data.taps.slice(k, k + 3));

  const coordsOf = (i) => [Math.floor(i / (H * W)), Math.floor(i / W) % H, i % W];
  function cellOf(n) {
    return [Math.floor(n / (OH * OW)), Math.floor(n / OW) % OH, n % OW];
  }
  function windowOf(n) {
    const cell = cellOf(n);
    const origin = cell.map((v, a) => v * data.stride[a]);
    const read = new Set(taps.map(([a, i, j]) => at(origin[0] + a, origin[1] + i, origin[2] + j)));
    return { cell, origin, read };
  }

  let width = 0, height = 0, faces = [];
  function draw() {
    const begun = performance.now();
    width = Math.max(root.clientWidth, 240);
    height = Math.round(Math.min(520, Math.max(340, width * 0.76)));
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.height = height + "px";
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const cy = Math.cos(view.yaw), sy = Math.sin(view.yaw);
    const cp = Math.cos(view.pitch), sp = Math.sin(view.pitch);
    const right = [-sy, cy, 0], up = [-sp * cy, -sp * sy, cp], eye = [cp * cy, cp * sy, sp];
    const dot = (u, v) => u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    // world: x = frame, y = column, z = −row (rows run downwards), centred on the padded clip
    const centre = [(D - 1) / 2, (W - 1) / 2, -(H - 1) / 2];
    const radius = 0.5 * Math.hypot(D, H, W);
    const legendRoom = 64;
    const scale = Math.min((width - legendRoom - 70) / (2 * radius), (height - 56) / (2 * radius));
    const ox = (width - legendRoom) / 2, oy = height / 2 + 6;
    const world = (z, r, c) => [z - centre[0], c - centre[1], -r - centre[2]];
    const screen = (p) => [ox + scale * dot(p, right), oy - scale * dot(p, up), dot(p, eye)];

    // the visible faces of a cube and their corners, as offsets from its centre
    const visible = [];
    NORMALS.forEach((n, f) => {
      const facing = dot(n, eye);
      if (facing <= 1e-9) return;
      const axis = n.findIndex((v) => v !== 0);
      const [u, v] = [0, 1, 2].filter((a) => a !== axis);
      const corners = [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([a, b]) => {
        const p = [0, 0, 0];
        p[axis] = n[axis];
        p[u] = a;
        p[v] = b;
        return p;
      });
      visible.push({ f, n, corners });
    });
    const { origin, read, cell } = windowOf(step);
    const cubes = [];
    for (const i of faint) if (!read.has(i)) cubes.push([i, 0.42, false]);
    for (const i of read) cubes.push([i, 0.44, true]);
    faces = [];
    for (const [i, half, solid] of cubes) {
      const p = world(...coordsOf(i));
      for (const face of visible) {
        const pts = face.corners.map((q) =>
          screen([p[0] + half * q[0], p[1] + half * q[1], p[2] + half * q[2]]));
        faces.push({ i, solid, f: face.f, pts, depth: dot(p, eye) + half * dot(face.n, eye) });
      }
    }
    faces.sort((a, b) => a.depth - b.depth);
    for (const face of faces) {
      ctx.beginPath();
      face.pts.forEach(([x, y], k) => (k ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
      ctx.closePath();
      ctx.globalAlpha = face.solid ? 0.95 : 0.2;
      ctx.fillStyle = shaded[data.level[face.i]][face.f];
      ctx.fill();
      if (face.solid) {
        ctx.globalAlpha = 0.5;
        ctx.strokeStyle = "#333333";
        ctx.lineWidth = 0.8;
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;

    // the window's box
    const lo = origin.map((v) => v - 0.5);
    const hi = origin.map((v, a) => v + data.span[a] - 0.5);
    const corner = (a, b, c) =>
      screen(world(a ? hi[0] : lo[0], b ? hi[1] : lo[1], c ? hi[2] : lo[2]));
    ctx.strokeStyle = data.outline;
    ctx.lineWidth = 3;
    ctx.beginPath();
    for (let m = 0; m < 8; m++) {
      for (const bit of [1, 2, 4]) {
        if (m & bit) continue;
        const n = m | bit;
        const p = corner(m & 1, m & 2, m & 4), q = corner(n & 1, n & 2, n & 4);
        ctx.moveTo(p[0], p[1]);
        ctx.lineTo(q[0], q[1]);
      }
    }
    ctx.stroke();

    // three axes along edges of the clip's box, on the side nearer the viewer, with ticks
    ctx.font = '14px "Source Sans Pro", sans-serif';
    ctx.fillStyle = "#333333";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    const [cx0, cy0] = screen([0, 0, 0]);
    const near = (axis, low, high) => (eye[axis] < 0 ? low : high);
    const bottom = eye[2] >= 0 ? H - 0.5 : -0.5;
    const edges = [
      { title: L.frame, count: D, point: (k) => world(k, bottom, near(1, -0.5, W - 0.5)) },
      { title: L.col, count: W, point: (k) => world(near(0, -0.5, D - 0.5), bottom, k) },
    ];
    // the vertical edge furthest to the left on screen carries the rows
    let best = null;
    for (const z of [-0.5, D - 0.5]) for (const c of [-0.5, W - 0.5]) {
      const x = screen(world(z, 0, c))[0];
      if (best === null || x < best.x) best = { x, z, c };
    }
    edges.push({ title: L.row, count: H, point: (k) => world(best.z, k, best.c) });
    for (const edge of edges) {
      const pts = [];
      for (let k = 0; k < edge.count; k++) pts.push(screen(edge.point(k)));
      const gap = edge.count > 1 ? Math.hypot(pts[1][0] - pts[0][0], pts[1][1] - pts[0][1]) : 99;
      const every = gap >= 22 ? 1 : gap >= 11 ? 2 : 5;
      pts.forEach(([x, y], k) => {
        if (k % every) return;
        const dx = x - cx0, dy = y - cy0, len = Math.hypot(dx, dy) || 1;
        ctx.fillText(String(k), x + (dx / len) * 16, y + (dy / len) * 16);
      });
      const mid = screen(edge.point((edge.count - 1) / 2));
      const dx = mid[0] - cx0, dy = mid[1] - cy0, len = Math.hypot(dx, dy) || 1;
      ctx.font = 'bold 14px "Source Sans Pro", sans-serif';
      // past the ticks, and clear of them by half the title's own width sideways
      const away = 30 + (ctx.measureText(edge.title).width / 2) * Math.abs(dx / len);
      ctx.fillText(edge.title, mid[0] + (dx / len) * away, mid[1] + (dy / len) * away);
      ctx.font = '14px "Source Sans Pro", sans-serif';
    }

    // the colour scale, top to bottom from the highest value
    const barX = width - legendRoom + 8, barY = 28, barH = Math.min(180, height - 80);
    const gradient = ctx.createLinearGradient(0, barY + barH, 0, barY);
    const stops = data.legend.stops;
    stops.forEach((colour, k) => gradient.addColorStop(k / (stops.length - 1), colour));
    ctx.fillStyle = gradient;
    ctx.fillRect(barX, barY, 14, barH);
    ctx.strokeStyle = "#999999";
    ctx.lineWidth = 1;
    ctx.strokeRect(barX, barY, 14, barH);
    ctx.fillStyle = "#333333";
    ctx.textAlign = "left";
    ctx.fillText(data.legend.hi, barX + 20, barY + 6);
    ctx.fillText(data.legend.lo, barX + 20, barY + barH - 6);

    // what the three marks mean, top left
    const sample = shaded[data.level[[...read][0]]][4];
    [[L.clip, 0.2, null], [L.read, 0.95, null], [L.window, 0, data.outline]].forEach(
      ([text, alpha, outline], k) => {
        const top = 8 + k * 22;
        ctx.globalAlpha = alpha;
        ctx.fillStyle = sample;
        if (alpha) ctx.fillRect(8, top, 14, 14);
        ctx.globalAlpha = 1;
        if (outline) {
          ctx.strokeStyle = outline;
          ctx.lineWidth = 3;
          ctx.strokeRect(9.5, top + 1.5, 11, 11);
        }
        ctx.fillStyle = "#333333";
        ctx.textAlign = "left";
        ctx.fillText(text, 28, top + 7);
      },
    );

    label.textContent = `${L.step} (${cell.join(", ")})`;
    slider.value = String(step);
    root.dataset.step = String(step);
    root.dataset.faces = String(faces.length);
    root.dataset.yaw = view.yaw.toFixed(3);
    (window.__convvizVoxelDraws = window.__convvizVoxelDraws || []).push(performance.now() - begun);
  }

  let frame = 0;
  const redraw = () => {
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(); });
  };
  let timer = 0;
  const stop = () => { if (timer) clearInterval(timer); timer = 0; };
  play.addEventListener("click", () => {
    stop();
    if (step >= steps - 1) step = 0;
    draw();
    timer = setInterval(() => {
      if (step >= steps - 1) return stop();
      step += 1;
      draw();
    }, 700);
  });
  pause.addEventListener("click", stop);
  slider.addEventListener("input", () => { stop(); step = Number(slider.value); redraw(); });

  let drag = null;
  const inside = (pts, x, y) => {
    let sign = 0;
    for (let k = 0; k < pts.length; k++) {
      const [ax, ay] = pts[k], [bx, by] = pts[(k + 1) % pts.length];
      const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
      if (cross !== 0) {
        if (sign && Math.sign(cross) !== sign) return false;
        sign = Math.sign(cross);
      }
    }
    return true;
  };
  canvas.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY };
    canvas.setPointerCapture(event.pointerId);
    canvas.classList.add("cvz-dragging");
    tip.style.display = "none";
  });
  canvas.addEventListener("pointermove", (event) => {
    if (drag) {
      view.yaw -= (event.clientX - drag.x) * 0.01;
      view.pitch = Math.min(1.45, Math.max(-1.45, view.pitch + (event.clientY - drag.y) * 0.01));
      drag = { x: event.clientX, y: event.clientY };
      redraw();
      return;
    }
    const box = canvas.getBoundingClientRect();
    const x = event.clientX - box.left, y = event.clientY - box.top;
    let hit = null;
    for (let k = faces.length - 1; k >= 0; k--) {
      if (inside(faces[k].pts, x, y)) { hit = faces[k]; break; }
    }
    if (!hit) { tip.style.display = "none"; return; }
    const [z, r, c] = coordsOf(hit.i);
    const notes = [];
    if (!data.real[hit.i]) notes.push(L.padding);
    if (hit.solid) notes.push(L.read);
    tip.textContent = `x[${z}, ${r}, ${c}] = ${data.levels[data.level[hit.i]].text}` +
      (notes.length ? "  (" + notes.join(", ") + ")" : "");
    tip.style.display = "block";
    tip.style.left = Math.min(x + 14, Math.max(0, width - tip.offsetWidth)) + "px";
    tip.style.top = canvas.offsetTop + y + 14 + "px";
  });
  // the arrow keys turn the view too (the canvas takes the focus)
  canvas.tabIndex = 0;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", L.hint);
  canvas.addEventListener("keydown", (event) => {
    const by = {
      ArrowLeft: [0.1, 0], ArrowRight: [-0.1, 0], ArrowUp: [0, 0.1], ArrowDown: [0, -0.1],
    }[event.key];
    if (!by) return;
    event.preventDefault();
    view.yaw += by[0];
    view.pitch = Math.min(1.45, Math.max(-1.45, view.pitch + by[1]));
    redraw();
  });
  const release = () => {
    drag = null;
    canvas.classList.remove("cvz-dragging");
  };
  canvas.addEventListener("pointerup", release);
  canvas.addEventListener("pointercancel", release);
  canvas.addEventListener("pointerleave", () => { if (!drag) tip.style.display = "none"; });
  const resized = new ResizeObserver(() => {
    if (Math.max(root.clientWidth, 240) !== width) redraw();
  });
  resized.observe(root);
  draw();
  root.__stop = () => {
    stop();
    resized.disconnect();
    if (frame) cancelAnimationFrame(frame);
  };
  return () => {
    root.__stop();
    root.remove();
  };
}
"""
