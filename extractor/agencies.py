"""Names of public bodies: where one ends in a sentence, how a list of them splits, and a key that
groups the same body across documents.

All matching runs on `normalize.match_key` text (same length as the document text, folded case
and tone placement), so every span found is valid in the text itself. The vocabulary — heads of
names ("Sở", "UBND", "các cơ quan"), titles ("Giám đốc"), the verbs that end a name,
abbreviations — lives in `data/agencies.toml`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .alternation import alternation
from .normalize import match_key


@dataclass(frozen=True)
class Lexicon:
    head: re.Pattern  # a head word at a position
    weak_heads: frozenset[str]
    follower: re.Pattern  # lower-case words allowed right after a head
    title: re.Pattern  # one or more titles at a position
    stop: re.Pattern  # a word that ends a name (when written in lower case)
    stop_or_modifier: re.Pattern  # either of `stop` and `modifier`: one test that clears most words
    verb: re.Pattern  # the stop words that are predicates (not prepositions)
    preposition: re.Pattern
    modifier: re.Pattern  # verb-like words that qualify a collective head ("cơ quan thông tin")
    abbreviations: tuple[tuple[str, str], ...]  # (spelled-out form, abbreviation), longest first
    noise: re.Pattern
    noun_after: re.Pattern  # words after which a verb-like word is a noun ("tổ chức xã hội")
    passive: re.Pattern
    object_head: re.Pattern  # what a task acts on ("Hệ thống", "Kế hoạch"): never inside a body's name
    level_end: re.Pattern  # a place level ending a name so far ("Công an xã")
    levels: tuple[str, ...]  # the same levels as words, for a quick test before `level_end`
    level_compound: re.Pattern  # a word that starts with a level's syllable ("xã hội")
    name_start: re.Pattern  # title, "các", head: one test that rules out most positions at once
    data: dict


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads(resources.files("extractor.data").joinpath("agencies.toml").read_text(encoding="utf-8"))
    agency = data["agency"]
    abbreviations = []
    for short, longs in data["abbreviations"].items():
        for long in [longs] if isinstance(longs, str) else longs:
            abbreviations.append((long, short))
    abbreviations.sort(key=lambda p: -len(p[0]))
    end = r"(?![^\W_])"
    return Lexicon(
        head=re.compile(rf"(?:{alternation(agency['heads'])}){end}"),
        weak_heads=frozenset(agency["weak_heads"]),
        follower=re.compile(rf"(?:{alternation(agency['followers'])}){end}"),
        title=re.compile(rf"(?:(?:{alternation(agency['titles'])}){end}\s*)+"),
        stop=re.compile(rf"(?:{alternation(data['verbs']['words'] + data['verbs']['prepositions'])}){end}"),
        stop_or_modifier=re.compile(rf"(?:{alternation(data['verbs']['words'] + data['verbs']['prepositions'] + data['verbs']['modifiers'])}){end}"),
        preposition=re.compile(alternation(data['verbs']['prepositions'])),
        verb=re.compile(rf"(?:{alternation(data['verbs']['words'])}){end}"),
        modifier=re.compile(rf"(?:{alternation(data['verbs']['modifiers'])}){end}"),
        abbreviations=tuple(abbreviations),
        noise=re.compile(rf"(?<![^\W_])(?:{alternation(agency['key_noise'])}){end}"),
        noun_after=re.compile(rf"(?:{alternation(data['verbs']['noun_after'])}){end}"),
        passive=re.compile(rf"(?:{alternation(data['verbs']['passive'])}){end}"),
        object_head=re.compile(rf"(?:{alternation(agency['object_heads'])}){end}"),
        level_end=re.compile(rf"(?<![^\W_])(?:{alternation(agency['levels'])})$"),
        levels=tuple(agency["levels"]),
        level_compound=re.compile(rf"(?:{alternation(agency['level_compounds'])}){end}"),
        # title (taken whole, as `title` alone would), "các", head: the parts `head_at` reads
        name_start=re.compile(rf"[ \t*]*(?>(?:(?:{alternation(agency['titles'])}){end}\s*)*)(?P<body>)"
                              rf"(?P<plural>(?:các|những)\s+)?(?P<head>{alternation(agency['heads'])}){end}"),
        data=data,
    )


_WORD = re.compile(r"[^\W_]+(?:[&/][^\W_]+)*")
_SPACE = re.compile(r"[ \t*]*")  # markdown emphasis left inside a line counts as space
_NEXT_WORD = re.compile(rf"{_SPACE.pattern}(?P<word>{_WORD.pattern})?")  # spaces, then the word there if any
_PLURAL = re.compile(r"(?:các|những)\s+")
_PLURAL_WORD = re.compile(r"(?:các|những)\s")
_PLURAL_OPT = re.compile(r"(?:(?:các|những)\s+)?")
_LEADING_AND = re.compile(r"(?:(?:và|cùng|hoặc)(?![^\W_]))?\s*")
MAX_WORDS = 40  # a list of bodies after "đề nghị" can be long


@dataclass(frozen=True)
class Name:
    """A body's name found in the text: `text` as written (or completed, for "Sở: Y tế, …")."""

    text: str
    start: int
    end: int


