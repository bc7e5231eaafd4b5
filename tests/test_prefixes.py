"""Saved instruction prefixes: the fixed messages' state is saved once and restored after.

The fake endpoint serves llama.cpp's slot save and restore from a folder and records what its
one slot held when each request arrived, so these tests see what the real server would reuse.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefing.backends.prefixes import SUFFIX, PrefixStore, stored_prefixes
from briefing.llm import ChatClient, Endpoint
from briefing.models import StanceAnswer
from tests.fakeserver import FakeOpenAI, Reply

INSTRUCTIONS = {"role": "system", "content": "Decide one actor's stance. Answer with JSON."}
OTHER_INSTRUCTIONS = {"role": "system", "content": "Write the bottom line. Answer with JSON."}


def question(text: str) -> list[dict[str, str]]:
    return [INSTRUCTIONS, {"role": "user", "content": text}]


def answer(request: dict[str, Any]) -> Reply:
    return Reply(content=json.dumps({"stance": "opposes"}))


@pytest.fixture
def slots(tmp_path: Path) -> Any:
    with FakeOpenAI(answer) as server:
        server.slot_dir = tmp_path / "prefixes"
        server.slot_dir.mkdir()
        yield server


def client_for(server: FakeOpenAI, directory: Path, identity: str = "model A") -> ChatClient:
    root = server.base_url.removesuffix("/v1")
    store = PrefixStore(lambda: root, directory, identity)
    endpoint = Endpoint(base_url=server.base_url, model="m", api_key="k", prefixes=store)
    return ChatClient(endpoint)


def store_of(client: ChatClient) -> PrefixStore:
    assert isinstance(client.endpoint.prefixes, PrefixStore)
    return client.endpoint.prefixes


def test_first_run_reads_the_prefix_alone_and_saves_it(slots: FakeOpenAI) -> None:
    client = client_for(slots, slots.slot_dir)
    client.ask(
        question("Actor: Microsoft. Source words: SECRET-SOURCE-TEXT"), StanceAnswer, shared=1
    )
    client.ask(question("Actor: Google"), StanceAnswer, shared=1)

    priming, first, second = slots.requests
    assert priming["messages"] == [INSTRUCTIONS, {"role": "user", "content": ""}]
    assert priming["max_tokens"] == 1
    assert slots.slot_actions == ["save"]
    # The real questions found the instructions in the slot: the server reads only the rest.
    assert slots.held[1][:1] == [INSTRUCTIONS] and slots.held[2][:1] == [INSTRUCTIONS]
    saved = stored_prefixes(slots.slot_dir)
    assert len(saved) == 1 and saved[0].suffix == SUFFIX
    assert "SECRET-SOURCE-TEXT" not in saved[0].read_text()  # only the fixed messages
    assert not list(slots.slot_dir.glob(".*"))  # no partial file left behind
    assert client.usage.calls == 2  # the priming request is the store's, not an answer


def test_a_later_run_restores_instead_of_reading_again(slots: FakeOpenAI) -> None:
    client_for(slots, slots.slot_dir).ask(question("Actor: A"), StanceAnswer, shared=1)
    slots.slot = []  # a new run: a fresh server with an empty slot
    slots.requests.clear()
    slots.held.clear()
    slots.slot_actions.clear()

    later = client_for(slots, slots.slot_dir)
    later.ask(question("Actor: B"), StanceAnswer, shared=1)

    assert slots.slot_actions == ["restore"]
    assert len(slots.requests) == 1  # no priming
    assert slots.held[0][:1] == [INSTRUCTIONS]
    assert store_of(later).restored == 1 and store_of(later).saved == 0


def test_switching_between_kinds_restores_each_prefix_once_per_switch(slots: FakeOpenAI) -> None:
    client = client_for(slots, slots.slot_dir)
    bottom = [OTHER_INSTRUCTIONS, {"role": "user", "content": "Facts: ..."}]
    client.ask(question("Actor: A"), StanceAnswer, shared=1)
    client.ask(question("Actor: B"), StanceAnswer, shared=1)  # held: nothing to do
    client.ask(bottom, StanceAnswer, shared=1)
    client.ask(question("Actor: C"), StanceAnswer, shared=1)

    assert slots.slot_actions == ["save", "save", "restore"]
    assert len(stored_prefixes(slots.slot_dir)) == 2
    # Requests: priming, A, B, priming, the bottom line, C.
    assert len(slots.requests) == 6
    assert slots.held[4][:1] == [OTHER_INSTRUCTIONS]
    assert slots.held[5][:1] == [INSTRUCTIONS]


def test_no_shared_messages_means_nothing_is_saved(slots: FakeOpenAI) -> None:
    client = client_for(slots, slots.slot_dir)
    client.ask(question("Actor: A"), StanceAnswer)
    assert slots.slot_actions == [] and len(slots.requests) == 1
    assert stored_prefixes(slots.slot_dir) == []


def test_a_changed_prompt_or_model_never_gets_an_old_state(slots: FakeOpenAI) -> None:
    client_for(slots, slots.slot_dir, "model A").ask(question("x"), StanceAnswer, shared=1)
    client_for(slots, slots.slot_dir, "model B").ask(question("x"), StanceAnswer, shared=1)
    changed = [{"role": "system", "content": "New instructions."}, {"role": "user", "content": "x"}]
    client_for(slots, slots.slot_dir, "model A").ask(changed, StanceAnswer, shared=1)
    assert slots.slot_actions == ["save", "save", "save"]
    assert len(stored_prefixes(slots.slot_dir)) == 3


def test_an_unreadable_saved_state_is_read_again_and_replaced(slots: FakeOpenAI) -> None:
    client_for(slots, slots.slot_dir).ask(question("x"), StanceAnswer, shared=1)
    (saved,) = stored_prefixes(slots.slot_dir)
    saved.write_text("not a slot")
    slots.slot_actions.clear()

    again = client_for(slots, slots.slot_dir)
    again.ask(question("y"), StanceAnswer, shared=1)

    assert slots.slot_actions == ["restore", "save"]
    assert json.loads(saved.read_text())[0] == INSTRUCTIONS
    assert slots.held[-1][:1] == [INSTRUCTIONS]


def test_a_server_without_slot_saving_costs_nothing_but_the_reading(tmp_path: Path) -> None:
    with FakeOpenAI(answer) as server:  # no slot_dir: every slot action is refused
        client = client_for(server, tmp_path / "prefixes")
        for actor in ("A", "B", "C"):
            parsed, _ = client.ask(question(f"Actor: {actor}"), StanceAnswer, shared=1)
            assert parsed.stance == "opposes"
        # One refused save turns the store off: no further priming or slot requests.
        assert server.slot_actions == ["save"]
        assert len(server.requests) == 4
    assert stored_prefixes(tmp_path / "prefixes") == []


def test_only_the_newest_states_are_kept(slots: FakeOpenAI) -> None:
    client = client_for(slots, slots.slot_dir)
    store_of(client).keep = 2
    for number in range(4):
        prompt = [
            {"role": "system", "content": f"Instructions {number}."},
            {"role": "user", "content": "x"},
        ]
        client.ask(prompt, StanceAnswer, shared=1)
    assert len(stored_prefixes(slots.slot_dir)) == 2
    kept = {json.loads(p.read_text())[0]["content"] for p in stored_prefixes(slots.slot_dir)}
    assert kept == {"Instructions 2.", "Instructions 3."}


def test_a_cache_that_cannot_hold_the_states_costs_no_request(slots: FakeOpenAI) -> None:
    blocked = slots.slot_dir / "a-file"
    blocked.write_text("not a folder")
    client = client_for(slots, blocked / "prefixes")  # cannot be created, even by root
    for actor in ("A", "B"):
        assert client.ask(question(f"Actor: {actor}"), StanceAnswer, shared=1)[0].stance
    assert len(slots.requests) == 2 and slots.slot_actions == []  # no priming, no slot action
