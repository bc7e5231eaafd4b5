"""Evaluate quote alignment (`briefing.alignment`) on BASIL: right spans, robustness, decoys, speed.

Run from the project root:

    .venv/bin/python bench/eval_alignment.py
    .venv/bin/python bench/eval_alignment.py --repeat 5 --json bench/results/alignment.json
    .venv/bin/python bench/eval_alignment.py --limit-articles 10 --no-langextract   # quick look

BASIL ("In Plain Sight", EMNLP 2019) is read at run time from ``../shared/data/basil`` relative
to the project root (``--data`` points elsewhere); it is never copied into the repository, and
the evaluation is skipped with a message when it is absent. Each article's text is its
sentences joined by a space and its paragraphs by a blank line; an annotated phrase's true
offset is its sentence's offset plus the phrase's ``start`` (BASIL names no sentence: it is
the sentence whose ``[start:end]`` slice equals the phrase).

Measured, with one :class:`~briefing.alignment.Aligner` per article:

* **as is** -- every phrase; *strict* means the span is the annotated one, *any* that it is an
  occurrence of the phrase (``text[start:end] == phrase``: without ``near`` the first of
  several identical occurrences is the only defensible answer);
* **perturbed** -- quotation marks swapped straight <-> curly, spaces doubled, the first
  letter's case flipped, the middle of phrases of 8+ words cut to ``first 3 ... last 3``;
* **decoys** -- phrases of 5+ words from articles about *other* events that do not occur
  (after :func:`~briefing.alignment.normalize`) in the article; any alignment is a false
  positive;
* **speed** -- quotes per second over the as-is workload (``Aligner`` builds included, and
  reported apart), and 2,000 quotes (half perturbed) against one text of at least 1 MB.

If a langextract interpreter exists (``/tmp/lxenv/bin/python`` or ``--langextract-python``),
the same as-is workload and the decoys go through langextract's ``WordAligner`` in a
subprocess (this file, run with ``--langextract-worker``); langextract is not a dependency of
this project. A compact table goes to stdout and all figures, with failing examples, to
``bench/results/alignment.json`` (or ``--json PATH``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # briefing is imported lazily: the langextract worker runs without it
    from briefing.alignment import Alignment

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "data"
DEFAULT_JSON = PROJECT_ROOT / "bench" / "results" / "alignment.json"
DEFAULT_LANGEXTRACT_PYTHON = Path("/tmp/lxenv/bin/python")
MIN_DECOYS = 1_723
MEGABYTE = 1 << 20

TARGETS = {
    "as_is_right": 0.995,  # share of as-is phrases at right offsets (any occurrence)
    "perturbed_right": 0.98,  # pooled share of perturbed phrases at right offsets (any)
    "decoys_aligned": 0.005,  # largest share of decoys aligned
    "langextract_speedup": 20.0,  # ours over langextract's fastest mode, quotes per second
    "megabyte_seconds": 1.0,  # 2,000 quotes against 1 MB, Aligner build included
}


# --------------------------------------------------------------------------- BASIL


@dataclass(frozen=True)
class Phrase:
    """An annotated phrase and its true span in the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One BASIL article: its text (as built here), event, and annotated phrases."""

    key: str
    event: str
    text: str
    phrases: tuple[Phrase, ...]


@dataclass
class Basil:
    """The loaded corpus, with what could not be placed."""

    articles: list[Article]
    not_in_article: list[dict[str, Any]]
    ambiguous_sentence: int = 0
    offsets_repaired: int = 0

    @property
    def phrase_count(self) -> int:
        return sum(len(article.phrases) for article in self.articles)


def build_article_text(paragraphs: list[list[str]]) -> tuple[str, list[int]]:
    """Sentences joined by a space, paragraphs by a blank line; offsets of every sentence."""
    parts: list[str] = []
    offsets: list[int] = []
    position = 0
    for p, paragraph in enumerate(paragraphs):
        for s, sentence in enumerate(paragraph):
            separator = "" if p == 0 and s == 0 else ("\n\n" if s == 0 else " ")
            parts.append(separator)
            position += len(separator)
            offsets.append(position)
            parts.append(sentence)
            position += len(sentence)
    return "".join(parts), offsets


def load_basil(basil_dir: Path, limit_articles: int | None = None) -> Basil:
    """Read articles and phrase annotations; place each phrase in its article's text."""
    basil = Basil(articles=[], not_in_article=[])
    annotation_files = sorted(basil_dir.glob("annotations/*/*_ann.json"))
    if limit_articles is not None:
        annotation_files = annotation_files[:limit_articles]
    for annotation_file in annotation_files:
        year = annotation_file.parent.name
        stem = annotation_file.name.removesuffix("_ann.json")
        article_file = basil_dir / "articles" / year / f"{stem}.json"
        if not article_file.exists():
            continue
        article = json.loads(article_file.read_text(encoding="utf-8"))
        annotations = json.loads(annotation_file.read_text(encoding="utf-8"))
        text, sentence_offsets = build_article_text(article["body-paragraphs"])
        sentences = [sentence for paragraph in article["body-paragraphs"] for sentence in paragraph]
        phrases: list[Phrase] = []
        for annotation in annotations["phrase-level-annotations"]:
            phrase = annotation["txt"]
            lo, hi = annotation["start"], annotation["end"]
            hits = [i for i, sentence in enumerate(sentences) if sentence[lo:hi] == phrase]
            if hits:
                start = sentence_offsets[hits[0]] + lo
                basil.ambiguous_sentence += len(hits) > 1
            else:  # offsets inconsistent with the text: take the phrase where it first occurs
                containing = [i for i, sentence in enumerate(sentences) if phrase in sentence]
                if not containing:
                    basil.not_in_article.append(
                        {"article": f"{year}/{stem}", "phrase": phrase, "title": article["title"]}
                    )
                    continue
                start = sentence_offsets[containing[0]] + sentences[containing[0]].find(phrase)
                basil.offsets_repaired += 1
            assert text[start : start + len(phrase)] == phrase
            phrases.append(Phrase(phrase, start, start + len(phrase)))
        event = article.get("triplet-uuid") or annotations.get("pair-uuid") or stem
        basil.articles.append(Article(f"{year}/{stem}", event, text, tuple(phrases)))
    return basil


