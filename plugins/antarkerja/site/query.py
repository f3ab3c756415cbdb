"""What a person typed into the search box, understood: words to search and filters to apply.

People type "loker satpam", "gaji 5 juta", "lulusan smk", "kerja dari rumah", "part time".
:func:`understand` splits such a query into parts, left to right, one token at a time (linear:
no regular expression runs over the typed text, only over single tokens of bounded length):

* **filler** ("loker", "lowongan", "kerja", "cari", "di"…): words that say "a job", not which
  one; dropped. A query of filler only means every vacancy.
* **salary** ("gaji 5 juta", "gaji di atas 8 juta", "5jt", "gaji per jam", "upah harian",
  "gaji mingguan"): a rupiah amount per month (around it, at least or at most) or a pay unit.
  "Around" is within half a million rupiah or a tenth of the amount, whichever is larger.
* **education** ("lulusan smk", "tanpa ijazah", "s1"): vacancies asking that level.
* **filter** ("wfh", "kerja dari rumah", "part time", "magang", "luar negeri"): a value of one
  of the search page's own filters (``cara_kerja``, ``jenis``, ``lingkup``).
* **alias** ("jogja"): a common name of a place, searched as the place's own name.
* everything else: **words**, searched as typed.

The search page does the same in JavaScript (``theme/static/js/query.js``) from the same
:func:`rules`, which the page gets in its data; ``tests/fixtures/conformance/query.json``
holds cases both must answer alike, with the chips' wording (:data:`antarkerja.wording.QUERY_WORDS`).
Place words stay words: both engines index the place of every vacancy.
"""

from __future__ import annotations

import math
import unicodedata

from antarkerja.wording import QUERY_WORDS, rupiah

# Sources of the words below: common job-board and news usage ("loker" for lowongan kerja;
# "WFH"; "part time"/"paruh waktu" and "freelance"/"pekerja lepas", magnate.id and kumparan
# 2023 on the two; "Jogja" for Yogyakarta). Each is asserted in tests/test_site_query.py.
FILLER = (
    "loker",
    "lowker",
    "lowongan",
    "lowongankerja",
    "kerja",
    "pekerjaan",
    "kerjaan",
    "info",
    "cari",
    "mencari",
    "dicari",
    "butuh",
    "dibutuhkan",
    "terbaru",
    "di",
    "ke",
    "yang",
    "untuk",
    "sebagai",
    "jadi",
    "menjadi",
    "gaji",
    "upah",
)
# Phrases (folded tokens) → (URL parameter, the page's own option value).
FILTER_PHRASES = {
    "wfh": ("cara_kerja", "Jarak jauh (dari rumah)"),
    "work from home": ("cara_kerja", "Jarak jauh (dari rumah)"),
    "kerja dari rumah": ("cara_kerja", "Jarak jauh (dari rumah)"),
    "dari rumah": ("cara_kerja", "Jarak jauh (dari rumah)"),
    "remote": ("cara_kerja", "Jarak jauh (dari rumah)"),
    "jarak jauh": ("cara_kerja", "Jarak jauh (dari rumah)"),
    "part time": ("jenis", "Paruh waktu"),
    "parttime": ("jenis", "Paruh waktu"),
    "paruh waktu": ("jenis", "Paruh waktu"),
    "magang": ("jenis", "Magang"),
    "pemagangan": ("jenis", "Magang"),
    "internship": ("jenis", "Magang"),
    "luar negeri": ("lingkup", "Luar negeri"),
    "overseas": ("lingkup", "Luar negeri"),
}
ALIASES = {"jogja": "yogyakarta", "jogjakarta": "yogyakarta", "yogya": "yogyakarta", "djogja": "yogyakarta"}
# Education: a level word, alone or after "lulusan"/"tamatan"/"ijazah"/"pendidikan".
EDUCATION_WORDS = {
    "sd": "sd",
    "smp": "smp",
    "sltp": "smp",
    "sma": "sma",
    "slta": "sma",
    "smk": "smk",
    "stm": "smk",
    "d1": "d1",
    "d2": "d2",
    "d3": "d3",
    "diploma": "d3",
    "d4": "d4",
    "s1": "s1",
    "sarjana": "s1",
    "s2": "s2",
    "magister": "s2",
    "s3": "s3",
    "doktor": "s3",
}
EDUCATION_LEADS = ("lulusan", "tamatan", "lulus", "tamat", "ijazah", "pendidikan")
NO_EDUCATION = ("tanpa ijazah", "tanpa pendidikan", "tidak sekolah", "tanpa syarat pendidikan", "bebas ijazah")
SALARY_LEADS = ("gaji", "upah", "gajih", "salary", "bayaran")
SALARY_MIN = ("di atas", "diatas", "minimal", "min", "lebih dari", "mulai", "paling sedikit", "sedikitnya")
SALARY_MAX = ("di bawah", "dibawah", "maksimal", "max", "kurang dari", "paling banyak")
SALARY_AROUND = ("sekitar", "kisaran", "kurang lebih")
UNITS = {
    "per jam": "HOUR",
    "perjam": "HOUR",
    "sejam": "HOUR",
    "harian": "DAY",
    "per hari": "DAY",
    "perhari": "DAY",
    "sehari": "DAY",
    "mingguan": "WEEK",
    "per minggu": "WEEK",
    "perminggu": "WEEK",
    "seminggu": "WEEK",
    "bulanan": "MONTH",
    "per bulan": "MONTH",
    "perbulan": "MONTH",
    "sebulan": "MONTH",
}
MULTIPLIERS = {"juta": 1_000_000, "jt": 1_000_000, "jeti": 1_000_000, "ribu": 1_000, "rb": 1_000, "k": 1_000}
AROUND_MIN = 500_000  # a month's "gaji 5 juta": 4.5–5.5 juta; "gaji 10 juta": 9–11 juta (a tenth)
MAX_TOKEN = 40  # longer tokens are words, never amounts
MAX_AMOUNT = 10**12  # above this a number is not a salary (and stays exact in JavaScript)


