"""A closed choice (a stance label) read from one generated token where the server continues an
answer begun in the assistant turn, and asked as JSON everywhere else."""

from __future__ import annotations

from pathlib import Path

from briefing.cache import ResponseCache
from briefing.llm import ChatClient, Endpoint
from briefing.models import StanceAnswer
from briefing.stance import STANCES
from tests.fakeserver import FakeOpenAI, Reply

QUESTION = [
    {"role": "system", "content": "You decide one actor's stance."},
    {"role": "user", "content": "What is Okafor's stance toward the treaty?"},
]


def client(fake: FakeOpenAI, *, continues: bool, cache: ResponseCache | None = None) -> ChatClient:
    endpoint = Endpoint(base_url=fake.base_url, model="m", api_key="k", continues_answers=continues)
    return ChatClient(endpoint, cache=cache)


def test_a_continued_answer_is_read_from_its_first_token() -> None:
    with FakeOpenAI() as fake:
        fake.enqueue('{"stance":"opp')  # llama.cpp returns the opening with the token
        assert client(fake, continues=True).ask_choice(
            QUESTION, StanceAnswer, "stance", STANCES
        ) == ("opposes")
    (request,) = fake.requests
    assert request["messages"] == [*QUESTION, {"role": "assistant", "content": '{"stance":"'}]
    assert request["max_tokens"] == 1 and "response_format" not in request
    assert request["grammar"] == (
        'root ::= ("supports" | "opposes" | "concerned" | "mixed" | "neutral") "\\"}"'
    )


def test_choices_sharing_a_first_letter_are_read_whole() -> None:
    with FakeOpenAI() as fake:
        fake.enqueue("concerned")  # a server that returns only what it generated
        chosen = client(fake, continues=True).ask_choice(
            QUESTION, StanceAnswer, "stance", ("concerned", "content")
        )
    assert chosen == "concerned"
    assert fake.requests[0]["max_tokens"] == len("concerned") + 2


def test_a_continued_answer_that_names_no_choice_is_asked_again_as_json() -> None:
    with FakeOpenAI() as fake:
        fake.enqueue('{"stance":"', '{"stance":"mixed"}')  # nothing generated, then JSON
        chosen = client(fake, continues=True).ask_choice(QUESTION, StanceAnswer, "stance", STANCES)
    assert chosen == "mixed"
    first, second = fake.requests
    assert "grammar" in first and "grammar" not in second
    assert second["messages"] == QUESTION
    assert second["response_format"]["json_schema"]["name"] == "StanceAnswer"


def test_an_endpoint_that_does_not_continue_answers_is_asked_for_json() -> None:
    with FakeOpenAI() as fake:
        fake.enqueue('{"stance":"neutral"}')
        chosen = client(fake, continues=False).ask_choice(QUESTION, StanceAnswer, "stance", STANCES)
    assert chosen == "neutral"
    (request,) = fake.requests
    assert request["messages"] == QUESTION and "grammar" not in request
    assert request["response_format"]["type"] == "json_schema"


def test_a_continued_answer_is_cached_like_any_other(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    with FakeOpenAI() as fake:
        fake.enqueue('{"stance":"sup')
        asker = client(fake, continues=True, cache=cache)
        assert asker.ask_choice(QUESTION, StanceAnswer, "stance", STANCES) == "supports"
        assert asker.ask_choice(QUESTION, StanceAnswer, "stance", STANCES) == "supports"
    assert len(fake.requests) == 1 and asker.usage.cached == 1


def test_a_server_that_refuses_a_continued_answer_is_asked_for_json_from_then_on() -> None:
    refused = Reply(status=400, body={"error": {"message": "Assistant prefill is not supported"}})
    with FakeOpenAI() as fake:
        fake.enqueue(refused, '{"stance":"opposes"}', '{"stance":"mixed"}')
        asker = client(fake, continues=True)
        assert asker.ask_choice(QUESTION, StanceAnswer, "stance", STANCES) == "opposes"
        assert asker.ask_choice(QUESTION, StanceAnswer, "stance", STANCES) == "mixed"
    assert ["grammar" in request for request in fake.requests] == [True, False, False]
