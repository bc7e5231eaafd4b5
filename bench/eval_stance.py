"""Evaluate position stances (extraction label and stance check) on BASIL's annotated quotes.

Run from the project root (slow: the embedded model answers every item; see bench/README.md):

    nice -n 5 .venv/bin/python bench/eval_stance.py --limit 5        # a first look
    nohup nice -n 5 .venv/bin/python bench/eval_stance.py > bench/results/stance_run.log 2>&1 &
    .venv/bin/python bench/eval_stance.py --report-only              # table from the checkpoint

BASIL ("In Plain Sight", EMNLP 2019) is read at run time from ``../shared/data/basil`` relative
to the project root (``--data`` points elsewhere); nothing of it is copied into the repository,
and the evaluation is skipped with a message when it is absent.

Items are BASIL phrase annotations that are quotes (``quote == "yes"``) with a named speaker
(not ``other_pro``/``other_anti``/``other_neutral``), a target other than the speaker, a
``pos`` or ``neg`` polarity and a *direct* aim (indirect aims rate the target through an ally
or opponent, which is not the speaker's stance toward the target). The speaker must be named in
the item's context -- the sentence holding the quote and the sentence before it -- because
grounding keeps a position only when its actor is named there; items whose speaker is not
named there are counted and left out of the sample.

For each item the context becomes one small ``Source`` and the real pipeline runs on it
(``extract_facts``, stance check on, topic = the target's name), all items against one
endpoint (the embedded model unless ``--base-url``) opened once. The position whose actor
matches the speaker (shared name words, a shared prefix of 5+ letters such as "Democrats" /
"Democratic", or an acronym) is read: its first label, the stance check's answer and verdict.
Gold: ``pos`` counts as ``supports``; ``neg`` counts as ``opposes`` or ``concerned``.

Reported: coverage (items with a matching position), agreement of the first label, and after
the stance check the share decided (both answers equal), the accuracy on the decided ones,
the share disputed, and overall figures that count disputed (and unmatched) items as not
agreeing; confusion counts; wall time. Sampling is deterministic (``--seed``): ``pos`` items
are interleaved one to two ``neg`` items until they run out, each class spread round-robin
over BASIL's events, so any ``--limit`` prefix is balanced alike. Every item's result is
appended to a JSONL checkpoint (``bench/results/stance_items.jsonl``); a rerun resumes from it
(``--no-resume`` starts over) and reuses only records made with the same prompts, code and
model (``briefing.prompting.code_version``: grounding is code, so a change to it runs again).
A table goes to stdout, progress with an ETA to stderr, and all figures plus mislabelled
examples to ``bench/results/stance.json`` (or ``--json PATH``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from briefing.config import BriefConfig, open_endpoint  # noqa: E402
from briefing.llm import Endpoint  # noqa: E402
from briefing.models import Source  # noqa: E402
from briefing.names import acronym, name_words  # noqa: E402
from briefing.pipeline import extract_facts  # noqa: E402
from briefing.prompting import code_version, prompt_version  # noqa: E402

DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "data" / "basil"
DEFAULT_JSON = PROJECT_ROOT / "bench" / "results" / "stance.json"
DEFAULT_CHECKPOINT = PROJECT_ROOT / "bench" / "results" / "stance_items.jsonl"
DEFAULT_LIMIT = 200
TARGET_AGREEMENT = 0.70
GOLD = {"pos": {"supports"}, "neg": {"opposes", "concerned"}}
LABELS = ["supports", "opposes", "concerned", "mixed", "neutral"]
ABORT_AFTER_ERRORS = 3

# Words that name a kind of actor, not which one: "House Democrats" and "House Republicans"
# must not match on "house".
_GENERIC = {
    "the", "of", "for", "and", "on", "in", "a", "an", "to", "mr", "mrs", "ms", "dr", "sen",
    "rep", "gov", "president", "senator", "house", "senate", "officials", "official",
    "lawmakers", "lawmaker", "members", "member", "committee", "campaign", "party", "group",
    "administration", "companies", "company", "leaders", "leader", "state", "department",
    "office", "spokesman", "spokeswoman", "gop", "u.s", "us", "national", "federal", "new",
}  # fmt: skip
_PREFIX = 5
MAX_BACK = 3  # how far before the quote's sentence the speaker's name may be sought


# --------------------------------------------------------------------------- BASIL items


@dataclass(frozen=True)
class Item:
    """One annotated quote, with the context the pipeline will read."""

    key: str  # "<year>/<article stem>#<phrase id>@<phrase start>"
    article: str
    event: str
    title: str
    speaker: str
    target: str
    polarity: str
    phrase: str
    context: str
    phrase_start: int  # offset of the phrase in ``context``
    sentence_start: int  # offset of the quote's sentence (the last one) in ``context``
    named: bool  # the speaker is named (matched by name), not other_pro/anti/neutral
    back: int  # sentences between the one naming the speaker and the quote's (named only)


def _words(name: str) -> list[str]:
    return name_words(name.replace("_", " "))


def _key_words(name: str) -> list[str]:
    return [w for w in _words(name) if w not in _GENERIC and len(w) >= 2]


def _word_match(a: str, b: str) -> bool:
    """Equal, or one inflects the other: a common prefix of 5+ letters that leaves at most two
    letters of the shorter word ("democrats" / "democratic", "catholic" / "catholics")."""
    if a == b:
        return True
    common = len(os.path.commonprefix([a, b]))
    return common >= _PREFIX and common >= min(len(a), len(b)) - 2


def names_match(speaker: str, name: str) -> bool:
    """Whether an extracted actor's ``name`` is the annotated ``speaker`` (loosely).

    A distinctive word in common ("Trump" / "Donald_Trump"), an inflection of one
    ("Democrats" / "Democratic_lawmakers"), or one side an acronym of the other.
    """
    ours, theirs = _key_words(speaker), _key_words(name)
    if any(_word_match(a, b) for a in ours for b in theirs):
        return True
    short_ours, short_theirs = acronym(_words(speaker)), acronym(_words(name))
    return (len(short_ours) >= 2 and short_ours in _words(name)) or (
        len(short_theirs) >= 2 and short_theirs in _words(speaker)
    )


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


def speaker_named(speaker: str, text: str) -> bool:
    """Whether ``text`` names the speaker: its last distinctive word (a surname, "Democrats")
    or half of its distinctive words as capitalised words, or its acronym."""
    words = name_words(" ".join(_CAPITALISED.findall(text)))
    ours = _key_words(speaker)
    if not ours:
        return False
    hits = [a for a in ours if any(_word_match(a, b) for b in words)]
    if ours[-1] in hits or 2 * len(hits) >= len(ours):
        return True
    short = acronym(_words(speaker))
    return len(short) >= 2 and short in words


def _locate(sentences: list[str], phrase: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The sentence index holding the phrase, and its offset there."""
    for i, sentence in enumerate(sentences):
        if sentence[lo:hi] == phrase:
            return i, lo
    for i, sentence in enumerate(sentences):
        if phrase in sentence:
            return i, sentence.find(phrase)
    return None


