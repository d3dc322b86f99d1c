"""A document's sentences dated in reading order: the narrative time each sentence is read in.

A sentence's relative words count from its anchor (the publication date, or a photo caption's
own date), from the story's reference time (the last date told), from the frame a timeline entry
sets ("Jan. 6, 2016: ..."), and a quotation's words count from the day it was said ('"We met
yesterday," she said on Friday'). Page furniture ("Updated: 8:15 PM EDT, March 4, 2019") is not
part of the story.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from dataclasses import dataclass

from extract.dating.calendar import (
    TimeValue,
    day_value,
    granularity_of,
    pick_year,
    safe_date,
    weekday_on_or_before,
)
from extract.dating.mentions import (
    DocumentScan,
    Mention,
    antecedent_mention,
    find_mentions,
    scan_document,
    story_steps,
)
from extract.dating.resolvers import Told
from extract.dating.tense import tells_now
from extract.dating.vocabulary import MONTH_WORDS, WEEKDAY_WORDS, month_number, weekday_number
from extract.prefilter import Prefiltered
from extract.sentences import SPEAKER_LABEL_RE, Sentence

# A weekday alone on a line heads the entries under it: "MONDAY", "Tuesday:".
DAY_HEADING_RE = re.compile(rf"\W*({WEEKDAY_WORDS})\W*", re.IGNORECASE)
HISTORY_SIZE = 400  # earlier (date, sentence) pairs kept for events named again
# Lines that date the page, not an event: "Updated: 8:15 PM EDT, March 4, 2019", "Posted on ...",
# and the labelled lines of a report or press release ("Issued: 5 September 2024",
# "Distribution: 2019. 6. 19.(Wed) 10:00 | Humanitarian Cooperation Division").
PAGE_DATE_LINE_RE = re.compile(
    # ("Date of suspension: 2016-02-11" dates an act; "Date of issue:" is the page's)
    r"^\W*(?:(?:(?:last\s+)?updated|published|posted|first published"
    r"|date(?!\s+of\s+(?!issue|publication|notice|release))|dateline)\b[^.]{0,80}"
    r"|(?:issued|distribution|released|embargoed(?:\s+until)?|last modified|revised"
    r"|reporting period|period covered)\s*:.{0,100}"
    # a paper's history and a citation line: "Received 14 March 2017; accepted 2 October 2017",
    # "Journal of ..., Vol. 14, No. 1 (Spring 2018), pp. 1-29"; a cable's "E.O. 13526: DECL: ..."
    r"|received\b.{0,120}\baccepted\b.{0,120}|.{0,120}\bVol\.\s*\d+.{0,80}\bpp?\.\s*\d+.{0,20}"
    r"|(?:E\.O\.\s*\d+\s*:\s*)?DECL\s*:.{0,60})$",
    re.IGNORECASE,
)
CAPTION_CUE_RE = re.compile(
    r"^(?:FILE|File)\b|\bphoto\b|\bPhoto\b|\bhandout\b|REUTERS|Reuters/|\bAP\b Photo|Getty Images"
    r"|\(AP\)|\(AFP\)|AFP/|Yonhap|\bpictured\b|\bis seen\b|\bposes?\b"
)
_CAPTION_CUE = Prefiltered(CAPTION_CUE_RE)  # searched in every short paragraph
QUOTE_RE = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")
ATTRIBUTION_RE = re.compile(
    r"^\s*,?\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,6}\s+)?"
    r"(?:said|says|told|added|wrote|asked|recalled)\b"
)


@dataclass
class DatedSentence:
    """A sentence of the story with its dated mentions and what they were read against."""

    sentence: Sentence
    anchor: dt.date | None  # the publication date, or the caption's own date
    caption: bool
    question: bool  # "What happened this week?": asks, tells nothing
    mentions: list[Mention]


def date_sentences(sentences: list[Sentence], published: dt.date | None) -> list[DatedSentence]:
    """The story's sentences in reading order (page furniture left out), each with its mentions."""
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    scan = scan_document([sentence.text for sentence in sentences])
    anchors = {
        index: _caption_anchor(group, published, scan) for index, group in paragraphs.items()
    }
    recorded = _recording_day(sentences, published, scan)
    if recorded is not None:  # "Recorded Thursday afternoon": the speech counts from that day
        day, told_in = recorded
        labelled = sum(bool(SPEAKER_LABEL_RE.match(group[0].text)) for group in paragraphs.values())
        for index, group in paragraphs.items():
            if index != told_in and _spoken(group, labelled >= 2):
                anchors[index] = (day, anchors[index][1])

    # A wire item's dateline ("Pyongyang, March 8 (KCNA) -- ..."): its relative words, and the
    # paragraphs after it up to the next dateline, count from the dateline's day.
    if published is not None:
        datelines = {
            index: _dateline_day(dateline, published)
            for index, group in paragraphs.items()
            if (dateline := DATELINE_DATE_RE.match(group[0].text)) is not None
        }
        _anchor_under(anchors, datelines, include_marks=True)

    # An email thread: each message's "Sent:" line (or a quote's "On <date>, X wrote:") anchors
    # the relative words of the message under it, up to the next one.
    sent = _sent_days(paragraphs, published, scan)
    _anchor_under(anchors, sent, include_marks=False)
    # A signed comment ("... — Hanbit K. (talk) 09:12, 11 June 2018 (UTC)"): its words count
    # from its signature's day.
    for index, group in paragraphs.items():
        signed = _signature(group[-1].text)
        day = _day_told(signed["date"], published, scan) if signed else None
        if day is not None and not anchors[index][1]:
            anchors[index] = (day, False)

    # A diary's or log's dated entries ("24 July 1953" on a line of its own, then the entry):
    # each date line anchors the relative words of the paragraphs under it, as a caption's date
    # does, and gives no row of its own.
    entries = _entry_dates(paragraphs, published, scan)
    if len(entries) >= MIN_ENTRY_LINES:
        # a letter ends with its signature ("... Keep well.\nTae-sik"): the story goes on after it
        letter_ends = _letter_ends(paragraphs)
        _anchor_under(anchors, entries, include_marks=False, ends=letter_ends)
    else:
        entries, letter_ends = {}, set()

    story: list[DatedSentence] = []
    reference: TimeValue | None = None
    day_reference: TimeValue | None = None
    # What was told before, for events named again; bounded, so thousands of dates stay linear.
    history: deque[Told] = deque(maxlen=HISTORY_SIZE)
    frame: TimeValue | None = None  # what the previous sentence dated, if anything
    year_frame: TimeValue | None = None  # the year (or month) the last dated sentence opened with
    frame_paragraph = -1  # the paragraph of that sentence
    for number, sentence in enumerate(sentences):
        if _page_date_line(sentence.text, heading=number < HEADER_SENTENCES):
            continue
        anchor, is_caption = anchors[sentence.paragraph]
        if sentence.paragraph in letter_ends:  # "Tae-sik": the story comes back to its own time
            reference = day_reference = frame = None
            continue
        if sentence.paragraph in sent:  # "Sent: Tuesday, June 15, 1999 6:20 PM": no event
            reference = day_reference = frame = None
            continue
        heading = _heading_day(sentence, entries, anchor)
        if heading is not None:  # no event: the day of the entries under it
            history.append(Told(heading, sentence.text))
            day_reference, frame = heading, None
            if sentence.paragraph in entries:
                reference = heading  # "27 July 1953 ... on the 5th": that month
            continue
        before = reference
        mentions, reference = find_mentions(
            sentence.text, anchor, reference, history, day_reference, frame, scan
        )
        if (
            frame is None
            and year_frame is not None
            and _opens_yearless(sentence.text, mentions)
            and (
                year_frame.precision == "year"
                or _goes_on_from_month(sentence, mentions, frame_paragraph)
            )
        ):
            # "In 2014, the North sent athletes ... On Oct. 4, three officials ...": the
            # sentence opening with a month or day goes on in the year the last one opened with.
            mentions, reference = find_mentions(
                sentence.text, anchor, before, history, day_reference, year_frame, scan
            )
        signed = _signature(sentence.text)
        if signed:  # a comment's signature stamp dates the comment, not a step of its story
            mentions = [m for m in mentions if m.start < signed.start()]
            moving = story_steps(sentence.text, mentions)
            reference = moving[-1].value if moving else before
        speech = _speech_day(sentence.text, mentions)
        if speech is not None:  # '"We met yesterday," she said on Friday': from that Friday
            start, end, day = speech
            spoken, _ = find_mentions(sentence.text, day, None, history, None, None, scan)
            mentions = sorted(
                [m for m in mentions if not start <= m.start < end]
                + [m for m in spoken if start <= m.start < end],
                key=lambda m: m.start,
            )
        # A timeline entry ("Jan. 6, 2016: North Korea conducts ...") frames the next sentence;
        # a date in passing, or an opening "In 2022, ..." of its own story, does not.
        opening = mentions[0] if mentions else None
        fronted = opening is not None and not sentence.text[: opening.start].strip(' -•*"“')
        frame = (
            opening.value
            if opening is not None
            and fronted
            and sentence.text[opening.end : opening.end + 2].lstrip().startswith(":")
            else None
        )
        if opening is not None and _opens_with_year(sentence.text, opening):
            year_frame, frame_paragraph = opening.value, sentence.paragraph
        elif mentions and not (year_frame is not None and _opens_yearless(sentence.text, mentions)):
            year_frame = None  # (a chronology's entries under "1998" all go on in 1998)
        antecedent = _antecedent(story, sentence, mentions, before)
        if antecedent is not None:
            story[-1].mentions.append(antecedent)
        steps = {id(m) for m in story_steps(sentence.text, mentions)}
        for mention in mentions:
            assert mention.value is not None
            history.append(Told(mention.value, sentence.text, mention.start, mention.end))
            if granularity_of(mention.value) == "day" and id(mention) in steps:
                day_reference = mention.value
        question = sentence.text.rstrip(" \"”'’)").endswith("?")
        if (
            question
            and not mentions
            and SPEAKER_LABEL_RE.match(paragraphs[sentence.paragraph][0].text)
        ):
            reference = day_reference = None  # "HOST: ... writing to each other?": the answer
            # is about now, not the story told before
        if not mentions and (EVER_SINCE_RE.search(sentence.text) or tells_now(sentence.text)):
            reference = day_reference = None  # "Relations have worsened sharply since.", "He
            # works in the archive now.": the story comes back to the present (a bare "on June
            # 16" or "in May" next is this year's)
        story.append(DatedSentence(sentence, anchor, is_caption, question, mentions))
    return story


