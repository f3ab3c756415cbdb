"""The public "Cek lowongan" checker: a page, the validator's text rules as JSON, a vacancy index.

Writes (paths from :mod:`antarkerja.urls`):

==================================  ===========================================================
``cek-lowongan/index.html``         the page (``theme/templates/check.html``)
``cek-lowongan/aturan.json``        the text rules of :mod:`antarkerja.records.rules.scams`, exported
``cek-lowongan/indeks/<n>.json``    every vacancy on the site, in :func:`bucket_count` buckets
``cek-lowongan/nama/<n>.json``      employers and their vacancies, in :func:`name_bucket_count`
                                    buckets by a hash of two-word pieces of the employer's name
``cek-lowongan/sw.js``              service worker: the page works offline after a first visit
==================================  ===========================================================

Everything runs in the browser (``theme/static/js/check.js``): a pasted text is never sent.
To tell whether a pasted link or vacancy id is a verified vacancy, the page downloads the one
index bucket the id hashes to (FNV-1a, :func:`bucket_of`): the request names a bucket, not
the id, and a bucket holds hundreds of vacancies on a national site (all of them on a small
one). Items carry ``validThrough`` so the page can tell "still open" by the reader's date.

A text pasted without a link or id (a WhatsApp message) is matched by its wording: every
employer name gives keys, its adjacent word pairs after normalisation (:func:`employer_keys`:
"PT Uji Manufaktur Nusantara" → "uji manufaktur", "manufaktur nusantara"; legal forms such as
PT or CV dropped). The page takes the few word pairs of the text that can start a name (after
PT, CV, Koperasi, RS… or at the start of one of the first lines; :data:`NAME_ANCHORS`), and
downloads only the buckets those keys hash to (``cek-lowongan/nama/<n>.json``, FNV-1a of the
key, :data:`KEYS_PER_BUCKET` keys a bucket): a request names a bucket shared by many names,
never a word. A bucket lists, for each key in it, its employers with up to
:data:`MAX_PER_EMPLOYER` vacancies (open ones first), so the page can tell a similar title,
whether it is open, and a salary that differs from the verified one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from antarkerja import wording
from antarkerja.paths import theme_static_dir
from antarkerja.records.rules.scams import export
from antarkerja.records.textnorm import normalise
from antarkerja.site.outputs import File, OutputContext, Page
from antarkerja.site.outputs.common import absolute, dump
from antarkerja.site.scripts import built_script
from antarkerja.urls import save_as, url

PER_BUCKET = 256  # about 40 KB a bucket at most
ASSETS = ("js/checkengine.js", "js/util.js", "js/check.js", "css/check.css")


def bucket_count(vacancies: int) -> int:
    """A power of two giving at most about :data:`PER_BUCKET` vacancies a bucket."""
    count = 1
    while count * PER_BUCKET < vacancies:
        count *= 2
    return count


def bucket_of(vacancy_id: str, buckets: int) -> int:
    """FNV-1a (32 bit) of the id's UTF-8 bytes, modulo ``buckets``; check.js computes the same."""
    h = 0x811C9DC5
    for byte in vacancy_id.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h % buckets


# Matching by wording ------------------------------------------------------------------
# Legal forms people add or leave out ("PT", "Tbk", "Co., Ltd."): not part of a name's keys.
LEGAL_FORM_WORDS = ("pt", "cv", "ud", "pd", "fa", "tbk", "persero", "perseroan", "co", "ltd", "sdn", "bhd", "gmbh")
# Words after which, in a pasted text, an employer's name may start (legal forms too).
NAME_ANCHORS = (
    *LEGAL_FORM_WORDS,
    *("firma", "koperasi", "yayasan", "rs", "rsu", "rsud", "sakit", "klinik", "hotel", "toko", "universitas"),
    *("sekolah", "bank", "perusahaan", "perum", "restoran", "rumah"),
)
KEYS_PER_BUCKET = 16  # a bucket stands for about this many names of the site
MAX_PER_EMPLOYER = 12  # vacancies listed per employer (open first); the employer page has all
# A word pair shared by more employers ("jaya abadi") names none of them: it keeps only the
# employers whose whole name it is, and the name's other pairs find the rest (an employer
# whose every pair is that common keeps its rarest one).
MAX_PER_KEY = 8
MAX_NAME_KEYS = 8  # word pairs of a pasted text looked up at most (check.js)
_NAME_WORD = re.compile(r"[a-z]+|[0-9]+")  # the words of antarkerja.records.rules.scams