def load_items(basil_dir: Path, max_back: int = MAX_BACK) -> tuple[list[Item], Counter[str]]:
    """Every eligible item, and counts of why other annotated quotes were left out."""
    items: list[Item] = []
    left_out: Counter[str] = Counter()
    for annotation_file in sorted(basil_dir.glob("annotations/*/*_ann.json")):
        year = annotation_file.parent.name
        stem = annotation_file.name.removesuffix("_ann.json")
        article_file = basil_dir / "articles" / year / f"{stem}.json"
        if not article_file.exists():
            continue
        article = json.loads(article_file.read_text(encoding="utf-8"))
        annotations = json.loads(annotation_file.read_text(encoding="utf-8"))
        sentences = [s for paragraph in article["body-paragraphs"] for s in paragraph]
        event = article.get("triplet-uuid") or stem.rsplit("_", 1)[0]
        for ann in annotations["phrase-level-annotations"]:
            if ann.get("quote") != "yes":
                continue
            speaker, target = ann.get("speaker", "").strip(), ann.get("target", "").strip()
            if not speaker or not target or ann.get("polarity") not in GOLD:
                left_out["no speaker, target or pos/neg polarity"] += 1
                continue
            if ann.get("aim") != "dir":
                left_out["indirect aim"] += 1
                continue
            named = not speaker.startswith("other_")
            if named and _words(speaker) == _words(target):
                left_out["speaker is the target"] += 1
                continue
            found = _locate(sentences, ann["txt"], ann["start"], ann["end"])
            if found is None:
                left_out["phrase not in article"] += 1
                continue
            index, offset = found
            first = max(0, index - 1)
            back = 0
            if named:
                naming = [
                    i
                    for i in range(index, max(-1, index - max_back - 1), -1)
                    if speaker_named(speaker, sentences[i])
                ]
                if not naming:
                    left_out[f"speaker not named in the {max_back} sentences before"] += 1
                    continue
                back = index - naming[0]
                first = min(first, naming[0])
            before = " ".join(sentences[first:index])
            before += " " if before else ""
            items.append(
                Item(
                    # BASIL reuses phrase ids within a file now and then: the offset tells apart.
                    key=f"{year}/{stem}#{ann['id']}@{ann['start']}",
                    article=f"{year}/{stem}",
                    event=event,
                    title=article.get("title") or stem,
                    speaker=speaker,
                    target=target,
                    polarity=ann["polarity"],
                    phrase=ann["txt"],
                    context=before + sentences[index],
                    phrase_start=len(before) + offset,
                    sentence_start=len(before),
                    named=named,
                    back=back,
                )
            )
    return items, left_out


