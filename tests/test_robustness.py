"""Damaged copies of every sample document, in every format, give a result or a read error,
never an internal error (a bug) — and the text path takes any string."""
import random
from pathlib import Path

import pytest

import extractor
from conftest import ROOT

SAMPLES = sorted(p for p in [*(ROOT / "corpus").glob("*"), *(ROOT / "tests/data").glob("*")]
                 if p.suffix in {".txt", ".html", ".htm", ".docx", ".pdf"})


def damaged(data: bytes, how: int, rng: random.Random) -> bytes:
    if how == 0:
        return data[: len(data) // 3]  # cut off, as a download that stopped
    if how == 1:
        return data[len(data) // 3:]  # lost its beginning
    copy = bytearray(data)
    for _ in range(rng.randint(1, 40)):  # bytes flipped here and there
        copy[rng.randrange(len(copy))] = rng.randrange(256)
    return bytes(copy)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_damaged_copies_never_cause_an_internal_error(tmp_path, sample):
    rng = random.Random(sample.name)
    for how in range(4):
        path = tmp_path / f"hong_{how}{sample.suffix}"
        path.write_bytes(damaged(sample.read_bytes(), how, rng))
        result = extractor.parse(path)
        assert result.error is None or result.error.code != "internal_error", result.error.message


def test_any_text_is_analysed_without_an_exception():
    rng = random.Random(7)
    alphabet = "IVX1234567890.:;/-()abcđĐẾộỦ ươ\n\t|*#KH-UBNDSốngàytháng năm Căn cứ Điều "
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        extractor.parse_text(text)
