"""Does a change keep every output the same, and how much faster is it? One stage at a time.

    git worktree add ../vnplan-before main        # the code to compare with, once
    .venv/bin/python benchmarks/same_output.py STAGE ../vnplan-before

STAGE: read, normalize, assemble, sections, metadata, citations, assignments, or parse (the
whole result). The stage's output is dumped from this checkout and from the other one over every
document of ../shared/corpus, corpus/ and tests/data (all formats; scans left out) plus three cut
variants of each text (its first half, every other line, its last two thirds, which reach other
paths), compared input by input, and the inputs that differ are listed (exit 1). Then the stage is
timed in each checkout, three runs alternated, over the whole .txt documents: the best ms per
document of each. A stage's inputs are made by its own checkout's earlier stages.

Internal use: `same_output.py ROOT STAGE time` and `same_output.py ROOT STAGE dump OUT` run in
one checkout (ROOT first on sys.path).
"""
import copy
import dataclasses
import glob
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SHARED = str(HERE.parent / 'shared' / 'corpus')
TIMING = sorted(glob.glob(f'{SHARED}/**/*.txt', recursive=True)) + sorted(glob.glob(f'{HERE}/corpus/**/*.txt', recursive=True))
ALL = sorted(p for p in glob.glob(f'{SHARED}/**/*', recursive=True) + glob.glob(f'{HERE}/corpus/**/*', recursive=True)
             + glob.glob(f'{HERE}/tests/data/**/*', recursive=True)
             if os.path.isfile(p) and Path(p).suffix.lower() in {'.txt', '.docx', '.html', '.htm', '.pdf'}
             and '/089' not in p and '/090' not in p and 'scan' not in p)  # OCR: slow, and not deterministic across machines


def plain(x):
    """Any stage's output as JSON-able data, to compare."""
    if hasattr(x, 'model_dump'):
        return x.model_dump(mode='json')
    if dataclasses.is_dataclass(x):
        return {f.name: plain(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    if isinstance(x, (str, int, float, bool)) or x is None:
        return x
    return repr(x)


def setup(root):
    """The stage functions of the checkout at `root`."""
    sys.path.insert(0, root)
    import extractor
    assert extractor.__file__.startswith(root), extractor.__file__
    from extractor import readers, document
    from extractor.normalize import normalize
    from extractor.sections import find_sections
    from extractor.metadata import find_metadata
    from extractor.citations import find_citations
    from extractor.assignments import find_assignments
    S = {}
    S['read'] = lambda d, p: readers.read_bytes(d, p)
    S['normalize'] = lambda raw: normalize(raw)
    S['assemble'] = document.assemble
    S['sections'] = find_sections
    S['metadata'] = find_metadata
    S['citations'] = find_citations
    S['assignments'] = find_assignments
    return extractor, S


def run_stage(stage, S, data, path, extractor):
    """The stage as a call with its inputs already made (`parse` reads the file itself, so its
    cut variants give the file's own result)."""
    if stage == 'parse':
        return lambda: extractor.parse(path)
    if stage == 'read':
        return lambda: S['read'](data, Path(path))
    raw = S['read'](data, Path(path))
    if stage == 'normalize':
        return lambda: S['normalize'](copy.deepcopy(raw))
    doc = S['assemble'](raw)
    if stage == 'assemble':
        return lambda: doc
    secs, _ = S['sections'](doc)
    if stage == 'sections':
        return lambda: S['sections'](doc)
    info = S['metadata'](doc, secs)
    if stage == 'metadata':
        return lambda: S['metadata'](doc, secs)
    if stage == 'citations':
        return lambda: S['citations'](doc, secs, info)
    if stage == 'assignments':
        return lambda: S['assignments'](doc, secs)
    raise SystemExit(f'unknown stage {stage}')


def variants(path, data):
    """The file itself, and for text three cut variants that reach other paths."""
    yield path, data
    if path.endswith('.txt'):
        try:
            text = data.decode('utf-8-sig')
        except UnicodeDecodeError:
            return
        lines = text.splitlines()
        yield path + '#half', text[: len(text) // 2].encode('utf-8')
        yield path + '#odd', '\n'.join(lines[::2]).encode('utf-8')
        yield path + '#tail', '\n'.join(lines[len(lines) // 3:]).encode('utf-8')


def main():
    if len(sys.argv) == 3:
        stage, before, now = sys.argv[1], os.path.abspath(sys.argv[2]), str(HERE)
        me = os.path.abspath(__file__)
        out = {}
        with tempfile.TemporaryDirectory() as tmp:
            for r in (before, now):
                dump = os.path.join(tmp, 'before.json' if r == before else 'now.json')
                subprocess.run([sys.executable, me, r, stage, 'dump', dump], check=True)
                out[r] = json.load(open(dump, encoding='utf-8'))
        a, b = out[before], out[now]
        bad = [k for k in a.keys() | b.keys() if a.get(k) != b.get(k)]
        print(f'{stage}: {len(a)} inputs, {len(bad)} differ', *sorted(bad)[:10], sep='\n  ')
        times = {before: [], now: []}
        for _ in range(3):
            for r in times:
                res = subprocess.run([sys.executable, me, r, stage, 'time'], check=True, capture_output=True, text=True)
                times[r].append(float(res.stdout.split()[0]))
        print(f'{stage}: before {min(times[before]):.3f} ms/doc, now {min(times[now]):.3f} ms/doc')
        sys.exit(bool(bad))
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    root, stage, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    extractor, S = setup(root)
    if mode == 'time':
        fns = [run_stage(stage, S, open(p, 'rb').read(), p, extractor) for p in TIMING]
        for f in fns:
            f()
        best = 1e9
        for _ in range(5):
            t = time.perf_counter()
            for f in fns:
                f()
            best = min(best, time.perf_counter() - t)
        print(f'{best / len(fns) * 1000:.3f} ms/doc over {len(fns)} docs')
    else:
        out = {}
        for p in ALL:
            for name, data in variants(p, open(p, 'rb').read()):
                try:
                    out[name] = plain(run_stage(stage, S, data, p, extractor)())
                except Exception as e:  # a read error is an output too
                    out[name] = f'{type(e).__name__}: {e}'
        with open(sys.argv[4], 'w', encoding='utf-8') as f:
            json.dump(out, f, ensure_ascii=False)


if __name__ == '__main__':
    main()
