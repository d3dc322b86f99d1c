#!/usr/bin/env python3
"""Check the inter-Korean held-out set (bench/heldout): docs/*.txt headers and bodies, and gold.csv.

    python3 validate.py        (run from anywhere; prints OK or the problems)

Checks: every doc starts with a YAML front-matter block whose values are all
double-quoted strings, with title/source/url/published/license; published is
YYYY-MM-DD; body has >= 150 words; every gold row names an existing doc, has an
evidence string that occurs verbatim in that doc's body, a precision from the
allowed set, date/date_end in a format fitting the precision, date <= date_end;
no duplicate (doc, date, date_end, evidence) rows; every doc has gold rows.
"""
import csv, re, sys, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
GOLD = HERE / "gold.csv"
REQUIRED = ["title", "source", "url", "published", "license"]
PRECISIONS = {"day", "month", "year", "season", "decade", "approx"}
RE_DAY, RE_MONTH, RE_YEAR = r"\d{4}-\d{2}-\d{2}", r"\d{4}-\d{2}", r"\d{4}"
FORMATS = {"day": [RE_DAY], "month": [RE_MONTH], "year": [RE_YEAR],
           "season": [RE_MONTH], "decade": [RE_YEAR],
           "approx": [RE_DAY, RE_MONTH, RE_YEAR]}
VALUE = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*): "((?:[^"\\]|\\.)*)"$')


def parse_doc(path, errs):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        errs.append(f"{path.name}: does not start with '---'")
        return None, ""
    try:
        end = lines.index("---", 1)
    except ValueError:
        errs.append(f"{path.name}: front matter not closed")
        return None, ""
    meta = {}
    for ln in lines[1:end]:
        m = VALUE.match(ln)
        if not m:
            errs.append(f"{path.name}: header line is not key: \"double-quoted\": {ln!r}")
            continue
        meta[m.group(1)] = m.group(2).replace('\\"', '"').replace("\\\\", "\\")
    for k in REQUIRED:
        if not meta.get(k):
            errs.append(f"{path.name}: header lacks {k}")
    try:  # optional: real YAML check when PyYAML is present
        import yaml
        y = yaml.safe_load("\n".join(lines[1:end]))
        if not all(isinstance(v, str) for v in y.values()):
            errs.append(f"{path.name}: YAML values are not all strings")
    except ImportError:
        pass
    except Exception as e:
        errs.append(f"{path.name}: YAML does not parse: {e}")
    body = "\n".join(lines[end + 1:])
    return meta, body


def valid_date(s):
    try:
        if re.fullmatch(RE_DAY, s):
            datetime.date.fromisoformat(s)
        elif re.fullmatch(RE_MONTH, s):
            if not 1 <= int(s[5:7]) <= 12:
                return False
        return True
    except ValueError:
        return False


def main():
    errs = []
    bodies = {}
    for p in sorted(DOCS.glob("*.txt")):
        meta, body = parse_doc(p, errs)
        if meta is None:
            continue
        pub = meta.get("published", "")
        if not (re.fullmatch(RE_DAY, pub) and valid_date(pub)):
            errs.append(f"{p.name}: published {pub!r} is not YYYY-MM-DD")
        words = len(re.findall(r"\S+", body.replace("[...]", "")))
        if words < 150:
            errs.append(f"{p.name}: body has {words} words (< 150)")
        bodies[p.name] = body
    if not bodies:
        errs.append("no docs found")
    with open(GOLD, newline="", encoding="utf-8") as f:
        rd = csv.DictReader(f)
        if rd.fieldnames != ["doc", "date", "date_end", "precision", "summary", "evidence"]:
            errs.append(f"gold.csv header is {rd.fieldnames}")
        rows = list(rd)
    seen, used = set(), set()
    for i, r in enumerate(rows, start=2):
        where = f"gold.csv line {i} ({r.get('doc')})"
        doc, date, end, prec = r["doc"], r["date"], r["date_end"], r["precision"]
        if doc not in bodies:
            errs.append(f"{where}: unknown doc")
            continue
        used.add(doc)
        if prec not in PRECISIONS:
            errs.append(f"{where}: bad precision {prec!r}")
            continue
        for label, v in (("date", date), ("date_end", end)):
            if label == "date_end" and not v:
                continue
            if not any(re.fullmatch(fm, v) for fm in FORMATS[prec]) or not valid_date(v):
                errs.append(f"{where}: {label} {v!r} does not fit precision {prec}")
        if prec in ("season", "decade") and not end:
            errs.append(f"{where}: {prec} needs date_end")
        if end:
            if len(end) != len(date):
                errs.append(f"{where}: date and date_end differ in granularity")
            elif end < date:
                errs.append(f"{where}: date_end {end} before date {date}")
            elif end == date:
                errs.append(f"{where}: date_end equals date")
        if not r["summary"].strip():
            errs.append(f"{where}: empty summary")
        ev = r["evidence"]
        if not ev.strip():
            errs.append(f"{where}: empty evidence")
        elif ev not in bodies[doc]:
            errs.append(f"{where}: evidence not in body: {ev!r}")
        key = (doc, date, end, ev)
        if key in seen:
            errs.append(f"{where}: duplicate row")
        seen.add(key)
    for d in bodies:
        if d not in used:
            errs.append(f"{d}: no gold rows")
    if errs:
        print("\n".join(errs))
        print(f"FAILED: {len(errs)} problem(s)")
        sys.exit(1)
    print(f"OK: {len(bodies)} docs, {len(rows)} gold rows")


if __name__ == "__main__":
    main()