# A present perfect that runs to now from the story told before: "... have worsened sharply
# since.", "has not been heard from since."
EVER_SINCE_RE = re.compile(
    r"\b(?:has|have)\s+(?:not\s+|never\s+)?(?:\w+\s+){0,3}?\w+\s+since\s*[.!]?[\"”]?\s*$"
)


# "Pyongyang, March 8 (KCNA) --", "SEOUL, Oct. 22 (Yonhap) --": a place, a month and day, the
# agency in brackets, a dash.
DATELINE_DATE_RE = re.compile(
    rf"^[A-Z][A-Za-z .'-]{{1,30}},\s+(?P<month>{MONTH_WORDS})\s+(?P<day>[0-3]?\d)\s+"
    r"\([A-Z][\w .-]{1,20}\)\s*(?:--|—|–)"
    # "TOKYO, Sunday —": a weekday dateline, the place in capitals (a Sunday story in a Monday
    # paper)
    rf"|^[A-Z][A-Z .'-]{{1,30}},\s+(?P<weekday>{WEEKDAY_WORDS})\s*(?:\([A-Z][\w .-]{{1,20}}\)\s*)?"
    r"(?:--|—|–)"
)


def _heading_day(
    sentence: Sentence, entries: dict[int, dt.date], anchor: dt.date | None
) -> TimeValue | None:
    """The day a line heads: a diary's date line ("27 July 1953"), or a weekday alone
    ("MONDAY": the last such weekday up to the anchor, a review looks back on its week)."""
    if sentence.paragraph in entries:
        return day_value(entries[sentence.paragraph])
    weekday = DAY_HEADING_RE.fullmatch(sentence.text)
    if weekday is None or anchor is None:
        return None
    return day_value(weekday_on_or_before(anchor, weekday_number(weekday[1])))