# --------------------------------------------------------------------------- perturbations


def swap_quote_marks(quote: str) -> str | None:
    """Straight quotation marks and apostrophes to curly ones and curly to straight."""
    out: list[str] = []
    for i, char in enumerate(quote):
        opening = i == 0 or quote[i - 1].isspace() or quote[i - 1] in "([{-\u2014\u2013"
        if char == '"':
            out.append("\u201c" if opening else "\u201d")
        elif char == "'":
            out.append("\u2018" if opening else "\u2019")
        elif char in "\u201c\u201d\u201e\u201f":
            out.append('"')
        elif char in "\u2018\u2019\u201a\u201b":
            out.append("'")
        else:
            out.append(char)
    swapped = "".join(out)
    return swapped if swapped != quote else None


def double_spaces(quote: str) -> str | None:
    """Every space doubled (a re-flowed or padded copy)."""
    return quote.replace(" ", "  ") if " " in quote else None


def flip_first_letter(quote: str) -> str | None:
    """The case of the first letter flipped."""
    for i, char in enumerate(quote):
        if char.isalpha():
            flipped = char.swapcase()
            return quote[:i] + flipped + quote[i + 1 :] if flipped != char else None
    return None


def cut_middle(quote: str) -> str | None:
    """For 8+ words: the first 3 words, ``...``, the last 3 words."""
    words = quote.split()
    if len(words) < 8:
        return None
    return " ".join(words[:3]) + " ... " + " ".join(words[-3:])


PERTURBATIONS: dict[str, Callable[[str], str | None]] = {
    "quotes swapped": swap_quote_marks,
    "spaces doubled": double_spaces,
    "first letter case": flip_first_letter,
    "middle -> ...": cut_middle,
}


# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    """Outcome counts for one workload, with a few failing examples."""

    n: int = 0
    right_strict: int = 0
    right_any: int = 0
    edge_only: int = 0  # misses that overlap the true span and differ only by punctuation
    aligned: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    failures: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self,
        article: Article,
        phrase: Phrase,
        quote: str,
        found: Alignment | None,
        keep_examples: int,
    ) -> None:
        """Count one alignment of ``quote`` (``phrase``, maybe perturbed) in ``article``."""
        self.n += 1
        strict = found is not None and (found.start, found.end) == (phrase.start, phrase.end)
        anywhere = found is not None and article.text[found.start : found.end] == phrase.text
        if found is not None:
            self.aligned += 1
            self.kinds[found.match] += 1
        self.right_strict += strict
        self.right_any += anywhere
        self.edge_only += not anywhere and edges_differ_only(article.text, phrase, found)
        if not anywhere and len(self.failures) < keep_examples:
            self.failures.append(failure_record(article, phrase, quote, found))

    def as_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "right_strict": self.right_strict,
            "right_any_occurrence": self.right_any,
            "misses_edge_punctuation_only": self.edge_only,
            "aligned": self.aligned,
            "share_right_strict": share(self.right_strict, self.n),
            "share_right_any_occurrence": share(self.right_any, self.n),
            "share_aligned": share(self.aligned, self.n),
            "match_kinds": dict(self.kinds),
            "failures": self.failures,
        }


def edges_differ_only(text: str, phrase: Phrase, found: Alignment | None) -> bool:
    """Whether ``found`` overlaps the true span and adds or drops only non-word characters.

    Such a miss is a boundary disagreement (a bracket, a leading "...", closing punctuation),
    not a wrong place.
    """
    if found is None or found.end <= phrase.start or found.start >= phrase.end:
        return False
    lo, hi = sorted((found.start, phrase.start)), sorted((found.end, phrase.end))
    differing = text[lo[0] : lo[1]] + text[hi[0] : hi[1]]
    return not any(char.isalnum() for char in differing)


def failure_record(
    article: Article, phrase: Phrase, quote: str, found: Alignment | None
) -> dict[str, Any]:
    """What was asked, where it should have landed, and where it did."""
    return {
        "article": article.key,
        "quote": quote,
        "expected": [phrase.start, phrase.end],
        "expected_text": phrase.text,
        "occurrences": article.text.count(phrase.text),
        "got": None if found is None else [found.start, found.end],
        "got_text": None if found is None else article.text[found.start : found.end],
        "match": None if found is None else found.match,
        "score": None if found is None else found.score,
    }


def share(count: int, total: int) -> float | None:
    return None if total == 0 else round(count / total, 6)


def pct(count: int, total: int) -> str:
    return "-" if total == 0 else f"{100 * count / total:.2f}%"


# --------------------------------------------------------------------------- workloads


def evaluate_as_is(basil: Basil, repeat: int, keep_examples: int) -> tuple[Tally, dict[str, Any]]:
    """Every phrase against its own article: right spans, and the best of ``repeat`` timings."""
    from briefing.alignment import Aligner

    best_build = best_align = float("inf")
    tally = Tally()
    for attempt in range(max(1, repeat)):
        build = align = 0.0
        results: list[list[Alignment | None]] = []
        for article in basil.articles:
            started = time.perf_counter()
            aligner = Aligner(article.text)
            built = time.perf_counter()
            results.append([aligner.align(phrase.text) for phrase in article.phrases])
            build += built - started
            align += time.perf_counter() - built
        if build + align < best_build + best_align:
            best_build, best_align = build, align
        if attempt == 0:
            for article, found in zip(basil.articles, results, strict=True):
                for phrase, hit in zip(article.phrases, found, strict=True):
                    tally.add(article, phrase, phrase.text, hit, keep_examples)
    speed = {
        "quotes": tally.n,
        "articles": len(basil.articles),
        "seconds_total": round(best_build + best_align, 6),
        "seconds_build": round(best_build, 6),
        "seconds_align": round(best_align, 6),
        "quotes_per_second": round(tally.n / (best_build + best_align), 1),
        "quotes_per_second_align_only": round(tally.n / best_align, 1),
        "ms_per_quote": round(1000 * (best_build + best_align) / tally.n, 4),
        "repeat": repeat,
    }
    return tally, speed


def evaluate_perturbed(basil: Basil, keep_examples: int) -> dict[str, Tally]:
    """Each perturbation of each phrase it changes, against the phrase's article."""
    from briefing.alignment import Aligner

    tallies = {name: Tally() for name in PERTURBATIONS}
    for article in basil.articles:
        aligner = Aligner(article.text)
        for phrase in article.phrases:
            for name, perturb in PERTURBATIONS.items():
                quote = perturb(phrase.text)
                if quote is not None:
                    tallies[name].add(article, phrase, quote, aligner.align(quote), keep_examples)
    return tallies


@dataclass(frozen=True)
class Decoy:
    """A phrase from an article about another event, absent from ``article``."""

    article: int
    quote: str
    source: str


