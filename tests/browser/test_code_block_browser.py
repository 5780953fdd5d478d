"""Code blocks in Chromium: the PyTorch code and the worked sums are shown as sent, coloured
without Streamlit's highlighter (a new tab never loads it), and the copy button puts the exact
text on the clipboard, on a secure origin and on a plain-``http`` classroom server alike."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from convviz.i18n import translate
from tests.browser.page_tools import assert_no_exception

pytestmark = pytest.mark.browser

HIGHLIGHTER_CHUNK = "StreamlitSyntaxHighlighter"
CODE = ".st-key-pytorch_code .cvz-code"
SUM = ".st-key-dilated_window_sum .cvz-code"
# What a classroom server on the LAN is: no secure context, so no clipboard API.
PLAIN_HTTP_JS = "Object.defineProperty(window, 'isSecureContext', { get: () => false });"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_page_shows_its_code_and_sums_without_the_highlighter(page, open_page, js_errors, lang):
    chunks = []
    page.on("request", lambda request: chunks.append(request.url))
    open_page("dilated", lang=lang, view="code")
    assert_no_exception(page)
    code = page.locator(f"{CODE} pre")
    code.scroll_into_view_if_needed()
    text = code.inner_text()
    assert text.startswith("import torch\nfrom torch import nn\n")
    assert "nn.Conv2d(1, 1, kernel_size=3, stride=1, padding=0, dilation=2, bias=False)" in text
    kinds = {
        kind: page.locator(f"{CODE} pre .{kind}").all_inner_texts()
        for kind in ("cvz-k", "cvz-c", "cvz-n")
    }
    assert kinds["cvz-k"][:3] == ["import", "from", "import"]
    assert all(comment.startswith("#") for comment in kinds["cvz-c"]) and kinds["cvz-c"]
    assert {"1", "2", "3"} <= set(kinds["cvz-n"])
    assert page.locator(f"{CODE} button").inner_text() == translate("common.copy", lang)
    open_page("dilated", lang=lang)  # the window tab, with its worked sum
    assert_no_exception(page)
    sum_text = page.locator(f"{SUM} pre").inner_text()
    assert sum_text == "y[0, 0] = 1·1 + 3·1 + 5·1 + 15·1 + 17·1 + 19·1 + 29·1 + 31·1 + 33·1 = 153"
    assert page.locator(f"{SUM} pre span").count() == 0  # numbers, not Python: not coloured
    # part of the page's own text (no shadow root), as find-in-page and selection see it
    assert sum_text in page.locator("[data-testid='stMain']").inner_text()
    assert not [url for url in chunks if HIGHLIGHTER_CHUNK in url]
    assert not js_errors


@pytest.mark.parametrize("origin", ["secure", "plain-http"])
def test_copy_puts_the_exact_text_on_the_clipboard(page, open_page, origin):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    if origin == "plain-http":
        page.context.add_init_script(PLAIN_HTTP_JS)
    open_page("dilated", view="code")
    code = page.locator(CODE)
    code.scroll_into_view_if_needed()
    page.evaluate("navigator.clipboard.writeText('')")
    code.locator("button").click()
    expect(code).to_have_attribute("data-copied", "1")
    assert code.locator("button").inner_text() == translate("common.copied", "en")
    assert page.evaluate("navigator.clipboard.readText()") == code.locator("pre").inner_text()
    assert page.evaluate("window.isSecureContext") is (origin == "secure")


def test_link_text_is_shown_as_text_never_as_html(page, open_page, js_errors):
    hostile = "<img src=x onerror=window.__owned=1>"
    open_page("dilated", note=hostile)
    link = page.locator(".st-key-share_link .cvz-code pre")
    link.scroll_into_view_if_needed()
    assert page.locator(".st-key-share_link .cvz-code img").count() == 0
    assert page.evaluate("window.__owned") is None
    assert not js_errors
    assert "note=" in link.inner_text()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_where_nothing_can_copy_the_text_is_left_selected(page, open_page, lang):
    page.context.add_init_script(PLAIN_HTTP_JS + " document.execCommand = () => false;")
    open_page("dilated", lang=lang)
    code = page.locator(SUM)
    code.scroll_into_view_if_needed()
    code.locator("button").click()
    expect(code.locator("button")).to_have_text(translate("common.copy_select", lang))
    assert code.get_attribute("data-copied") == "0"
    assert page.evaluate("window.getSelection().toString()") == code.locator("pre").inner_text()
