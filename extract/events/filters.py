"""What a dated mention tells that is not an event: a state ("South Korea was the seventh-largest
trading partner in 2024"), a habit ("where Kim usually sets goals"), a negated happening ("did not
mention the reunions on Thursday"), or a wire story's filing date ("SEOUL, Oct. 22 (Yonhap) --")."""

from __future__ import annotations

import re

from extract.dating.holidays import HOLIDAY_WORDS
from extract.dating.mentions import Mention
from extract.dating.tense import PAST_VERB
from extract.dating.vocabulary import WEEKDAY_WORDS

WINDOW = 300  # characters around an expression that the tests look at
COPULA_STATE_RE = re.compile(
    r"^\s*,\s*(?:[A-Z][\w’'.-]*\s+){0,6}?(?:was|were|is|are|remained|remains)\s+(?:the|a|an|its|their|still|not|[\w-]+est|one)\b"
)
COPULA_AFTER_RE = re.compile(r"^\s*,?\s*(?:was|were|is|are|remained|remains)\s+(?:a|an|still)\b")
STATIVE_RE = re.compile(
    r"\b(?:operate[sd]?|employ(?:s|ed)?|remain(?:s|ed)?|ha(?:s|d|ve)|hold(?:s)?|held|total(?:s|ed)?"
    r"|number(?:s|ed)|stood|stands?|live[sd]?|own(?:s|ed)?|house[sd]?|contain(?:s|ed)?"
    r"|(?:was|were|is|are)\s+(?:still|alive|about|around|more|less|over|under|on|in|at|\d))\b"
    # ("As of July, about 56,800 applicants were still alive"; "were found" is an event)
)
# "Sunday marks the 10th anniversary of ...", "Wednesday is the first anniversary ...": the day
# is when an anniversary falls, not an event (the anniversary dates the original event).
ANNIVERSARY_DAY_RE = re.compile(
    r"^\s*(?:marks|marked|is|was|will\s+mark|will\s+be)\s+the\s+[\w-]+\s+(?:[\w-]+\s+)?anniversary\b"
)
# "That was before relations deteriorated under Park's predecessor": the sentence places the
# event told before in time; what follows "before" is a time of reference, not a new event.
TIME_RELATION_RE = re.compile(
    r"^\W*(?:That|This|It)\s+(?:was|came)\s+(?:before|after|long before)\b"
)
NEGATION_RE = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|never|will not|won't|made no mention|nobody|no one)\b",
    re.IGNORECASE,
)
# "The 70th anniversary of the armistice falls on Thursday, July 27": when it falls, no event
ANNIVERSARY_FALLS_RE = re.compile(
    r"\b(?:anniversary|birthday)\b[^.;]{0,80}\b(?:falls|fell|fall)\s+(?:on\s+)?$"
)
AHEAD_OF_RE = re.compile(r"\b(?:ahead\s+of|in\s+time\s+for)\s+(?:the\s+)?$", re.IGNORECASE)
# "whose fiscal year ends in March", "the school year begins in March": how a calendar runs
FISCAL_CALENDAR_RE = re.compile(
    r"\b(?:fiscal|financial|school|academic|tax)\s+year\s+(?:ends|begins|starts|runs)\s+(?:in\s+)?$",
    re.IGNORECASE,
)
# ", as it does twice a day": the habit an act is one time of
AS_USUAL_RE = re.compile(r",\s+as\s+(?:it|they|he|she|we)\s+(?:does|do|did)\b[^,.;]*")
# (not in a relative clause: "staff who normally spray the marshes were moved ... in the spring")
HABITUAL_RE = re.compile(
    r"(?<!\bwho\s)(?<!\bwhich\s)(?<!\bthat\s)"
    r"\b(?:usually|typically|traditionally|normally|routinely|habitually)\b"
)
# "every Feb. 16", "every year on the Day of the Sun", "every day at 3 p.m.": a recurring date
EVERY_RE = re.compile(
    r"\b(?:[Ee]very|[Ee]ach)\s+(?:other\s+|second\s+)?(?:year|day|week|month|quarter|morning|evening"
    r"|night|spring|summer|fall"
    r"|autumn|winter|[A-Z][a-z]+\.?\s+\d{1,2}\b|[A-Z][a-z]+day\b|(?:" + HOLIDAY_WORDS + r"))"
    # "twice a day, at 9 a.m.", "released daily at 6 p.m."
    r"|\b(?:(?:once|twice|three times|four times) a (?:day|week|month)\b"
    r"|(?:daily|nightly)(?=\s+(?:at|from|until|between)\b|[,.;]))"  # not "the daily Rodong"
)
WEEKDAY_RE = re.compile(rf"\b(?:{WEEKDAY_WORDS})\b")
# A relative clause the expression sits in: the copula after it is the main clause's. (Also one
# a participle opens: "Another man, found on a small boat on Saturday, is still being questioned".)
RELATIVE_OPEN_RE = re.compile(r",\s+(?:(?:which|who)\b|" + PAST_VERB + r")[^,]*$")
# A participle with its date after a noun: "the nuclear test conducted on February 12 was ..."
REDUCED_RELATIVE_RE = re.compile(r"\b[a-z]{3,}\s+[a-z]{3,}ed\s+(?:(?:on|in)\s+)?$")
# An event's noun and its date: "The armistice of 1953", "the armistice that ended the fighting
# in 1953" (the copula after them says how things stand now, the date when the event was)
EVENT_NAMED_BEFORE_RE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:armistice|agreement|treaty|accord|declaration|war|summit"
    r"|ceasefire|truce)\s+(?:(?:of\s+)?|(?:that|which)\s+[a-z]+ed\b[^,;]{0,40}?\s(?:(?:in|on)\s+)?)$"
)
CLAUSE_OPENING_RE = re.compile(r"(?:^|[:;—–]|\s-)\s*[\"“]?$")
NEAR = 25  # characters around an expression where "every ..." makes it recurring
HABIT_OPENING_RE = re.compile(
    r"\W*(?:[Ee]very|[Ee]ach)\s+(?:year|spring|summer|fall|autumn|winter|month|week)\s*,"
)
DATELINE_RE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},\s+$")
# A place as it was in a year: "the North of 2000", "the Seoul of 1988"
PLACE_OF_YEAR_RE = re.compile(
    r"\b[Tt]he\s+(?:North|South|Korea|Pyongyang|Seoul|Washington|Beijing|Tokyo|Moscow|China|Japan"
    r"|Russia|America|Peninsula)\s+of\s$"
)


