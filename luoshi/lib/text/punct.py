"""Punctuation classes shared by cleaning and splitting.

Written as escapes: full-width and half-width forms look alike in review, and both occur (the
samples use ASCII `,` `:` `!` `?` next to 。 and 、).
"""

from __future__ import annotations

import re

# 。！？；!?;﹔｡ — what ends a sentence.
TERMINATORS = "\u3002\uff01\uff1f\uff1b!?;\ufe54\uff61"
# ”’」』】〕》〉）］)]"' — closing marks that stay with the sentence they end.
CLOSERS = "\u201d\u2019\u300d\u300f\u3011\u3015\u300b\u3009\uff09\uff3d)]\"'"
OPEN_PARENS = "(\uff08"  # ( （
CLOSE_PARENS = ")\uff09"  # ) ）
COLONS = ":\uff1a"  # : ：
COMMAS = ",\uff0c\u3001"  # , ， 、
SPACES = " \t\u3000\u00a0"  # space, tab, ideographic space, no-break space


def char_class(chars: str, *, negate: bool = False) -> str:
    """A regex character class matching exactly `chars`."""
    return ("[^" if negate else "[") + re.escape(chars) + "]"
