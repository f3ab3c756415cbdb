"""Link and match for SMK graduates: open vacancies by SMK competency area.

Who counts: a vacancy **accepts an SMK graduate** when its minimum education ranks at or
below SMK in ``content/reference/education.yml`` (SMK, SMA/MA, which ranks the same, SMP,
SD or none). D1 and above do not: an SMK graduate does not meet them.

How majors map: ``content/reference/smk_spectrum.yml`` lists the competency areas (program
keahlian of the official SMK spectrum) and, for each, the major names vacancies use. A
vacancy's ``education.majors`` are compared with those names after :func:`normalize`
(lower case, punctuation and repeated spaces removed). A vacancy may fall under several
areas; one that names no major is open to **every** SMK field ("semua jurusan"). Majors that
match no area are *unmatched*: listed for officers (``smk/belum-terpetakan/``, noindex, and
``antarkerja smk``) so the mapping grows. BKK offices (school job centres) may list their
school's majors in ``fields``; their page shows the open vacancies that fit them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from antarkerja.paths import reference_dir
from antarkerja.reference import read_yaml

FILE = "smk_spectrum.yml"
ANY_MAJOR = "semua-jurusan"  # route slug of "open to every field"; no area may use it
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalize(name: str) -> str:
    """ "Teknik  Komputer & Jaringan" → "teknik komputer jaringan"; "dan" is dropped too."""
    words = _NOT_WORD.sub(" ", str(name).lower()).split()
    return " ".join(w for w in words if w != "dan")


@dataclass
class Area:
    code: str
    name: str
    field: str  # bidang keahlian
    majors: list[str]
    vacancies: list = field(default_factory=list)  # open vacancies accepting SMK, newest first


@dataclass
class Spectrum:
    areas: list[Area]
    source: str
    verified: bool
    index: dict[str, Area] = field(default_factory=dict)  # normalized major → area

    def match(self, majors: list[str]) -> tuple[list[Area], list[str]]:
        """Areas the majors map to (in spectrum order) and the majors that map to none."""
        found, unmatched = set(), []
        for major in majors:
            area = self.index.get(normalize(major))
            if area is None:
                unmatched.append(major)
            else:
                found.add(area.code)
        return [a for a in self.areas if a.code in found], unmatched


class SpectrumError(ValueError):
    pass


def load_spectrum(root: Path) -> Spectrum:
    path = reference_dir(root) / FILE
    data = read_yaml(path)
    areas, index, problems = [], {}, []
    for item in data.get("items") or []:
        area = Area(str(item["code"]), item["name"], item["field"], list(item.get("majors") or []))
        if area.code == ANY_MAJOR or not re.fullmatch(r"[a-z0-9-]+", area.code):
            problems.append(f"kode `{area.code}`: huruf kecil, angka dan tanda hubung; bukan `{ANY_MAJOR}`")
        for major in [area.name, *area.majors]:
            key = normalize(major)
            if key in index and index[key] is not area:
                problems.append(f"jurusan `{major}` ada di `{index[key].code}` dan `{area.code}`: pilih satu")
            index[key] = area
        areas.append(area)
    if problems:
        raise SpectrumError(f"{path}: " + "; ".join(problems))
    return Spectrum(areas, " ".join(str(data.get("source", "")).split()), bool(data.get("verified")), index)


def accepts_smk(vacancy) -> bool:
    """SMK, SMA (same rank) or lower minimum education (see the module docstring)."""
    return vacancy.education["rank"] <= vacancy.ref.education["smk"]["rank"]


@dataclass
class Grouping:
    """Open vacancies accepting SMK graduates, by area, as the SMK pages show them."""

    spectrum: Spectrum
    any_major: list  # no major named: open to every field
    unmatched: list[tuple]  # (vacancy, [majors that map to no area])
    office_unmatched: list[tuple]  # (office, [fields that map to no area])
    total: int

    @property
    def areas(self) -> list[Area]:
        return self.spectrum.areas

    def for_office(self, office) -> tuple[list[Area], list]:
        """A BKK's areas (from its ``fields``) and the open vacancies that fit them, same
        province first, then newest."""
        areas, _ = self.spectrum.match(office.data.get("fields") or [])
        seen, fits = set(), []
        for area in areas:
            for v in area.vacancies:
                if v.id not in seen:
                    seen.add(v.id)
                    fits.append(v)
        fits.sort(key=lambda v: (v.location["province"] != office.data["province"], -v.date_posted.toordinal(), v.id))
        return areas, fits


def group(site, spectrum: Spectrum) -> Grouping:
    for area in spectrum.areas:
        area.vacancies = []
    any_major, unmatched, total = [], [], 0
    for v in site.open_vacancies:  # newest first
        if not accepts_smk(v):
            continue
        total += 1
        if not v.majors:
            any_major.append(v)
            continue
        areas, missing = spectrum.match(v.majors)
        for area in areas:
            area.vacancies.append(v)
        if missing:
            unmatched.append((v, missing))
    office_unmatched = []
    for o in site.offices:
        _, missing = spectrum.match(o.data.get("fields") or [])
        if missing:
            office_unmatched.append((o, missing))
    return Grouping(spectrum, any_major, unmatched, office_unmatched, total)


_CACHE: dict = {}


def grouping_for(site, root: Path) -> Grouping:
    """One grouping per model (the SMK pages and the BKK office pages share it)."""
    key = id(site)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = group(site, load_spectrum(root))
    return _CACHE[key]


def template_globals(site, root: Path) -> dict:
    return {"smk_for_office": lambda office: grouping_for(site, root).for_office(office)}


def report(root: Path, today=None) -> str:
    """``antarkerja smk``: open vacancies accepting SMK graduates whose majors map to no area."""
    from antarkerja.records.validate import RepositoryValidator
    from antarkerja.reference import load_reference
    from antarkerja.site.model import build_site
    from antarkerja.today import resolve as resolve_today

    root = Path(root)
    ref = load_reference(root)
    result = RepositoryValidator(root, ref).run()
    site = build_site([x.data for x in result.vacancies], [x.data for x in result.offices], ref, resolve_today(today))
    g = group(site, load_spectrum(root))
    lines = [f"{g.total} lowongan dibuka menerima lulusan SMK; {len(g.any_major)} terbuka untuk semua jurusan."]
    if result.errors:
        skipped = len({d.path for d in result.errors})
        lines.append(f"{skipped} berkas tidak valid dilewati (jalankan `antarkerja validate`).")
    for area in g.areas:
        if area.vacancies:
            lines.append(f"  {area.code}: {len(area.vacancies)}")
    if g.unmatched or g.office_unmatched:
        lines.append("Jurusan yang belum terpetakan (tambahkan ke content/reference/smk_spectrum.yml):")
        for v, majors in g.unmatched:
            lines.append(f"  lowongan {v.id}: {', '.join(majors)}")
        for o, majors in g.office_unmatched:
            lines.append(f"  kantor {o.id}: {', '.join(majors)}")
    else:
        lines.append("Semua jurusan terpetakan.")
    return "\n".join(lines)