def rules(education_names: dict[str, str]) -> dict:
    """Everything query.js needs, as JSON: the page gets it in its data (``search_page_data``).
    ``education_names`` maps education codes to the page's labels (``content/reference/education.yml``)."""
    return {
        "filler": list(FILLER),
        "filters": {k: list(v) for k, v in FILTER_PHRASES.items()},
        "aliases": dict(ALIASES),
        "education": {w: education_names[c] for w, c in EDUCATION_WORDS.items() if c in education_names},
        "educationLeads": list(EDUCATION_LEADS),
        "noEducation": list(NO_EDUCATION),
        "noEducationLevel": education_names.get("tidak_ada", ""),
        "salaryLeads": list(SALARY_LEADS),
        "salaryMin": list(SALARY_MIN),
        "salaryMax": list(SALARY_MAX),
        "salaryAround": list(SALARY_AROUND),
        "units": dict(UNITS),
        "multipliers": dict(MULTIPLIERS),
        "aroundMin": AROUND_MIN,
        "words": QUERY_WORDS,
    }


def tokens(text: str) -> list[str]:
    """Lower-case tokens without accents; letters, digits and the dots and commas of amounts."""
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    out, cur = [], []
    for ch in folded + " ":
        if ch.isascii() and (ch.isalnum() or ch in ".,"):
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    return [t for t in (t.strip(".,") for t in out) if t]


def _phrase(toks: list[str], i: int, table) -> tuple[str, int] | None:
    """The longest phrase of ``table`` starting at token ``i`` (up to 4 tokens): (phrase, length)."""
    for n in (4, 3, 2, 1):
        if i + n <= len(toks):
            p = " ".join(toks[i : i + n])
            if p in table:
                return p, n
    return None