def name_tokens(name: str) -> list[str]:
    """The words of an employer name as the checker compares them (normalised, legal forms out)."""
    return [w for w in _NAME_WORD.findall(normalise(name)) if w not in LEGAL_FORM_WORDS]


def employer_keys(name: str) -> list[str]:
    """Adjacent word pairs of the name (the one word of a one-word name); check.js does the same."""
    words = name_tokens(name)
    keys = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)] or words
    return list(dict.fromkeys(keys))


def name_bucket_count(keys: int) -> int:
    count = 1
    while count * KEYS_PER_BUCKET < keys:
        count *= 2
    return count


def name_vacancy(v) -> dict:
    """A vacancy as a name bucket lists it (its page is ``url("vacancy", id=…)``)."""
    salary = v.salary_info
    return {
        "id": v.id,
        "title": v.title,
        "status": v.data["status"],
        "validThrough": v.valid_through.isoformat(),
        "salary": v.salary_text,
        "low": salary.monthly_low or None,  # rupiah a month; None when undisclosed or foreign
        "high": salary.monthly_high or None,
        "office": v.verifier.id if v.verifier else None,  # in the bucket's "offices"
    }


def name_keys(employers) -> dict[str, list]:
    """Key → employers, without the employers a too common key does not name (:data:`MAX_PER_KEY`)."""
    keys_of = {e.slug: employer_keys(e.name) for e in employers}
    by_key: dict[str, list] = {}
    for employer in employers:
        for key in keys_of[employer.slug]:
            by_key.setdefault(key, []).append(employer)
    shared = {key: len(found) for key, found in by_key.items()}
    for key, found in by_key.items():
        if len(found) > MAX_PER_KEY:
            by_key[key] = [e for e in found if keys_of[e.slug] == [key]]
    kept = {e.slug for found in by_key.values() for e in found}
    for employer in employers:  # every key too common: the employer keeps its rarest one
        if employer.slug not in kept and keys_of[employer.slug]:
            rarest = min(keys_of[employer.slug], key=lambda k: (shared[k], k))
            by_key[rarest].append(employer)
    return {key: found for key, found in by_key.items() if found}


def name_shards(site, ctx: OutputContext) -> list[dict]:
    """The buckets of ``cek-lowongan/nama/``: ``keys`` (key → employer numbers), ``employers``
    (name, page, number of vacancies, up to :data:`MAX_PER_EMPLOYER` of them) and ``offices``."""
    by_key = name_keys(site.employers)
    buckets = name_bucket_count(len(by_key))
    shards = [{"version": 1, "bucket": n, "keys": {}, "employers": [], "offices": {}} for n in range(buckets)]
    numbers: list[dict] = [{} for _ in range(buckets)]  # per bucket: employer slug -> number
    for key in sorted(by_key):
        n = bucket_of(key, buckets)
        shard, seen = shards[n], numbers[n]
        for employer in by_key[key]:
            if employer.slug not in seen:
                seen[employer.slug] = len(shard["employers"])
                listed = sorted(employer.vacancies, key=lambda v: (not v.is_open, -v.valid_through.toordinal(), v.id))
                listed = listed[:MAX_PER_EMPLOYER]
                shard["employers"].append(
                    {
                        "name": employer.name,
                        "url": absolute(ctx, employer.url),
                        "count": len(employer.vacancies),
                        "vacancies": [name_vacancy(v) for v in listed],
                    }
                )
                for office in {v.verifier.id: v.verifier for v in listed if v.verifier}.values():
                    phones = office.data.get("phones") or []
                    shard["offices"][office.id] = {
                        "name": office.name,
                        "url": absolute(ctx, office.url),
                        "phone": phones[0] if phones else None,
                    }
            shard["keys"].setdefault(key, []).append(seen[employer.slug])
    for shard in shards:
        shard["offices"] = dict(sorted(shard["offices"].items()))
    return shards


