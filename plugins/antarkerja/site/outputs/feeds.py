"""Feeds of open vacancies: Atom, JSON Feed 1.1, an aggregator XML file, and "Langganan" pages.

Every build rewrites them from the model, so a vacancy that closes or expires leaves every
feed at once. A *scope* is a set of open vacancies with a feed (:func:`scopes`):

============================  ===================================  ==========================
scope (``{scope}`` below)     vacancies                            page it belongs to
============================  ===================================  ==========================
``lowongan``                  every open vacancy                   ``lowongan/``
``provinsi/<slug>``           a province's (all 38 provinces)      ``provinsi/<slug>/``
``kabkota/<slug>``            a regency's (every regency page)     ``kabkota/<slug>/``
``kantor/<id>``               those the office verified            ``kantor/<id>/``
``sektor/<kbli>``             one KBLI 2020 category (a–u)         (none)
``luar-negeri``               overseas (AKAN) vacancies            (none)
============================  ===================================  ==========================

Files: ``feed/{scope}.atom`` (Atom 1.0, template ``feeds/atom.html``), ``feed/{scope}.json``
(JSON Feed 1.1), ``langganan/{scope}/`` (how to subscribe, ``feeds/subscribe.html``),
``langganan/`` (every scope) and ``feed/indeed-<n>.xml``: the complete set of open
vacancies in the ``<source><job>`` format job aggregators read, :data:`INDEED_PER_FILE` jobs
a file, newest first, the vacancy id as reference number (built as strings for speed, see
:func:`aggregator_job`).

Bounds: a feed holds the newest :data:`FEED_ENTRIES` vacancies of its scope (the full set is
in the JSON API and the aggregator files), and every text in an entry is cut to
:data:`MAX_TEXT` characters, so no feed file passes about 200 KB whatever the data.

Ids never change and are never reused: ``tag:<host>,2026:lowongan/<vacancy id>`` (vacancy
ids are file names, kept when a vacancy closes). ``<host>`` is the published site's host
(``localhost`` for local builds); the aggregator's reference number is the vacancy id.

Untrusted text: characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/FFFF) are
dropped (:func:`xml_text`); Jinja escapes the rest; ``]]>`` inside CDATA is split
(:func:`cdata`; bidirectional controls are dropped there as on every page). JSON is
written by :func:`antarkerja.site.outputs.api.dump`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from markupsafe import escape

from antarkerja.present import strip_bidi
from antarkerja.site import cache
from antarkerja.site.outputs import File, OutputContext, Page
from antarkerja.site.outputs.common import DEFAULT_LICENSE, absolute, dump
from antarkerja.site.outputs.widgets import sectors
from antarkerja.urls import file_for, url
from antarkerja.wording import tanggal

FEED_ENTRIES = 100  # newest vacancies per feed: about 90 KB of Atom for typical records
MAX_TEXT = 600  # characters of any one text in an entry (titles are at most 120 anyway)
TAG_YEAR = "2026"  # part of every entry id: never change it
TIMEZONE = "+07:00"  # dates are calendar days in Jakarta time (WIB)

# Characters XML 1.0 does not allow, whatever the escaping.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
JOB_TYPES = {  # our employment types → the aggregator format's job types
    "pkwtt": "fulltime",
    "pkwt": "contract",
    "harian_lepas": "temporary",
    "paruh_waktu": "parttime",
    "magang": "internship",
    "kemitraan": "contract",
}
RFC822_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
RFC822_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

INDEED_PER_FILE = 5000  # jobs per aggregator file: about 15 MB with full descriptions


def indeed_parts(site) -> int:
    """How many aggregator XML files the feeds family writes (mirrors its split)."""

    return max(1, -(-len(site.open_vacancies) // INDEED_PER_FILE))


def xml_text(text: str, limit: int | None = MAX_TEXT) -> str:
    """``text`` without characters XML forbids, cut to ``limit`` characters (with "…")."""
    text = XML_ILLEGAL.sub("", str(text))
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def cdata(text: str) -> str:
    """A CDATA section holding ``text`` exactly (``]]>`` is split across two sections)."""
    return "<![CDATA[" + strip_bidi(xml_text(text, None)).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rfc3339(d: date) -> str:
    return f"{d.isoformat()}T00:00:00{TIMEZONE}"


def rfc822(d: date) -> str:
    return f"{RFC822_DAYS[d.weekday()]}, {d.day:02d} {RFC822_MONTHS[d.month - 1]} {d.year} 00:00:00 +0700"


@dataclass
class Scope:
    """A set of open vacancies with its own feeds."""

    key: str  # the {scope} in feed and subscribe routes
    kind: str  # country | abroad | province | regency | office | sector
    name: str  # "Jawa Barat", "Industri Pengolahan"…
    title: str  # feed title
    vacancies: list
    page_url: str | None = None  # the site page of this scope, if any
    region: object | None = None  # the model Region of a province or regency scope
    children: list = field(default_factory=list)  # a province's regency scopes

    @property
    def heading(self) -> str:
        """What follows "Langganan lowongan" in a heading."""
        return f"sektor {self.name}" if self.kind == "sector" else self.name

    @property
    def atom(self) -> str:
        return url("feed_atom", scope=self.key)

    @property
    def json(self) -> str:
        return url("feed_json", scope=self.key)

    @property
    def subscribe(self) -> str:
        return url("subscribe", scope=self.key)


def page_scope(page_url: str) -> str:
    """The scope key of a page: its URL without the final slash."""
    return page_url[:-1]


def scopes(site) -> list[Scope]:
    """Every feed scope, in the order the subscribe index lists them."""
    out = [
        Scope(page_scope(url("vacancies")), "country", "Indonesia", "Lowongan terbaru di Indonesia",
              site.open_vacancies, url("vacancies")),
        Scope(url("scope_abroad"), "abroad", "luar negeri (AKAN)", "Lowongan kerja luar negeri (AKAN) resmi",
              [v for v in site.open_vacancies if v.is_abroad]),
    ]  # fmt: skip
    regencies = {}
    for r in site.regencies:
        regencies[r.code] = Scope(page_scope(r.url), "regency", r.name, f"Lowongan di {r.name}", r.vacancies, r.url, r)
    for p in site.provinces:
        scope = Scope(page_scope(p.url), "province", p.name, f"Lowongan di {p.name}", p.vacancies, p.url, p)
        scope.children = [regencies[r.code] for r in p.regencies]
        out.append(scope)
    out.extend(regencies.values())
    for o in site.offices:
        out.append(
            Scope(page_scope(o.url), "office", o.name, f"Lowongan diverifikasi {o.name}", o.open_vacancies, o.url)
        )
    by_sector: dict[str, list] = {}
    for v in site.open_vacancies:
        by_sector.setdefault(v.data["kbli"], []).append(v)
    for code, name in sectors(site):
        out.append(
            Scope(url("scope_sector", code=code.lower()), "sector", name, f"Lowongan sektor {name}",
                  by_sector.get(code, []))
        )  # fmt: skip
    return out


def tag_host(ctx: OutputContext) -> str:
    return ctx.settings.get("FEED_TAG_HOST") or urlsplit(ctx.siteurl).hostname or "localhost"


class Entries:
    """Each vacancy's entry, made once and shared by every feed it appears in."""

    def __init__(self, ctx: OutputContext):
        self.ctx = ctx
        self.host = tag_host(ctx)
        self.cache: dict[str, dict] = {}

    def __call__(self, v) -> dict:
        entry = self.cache.get(v.id)
        if entry is None:
            entry = self.cache[v.id] = self.make(v)
        return entry

    def make(self, v) -> dict:
        closing = f"Lamar paling lambat {tanggal(v.valid_through)}"
        employer = v.employer["name"]
        facts = [employer, v.location_text, f"Upah: {v.salary_text}", closing]
        categories = [v.kbli["short_name"], v.kbji_group["short_name"], v.province.name]
        if not v.is_abroad:
            categories.append(v.regency.name)
        categories += [v.employment_type_label, v.scope_code]
        summary = xml_text(" · ".join(facts), None) + ". " + xml_text(summary_of(v), None)
        if v.is_example:
            summary = "Data contoh, bukan lowongan sungguhan: jangan melamar. " + summary
        return {
            "id": f"tag:{self.host},{TAG_YEAR}:{page_scope(v.url)}",
            "title": xml_text(v.title),
            "link": absolute(self.ctx, v.url),
            "published": rfc3339(v.date_posted),
            "updated": rfc3339(v.date_posted),
            "date": v.date_posted,
            "employer": xml_text(employer),
            "summary": xml_text(summary),
            "categories": [xml_text(c) for c in dict.fromkeys(categories)],
            "valid_through": v.valid_through.isoformat(),
            "example": v.is_example,
        }


