"""The public "Cek lowongan" checker: a page, the validator's text rules as JSON, a vacancy index.

Writes (paths from :mod:`antarkerja.urls`):

==================================  ===========================================================
``cek-lowongan/index.html``         the page (``theme/templates/check.html``)
``cek-lowongan/aturan.json``        the text rules of :mod:`antarkerja.rules.scams`, exported
``cek-lowongan/indeks/<n>.json``    every vacancy on the site, in :func:`bucket_count` buckets
``cek-lowongan/sw.js``              service worker: the page works offline after a first visit
==================================  ===========================================================

Everything runs in the browser (``theme/static/js/check.js``): a pasted text is never sent.
To tell whether a pasted link or vacancy id is a verified vacancy, the page downloads the one
index bucket the id hashes to (FNV-1a, :func:`bucket_of`): the request names a bucket, not
the id, and a bucket holds hundreds of vacancies on a national site (all of them on a small
one). Items carry ``validThrough`` so the page can tell "still open" by the reader's date.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from antarkerja.outputs import File, OutputContext, Page
from antarkerja.outputs.api import absolute, dump
from antarkerja.rules.scams import export
from antarkerja.urls import ROUTES, save_as, url

PER_BUCKET = 256  # about 40 KB a bucket at most
THEME_STATIC = Path(__file__).resolve().parents[3] / "theme" / "static"
ASSETS = ("js/check.js", "css/check.css")


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


def outputs(site, ctx: OutputContext) -> Iterable[Page | File]:
    buckets = bucket_count(len(site.vacancies))
    shards: list[dict] = [{} for _ in range(buckets)]
    for v in site.vacancies:
        shards[bucket_of(v.id, buckets)][v.id] = index_item(v, ctx)
    for n, items in enumerate(shards):
        yield File(url("check_index", bucket=n), dump({"version": 1, "bucket": n, "items": items}))
    rules = dump(export())
    yield File(url("check_rules"), rules)
    digest = hashlib.sha256(rules.encode("utf-8"))
    for name in ASSETS:
        path = THEME_STATIC / name
        digest.update(path.read_bytes() if path.is_file() else b"")
    version = digest.hexdigest()[:10]
    assets = {name: f"{ROUTES['asset'].format(name=name)}?v={version}" for name in ASSETS}
    # The service worker keeps the checker usable offline after a first visit (network first).
    yield Page(
        url("check_worker"),
        "check_worker",
        {
            "version": version,
            "files": [
                f"{ctx.siteurl}/{url('check')}",
                f"{ctx.siteurl}/{url('check_rules')}",
                *(f"{ctx.siteurl}/{path}" for path in assets.values()),
                f"{ctx.siteurl}/{ROUTES['asset'].format(name='css/site.css')}",  # its ?v= is ignored offline
            ],
        },
    )
    yield Page(
        save_as("check"),
        "check",
        {
            "page_url": url("check"),
            "buckets": buckets,
            "rules_url": url("check_rules"),
            "index_url": url("check_index", bucket="{bucket}"),
            "vacancy_url": url("vacancy", id="{id}"),
            # url("asset", name=…) clashes with url()'s own first parameter, hence format()
            "script_url": assets["js/check.js"],
            "style_url": assets["css/check.css"],
            "worker_url": url("check_worker"),
        },
    )
