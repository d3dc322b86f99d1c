"""One row per event in a document: a later mention of an event told before gets no row.

Two rows of one document tell the same event when they share their dates and something else:
the words around the date, a content word next to it, an attributive reference ("Wednesday's
talks"), or, between a photo caption and the story, sentences with words in common. Rows dated
at different precisions ("in 2017", "on Sept. 3, 2017") are one event when one date lies inside
the other and they tell the same thing (two words of the event in common, actors that agree,
neither a series); the most precise mention then gives the row.
"""

from __future__ import annotations

from extract.dating.calendar import iso_span, nested
from extract.dating.rules import RULES
from extract.dating.vocabulary import INSTRUMENT_NOUNS
from extract.enrich.matching import ACTION, EVENT_WORDS, NAME, kind_of, same_kind, same_what
from extract.events.candidates import Row
from extract.events.similarity import STOPWORDS, similar


def _same_event(first: Row, second: Row) -> bool:
    """Whether `second` tells again the event of `first` (same document, same dates)."""
    if (first.date, first.date_end) != (second.date, second.date_end):
        return False
    if first.sentence == second.sentence:
        # two acts dated by one phrase ("On Monday, X fired and Y returned fire") stay two
        return first.precision == second.precision and first.mention_start == second.mention_start
    if first.ongoing != second.ongoing:
        return False  # "signed 140 orders since the inauguration" is not "signing orders" that day
    if (_telling(first.before) and first.before == second.before) or (
        _telling(first.after) and first.after == second.after
    ):
        return True
    if first.event_words & second.event_words and second.rule not in COUNTED_FROM:
        return True  # (not "... rounds followed at 4:12 p.m. ... answered about an hour later
        # with 29 rounds": what comes later is another act; nor "Hours after the meeting, the
        # North fired missiles": the words name the event it counts from)
    if second.attributive and len(second.date) >= 7 and _names_it(second, first):
        return True  # "the June 12 meeting", "Wednesday's talks": an event already told
    if _told_again(first, second):
        return True  # "fired an ICBM early on Wednesday" ... "The missile was launched at 3:17"
    return first.caption != second.caption and similar(first.sentence, second.sentence)


# Rules whose mentions count from another event ("about an hour later", "the next day", "hours
# after the meeting"): the act they date is not that one.
COUNTED_FROM = frozenset(
    rule.name for rule in RULES if rule.counts_from_story or rule.counts_from_event
)


def _told_again(first: Row, second: Row) -> bool:
    """The same act told again on the same day: the same action and words (the signatures of
    extract.enrich.identity), actors in common, neither a series nor a plan of the other."""
    return (
        first.planned == second.planned
        and first.caption == second.caption
        and bool(set(first.actors) & set(second.actors))
        and same_kind(
            kind_of(first.summary, bool(first.date_end)),
            kind_of(second.summary, bool(second.date_end)),
        )
        and same_what(first.what, second.what)
        and not first.what & AUXILIARY_ACTIONS  # "has not confirmed" / "has not intercepted"
        and _same_thing(first.what, second.what)
    )


