"""A photocopier in software, and the character error rate, for the OCR test and benchmark.

`photocopy` turns a clean rendered page into what a scanner returns from a printed copy: a
rotation of up to 1°, a 0.6-pixel blur and light speckle (about one pixel in 400), in grey.
"""
from __future__ import annotations

import random
import re


def photocopy(image, seed: int = 7):
    from PIL import ImageFilter

    rng = random.Random(seed)
    grey = image.convert("L")
    grey = grey.rotate(rng.uniform(-1.0, 1.0), resample=3, expand=False, fillcolor=255)
    grey = grey.filter(ImageFilter.GaussianBlur(0.6))
    pixels = grey.load()
    width, height = grey.size
    for _ in range(width * height // 400):
        x, y = rng.randrange(width), rng.randrange(height)
        pixels[x, y] = 0 if pixels[x, y] > 128 else 255
    return grey


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def character_error_rate(reference: str, hypothesis: str) -> float:
    """Edits per reference character, whitespace runs counted as one space."""
    reference, hypothesis = _squash(reference), _squash(hypothesis)
    return edit_distance(reference, hypothesis) / max(1, len(reference))
