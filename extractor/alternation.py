"""Word lists as one regex: an alternation written as a tree of shared beginnings.

"kế hoạch", "kết luận" become "kế(?:\\ hoạch|t\\ luận)". Python's `re` tries the branches of an
alternation one by one at every position, so fewer branches search faster. It matches as the
longest-first list "w1|w2|…" would: branches that part at a character never both match, and where
one word goes on after another ends ("luật", "luật đất đai") the longer is tried first.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], space: str = re.escape(" ")) -> str:
    """The regex for `words` (plain text, no regex syntax); `space` is what a space in a word
    matches (by default a space, `r"\\s+"` to let a line break stand in a word)."""
    tree: dict = {}
    for w in set(words):
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def regex(node: dict) -> str:
        branches = [(space if ch == " " else re.escape(ch)) + regex(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return regex(tree)