def _spread(items: list[Item], rng: random.Random) -> list[Item]:
    """Round-robin over events (in a seeded order), items within an event shuffled."""
    by_event: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_event[item.event].append(item)
    events = sorted(by_event)
    rng.shuffle(events)
    for event in events:
        rng.shuffle(by_event[event])
    ordered: list[Item] = []
    depth = 0
    while len(ordered) < len(items):
        ordered += [by_event[e][depth] for e in events if depth < len(by_event[e])]
        depth += 1
    return ordered


# Items taken from each group per round: ``pos`` quotes are rare (BASIL quotes mostly attack
# their target), so they are over-sampled; unnamed speakers of both polarities join so that
# the way the position is found (by name, or by the annotated words) is not tied to the class.
WEIGHTS = {("pos", True): 1, ("pos", False): 3, ("neg", True): 4, ("neg", False): 2}


def sample_order(items: list[Item], seed: int) -> list[Item]:
    """All items in evaluation order, so that any ``--limit`` prefix is balanced alike.

    Each group (polarity x named speaker) is spread round-robin over BASIL's events in a seeded
    order; rounds take ``WEIGHTS`` items from each group until all are used.
    """
    rng = random.Random(seed)
    queues = {
        group: _spread([i for i in items if (i.polarity, i.named) == group], rng)
        for group in WEIGHTS
    }
    ordered: list[Item] = []
    while any(queues.values()):
        for group, weight in WEIGHTS.items():
            ordered += queues[group][:weight]
            del queues[group][:weight]
    return ordered


# --------------------------------------------------------------------------- one item


def source_for(item: Item) -> Source:
    return Source(
        id="basil-" + re.sub(r"[^\w-]", "-", item.key),
        path=item.article,
        title=item.title,
        outlet="BASIL",
        text=item.context,
    )


def position_rows(item: Item, sheet: Any) -> list[dict[str, Any]]:
    """Every position of the fact sheet, as stored in the checkpoint."""
    actors = {actor.id: actor for actor in sheet.actors}
    lo, hi = item.phrase_start, item.phrase_start + len(item.phrase)
    return [
        {
            "actor": actors[position.actor_id].name,
            "aliases": actors[position.actor_id].aliases,
            "stance": position.stance,
            "stance_check": position.stance_check,
            "second_stance": position.second_stance,
            "summary": position.summary,
            "quotes": [ev.quote for ev in position.evidence],
            "spans": [[ev.start, ev.end] for ev in position.evidence],
            "on_phrase": any(ev.start < hi and ev.end > lo for ev in position.evidence),
        }
        for position in sheet.positions
    ]


def _is_target(record: dict[str, Any], row: dict[str, Any]) -> bool:
    return any(names_match(record["target"], n) for n in [row["actor"], *row.get("aliases", [])])


