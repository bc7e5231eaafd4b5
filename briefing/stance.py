"""A second, narrow question about every position's stance.

Small models mislabel stances when they extract many facts at once (the embedded model called
"no outcome is better than a bad outcome" support for a treaty). For each grounded position the
model is asked once more, with only the actor, the topic, the verified sentences and the label
definitions, listed with "opposes" first where the extraction lists "supports" first (the model
leans to the first label it reads, so the two answers lean opposite ways). Where both answers
agree the label is kept as checked; where they differ the position is marked disputed and shows
both labels: the tool does not guess between them.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from .config import Progress, no_progress
from .errors import InvalidAnswerError
from .grounding import SourceIndex
from .llm import ChatClient
from .models import STANCE_CHECK_ORDER, STANCE_DEFINITIONS, Actor, Position, StanceAnswer
from .prompting import render_prompt


def check_stance(
    client: ChatClient, position: Position, actor: Actor, topic: str, context: list[str]
) -> Position:
    stances = {label: STANCE_DEFINITIONS[label] for label in STANCE_CHECK_ORDER}
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
        return position  # stays "unchecked"; the first label is shown as it was
    verdict = "agreed" if answer.stance == position.stance else "disputed"
    return position.model_copy(update={"stance_check": verdict, "second_stance": answer.stance})


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

    def ask(position: Position) -> Position:
        sentences = (indexes[ev.source_id].sentence_evidence(ev).quote for ev in position.evidence)
        context = list(dict.fromkeys(sentences))[:3]
        return check_stance(client, position, by_id[position.actor_id], topic, context)

    pool = ThreadPoolExecutor(max_workers=concurrency)
    try:
        checked = list(pool.map(ask, positions))
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
