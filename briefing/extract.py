"""Ask the model for the facts of one chunk, as a validated ``ChunkExtraction``.

The prompt is a short instruction, one worked example on an unrelated topic (it took a small
model's quotes from paraphrase to verbatim), then the chunk as data. When some quotes cannot be
found in the chunk, the model is asked once more, naming them; whatever is still not found is
left for grounding to reject.
"""

from __future__ import annotations

from .alignment import Aligner
from .chunking import Chunk
from .llm import ChatClient, Message
from .models import STANCE_DEFINITIONS, ChunkExtraction
from .prompting import read_prompt, render_prompt


def build_messages(chunk_text: str, topic: str) -> list[Message]:
    return [
        {"role": "system", "content": render_prompt("extract_system.j2", stances=STANCE_DEFINITIONS)},
        {"role": "user", "content": render_prompt("extract_example_input.j2")},
        {"role": "assistant", "content": read_prompt("extract_example_output.json").strip()},
        {"role": "user", "content": render_prompt("extract_user.j2", topic=topic, text=chunk_text)},
    ]


def missing_quotes(extraction: ChunkExtraction, chunk_text: str) -> list[str]:
    """Quotes of positions and risks that do not align anywhere in the chunk."""
    aligner = Aligner(chunk_text)
    quotes = [item.quote for item in (*extraction.positions, *extraction.risks)]
    return [quote for quote in dict.fromkeys(quotes) if aligner.align(quote) is None]


def extract_chunk(
    client: ChatClient, chunk: Chunk, topic: str, *, quote_feedback: bool = True
) -> ChunkExtraction:
    messages = build_messages(chunk.text, topic)
    extraction, raw = client.ask(messages, ChunkExtraction)
    if not quote_feedback:
        return extraction
    missing = missing_quotes(extraction, chunk.text)
    if not missing:
        return extraction
    retry = [
        *messages,
        {"role": "assistant", "content": raw},
        {"role": "user", "content": render_prompt("reask_quotes.j2", quotes=missing)},
    ]
    second, _ = client.ask(retry, ChunkExtraction)
    return merge_extractions(extraction, second)


def merge_extractions(first: ChunkExtraction, second: ChunkExtraction) -> ChunkExtraction:
    """First answer plus the second's items with new quotes.

    Unfound items of the first answer stay, so grounding records them as rejected rather than
    letting them vanish; duplicates are merged later by consolidation. Built without
    validation because the merged lists may exceed the per-answer bounds, which exist only to
    make a small model stop.
    """
    seen = {item.quote for item in (*first.positions, *first.risks, *first.events)}
    return ChunkExtraction.model_construct(
        positions=[*first.positions, *(p for p in second.positions if p.quote not in seen)],
        risks=[*first.risks, *(r for r in second.risks if r.quote not in seen)],
        events=[*first.events, *(e for e in second.events if e.quote not in seen)],
    )