def choose_position(record: dict[str, Any]) -> tuple[int | None, str | None]:
    """The index of the position read for an item and how it was found (``None``: none).

    * ``name`` -- named speakers: the speaker's position (name words in common), the one
      quoting the annotated phrase if there are several;
    * ``phrase`` -- named speakers with no position of their own (BASIL often names a group,
      "House_Democrats", where the text quotes one member): a position quoting the phrase;
    * ``sentence`` -- unnamed speakers (``other_*``): a position quoting the quote's sentence,
      the one on the annotated phrase first.

    Positions held by the target itself are never read (a small model readily makes the topic
    an actor when the topic is a person). Worked out again when scoring, so the rule can change
    without a new run.
    """
    rows = record["positions"]
    eligible = [i for i, row in enumerate(rows) if not _is_target(record, row)]
    on_phrase = [i for i in eligible if rows[i]["on_phrase"]]
    if record["named"]:
        speakers = [
            i
            for i in eligible
            if any(
                names_match(record["speaker"], n) for n in [rows[i]["actor"], *rows[i]["aliases"]]
            )
        ]
        if speakers:
            return ([i for i in speakers if rows[i]["on_phrase"]] or speakers)[0], "name"
        return (on_phrase[0], "phrase") if on_phrase else (None, None)
    in_sentence = [
        i for i in eligible if any(end > record["sentence_start"] for _, end in rows[i]["spans"])
    ]
    if in_sentence:
        return ([i for i in in_sentence if rows[i]["on_phrase"]] or in_sentence)[0], "sentence"
    return None, None


def why_none(record: dict[str, Any]) -> str:
    """Why no position was read: what became of the drafts that could have been it."""
    if not record["positions"] and not any(r["kind"] == "position" for r in record["rejected"]):
        return "no position drafted"
    drafts = [r for r in record["rejected"] if r["kind"] == "position"]
    if record["named"]:
        drafts = [r for r in drafts if names_match(record["speaker"], r.get("actor", ""))]
    if drafts:
        reason = str(drafts[0]["reason"])
        if "not named" in reason:
            return "speaker's draft rejected: actor not named near the quote"
        if "summary states" in reason:
            return "speaker's draft rejected: summary names what the source does not"
        return "speaker's draft rejected: " + reason
    if any(_is_target(record, row) for row in record["positions"]):
        return "positions only for others (the target among them)"
    return "positions only for others"


def read_labels(record: dict[str, Any]) -> dict[str, Any]:
    """The record with ``chosen`` and the labels of the position read (``None`` when none)."""
    chosen, found_by = choose_position(record)
    read = record["positions"][chosen] if chosen is not None else None
    return record | {
        "chosen": chosen,
        "found_by": found_by,
        "first": read["stance"] if read else None,
        "second": read["second_stance"] if read else None,
        "check": read["stance_check"] if read else None,
    }


def run_item(item: Item, endpoint: Endpoint, config: BriefConfig) -> dict[str, Any]:
    started = time.monotonic()
    topic = item.target.replace("_", " ")
    # The bottom line is written from the positions after their stances are final, so it
    # changes no stance: it is not asked, which saves a third of each item's time.
    item_config = dataclasses.replace(config, topic=topic, bottom_line=False)
    sheet = extract_facts([source_for(item)], endpoint, item_config)
    usage = sheet.run.usage
    record = {
        "key": item.key,
        "article": item.article,
        "event": item.event,
        "speaker": item.speaker,
        "target": item.target,
        "topic": topic,
        "polarity": item.polarity,
        "named": item.named,
        "back": item.back,
        "phrase": item.phrase,
        "context": item.context,
        "sentence_start": item.sentence_start,
        "positions": position_rows(item, sheet),
        "rejected": [{"kind": r.kind, "reason": r.reason, **r.draft} for r in sheet.rejected],
        "skipped_chunks": sheet.run.skipped_chunks,
        "calls": usage.calls,
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "seconds": round(time.monotonic() - started, 1),
        "prompt_version": sheet.run.prompt_version,
        "code": code_version(),
        "model": sheet.run.model,
    }
    return read_labels(record)


# --------------------------------------------------------------------------- checkpoint


def read_checkpoint(
    path: Path, version: str, model: str | None
) -> tuple[dict[str, dict[str, Any]], int]:
    """Finished records by key (same prompts and code, ``version``, and model, no error), and
    how many were stale."""
    done: dict[str, dict[str, Any]] = {}
    stale = 0
    if not path.exists():
        return done, stale
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if record.get("error"):
            continue
        if record.get("code") != version or (model and record.get("model") != model):
            stale += 1
            continue
        done[record["key"]] = record
    return done, stale


def rekey(done: dict[str, dict[str, Any]], sample: list[Item]) -> dict[str, dict[str, Any]]:
    """Records keyed ``<article>#<id>`` (before keys had the offset) under the item's key now.

    The phrase tells which item of a reused id the record is for.
    """
    by_phrase = {(item.key.split("@")[0], item.phrase): item.key for item in sample}
    out: dict[str, dict[str, Any]] = {}
    for key, record in done.items():
        new = key if "@" in key else by_phrase.get((key, record["phrase"]), key)
        out[new] = record | {"key": new}
    return out


