"""Canonical labels for a section heading ("MỤC ĐÍCH, YÊU CẦU" -> muc_dich, yeu_cau).

The lexicon in data/section_labels.toml handles the common wordings; a small classifier
(data/section_label_model.json, trained by models/train_labels.py on headings written for it)
is consulted only for short title-like headings the lexicon leaves without a label. A heading
that names an agency ("Sở Tư pháp", "Đề nghị Ủy ban MTTQ tỉnh") gets no label, and neither does
a whole-sentence item: those carry tasks, not a kind of section.
"""
from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .normalize import match_key

LABELS = ("muc_dich", "yeu_cau", "muc_tieu", "quan_diem", "doi_tuong", "pham_vi", "noi_dung",
          "hinh_thuc", "nhiem_vu", "giai_phap", "thoi_gian", "kinh_phi", "to_chuc_thuc_hien",
          "ket_qua", "thuan_loi", "kho_khan", "nguyen_nhan", "bai_hoc", "phuong_huong",
          "kien_nghi", "danh_gia", "che_do_bao_cao", "khen_thuong")

# A title names a kind of section in a few words; a longer heading is a sentence (a task, a
# target) whose words ("kinh phí được bố trí…") say nothing about the section's kind.
TITLE_MAX_WORDS = 14
# Words allowed before a term at the start of a part: "Về nội dung", "Những khó khăn", "Một số
# giải pháp", "Các nhiệm vụ".
_FILLER = r"(?:(?:về|những|các|một số|mấy|công tác|đề xuất|tiếp tục|vấn đề|mặt|đánh giá)\s+)*"
_PART_START = r"(?:^|[,;:/–\-(]\s*|\s(?:và|&)\s+)"
# "Đề nghị Ủy ban…", "Giao Sở…": a request or assignment to an agency, still an agency heading.
_AGENCY_PREFIX = re.compile(r"^(?:đề nghị|giao|đối với|trách nhiệm của)?\s*(?:các\s+)?")
_NOT_AGENCY = re.compile(r"^(?:báo cáo|ban hành|bộ chỉ số|bộ tiêu chí|hội nghị|hội thảo|hội thi|"
                         r"trường hợp|đơn vị tính|phòng,? chống|phòng ngừa|đoàn kết|cơ quan thực hiện)")
_CLASSIFIER_THRESHOLD = 0.5
CLASSIFIER_MAX_WORDS = 8
_OPENING_CHARS = 80  # of a long heading, enough for a four-word title and its context  # the classifier names titles; longer text is left to the lexicon
# What may come before a leading term of a long heading: "Về kiến nghị…", "Đánh giá kết quả…"
_LEAD_FILLER = re.compile(r"^(?:(?:về|những|các|đánh giá)\s+)*")


@dataclass(frozen=True)
class Term:
    pattern: re.Pattern
    labels: tuple[str, ...]
    lead: bool = False  # also labels a long (sentence) heading that it opens
    heads: re.Pattern | None = None  # literal words one of which a match must contain


@cache
def _lexicon() -> tuple[tuple[Term, ...], re.Pattern]:
    data = tomllib.loads(resources.files("extractor.data").joinpath("section_labels.toml")
                         .read_text(encoding="utf-8"))
    terms = []
    for entry in data["term"]:
        phrase = entry["phrase"]
        if entry.get("where", "part") == "part":
            regex = rf"{_PART_START}{_FILLER}(?P<t>{phrase})(?!\w)"
        else:
            regex = rf"(?<!\w)(?P<t>{phrase})(?!\w)"
        heads = _literal_heads(phrase)
        terms.append(Term(re.compile(regex), tuple(entry["labels"]), entry.get("lead", False),
                          re.compile("|".join(map(re.escape, heads))) if heads else None))
    heads = sorted(data["agencies"]["heads"], key=len, reverse=True)
    agency = re.compile(r"^(?:%s)(?!\w)" % "|".join(re.escape(h) for h in heads))
    return tuple(terms), agency


_TOP_LEVEL_ALTERNATIVES = re.compile(r"\|(?![^(]*\))")
_LITERAL_START = re.compile(r"^[^\\()\[\]?*+{}|.^$]+")


def _literal_heads(phrase: str) -> tuple[str, ...] | None:
    """The literal opening of each alternative of a phrase ("mục tiêu|chỉ tiêu" -> both), so a
    term whose words are absent is skipped without running its regex; None when an alternative
    opens with an optional part (no literal every match must contain)."""
    heads = []
    for alternative in _TOP_LEVEL_ALTERNATIVES.split(phrase):
        m = _LITERAL_START.match(alternative)
        if not m:
            return None
        head = m.group(0)
        # a quantifier after the literal makes its last character optional
        if alternative[m.end():m.end() + 1] in ("?", "*", "{"):
            head = head[:-1]
        head = head.strip()
        if not head:
            return None
        heads.append(head)
    return tuple(heads)


@lru_cache(maxsize=8192)
def _key(heading: str) -> str:
    return " ".join(match_key(heading).replace("*", " ").split()).strip(" .:;,-–")


def names_agency(heading: str) -> bool:
    """True when the heading names a body ("Sở Nội vụ", "Đề nghị Ủy ban MTTQ tỉnh")."""
    key = _key(heading)
    _, agency = _lexicon()
    rest = _AGENCY_PREFIX.sub("", key, count=1)
    return bool(agency.match(rest)) and not _NOT_AGENCY.match(rest)


def _matches(key: str) -> list[tuple[int, Term]]:
    """(start, term) of every lexicon term in a key; a span matched once is not matched again."""
    terms, _ = _lexicon()
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Term]] = []
    for term in terms:
        if term.heads is not None and term.heads.search(key) is None:
            continue
        for m in term.pattern.finditer(key):
            s, e = m.span("t")
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append((s, term))
    return sorted(found, key=lambda x: x[0])