def _anchor_under(
    anchors: dict[int, tuple[dt.date | None, bool]],
    marks: dict[int, dt.date | None],
    include_marks: bool,
    ends: set[int] | None = None,
) -> None:
    """Anchor each paragraph from a marked one (a dateline, a diary's date line) up to the next
    mark (or the end of what it heads: `ends`, a letter's signed paragraph) on that mark's day;
    captions keep their own date. `include_marks`: the marked paragraph too (a dateline opens
    its item's text; a date line is a line of its own)."""
    day: dt.date | None = None
    for index in sorted(anchors):
        day = marks.get(index, day)
        if day is not None and (include_marks or index not in marks) and not anchors[index][1]:
            anchors[index] = (day, False)
        if ends and index in ends:
            day = None


def _letter_ends(paragraphs: dict[int, list[Sentence]]) -> set[int]:
    """The paragraphs that end a letter: its signature, a name alone on a line ("Tae-sik",
    "Your brother, Tae-sik") after a salutation ("Dear Soon-ja,")."""
    ends: set[int] = set()
    in_letter = False
    for index in sorted(paragraphs):
        text = paragraphs[index][0].text.strip()
        if SALUTATION_RE.match(text):
            in_letter = True
        elif in_letter and len(paragraphs[index]) == 1 and SIGNATURE_RE.fullmatch(text):
            ends.add(index)
            in_letter = False
    return ends


