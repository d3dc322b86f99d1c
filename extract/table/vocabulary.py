"""The words the events table is written in: precisions, categories, actors and month names.

Both sides read them from here: the extractor writes only these values, the app offers them in
its filters and edit form, and the readers check what a file or a correction holds against them.
"""

from __future__ import annotations

# How precisely the text dates an event, finest first (see docs/dating.md); the ISO shapes each
# allows are in extract.table.schema.
PRECISIONS: tuple[str, ...] = ("day", "month", "season", "year", "decade", "approx")

# What an event is about; "other" when no category fits.
CATEGORIES: tuple[str, ...] = (
    "communication channel",
    "summit/talks",
    "military/nuclear/missile",
    "propaganda/border",
    "sanctions/economy",
    "politics",
    "sport/culture",
    "humanitarian",
    "other",
)
OTHER_CATEGORY = "other"

# Who takes part in an event: countries and bodies (leaders and capitals map to their country).
ACTORS: tuple[str, ...] = (
    "North Korea",
    "South Korea",
    "United States",
    "China",
    "Japan",
    "Russia",
    "United Nations",
)

MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# What the extractor appends to a summary when the text tells a planned event, or a state that
# holds from its date to the time of the report ("since 2016"); the app draws both as such.
PLANNED_MARKER = "(planned)"
ONGOING_MARKER = "(ongoing since)"