def is_state(text: str, mention: Mention) -> bool:
    """A state, not an event: 'In 2024, South Korea was the seventh-largest trading partner',
    'Seoul in the 1980s was a military dictatorship', '124 firms operated there as of August'."""
    after = text[mention.end :]
    # a clause ends at a comma, also one that closes a quote ('"... never heard it," Ahn said')
    head = re.split(r"[,;][\"”’]?\s", text[max(0, mention.start - WINDOW) : mention.start])[-1]
    # (and at "and"/"but": "shipped rice last year as a loan and usually sends fertilizer")
    clause = head + re.split(r"[,;][\"”’]?\s|\s(?:and|but)\s", after[:WINDOW])[0]
    # ("tried the line at 4 p.m. on Monday, as it does twice a day": this time was an event)
    near = AS_USUAL_RE.sub(" ", text[max(0, mention.start - NEAR) : mention.end + NEAR])
    if mention.rule.name == "holiday" and AHEAD_OF_RE.search(head):
        return True  # "is to sail on Monday, ahead of Christmas": the holiday only places it
    if FISCAL_CALENDAR_RE.search(head) and not mention.rule.absolute:
        return True  # "The company, whose fiscal year ends in March, ...": a calendar, no event
    if (
        HABITUAL_RE.search(clause) or EVERY_RE.search(near) or HABIT_OPENING_RE.match(text)
    ) and not mention.rule.absolute:
        return True  # "where Kim usually sets goals for the coming year": a habit, not an event
        # ("Each summer, the monsoon brings heavy rain in July and August": the whole sentence)
    weekday = WEEKDAY_RE.search(text, mention.start, mention.end)
    if weekday and re.search(rf"\b(?i:every|each)\s+{weekday.group()}\b", text):
        return True  # "Wednesday prayer meeting continues every Wednesday at 8 p.m."
    if mention.rule.negatable and NEGATION_RE.search(head):
        return True  # "state media did not mention the reunions on Thursday": nothing happened
    if text[mention.start : mention.end].lower().startswith("as of") or re.search(
        r"\bas of\s+$", text[max(0, mention.start - 20) : mention.start], re.IGNORECASE
    ):
        return bool(STATIVE_RE.search(text))
    in_relative = (
        RELATIVE_OPEN_RE.search(text[: mention.start])
        or REDUCED_RELATIVE_RE.search(text, max(0, mention.start - 30), mention.start)
        or EVENT_NAMED_BEFORE_RE.search(text, max(0, mention.start - 60), mention.start)
    )  # "which ... on April 3, is", "the test conducted on February 12 was", "The armistice of
    # 1953 is", "The armistice that ended the fighting in 1953 is": the date is the event's
    if (COPULA_AFTER_RE.match(after) and not in_relative) or TIME_RELATION_RE.match(text):
        return True
    if CLAUSE_OPENING_RE.search(text[: mention.start]) and ANNIVERSARY_DAY_RE.match(after):
        return True  # "Another milestone is close: July 27 marks the 66th anniversary of ..."
    if ANNIVERSARY_FALLS_RE.search(text[max(0, mention.start - 120) : mention.start]):
        return True
    if PLACE_OF_YEAR_RE.search(
        text[max(0, mention.start - 40) : mention.start] + text[mention.start : mention.end][:3]
    ):
        return True  # "the North of 2025 is not the North of 2000": a place as it was then
    return not text[: mention.start].strip() and bool(COPULA_STATE_RE.match(after))