SALUTATION_RE = re.compile(r"(?:Dear|My dear|Dearest)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?,?$")
# A letter's sign-off: up to four words, the last a capitalised name, no sentence's end.
SIGNATURE_RE = re.compile(
    r"(?:[A-Z][a-z]+(?:\s+[a-z]+){0,2},\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
)


def _dateline_day(dateline: re.Match[str], published: dt.date) -> dt.date | None:
    """The day of a dateline without a year: the latest such day (or weekday) up to
    publication."""
    if dateline["weekday"]:
        return weekday_on_or_before(published, weekday_number(dateline["weekday"]))
    month, day = month_number(dateline["month"]), int(dateline["day"])
    year = pick_year(published, month, day, "past")
    return safe_date(year, month, day) if year else None


# An email's header lines, quoted or not: "Sent: Tuesday, June 15, 1999 6:20 PM", "> Date: ...",
# ">> On Tue, 15 Jun 1999 09:58:12 +0800, Kwon Tae-ho wrote:".
FROM_LINE_RE = re.compile(r"[>\s]*From\s*:\s*\S")
SENT_LINE_RE = re.compile(r"[>\s]*(?:Sent|Date)\s*:\s*(?P<date>.+)")
WROTE_LINE_RE = re.compile(r"[>\s]*On\s+(?P<date>.{6,60}?),?\s+[^,]{1,60}\s+wrote:\s*")


def _sent_days(
    paragraphs: dict[int, list[Sentence]], published: dt.date | None, scan: DocumentScan
) -> dict[int, dt.date | None]:
    """The day each message of an email thread was sent, by the paragraph of its header line:
    a "Sent:" or "Date:" line after a "From:" line, or a quote's "On <date>, X wrote:" line."""
    found: dict[int, dt.date | None] = {}
    after_from = False
    for index in sorted(paragraphs):
        text = paragraphs[index][0].text
        header = SENT_LINE_RE.fullmatch(text) if after_from else WROTE_LINE_RE.fullmatch(text)
        after_from = bool(FROM_LINE_RE.match(text)) or (after_from and header is None)
        day = _day_told(header["date"], published, scan) if header else None
        if day is not None:
            found[index] = day
    return found


# A comment's signature stamp at its end: "— Hanbit K. (talk) 09:12, 11 June 2018 (UTC)".
SIGNATURE_STAMP_RE = re.compile(
    r"\d{1,2}:\d{2},\s*(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})\s*\(UTC\)\s*$"
)


def _signature(text: str) -> re.Match[str] | None:
    """A comment's signature stamp at the end of a text (most texts have no "(UTC)": no search)."""
    return SIGNATURE_STAMP_RE.search(text) if "(UTC)" in text else None


def _day_told(text: str, published: dt.date | None, scan: DocumentScan) -> dt.date | None:
    """The first single day a text tells, if any."""
    for mention in find_mentions(text, published, None, scan=scan)[0]:
        value = mention.value
        if value is not None and value.precision == "day" and not value.date_end:
            return dt.date.fromisoformat(value.date)
    return None


MIN_ENTRY_LINES = 2  # date lines that make a text a diary or a log of dated entries


def _entry_dates(
    paragraphs: dict[int, list[Sentence]], published: dt.date | None, scan: DocumentScan
) -> dict[int, dt.date]:
    """The paragraphs that are a full date and nothing else ("24 July 1953", "Friday, April 27,
    2018"), with their dates."""
    found: dict[int, dt.date] = {}
    for index, group in paragraphs.items():
        text = group[0].text.strip(" .:*#-")
        if len(group) != 1 or not text or len(text) > ENTRY_LINE_LENGTH or not YEAR_RE.search(text):
            continue
        mentions = find_mentions(text, published, None, scan=scan)[0]
        if len(mentions) != 1 or mentions[0].value is None:
            continue
        value, mention = mentions[0].value, mentions[0]
        whole = mention.start == 0 and mention.end == len(text)
        if whole and value.precision == "day" and not value.date_end:
            found[index] = dt.date.fromisoformat(value.date)
    return found


