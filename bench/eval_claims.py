"""Evaluate the claim check (`briefing.claims.unsupported_claims`) on SummEdits (news).

Run from the project root:

    .venv/bin/python bench/eval_claims.py
    .venv/bin/python bench/eval_claims.py --data PATH --json bench/results/claims.json

SummEdits' news domain is read at run time from ``../shared/data/summedits/summedits_news.json``
relative to the project root (``--data`` points elsewhere); nothing of it is copied into the
repository, and the evaluation is skipped with a message when the file is absent. Each record
has a document, a summary, a label (1 consistent, 0 inconsistent) and the edit types that made
an inconsistent summary. The whole summary is the claim; the document is both its evidence
and its source text, which is how a summary over a document is checked.

Reported: the share of consistent summaries flagged (false alarms; target <= 5%), the share
of inconsistent summaries flagged, overall and per edit type (target >= 60% of those whose
edits include ``entity_modification``), what the flags name, and the time taken. A table goes
to stdout; every figure, with a few examples' ids and flagged subjects (never their text), to
``bench/results/claims.json`` (or ``--json PATH``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.claims import unsupported_claims  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "summedits" / "summedits_news.json"
DEFAULT_JSON = ROOT / "bench" / "results" / "claims.json"
TARGET_FALSE_ALARMS = 0.05
TARGET_ENTITY = 0.60
ENTITY = "entity_modification"


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def evaluate(records: list[dict[str, Any]], repeat: int) -> dict[str, Any]:
    flags: list[list[str]] = []
    times: list[float] = []
    for _ in range(repeat):
        began = time.perf_counter()
        flags = [unsupported_claims(r["summary"], r["doc"], r["doc"]) for r in records]
        times.append(time.perf_counter() - began)

    consistent = [(r, f) for r, f in zip(records, flags, strict=True) if r["label"] == 1]
    inconsistent = [(r, f) for r, f in zip(records, flags, strict=True) if r["label"] == 0]
    by_type: dict[str, dict[str, float | int]] = {}
    for edit in sorted({e for r, _ in inconsistent for e in r["edit_types"]}):
        group = [f for r, f in inconsistent if edit in r["edit_types"]]
        flagged = sum(1 for f in group if f)
        by_type[edit] = {"n": len(group), "flagged": flagged, "share": _share(flagged, len(group))}
    only_entity = [f for r, f in inconsistent if r["edit_types"] == [ENTITY]]
    by_type[f"{ENTITY} (only)"] = {
        "n": len(only_entity),
        "flagged": sum(1 for f in only_entity if f),
        "share": _share(sum(1 for f in only_entity if f), len(only_entity)),
    }
    false_alarms = [(r, f) for r, f in consistent if f]
    missed_entity = [f for r, f in inconsistent if ENTITY in r["edit_types"] and not f]
    entity_share = by_type.get(ENTITY, {}).get("share", 0.0)
    subjects = Counter(
        "number" if s[:1].isdigit() else "name/word" for _, f in false_alarms for s in f
    )
    return {
        "records": len(records),
        "documents": len({r["doc"] for r in records}),
        "consistent": {
            "n": len(consistent),
            "flagged": len(false_alarms),
            "share": _share(len(false_alarms), len(consistent)),
            "target_max": TARGET_FALSE_ALARMS,
        },
        "inconsistent": {
            "n": len(inconsistent),
            "flagged": sum(1 for _, f in inconsistent if f),
            "share": _share(sum(1 for _, f in inconsistent if f), len(inconsistent)),
        },
        "by_edit_type": by_type,
        "entity_target_min": TARGET_ENTITY,
        "targets_met": {
            "false_alarms": _share(len(false_alarms), len(consistent)) <= TARGET_FALSE_ALARMS,
            "entity_modification": entity_share >= TARGET_ENTITY,
        },
        "false_alarm_subject_kinds": dict(subjects),
        "false_alarm_examples": [{"id": r["id"], "flagged": f} for r, f in false_alarms[:20]],
        "entity_modification_missed": len(missed_entity),
        "seconds": {"best": min(times), "runs": times},
        "claims_per_second": len(records) / min(times) if min(times) else None,
    }


def print_table(result: dict[str, Any]) -> None:
    print(f"SummEdits news: {result['records']} summaries over {result['documents']} documents")
    print(f"{'group':<48}{'n':>6}{'flagged':>9}{'share':>9}")
    rows = [("consistent (label 1): false alarms", result["consistent"])]
    rows.append(("inconsistent (label 0): all", result["inconsistent"]))
    rows += [
        (f"  edit {'is' if k.endswith('(only)') else 'includes'} {k}", v)
        for k, v in result["by_edit_type"].items()
    ]
    for name, row in rows:
        print(f"{name:<48}{row['n']:>6}{row['flagged']:>9}{row['share']:>9.1%}")
    met = result["targets_met"]
    print(
        f"targets: false alarms <= {TARGET_FALSE_ALARMS:.0%}: {'met' if met['false_alarms'] else 'MISSED'}; "  # noqa: E501
        f"entity_modification >= {TARGET_ENTITY:.0%}: "
        f"{'met' if met['entity_modification'] else 'MISSED'}"
    )
    print(
        f"time: {result['seconds']['best'] * 1000:.1f} ms for all summaries "
        f"({result['claims_per_second']:.0f} claims/s, best of {len(result['seconds']['runs'])})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"SummEdits data not found at {args.data}; skipping the claims evaluation.")
        return 0
    records = json.loads(args.data.read_text(encoding="utf-8"))
    result = evaluate(records, max(1, args.repeat))
    print_table(result)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