def _same_thing(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two signatures of one day share what the act is about, not only where: an event
    word, or three words that are no place ("the welcome banquet begins at the Peace House" is
    not "summit talks begin at the Peace House")."""
    names = {w[1:] for w in first | second if w.startswith(NAME)}
    common = {w for w in first & second if w[0] not in (ACTION, NAME) and w not in names}
    return bool(common & EVENT_WORDS) or len(common) >= 3


AUXILIARY_ACTIONS = frozenset({ACTION + verb for verb in ("have", "be", "do")})


def _names_it(reference: Row, told: Row) -> bool:
    """Whether an attributive date's noun ("the June 12 meeting") names the event told before:
    a day names one; a month's noun must be in the sentence that told it ("imposed in
    September on a Macau bank" is not "the September 2005 joint statement")."""
    if len(reference.date) >= 10:
        return True
    nouns = {w for w in reference.after.split() if w not in STOPWORDS}
    return not nouns or bool(nouns & set(told.sentence.lower().split()))


def _telling(context: str) -> bool:
    """Whether the words around a date say something of the event ("the summit", not "that the",
    which any report may follow a date with)."""
    return any(word not in STOPWORDS for word in context.split())


def _names_earlier_event(row: Row) -> bool:
    """'The 2017 blast was ...': a definite description dated only by its year names again an
    event of that year told before with a sharper date (the caller checks that one was)."""
    return row.definite and row.precision == "year" and not row.date_end


def _names_instrument(row: Row) -> bool:
    """Whether a year's definite description names an agreement or an anniversary's event: what
    a year names on its own when the story told nothing of it ("the 2024 treaty with Russia",
    "the 1953 armistice"), though other dates of that year were told."""
    return row.rule == "anniversary" or bool(set(row.after.lower().split()) & INSTRUMENT_NOUNS)


def one_row_per_event(rows: list[Row]) -> list[Row]:
    """Keep one row per event: the first mention at the same dates, the most precise mention
    across precisions; the other mentions get no row (they count as mentions of the kept one)."""
    kept: list[Row] = []
    by_dates: dict[tuple[str, str], list[Row]] = {}
    sharper: dict[str, list[Row]] = {}  # by year: the kept rows dated finer than a year
    for row in rows:
        same_dates = by_dates.setdefault((row.date, row.date_end), [])
        first = next((earlier for earlier in same_dates if _same_event(earlier, row)), None)
        if first is not None:
            first.mentions += 1
            continue
        sharper_told = sharper.get(row.date, [])
        if _names_earlier_event(row) and (
            (sharper_told and not _names_instrument(row))
            or any(_names_it(row, told) for told in sharper_told)
        ):
            continue  # "The 2017 blast" after Sept. 3, 2017 (not "the 2024 treaty" told first)
        coarser_or_finer = [earlier for earlier in kept if _told_at_other_precision(earlier, row)]
        if len(coarser_or_finer) == 1:  # more than one: ambiguous, keep both
            earlier = coarser_or_finer[0]
            if _width(row) < _width(earlier):  # the finer mention gives the row
                row.mentions += earlier.mentions
                kept[kept.index(earlier)] = row
                by_dates[(earlier.date, earlier.date_end)].remove(earlier)
                same_dates.append(row)
            else:
                earlier.mentions += 1
            continue
        kept.append(row)
        same_dates.append(row)
        if len(row.date) > 4:
            sharper.setdefault(row.date[:4], []).append(row)
    return kept


MAX_COARSE_DAYS = 366  # a year at most: a decade or "in 2018 and 2019" holds several events


def _told_at_other_precision(first: Row, second: Row) -> bool:
    """'North Korea tested a nuclear weapon in 2017' ... 'the test on Sept. 3, 2017': in
    different sentences, the coarser date at most a year, both planned or both not."""
    if (first.date, first.date_end) == (second.date, second.date_end):
        return False
    if first.planned != second.planned:
        return False
    if first.sentence == second.sentence and not (
        first.summary == second.summary and (first.attributive or second.attributive)
    ):
        return False  # unless a year names what the clause dates ("The 2018 summit was held
        # in Singapore on June 12, 2018": one event)
    if first.caption != second.caption:  # a photo caption tells its own moment
        return False
    if first.precision == second.precision == "day":
        return False  # "talks from May 3 to 5" and "a visit on May 4": two events of those days
    if max(_width(first), _width(second)) > MAX_COARSE_DAYS or first.ongoing or second.ongoing:
        return False
    if not nested(iso_span(first.date, first.date_end), iso_span(second.date, second.date_end)):
        return False
    if not same_kind(
        kind_of(first.summary, bool(first.date_end)), kind_of(second.summary, bool(second.date_end))
    ):
        return False
    if first.actors and second.actors and not set(first.actors) & set(second.actors):
        return False
    return same_what(first.what, second.what)


def _width(row: Row) -> int:
    start, end = iso_span(row.date, row.date_end)
    return (end - start).days
