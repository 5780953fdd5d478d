"""A learner's text shown literally inside Markdown: no images, links, formatting or math.

Error messages and judgements quote what a learner typed or what a link held
(``input_values_text=![](//a.bc/x.png)``). Streamlit renders those messages as Markdown, so an
unescaped fragment would load an image from an outside host or draw a link. :func:`literal`
is the one place such a fragment is made inert; every message that quotes user text passes
its fragments through it.
"""

from __future__ import annotations

import re

# The characters that start Markdown markup inside a line: emphasis and code (* ~ `; _ below),
# images and links ([ ] !), HTML and angle autolinks (< > &), math ($), tables (|),
# Streamlit's ":colour[...]" and ":material/...:" directives and "http:" autolinks (:), e-mail
# autolinks (@), and the escape itself. Each is backslash-escaped (CommonMark allows it for
# any ASCII punctuation); digits, signs, points, commas and brackets stay as typed.
_MARKUP = "\\`*~[]!<>&$|:@"
_ESCAPES = str.maketrans({char: "\\" + char for char in _MARKUP})
# An underscore between two letters or digits (kernel_size) can neither open nor close
# emphasis; any other underscore is escaped.
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
# "www." starts an autolink without any of those characters.
_WWW = re.compile(r"(www)\.", re.IGNORECASE)
# Line breaks would start new blocks (headings, lists, quotes); they become spaces.
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\u2028": " ", "\u2029": " "})


def literal(text: object) -> str:
    r"""``text`` escaped so Markdown shows it character for character, on one line.

    Examples
    --------
    >>> print(literal("![](//a.bc/x.png)"), literal("see www.a.bc"), literal("_x_ kernel_size"))
    \!\[\](//a.bc/x.png) see www\.a.bc \_x\_ kernel_size
    """
    escaped = str(text).translate(_LINE_BREAKS).translate(_ESCAPES)
    escaped = _UNDERSCORE.sub(r"\\_", escaped)
    return _WWW.sub(r"\1\\.", escaped)
