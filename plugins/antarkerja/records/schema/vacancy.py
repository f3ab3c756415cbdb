"""Schema of a vacancy record: ``content/vacancies/<province-slug>/<id>.yml``.

Field names follow Perpres 57/2023 (Wajib Lapor Lowongan Pekerjaan): employer identity, job
title, openings, validity period, requirements, wage and work location are all required or
explicitly declared. Vocabularies (education, employment types, KBJI, KBLI) come from
``content/reference/``.
"""

from __future__ import annotations

from antarkerja.records.schema import (
    ID_PATTERN,
    PROVINCE_PATTERN,
    REGENCY_PATTERN,
    boolean,
    choice,
    date,
    email,
    group,
    integer,
    list_of,
    pattern,
    phone,
    text,
    url,
)
from antarkerja.reference import Reference
from antarkerja.wording import DEADLINE

# No wage comes near a trillion in any unit; the bound keeps per-year × 12 arithmetic finite.
MAX_SALARY = 10**12
STATUSES = {"open": "Dibuka", "filled": "Sudah terisi", "closed": "Ditutup"}
WORK_MODES = {
    "onsite": "Di lokasi kerja",
    "hybrid": "Hibrida (sebagian dari rumah)",
    "remote": "Jarak jauh (dari rumah)",
}
SCOPES = {
    "AKL": "Antar Kerja Lokal (dalam provinsi)",
    "AKAD": "Antar Kerja Antar Daerah (lintas provinsi)",
    "AKAN": "Antar Kerja Antar Negara (luar negeri)",
}
SALARY_UNITS = {"HOUR": "per jam", "DAY": "per hari", "WEEK": "per minggu", "MONTH": "per bulan", "YEAR": "per tahun"}
LEGAL_FORMS = {
    "pt": "Perseroan Terbatas (PT)",
    "pt_perorangan": "PT Perorangan",
    "cv": "Persekutuan Komanditer (CV)",
    "firma": "Firma",
    "koperasi": "Koperasi",
    "yayasan": "Yayasan",
    "bumn": "BUMN",
    "bumd": "BUMD",
    "instansi": "Instansi pemerintah",
    "perorangan": "Usaha perorangan",
    "asing": "Perusahaan luar negeri (pemberi kerja di negara tujuan)",
    "rumah_tangga": "Pemberi kerja perseorangan/rumah tangga",
    "lainnya": "Lainnya",
}
GENDERS = {"laki_laki": "Laki-laki", "perempuan": "Perempuan"}
# UU 18/2017 Pasal 49: placement by the State (BP2MI, G to G), by a licensed P3MI, or by a
# company for its own business (UKPS).
OVERSEAS_SCHEMES = {
    "g2g": "Government to Government (BP2MI)",
    "p3mi": "Perusahaan Penempatan Pekerja Migran Indonesia (P3MI)",
    "ukps": "Perusahaan untuk kepentingan perusahaan sendiri (UKPS)",
    "pemagangan": "Program pemagangan luar negeri (Kemnaker)",
}
VISA_TYPES = {
    "kerja": "Visa kerja",
    "magang": "Visa magang/pelatihan",
    "kunjungan": "Visa kunjungan/turis",
    "lainnya": "Lainnya",
}