# "up 25 percent from the previous year", "up 9 percent on the same month a year earlier",
# "compare the same month of the previous year": the base of a comparison, not an event.
COMPARISON_BEFORE_RE = re.compile(
    r"(?:(?:\d\s*(?:percent|per\s+cent|%)|\b(?:higher|lower|more|less|fewer))\s+(?:[\w-]+\s+){0,8}?"
    r"(?:from|on|over|than|compared\s+(?:with|to))"
    r"|\bsame\s+(?:month|period|quarter|week|day|time)(?:\s+(?:of|in))?"
    # "roughly the same number as a year earlier"
    r"|\bsame\s+(?:number|level|amount|size)\s+as"
    # "fell to 45%, from 49% a week earlier", "down from 52% four weeks ago", "down from 22,000
    # the previous year", "from $1.2 billion a year earlier"
    r"|\bfrom\s+(?:about\s+|some\s+|around\s+|nearly\s+)?\$?\d[\d.,]*"
    r"(?:\s*(?:percent|per\s+cent|%|points?)|\s+(?:million|billion|thousand|trillion))?"
    # "up sharply from the previous year", "rose slightly from a year earlier"
    r"|\b(?:up|down|rose|fell|grew|jumped|dropped|climbed|increased|decreased)\s+(?:\w+\s+){0,2}?from"
    # "more than double the previous year" (not "half", "twice": "half an hour later", "fired
    # twice in July")
    r"|\b(?:double|triple|quadruple)"
    # "a loss of 3.2 billion won, against a profit of 1.1 billion won a year earlier"
    # (not "sealed its border against the coronavirus in January 2020, and in June that year")
    r"|\b(?:against|versus|vs\.?)\s+(?:an?\s+|the\s+)?[^.;,\d]{0,30}?\d(?:[\d.,]*\d)?"
    r"(?:\s+[\w$%-]+){0,3}?)"
    r"\s+$",
    re.IGNORECASE,
)


# The base of a comparison that names its time: "down 28 percent from the same period of 2019",
# "twice as much as in 1997", "more than in 2019"
ABSOLUTE_BASE_RE = re.compile(
    r"(?:\bsame\s+(?:month|period|quarter|week|day|time)"
    r"|\bas\s+(?:much|many|high|low|large|big)\s+as|\b(?:more|less|fewer|higher|lower)\s+than"
    # "fewer eyes on the water than at any time since 2009"
    r"|\bthan\s+(?:at\s+)?any\s+(?:other\s+)?(?:time|point|year|moment))"
    r"\s+(?:(?:of|in|last)\s+)?$",
    re.IGNORECASE,
)


# "The accord was signed on Oct. 21, not Oct. 12": the date a correction rules out.
RULED_OUT_RE = re.compile(
    r"(?:,|\b(?:and|but))\s+(?:not|rather than|instead of)\s+(?:on\s+|in\s+)?$"
)


# "the won's weakest level since July", "the fastest pace this year", "the biggest one-day drop
# since September": a measure's record counts back to when it was last so, which is no event
# (unlike "the largest drill since 2018", whose date is that drill).
MEASURE_RECORD_RE = re.compile(
    r"\b(?:[a-z]{2,}est|worst|most|least)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:level|close|pace|rate|reading|point|low|high|drop|fall|gain|rise|decline|jump|slide"
    r"|loss|surge|plunge)s?\s+$"
)
MEASURE_PERIOD_RE = re.compile(r"(?i:since|this|so\s+far\s+this)\b")


def is_measure_record(text: str, mention: Mention) -> bool:
    """'at its weakest level since July', 'the fastest pace this year': no row."""
    return bool(
        MEASURE_PERIOD_RE.match(text, mention.start)
        and MEASURE_RECORD_RE.search(text, max(0, mention.start - 60), mention.start)
    )


def is_ruled_out(text: str, mention: Mention) -> bool:
    """A date the text says is wrong ("signed on Oct. 21, not Oct. 12"): no event."""
    return bool(RULED_OUT_RE.search(text, max(0, mention.start - 30), mention.start))


def is_comparison(text: str, mention: Mention) -> bool:
    """'up 25 percent from the previous year': a relative date that is only the base of a
    comparison gives no row (an absolute one, 'up from $2 billion in 2024', tells a total,
    unless it is the same period of another year: 'down 28 percent from the same period of
    2019')."""
    before = text[max(0, mention.start - 80) : mention.start]
    if mention.rule.absolute:
        return bool(ABSOLUTE_BASE_RE.search(before))
    return bool(COMPARISON_BEFORE_RE.search(before))


def is_dateline(text: str, mention: Mention) -> bool:
    """'SEOUL, Oct. 22 (Yonhap) -- ...': the filing date of the story, not an event."""
    return bool(DATELINE_RE.match(text[: mention.start])) and bool(
        re.match(r"\s*(?:\([^)]{1,30}\)\s*)?(?:--|—|–|-)\s", text[mention.end : mention.end + 40])
    )
