"""Train and evaluate the section-label classifier; write it as plain JSON coefficients.

    .venv/bin/python models/train_labels.py            # evaluate, then write the model file
    .venv/bin/python models/train_labels.py --dry-run  # evaluate only
    .venv/bin/python models/train_labels.py --gold ../shared/corpus  # also check real headings

Data: models/headings.tsv (headings written for vnplan, grouped by base wording). The held-out
set is a quarter of the groups (fixed seed), so no variant of a training wording is tested.
Three systems are compared on it, by exact label-set accuracy and micro F1:
  lexicon      data/section_labels.toml alone (what vnplan does without a model)
  classifier   the model alone
  combined     lexicon first, the model for short titles the lexicon leaves unlabelled
With --gold DIR the same comparison runs on the headings of hand-annotated real documents
(*.gold.json: heading text and labels; evaluation only, nothing is trained on them).
The model is then refit on all the data and written to extractor/data/section_label_model.json
with "enabled" true only if `combined` beats `lexicon` on the held-out set by at least
MIN_GAIN in accuracy and does no worse on the real headings; vnplan loads it only when enabled. The JSON holds the vocabulary, idf and
sparse weights, so loading needs no scikit-learn and no pickle.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.labels import LABELS, MODEL_FILE, analyzer, label_with, model_from_dict  # noqa: E402

DATA = ROOT / "models" / "headings.tsv"
OUT = ROOT / "extractor" / "data" / MODEL_FILE
SEED = 13
HELD_OUT = 0.25
MIN_GAIN = 0.01
NGRAM_CHARS = (3, 5)
C = 8.0
THRESHOLD = 0.7
MIN_WEIGHT = 1e-3  # weights smaller than this are dropped from the JSON (no effect on results)


def load(path: Path) -> list[tuple[int, list[str], str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "group\t")):
            continue
        group, labels, heading = line.split("\t")
        codes = [] if labels == "-" else labels.split(",")
        unknown = set(codes) - set(LABELS)
        if unknown:
            raise SystemExit(f"{path.name}: unknown label(s) {sorted(unknown)} for {heading!r}")
        rows.append((int(group), codes, heading))
    return rows


def fit(rows) -> dict:
    """Fit tf-idf + one-vs-rest logistic regression; return the model as a JSON-ready dict."""
    texts = [h for _, _, h in rows]
    vectorizer = TfidfVectorizer(analyzer=lambda h: analyzer(h, NGRAM_CHARS), sublinear_tf=True)
    x = vectorizer.fit_transform(texts)
    binarizer = MultiLabelBinarizer(classes=list(LABELS))
    y = binarizer.fit_transform([labels for _, labels, _ in rows])
    present = [i for i in range(y.shape[1]) if y[:, i].any()]
    model = OneVsRestClassifier(LogisticRegression(C=C, max_iter=2000, class_weight="balanced"))
    model.fit(x, y[:, present])
    coef, intercept = {}, {}
    for k, estimator in zip(present, model.estimators_):
        label = LABELS[k]
        weights = estimator.coef_[0]
        coef[label] = [[int(i), round(float(w), 5)] for i, w in enumerate(weights) if abs(w) >= MIN_WEIGHT]
        intercept[label] = round(float(estimator.intercept_[0]), 5)
    vocabulary = {g: int(i) for g, i in vectorizer.vocabulary_.items()}
    return {
        "about": "Section-label classifier for vnplan, trained by models/train_labels.py on "
                 "models/headings.tsv: tf-idf over word and character n-grams of the match key, "
                 "one-vs-rest logistic regression.",
        "vocabulary": vocabulary,
        "idf": [round(float(v), 6) for v in vectorizer.idf_],
        "coef": coef,
        "intercept": intercept,
        "ngram_chars": list(NGRAM_CHARS),
        "threshold": THRESHOLD,
    }


def score(rows, predict) -> tuple[float, float]:
    """(exact label-set accuracy, micro F1) of `predict` over rows."""
    exact = tp = fp = fn = 0
    for _, gold, heading in rows:
        got = set(predict(heading))
        want = set(gold)
        exact += got == want
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return exact / len(rows), (2 * p * r / (p + r) if p + r else 0.0)


def gold_headings(folder: Path) -> list[tuple[int, list[str], str]]:
    rows = []
    for path in sorted(folder.rglob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        rows.extend((0, [x for x in h["labels"] if x != "other"], h["text"]) for h in gold.get("headings", []))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="evaluate only; do not write the model")
    ap.add_argument("--gold", type=Path, help="folder of *.gold.json files whose headings to check on")
    args = ap.parse_args()

    rows = load(DATA)
    groups = sorted({g for g, _, _ in rows})
    random.Random(SEED).shuffle(groups)
    test_groups = set(groups[: int(len(groups) * HELD_OUT)])
    train = [r for r in rows if r[0] not in test_groups]
    test = [r for r in rows if r[0] in test_groups]
    print(f"headings: {len(rows)} in {len(groups)} groups; train {len(train)}, held out {len(test)} "
          f"({len(test_groups)} groups)")

    held_model = model_from_dict(fit(train))
    results = {
        "lexicon": score(test, lambda h: label_with(h, None)),
        "classifier": score(test, held_model.predict),
        "combined": score(test, lambda h: label_with(h, held_model)),
    }
    for name, (accuracy, f1) in results.items():
        print(f"{name:11s} held-out exact accuracy={accuracy:.3f}  micro F1={f1:.3f}")
    gain = results["combined"][0] - results["lexicon"][0]
    enabled = gain >= MIN_GAIN
    print(f"held-out: combined - lexicon = {gain:+.3f} accuracy")
    if args.gold:
        real = gold_headings(args.gold)
        full_model = model_from_dict(fit(rows))
        for name, predict in (("lexicon", lambda h: label_with(h, None)),
                              ("combined", lambda h: label_with(h, full_model))):
            accuracy, f1 = score(real, predict)
            results[f"real_{name}"] = (accuracy, f1)
            print(f"{name:11s} real headings ({len(real)}) exact accuracy={accuracy:.3f}  micro F1={f1:.3f}")
        real_gain = results["real_combined"][0] - results["real_lexicon"][0]
        print(f"real headings: combined - lexicon = {real_gain:+.3f} accuracy")
        enabled = enabled and real_gain >= 0
    print(f"classifier {'kept' if enabled else 'not kept'}")

    if args.dry_run:
        return 0
    # A classifier that does not help is not shipped: only the verdict and the figures are written,
    # so the package carries no dead weights (the full model is ~1 MB).
    data = {"enabled": enabled, **(fit(rows) if enabled else {})}  # "enabled" first: read without parsing the rest
    data["held_out"] = {name: {"accuracy": round(a, 4), "micro_f1": round(f, 4)} for name, (a, f) in results.items()}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KiB, enabled={enabled})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