def _skip(key: str, i: int, limit: int) -> int:
    m = _SPACE.match(key, i, limit)
    return m.end() if m else i


def _capital_inside(text: str, a: int, b: int) -> int:
    """The first capital letter in text[a:b], or -1."""
    if text[a:b].islower():  # the usual case, told without a loop
        return -1
    for j in range(a, b):
        if text[j].isupper():
            return j
    return -1


def _is_upper(text: str, i: int) -> bool:
    return i < len(text) and text[i].isupper()


def head_at(text: str, key: str, i: int, limit: int, strict: bool = True) -> tuple[int, int, bool] | None:
    """(start of the name without title, end of the head, written with "các") if a body's name
    starts at `i` (after an optional title), else None.

    `strict` (a sentence's subject): a head that is also a common noun ("Tổ chức", "Đơn vị") is not
    a body. After a cue such as "phối hợp với" it is ("phối hợp với lực lượng quân đội")."""
    lex = lexicon()
    found = lex.name_start.match(key, i, limit)
    if not found:
        return None  # most positions: no title, "các" or head there
    name_start = found.start("body")
    plural = found.start("plural") >= 0
    i, head_end = found.span("head")
    head = found.group("head")
    if (cap := _capital_inside(text, i + 1, head_end)) >= 0 and (shorter := lex.head.match(key, i, cap - 1)) \
            and shorter.group() not in lex.weak_heads:
        # "Ban Công tác đặc biệt": "Ban" + a proper name, not the head "ban công tác"; but
        # "Trường Mầm non", "Trạm Y tế" keep their head ("trường", "trạm" alone are common nouns)
        head, head_end = shorter.group(), shorter.end()
    if plural:
        return name_start, head_end, True
    after = _skip(key, head_end, limit)
    nxt = _WORD.match(key, after, limit)
    if text[i:head_end].isupper() and nxt and len(nxt.group()) > 1 and text[after:nxt.end()].isupper():
        return None  # a heading in capitals ("TỔ CHỨC THỰC HIỆN"): case tells nothing here
    if not nxt:
        # a bare capitalised head ("Công an", "Hội Phụ nữ:") before a comma or the clause end
        ok = _is_upper(text, i) and head not in lex.weak_heads
        if ok and after < limit and key[after] == ",":  # "Phòng, chống…" is no body; "Công an, Quân đội" are
            ok = _starts_body(text, key, _skip(key, after + 1, limit), limit)
        elif not strict and head in lex.weak_heads and after < limit and key[after] == ",":
            ok = bool(lex.head.match(key, _skip(key, after + 1, limit), limit))  # "cơ quan, tổ chức khác"
        return (name_start, head_end, False) if ok else None
    if head in lex.weak_heads:  # "Tổ chức các lớp…", "Đơn vị chủ trì": common nouns, not bodies
        if strict or lex.stop.match(key, after, limit) or (
                lex.stop.fullmatch(head) and _PLURAL.match(key, after, after + 6)):
            return None  # "tổ chức các lớp…": a verb and its object
        return name_start, head_end, False
    if _is_upper(text, after):
        return name_start, head_end, False
    if lex.follower.match(key, after, limit):
        return name_start, head_end, False
    return None


