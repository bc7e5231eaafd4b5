"""Grids read from a page's rules: which rules make a table, and where a word falls in it."""

from __future__ import annotations

from briefing.grids import MAX_RULES, Rule, find_grids


def _grid_rules(rows: list[float], columns: list[float]) -> tuple[list[Rule], list[Rule]]:
    """Every rule of a full grid: rows' y from the top down, columns' x from the left."""
    across = [Rule(y, columns[0], columns[-1]) for y in rows]
    down = [Rule(x, rows[-1], rows[0]) for x in columns]
    return across, down


def test_a_grid_of_two_rows_and_two_columns() -> None:
    across, down = _grid_rules([700, 680, 640], [72, 250, 540])
    (grid,) = find_grids(across, down)
    assert grid.edges == (700, 680, 640)
    assert grid.columns(0) == grid.columns(1) == [250]
    assert grid.row_at(80, 500, 690, slack=10) == 0
    assert grid.row_at(80, 500, 650, slack=10) == 1


def test_a_line_outside_the_grid_is_in_no_row() -> None:
    (grid,) = find_grids(*_grid_rules([700, 680, 640], [72, 250, 540]))
    assert grid.row_at(80, 500, 720, slack=10) is None  # above it
    assert grid.row_at(20, 500, 690, slack=10) is None  # starts left of it
    assert grid.row_at(80, 600, 690, slack=10) is None  # runs far past its right edge
    assert grid.row_at(80, 548, 690, slack=10) == 0  # a last word overrunning a little


def test_rules_drawn_twice_or_a_little_apart_are_one() -> None:
    """A double border (two lines half a point apart) and cells' own borders with spacing
    between them part the same rows and columns."""
    across, down = _grid_rules([700, 680, 640], [72, 250, 540])
    doubled = [Rule(rule.at - 0.5, rule.start, rule.end) for rule in across]
    spaced = [Rule(rule.at + 2, rule.start, rule.end) for rule in down]
    (grid,) = find_grids(across + doubled, down + spaced)
    assert grid.edges == (700, 680, 640)
    assert grid.columns(0) == [250]


def test_a_merged_cell_has_no_column_rule_through_it() -> None:
    across, down = _grid_rules([700, 680, 640], [72, 250, 540])
    down = [rule for rule in down if rule.at != 250] + [Rule(250, 680, 700)]
    (grid,) = find_grids(across, down)
    assert grid.columns(0) == [250]
    assert grid.columns(1) == []


def test_a_box_a_lone_rule_or_a_column_divider_make_no_grid() -> None:
    box = _grid_rules([700, 640], [72, 540])
    assert find_grids(*box) == []
    assert find_grids([Rule(700, 72, 540)], []) == []
    # Rules above and below two columns of text and one between them, not touching.
    across = [Rule(720, 72, 540), Rule(400, 72, 540)]
    assert find_grids(across, [Rule(306, 410, 710)]) == []


def test_rules_that_do_not_cross_are_separate_grids() -> None:
    first = _grid_rules([700, 680, 640], [72, 250, 540])
    second = _grid_rules([500, 480, 440], [72, 300, 540])
    grids = find_grids(first[0] + second[0], first[1] + second[1])
    assert sorted(grid.edges for grid in grids) == [(500, 480, 440), (700, 680, 640)]


def test_a_page_of_more_rules_than_a_document_draws_is_not_read() -> None:
    across, down = _grid_rules([700, 680, 640], [72, 250, 540])
    filler = [Rule(100 + n * 0.01, 0, 1) for n in range(MAX_RULES)]
    assert find_grids(across + filler, down) == []
