"""Sentence splitting: news abbreviations do not end sentences; every sentence is a body slice."""

from __future__ import annotations

import pytest

from extract.sentences import (
    MAX_SENTENCE,
    WORD_RE,
    split_sentences,
    words_after,
    words_before,
)


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "The talks began on Jan. 3, 2018, at Panmunjom. Seoul welcomed them.",
            ["The talks began on Jan. 3, 2018, at Panmunjom.", "Seoul welcomed them."],
        ),
        (
            "The U.S. Senate approved sanctions. The U.S. The move angered Pyongyang.",
            ["The U.S. Senate approved sanctions.", "The U.S.", "The move angered Pyongyang."],
        ),
        (
            "It tested a bomb on Sept. 3, 2017. Mr. Moon spoke with Dr. Kim on No. 2 line.",
            ["It tested a bomb on Sept. 3, 2017.", "Mr. Moon spoke with Dr. Kim on No. 2 line."],
        ),
        (
            'He said, "We will meet." Officials agreed.',
            ['He said, "We will meet."', "Officials agreed."],
        ),
        (
            "Headline without a period\nThe body starts here. It ends here.",
            ["Headline without a period", "The body starts here.", "It ends here."],
        ),
        (
            "The talks ended at 3 p.m. on Monday. Both sides left.",
            ["The talks ended at 3 p.m. on Monday.", "Both sides left."],
        ),
        (  # a clock time ends a sentence before a capitalised word that does not go on with it
            "The North fired between 9 and 11 a.m. South Korean marines replied at 2 p.m. Friday"
            " and at 4 p.m. Seoul time.",
            [
                "The North fired between 9 and 11 a.m.",
                "South Korean marines replied at 2 p.m. Friday and at 4 p.m. Seoul time.",
            ],
        ),
        (  # a programme's line opens with its time
            "8:30 a.m. Registration and breakfast\n9:15 a.m. Panel I",
            ["8:30 a.m. Registration and breakfast", "9:15 a.m. Panel I"],
        ),
    ],
)
def test_news_abbreviations_do_not_end_sentences(body: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(body)] == expected


def test_sentences_are_slices_of_the_body_and_paragraphs_are_counted() -> None:
    body = "First para. Still first.\r\n\r\nSecond para.\n  Indented line.  \n"
    sentences = split_sentences(body)
    assert all(body[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 2, 3]


def test_an_endless_sentence_is_cut_into_bounded_pieces_at_spaces() -> None:
    body = "word " * 1000 + "end."
    pieces = split_sentences(body)
    assert len(pieces) > 1
    assert all(len(p.text) <= MAX_SENTENCE for p in pieces)
    assert all(body[p.start : p.end] == p.text for p in pieces)
    assert " ".join(p.text for p in pieces) == body.strip()


WINDOWED = [
    "Kim Jong Un's sister, Kim Yo Jong, said on Tuesday that the North would respond.",
    "A" + "b" * 300 + " then on Monday",  # one word longer than the window
    "x" * 200 + "-follow-up talks.. on May 3",  # a word the window's edge cuts
    "on Friday",
    "",
]


def test_words_next_to_a_place_are_the_texts_own() -> None:
    """words_before reads a window, words_after stops early: the same words as the whole."""
    for text in WINDOWED:
        for place in range(len(text) + 1):
            for count in (1, 2, 3):
                assert words_before(text, place, count) == WORD_RE.findall(text[:place])[-count:]
                assert words_after(text, place, count) == WORD_RE.findall(text[place:])[:count]


def test_a_decade_ends_a_sentence() -> None:
    texts = [
        s.text
        for s in split_sentences("It began in the 1980s. The famine came. John F. Kennedy spoke.")
    ]
    assert texts == ["It began in the 1980s.", "The famine came.", "John F. Kennedy spoke."]
