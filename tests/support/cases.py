"""Validation cases shared by the validator's tests and the compiled check's tests.

Each vacancy case: (code, replacements in the good vacancy, line, field, words the message
must hold); each office case the same for the test office.
"""

from __future__ import annotations

# (code, replacements in the good vacancy, line, field, words in the message)
VACANCY_CASES = [
    ("Y102", [("  name: PT Contoh", "\tname: PT Contoh")], 7, "(berkas)", "tab"),
    (
        "Y105",
        [("title: Operator Produksi\n", 'title: Operator Produksi\ntitle: ""\n')],
        5,
        "title",
        "pertama di baris 4",
    ),
    ("Y106", [("employer:\n", "employer: &pemberi\n")], 6, "(berkas)", "anchor `&pemberi`"),
    ("Y107", [('province: "32"', "province: 32")], 12, "location.province", 'beri tanda kutip: "32"'),
    ("Y107", [("country: ID", "country: NO")], 11, "location.country", "sebagai true/false"),
    ("Y107", [("openings: 20", "openings: 010")], 18, "openings", "oktal"),
    ("S201", [("title: Operator Produksi\n", "")], 2, "title", "wajib diisi (Nama jabatan)"),
    ("S202", [("  unit: MONTH\n", "  unitt: MONTH\n")], 23, "salary.unitt", "maksud Anda `unit`?"),
    ("S202", [("status: open\n", "status: open\ntitel: Operator\n")], 6, "titel", "maksud Anda `title`?"),
    ("S203", [("openings: 20", "openings: banyak")], 18, "openings", "bilangan bulat"),
    ("S204", [("status: open", "status: buka")], 5, "status", "pilih salah satu: open, filled, closed"),
    ("S205", [('regency: "32.16"', 'regency: "3216"')], 13, "location.regency", 'misalnya "32.16"'),
    ("S206", [("openings: 20", "openings: 0")], 18, "openings", "minimal 1"),
    ("S207", [("title: Operator Produksi", "title: Op")], 4, "title", "terlalu pendek"),
    ("S208", [("title: Operator Produksi", "title: " + "Operator " * 20)], 4, "title", "maksimal 120"),
    ("S209", [("title: Operator Produksi", "title:")], 4, "title", "tidak boleh kosong"),
    ("S209", [("title: Operator Produksi", 'title: ""')], 4, "title", "tidak boleh kosong"),
    ("X302", [("id: good-vacancy", "id: other-vacancy")], 2, "id", "berbeda dengan nama berkas"),
    (
        "X303",
        [("office: test-office", "office: kantor-entah")],
        44,
        "verification.office",
        "tidak ada di content/offices/",
    ),
    ("X304", [('regency: "32.16"', 'regency: "32.99"')], 13, "location.regency", "tidak dikenal"),
    ("X305", [('regency: "32.16"', 'regency: "33.01"')], 13, "location.regency", "tidak berada di provinsi `32`"),
    (
        "R401",
        [("tanpa biaya pendaftaran", "dengan biaya pendaftaran Rp150.000")],
        34,
        "description",
        '"biaya pendaftaran"',
    ),
    (
        "R401",
        [("  - Bersedia bekerja dalam sistem sif", "  - Transfer ke rekening panitia untuk seragam")],
        37,
        "qualifications[1]",
        "meminta uang",
    ),
    (
        "R402",
        [("  - Bersedia bekerja dalam sistem sif", "  - Berpenampilan menarik")],
        37,
        "qualifications[1]",
        "diskriminatif",
    ),
    (
        "R402",
        [("  - Lulusan SMK Teknik Mesin", "  - Tinggi badan minimal 170 cm")],
        36,
        "qualifications[0]",
        "tinggi badan",
    ),
    ("R402", [("  - Lulusan SMK Teknik Mesin", "  - Belum menikah")], 36, "qualifications[0]", "Belum menikah"),
    ("R403", [("kbli: C\n", "kbli: C\nage:\n  max: 25\n")], 32, "age", "batas usia tanpa alasan"),
    (
        "R403",
        [("  - Lulusan SMK Teknik Mesin", "  - Usia maksimal 25 tahun")],
        36,
        "qualifications[0]",
        "batas usia ditulis di teks",
    ),
    ("R404", [("kbli: C\n", "kbli: C\ngender:\n  required: laki_laki\n")], 32, "gender", "tanpa alasan"),
    ("R404", [("  - Lulusan SMK Teknik Mesin", "  - Khusus pria")], 36, "qualifications[0]", "jenis kelamin"),
    ("R405", [("country: ID", 'country: "JP"')], 11, "location.country", "tanpa data penempatan"),
    (
        "R406",
        [("valid_through: 2026-12-31", "valid_through: 2026-11-01")],
        42,
        "valid_through",
        "sebelum tanggal tayang",
    ),
    (
        "R407",
        [("valid_through: 2026-12-31", "valid_through: 2027-06-30")],
        42,
        "valid_through",
        "paling lambat 2027-02-18",
    ),
    ("R408", [("contract_months: 12", "contract_months: 72")], 17, "contract_months", "melebihi 60 bulan"),
    ("R409", [("max: 6000000", "max: 5000000")], 22, "salary.max", "lebih kecil"),
    ("R409", [("disclosed: true", "disclosed: false")], 20, "salary.disclosed", "ada angka upah"),
    (
        "R410",
        [
            (
                "  url: https://karier.uji-manufaktur.contoh.co.id/lamar\n  walk_in: true\n",
                "  instructions: Hubungi kami.\n",
            )
        ],
        38,
        "apply",
        "tidak ada cara melamar",
    ),
    ("R411", [("employment_type: pkwt", "scope: AKAN\nemployment_type: pkwt")], 16, "scope", "tidak cocok"),
    (
        "R412",
        [("tanpa biaya pendaftaran.", "tanpa biaya pendaftaran. [Daftar](javascript:alert(1))")],
        34,
        "description",
        "tautan tidak aman",
    ),
    ("R414", [("title: Operator Produksi", "title: Operator \u202eiskudorP")], 4, "title", "U+202E"),
    ("R413", [("  date: 2026-11-19", "  date: 2026-11-21")], 45, "verification.date", "sesudah tanggal tayang"),
    (
        "X309",
        [('province: "32"', 'province: "33"'), ('regency: "32.16"', 'regency: "33.01"')],
        44,
        "verification.office",
        "berada di provinsi `32`",
    ),
    ("W501", [("min: 5500000", "min: 1500000")], 21, "salary.min", "di bawah UMP"),
    (
        "W502",
        [
            (
                "  url: https://karier.uji-manufaktur.contoh.co.id/lamar\n  walk_in: true\n",
                '  whatsapp: "0812-0000-1111"\n',
            )
        ],
        38,
        "apply",
        "WhatsApp pribadi",
    ),
    (
        "W503",
        [("url: https://karier.uji-manufaktur.contoh.co.id/lamar", "url: https://bit.ly/lamar-kerja")],
        39,
        "apply.url",
        "tautan pendek (bit.ly)",
    ),
    (
        "W504",
        [("contract_months: 12\n", "contract_months: 12\nprobation_months: 3\n")],
        18,
        "probation_months",
        "masa percobaan pada PKWT",
    ),
    ("W505", [("max: 6000000", "max: 30000000")], 19, "salary", "tanpa pengalaman"),
]


OFFICE_CASES = [
    ("Y107", [('close: "16:00"', "close: 16:00")], 15, "hours[0].close", 'beri tanda kutip: "16:00"'),
    ("Y107", [('postal_code: "17530"', "postal_code: 17530")], 9, "postal_code", "sebagai angka"),
    ("S204", [("  - ak1", "  - kartu_kuning")], 17, "services[0]", "tidak dikenal"),
    ("R420", [('open: "08:00"', 'open: "17:00"')], 14, "hours[0].open", "tidak sebelum jam tutup"),
    ("R421", [('regency: "32.16"\n', "")], 2, "regency", "tanpa kode kabupaten/kota"),
    (
        "X303",
        [("type: disnaker_kabkota\n", "type: disnaker_kabkota\nparent: induk-entah\n")],
        6,
        "parent",
        "kantor induk",
    ),
]
