"""The browser side of a code block: inline CSS and JavaScript, nothing loaded from elsewhere.

Streamlit's own code block loads a 1.5 MB highlighter (every language it knows) the first time
any block is drawn; a new tab drew its first chart about 1 s later because of it (median over
the views, ``bench/bench_browser.py``). This
block draws the text in a ``<pre>``, colours Python's comments, strings, numbers and keywords
by one regular expression, and has a copy button that also works on a plain-``http`` classroom
server (where the clipboard API is refused, it copies by selecting a hidden text area).

Text is only ever set as ``textContent``: nothing sent is read as HTML. For tests the root
element carries ``data-copied`` (how many times the button copied).
"""

CODE_CSS = """
.cvz-code {
  position: relative; background: #f0f2f6; border-radius: 8px; color: #1a1a1a;
  font-family: "Source Code Pro", ui-monospace, "DejaVu Sans Mono", monospace;
}
.cvz-code pre {
  margin: 0; padding: 14px 3.4rem 14px 16px; font: inherit; font-size: 14px; line-height: 1.6;
  white-space: pre; overflow-x: auto; tab-size: 4;
}
.cvz-code.cvz-wrap pre { white-space: pre-wrap; overflow-wrap: anywhere; }
.cvz-code button {
  position: absolute; top: 6px; right: 6px; font: 14px "Source Sans Pro", sans-serif;
  padding: 2px 8px; border: 1px solid #c9ccd3; border-radius: 6px; background: #ffffff;
  color: #1a1a1a; cursor: pointer;
}
.cvz-code button:focus-visible { outline: 2px solid #0072B2; outline-offset: 1px; }
.cvz-code .cvz-c { color: #5c6370; font-style: italic; }
.cvz-code .cvz-s { color: #1d7a36; }
.cvz-code .cvz-n { color: #0057a3; }
.cvz-code .cvz-k { color: #a0168f; font-weight: 600; }
"""

CODE_JS = r"""
export default function (component) {
  const { parentElement } = component;
  const sent = (typeof component.data === "string" ? JSON.parse(component.data) : component.data)
    || {};
  const text = String(sent.text || "");
  let root = parentElement.querySelector(".cvz-code");
  if (!root) {
    root = document.createElement("div");
    root.className = "cvz-code";
    root.dataset.copied = "0";
    root.appendChild(document.createElement("pre"));
    const button = document.createElement("button");
    button.type = "button";
    root.appendChild(button);
    parentElement.appendChild(root);
    button.addEventListener("click", () => copy(root, button));
  }
  root.__cvz = sent;
  root.classList.toggle("cvz-wrap", !!sent.wrap);
  const button = root.querySelector("button");
  button.textContent = sent.copy || "Copy";
  button.setAttribute("aria-label", sent.copy_label || button.textContent);
  const pre = root.querySelector("pre");
  pre.replaceChildren(...(sent.python ? highlighted(text) : [document.createTextNode(text)]));
}

// comments, strings (with any prefix), numbers, keywords: one pass, the rest left as text
const KEYWORDS = "import|from|as|def|return|for|in|if|elif|else|with|lambda|not|and|or|is"
  + "|None|True|False|print|range";
const PYTHON = new RegExp(String.raw`(#[^\n]*)|((?:\b[rRbBfFuU]{1,2})?(?:"[^"\n]*"|'[^'\n]*'))`
  + String.raw`|(\b\d+(?:\.\d*)?(?:[eE][+-]?\d+)?\b)|\b(${KEYWORDS})\b`, "g");
const CLASSES = ["cvz-c", "cvz-s", "cvz-n", "cvz-k"];

function highlighted(text) {
  const parts = [];
  let at = 0;
  for (const match of text.matchAll(PYTHON)) {
    if (match.index > at) parts.push(document.createTextNode(text.slice(at, match.index)));
    const span = document.createElement("span");
    span.className = CLASSES[match.slice(1).findIndex((group) => group !== undefined)];
    span.textContent = match[0];
    parts.push(span);
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
  return parts;
}

function copy(root, button) {
  const sent = root.__cvz || {};
  const text = String(sent.text || "");
  const done = (ok) => {
    if (ok) root.dataset.copied = String(Number(root.dataset.copied) + 1);
    button.textContent = ok ? sent.copied : sent.select;
    if (!ok) selectText(root.querySelector("pre"));
    clearTimeout(root.__cvzReset);
    root.__cvzReset = setTimeout(() => { button.textContent = sent.copy; }, 2000);
  };
  if (navigator.clipboard && window.isSecureContext) {
    const fallback = () => done(copyBySelection(root, text));
    navigator.clipboard.writeText(text).then(() => done(true), fallback);
  } else {
    done(copyBySelection(root, text));
  }
}

// the clipboard API needs https or localhost: elsewhere, copy a selected hidden text area
function copyBySelection(root, text) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.cssText = "position:fixed;top:0;left:0;opacity:0;pointer-events:none;";
  root.appendChild(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
  area.remove();
  return ok;
}

// when nothing could copy, the text is left selected for the learner's own Ctrl+C
function selectText(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}
"""
