"""Two narrow questions about every position's stance.

Small models mislabel stances when they extract many facts at once (the embedded model called
"no outcome is better than a bad outcome" support for a treaty), and they lean to the first
label they read. So the extraction's label only groups an actor's drafts; the stance shown is
asked again, twice, each time with only the actor, the topic, the verified sentences and the
label definitions. The first question lists "supports" first, the second "opposes" first, so
the two answers lean opposite ways. The first answer is the position's stance (positions of
one actor that now share a stance are merged); where the second agrees the label is kept as
checked, where it does not the position is marked disputed and shows both labels: the tool
does not guess between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from .config import Progress, no_progress
from .consolidate import merge_same_stance
from .errors import InvalidAnswerError
from .grounding import SourceIndex
from .llm import ChatClient
from .models import (
    STANCE_CHECK_ORDER,
    STANCE_DEFINITIONS,
    Actor,
    Position,
    Stance,
    StanceAnswer,
)
from .prompting import render_prompt

FIRST_ORDER: tuple[str, ...] = tuple(STANCE_DEFINITIONS)


def ask_stance(
    client: ChatClient,
    actor: Actor,
    topic: str,
    context: list[str],
    order: Sequence[str],
) -> Stance | None:
    """One narrow question, its labels listed in ``order``; None when no valid answer came."""
    stances = {label: STANCE_DEFINITIONS[label] for label in order}
    messages = [
        {"role": "system", "content": render_prompt("stance_system.j2", stances=stances)},
        {
            "role": "user",
            "content": render_prompt(
                "stance_user.j2", topic=topic, actor=actor.name, quotes=context
            ),
        },
    ]
    try:
        answer, _ = client.ask(messages, StanceAnswer, shared=1)
    except InvalidAnswerError:
        return None
    return answer.stance


def check_stances(
    client: ChatClient,
    positions: list[Position],
    actors: list[Actor],
    indexes: dict[str, SourceIndex],
    topic: str,
    progress: Progress = no_progress,
    concurrency: int = 1,
) -> list[Position]:
    """Ask both questions for every position; the sentences of its evidence are shown.

    Up to ``concurrency`` questions are in flight at once; results keep the positions' order.
    A first question left unanswered keeps the extraction's label; a second one leaves the
    position unchecked.
    """
    by_id = {actor.id: actor for actor in actors}

    def ask_all(items: list[Position], order: Sequence[str]) -> list[Stance | None]:
        def ask(position: Position) -> Stance | None:
            sentences = (
                indexes[ev.source_id].sentence_evidence(ev).quote for ev in position.evidence
            )
            context = list(dict.fromkeys(sentences))[:3]
            return ask_stance(client, by_id[position.actor_id], topic, context, order)

        pool = ThreadPoolExecutor(max_workers=concurrency)
        try:
            return list(pool.map(ask, items))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)  # on Ctrl-C, do not wait for the rest

    first = ask_all(positions, FIRST_ORDER)
    labelled = merge_same_stance(
        [
            position.model_copy(update={"stance": stance}) if stance else position
            for position, stance in zip(positions, first, strict=True)
        ]
    )
    second = ask_all(labelled, STANCE_CHECK_ORDER)
    checked = [
        position.model_copy(
            update={
                "stance_check": "agreed" if again == position.stance else "disputed",
                "second_stance": again,
            }
        )
        if again
        else position
        for position, again in zip(labelled, second, strict=True)
    ]
    counts = {
        verdict: sum(1 for p in checked if p.stance_check == verdict)
        for verdict in ("agreed", "disputed", "unchecked")
    }
    progress(
        f"stance check: {counts['agreed']} agreed, {counts['disputed']} disputed"
        + (f", {counts['unchecked']} unanswered" if counts["unchecked"] else "")
    )
    return checked