def _is_stop(text: str, key: str, k: int, limit: int, in_list: bool = False) -> bool:
    """Does a lower-case verb or preposition start at `k`? Not before a word that makes it a noun
    in names ("các tổ chức xã hội"), nor a head listed between commas ("các cơ quan, tổ chức, cá
    nhân")."""
    lex = lexicon()
    m = lex.stop.match(key, k, limit)
    if not m or _is_upper(text, k):
        return False
    n = _skip(key, m.end(), limit)
    if in_list and n < limit and key[n] == "," and lex.head.fullmatch(m.group()):
        return False
    if lex.preposition.fullmatch(m.group()):
        return True
    return n >= limit or not lex.noun_after.match(key, n, limit)


def name_end(text: str, key: str, i: int, limit: int, strict: bool = True) -> tuple[int, int] | None:
    """(start, end) of the body's name that starts at `i`: from its head to the word before the
    first lower-case verb, preposition or clause punctuation. None when no name starts there, or
    when the name runs into a passive ("các cơ quan được giao…": a description, not a name)."""
    found = head_at(text, key, i, limit, strict)
    if not found:
        return None
    start, j, plural = found
    lex = lexicon()
    end = j
    words = 1
    last_word_start = -1
    after_modifier = comma = False  # "các cơ quan thông tin, tuyên truyền": modifiers in a row
    lowers: list[int] = []  # the lower-case words since the last capitalised one
    space = _SPACE.match
    levels = lex.levels  # most names do not end with one: told before `_ends_with_level` is asked
    while True:
        token = _NEXT_WORD.match(key, j, limit)
        k = token.start("word")
        if k < 0:  # no word next: a list or dash goes on, anything else ends the name
            k = token.end()
            if k >= limit:
                break
            c = key[k]
            if c in ",–-" or (c == ":" and plural and words <= 3):
                n = space(key, k + 1, limit).end()
                if n >= limit or not _WORD.match(key, n, limit):
                    break
                if _is_stop(text, key, n, limit, in_list=c == ",") and not (after_modifier and lex.modifier.match(key, n, limit)):
                    break
                if c == ":" and not _is_upper(text, n):
                    break
                j = k + 1
                comma = c == ","
                if c != ",":  # "Văn hóa - Xã hội": a dash joins two capitalised parts
                    lowers = []
                continue
            break
        upper = text[k].isupper()
        verb_like = not upper and lex.stop_or_modifier.match(key, k, limit)  # most words in a name are not
        if verb_like:
            mm = lex.modifier.match(key, k, limit)
            if mm and (_after_weak_head(key, start, end) or (after_modifier and comma)):
                words += 1
                last_word_start = k
                end = j = mm.end()
                after_modifier, comma = True, False
                continue
        in_list, after_modifier, comma = comma, False, False
        if verb_like and _is_stop(text, key, k, limit, in_list=in_list):
            if lex.passive.match(key, k, limit):
                return None
            break
        if upper:
            if len(lowers) >= 2 and lex.object_head.match(key, k, limit):
                # "Sở Khoa học và Công nghệ nâng cấp Hệ thống…": a name does not run on into a
                # document or a system; the (two-syllable) verb before it ends the name, and the
                # second syllable of a capitalised word ("Công nghệ") stays in it
                end = _strip_back(key, start, lowers[max(1, len(lowers) - 2)], " ,-–")
                break
            lowers = []
        else:
            if not plural and not key[k].isdigit() and key.endswith(levels, start, end) \
                    and _ends_with_level(text, key, start, end) \
                    and not lex.follower.match(key, k, limit):
                break  # "Công an xã xác minh…": after its place level a body's name goes on only capitalised
            lowers.append(k)
        words += 1
        if words > MAX_WORDS:
            return None
        last_word_start = k
        end = j = token.end()
    # a trailing connective belongs to what follows ("Sở A và" + verb)
    if last_word_start >= 0 and key[last_word_start:end] in ("và", "cùng", "hoặc"):
        end = _strip_back(key, start, last_word_start, " ,")
    return start, end


def _strip_back(key: str, start: int, i: int, chars: str) -> int:
    """`i` moved back over `chars` (not before `start`): where key[:i].rstrip(chars) ends."""
    while i > start and key[i - 1] in chars:
        i -= 1
    return i