def schema(ref: Reference) -> dict:
    return {
        "id": pattern(
            "ID lowongan",
            ID_PATTERN,
            "huruf kecil, angka dan tanda hubung, 3–81 karakter",
            "Sama dengan nama berkas tanpa .yml.",
            required=True,
            example="operator-produksi-contoh-bekasi",
        ),
        "example": boolean(
            "Data contoh",
            'true untuk data contoh/pelatihan; situs menampilkan tanda "Data contoh".',
            example=False,
        ),
        "title": text(
            "Nama jabatan",
            "Nama jabatan yang dicari, tanpa nama perusahaan.",
            required=True,
            minlength=3,
            maxlength=120,
            example="Operator Produksi",
        ),
        "status": choice(
            "Status",
            STATUSES,
            "Ubah ke filled (isi juga `filled_date`) bila lowongan sudah terisi, atau closed bila ditarik.",
            required=True,
            example="open",
        ),
        "employer": group(
            "Pemberi kerja",
            {
                "name": text(
                    "Nama pemberi kerja", required=True, maxlength=150, example="PT Contoh Manufaktur Indonesia"
                ),
                "legal_form": choice("Bentuk badan usaha", LEGAL_FORMS, required=True, example="pt"),
                "website": url("Situs web pemberi kerja", example="https://contoh-manufaktur.co.id"),
                "nib": pattern(
                    "NIB",
                    r"^[0-9]{13}\Z",
                    "13 angka dalam tanda kutip",
                    "Nomor Induk Berusaha dari OSS.",
                    example="1234567890123",
                ),
            },
            required=True,
        ),
        "location": group(
            "Lokasi kerja",
            {
                "country": pattern(
                    "Negara",
                    r"^[A-Z]{2}\Z",
                    'kode negara ISO 3166 dua huruf dalam tanda kutip, misalnya "ID", "JP"',
                    "Negara tempat bekerja. Selain ID berarti lowongan luar negeri (AKAN).",
                    required=True,
                    example="ID",
                ),
                "province": pattern(
                    "Provinsi",
                    PROVINCE_PATTERN,
                    'kode provinsi Kemendagri dua angka dalam tanda kutip, misalnya "32"',
                    "Provinsi tempat bekerja; untuk lowongan luar negeri, provinsi tempat rekrutmen.",
                    required=True,
                    example="32",
                ),
                "regency": pattern(
                    "Kabupaten/kota",
                    REGENCY_PATTERN,
                    'kode kabupaten/kota Kemendagri dalam tanda kutip, misalnya "32.16"',
                    "Kabupaten/kota tempat bekerja (atau tempat rekrutmen untuk luar negeri).",
                    required=True,
                    example="32.16",
                ),
                "city": text("Kota di negara tujuan", "Untuk lowongan luar negeri.", maxlength=100, example="Osaka"),
                "address": text("Alamat kerja", maxlength=300, example="Kawasan Industri Contoh Blok A1, Cikarang"),
                "work_mode": choice("Cara kerja", WORK_MODES, required=True, example="onsite"),
            },
            required=True,
        ),
        "scope": choice(
            "Lingkup antar kerja",
            SCOPES,
            "Boleh dikosongkan: AKAN bila negara bukan ID, selain itu AKL.",
            example="AKL",
        ),
        "employment_type": choice(
            "Jenis hubungan kerja",
            {code: item["name"] for code, item in ref.employment_types.items()},
            required=True,
            example="pkwt",
        ),
        "contract_months": integer(
            "Lama kontrak (bulan)", "Untuk PKWT; paling lama 60 bulan (PP 35/2021).", min=1, max=600, example=12
        ),
        "probation_months": integer(
            "Masa percobaan (bulan)", "Hanya untuk PKWTT, paling lama 3 bulan.", min=0, max=12, example=3
        ),
        "openings": integer("Jumlah lowongan", required=True, min=1, max=100000, example=10),
        "salary": group(
            "Upah",
            {
                "disclosed": boolean(
                    "Upah dicantumkan", "false bila pemberi kerja tidak mencantumkan upah.", required=True, example=True
                ),
                "min": integer(
                    "Upah terendah",
                    "Angka tanpa titik, dalam mata uang `currency` (bawaan rupiah).",
                    min=0,
                    max=MAX_SALARY,
                    example=4500000,
                ),
                "max": integer("Upah tertinggi", min=0, max=MAX_SALARY, example=5200000),
                "unit": choice("Satuan upah", SALARY_UNITS, example="MONTH"),
                "currency": pattern("Mata uang", r"^[A-Z]{3}\Z", "kode ISO 4217, misalnya IDR", example="IDR"),
            },
            required=True,
        ),
        "education": group(
            "Pendidikan",
            {
                "minimum": choice(
                    "Pendidikan minimal",
                    {code: item["name"] for code, item in ref.education.items()},
                    required=True,
                    example="smk",
                ),
                "majors": list_of("Jurusan", text("Jurusan", maxlength=100), example=["Teknik Mesin"], maxlength=20),
            },
            required=True,
        ),
        "experience_months": integer(
            "Pengalaman minimal (bulan)", "0 bila lulusan baru diterima.", required=True, min=0, max=600, example=0
        ),
        "kbji": pattern(
            "Kode jabatan KBJI 2014",
            r"^[0-9]{1,4}\Z",
            'kode KBJI 2014 (golongan pokok 1 angka hingga 4 angka) dalam tanda kutip, misalnya "8"',
            meta={"labels": {code: item["name"] for code, item in ref.kbji.items()}},
            required=True,
            example="8",
        ),
        "kbli": choice(
            "Kategori lapangan usaha KBLI 2020",
            {code: item["name"] for code, item in ref.kbli.items()},
            required=True,
            example="C",
        ),
        "disability": group(
            "Ramah disabilitas",
            {
                "friendly": boolean("Terbuka untuk penyandang disabilitas", required=True, example=True),
                "accommodations": list_of(
                    "Akomodasi yang layak", text("Akomodasi", maxlength=200), example=["Akses kursi roda"], maxlength=20
                ),
            },
        ),
        "age": group(
            "Batas usia",
            {
                "min": integer("Usia minimal", min=15, max=70, example=18),
                "max": integer("Usia maksimal", min=15, max=70, example=35),
                "justification": text(
                    "Alasan batas usia",
                    "Wajib: alasan pekerjaan memang membutuhkannya (SE Menaker M/6/HK.04/V/2025).",
                    maxlength=500,
                ),
            },
        ),
        "gender": group(
            "Syarat jenis kelamin",
            {
                "required": choice("Jenis kelamin", GENDERS, required=True),
                "justification": text(
                    "Alasan syarat jenis kelamin", "Wajib: alasan pekerjaan memang membutuhkannya.", maxlength=500
                ),
            },
        ),
        "description": text(
            "Deskripsi",
            "Markdown sederhana: paragraf, daftar, tebal/miring, tautan https.",
            required=True,
            minlength=30,
            maxlength=10000,
        ),
        "responsibilities": list_of(
            "Tugas dan tanggung jawab", text("Tugas", maxlength=300), example=["Mengoperasikan mesin produksi"]
        ),
        "qualifications": list_of(
            "Kualifikasi",
            text("Kualifikasi", maxlength=300),
            "Keterampilan atau kompetensi yang diminta pemberi kerja (Perpres 57/2023 Pasal 5); "
            "bila kosong, muncul peringatan W570.",
            example=["Mampu mengoperasikan mesin jahit industri"],
        ),
        "benefits": list_of(
            "Fasilitas", text("Fasilitas", maxlength=300), example=["BPJS Ketenagakerjaan dan BPJS Kesehatan"]
        ),
        "apply": group(
            "Cara melamar",
            {
                "url": url("Tautan lamaran", example="https://karier.contoh-manufaktur.co.id/lamar"),
                "email": email("Email lamaran"),
                "phone": phone("Telepon"),
                "whatsapp": phone("WhatsApp", example="0812-0000-0000"),
                "walk_in": boolean("Datang langsung ke kantor pemverifikasi", example=True),
                "instructions": text(
                    "Petunjuk melamar", maxlength=1000, example="Bawa kartu AK/1, fotokopi KTP dan ijazah."
                ),
            },
            required=True,
        ),
        "date_posted": date("Tanggal tayang", required=True),
        "valid_through": date(
            DEADLINE, "Paling lama 90 hari setelah tanggal tayang.", required=True, example="2027-01-31"
        ),
        "filled_date": date(
            "Tanggal terisi",
            "Wajib bila `status: filled`: tanggal pemberi kerja melaporkan lowongan terisi (Perpres 57/2023 Pasal 6).",
            example="2026-12-15",
        ),
        "verification": group(
            "Verifikasi",
            {
                "office": pattern(
                    "Kantor pemverifikasi",
                    ID_PATTERN,
                    "ID kantor di content/offices/",
                    required=True,
                    example="disnaker-kabupaten-bekasi",
                ),
                "date": date("Tanggal verifikasi", required=True),
                "reverified": date(
                    "Tanggal verifikasi ulang",
                    "Isi setelah kantor memeriksa ulang perubahan upah, syarat atau cara melamar (peringatan W601).",
                ),
            },
            required=True,
        ),
        "overseas": group(
            "Penempatan luar negeri",
            {
                "scheme": choice("Skema penempatan", OVERSEAS_SCHEMES, required=True, example="p3mi"),
                "p3mi_name": text("Nama P3MI", maxlength=150, example="PT Contoh Penempatan Pekerja"),
                "sip3mi_number": text(
                    "Nomor SIP3MI", "Surat Izin Perusahaan Penempatan Pekerja Migran Indonesia.", maxlength=100
                ),
                "job_order": text("Nomor job order / demand letter", required=True, maxlength=100),
                "visa": choice("Jenis visa", VISA_TYPES, required=True, example="kerja"),
            },
        ),
    }