def _ordered(found: list[tuple[int, Term]]) -> list[str]:
    labels: list[str] = []
    for _, term in found:
        labels.extend(label for label in term.labels if label not in labels)
    return labels


def lexicon_labels(heading: str) -> list[str]:
    """Labels the lexicon gives a heading, in the order its terms appear."""
    key = _key(heading)
    return _ordered(_matches(key)) if key else []


def label_heading(heading: str) -> list[str]:
    """The canonical labels of a heading (empty for an agency, a sentence or an unknown title)."""
    return list(_cached_labels(heading))


@lru_cache(maxsize=8192)
def _cached_labels(heading: str) -> tuple[str, ...]:
    # the same titles ("Mục đích", "Nhiệm vụ", "Tổ chức thực hiện") recur in every document
    return tuple(label_with(heading, _classifier()))


def label_with(heading: str, model: _LinearModel | None) -> list[str]:
    """`label_heading` with a given classifier (None: the lexicon alone), for evaluation."""
    words = heading.split()
    if not words:
        return []
    if len(words) > TITLE_MAX_WORDS and not _is_caps_title(heading):
        return [] if names_agency(heading) else _opening_labels(heading)
    labels = lexicon_labels(heading)
    if names_agency(heading) and not _starts_with_term(heading, labels):
        return []
    if labels:
        return labels
    if model is None or len(words) > CLASSIFIER_MAX_WORDS:
        return []
    return model.predict(heading)


def _is_caps_title(heading: str) -> bool:
    if len(heading.split()) > 2 * TITLE_MAX_WORDS:
        return False
    return heading.upper() == heading and heading.lower() != heading


def _opening_labels(heading: str) -> list[str]:
    """Labels of a long (sentence-like) heading: only what opens it names a section.

    A short first part before a comma is a title ("Kết quả thực hiện, công tác tuyên truyền…");
    otherwise only a term marked `lead` at the very start counts ("Kết quả rà soát…", "Về kiến
    nghị…"), so "Kinh phí thực hiện kế hoạch được bố trí…" stays unlabelled.
    """
    key = _key(heading)
    found = _matches(key[:_OPENING_CHARS])  # only the opening can count: spare the regexes the rest
    cut = min((key.find(c) for c in ",;:" if c in key), default=-1)
    if 0 < cut and len(key[:cut].split()) <= 4:
        return _ordered([(s, t) for s, t in found if s < cut])
    opening = len(key) - len(_LEAD_FILLER.sub("", key, count=1))
    return _ordered([(s, t) for s, t in found if s == opening and t.lead])


def _starts_with_term(heading: str, labels: list[str]) -> bool:
    """"Cơ quan thực hiện" is a section kind although it starts like an agency name."""
    return bool(labels) and _key(heading).startswith(("cơ quan thực hiện", "trách nhiệm"))


# --- the classifier, as plain coefficients -------------------------------------------------

@dataclass(frozen=True)
class _LinearModel:
    """One-vs-rest logistic regression over word and character n-grams (see models/)."""

    vocabulary: dict[str, int]
    idf: list[float]
    coef: dict[str, list[tuple[int, float]]]  # label -> sparse weights
    intercept: dict[str, float]
    ngram_chars: tuple[int, int]
    threshold: float

    def features(self, heading: str) -> dict[int, float]:
        return vectorize(heading, self.vocabulary, self.idf, self.ngram_chars)

    def predict(self, heading: str) -> list[str]:
        x = self.features(heading)
        if not x:
            return []
        labels = []
        for label, weights in self.coef.items():
            z = self.intercept[label] + sum(w * x.get(i, 0.0) for i, w in weights)
            if 1 / (1 + math.exp(-z)) >= self.threshold:
                labels.append(label)
        return labels


def analyzer(heading: str, ngram_chars: tuple[int, int] = (3, 5)) -> list[str]:
    """Word unigrams/bigrams and character n-grams inside word boundaries, on the match key."""
    key = _key(heading)
    words = re.findall(r"\w+", key)
    grams = [f"w:{w}" for w in words] + [f"w:{a} {b}" for a, b in zip(words, words[1:])]
    lo, hi = ngram_chars
    for w in words:
        padded = f" {w} "
        for n in range(lo, hi + 1):
            grams.extend(f"c:{padded[i:i + n]}" for i in range(max(len(padded) - n + 1, 0)))
    return grams


def vectorize(heading: str, vocabulary: dict[str, int], idf: list[float],
              ngram_chars: tuple[int, int] = (3, 5)) -> dict[int, float]:
    """Sublinear tf-idf, L2-normalised: the same transform the training script uses."""
    counts: dict[int, int] = {}
    for gram in analyzer(heading, ngram_chars):
        index = vocabulary.get(gram)
        if index is not None:
            counts[index] = counts.get(index, 0) + 1
    values = {i: (1 + math.log(c)) * idf[i] for i, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {i: v / norm for i, v in values.items()}


MODEL_FILE = "section_label_model.json"


@cache
def _classifier() -> _LinearModel | None:
    path = resources.files("extractor.data").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    if text.startswith('{"enabled":false'):
        return None  # a model that did not earn its place: skip parsing its megabyte of weights
    data = json.loads(text)
    if not data.get("enabled", True):
        return None
    return model_from_dict(data)


def model_from_dict(data: dict) -> _LinearModel:
    return _LinearModel(
        vocabulary=data["vocabulary"],
        idf=data["idf"],
        coef={label: [tuple(p) for p in weights] for label, weights in data["coef"].items()},
        intercept=data["intercept"],
        ngram_chars=tuple(data["ngram_chars"]),
        threshold=data.get("threshold", _CLASSIFIER_THRESHOLD),
    )