def _ends_with_level(text: str, key: str, start: int, end: int) -> bool:
    """Does the name so far end with a place level in lower case ("Công an xã"), not the first
    syllable of a word ("Chính sách xã hội")?"""
    lex = lexicon()
    if not key.endswith(lex.levels, start, end):
        return False  # most names: told without trying the pattern at each of the last characters
    m = lex.level_end.search(key, max(start, end - 12), end)  # the last words only
    return bool(m) and text[m.start()].islower() and not lex.level_compound.match(key, m.start())


def _after_weak_head(key: str, start: int, end: int) -> bool:
    """Does the name so far end with a collective head ("các cơ quan", ", cơ quan")?"""
    lex = lexicon()
    tail = key[start:end]
    return any(tail.endswith(h) and (len(tail) == len(h) or not tail[-len(h) - 1].isalnum())
               for h in lex.data["verbs"]["modified_heads"])


def _clean(text: str) -> str:
    return " ".join(text.replace("*", " ").split()).strip(" ,;:.-–/")


_SEPARATOR = re.compile(r"[;,]| (?=và )")
_PLURAL_LIST = re.compile(r"(?:các|những)\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)\s*:\s*")


def split_names(text: str, key: str, start: int, end: int) -> list[Name]:
    """The bodies named in text[start:end]: "Sở Tài chính, Sở Nội vụ" -> two; a collective phrase
    ("Các sở, ban, ngành") stays whole; "Giám đốc các Sở: Y tế, Tư pháp" -> "Sở Y tế", "Sở Tư pháp";
    a piece after ";" without a head borrows the head of the piece before it
    ("Công chức Văn phòng – Thống kê; Văn hóa – Xã hội")."""
    lex = lexicon()
    cuts = [start]
    for sep in _SEPARATOR.finditer(key, start, end):  # the places a list may split, not every character
        i = sep.start()
        c = key[i]
        if c == ";":
            cuts.append(i + 1)
        else:
            after = i + (1 if c == "," else 4)
            n = _skip(key, after, end)
            piece_before = key[cuts[-1]:i].strip(" ,;:*")
            piece_text = text[cuts[-1]:i].strip(" ,;:*")
            # one body: "Báo và Đài Phát thanh…", "Văn phòng HĐND và UBND huyện"
            bare = False
            if c != ",":
                last = piece_text.rsplit(" ", 1)[-1]
                bare = bool(lex.head.fullmatch(piece_before)) or (
                    last.isupper() and len(last) > 1 and bool(lex.head.fullmatch(last.lower())))
            proper = not _PLURAL_WORD.match(piece_before) and piece_text[:1].isupper()
            # one named body ("Ủy ban nhân dân tỉnh"), not a collective ("các Bộ, ngành")
            if not bare and _starts_body(text, key, n, end, after_and=c != ",", after_proper=proper):
                cuts.append(after)
            elif c == "," and _is_upper(text, n) and _DASH_PAIR.search(piece_before) and \
                    _DASHED.match(key, n, _next_comma(key, n, end)):
                cuts.append(after)  # "công chức Văn phòng – Thống kê, Văn hóa – Xã hội": parallel names
    cuts.append(end + 1)
    names: list[Name] = []
    previous_head = None  # the head of the piece before ("Sở"); for a name, the span it is read from
    for a, b in zip(cuts, cuts[1:]):
        b = b - 1
        a = _skip(key, a, b)
        if a >= b:
            continue
        a = _LEADING_AND.match(key, a, b).end()
        # drop a parenthetical such as "(cơ quan thường trực)" or "(b/c)"
        paren = key.find("(", a, b)
        if paren >= 0:
            b = paren
        m = lex.title.match(key, a, b)
        body_at = m.end() if m else a
        lst = _PLURAL_LIST.match(key, body_at, b)
        if lst and lex.head.fullmatch(key[lst.start(1):lst.end(1)]):
            head = text[lst.start(1):lst.end(1)]
            head = head[:1].upper() + head[1:]
            for s, e in _comma_items(key, lst.end(), b):
                item = _clean(text[s:e])
                if item:
                    names.append(Name(f"{head} {item}", s, e))
            previous_head = head
            continue
        span = name_end(text, key, a, b, strict=False)
        if span:
            s, e = span
            s = a if m else s  # keep a title as written ("Giám đốc Sở Nội vụ")
            name = _clean(text[s:e])
            if name:
                names.append(Name(name, s, s + len(text[s:e].rstrip(" ,;:.-–/*"))))
                previous_head = span  # its head is read only if a piece without one follows
            continue
        if _is_upper(text, a) and (a == 0 or key[max(start, a - 3):a].strip()[-1:] in (";", ",")):
            if isinstance(previous_head, tuple):
                previous_head = _head_word(text, key, *previous_head)
            if previous_head:
                piece = _clean(text[a:b])  # a piece that is only spaces and punctuation never gets here
                names.append(Name(f"{previous_head} {piece}", a, a + len(piece)))
    return names


