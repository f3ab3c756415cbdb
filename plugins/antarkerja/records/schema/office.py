"""Schema of a labour office record: ``content/offices/<id>.yml``."""

from __future__ import annotations

from antarkerja.records.schema import (
    ID_PATTERN,
    PROVINCE_PATTERN,
    REGENCY_PATTERN,
    TIME_PATTERN,
    boolean,
    choice,
    email,
    group,
    integer,
    list_of,
    number,
    pattern,
    phone,
    text,
    url,
)
from antarkerja.reference import Reference

OFFICE_TYPES = {
    "kemnaker": "Kementerian Ketenagakerjaan",
    "disnaker_provinsi": "Dinas Tenaga Kerja Provinsi",
    "disnaker_kabkota": "Dinas Tenaga Kerja Kabupaten/Kota",
    "upt_bpvp": "UPT Pelatihan Vokasi (BPVP)",
    "bp3mi": "Balai Pelayanan Pelindungan Pekerja Migran Indonesia (BP3MI)",
    "ltsa": "Layanan Terpadu Satu Atap (LTSA) Pekerja Migran",
    "bkk": "Bursa Kerja Khusus (BKK) sekolah",
}
SERVICES = {
    "ak1": "Kartu pencari kerja (AK/1)",
    "counseling": "Penyuluhan dan bimbingan jabatan",
    "job_fair": "Bursa kerja (job fair)",
    "migrant_desk": "Layanan pekerja migran",
    "complaints": "Pengaduan",
    "training": "Pelatihan kerja",
    "jkp": "Bantuan klaim Jaminan Kehilangan Pekerjaan (JKP)",
    "vacancy_verification": "Verifikasi lowongan",
}
DAYS = "Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, Minggu"


def schema(ref: Reference) -> dict:
    return {
        "id": pattern(
            "ID kantor",
            ID_PATTERN,
            "huruf kecil, angka dan tanda hubung",
            "Sama dengan nama berkas tanpa .yml.",
            required=True,
            example="disnaker-kabupaten-bekasi",
        ),
        "example": boolean(
            "Data contoh", 'true untuk data contoh; situs menampilkan tanda "Data contoh".', example=False
        ),
        "name": text("Nama kantor", required=True, maxlength=150, example="Dinas Tenaga Kerja Kabupaten Bekasi"),
        "type": choice("Jenis kantor", OFFICE_TYPES, required=True, example="disnaker_kabkota"),
        "parent": pattern(
            "Kantor induk", ID_PATTERN, "ID kantor lain di content/offices/", example="disnaker-provinsi-jawa-barat"
        ),
        "province": pattern(
            "Provinsi",
            PROVINCE_PATTERN,
            'kode provinsi dua angka dalam tanda kutip, misalnya "32"',
            required=True,
            example="32",
        ),
        "regency": pattern(
            "Kabupaten/kota",
            REGENCY_PATTERN,
            'kode kabupaten/kota dalam tanda kutip, misalnya "32.16"',
            "Kosongkan untuk kantor tingkat provinsi atau pusat.",
            example="32.16",
        ),
        "address": text("Alamat", required=True, maxlength=300, example="Jl. Contoh No. 1, Cikarang Pusat"),
        "postal_code": pattern(
            "Kode pos", r"^[0-9]{5}\Z", 'lima angka dalam tanda kutip, misalnya "17530"', example="17530"
        ),
        "geo": group(
            "Koordinat",
            {
                "lat": number("Lintang", required=True, min=-11.5, max=6.5, example=-6.3),
                "lon": number("Bujur", required=True, min=94.5, max=141.5, example=107.17),
            },
        ),
        "phones": list_of("Telepon kantor", phone("Telepon"), maxlength=5, example=["021-5550123"]),
        "whatsapp": phone("WhatsApp layanan", example="0812-0000-0000"),
        "email": email("Email", example="layanan@contoh.go.id"),
        "website": url("Situs web", example="https://disnaker.contoh.go.id"),
        "hours": list_of(
            "Jam layanan",
            group(
                "Jam layanan",
                {
                    "days": text(
                        "Hari",
                        f'Misalnya "Senin–Kamis". Nama hari: {DAYS}.',
                        required=True,
                        maxlength=40,
                        example="Senin–Kamis",
                    ),
                    "open": pattern(
                        "Buka",
                        TIME_PATTERN,
                        'jam JJ:MM dalam tanda kutip, misalnya "08:00"',
                        required=True,
                        example="08:00",
                    ),
                    "close": pattern(
                        "Tutup",
                        TIME_PATTERN,
                        'jam JJ:MM dalam tanda kutip, misalnya "16:00"',
                        required=True,
                        example="16:00",
                    ),
                },
            ),
            maxlength=7,
        ),
        "services": list_of(
            "Layanan", choice("Layanan", SERVICES), maxlength=len(SERVICES), example=["ak1", "vacancy_verification"]
        ),
        "fields": list_of(
            "Jurusan sekolah (BKK)",
            text("Jurusan", maxlength=100),
            "Untuk kantor BKK: jurusan sekolahnya, ditulis seperti pada lowongan; halaman BKK menampilkan "
            "lowongan yang cocok (pemetaan: content/reference/smk_spectrum.yml).",
            maxlength=30,
            example=["Teknik Mesin", "Teknik Otomotif"],
        ),
        "accessible": boolean("Gedung ramah disabilitas", example=True),
        "notes": text("Catatan", maxlength=500),
        "reverify_days": integer(
            "Batas hari verifikasi ulang",
            'Lowongan yang diverifikasi kantor ini masuk daftar "Perlu verifikasi ulang" di halaman mutu data '
            "bila verifikasi terakhirnya lebih lama dari ini. Bila kosong: 30 hari.",
            min=7,
            max=365,
            example=30,
        ),
    }