ENTRY_LINE_LENGTH = 40
YEAR_RE = re.compile(r"\b\d{4}\b")


def _recording_day(
    sentences: list[Sentence], published: dt.date | None, scan: DocumentScan
) -> tuple[dt.date, int] | None:
    """The day a transcript or an interview was recorded, when the text says so ("Recorded
    Thursday afternoon in Seoul", "We're recording this on Friday", "She spoke to us on
    Monday"), and the paragraph that says it."""
    transcript = any(SPEAKER_LABEL_RE.match(sentence.text) for sentence in sentences)
    for sentence in sentences:
        text = sentence.text
        if not any(word in text for word in RECORDING_WORDS) or not (
            RECORDING_RE.search(text) or (transcript and SPEECH_GIVEN_RE.search(text))
        ):
            continue
        day = _day_told(text, published, scan)
        if day is not None:
            return day, sentence.paragraph
    return None


def _spoken(paragraph: list[Sentence], labelled: bool) -> bool:
    """A paragraph of the recorded speech: a turn of a transcript whose turns are labelled
    ("LEE HAE-WON: ..."), or else one told in the first person outside quotation marks."""
    if labelled:
        return SPEAKER_LABEL_RE.match(paragraph[0].text) is not None
    return any(FIRST_PERSON_RE.search(QUOTE_RE.sub("", s.text)) for s in paragraph)


RECORDING_RE = re.compile(
    r"^\W*Recorded\b|\b(?:[Ww]e(?:'re|’re| are) recording"
    r"|(?:episode|interview|conversation|podcast|show|this) (?:was|were) recorded"
    r"|spoke (?:to|with) (?:us|me)|interview (?:took place|was (?:conducted|held))"
    r"|(?:[Ee]vent|[Hh]earing|[Bb]riefing|[Ss]eminar|[Pp]anel) (?:was )?held)\b"
)
# A transcript's note of the speech it gives ("addressed the graduating class at the college's
# commencement ceremony on Saturday, May 18", "delivered the keynote on Monday").
SPEECH_GIVEN_RE = re.compile(
    r"\b(?:addressed|delivered|gave)\s+(?:the|a|an|his|her|their)\b"
    r"|\b(?:speech|address|remarks|lecture|keynote|sermon)\s+(?:was\s+|were\s+)?(?:delivered|given)\b"
)
# A word every match of RECORDING_RE or SPEECH_GIVEN_RE holds: most sentences are passed over
# without a search.
RECORDING_WORDS = (
    "ecord",
    "spoke",
    "talked",
    "held",
    "nterview",
    "ddressed",
    "elivered",
    "gave",
    "given",
)
FIRST_PERSON_RE = re.compile(r"\b(?:I|my|me|we|We|our|Our|us|My)\b")


def _page_date_line(text: str, heading: bool) -> bool:
    """A line that dates the page ("Updated: 8:15 p.m. EDT, March 4, 2019"), or, in the page's
    heading, a date and nothing else ("Wednesday, November 29, 2017, 6:00 a.m. ET"; further on,
    a date alone heads the entries that follow it)."""
    words = text.replace(",", " ").split() if heading else []
    if 1 < len(words) <= 8 and all(BARE_DATE_WORD_RE.fullmatch(w) for w in words):
        # (a year alone heads a chronology's entries: "1998", then "Feb. 25 — ...")
        return any(re.fullmatch(r"\d{4}", w) for w in words)  # a day heading has no year
    if ".m." in text:  # "8:15 p.m." -> "8:15 pm" (a text without ".m." has none)
        text = AM_PM_RE.sub(r"\1m", text)
    return PAGE_DATE_LINE_RE.match(text) is not None


AM_PM_RE = re.compile(r"\b([ap])\.m\.")
HEADER_SENTENCES = 3  # a page's heading: its first lines
BARE_DATE_WORD_RE = re.compile(
    rf"{MONTH_WORDS}|(?i:{WEEKDAY_WORDS})"
    r"|\d{1,4}(?::\d\d)?\.?|(?i:[ap]\.m\.|[ap]m|gmt|utc|kst|jst|et|est|edt)"
)


