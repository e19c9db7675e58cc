"""OCR accuracy and speed on pages rendered from a text we know (tests/data/ocr_page.*).

For each resolution: render the PDF in grey, pass each page through a software photocopier
(tests/scan.py: rotation ≤ 1°, 0.6 px blur, speckle 1/400), OCR it with vnplan, and print the
character error rate against the known text and the seconds per page.

    python benchmarks/bench_ocr.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pypdfium2 as pdfium  # noqa: E402

from extractor import ocr  # noqa: E402
from extractor.document import assemble  # noqa: E402
from scan import character_error_rate, photocopy  # noqa: E402


def main() -> None:
    reference = (ROOT / "tests/data/ocr_page.txt").read_text(encoding="utf-8")
    pdf = pdfium.PdfDocument(ROOT / "tests/data/ocr_page.pdf")
    print(f"{'dpi':>4} {'noise':>6} {'CER':>7} {'s/page':>7}")
    for dpi in (150, 200, 300):
        for noisy in (False, True):
            images = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]
            if noisy:
                images = [photocopy(im, seed=i) for i, im in enumerate(images)]
            started = time.perf_counter()
            ocr.MAX_THREADS = 1  # seconds per page on one core
            text = assemble(ocr.to_raw(ocr.ocr_images(images), "pdf")).text
            seconds = (time.perf_counter() - started) / len(images)
            cer = character_error_rate(reference, text)
            print(f"{dpi:>4} {'yes' if noisy else 'no':>6} {cer:>7.2%} {seconds:>7.2f}")


if __name__ == "__main__":
    main()
