"""End to end through the CLI against the fake endpoint: the real openai client, real HTTP."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefing import ocr
from briefing.cli import main
from tests.conftest import (
    BERG,
    OKAFOR,
    STATEMENT,
    extraction,
    fact_sheet,
    position,
    statement_answer,
)
from tests.fakeserver import FakeOpenAI, Reply
from tests.pdf_writer import Text, pdf_bytes, scanned, text_width


def run(fake: FakeOpenAI, *args: str, stance_check: bool = False, bottom_line: bool = False) -> int:
    flags = [] if stance_check else ["--no-stance-check"]
    flags += [] if bottom_line else ["--no-bottom-line"]
    return main(
        ["generate", *args, "--base-url", fake.base_url, "--model", "fake-model", "-q", *flags]
    )


def test_grounded_brief_and_json_contract(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.enqueue(statement_answer())
    facts = tmp_path / "facts.json"
    assert run(fake, str(statement_file), "--json", str(facts), "--topic", "the treaty") == 0

    brief = capsys.readouterr().out
    assert brief.startswith("# Policy brief: the treaty")
    assert "| Amara Okafor, who speaks for the Open Net Alliance | opposes |" in brief
    assert "| Jonas Berg | supports |" in brief
    assert f"“{OKAFOR}”" in brief
    assert "8 August 2024" in brief

    sheet = fact_sheet(facts)
    texts = {source["id"]: source["text"] for source in sheet["sources"]}
    evidence = [
        ev
        for kind in ("positions", "risks", "events")
        for fact in sheet[kind]
        for ev in fact["evidence"]
    ]
    assert len(evidence) == 4
    for ev in evidence:
        assert set(ev) >= {"source_id", "start", "end", "quote", "match"}
        assert texts[ev["source_id"]][ev["start"] : ev["end"]] == ev["quote"]
    assert sheet["rejected"] == []
    assert sheet["run"]["usage"]["calls"] == 1
    assert sheet["run"]["usage"]["prompt_tokens"] == 100


def test_quote_absent_from_source_is_rejected(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invented = "the treaty is a triumph for every free society on earth"
    answer = extraction(positions=[position("Amara Okafor", invented, stance="supports")])
    # The first answer, then the answer to the quote feedback: still not in the text.
    fake.enqueue(answer, json.dumps({"quotes": ["a triumph for every free society"]}))
    facts = tmp_path / "facts.json"
    assert run(fake, str(statement_file), "--json", str(facts)) == 0

    sheet = fact_sheet(facts)
    assert sheet["positions"] == []
    assert [r["reason"] for r in sheet["rejected"]] == ["quote not found in the source"]
    assert sheet["rejected"][0]["draft"]["quote"] == invented
    assert invented not in capsys.readouterr().out
    # The model was told which quote it had not copied.
    feedback = fake.requests[1]["messages"][-1]["content"]
    assert f"1. {invented}" in feedback
    assert fake.requests[1]["response_format"]["json_schema"]["name"] == "QuoteCorrections"


def test_quote_corrected_through_feedback_is_grounded(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    paraphrase = "the treaty gives governments huge surveillance powers"
    fake.enqueue(
        extraction(positions=[position("Amara Okafor", paraphrase), position("Jonas Berg", BERG)]),
        json.dumps({"quotes": [OKAFOR]}),
    )
    facts = tmp_path / "facts.json"
    assert run(fake, str(statement_file), "--json", str(facts)) == 0
    sheet = fact_sheet(facts)
    quotes = sorted(p["evidence"][0]["quote"] for p in sheet["positions"])
    assert quotes == sorted([OKAFOR, BERG]) and sheet["rejected"] == []
    assert sheet["run"]["usage"]["calls"] == 2


def test_swapped_quotation_marks_align_as_normalized(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    # The source has curly quotes around Okafor's words and straight ones around Berg's.
    fake.enqueue(
        extraction(
            positions=[
                position("Amara Okafor", f'said the treaty "{OKAFOR}"'),
                position("Jonas Berg", f"said it \u201c{BERG}\u201d", stance="supports"),
            ]
        )
    )
    facts = tmp_path / "facts.json"
    assert run(fake, str(statement_file), "--json", str(facts)) == 0
    sheet = fact_sheet(facts)
    text = sheet["sources"][0]["text"]
    matches = {}
    for fact in sheet["positions"]:
        ev = fact["evidence"][0]
        assert text[ev["start"] : ev["end"]] == ev["quote"]
        matches[ev["quote"]] = ev["match"]
    assert matches == {
        f"said the treaty \u201c{OKAFOR}\u201d": "normalized",
        f'said it "{BERG}"': "normalized",
    }


def test_invalid_json_then_valid_json_succeeds_through_reask(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(
        Reply(content='{"positions": [', prompt_tokens=90, completion_tokens=5),
        Reply(content=extraction(positions=[position("Amara Okafor", OKAFOR)]), prompt_tokens=120),
    )
    facts = tmp_path / "facts.json"
    assert run(fake, str(statement_file), "--json", str(facts)) == 0
    sheet = fact_sheet(facts)
    assert len(sheet["positions"]) == 1
    usage = sheet["run"]["usage"]
    assert (usage["calls"], usage["reasks"]) == (2, 1)
    assert (usage["prompt_tokens"], usage["completion_tokens"]) == (210, 55)
    reask = fake.requests[1]["messages"]
    assert reask[-2] == {"role": "assistant", "content": '{"positions": ['}
    assert "did not match the required JSON format" in reask[-1]["content"]


def test_rate_limit_then_success_succeeds_through_retry(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(
        Reply(status=429, headers={"Retry-After": "0"}, body={"error": {"message": "slow down"}}),
        Reply(status=503, headers={"Retry-After": "0"}, body={"error": {"message": "busy"}}),
        extraction(positions=[position("Amara Okafor", OKAFOR)]),
    )
    facts = tmp_path / "facts.json"
    assert run(fake, str(statement_file), "--json", str(facts)) == 0
    sheet = fact_sheet(facts)
    assert len(sheet["positions"]) == 1
    assert sheet["run"]["usage"]["retries"] == 2
    assert len(fake.requests) == 3


def test_json_schema_falls_back_to_json_object(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(
        Reply(status=400, body={"error": {"message": "response_format json_schema unsupported"}}),
        extraction(positions=[position("Amara Okafor", OKAFOR)]),
    )
    facts = tmp_path / "facts.json"
    assert run(fake, str(statement_file), "--json", str(facts)) == 0
    assert fake.requests[0]["response_format"]["type"] == "json_schema"
    assert fake.requests[1]["response_format"] == {"type": "json_object"}
    assert '"positions"' in fake.requests[1]["messages"][0]["content"]  # schema sent as text
    assert len(fact_sheet(facts)["positions"]) == 1


def test_persistent_fault_is_one_line_error_and_no_output(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.responder = lambda request: Reply(status=401, body={"error": {"message": "bad key"}})
    out = tmp_path / "brief.md"
    facts = tmp_path / "facts.json"
    code = run(fake, str(statement_file), "-o", str(out), "--json", str(facts))
    assert code == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("briefing: error:") and "OPENAI_API_KEY" in err[0]
    assert not out.exists() and not facts.exists()
    assert list(tmp_path.glob(".*brief.md*")) == []


def test_api_key_never_leaks(
    fake: FakeOpenAI,
    statement_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    secret = "sk-test-do-not-leak-4242"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    fake.enqueue(extraction(positions=[position("Amara Okafor", OKAFOR)]))
    facts = tmp_path / "facts.json"
    args = ["generate", str(statement_file), "--base-url", fake.base_url, "--model", "m"]
    assert (
        main([*args, "--json", str(facts), "--debug", "--no-stance-check", "--no-bottom-line"]) == 0
    )
    # And when the endpoint refuses the key, the error names the cure, not the key.
    fake.responder = lambda request: Reply(status=401, body={"error": {"message": secret}})
    assert main([*args, "--no-stance-check", "--no-bottom-line", "--no-cache"]) == 4
    captured = capsys.readouterr()
    assert fake.headers[0]["authorization"] == f"Bearer {secret}"  # it was used...
    assert secret not in captured.out + captured.err  # ...and shown nowhere
    assert secret not in facts.read_text()


@pytest.mark.parametrize(
    "make_source, message",
    [
        (lambda d: d / "missing.txt", "source not found"),
        (lambda d: (d / "empty.txt").write_text("  \n") and d / "empty.txt", "source is empty"),
        (
            lambda d: (d / "blob.txt").write_bytes(b"\x00\x01\x02binary") and d / "blob.txt",
            "binary",
        ),
        (lambda d: (d / "folder").mkdir() or d / "folder", "no readable documents"),
    ],
    ids=["missing", "empty", "binary", "empty-folder"],
)
def test_bad_sources_fail_cleanly(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str], make_source, message
) -> None:
    source = make_source(tmp_path)
    out = tmp_path / "brief.md"
    code = run(fake, str(source), "-o", str(out))
    assert code == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not out.exists()
    assert fake.requests == []  # no model call for bad input


@pytest.mark.parametrize(
    "outputs, message",
    [
        (lambda d: ["-o", str(d / "sources" / "statement.md")], "-o"),
        (lambda d: ["--json", str(d / "sources" / "statement.md")], "--json"),
        (lambda d: ["--html", str(d / "sources" / ".." / "sources" / "statement.md")], "--html"),
        (lambda d: ["-o", str(d / "link.md")], "-o"),
        (lambda d: ["-o", str(d / "x.md"), "--json", str(d / "x.md")], "name the same file"),
        (lambda d: ["-o", str(d / "t.j2"), "--template", str(d / "t.j2")], "the template"),
        (lambda d: ["-o", str(d / "old.json"), "--since", str(d / "old.json")], "--since"),
    ],
    ids=["brief", "json", "html-other-spelling", "symlink", "two-outputs", "template", "since"],
)
def test_no_output_replaces_a_file_the_run_reads(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str], outputs, message
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    source = folder / "statement.md"
    source.write_text("# Statement\n\nThe council backs the levy, its leader said.\n")
    (tmp_path / "link.md").symlink_to(source)
    (tmp_path / "t.j2").write_text("# {{ title }}\n")
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    since_sheet = tmp_path / "old.json"
    if "--since" in outputs(tmp_path):
        fake.enqueue(extraction())
        assert run(fake, str(source), "--json", str(since_sheet)) == 0
        before[since_sheet] = since_sheet.read_bytes()
        fake.requests.clear()
    capsys.readouterr()
    code = run(fake, str(folder), *outputs(tmp_path))
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0], err
    assert fake.requests == []  # refused before any model call
    assert {path: path.read_bytes() for path in before} == before  # nothing replaced


def test_the_new_fact_sheet_may_replace_the_one_it_follows(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    facts = tmp_path / "story.json"
    fake.enqueue(extraction())
    assert run(fake, str(statement_file), "--json", str(facts)) == 0
    first = facts.read_text()
    fake.enqueue(extraction(positions=[position("Amara Okafor", OKAFOR)]))
    assert run(fake, str(statement_file), "--json", str(facts), "--since", str(facts)) == 0
    assert facts.read_text() != first and "Amara Okafor" in facts.read_text()


def test_a_brief_written_into_a_source_folder_is_warned_of(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    statement_file.rename(folder / statement_file.name)
    fake.enqueue(extraction())
    brief = folder / "brief.md"
    assert run(fake, str(folder), "-o", str(brief)) == 0
    assert brief.exists()
    err = capsys.readouterr().err
    assert "written into a source folder" in err and str(brief) in err


def test_render_and_sources_refuse_to_replace_their_input(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = tmp_path / "facts.json"
    fake.enqueue(extraction())
    assert run(fake, str(statement_file), "--json", str(facts)) == 0
    sheet, text = facts.read_bytes(), statement_file.read_bytes()
    capsys.readouterr()
    assert main(["render", str(facts), "-o", str(facts)]) == 2
    assert main(["sources", str(statement_file), "--json", str(statement_file)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert "is the fact sheet" in err[0] and "is a source" in err[1]
    assert facts.read_bytes() == sheet and statement_file.read_bytes() == text


def test_render_from_saved_facts_needs_no_model(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.enqueue(extraction(positions=[position("Amara Okafor", OKAFOR)]))
    facts = tmp_path / "facts.json"
    first = tmp_path / "first.md"
    assert run(fake, str(statement_file), "--json", str(facts), "-o", str(first)) == 0
    again = tmp_path / "again.md"
    assert main(["render", str(facts), "-o", str(again)]) == 0
    assert again.read_text() == first.read_text()
    assert len(fake.requests) == 1


def test_remote_endpoint_without_model_name_is_a_config_error(
    statement_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["generate", str(statement_file), "--base-url", "http://127.0.0.1:9/v1"])
    assert code == 2
    assert "--model" in capsys.readouterr().err


def test_reask_context_does_not_grow(fake: FakeOpenAI, statement_file: Path) -> None:
    fake.enqueue("not json", "still not json", extraction())
    assert run(fake, str(statement_file)) == 0
    sizes = [len(json.dumps(request["messages"])) for request in fake.requests]
    assert len(sizes) == 3 and sizes[1] == sizes[2] - len("still not json") + len("not json")


def test_stance_check_agrees_or_marks_a_dispute(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.enqueue(
        extraction(
            positions=[
                position("Amara Okafor", OKAFOR, stance="supports"),  # mislabelled
                position("Jonas Berg", BERG, stance="supports"),
            ]
        ),
        # Both narrow questions about Amara Okafor, then both about Jonas Berg.
        json.dumps({"stance": "opposes"}),
        json.dumps({"stance": "opposes"}),
        json.dumps({"stance": "supports"}),
        json.dumps({"stance": "opposes"}),
    )
    facts = tmp_path / "facts.json"
    assert run(fake, str(statement_file), "--json", str(facts), stance_check=True) == 0
    checks = {
        p["evidence"][0]["quote"]: (p["stance"], p["stance_check"], p["second_stance"])
        for p in fact_sheet(facts)["positions"]
    }
    # The extraction's label is replaced by the first narrow answer, checked by the second.
    assert checks[OKAFOR] == ("opposes", "agreed", "opposes")
    assert checks[BERG] == ("supports", "disputed", "opposes")
    brief = capsys.readouterr().out
    assert "| Amara Okafor, who speaks for the Open Net Alliance | opposes |" in brief
    assert "| Jonas Berg | disputed: supports / opposes |" in brief
    # Each question shows the actor, the topic and the verified sentence, nothing else; the
    # second is the first with the labels named, "opposes" first, in a closing line.
    first, second = fake.requests[1], fake.requests[2]
    for question in (first, second):
        assert "What is Amara Okafor's stance toward" in question["messages"][-1]["content"]
        assert OKAFOR in question["messages"][-1]["content"]
        assert question["response_format"]["json_schema"]["name"] == "StanceAnswer"
    assert first["messages"][0] == second["messages"][0]
    asked, again = first["messages"][-1]["content"], second["messages"][-1]["content"]
    assert again == asked + "\nAnswer with one of: opposes, supports, concerned, mixed, neutral."


def test_concurrent_requests_give_the_same_facts(tmp_path: Path) -> None:
    """Answers depend only on the chunk; the fact sheet must not depend on the concurrency."""
    speakers = [f"Speaker{name}" for name in ("Alpha", "Bravo", "Charlie", "Delta", "Echo")]
    paragraphs = [
        f"{name} said the treaty would change how police share data in case {number}."
        for number, name in enumerate(speakers, 1)
    ]
    source = tmp_path / "many.txt"
    source.write_text("Many voices\n\n" + "\n\n".join(paragraphs), encoding="utf-8")

    def answer(request: dict) -> Reply:
        text = request["messages"][-1]["content"]
        found = [
            position(name, f"the treaty would change how police share data in case {n}")
            for n, name in enumerate(speakers, 1)
            if f"{name} said" in text
        ]
        return Reply(content=extraction(positions=found[:6]))

    sheets = []
    for concurrency in ("1", "3"):
        with FakeOpenAI(responder=answer) as server:
            facts = tmp_path / f"facts-{concurrency}.json"
            args = ["--chunk-chars", "200", "--concurrency", concurrency, "--json", str(facts)]
            assert run(server, str(source), *args) == 0
            assert len(server.requests) >= 3
        sheet = fact_sheet(facts)
        sheet["run"]["endpoint"] = "fake"  # a new port each time
        sheets.append(sheet)
    assert sheets[0] == sheets[1]
    assert len(sheets[0]["positions"]) == 5


def test_ctrl_c_exits_130_and_writes_nothing(
    statement_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import briefing.cli

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(briefing.cli, "generate_facts", interrupted)
    out = tmp_path / "brief.md"
    assert main(["generate", str(statement_file), "-o", str(out)]) == 130
    assert capsys.readouterr().err.strip() == "briefing: interrupted"
    assert not out.exists()


def test_embedded_server_stops_when_the_run_is_interrupted(
    statement_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The embedded server's context is left on Ctrl-C, so the model is released."""
    from briefing.backends import embedded

    events: list[str] = []

    class FakeServer:
        prefixes = None  # no saved instruction states

        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def __enter__(self) -> FakeServer:
            events.append("enter")
            return self

        def start(self) -> str:
            events.append("start")
            return "http://127.0.0.1:9/v1"

        def __exit__(self, *exc: object) -> None:
            events.append("exit")

    def interrupted_extract(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(embedded, "EmbeddedServer", FakeServer)
    monkeypatch.setattr(embedded, "assemble_model", lambda directory, progress: Path("m.gguf"))
    monkeypatch.setattr("briefing.pipeline.extract_chunk", interrupted_extract)
    assert main(["generate", str(statement_file), "-q"]) == 130
    assert events == ["enter", "exit"]  # left on Ctrl-C; never started, as nothing was asked


def test_review_appendix_lists_rejected_drafts_only_on_request(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invented = "the treaty is a [triumph](http://x) for every free society"
    fake.enqueue(
        extraction(positions=[position("Amara Okafor", OKAFOR), position("Jonas Berg", invented)]),
        json.dumps({"quotes": [""]}),
    )
    facts = tmp_path / "facts.json"
    assert run(fake, str(statement_file), "--json", str(facts)) == 0
    plain = capsys.readouterr().out
    assert "Review appendix" not in plain and "triumph" not in plain

    assert main(["render", str(facts), "--review"]) == 0
    reviewed = capsys.readouterr().out
    body, appendix = reviewed.split("## Review appendix")
    assert "triumph" not in body
    assert "position, quote not found in the source. Jonas Berg:" in appendix
    assert "\\[triumph\\](http://x)" in appendix  # shown, inert


def test_template_syntax_error_is_caught_before_any_model_call(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "bad.j2"
    template.write_text("# {{ title }}\n{% for p in positions %}\n", encoding="utf-8")
    assert run(fake, str(statement_file), "--template", str(template)) == 2
    assert "template error on line" in capsys.readouterr().err
    assert fake.requests == []


def test_template_failing_at_render_time_keeps_the_fact_sheet(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "strict.j2"
    template.write_text("# {{ no_such_variable }}\n", encoding="utf-8")
    fake.enqueue(extraction(positions=[position("Amara Okafor", OKAFOR)]))
    facts = tmp_path / "facts.json"
    out = tmp_path / "brief.md"
    code = run(
        fake, str(statement_file), "--template", str(template), "--json", str(facts), "-o", str(out)
    )
    assert code == 2
    err = capsys.readouterr().err
    assert f"briefing render {facts}" in err
    assert len(fact_sheet(facts)["positions"]) == 1
    assert not out.exists()


def test_credentials_in_the_base_url_are_never_shown(
    fake: FakeOpenAI, statement_file: Path, tmp_path: Path
) -> None:
    fake.enqueue(extraction(positions=[position("Amara Okafor", OKAFOR)]))
    url = fake.base_url.replace("http://", "http://user:hunter2@")
    facts = tmp_path / "facts.json"
    args = ["generate", str(statement_file), "--base-url", url, "--model", "m", "-q"]
    assert main([*args, "--json", str(facts), "--no-stance-check", "--no-bottom-line"]) == 0
    sheet = fact_sheet(facts)
    assert "hunter2" not in json.dumps(sheet)
    assert sheet["run"]["endpoint"] == fake.base_url


def test_a_chunk_the_model_cannot_answer_is_skipped_and_said(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "two.txt"
    first = (
        "Amara Okafor said the treaty was a danger to every reporter in the region, "
        "and that the coalition would campaign against ratification in every parliament."
    )
    second = (
        "Jonas Berg said the treaty would help small states fight ransomware together, "
        "and that his ministry would present a ratification bill before the end of the year."
    )
    source.write_text(f"Two views\n\n{first}\n\n{second}", encoding="utf-8")
    fake.enqueue(
        "not json",
        "not json",
        "not json",  # the first chunk: re-asks exhausted
        extraction(
            positions=[position("Jonas Berg", "help small states fight ransomware together")]
        ),
    )
    facts = tmp_path / "facts.json"
    code = main(
        [
            "generate",
            str(source),
            "--base-url",
            fake.base_url,
            "--model",
            "m",
            "--chunk-chars",
            "200",
            "--json",
            str(facts),
            "--no-stance-check",
            "--no-bottom-line",
        ]
    )
    assert code == 0
    captured = capsys.readouterr()
    sheet = fact_sheet(facts)
    assert len(sheet["positions"]) == 1
    assert len(sheet["run"]["skipped_chunks"]) == 1
    assert "chunk 1" in sheet["run"]["skipped_chunks"][0]
    assert "Incomplete: the model could not read 1 part(s)" in captured.out
    assert "skipped chunk 1" in captured.err


def test_output_files_get_the_usual_permissions(tmp_path: Path) -> None:
    import os
    import stat

    from briefing.cli import write_atomic

    target = tmp_path / "brief.md"
    write_atomic(str(target), "text\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert target.read_text() == "text\n"


def test_a_topic_taken_from_the_titles_is_named_on_stderr(
    fake: FakeOpenAI, statement_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.enqueue(extraction(), extraction())
    base = ["generate", str(statement_file), "--base-url", fake.base_url, "--model", "m"]
    quiet = ["--no-stance-check", "--no-bottom-line"]
    assert main([*base, *quiet]) == 0
    out, err = capsys.readouterr()
    title = "Rights groups attack cybercrime treaty"  # statement_file's first line
    assert f"briefing: topic: {title} (from the source titles; --topic names it)" in err
    assert "topic:" not in out
    assert main([*base, *quiet, "--topic", "the treaty"]) == 0
    assert "topic:" not in capsys.readouterr().err


def _typeset(paragraphs: list[str], top: float, size: float = 11.0) -> tuple[list[Text], float]:
    """Lines of ``paragraphs`` set as a word processor would: filled to a 468-point column,
    a blank line's space between paragraphs. Returns the lines and where the next one goes."""
    lines: list[Text] = []
    y = top
    for paragraph in paragraphs:
        line = ""
        for word in paragraph.split():
            wider = f"{line} {word}".strip()
            if line and text_width(wider, size) > 468:
                lines.append(Text(line, 72, y, size))
                y -= 1.3 * size
                line = word
            else:
                line = wider
        lines.append(Text(line, 72, y, size))
        y -= 2.6 * size
    return lines, y


def test_a_pdf_report_is_briefed_with_the_page_of_each_quote(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A two-page PDF with a running header and page numbers: the facts are grounded in the
    text read from it (no header, no page number in it), each note names its quote's page,
    and `briefing check` still reads the notes."""
    first, second = STATEMENT.split("\n\n")[:2], STATEMENT.split("\n\n")[2:]
    furniture = [Text("Open Net Monitor - weekly digest", 72, 760, 8)]
    title = [Text("Rights groups attack cybercrime treaty", 72, 720, 16)]
    body_1, _ = _typeset(first, 690)
    body_2, _ = _typeset(second, 720)
    pages = [
        [*furniture, *title, *body_1, Text("Page 1 of 2", 290, 40, 8)],
        [*furniture, *body_2, Text("Page 2 of 2", 290, 40, 8)],
    ]
    report = tmp_path / "report.pdf"
    report.write_bytes(pdf_bytes(pages))
    fake.enqueue(statement_answer())
    facts, brief = tmp_path / "facts.json", tmp_path / "brief.md"
    assert run(fake, str(report), "--json", str(facts), "-o", str(brief)) == 0

    sheet = fact_sheet(facts)
    (source,) = sheet["sources"]
    assert source["title"] == "Rights groups attack cybercrime treaty"
    assert "Open Net Monitor" not in source["text"] and "Page 1" not in source["text"]
    assert [d["reason"] for d in source["dropped"]].count("page number") == 2
    assert len(source["page_starts"]) == 1
    for kind in ("positions", "risks", "events"):
        for fact in sheet[kind]:
            for ev in fact["evidence"]:
                assert source["text"][ev["start"] : ev["end"]] == ev["quote"]
    text = brief.read_text(encoding="utf-8")
    notes = {
        line.split("“")[1].split("”")[0]: line for line in text.splitlines() if "match" in line
    }
    okafor = next(line for quote, line in notes.items() if OKAFOR in quote)
    berg = next(line for quote, line in notes.items() if BERG in quote)
    assert okafor.endswith("match, page 1)") and berg.endswith("match, page 2)")
    capsys.readouterr()
    assert main(["check", str(brief), "--facts", str(facts)]) == 0


@pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")
def test_a_scanned_pdf_is_briefed_and_its_notes_say_ocr_read_them(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A two-page statement as a scanner makes it (pictures, no text layer): read by OCR,
    grounded in what OCR read, every note saying so, and `briefing check` passing."""
    first, second = STATEMENT.split("\n\n")[:2], STATEMENT.split("\n\n")[2:]
    body_1, _ = _typeset(first, 690)
    body_2, _ = _typeset(second, 720)
    title = [Text("Rights groups attack cybercrime treaty", 72, 720, 16)]
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned(pdf_bytes([[*title, *body_1], body_2])))
    fake.enqueue(statement_answer())
    facts, brief = tmp_path / "facts.json", tmp_path / "brief.md"
    assert run(fake, str(scan), "--json", str(facts), "-o", str(brief)) == 0

    sheet = fact_sheet(facts)
    (source,) = sheet["sources"]
    assert source["ocr_pages"] == [1, 2]
    assert source["title"] == "Rights groups attack cybercrime treaty"
    evidence = [
        ev
        for kind in ("positions", "risks", "events")
        for fact in sheet[kind]
        for ev in fact["evidence"]
    ]
    assert evidence
    assert all(source["text"][ev["start"] : ev["end"]] == ev["quote"] for ev in evidence)
    text = brief.read_text(encoding="utf-8")
    assert "scan.pdf); read by OCR (pages 1–2): check its quotes against" in text
    notes = [line for line in text.splitlines() if "match, page" in line]
    assert notes and all(line.endswith(", read by OCR)") for line in notes)
    assert any(line.endswith("page 2, read by OCR)") for line in notes)
    capsys.readouterr()
    assert main(["check", str(brief), "--facts", str(facts)]) == 0


def test_a_forwarded_e_mail_is_briefed_as_the_statement_it_forwards(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A colleague forwards a statement by e-mail: the brief's source is the statement, named
    by its own subject, sender and date, and the colleague's note is in no quote."""
    mail = EmailMessage()
    mail["From"] = "Desk Editor <editor@paper.example>"
    mail["Subject"] = "Fwd: Rights groups attack cybercrime treaty"
    mail["Date"] = "Tue, 01 Dec 2026 08:00:00 +0000"
    mail.set_content(
        "Can someone pick this up?\n\n---------- Forwarded message ---------\n"
        "From: Open Net Alliance <press@opennet.example>\nDate: Mon, Nov 30, 2026 at 6:12 PM\n"
        f"Subject: Rights groups attack cybercrime treaty\n\n{STATEMENT}"
    )
    statement = tmp_path / "statement.eml"
    statement.write_bytes(bytes(mail))
    fake.enqueue(statement_answer())
    facts, brief = tmp_path / "facts.json", tmp_path / "brief.md"
    assert run(fake, str(statement), "--json", str(facts), "-o", str(brief)) == 0

    (source,) = fact_sheet(facts)["sources"]
    assert source["text"] == STATEMENT.strip() and "pick this up" not in source["text"]
    text = brief.read_text(encoding="utf-8")
    assert "Rights groups attack cybercrime treaty, Open Net Alliance, 2026-11-30 (" in text
    capsys.readouterr()
    assert main(["check", str(brief), "--facts", str(facts)]) == 0