def _antecedent(
    story: list[DatedSentence],
    sentence: Sentence,
    mentions: list[Mention],
    reference: TimeValue | None,
) -> Mention | None:
    """'Lee also instructed ... to suspend propaganda. The next day, North Korea halted ...':
    the undated past event just before (same paragraph) that "The next day" counts from is on
    the story's time."""
    if not story or reference is None or not mentions:
        return None
    opening, previous = mentions[0], story[-1]
    if (
        not opening.rule.counts_from_story
        or sentence.text[: opening.start].strip(' "“')
        or not sentence.text[opening.end :].startswith(",")  # "The day before the Games opened"
        or previous.mentions
        or previous.question
        or previous.sentence.paragraph != sentence.paragraph
    ):
        return None
    return antecedent_mention(previous.sentence.text, previous.anchor, reference)


def _opens_with_year(text: str, opening: Mention) -> bool:
    """'In 2014, ...', 'Back in 2017, ...': a sentence that opens with a year and a comma, or
    with a month of a year ('In March of that year, ...': the story goes on from that month, so
    a next 'In November, ...' is that year's); or a chronology's year heading, the year alone on
    its line ("1998", then "Feb. 25 — ...")."""
    assert opening.value is not None
    if opening.value.precision not in ("year", "month") or opening.value.date_end:
        return False
    if text.strip(" :*#-") == text[opening.start : opening.end].strip():
        return True
    return (
        re.fullmatch(r"[\s\"“]*(?:Back\s+)?", text[: opening.start]) is not None
        and text[opening.end : opening.end + 1] == ","
    )


def _goes_on_from_month(sentence: Sentence, mentions: list[Mention], paragraph: int) -> bool:
    """After a sentence opening with a month of a year, a sentence of the same paragraph that
    opens with a month or day and a comma ("In November, ...") goes on from that month; an
    attributive one ("The June meeting ...") or one paragraphs later may be about now."""
    return sentence.paragraph == paragraph and sentence.text[mentions[0].end :].startswith(",")


def _opens_yearless(text: str, mentions: list[Mention]) -> bool:
    """'On Oct. 4, ...', 'In September, ...': a sentence that opens with a month or day told
    without a year, in the past."""
    if not mentions:
        return False
    opening = mentions[0]
    return (
        opening.rule.yearless
        and not text[: opening.start].strip(' "“')
        and opening.tense not in ("future", "intent")
        and not re.search(r"\d{4}", text[opening.start : opening.end])
    )


def _speech_day(text: str, mentions: list[Mention]) -> tuple[int, int, dt.date] | None:
    """A quotation whose speaking day is given after it ('..." Kim said on Friday'): the span
    of the quotation and that day, against which its own 'yesterday' or 'tomorrow' count."""
    for quote in QUOTE_RE.finditer(text):
        if not ATTRIBUTION_RE.match(text[quote.end() : quote.end() + 120]):
            continue
        told = [
            m.value
            for m in mentions
            if m.start >= quote.end()
            and m.value is not None
            and granularity_of(m.value) == "day"
            and not m.value.date_end
        ]
        if told:
            return quote.start(), quote.end(), dt.date.fromisoformat(told[0].date)
    return None


MAX_CAPTION_SENTENCES = 3  # a caption's sentences, its credit apart
CREDIT_RE = re.compile(r"\([^()]{1,60}\)\.?")


def _caption_anchor(
    paragraph: list[Sentence], published: dt.date | None, scan: DocumentScan
) -> tuple[dt.date | None, bool]:
    """A photo caption dates itself: its own full date anchors the relative words inside it."""
    told = [s for s in paragraph if not CREDIT_RE.fullmatch(s.text.strip())]  # "(Agency photo)"
    if len(told) > MAX_CAPTION_SENTENCES or (
        not _CAPTION_CUE.search(" ".join(s.text for s in paragraph))
        and not re.search(
            r",\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\.?\s*$",
            paragraph[0].text,
        )
    ):
        return published, False
    for sentence in paragraph:
        for mention in find_mentions(sentence.text, None, None, scan=scan)[0]:
            value = mention.value
            if value is not None and value.precision == "day" and not value.date_end:
                return dt.date.fromisoformat(value.date), True
    return published, False
