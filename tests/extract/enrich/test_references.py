"""The story's actors are read lazily (extract.enrich.references.Discourse): what a reference
resolves to does not depend on when the texts were read, nor on copies made along the way."""

from __future__ import annotations

from extract.enrich.references import Discourse

STORY = [
    "President Donald Trump met leader Kim Jong Un in Singapore.",
    "The Kaesong complex was closed in February.",
    "Moon Jae-in said the two leaders would meet again.",
    "Some North Korean officials returned to the complex.",
]
QUESTIONS = ["he", "it", "they", "the two leaders", "the first", "North Korea", "the North"]


def _eager(texts: list[str]) -> list[str]:
    """Answers of a discourse that resolved a reference after every text."""
    discourse = Discourse()
    for text in texts:
        discourse.read(text)
        discourse.resolve("he")
    return [discourse.resolve(question) for question in QUESTIONS]


def test_answers_do_not_depend_on_when_texts_are_read() -> None:
    lazy = Discourse()
    for text in STORY:
        lazy.read(text)
    assert [lazy.resolve(q) for q in QUESTIONS] == _eager(STORY)
    assert lazy.resolve("he") == "Moon Jae-in"
    assert lazy.resolve("the North") == "North Korea"


def test_a_copy_reads_on_without_changing_its_origin() -> None:
    story = Discourse()
    for text in STORY[:2]:
        story.read(text)
    early = story.copy()  # a copy resolved before its origin reads further
    early.read("He visited the site.")
    assert early.resolve("it") == _eager([*STORY[:2], "He visited the site."])[1]
    later = story.copy()
    for text in STORY[2:]:
        story.read(text)
    assert [story.resolve(q) for q in QUESTIONS] == _eager(STORY)
    # a copy whose origin has read further since still answers for the texts it had
    assert [later.resolve(q) for q in QUESTIONS] == _eager(STORY[:2])
    assert [early.resolve(q) for q in QUESTIONS] == _eager([*STORY[:2], "He visited the site."])


def test_a_person_named_after_a_dateline_is_he_later() -> None:
    # "MOSCOW, Thursday — Vladimir Putin arrived ...": the dateline does not hide the subject,
    # so "Putin" alone and "he" later are him, not the other leader named in between.
    story = Discourse()
    for text in [
        "MOSCOW, Thursday — Vladimir Putin arrived in Hanoi after a visit to North Korea.",
        "Putin was met at the airport by Kim Jong Un himself.",
        "At home, Putin returns to a reshuffled government.",
    ]:
        story.read(text)
    assert story.resolve("he") == "Vladimir Putin"


def test_first_since_a_date_is_no_ongoing_state() -> None:
    import datetime as dt

    from extract.pipeline import document_events

    rows = document_events(
        "It was Putin's first trip to North Korea since July 2000. "
        "The border has been closed since January 2020. "
        "It would be the first summit between leaders of the two Koreas since 2007.",
        dt.date(2024, 6, 20),
    )
    ongoing = {row.evidence: row.ongoing for row in rows}
    assert ongoing == {"since July 2000": False, "since January 2020": True, "since 2007": False}
    previous = next(row.summary for row in rows if row.evidence == "since July 2000")
    assert not previous.startswith("It "), previous