@contextmanager
def maybe_endpoint(config: BriefConfig, needed: bool) -> Iterator[Endpoint | None]:
    if not needed:
        yield None
        return
    with open_endpoint(config, progress=lambda m: print(m, file=sys.stderr)) as endpoint:
        yield endpoint


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return (
        f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
        if seconds >= 3600
        else (f"{seconds // 60}m{seconds % 60:02d}s")
    )


def run(
    sample: list[Item], args: argparse.Namespace, config: BriefConfig
) -> dict[str, dict[str, Any]]:
    version = code_version()
    model = args.model if args.base_url else None
    if args.resume:
        done, stale = read_checkpoint(args.checkpoint, version, model)
        done = rekey(done, sample)
        if stale:
            print(
                f"checkpoint: {stale} records from other prompts, code or model ignored",
                file=sys.stderr,
            )
    else:
        done, stale = {}, 0
        args.checkpoint.unlink(missing_ok=True)
    todo = [item for item in sample if item.key not in done]
    print(
        f"{len(sample)} items: {len(sample) - len(todo)} from the checkpoint, {len(todo)} to run",
        file=sys.stderr,
    )
    if args.report_only or not todo:
        return done
    args.checkpoint.parent.mkdir(parents=True, exist_ok=True)
    errors_in_a_row = 0
    with (
        maybe_endpoint(config, True) as endpoint,
        args.checkpoint.open("a", encoding="utf-8") as out,
    ):
        assert endpoint is not None
        started = time.monotonic()
        for n, item in enumerate(todo, 1):
            try:
                record = run_item(item, endpoint, config)
                errors_in_a_row = 0
            except KeyboardInterrupt:
                raise
            except Exception as exc:  # noqa: BLE001 - one item's failure is recorded, not fatal
                record = {"key": item.key, "error": f"{type(exc).__name__}: {exc}"}
                errors_in_a_row += 1
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
            if not record.get("error"):
                done[item.key] = record
            elapsed = time.monotonic() - started
            eta = elapsed / n * (len(todo) - n)
            if record.get("error"):
                outcome = f"ERROR {record['error'][:120]}"
            else:
                outcome = (
                    f"gold={item.polarity} first={record['first']} second={record['second']} "
                    f"({record['check']}) {record['seconds']:.0f} s"
                )
            print(
                f"[{n}/{len(todo)}] {item.key[5:18]} {item.speaker} -> {item.target}: {outcome}; "
                f"elapsed {_clock(elapsed)}, ETA {_clock(eta)}",
                file=sys.stderr,
                flush=True,
            )
            if errors_in_a_row >= ABORT_AFTER_ERRORS:
                print(f"{ABORT_AFTER_ERRORS} errors in a row: stopping", file=sys.stderr)
                break
    return done


# --------------------------------------------------------------------------- scoring


def share(count: int, total: int) -> float | None:
    return None if total == 0 else round(count / total, 4)


def _coarse(label: str | None) -> str:
    """A label's class under the gold mapping: pos, neg, or other (mixed, neutral, none)."""
    return next((gold for gold, labels in GOLD.items() if label in labels), "other")