def sample_decoys(basil: Basil, count: int, seed: int) -> list[Decoy]:
    """``count`` decoys, round-robin over articles, drawn with a fixed seed."""
    from briefing.alignment import normalize

    pool = [
        (article.event, article.key, phrase.text)
        for article in basil.articles
        for phrase in article.phrases
        if len(phrase.text.split()) >= 5
    ]
    if not pool or len({event for event, _, _ in pool}) < 2:
        return []
    rng = random.Random(seed)
    normalized = [normalize(article.text) for article in basil.articles]
    used: set[tuple[int, str]] = set()
    decoys: list[Decoy] = []
    attempts = 0
    while len(decoys) < count and attempts < 50 * count:
        index = len(decoys) % len(basil.articles)
        article = basil.articles[index]
        event, source, quote = pool[rng.randrange(len(pool))]
        attempts += 1
        if event == article.event or (index, quote) in used:
            continue
        if normalize(quote).strip() in normalized[index]:
            continue
        used.add((index, quote))
        decoys.append(Decoy(index, quote, source))
    return decoys


def evaluate_decoys(basil: Basil, decoys: list[Decoy], keep_examples: int) -> dict[str, Any]:
    """Align every decoy in its article; any alignment is a false positive."""
    from briefing.alignment import Aligner

    by_article: dict[int, list[Decoy]] = {}
    for decoy in decoys:
        by_article.setdefault(decoy.article, []).append(decoy)
    aligned = 0
    kinds: Counter[str] = Counter()
    examples: list[dict[str, Any]] = []
    seconds = 0.0
    for index, group in by_article.items():
        article = basil.articles[index]
        started = time.perf_counter()
        aligner = Aligner(article.text)
        found = [aligner.align(decoy.quote) for decoy in group]
        seconds += time.perf_counter() - started
        for decoy, hit in zip(group, found, strict=True):
            if hit is None:
                continue
            aligned += 1
            kinds[hit.match] += 1
            if len(examples) < keep_examples:
                examples.append(
                    {
                        "article": article.key,
                        "quote": decoy.quote,
                        "quote_from": decoy.source,
                        "got": [hit.start, hit.end],
                        "got_text": article.text[hit.start : hit.end],
                        "match": hit.match,
                        "score": hit.score,
                    }
                )
    return {
        "n": len(decoys),
        "aligned": aligned,
        "share_aligned": share(aligned, len(decoys)),
        "match_kinds": dict(kinds),
        "seconds": round(seconds, 6),
        "ms_per_quote": round(1000 * seconds / len(decoys), 4) if decoys else None,
        "false_positives": examples,
    }


def build_megabyte_text(basil: Basil, min_chars: int) -> str:
    """BASIL articles joined by blank lines (cycling if needed) to at least ``min_chars``."""
    parts: list[str] = []
    size = 0
    while size < min_chars and basil.articles:
        for article in basil.articles:
            parts.append(article.text)
            size += len(article.text) + 2
            if size >= min_chars:
                break
    return "\n\n".join(parts)