def _head_word(text: str, key: str, start: int, end: int) -> str | None:
    """The head of the name at start..end as written, capitalised ("các sở …" -> "Sở")."""
    hm = _PLURAL_OPT.match(key, start)
    hh = lexicon().head.match(key, hm.end(), end)
    head = text[hh.start():hh.end()] if hh else None
    return head[:1].upper() + head[1:] if head else None


# two words joined by a dash: "Văn phòng – Thống kê" (a letter on either side of " – " is enough to
# know; matching whole words made every search quadratic in the length of the text searched)
_DASH_PAIR = re.compile(r"[^\W_] [-–] [^\W_]")
_DASHED = re.compile(rf"[^,;]*?{_DASH_PAIR.pattern}")  # a dashed pair before the next "," or ";"


def _next_comma(key: str, i: int, end: int) -> int:
    j = key.find(",", i, end)
    return end if j < 0 else j


def _comma_items(key: str, a: int, b: int) -> list[tuple[int, int]]:
    items, s = [], a
    for i in range(a, b + 1):
        if i == b or key[i] in ",;":
            e = i
            while e > s and key[e - 1] in " .*":
                e -= 1
            ss = _skip(key, s, e)
            if key.startswith("và ", ss):
                ss += 3
            if e > ss:
                items.append((ss, e))
            s = i + 1
    return items


def _starts_body(text: str, key: str, i: int, limit: int, after_and: bool = False,
                 after_proper: bool = False) -> bool:
    """Does a new body start at `i` in a list: a title, "các" + head, or a capitalised head?
    After "và" (or after a proper name) a head that is also a common noun starts a body only in
    lower case with words after it ("Văn phòng Ban Chỉ đạo và cơ quan thường trực các cấp"), never
    capitalised inside a name ("Bộ Lao động - Thương binh và Xã hội")."""
    lex = lexicon()
    if lex.title.match(key, i, limit):
        return True
    if _PLURAL.match(key, i, limit):
        return head_at(text, key, i, limit) is not None
    head = lex.head.match(key, i, limit)
    if not head or head_at(text, key, i, limit, strict=False) is None:
        return False
    weak = head.group() in lex.weak_heads
    if _is_upper(text, i):
        return not (weak and after_and)
    if weak and (after_and or (after_proper and head.group() in lex.data["agency"]["after_name_heads"])):
        # "Văn phòng Ban Chỉ đạo và cơ quan thường trực", "Đài Truyền hình tỉnh, cơ quan thông tấn"
        span = name_end(text, key, i, limit, strict=False)
        return bool(span) and span[1] > head.end() + 1
    return False


def _fold(text: str) -> str:
    key = match_key(" ".join(text.replace("*", " ").split()))
    key = re.sub(r"[,;:.()\-–/]+", " ", key)
    key = lexicon().noise.sub(" ", key)
    return " ".join(key.split())


@cache
def _abbreviation_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    pairs = {(_fold(long), _fold(short)) for long, short in lexicon().abbreviations}
    return tuple((re.compile(rf"(?<![^\W_]){re.escape(long)}(?![^\W_])"), short)
                 for long, short in sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=4096)  # the same few bodies are keyed over and over in a document
def agency_key(name: str) -> str:
    """A key that is the same for the same body however it is written: "UBND tỉnh" = "Ủy ban nhân
    dân tỉnh", "Phòng Văn hóa - Thông tin" = "Phòng Văn hóa và Thông tin", "Giám đốc Sở Nội vụ" =
    "Sở Nội vụ", case and old/new tone placement folded."""
    lex = lexicon()
    key = _fold(name)
    for pattern, short in _abbreviation_patterns():
        key = pattern.sub(short, key)
    m = lex.title.match(key)
    if m and m.end() < len(key):
        key = key[m.end():]
    return " ".join(key.split())
