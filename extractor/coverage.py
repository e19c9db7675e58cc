"""Which tasks a higher plan gives to the draft's level of unit have no matching content in the
draft (`vnplan check --against`).

The draft's level (xã, huyện, sở, phòng…) comes from its issuer (`units.issuer_level`); the higher
plan's tasks for that level are its assignments addressed to units of that level ("UBND các xã,
phường", "các sở, ban, ngành") or to the draft's issuer by name. A task is covered when a passage of the draft is
similar enough to it: TF-IDF over character 2-4-grams of the match key (robust to old/new tone
placement and to the small rewordings a lower plan makes), threshold in data/coverage.toml.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .agencies import agency_key
from .model import Assignment, Result
from .normalize import match_key
from .units import issuer_level


@cache
def _assignee_patterns() -> dict[str, re.Pattern]:
    data = tomllib.loads(resources.files("extractor.data").joinpath("level_assignees.toml").read_text(encoding="utf-8"))
    return {level: re.compile(pattern) for level, pattern in data["assignee"].items()}


@cache
def threshold() -> float:
    data = tomllib.loads(resources.files("extractor.data").joinpath("coverage.toml").read_text(encoding="utf-8"))
    return float(data["threshold"])


def tasks_for(higher: Result, draft: Result) -> list[Assignment]:
    """The higher plan's assignments addressed to the draft's level or to the draft's issuer."""
    issuer = draft.document.issuer
    assignee_re = _assignee_patterns().get(issuer_level(issuer, draft.document.date))
    own = agency_key(issuer) if issuer else None
    picked, seen = [], set()
    for a in higher.assignments:
        if not a.task or a.task in seen:
            continue
        if (assignee_re and assignee_re.search(match_key(a.agency))) or (own and agency_key(a.agency) == own):
            picked.append(a)
            seen.add(a.task)
    return picked


def passages(text: str) -> list[str]:
    """The draft's lines long enough to carry a task."""
    return [line for line in text.split("\n") if len(line.split()) >= 4]


def similarities(tasks: list[str], draft_passages: list[str]) -> list[float]:
    """For each task, its best cosine similarity to any passage."""
    if not tasks or not draft_passages:
        return [0.0] * len(tasks)
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, preprocessor=match_key)
    matrix = vectorizer.fit_transform(tasks + draft_passages)
    sims = cosine_similarity(matrix[: len(tasks)], matrix[len(tasks):])
    return [float(row.max()) for row in sims]


@dataclass
class Uncovered:
    task: Assignment
    similarity: float


def uncovered_tasks(higher: Result, draft: Result, draft_text: str) -> list[Uncovered]:
    tasks = tasks_for(higher, draft)
    sims = similarities([t.task for t in tasks], passages(draft_text))
    return [Uncovered(t, s) for t, s in zip(tasks, sims) if s < threshold()]