def _number(t: str) -> float | None:
    """A token as a number: "5", "4,5", "4.5", "5.000.000" (dots between thousands)."""
    if not t or len(t) > MAX_TOKEN or not (t[0].isdigit()):
        return None
    if any(not (c.isdigit() or c in ".,") for c in t):
        return None
    groups = t.split(".")
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and "," not in t:
        return float("".join(groups))  # 5.000.000
    if t.count(".") + t.count(",") > 1:
        return None
    return float(t.replace(",", "."))


def _amount(toks: list[str], i: int, r: dict) -> tuple[int, int] | None:
    """A rupiah amount at token ``i``: "5 juta", "5jt", "4,5 jt", "5000000": (rupiah, tokens used)."""
    found = _raw_amount(toks, i, r)
    return found if found and 0 < found[0] <= MAX_AMOUNT else None


def _round(x: float) -> int:
    """Halves up, as JavaScript's Math.round (Python's round() goes to even)."""
    return int(math.floor(x + 0.5)) if math.isfinite(x) else MAX_AMOUNT + 1


def _raw_amount(toks: list[str], i: int, r: dict) -> tuple[int, int] | None:
    t = toks[i]
    if t.startswith("rp") and len(t) > 2 and t[2].isdigit():
        t = t[2:]  # "rp5.000.000"
    n = _number(t)
    if n is not None:
        if i + 1 < len(toks) and toks[i + 1] in r["multipliers"]:
            return _round(n * r["multipliers"][toks[i + 1]]), 2
        return (_round(n), 1) if n >= 100_000 else None
    # "5jt", "4,5juta", "500rb": a number glued to its multiplier
    k = 0
    while k < len(t) and (t[k].isdigit() or t[k] in ".,"):
        k += 1
    if k and t[k:] in r["multipliers"]:
        n = _number(t[:k])
        if n is not None:
            return _round(n * r["multipliers"][t[k:]]), 1
    return None


def _salary(toks: list[str], i: int, r: dict) -> tuple[dict, int] | None:
    """A salary phrase at token ``i``: [lead] [comparison] amount [unit] | lead unit | amount-with-multiplier."""
    j = i
    lead = toks[j] in r["salaryLeads"]
    if lead:
        j += 1
    kind = "around"
    for name, table in (("min", "salaryMin"), ("max", "salaryMax"), ("around", "salaryAround")):
        hit = _phrase(toks, j, set(r[table])) if j < len(toks) else None
        if hit:
            kind, j = name, j + hit[1]
            break
    if j < len(toks) and toks[j] == "rp":
        j += 1
    amount = _amount(toks, j, r) if j < len(toks) else None
    if amount is None:
        if lead:
            unit = _phrase(toks, j, r["units"]) if j < len(toks) else None
            if unit and j == i + 1:
                return {"unit": r["units"][unit[0]]}, unit[1] + 1
        return None
    if not lead and kind == "around" and amount[1] == 1 and _number(toks[j]) is not None:
        return None  # a bare number is not a salary ("operator 12")
    j += amount[1]
    unit = _phrase(toks, j, r["units"]) if j < len(toks) else None
    if unit:
        j += unit[1]
    return {"unit": r["units"][unit[0]] if unit else "MONTH", "kind": kind, "amount": amount[0]}, j - i


