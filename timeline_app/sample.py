"""Synthetic events tables with a realistic mix, for benchmarks, screenshots and tests."""

from __future__ import annotations

import numpy as np
import pandas as pd

from extract.table.schema import COLUMNS
from extract.table.vocabulary import ACTORS, CATEGORIES

OUTLETS = ["Yonhap", "KCNA", "NK News", "Reuters", "AP", "Korea Herald", "38 North", "BBC"]
VERBS = [
    "talks held",
    "missile launch",
    "hotline restored",
    "loudspeakers switched off",
    "sanctions tightened",
    "joint team announced",
    "family reunions",
    "summit planned",
    "border incident",
    "aid shipment",
]


def synthetic_events(n: int, seed: int = 0, shared_fraction: float = 0.1) -> pd.DataFrame:
    """A table of about `n` rows (all str columns, schema order) dated 1950-2030."""
    rng = np.random.default_rng(seed)
    days = rng.integers(
        np.datetime64("1950-01-01", "D").astype(int),
        np.datetime64("2030-12-31", "D").astype(int),
        n,
    )
    start = days.astype("datetime64[D]")
    precision = rng.choice(
        ["day", "month", "year", "season", "decade", "approx"],
        n,
        p=[0.6, 0.18, 0.08, 0.04, 0.02, 0.08],
    )
    day_s = np.datetime_as_string(start, unit="D")
    month_s = np.array([d[:7] for d in day_s], dtype=object)
    year_s = np.array([d[:4] for d in day_s], dtype=object)
    date = np.where(precision == "day", day_s, "").astype(object)
    date_end = np.full(n, "", dtype=object)
    date[precision == "month"] = month_s[precision == "month"]
    date[precision == "year"] = year_s[precision == "year"]
    approx = precision == "approx"
    shape = rng.integers(0, 3, n)
    date[approx & (shape == 0)] = day_s[approx & (shape == 0)]
    date[approx & (shape == 1)] = month_s[approx & (shape == 1)]
    date[approx & (shape == 2)] = year_s[approx & (shape == 2)]
    season = precision == "season"
    years = np.array([int(y) for y in year_s])
    first = rng.choice([3, 6, 9, 12], n)
    date[season] = [f"{y}-{m:02d}" for y, m in zip(years[season], first[season], strict=True)]
    date_end[season] = [
        f"{y + (m == 12)}-{(m + 2 - 1) % 12 + 1:02d}"
        for y, m in zip(years[season], first[season], strict=True)
    ]
    decade = precision == "decade"
    date[decade] = [f"{y // 10 * 10}" for y in years[decade]]
    date_end[decade] = [f"{y // 10 * 10 + 9}" for y in years[decade]]
    interval = (precision == "day") & (rng.random(n) < 0.1)
    ends = start + rng.integers(1, 40, n).astype("timedelta64[D]")
    date_end[interval] = np.datetime_as_string(ends[interval], unit="D")
    category = rng.choice(CATEGORIES, n, p=[0.08, 0.14, 0.22, 0.1, 0.12, 0.12, 0.06, 0.1, 0.06])
    verb = rng.choice(VERBS, n)
    a1 = rng.choice(ACTORS[:2], n)
    a2 = rng.choice(ACTORS, n)
    actors = np.where(a1 == a2, a1, np.char.add(np.char.add(a1.astype(str), ";"), a2))
    outlet = rng.choice(OUTLETS, n)
    ids = np.array([f"ev{i:07d}" for i in range(n)], dtype=object)
    shared = rng.random(n) < shared_fraction
    ids[1:][shared[1:]] = ids[:-1][shared[1:]]
    docs = np.array([f"doc{i % 997:04d}" for i in range(n)], dtype=object)
    docs[1:][shared[1:]] = np.array(
        [f"doc{i:07d}b" for i in np.flatnonzero(shared[1:])], dtype=object
    )
    for_same = shared.copy()
    for_same[0] = False
    # a shared row must repeat its event's dating and summary
    weight = np.char.mod("%.3f", rng.random(n)).astype(object)
    for col in (date, date_end, precision, category, verb, actors, weight):
        col[1:][for_same[1:]] = col[:-1][for_same[1:]]
    evidence = date.copy()
    summary = np.char.add(np.char.add(category.astype(str), ": "), verb.astype(str))
    sentence = np.char.add(
        np.char.add("On ", evidence.astype(str)),
        np.char.add(", reports said that ", verb.astype(str)),
    )
    frame = pd.DataFrame(
        {
            "event_id": ids,
            "date": date,
            "date_end": date_end,
            "precision": precision,
            "summary": summary,
            "label": verb,
            "category": category,
            "actors": actors,
            "weight": weight,
            "evidence": evidence,
            "sentence": sentence,
            "doc": docs,
            "title": np.char.add("Report on ", verb.astype(str)),
            "source": outlet,
            "url": [f"https://example.org/{d}" for d in docs],
            "published": day_s,
        }
    )
    frame = frame.drop_duplicates(["event_id", "doc"]).reset_index(drop=True)
    return frame[COLUMNS].astype(str)
