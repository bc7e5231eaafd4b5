"""Two narrow questions about every position's stance.

Small models mislabel stances when they extract many facts at once (the embedded model called
"no outcome is better than a bad outcome" support for a treaty), and they lean to the first
label they read. So the extraction's label only groups an actor's drafts; the stance shown is
asked again, twice, each time with only the actor, the topic, the verified sentences and the
label definitions ("supports" first). The second question ends by naming the labels with
"opposes" first, so the two answers lean opposite ways. The first answer is the position's
stance (positions of one actor that now share a stance are merged); where the second agrees
the label is kept as checked, where it does not the position is marked disputed and shows both
labels: the tool does not guess between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import cast, get_args

from .config import Progress, no_progress
from .consolidate import merge_same_stance
from .errors import InvalidAnswerError
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
from .source_index import SourceIndex

STANCES: tuple[str, ...] = get_args(Stance)


def ask_stance(
    client: ChatClient,
    actor: Actor,
    topic: str,
    context: list[str],
    order: Sequence[str] = (),
) -> Stance | None:
    """One narrow question; ``order``, when given, closes it with the labels in that order.
    None when no valid answer came."""
    messages = [
        {
            "role": "system",
            "content": render_prompt("stance_system.j2", stances=STANCE_DEFINITIONS),
        },
        {
            "role": "user",
            "content": render_prompt(
                "stance_user.j2", topic=topic, actor=actor.name, quotes=context, order=order
            ),
        },
    ]
    try:
        stance = client.ask_choice(messages, StanceAnswer, "stance", STANCES, shared=1)
    except InvalidAnswerError:
        return None
    return cast(Stance, stance)


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

    The second question is the first with one line added, so the server reads only that line
    anew when it follows the first. Up to ``concurrency`` positions are asked about at once;
    results keep the positions' order. A first question left unanswered keeps the extraction's
    label; a second one leaves the position unchecked.
    """
    by_id = {actor.id: actor for actor in actors}

    def context_of(position: Position) -> list[str]:
        sentences = (indexes[ev.source_id].sentence_evidence(ev).quote for ev in position.evidence)
        return list(dict.fromkeys(sentences))[:3]

    contexts = [context_of(position) for position in positions]

    def ask(index: int) -> Position:
        position, context = positions[index], contexts[index]
        actor = by_id[position.actor_id]
        first = ask_stance(client, actor, topic, context)
        labelled = position.model_copy(update={"stance": first}) if first else position
        again = ask_stance(client, actor, topic, context, STANCE_CHECK_ORDER)
        if again is None:
            return labelled
        verdict = "agreed" if again == labelled.stance else "disputed"
        return labelled.model_copy(update={"stance_check": verdict, "second_stance": again})

    # A question names the actor only after the sentences, so positions that cite the same
    # sentence first (two actors of one sentence) are asked one after the other: the server
    # then reads that sentence once.
    leads = [context[0] for context in contexts]  # a position has evidence (min_length=1)
    asking_order = sorted(range(len(positions)), key=lambda index: leads.index(leads[index]))
    pool = ThreadPoolExecutor(max_workers=concurrency)
    try:
        answers = dict(zip(asking_order, pool.map(ask, asking_order)))
        checked = merge_same_stance([answers[index] for index in range(len(positions))])
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
