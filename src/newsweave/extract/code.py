"""Program text (JavaScript, CSS, template code) that leaked into page text.

Old templates put inline scripts inside the blocks extractors read (``/*<![CDATA[*/ if(!
window.com) …``), and some pages print JSON or CSS as text. Such a line is recognised by what
prose never has: statement syntax (``;`` and braces), calls on dotted names, CDATA and comment
markers, and a high share of punctuation among its characters.
"""

from __future__ import annotations

import re

_MARKERS = re.compile(
    r"<!\[CDATA\[|\]\]>|/\*|\*/|^\s*//|\bfunction\s*\(|=>|\bvar\s+\w+\s*=|\b(let|const)\s+\w+\s*=|"
    r"\b(window|document|jQuery|googletag|console)\s*[.\[(]|\$\(|\w+\.\w+\s*\([^()]*\)\s*;|"
    r"\bif\s*\(\s*!?\s*[\w.]+\s*[)&|=!<>]|[{};]\s*$|^\s*[{}]|\w+\s*:\s*[\w\"'#.-]+\s*;",
)
_SYNTAX = "{}();=<>[]$\\"
_LETTER = re.compile(r"[^\W\d_]")
# Every marker above needs one of these characters: prose without them is let through at once.
_TELLTALE = re.compile(r"[{};=<>$\\/*]|\b(window|document|jQuery|googletag|console|if)\s*[.\[(]")


def looks_like_code(line: str) -> bool:
    """True for a line of program text rather than prose.

    Example:
        >>> looks_like_code("/*<![CDATA[*/ if(! window.com) { window.com = {}; } /*]]>*/")
        True
        >>> looks_like_code("The mayor (a former judge) resigned; aides said so.")
        False
    """
    text = line.strip()
    if not text or not _TELLTALE.search(text):
        return False
    markers = len(_MARKERS.findall(text))
    syntax = sum(map(text.count, _SYNTAX)) / len(text)
    if markers >= 2 or (markers and syntax > 0.04):
        return True
    return syntax > 0.12 and len(_LETTER.findall(text)) / len(text) < 0.6