def understand(text: str, r: dict) -> dict:
    """``{"words": str, "parts": [...], "filters": [[param, value]], "education": label|None,
    "salary": {...}|None, "chips": [str]}`` for the typed ``text`` (rules ``r``, :func:`rules`).

    Each part is ``{"type", "tokens"}`` (word, filler, alias, filter, education, salary): the
    page removes a chip by searching the query without that part's tokens."""
    toks = tokens(text)
    parts: list[dict] = []
    filler, filters, no_edu = set(r["filler"]), r["filters"], set(r["noEducation"])
    i = 0
    while i < len(toks):
        t = toks[i]
        sal = _salary(toks, i, r)
        if sal:
            parts.append({"type": "salary", "tokens": toks[i : i + sal[1]], "salary": sal[0]})
            i += sal[1]
            continue
        hit = _phrase(toks, i, no_edu)
        if hit:
            parts.append({"type": "education", "tokens": toks[i : i + hit[1]], "level": r["noEducationLevel"]})
            i += hit[1]
            continue
        lead = t in r["educationLeads"] and i + 1 < len(toks) and toks[i + 1] in r["education"]
        if lead or t in r["education"]:
            n = 2 if lead else 1
            parts.append({"type": "education", "tokens": toks[i : i + n], "level": r["education"][toks[i + n - 1]]})
            i += n
            continue
        hit = _phrase(toks, i, filters)
        if hit:
            parts.append({"type": "filter", "tokens": toks[i : i + hit[1]], "filter": list(filters[hit[0]])})
            i += hit[1]
            continue
        if t in r["aliases"]:
            parts.append({"type": "alias", "tokens": [t], "word": r["aliases"][t]})
        else:
            parts.append({"type": "filler" if t in filler else "word", "tokens": [t]})
        i += 1
    return _summary(parts, r)


def _summary(parts: list[dict], r: dict) -> dict:
    words, filters, chips = [], [], []
    education = salary = None
    for p in parts:
        if p["type"] == "word":
            words.append(p["tokens"][0])
        elif p["type"] == "alias":
            words.append(p["word"])
        elif p["type"] == "filter" and p["filter"] not in filters:
            filters.append(p["filter"])
            p["chip"] = r["words"]["filter"].format(value=p["filter"][1])
        elif p["type"] == "education" and education is None:
            education = p["level"]
            p["chip"] = r["words"]["education"].format(level=education)
        elif p["type"] == "salary" and salary is None:
            salary = _salary_filter(p["salary"], r)
            p["chip"] = salary_chip(p["salary"], r)
        if "chip" in p:
            chips.append(p["chip"])
    return {
        "words": " ".join(words),
        "parts": parts,
        "filters": filters,
        "education": education,
        "salary": salary,
        "chips": chips,
    }


def _salary_filter(s: dict, r: dict) -> dict:
    """``{"unit", "min", "max"}``: a vacancy matches when it states its pay in rupiah in that
    unit and its range [low, high] meets [min, max] (either may be None)."""
    if "amount" not in s:
        return {"unit": s["unit"], "min": None, "max": None}
    a, unit = s["amount"], s["unit"]
    if s["kind"] == "min":
        return {"unit": unit, "min": a, "max": None}
    if s["kind"] == "max":
        return {"unit": unit, "min": None, "max": a}
    spread = max(r["aroundMin"] if unit == "MONTH" else 0, a // 10)
    return {"unit": unit, "min": a - spread, "max": a + spread}


def salary_chip(s: dict, r: dict) -> str:
    w = r["words"]
    if "amount" not in s:
        return w["units"][s["unit"]]
    return w["salary" + s["kind"].capitalize()].format(amount=rupiah(s["amount"]), per=w["per"][s["unit"]])


def salary_matches(f: dict, figures) -> bool:
    """Does a vacancy's ``[unit, low, high]`` (rupiah; :func:`salary_figures`) meet salary filter ``f``?"""
    if not figures or figures[0] != f["unit"]:
        return False
    low, high = figures[1], figures[2]
    return (f["min"] is None or high >= f["min"]) and (f["max"] is None or low <= f["max"])


def salary_figures(v) -> list | None:
    """``[unit, low, high]`` of a vacancy's pay stated in rupiah, or None: what the search
    page compares with a typed salary (browse items ``g``, Pagefind meta ``gaji``)."""
    s = v.salary_info
    if s.kind == "undisclosed" or not s.is_rupiah or s.unit is None:
        return None
    return [s.unit, int(s.minimum), int(s.top)]