def summary_of(v) -> str:
    """``v.summary`` (its Markdown description rendered, sanitized and cut to words), from the
    build cache when this code made it from the same description before
    (:class:`antarkerja.site.cache.TextMemo`): a re-run converts no unchanged description."""
    memo = cache.ACTIVE.texts if cache.ACTIVE is not None else None
    if memo is None:
        return v.summary
    return memo.get("summary", v.data["description"], lambda: v.summary)


def json_feed(scope: Scope, entries: list[dict], ctx: OutputContext) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    body = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{scope.title} – {ctx.sitename}",
        "home_page_url": absolute(ctx, scope.page_url or scope.subscribe),
        "feed_url": absolute(ctx, scope.json),
        "description": f"Lowongan kerja terverifikasi dinas tenaga kerja, {FEED_ENTRIES} terbaru. Gratis.",
        "language": "id",
        "authors": [{"name": ctx.sitename}],
        "items": [
            {
                "id": e["id"],
                "url": e["link"],
                "title": e["title"],
                "content_text": e["summary"],
                "date_published": e["published"],
                "date_modified": e["updated"],
                "authors": [{"name": e["employer"]}],
                "tags": e["categories"],
                "_antarkerja": {"validThrough": e["valid_through"], "example": e["example"]},
            }
            for e in entries
        ],
    }
    return dump(body)


