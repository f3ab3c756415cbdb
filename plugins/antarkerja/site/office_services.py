"""Office services in words a worker understands, and offices grouped by service and region.

Office records list service codes (``services: [ak1, jkp, …]``, see
:data:`antarkerja.records.schema.office.SERVICES`). Pages say what each one does for a worker
(:data:`PLAIN`) and link to the directory page of that service, ``kantor/layanan/<slug>/``
(:data:`SLUGS`), which lists every office offering it, grouped by province and, inside a
province, provincial offices first, then by regency. Static pages: the filter works
without JavaScript and each filtered list has its own URL to share.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from antarkerja.records.schema.office import SERVICES
from antarkerja.urls import url

# Public URL slug of each service (Indonesian, stable: changing one breaks shared links).
SLUGS = {
    "ak1": "kartu-ak1",
    "counseling": "konsultasi-karier",
    "job_fair": "bursa-kerja",
    "migrant_desk": "pekerja-migran",
    "complaints": "pengaduan",
    "training": "pelatihan",
    "jkp": "jkp",
    "vacancy_verification": "verifikasi-lowongan",
}
# (short name, what it does for a worker): plain Indonesian, no acronym left unexplained.
PLAIN = {
    "ak1": (
        "Kartu pencari kerja (AK/1)",
        "Membuat kartu pencari kerja (kartu kuning/AK/1) yang sering diminta saat melamar. Gratis.",
    ),
    "counseling": (
        "Konsultasi karier",
        "Bicara dengan Pengantar Kerja untuk memilih pekerjaan atau pelatihan yang cocok dengan kemampuan Anda.",
    ),
    "job_fair": ("Bursa kerja (job fair)", "Pameran lowongan: bertemu langsung dengan pemberi kerja."),
    "migrant_desk": (
        "Kerja ke luar negeri",
        "Informasi dan pengurusan kerja ke luar negeri secara resmi dan aman, tanpa calo.",
    ),
    "complaints": (
        "Pengaduan",
        "Melaporkan lowongan palsu, pungutan biaya, atau masalah dengan pemberi kerja.",
    ),
    "training": ("Pelatihan kerja", "Informasi dan pendaftaran pelatihan keterampilan kerja."),
    "jkp": (
        "Bantuan untuk korban PHK (JKP)",
        "Membantu Anda yang terkena PHK dengan Jaminan Kehilangan Pekerjaan: informasi lowongan, "
        "konsultasi karier dan rujukan pelatihan.",
    ),
    "vacancy_verification": ("Verifikasi lowongan", "Memeriksa lowongan sebelum tayang di situs ini."),
}
assert set(SLUGS) == set(SERVICES) == set(PLAIN), "every office service needs a slug and plain words"


@dataclass
class ProvinceGroup:
    """A province's offices offering one service: provincial offices first, then regencies."""

    province: object  # model.Region of the province
    offices: list = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.province.slug


def offering(site, code: str) -> list:
    """Offices that list service ``code``, in directory order."""
    return [o for o in site.offices if code in (o.data.get("services") or [])]


def by_province(site, code: str) -> list[ProvinceGroup]:
    """Offices offering ``code`` grouped by province (by code); in each, provincial and
    national offices first, then by regency name."""
    groups = {p.code: ProvinceGroup(p) for p in site.provinces}
    for o in offering(site, code):
        groups[o.data["province"]].offices.append(o)
    out = [g for g in groups.values() if g.offices]
    for g in out:
        g.offices.sort(key=lambda o: (o.regency is not None, o.regency.name if o.regency else "", o.name))
    return out


def service_url(code: str) -> str:
    return url("service", slug=SLUGS[code])


def template_globals(site) -> dict:
    return {
        "SERVICE_PLAIN": PLAIN,
        "service_url": service_url,
        "offices_by_service": lambda code: by_province(site, code),
    }
