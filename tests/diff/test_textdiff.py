"""Word changes and list alignment, for any text and any lists (hypothesis)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from jobdocs.alignment import align
from jobdocs.textdiff import (
    MARKERS,
    mark_changes,
    new_text,
    old_text,
    similarity,
    word_changes,
)

WORDS = st.sampled_from(["ანგარიში", "კლიენტი", "Ведёт", "клиентов", "client", "the", ",",
                         ".", " ", "  ", "\n", "(", "B2"])
TEXT = st.lists(WORDS, max_size=30).map("".join)
ANY_TEXT = st.one_of(TEXT, st.text(max_size=60))


@given(ANY_TEXT, ANY_TEXT)
def test_word_changes_give_back_both_texts(old: str, new: str) -> None:
    segments = word_changes(old, new)
    assert "".join(s.text for s in segments if s.op != "insert") == old
    assert "".join(s.text for s in segments if s.op != "delete") == new
    assert all(s.text for s in segments)
    assert all(a.op != b.op for a, b in itertools.pairwise(segments)
               if "equal" in (a.op, b.op))


@given(ANY_TEXT, ANY_TEXT)
def test_marked_text_reads_as_both_versions(old: str, new: str) -> None:
    clean_old = "".join(c for c in old if c not in MARKERS)
    clean_new = "".join(c for c in new if c not in MARKERS)
    marked = mark_changes(old, new)
    assert new_text(marked) == clean_new
    assert old_text(marked) == clean_old


def test_equal_texts_have_no_changes() -> None:
    assert [s.op for s in word_changes("ერთი ორი", "ერთი ორი")] == ["equal"]
    assert similarity("a b", "a b") == 1.0
    assert similarity("", "") == 1.0
    assert similarity("one two", "three four") == 0.0


def test_a_replaced_phrase_reads_as_one_replacement() -> None:
    assert [(s.op, s.text) for s in word_changes("pay a b c now", "pay x y z now")] == [
        ("equal", "pay "), ("delete", "a b c"), ("insert", "x y z"), ("equal", " now")]


ITEMS = st.lists(st.sampled_from("abcdefgh"), unique=True, max_size=8)


@given(ITEMS, ITEMS)
def test_alignment_places_every_item(old: list[str], new: list[str]) -> None:
    pairs = align(old, new, key=str, text=str)
    assert sorted(p.new for p in pairs if p.new is not None) == list(range(len(new)))
    assert sorted(p.old for p in pairs if p.old is not None and p.status != "moved-to") == \
        list(range(len(old)))
    for pair in pairs:
        if pair.old is not None and pair.new is not None:
            assert old[pair.old] == new[pair.new]
    kept = [p.old for p in pairs if p.status == "kept"]
    assert kept == sorted(kept)
    # reading order: the new items in order
    assert [p.new for p in pairs if p.new is not None] == list(range(len(new)))
    moved = {p.old for p in pairs if p.status == "moved-to"}
    assert moved == {p.old for p in pairs if p.status == "moved-from"}


def test_items_without_keys_pair_by_similar_text() -> None:
    old = ["Negotiate with clients", "Prepare monthly reports"]
    new = ["Prepare monthly sales reports", "Negotiate with key clients", "Train staff"]
    statuses = [(p.old, p.new, p.status) for p in align(old, new, key=lambda _: None, text=str)]
    assert statuses == [(1, 0, "moved-to"), (0, 1, "kept"), (1, None, "moved-from"),
                        (None, 2, "added")]


def test_different_ids_are_different_items_however_alike() -> None:
    pairs = align([("a", "same text")], [("b", "same text")], key=lambda x: x[0],
                  text=lambda x: x[1])
    assert [p.status for p in pairs] == ["removed", "added"]


def test_very_long_texts_keep_their_common_ends_and_replace_the_middle() -> None:
    from jobdocs.textdiff import MAX_COMPARED, tokens

    words = ["ანგარიში", "client", "the", "and", "sales"]
    old = " ".join(words[i % 5] for i in range(3000))
    new = " ".join(words[(i * 7) % 5] for i in range(3000))
    old, new = "Start. " + old + " End.", "Start. " + new + " End."
    assert len(tokens(old)) * len(tokens(new)) > MAX_COMPARED
    segments = word_changes(old, new)
    assert [s.op for s in segments] == ["equal", "delete", "insert", "equal"]
    assert segments[0].text.startswith("Start.") and segments[-1].text.endswith("End.")
    assert "".join(s.text for s in segments if s.op != "insert") == old
    assert "".join(s.text for s in segments if s.op != "delete") == new


def test_long_lists_without_ids_pair_only_equal_texts() -> None:
    from jobdocs.alignment import MAX_SIMILAR_PAIRS

    count = int(MAX_SIMILAR_PAIRS ** 0.5) + 2  # one pair is equal: the rest still exceed
    old = [f"duty number {i} of the position" for i in range(count)]
    new = [f"duty number {i} of the position, revised" for i in range(count)]
    new[5] = old[5]
    pairs = align(old, new, key=lambda _: None, text=str)
    assert [(p.old, p.new) for p in pairs if p.old is not None and p.new is not None] == [(5, 5)]
    short = align(old[:10], new[:10], key=lambda _: None, text=str)
    assert all(p.status == "kept" for p in short)  # alike texts pair when the lists are short