def score(records: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(records)
    covered = [r for r in records if r["first"] is not None]
    right_first = [r for r in covered if r["first"] in GOLD[r["polarity"]]]
    agreed = [r for r in covered if r["check"] == "agreed"]
    disputed = [r for r in covered if r["check"] == "disputed"]
    unchecked = [r for r in covered if r["check"] == "unchecked"]
    right_agreed = [r for r in agreed if r["first"] in GOLD[r["polarity"]]]
    right_second = [r for r in covered if r["second"] in GOLD[r["polarity"]]]
    confusion = {
        gold: {
            label: sum(1 for r in records if r["polarity"] == gold and r["first"] == label)
            for label in [*LABELS, None]
        }
        for gold in GOLD
    }
    confusion_second = {
        gold: {
            label: sum(1 for r in covered if r["polarity"] == gold and r["second"] == label)
            for label in [*LABELS, None]
        }
        for gold in GOLD
    }
    confusion_after = {
        gold: {
            **{
                label: sum(1 for r in agreed if r["polarity"] == gold and r["first"] == label)
                for label in LABELS
            },
            "disputed": sum(1 for r in disputed if r["polarity"] == gold),
            "unchecked": sum(1 for r in unchecked if r["polarity"] == gold),
            "no position": sum(1 for r in records if r["polarity"] == gold and r["first"] is None),
        }
        for gold in GOLD
    }

    # Disputes: which answer, if either, was right.
    def side(r: dict[str, Any]) -> str:
        first, second = (r[k] in GOLD[r["polarity"]] for k in ("first", "second"))
        return {
            (True, True): "both right",  # "opposes" vs "concerned" on a neg quote
            (True, False): "first right",
            (False, True): "second right",
        }.get((first, second), "neither right")

    dispute_sides = Counter(side(r) for r in disputed)
    # Agreement on the gold's coarser classes: the two answers land in the same one.
    same_class = [
        r
        for r in covered
        if r["check"] in ("agreed", "disputed") and _coarse(r["first"]) == _coarse(r["second"])
    ]
    right_same_class = [r for r in same_class if r["first"] in GOLD[r["polarity"]]]
    return {
        "items": n,
        "covered": len(covered),
        "coverage": share(len(covered), n),
        "before": {
            "right": len(right_first),
            "accuracy_covered": share(len(right_first), len(covered)),
            "accuracy_all_items": share(len(right_first), n),
        },
        "after": {
            "decided": len(agreed),
            "decided_share_of_covered": share(len(agreed), len(covered)),
            "disputed": len(disputed),
            "disputed_share_of_covered": share(len(disputed), len(covered)),
            "unchecked": len(unchecked),
            "right_decided": len(right_agreed),
            "accuracy_decided": share(len(right_agreed), len(agreed)),
            "accuracy_covered_disputed_wrong": share(len(right_agreed), len(covered)),
            "accuracy_all_items": share(len(right_agreed), n),
            "dispute_sides": dict(dispute_sides),
        },
        "after_coarse": {  # decided = both answers in the same class (pos / neg / other)
            "decided": len(same_class),
            "decided_share_of_covered": share(len(same_class), len(covered)),
            "accuracy_decided": share(len(right_same_class), len(same_class)),
            "accuracy_covered_undecided_wrong": share(len(right_same_class), len(covered)),
        },
        "second_answer_alone": {
            "right": len(right_second),
            "accuracy_covered": share(len(right_second), len(covered)),
        },
        "confusion_first_label": {
            g: {str(k): v for k, v in row.items()} for g, row in confusion.items()
        },
        "confusion_second_answer": {
            g: {str(k): v for k, v in row.items()} for g, row in confusion_second.items()
        },
        "confusion_after_check": confusion_after,
    }


def _reason_kind(reason: str) -> str:
    """A rejection reason without the names in it: "'<name>' is not named ...", ..."""
    reason = re.sub(r"^'.*?' is not named", "'<actor>' is not named", reason)
    return re.sub(
        r"^summary states .*?, not supported", "summary states <name>, not supported", reason
    )


def evaluate(records: list[dict[str, Any]]) -> dict[str, Any]:
    result = score(records)
    result["by_gold"] = {
        gold: score([r for r in records if r["polarity"] == gold]) for gold in GOLD
    }
    result["by_speaker"] = {
        "named": score([r for r in records if r["named"]]),
        "unnamed": score([r for r in records if not r["named"]]),
    }
    for group in (*result["by_gold"].values(), *result["by_speaker"].values()):
        for key in ("confusion_first_label", "confusion_second_answer", "confusion_after_check"):
            del group[key]  # the pooled tables hold them
    result["coverage_by_name_distance"] = {
        str(back): share(
            sum(1 for r in records if r["named"] and r["back"] == back and r["first"] is not None),
            sum(1 for r in records if r["named"] and r["back"] == back),
        )
        for back in sorted({r["back"] for r in records if r["named"]})
    }
    positions = Counter(len(r["positions"]) for r in records)
    result["no_position"] = dict(Counter(why_none(r) for r in records if r["first"] is None))

    def first_right(group: list[dict[str, Any]]) -> dict[str, Any]:
        right = sum(1 for r in group if r["first"] in GOLD[r["polarity"]])
        return {"n": len(group), "first_right": right, "share": share(right, len(group))}

    read = [r for r in records if r["chosen"] is not None]
    result["found_by"] = {
        how: first_right([r for r in read if r["found_by"] == how])
        for how in ("name", "phrase", "sentence")
    }
    result["read_on_phrase"] = {
        str(on): first_right([r for r in read if r["positions"][r["chosen"]]["on_phrase"] is on])
        for on in (True, False)
    }
    result["positions_per_item"] = {str(k): v for k, v in sorted(positions.items())}
    # Contexts of two to four sentences rarely hold a date, yet events get drafted.
    result["rejected_drafts"] = {
        kind: dict(
            Counter(
                _reason_kind(x["reason"])
                for r in records
                for x in r["rejected"]
                if x["kind"] == kind
            )
        )
        for kind in ("position", "risk", "event")
    }
    result["items_with_an_event_drafted"] = sum(
        1 for r in records if any(x["kind"] == "event" for x in r["rejected"])
    )
    seconds = [r["seconds"] for r in records]
    result["cost"] = {
        "model_seconds_total": round(sum(seconds), 1),
        "seconds_per_item_mean": round(sum(seconds) / len(seconds), 1) if seconds else None,
        "seconds_per_item_max": max(seconds) if seconds else None,
        "calls": sum(r["calls"] for r in records),
        "prompt_tokens": sum(r["prompt_tokens"] for r in records),
        "completion_tokens": sum(r["completion_tokens"] for r in records),
        "items_with_skipped_chunk": sum(1 for r in records if r["skipped_chunks"]),
    }
    result["target_agreement"] = TARGET_AGREEMENT
    result["examples_wrong_first"] = [
        {
            k: r[k]
            for k in ("key", "speaker", "target", "polarity", "phrase", "first", "second", "check")
        }
        | {
            "actor": r["positions"][r["chosen"]]["actor"],
            "summary": r["positions"][r["chosen"]]["summary"],
            "quotes": r["positions"][r["chosen"]]["quotes"],
        }
        for r in records
        if r["first"] is not None and r["first"] not in GOLD[r["polarity"]]
    ][:40]
    result["examples_no_position"] = [
        {k: r[k] for k in ("key", "speaker", "target", "polarity", "phrase")}
        | {
            "why": why_none(r),
            "actors": [p["actor"] for p in r["positions"]],
            "rejected": r["rejected"],
        }
        for r in records
        if r["first"] is None
    ][:40]
    return result


def pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def print_table(result: dict[str, Any], balance: Counter[str], left_out: Counter[str]) -> None:
    print(
        f"BASIL stances: {result['items']} items "
        f"(pos {balance['pos']}, neg {balance['neg']}) over {result['events']} events, "
        f"{result['articles']} articles"
    )
    rows = [("all", result)] + [(f"gold {g}", result["by_gold"][g]) for g in GOLD]
    rows += [(f"{k} spk.", v) for k, v in result["by_speaker"].items()]
    print(
        f"{'group':<13}{'items':>7}{'coverage':>10}{'first ok':>10}{'(of all)':>10}"
        f"{'decided':>9}{'ok/dec.':>9}{'disputed':>10}{'after ok':>10}{'(of all)':>10}"
    )
    for name, r in rows:
        b, a = r["before"], r["after"]
        print(
            f"{name:<13}{r['items']:>7}{pct(r['coverage']):>10}{pct(b['accuracy_covered']):>10}"
            f"{pct(b['accuracy_all_items']):>10}{pct(a['decided_share_of_covered']):>9}"
            f"{pct(a['accuracy_decided']):>9}{pct(a['disputed_share_of_covered']):>10}"
            f"{pct(a['accuracy_covered_disputed_wrong']):>10}{pct(a['accuracy_all_items']):>10}"
        )
    print(
        "  first ok: first label right, of covered items; decided: both answers equal, of "
        "covered; after ok: decided and right, of covered (disputed count as wrong)"
    )
    second = result["second_answer_alone"]["accuracy_covered"]
    print(f"stance check's answer alone, right of covered: {pct(second)}")
    print(f"disputes (which answer matches the gold): {result['after']['dispute_sides']}")
    coarse = result["after_coarse"]
    print(
        "both answers in the same class (supports | opposes or concerned | other): "
        f"{pct(coarse['decided_share_of_covered'])} of covered, right "
        f"{pct(coarse['accuracy_decided'])} of those, "
        f"{pct(coarse['accuracy_covered_undecided_wrong'])} of covered"
    )
    print("confusion, first label (rows: gold):")
    print(f"{'':<6}" + "".join(f"{label:>11}" for label in [*LABELS, "none"]))
    for gold, row in result["confusion_first_label"].items():
        print(f"{gold:<6}" + "".join(f"{v:>11}" for v in row.values()))
    print("confusion, stance check's answer, covered items (none: not answered):")
    for gold, row in result["confusion_second_answer"].items():
        print(f"{gold:<6}" + "".join(f"{v:>11}" for v in row.values()))
    print("after the check (agreed labels; disputed, unchecked, no position):")
    after_labels = [*LABELS, "disputed", "unchecked", "no position"]
    print(f"{'':<6}" + "".join(f"{label:>12}" for label in after_labels))
    for gold, row in result["confusion_after_check"].items():
        print(f"{gold:<6}" + "".join(f"{row[label]:>12}" for label in after_labels))
    print("first label right, by how the position read was found, and whether it quotes the")
    print(f"  annotated phrase: {result['found_by']}; on phrase: {result['read_on_phrase']}")
    print(f"no position read: {result['no_position']}")
    print(
        "coverage of named speakers by sentences between their name and the quote: "
        f"{result['coverage_by_name_distance']}"
    )
    print(f"rejected drafts: {result['rejected_drafts']}")
    print(
        f"items with an event draft rejected: "
        f"{result['items_with_an_event_drafted']} of {result['items']}"
    )
    cost = result["cost"]
    print(
        f"cost: {cost['calls']} calls, {cost['prompt_tokens']:,} + {cost['completion_tokens']:,} "
        f"tokens, {cost['seconds_per_item_mean']} s per item (max {cost['seconds_per_item_max']}), "
        f"{_clock(cost['model_seconds_total'])} in all"
    )
    checks = {
        "first label, covered items": result["before"]["accuracy_covered"],
        "after the check, decided items": result["after"]["accuracy_decided"],
        "after the check, covered items (disputed wrong)": result["after"][
            "accuracy_covered_disputed_wrong"
        ],
        "first label, all items (no position wrong)": result["before"]["accuracy_all_items"],
    }
    print(
        f"target agreement >= {TARGET_AGREEMENT:.0%}: "
        + "; ".join(
            f"{name} {'met' if (value or 0) >= TARGET_AGREEMENT else 'MISSED'}"
            for name, value in checks.items()
        )
    )
    print(f"left out of the pool: {dict(left_out)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--checkpoint", type=Path, default=DEFAULT_CHECKPOINT)
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="items to evaluate")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--resume", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--report-only", action="store_true", help="score the checkpoint only")
    parser.add_argument("--base-url")
    parser.add_argument("--model")
    parser.add_argument("--threads", type=int)
    args = parser.parse_args(argv)
    if not (args.data / "annotations").is_dir():
        print(f"BASIL data not found at {args.data}; skipping the stance evaluation.")
        return 0
    items, left_out = load_items(args.data)
    sample = sample_order(items, args.seed)[: max(0, args.limit)]
    balance = Counter(item.polarity for item in sample)
    print(
        f"pool: {len(items)} eligible quotes (pos {sum(i.polarity == 'pos' for i in items)}, "
        f"neg {sum(i.polarity == 'neg' for i in items)}); sample: {len(sample)} "
        f"(pos {balance['pos']}, neg {balance['neg']}) from "
        f"{len({i.event for i in sample})} events",
        file=sys.stderr,
    )
    config = BriefConfig(base_url=args.base_url, model=args.model, threads=args.threads)
    wall_started = time.monotonic()
    done = run(sample, args, config)
    wall = time.monotonic() - wall_started
    # Records written before ``sentence_start`` was stored get it from the item.
    records = [
        {"sentence_start": item.sentence_start} | done[item.key]
        for item in sample
        if item.key in done
    ]
    if not records:
        print("no finished items to score")
        return 1
    result = evaluate([read_labels(r) for r in records])
    result["events"] = len({r["event"] for r in records})
    result["articles"] = len({r["article"] for r in records})
    result["balance"] = dict(Counter(r["polarity"] for r in records))
    result["pool"] = {"eligible": len(items), "left_out": dict(left_out)}
    result["sample"] = {"limit": args.limit, "seed": args.seed, "planned": len(sample)}
    result["wall_seconds_this_run"] = round(wall, 1)
    result["prompt_version"] = prompt_version()
    print_table(result, Counter(r["polarity"] for r in records), left_out)
    if len(records) < len(sample):
        print(f"incomplete: {len(records)} of {len(sample)} planned items scored")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
