"""A second, narrow question about every position's stance.

Small models mislabel stances when they extract many facts at once (the embedded model called
"no outcome is better than a bad outcome" support for a treaty). For each grounded position the
model is asked once more, with only the actor, the topic, the verified sentences and the label
definitions. Where both answers agree the label is kept as checked; where they differ the
position is marked disputed and shows both labels: the tool does not guess between them.

The positions whose first evidence comes from the same source are asked about together, a few
at a time and numbered, so the instructions are sent once per question rather than once per
position; each actor is still judged only on its own sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .config import Progress, no_progress
from .errors import InvalidAnswerError
from .grounding import SourceIndex
from .llm import ChatClient
from .models import STANCE_DEFINITIONS, Actor, Position, stance_answers_for
from .prompting import render_prompt

STANCE_BATCH = 4
"""Most positions in one question. More would save more instructions but make a longer
question for a small model to keep apart; four was chosen, not tuned."""


@dataclass(frozen=True)
class StanceQuestion:
    """One position as the narrow question shows it: who, and the sentences it was found in."""

    position: Position
    actor: str
    sentences: list[str]


def check_stance_batch(
    client: ChatClient, questions: Sequence[StanceQuestion], topic: str
) -> list[Position]:
    """Ask for the stance of each numbered actor at once; positions come back checked."""
    messages = [
        {
            "role": "system",
            "content": render_prompt("stance_system.j2", stances=STANCE_DEFINITIONS),
        },
        {
            "role": "user",
            "content": render_prompt("stance_user.j2", topic=topic, questions=questions),
        },
    ]
    try:
        answer, _ = client.ask(messages, stance_answers_for(len(questions)))
    except InvalidAnswerError:
        # They stay "unchecked"; the first labels are shown as they were.
        return [question.position for question in questions]
    return [
        question.position.model_copy(
            update={
                "stance_check": "agreed" if second == question.position.stance else "disputed",
                "second_stance": second,
            }
        )
        for question, second in zip(questions, answer.stances(), strict=True)
    ]


def stance_batches(source_of: list[str]) -> list[list[int]]:
    """Positions' indexes grouped by their source (``source_of[i]`` is position i's), in
    order, at most ``STANCE_BATCH`` a group."""
    by_source: dict[str, list[int]] = {}
    for index, source_id in enumerate(source_of):
        by_source.setdefault(source_id, []).append(index)
    return [
        group[start : start + STANCE_BATCH]
        for group in by_source.values()
        for start in range(0, len(group), STANCE_BATCH)
    ]


def check_stances(
    client: ChatClient,
    positions: list[Position],
    actors: list[Actor],
    indexes: dict[str, SourceIndex],
    topic: str,
    progress: Progress = no_progress,
    concurrency: int = 1,
) -> list[Position]:
    """Ask the narrow question for every position; the sentences around its evidence are shown.

    Up to ``concurrency`` questions are in flight at once; results keep the positions' order.
    """
    by_id = {actor.id: actor for actor in actors}
    questions = []
    for position in positions:
        sentences = (indexes[ev.source_id].sentence_evidence(ev).quote for ev in position.evidence)
        context = list(dict.fromkeys(sentences))[:3]
        questions.append(StanceQuestion(position, by_id[position.actor_id].name, context))
    batches = stance_batches([position.evidence[0].source_id for position in positions])

    def ask(batch: list[int]) -> list[Position]:
        return check_stance_batch(client, [questions[i] for i in batch], topic)

    checked = list(positions)
    pool = ThreadPoolExecutor(max_workers=concurrency)
    try:
        for batch, answers in zip(batches, pool.map(ask, batches), strict=True):
            for index, position in zip(batch, answers, strict=True):
                checked[index] = position
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # on Ctrl-C, do not wait for the rest
    counts = {
        verdict: sum(1 for p in checked if p.stance_check == verdict)
        for verdict in ("agreed", "disputed", "unchecked")
    }
    progress(
        f"stance check: {counts['agreed']} agreed, {counts['disputed']} disputed"
        + (f", {counts['unchecked']} unanswered" if counts["unchecked"] else "")
    )
    return checked
