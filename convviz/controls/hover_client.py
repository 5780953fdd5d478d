"""The browser side of the hover view: inline CSS and JavaScript, nothing loaded from elsewhere.

The script draws the panels of a :func:`convviz.figures.common.hover.hover_payload` as HTML
grids. Moving the pointer over a cell of the source panel moves the outlines, swaps the cell
texts of that cell's link and writes its caption, all in the same event handler, so the change
is on screen in the next animation frame; nothing goes to the server. A click pins the cell
(it stays shown when the pointer leaves) and reports it as the trigger value ``pinned``.
Each hover's time from the pointer event to the next frame is appended to
``window.__convvizHover``, the time the handler itself took to ``window.__convvizHoverWork``
(both read by ``bench/bench_hover.py``).
"""

HOVER_CSS = """
.cvz-hover { font-family: "Source Sans Pro", sans-serif; color: #1a1a1a; }
.cvz-hint { font-size: 14px; color: #555; margin: 0 0 6px 0; }
.cvz-row { display: flex; align-items: center; gap: 14px; flex-wrap: wrap; }
.cvz-title { font-weight: 700; font-size: 14px; margin-bottom: 4px; }
.cvz-grid { display: grid; gap: 1px; position: relative; width: max-content; }
.cvz-cell {
  display: flex; align-items: center; justify-content: center; text-align: center;
  white-space: pre-line; line-height: 1.05; overflow: hidden; user-select: none;
}
.cvz-source .cvz-cell { cursor: pointer; }
.cvz-op { font-size: 22px; padding-top: 18px; }
.cvz-window {
  position: absolute; box-sizing: border-box; pointer-events: none; display: none;
  border-style: solid; border-width: 4px;
}
.cvz-caption {
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 14px;
  white-space: pre-wrap; overflow-wrap: anywhere; margin: 8px 0 0 0; min-height: 1.4em;
}
"""

HOVER_JS = """
export default function (component) {
  const { parentElement, setTriggerValue } = component;
  // the payload comes as JSON text (written once on the server), or as an object
  const data = typeof component.data === "string" ? JSON.parse(component.data) : component.data;
  parentElement.querySelectorAll(".cvz-hover").forEach((old) => old.remove());
  if (!data || !data.panels) return;
  const px = data.cell;
  const make = (tag, cls, text) => {
    const node = document.createElement(tag);
    node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const root = make("div", "cvz-hover");
  const row = make("div", "cvz-row");
  const font = Math.max(14, Math.min(20, Math.round(px * 0.42)));  // never under 14 px
  const panels = data.panels.map((panel, index) => {
    const box = make("div", "cvz-panel" + (index === data.source ? " cvz-source" : ""));
    box.dataset.panel = String(index);
    const title = make("div", "cvz-title", panel.title);
    title.style.color = panel.colour;
    const grid = make("div", "cvz-grid");
    grid.style.gridTemplateColumns = `repeat(${panel.cols}, ${px}px)`;
    grid.style.gridAutoRows = `${px}px`;
    const cells = [];
    for (let i = 0; i < panel.rows * panel.cols; i++) {
      const cell = make("div", "cvz-cell", panel.texts[i]);
      cell.style.background = panel.fills[i];
      cell.style.color = panel.inks[i];
      const lines = panel.texts[i].includes("\\n");
      cell.style.fontSize = (lines ? Math.max(14, font - 4) : font) + "px";
      cell.dataset.index = String(i);
      grid.appendChild(cell);
      cells.push(cell);
    }
    box.append(title, grid);
    if (index > 0) row.appendChild(make("div", "cvz-op", data.operators[index - 1] || ""));
    row.appendChild(box);
    return { panel, grid, cells, boxes: [] };
  });
  const caption = make("pre", "cvz-caption", "");
  root.append(make("div", "cvz-hint", data.hint), row, caption);
  parentElement.appendChild(root);

  const source = panels[data.source];
  const pitch = px + 1;
  let swapped = [];
  let shown = -1;
  let pinned = data.pinned[0] * source.panel.cols + data.pinned[1];

  function show(index) {
    if (index === shown) return;
    shown = index;
    for (const [cell, text] of swapped) cell.textContent = text;
    swapped = [];
    for (const p of panels) for (const b of p.boxes) b.style.display = "none";
    const info = data.links[index];
    const used = panels.map(() => 0);
    for (const [p, r0, c0, r1, c1] of info.rects) {
      const target = panels[p];
      let b = target.boxes[used[p]];
      if (!b) {
        b = make("div", "cvz-window");
        b.style.borderColor = data.outline;
        b.style.background = data.fill;
        target.grid.appendChild(b);
        target.boxes.push(b);
      }
      used[p] += 1;
      b.style.left = c0 * pitch - 2 + "px";
      b.style.top = r0 * pitch - 2 + "px";
      b.style.width = (c1 - c0) * pitch + 3 + "px";
      b.style.height = (r1 - r0) * pitch + 3 + "px";
      b.style.display = "block";
    }
    for (const [p, r, c, text] of info.texts) {
      const cell = panels[p].cells[r * panels[p].panel.cols + c];
      swapped.push([cell, cell.textContent]);
      cell.textContent = text;
    }
    // the caption's parts, from the payload's shared table (convviz.controls.hover.shared_parts)
    caption.textContent = info.caption.map((part) => data.parts[part]).join(" + ");
    root.dataset.shown = String(index);
  }

  const onOver = (event) => {
    const cell = event.target.closest(".cvz-cell");
    if (!cell) return;
    const start = event.timeStamp;
    const begun = performance.now();
    show(Number(cell.dataset.index));
    (window.__convvizHoverWork = window.__convvizHoverWork || []).push(performance.now() - begun);
    requestAnimationFrame(() => {
      (window.__convvizHover = window.__convvizHover || []).push(performance.now() - start);
    });
  };
  const onLeave = () => show(pinned);
  const onClick = (event) => {
    const cell = event.target.closest(".cvz-cell");
    if (!cell) return;
    pinned = Number(cell.dataset.index);
    show(pinned);
    const cols = source.panel.cols;
    setTriggerValue("pinned", [Math.floor(pinned / cols), pinned % cols]);
  };
  source.grid.addEventListener("pointerover", onOver);
  source.grid.addEventListener("pointerleave", onLeave);
  source.grid.addEventListener("click", onClick);
  show(pinned);
  return () => {
    source.grid.removeEventListener("pointerover", onOver);
    source.grid.removeEventListener("pointerleave", onLeave);
    source.grid.removeEventListener("click", onClick);
    root.remove();
  };
}
"""
