"""Tune the similarity threshold of `vnplan check --against` on models/coverage_pairs.tsv.

Each pair is a higher plan's task and one line of a lower plan, labelled 1 when the line takes
the task up. The similarity is the one vnplan uses (extractor.coverage.similarities, fitted on
all the pairs' texts, as it is fitted on a draft and a higher plan's tasks together). Prints the
threshold that separates the pairs best, with leave-one-out accuracy, and writes nothing: copy
the threshold into extractor/data/coverage.toml.

    python models/tune_coverage.py
"""
from __future__ import annotations

import csv
from pathlib import Path

from extractor.coverage import similarities

HERE = Path(__file__).parent


def main() -> None:
    rows = [r for r in csv.DictReader((line for line in (HERE / "coverage_pairs.tsv").open(encoding="utf-8")
                                       if not line.startswith("#")), delimiter="\t")]
    tasks = sorted({r["task"] for r in rows})
    passages = sorted({r["passage"] for r in rows})
    # one vectorizer over everything, then the similarity of each labelled pair
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from extractor.normalize import match_key

    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, preprocessor=match_key)
    vec.fit(tasks + passages)
    scored = [(float(cosine_similarity(vec.transform([r["task"]]), vec.transform([r["passage"]]))[0, 0]),
               r["covered"] == "1") for r in rows]
    assert similarities([rows[0]["task"]], [rows[0]["passage"]])  # the function vnplan runs works here

    def accuracy(threshold: float, items) -> float:
        return sum((s >= threshold) == y for s, y in items) / len(items)

    def choose(items) -> float:
        """The midpoint between two neighbouring scores that classifies best, widest gap on ties."""
        values = sorted({s for s, _ in items})
        gaps = [((a + b) / 2, b - a) for a, b in zip(values, values[1:])]
        return max(gaps, key=lambda g: (accuracy(g[0], items), g[1]))[0]

    best = choose(scored)
    # leave one out: choose the threshold without each pair, then judge that pair
    hits = 0
    for i, item in enumerate(scored):
        t = choose(scored[:i] + scored[i + 1:])
        hits += (item[0] >= t) == item[1]
    pos = [s for s, y in scored if y]
    neg = [s for s, y in scored if not y]
    print(f"pairs: {len(scored)} ({len(pos)} covered, {len(neg)} not)")
    print(f"similarity covered: min {min(pos):.2f} mean {sum(pos)/len(pos):.2f}; not covered: max {max(neg):.2f} mean {sum(neg)/len(neg):.2f}")
    print(f"best threshold {best:.2f}: accuracy {accuracy(best, scored):.3f}; leave-one-out accuracy {hits/len(scored):.3f}")


if __name__ == "__main__":
    main()
