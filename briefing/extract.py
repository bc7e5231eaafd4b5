"""Ask the model for the facts of one chunk, as a validated ``ChunkExtraction``.

The prompt is a short instruction, one worked example on an unrelated topic (it took a small
model's quotes from paraphrase to verbatim), then the chunk as data. When some quotes cannot be
found in the chunk, the model is asked once more for just those quotes, by number; a corrected
quote replaces the old one, and whatever is still not found is left for grounding to reject.
Asking for the quotes alone, not the whole answer again, keeps the second turn to a few dozen
generated tokens.
"""

from __future__ import annotations

from .alignment import Aligner
from .chunking import Chunk
from .llm import ChatClient, Message
from .models import (
    STANCE_DEFINITIONS,
    ChunkExtraction,
    EventDraft,
    PositionDraft,
    QuoteCorrections,
    RiskDraft,
)
from .prompting import read_prompt, render_prompt


def build_messages(chunk_text: str, topic: str) -> list[Message]:
    return [
        {
            "role": "system",
            "content": render_prompt("extract_system.j2", stances=STANCE_DEFINITIONS),
        },
        {"role": "user", "content": render_prompt("extract_example_input.j2")},
        {"role": "assistant", "content": read_prompt("extract_example_output.json").strip()},
        {"role": "user", "content": render_prompt("extract_user.j2", topic=topic, text=chunk_text)},
    ]


def missing_quotes(extraction: ChunkExtraction, aligner: Aligner) -> list[str]:
    """Distinct quotes of the extraction that do not align anywhere in the chunk."""
    items: list[PositionDraft | RiskDraft | EventDraft] = [
        *extraction.positions,
        *extraction.risks,
        *extraction.events,
    ]
    quotes = [item.quote for item in items]
    return [quote for quote in dict.fromkeys(quotes) if aligner.align(quote) is None]


def apply_corrections(extraction: ChunkExtraction, corrections: dict[str, str]) -> ChunkExtraction:
    def fix(quote: str) -> str:
        return corrections.get(quote) or quote

    return ChunkExtraction(
        positions=[p.model_copy(update={"quote": fix(p.quote)}) for p in extraction.positions],
        risks=[r.model_copy(update={"quote": fix(r.quote)}) for r in extraction.risks],
        events=[e.model_copy(update={"quote": fix(e.quote)}) for e in extraction.events],
    )


def extract_chunk(
    client: ChatClient, chunk: Chunk, topic: str, *, quote_feedback: bool = True
) -> ChunkExtraction:
    messages = build_messages(chunk.text, topic)
    extraction, raw = client.ask(messages, ChunkExtraction)
    aligner = Aligner(chunk.text)
    missing = missing_quotes(extraction, aligner) if quote_feedback else []
    if not missing:
        return extraction
    followup = [
        *messages,
        {"role": "assistant", "content": raw},
        {"role": "user", "content": render_prompt("reask_quotes.j2", quotes=missing)},
    ]
    answer, _ = client.ask(followup, QuoteCorrections)
    corrections = {
        wrong: fixed.strip()
        for wrong, fixed in zip(missing, answer.quotes)
        if len(fixed.strip()) >= 8 and aligner.align(fixed) is not None
    }
    return apply_corrections(extraction, corrections)
