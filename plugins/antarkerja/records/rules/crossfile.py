"""Checks across files: ids, places, offices and duplicate postings.

These need every record at once, so the validator runs them after reading all files.
Codes: X301 duplicate id, X302 filename differs from id, X303 unknown office, X304 unknown
region code, X305 regency outside its province, X306 vacancy in another province's folder,
X307 the same vacancy posted twice, X308 file in the wrong place, X309 a regional office
verifying a vacancy in another province, X310 an office that is its own parent, X311 an id
that another route's page already owns (``kantor/layanan/``: derived from the route table).
Every check is safe on any shape a broken record has (a list where an id belongs…).
"""

from __future__ import annotations

import re
from collections import defaultdict

from antarkerja.identity import fold
from antarkerja.records.schema import ID_PATTERN
from antarkerja.urls import ROUTES, reserved_segments

Finding = tuple  # (record, path, code, message, hint)


def dig(data, *keys):
    """``data[k1][k2]…`` or None, whatever shape a broken record has."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


ID_ROUTES = {"kantor": "office", "lowongan": "vacancy"}  # the route each kind's id names


def check_ids(records, kind_label):
    route = ID_ROUTES.get(kind_label)
    reserved = reserved_segments(route, "id") if route else {}
    prefix = ROUTES[route].split("{", 1)[0] if route else ""
    seen = {}
    for rec in records:
        rid = rec.data.get("id")
        if not isinstance(rid, str):
            continue
        if rid in reserved:
            yield (
                rec,
                ("id",),
                "X311",
                f"id {kind_label} `{rid}` sama dengan alamat buatan situs /{prefix}{rid}/ (rute `{reserved[rid]}`); "
                "halamannya akan saling menimpa",
                f"pakai id lain, misalnya `{rid}-{kind_label}`, dan ganti nama berkasnya",
            )
        if rec.path.stem != rid and re.fullmatch(ID_PATTERN, rid):  # a malformed id: the schema says so
            yield (
                rec,
                ("id",),
                "X302",
                f"id `{rid}` berbeda dengan nama berkas `{rec.path.name}`",
                f"ganti nama berkas menjadi `{rid}.yml` atau samakan `id`",
            )
        if rid in seen:
            yield (
                rec,
                ("id",),
                "X301",
                f"id {kind_label} `{rid}` sudah dipakai di {seen[rid]}",
                "pakai id lain yang unik",
            )
        else:
            seen[rid] = rec.path.as_posix()


def check_region(rec, ref, prefix=()):
    province, regency = dig(rec.data, *prefix, "province"), dig(rec.data, *prefix, "regency")
    if isinstance(province, str) and province not in ref.provinces:
        yield (
            rec,
            prefix + ("province",),
            "X304",
            f"kode provinsi `{province}` tidak dikenal",
            "lihat kode di content/reference/provinces.csv",
        )
    if isinstance(regency, str):
        if regency not in ref.regencies:
            yield (
                rec,
                prefix + ("regency",),
                "X304",
                f"kode kabupaten/kota `{regency}` tidak dikenal",
                "lihat kode di content/reference/regencies.csv",
            )
        elif isinstance(province, str) and ref.regencies[regency].province_code != province:
            name = ref.regencies[regency].name
            yield (
                rec,
                prefix + ("regency",),
                "X305",
                f"{name} ({regency}) tidak berada di provinsi `{province}`",
                f"samakan dua angka pertama: provinsi `{regency[:2]}` atau kabupaten/kota lain",
            )


def check_vacancy_folder(rec, ref, vacancies_root):
    try:
        parts = rec.path.relative_to(vacancies_root).parts
    except ValueError:
        return
    province = dig(rec.data, "location", "province")
    if len(parts) != 2:
        yield (
            rec,
            (),
            "X308",
            "berkas lowongan harus berada di folder provinsinya",
            "pindahkan ke content/vacancies/<slug-provinsi>/, misalnya content/vacancies/jawa-barat/",
        )
    elif isinstance(province, str) and province in ref.provinces and parts[0] != ref.provinces[province].slug:
        expected = ref.provinces[province].slug
        yield (
            rec,
            ("location", "province"),
            "X306",
            f"lowongan provinsi `{province}` berada di folder `{parts[0]}`",
            f"pindahkan ke content/vacancies/{expected}/ atau perbaiki kode provinsi",
        )


def check_offices_referenced(vacancies, offices_by_id):
    for rec in vacancies:
        office = dig(rec.data, "verification", "office")
        if isinstance(office, str) and office not in offices_by_id:
            yield (
                rec,
                ("verification", "office"),
                "X303",
                f"kantor `{office}` tidak ada di content/offices/",
                "pakai id kantor yang ada, atau tambahkan berkas kantornya",
            )


# Offices that serve the whole country (or migrant workers from anywhere) verify anywhere.
NATIONAL_OFFICE_TYPES = {"kemnaker", "bp3mi", "ltsa"}


def check_verifier_province(vacancies, offices_by_id):
    for rec in vacancies:
        office_id = dig(rec.data, "verification", "office")
        office = offices_by_id.get(office_id) if isinstance(office_id, str) else None
        province = dig(rec.data, "location", "province")
        if office is None or not isinstance(province, str) or not isinstance(office.data, dict):
            continue
        if office.data.get("type") not in NATIONAL_OFFICE_TYPES and office.data.get("province") != province:
            yield (
                rec,
                ("verification", "office"),
                "X309",
                f"kantor `{office.data.get('id')}` berada di provinsi `{office.data.get('province')}`, lowongan di provinsi `{province}`",
                "lowongan diverifikasi oleh kantor di provinsinya (atau Kemnaker/BP3MI/LTSA)",
            )


def check_office_parents(offices, offices_by_id):
    for rec in offices:
        parent = rec.data.get("parent")
        if isinstance(parent, str) and parent == rec.data.get("id"):
            yield (
                rec,
                ("parent",),
                "X310",
                f"kantor `{parent}` menjadi induknya sendiri",
                "isi `parent` dengan id kantor di atasnya (misalnya Disnaker provinsi), atau hapus `parent`",
            )
        elif isinstance(parent, str) and parent not in offices_by_id:
            yield (
                rec,
                ("parent",),
                "X303",
                f"kantor induk `{parent}` tidak ada di content/offices/",
                "pakai id kantor yang ada",
            )


def check_duplicate_postings(vacancies):
    """The same employer, title and regency open twice is one vacancy posted twice."""
    groups = defaultdict(list)
    for rec in vacancies:
        key = (dig(rec.data, "employer", "name"), rec.data.get("title"), dig(rec.data, "location", "regency"))
        if rec.data.get("status") == "open" and all(isinstance(k, str) for k in key):
            # Compared folded (antarkerja.identity): look-alike letters, accents and case do not hide a copy.
            groups[(fold(key[0]), fold(key[1]), key[2])].append(rec)
    for recs in groups.values():
        for rec in recs[1:]:
            yield (
                rec,
                ("title",),
                "X307",
                f"lowongan yang sama (pemberi kerja, jabatan, kabupaten/kota) sudah ada di {recs[0].path.as_posix()}",
                "gabungkan menjadi satu berkas dengan jumlah lowongan yang benar, atau tutup salah satunya",
            )