def sample_substrings(text: str, count: int, seed: int) -> list[tuple[str, str]]:
    """``count`` (quote, original) pairs of 5-25 words inside a paragraph; odd ones perturbed."""
    rng = random.Random(seed)
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    perturbations = list(PERTURBATIONS.values())
    pairs: list[tuple[str, str]] = []
    while len(pairs) < count:
        length = rng.randint(5, 25)
        first = rng.randrange(len(words) - length)
        original = text[words[first][0] : words[first + length - 1][1]]
        if "\n" in original:
            continue
        quote = original
        if len(pairs) % 2:
            perturb = perturbations[(len(pairs) // 2) % len(perturbations)]
            quote = perturb(original) or double_spaces(original) or original
        pairs.append((quote, original))
    return pairs


def evaluate_megabyte(
    basil: Basil, count: int, repeat: int, seed: int, keep_examples: int
) -> dict[str, Any]:
    """``count`` quotes against one text of at least 1 MB: seconds, build included."""
    from briefing.alignment import Aligner

    text = build_megabyte_text(basil, MEGABYTE)
    pairs = sample_substrings(text, count, seed)
    best: tuple[float, float] = (float("inf"), float("inf"))
    found: list[Alignment | None] = []
    latencies: list[float] = []
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        aligner = Aligner(text)
        built = time.perf_counter()
        run_found: list[Alignment | None] = []
        run_latencies: list[float] = []
        for quote, _ in pairs:
            before = time.perf_counter()
            run_found.append(aligner.align(quote))
            run_latencies.append(time.perf_counter() - before)
        done = time.perf_counter()
        if done - started < sum(best):
            best = (built - started, done - built)
            found, latencies = run_found, run_latencies
    ranked = sorted(range(len(pairs)), key=lambda k: latencies[k], reverse=True)
    ordered = sorted(latencies)
    right = [
        hit is not None and text[hit.start : hit.end] == original
        for (_, original), hit in zip(pairs, found, strict=True)
    ]
    misses = [
        {
            "quote": quote,
            "original": original,
            "got_text": None if hit is None else text[hit.start : hit.end],
            "match": None if hit is None else hit.match,
        }
        for (quote, original), hit, ok in zip(pairs, found, right, strict=True)
        if not ok
    ]
    return {
        "text_chars": len(text),
        "quotes": len(pairs),
        "perturbed": sum(quote != original for quote, original in pairs),
        "seconds_total": round(sum(best), 6),
        "seconds_build": round(best[0], 6),
        "seconds_align": round(best[1], 6),
        "right_any_occurrence": sum(right),
        "right_perturbed": sum(
            ok for (quote, original), ok in zip(pairs, right, strict=True) if quote != original
        ),
        "share_right": share(sum(right), len(pairs)),
        "ms_per_quote_median": round(1000 * ordered[len(ordered) // 2], 4),
        "ms_per_quote_p99": round(1000 * ordered[int(0.99 * (len(ordered) - 1))], 4),
        "slowest": [
            {"ms": round(1000 * latencies[k], 3), "quote": pairs[k][0]} for k in ranked[:5]
        ],
        "failures": misses[:keep_examples],
        "repeat": repeat,
    }


# --------------------------------------------------------------------------- langextract


def run_langextract(
    python: Path, basil: Basil, decoys: list[Decoy], seed: int, keep_examples: int
) -> dict[str, Any]:
    """Run the as-is workload (and decoys) through langextract's aligner in ``python``."""
    if not python.exists():
        return {"status": f"not installed ({python} not found)"}
    workload = {
        "seed": seed,
        "keep_examples": keep_examples,
        "articles": [
            {
                "key": article.key,
                "text": article.text,
                "phrases": [[p.text, p.start, p.end] for p in article.phrases],
                "decoys": [d.quote for d in decoys if d.article == index],
            }
            for index, article in enumerate(basil.articles)
        ],
    }
    with tempfile.TemporaryDirectory() as folder:
        request, reply = Path(folder) / "workload.json", Path(folder) / "result.json"
        request.write_text(json.dumps(workload), encoding="utf-8")
        done = subprocess.run(
            [
                str(python),
                str(Path(__file__).resolve()),
                "--langextract-worker",
                str(request),
                str(reply),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0 or not reply.exists():
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            return {"status": "failed: " + " | ".join(tail)}
        result: dict[str, Any] = json.loads(reply.read_text(encoding="utf-8"))
    result["status"] = "ok"
    result["python"] = str(python)
    return result


def langextract_worker(request: Path, reply: Path) -> int:
    """Inside the langextract venv: time ``WordAligner.align_extractions`` on the workload."""
    import logging
    from importlib.metadata import version

    from langextract.core import data  # type: ignore[import-not-found]
    from langextract.resolver import WordAligner  # type: ignore[import-not-found]

    logging.disable(logging.WARNING)
    workload = json.loads(request.read_text(encoding="utf-8"))
    keep = int(workload["keep_examples"])
    rng = random.Random(int(workload["seed"]))

    def align_group(text: str, quotes: Sequence[str]) -> list[tuple[int, int] | None]:
        extractions = [data.Extraction(extraction_class="quote", extraction_text=q) for q in quotes]
        try:
            WordAligner().align_extractions([extractions], text)
        except (ValueError, IndexError):
            return [None] * len(quotes)
        spans: list[tuple[int, int] | None] = []
        for extraction in extractions:
            interval = extraction.char_interval
            if extraction.alignment_status is None or interval is None:
                spans.append(None)
            else:
                spans.append((interval.start_pos, interval.end_pos))
        return spans

    def score(
        mode: str, batches: list[tuple[dict[str, Any], list[list[Any]]]], per_quote: bool
    ) -> tuple[dict[str, Any], list[list[tuple[int, int] | None]]]:
        n = right_strict = right_any = aligned = 0
        failures: list[dict[str, Any]] = []
        started = time.perf_counter()
        outputs: list[list[tuple[int, int] | None]] = []
        for article, phrases in batches:
            quotes = [p[0] for p in phrases]
            if per_quote:
                outputs.append([align_group(article["text"], [q])[0] for q in quotes])
            else:
                outputs.append(align_group(article["text"], quotes))
        seconds = time.perf_counter() - started
        for (article, phrases), spans in zip(batches, outputs, strict=True):
            for (quote, start, end), span in zip(phrases, spans, strict=True):
                n += 1
                aligned += span is not None
                strict = span == (start, end)
                anywhere = span is not None and article["text"][span[0] : span[1]] == quote
                right_strict += strict
                right_any += anywhere
                if not anywhere and len(failures) < keep:
                    failures.append(
                        {
                            "article": article["key"],
                            "quote": quote,
                            "expected": [start, end],
                            "got": None if span is None else list(span),
                            "got_text": None
                            if span is None
                            else article["text"][span[0] : span[1]],
                        }
                    )
        figures = {
            "mode": mode,
            "n": n,
            "seconds": round(seconds, 6),
            "quotes_per_second": round(n / seconds, 1) if seconds else None,
            "ms_per_quote": round(1000 * seconds / n, 4) if n else None,
            "right_strict": right_strict,
            "right_any_occurrence": right_any,
            "aligned": aligned,
            "share_right_strict": share(right_strict, n),
            "share_right_any_occurrence": share(right_any, n),
            "share_aligned": share(aligned, n),
            "failures": failures,
        }
        return figures, outputs

    articles = workload["articles"]
    in_order = [(a, sorted(a["phrases"], key=lambda p: (p[1], p[2]))) for a in articles]
    shuffled = [(a, rng.sample(a["phrases"], len(a["phrases"]))) for a in articles]
    as_given = [(a, a["phrases"]) for a in articles]
    modes = [
        score("one call per quote", as_given, per_quote=True)[0],
        score("one call per article, document order", in_order, per_quote=False)[0],
        score("one call per article, shuffled", shuffled, per_quote=False)[0],
    ]
    decoy_batches = [(a, [[q, -1, -1] for q in a["decoys"]]) for a in articles if a["decoys"]]
    decoys, decoy_spans = score("decoys, one call per quote", decoy_batches, per_quote=True)
    decoys["failures"] = []  # a decoy is never right: the aligned ones are listed instead
    decoys["false_positives"] = [
        {"article": article["key"], "quote": quote, "got_text": article["text"][s[0] : s[1]]}
        for (article, phrases), spans in zip(decoy_batches, decoy_spans, strict=True)
        for (quote, _, _), s in zip(phrases, spans, strict=True)
        if s is not None
    ][:keep]
    result = {"version": version("langextract"), "modes": modes, "decoys": decoys}
    reply.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------- report


def print_report(results: dict[str, Any]) -> None:
    """A compact table of the figures that matter."""
    basil = results["basil"]
    if "skipped" in basil:
        print(f"BASIL: skipped ({basil['skipped']})")
        return
    print(
        f"BASIL: {basil['articles']} articles, {basil['phrases']} phrases "
        f"({len(basil['not_in_article'])} skipped: not in their article; "
        f"{basil['ambiguous_sentence']} with two candidate sentences, first taken)"
    )
    print(
        f"  {'workload':<22}{'n':>6}{'right strict':>14}{'right any':>11}{'edge-only':>11}"
        f"{'aligned':>9}  kinds"
    )

    def row(name: str, tally: dict[str, Any]) -> None:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(tally["match_kinds"].items()))
        print(
            f"  {name:<22}{tally['n']:>6}{pct(tally['right_strict'], tally['n']):>14}"
            f"{pct(tally['right_any_occurrence'], tally['n']):>11}"
            f"{tally['misses_edge_punctuation_only']:>11}"
            f"{pct(tally['aligned'], tally['n']):>9}  {kinds}"
        )

    row("as is", basil["as_is"])
    for name, tally in basil["perturbed"].items():
        row(name, tally)
    row("perturbed, pooled", basil["perturbed_pooled"])
    decoys = basil["decoys"]
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(decoys["match_kinds"].items()))
    print(
        f"  {'decoys (other events)':<22}{decoys['n']:>6}{'':>36}"
        f"{pct(decoys['aligned'], decoys['n']):>9}  {kinds}"
    )

    speed, mb = basil["speed"], basil["megabyte"]
    print(
        f"Speed: {speed['quotes']} BASIL quotes in {speed['seconds_total'] * 1000:.1f} ms = "
        f"{speed['quotes_per_second']:,.0f} quotes/s ({speed['ms_per_quote']:.3f} ms/quote; "
        f"Aligner builds {speed['seconds_build'] * 1000:.1f} ms, aligns "
        f"{speed['seconds_align'] * 1000:.1f} ms; decoys {decoys['ms_per_quote']} ms/quote)"
    )
    print(
        f"       {mb['quotes']} quotes ({mb['perturbed']} perturbed) vs {mb['text_chars']:,} chars "
        f"in {mb['seconds_total']:.3f} s (build {mb['seconds_build']:.3f} s); "
        f"right {pct(mb['right_any_occurrence'], mb['quotes'])}"
    )
    slowest = mb["slowest"][0]
    print(
        f"       per quote: median {mb['ms_per_quote_median']:.3f} ms, "
        f"p99 {mb['ms_per_quote_p99']:.3f} ms, slowest {slowest['ms']:.1f} ms "
        f"({slowest['quote'][:48]!r})"
    )

    lx = results["langextract"]
    if lx.get("status") != "ok":
        print(f"langextract: {lx.get('status')}")
    else:
        print(f"langextract {lx['version']} WordAligner (same as-is workload):")
        for mode in lx["modes"]:
            print(
                f"  {mode['mode']:<40}{mode['quotes_per_second']:>9,.0f} quotes/s "
                f"{mode['ms_per_quote']:>8.3f} ms/quote  right strict "
                f"{pct(mode['right_strict'], mode['n'])}, any "
                f"{pct(mode['right_any_occurrence'], mode['n'])}"
            )
        d = lx["decoys"]
        print(
            f"  {'decoys, one call per quote':<40}{d['quotes_per_second']:>9,.0f} quotes/s "
            f"{d['ms_per_quote']:>8.3f} ms/quote  aligned {pct(d['aligned'], d['n'])}"
        )

    print("Targets:")
    for target in results["targets"]:
        verdict = {True: "PASS", False: "MISS", None: "n/a"}[target["passed"]]
        print(f"  {verdict:<5} {target['name']:<52} {target['value']}")


def check_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Compare the figures with the must-reach targets."""
    basil = results["basil"]
    if "skipped" in basil:
        return []
    as_is, pooled, decoys = basil["as_is"], basil["perturbed_pooled"], basil["decoys"]
    mb = basil["megabyte"]
    lx = results["langextract"]
    speedup: float | None = None
    if lx.get("status") == "ok":
        fastest = max(mode["quotes_per_second"] for mode in lx["modes"])
        speedup = round(basil["speed"]["quotes_per_second"] / fastest, 1)

    def target(name: str, value: float | None, passed: bool, shown: str) -> dict[str, Any]:
        return {
            "name": name,
            "value": shown if value is not None else "n/a",
            "raw": value,
            "passed": None if value is None else passed,
        }

    def shares(tally: dict[str, Any]) -> str:
        right, strict = tally["share_right_any_occurrence"], tally["share_right_strict"]
        return "" if right is None else f"{100 * right:.2f}% (strict {100 * strict:.2f}%)"

    a = as_is["share_right_any_occurrence"]
    p = pooled["share_right_any_occurrence"]
    d = decoys["share_aligned"]
    return [
        target(
            "as-is phrases at right offsets (any occ.) >= 99.5%",
            a,
            a is not None and a >= TARGETS["as_is_right"],
            shares(as_is),
        ),
        target(
            "perturbed phrases at right offsets (any occ.) >= 98%",
            p,
            p is not None and p >= TARGETS["perturbed_right"],
            shares(pooled),
        ),
        target(
            "decoys aligned <= 0.5%",
            d,
            d is not None and d <= TARGETS["decoys_aligned"],
            "" if d is None else f"{100 * d:.2f}%",
        ),
        target(
            "throughput >= 20x langextract's fastest mode",
            speedup,
            speedup is not None and speedup >= TARGETS["langextract_speedup"],
            f"{speedup}x",
        ),
        target(
            f"{mb['quotes']:,} quotes vs 1 MB < 1 s (build included)",
            mb["seconds_total"],
            mb["seconds_total"] < TARGETS["megabyte_seconds"],
            f"{mb['seconds_total']:.3f} s",
        ),
    ]


def pooled_tally(tallies: dict[str, Tally]) -> Tally:
    """All perturbations counted together."""
    pooled = Tally()
    for tally in tallies.values():
        pooled.n += tally.n
        pooled.right_strict += tally.right_strict
        pooled.right_any += tally.right_any
        pooled.edge_only += tally.edge_only
        pooled.aligned += tally.aligned
        pooled.kinds.update(tally.kinds)
    return pooled


def evaluate_basil(args: argparse.Namespace) -> dict[str, Any]:
    """All BASIL workloads, or a ``skipped`` note when the data is absent."""
    basil_dir = Path(args.data) / "basil"
    if not (basil_dir / "articles").is_dir() or not (basil_dir / "annotations").is_dir():
        print(f"BASIL not found at {basil_dir}: skipped", file=sys.stderr)
        return {"skipped": f"not found at {basil_dir}"}
    basil = load_basil(basil_dir, args.limit_articles)
    print(
        f"loaded {len(basil.articles)} BASIL articles, {basil.phrase_count} phrases",
        file=sys.stderr,
    )
    as_is, speed = evaluate_as_is(basil, args.repeat, args.examples)
    print("as is: done", file=sys.stderr)
    perturbed = evaluate_perturbed(basil, args.examples)
    print("perturbed: done", file=sys.stderr)
    decoy_count = args.decoys or max(MIN_DECOYS, basil.phrase_count)
    decoys = sample_decoys(basil, decoy_count, args.seed)
    decoy_results = evaluate_decoys(basil, decoys, args.examples)
    print("decoys: done", file=sys.stderr)
    megabyte = evaluate_megabyte(basil, args.megabyte_quotes, args.repeat, args.seed, args.examples)
    print("1 MB: done", file=sys.stderr)
    langextract: dict[str, Any] = {"status": "skipped (--no-langextract)"}
    if not args.no_langextract:
        print("langextract: running (slow)", file=sys.stderr)
        langextract = run_langextract(
            Path(args.langextract_python), basil, decoys, args.seed, args.examples
        )
    return {
        "basil": {
            "data": str(basil_dir),
            "articles": len(basil.articles),
            "phrases": basil.phrase_count,
            "not_in_article": basil.not_in_article,
            "ambiguous_sentence": basil.ambiguous_sentence,
            "offsets_repaired": basil.offsets_repaired,
            "as_is": as_is.as_json(),
            "perturbed": {name: tally.as_json() for name, tally in perturbed.items()},
            "perturbed_pooled": pooled_tally(perturbed).as_json(),
            "decoys": decoy_results,
            "speed": speed,
            "megabyte": megabyte,
        },
        "langextract": langextract,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        default=str(DEFAULT_DATA),
        help="folder holding basil/ (default: ../shared/data from the root)",
    )
    parser.add_argument("--json", default=str(DEFAULT_JSON), help="write all figures here")
    parser.add_argument(
        "--langextract-python",
        default=str(DEFAULT_LANGEXTRACT_PYTHON),
        help="python of a venv with langextract installed",
    )
    parser.add_argument("--no-langextract", action="store_true", help="skip the comparison")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs; the best is kept")
    parser.add_argument(
        "--decoys",
        type=int,
        default=0,
        help=f"decoy count (default: max({MIN_DECOYS}, phrase count))",
    )
    parser.add_argument("--megabyte-quotes", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--examples", type=int, default=20, help="failing examples kept per workload in the JSON"
    )
    parser.add_argument("--limit-articles", type=int, help="only the first N articles")
    parser.add_argument(
        "--langextract-worker", nargs=2, metavar=("REQUEST", "REPLY"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.langextract_worker:
        return langextract_worker(
            Path(args.langextract_worker[0]), Path(args.langextract_worker[1])
        )

    results = evaluate_basil(args)
    if "skipped" in results["basil"]:
        results["langextract"] = {"status": "skipped (no BASIL)"}
    results["targets"] = check_targets(results)
    print_report(results)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"figures written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