def plain_html(text: str) -> str:
    """Description text as inert HTML paragraphs: everything escaped, blank lines split.

    Not the page's rendered Markdown: rendering 100,000 descriptions again for this file
    would cost more than all the feeds together; Markdown marks stay visible as text.
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", xml_text(text, None)) if p.strip()]
    return "".join(f"<p>{escape(p)}</p>".replace("\n", "<br>") for p in paragraphs)


def aggregator_job(v, ctx: OutputContext) -> str:
    """One ``<job>`` of the aggregator file, every value a CDATA section.

    Built as a string, not with a template: the file holds every open vacancy (100,000
    jobs times 18 fields), and a Jinja loop over them was the slowest part of all feeds.
    """
    s = v.salary
    fields = (
        ("title", v.title),
        ("date", rfc822(v.date_posted)),
        ("referencenumber", v.id),
        ("url", absolute(ctx, v.url)),
        ("company", v.employer["name"]),
        ("city", (v.location.get("city") or v.country_name) if v.is_abroad else v.regency.name),
        ("state", v.province.name),
        ("country", v.location["country"]),
        ("postalcode", ""),
        ("streetaddress", v.location.get("address") or ""),
        ("description", plain_html(v.data["description"])),
        ("salary", v.salary_text if s["disclosed"] else ""),
        ("education", v.education["name"]),
        ("jobtype", JOB_TYPES.get(v.data["employment_type"], "")),
        ("category", v.kbli["short_name"]),
        ("experience", v.experience_text),
        ("expirationdate", rfc822(v.valid_through)),
        ("remotetype", "Fully remote" if v.location["work_mode"] == "remote" else ""),
    )
    return "<job>" + "".join(f"<{name}>{cdata(value)}</{name}>" for name, value in fields) + "</job>\n"


def aggregator_file(jobs: Iterable[str], ctx: OutputContext, build_date: str) -> str:
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n<source>\n'
        f"<publisher>{escape(xml_text(ctx.sitename))}</publisher>\n"
        f"<publisherurl>{escape(absolute(ctx, ''))}</publisherurl>\n"
        f"<lastBuildDate>{build_date}</lastBuildDate>\n"
    )
    return head + "".join(jobs) + "</source>\n"


def outputs(site, ctx: OutputContext) -> Iterable[Page | File]:
    make = Entries(ctx)
    all_scopes = scopes(site)
    for scope in all_scopes:
        entries = [make(v) for v in scope.vacancies[:FEED_ENTRIES]]
        updated = rfc3339(max((e["date"] for e in entries), default=site.today))
        yield Page(
            scope.atom,
            "feeds/atom",
            {"scope": scope, "entries": entries, "updated": updated, "feed_id": f"tag:{make.host},{TAG_YEAR}:feed/{scope.key}",
             "license": ctx.settings.get("OPEN_DATA_LICENSE", DEFAULT_LICENSE), "limit": FEED_ENTRIES},
        )  # fmt: skip
        yield File(scope.json, json_feed(scope, entries, ctx))
        yield Page(
            file_for(scope.subscribe),
            "feeds/subscribe",
            {"scope": scope, "page_url": scope.subscribe, "limit": FEED_ENTRIES},
        )
    yield Page(
        file_for(url("subscribe_index")),
        "feeds/subscribe_index",
        {"scopes": all_scopes, "page_url": url("subscribe_index"), "limit": FEED_ENTRIES},
    )
    vacancies = site.open_vacancies
    parts = indeed_parts(site)
    for n in range(1, parts + 1):
        chunk = vacancies[(n - 1) * INDEED_PER_FILE : n * INDEED_PER_FILE]
        jobs = (aggregator_job(v, ctx) for v in chunk)
        yield File(url("feed_indeed", number=n), aggregator_file(jobs, ctx, rfc822(site.today)))