def index_item(v, ctx: OutputContext) -> dict:
    office = v.verifier
    data = office.data if office else {}
    phones = data.get("phones") or []
    return {
        "title": v.title,
        "employer": v.employer["name"],
        "url": absolute(ctx, v.url),
        "status": v.data["status"],
        "validThrough": v.valid_through.isoformat(),
        "office": office.name if office else None,
        "officeUrl": absolute(ctx, office.url) if office else None,
        "officePhone": phones[0] if phones else None,
        "officeEmail": data.get("email"),
        "example": v.is_example,
    }


def asset_urls(rules: str) -> tuple[str, dict[str, str]]:
    """The checker's version (a hash of its rules and assets) and its assets' URLs with it."""
    digest = hashlib.sha256(rules.encode("utf-8"))
    for name in ASSETS:
        path = theme_static_dir() / name
        digest.update(path.read_bytes() if path.is_file() else b"")
    version = digest.hexdigest()[:10]
    return version, {name: f"{url('asset', name=name)}?v={version}" for name in ASSETS}


def offline_files(ctx: OutputContext, rules: str | None = None) -> list[str]:
    """What the checker needs without a connection (page, rules, script, style), as the page
    asks for them: also precached by the site's own service worker (:mod:`.offline`)."""
    rules = dump(export()) if rules is None else rules
    _, assets = asset_urls(rules)
    return [
        f"{ctx.siteurl}/{url('check')}",
        f"{ctx.siteurl}/{url('check_rules')}",
        *(f"{ctx.siteurl}/{path}" for path in assets.values()),
    ]


def outputs(site, ctx: OutputContext) -> Iterable[Page | File]:
    buckets = bucket_count(len(site.vacancies))
    shards: list[dict] = [{} for _ in range(buckets)]
    for v in site.vacancies:
        shards[bucket_of(v.id, buckets)][v.id] = index_item(v, ctx)
    for n, items in enumerate(shards):
        yield File(url("check_index", bucket=n), dump({"version": 1, "bucket": n, "items": items}))
    names = name_shards(site, ctx)
    for shard in names:
        yield File(url("check_names", bucket=shard["bucket"]), dump(shard))
    rules = dump(export())
    yield File(url("check_rules"), rules)
    version, assets = asset_urls(rules)
    # The service worker keeps the checker usable offline after a first visit (network first).
    files = [
        *offline_files(ctx, rules),
        f"{ctx.siteurl}/{url('asset', name='css/site.css')}",  # its ?v= is ignored offline
    ]
    yield File(url("check_worker"), built_script("check-sw.js", {"version": version, "files": files}))
    yield Page(
        save_as("check"),
        "check",
        {
            "page_url": url("check"),
            "buckets": buckets,
            "rules_url": url("check_rules"),
            "index_url": url("check_index", bucket="{bucket}"),
            "vacancy_url": url("vacancy", id="{id}"),
            "names_url": url("check_names", bucket="{bucket}"),
            "name_buckets": len(names),
            "name_words": {"forms": LEGAL_FORM_WORDS, "anchors": NAME_ANCHORS, "max": MAX_NAME_KEYS},
            "engine_url": assets["js/checkengine.js"],
            "util_url": assets["js/util.js"],
            "script_url": assets["js/check.js"],
            "words": {"months": wording.for_scripts()["months"]},  # what check.js shows
            "style_url": assets["css/check.css"],
            "worker_url": url("check_worker"),
        },
    )
