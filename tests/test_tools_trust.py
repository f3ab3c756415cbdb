"""Scam, trafficking and discrimination text rules: measured on the corpus, exact on files."""

from __future__ import annotations

import random
import re

import pytest
from support import TEST_OFFICE, make_repo, vacancy

from antarkerja.records.rules.literals import fits, required
from antarkerja.records.rules.scams import (
    _VOCABULARY,
    FLAGS,
    TEXT_RULES,
    Prepared,
    admits,
    check_text,
    group_mask,
    words_in,
)
from antarkerja.records.textnorm import _fold_char, _leet, locate, normalise, normalise_lines, normalise_with_offsets
from antarkerja.records.validate import validate_repository
from antarkerja.tools.trust import (
    FALSE_ALARM_TARGET,
    RECALL_TARGET,
    TextValidator,
    evaluate,
    load_all,
    load_file,
    source_problems,
)

JABAR = "jawa-barat/good-vacancy.yml"
SHIFT = "  - Bersedia bekerja dalam sistem sif"  # qualifications[1], line 37 of the good vacancy


def diagnostics(tmp_path, text):
    result = validate_repository(make_repo(tmp_path, {JABAR: text}))
    return [(d.line, d.code, d.field, d.message) for d in result.diagnostics]


# ---------------------------------------------------------------- the corpus


def test_corpus_is_big_enough_and_labelled(root):
    corpus = load_all(root)
    labels = [t["label"] for t in corpus]
    assert len(corpus) >= 300
    assert labels.count("scam") >= 75 and labels.count("legit") >= 75
    assert len({t["id"] for t in corpus}) == len(corpus)
    assert set(labels) == {"scam", "legit"}


def test_every_corpus_text_carries_a_resolvable_source_with_url_and_date(root):
    """Every text of both files traces to public material: corpus.yml through its sources table
    (title, publisher, url, date, what it shows), heldback.yml on the text itself."""
    assert source_problems(root) == []
    corpus = load_all(root)
    for item in corpus:
        assert re.fullmatch(r"https?://\S+", str(item["url"])), item["id"]
        assert re.fullmatch(r"(seen )?\d{4}-\d{2}-\d{2}", str(item["date"])), item["id"]
    sources, _ = load_file(root / "tests" / "trust" / "corpus.yml")
    assert len(sources) >= 50  # specific reports and notices, not a handful of generic names
    assert len({t["url"] for t in corpus}) >= 100


def test_no_corpus_text_holds_a_phone_or_account_number(root):
    for item in load_all(root):
        assert not re.search(r"\b0?8\d{2}[- ]?\d{3,4}[- ]?\d{3,4}\b", item["text"]), item["id"]  # placeholders only
        assert not re.search(r"\d{10,}", item["text"].replace(".", "").replace(" ", "")), item["id"]


def test_both_labels_and_every_category_are_represented(root):
    corpus = load_all(root)
    labels = [t["label"] for t in corpus]
    assert min(labels.count("scam"), labels.count("legit")) >= 0.4 * len(corpus)
    categories = {t["category"] for t in corpus if t["file"] == "corpus.yml"}
    assert {
        "biaya-rekrutmen",
        "tugas-online",
        "luar-negeri-scam",
        "luar-negeri-nonprosedural",
        "diskriminasi",
    } <= categories
    assert {"lowongan-biasa", "pernyataan-bebas-biaya", "g-to-g", "bursa-kerja", "inklusi"} <= categories
    assert not [t["id"] for t in corpus if ":" in t["category"]]  # every text names its category


BROKEN_CORPUS = """sources:
  good: {title: "Judul", publisher: "Penerbit", url: "https://example.org/a", date: "2025-01-02", shows: "pola"}
  nourl: {title: "Judul", publisher: "Penerbit", date: "2025-01-02", shows: "pola"}
  ftp: {title: "Judul", publisher: "Penerbit", url: "ftp://example.org/a", date: "2025-01-02", shows: "pola"}
  baddate: {title: "Judul", publisher: "Penerbit", url: "https://example.org/b", date: "Mei 2025", shows: "pola"}
  unused: {title: "Judul", publisher: "Penerbit", url: "https://example.org/c", date: "seen 2026-12-06", shows: "pola"}
texts:
  - {id: a1, label: scam, category: x, source: good, text: "Bayar biaya admin"}
  - {id: a2, label: scam, category: x, source: nourl, text: "Bayar biaya admin"}
  - {id: a3, label: scam, category: x, source: ftp, text: "Bayar biaya admin"}
  - {id: a4, label: scam, category: x, source: baddate, text: "Bayar biaya admin"}
  - {id: a5, label: scam, category: x, source: gone, text: "Bayar biaya admin"}
  - {id: a6, label: legit, category: y, text: "Tanpa sumber"}
"""


def test_a_text_without_a_resolvable_http_source_is_reported(tmp_path):
    trust_dir = tmp_path / "tests" / "trust"
    trust_dir.mkdir(parents=True)
    (trust_dir / "corpus.yml").write_text(BROKEN_CORPUS, encoding="utf-8")
    (trust_dir / "heldback.yml").write_text(
        'texts:\n  - {id: h1, label: legit, category: y, date: 2024-01-02, url: "javascript:alert(1)", text: "x"}\n'
        '  - {id: h2, label: legit, category: y, url: "https://example.org/d", text: "y"}\n',
        encoding="utf-8",
    )
    problems = source_problems(tmp_path)
    assert problems == [
        "corpus.yml: source nourl has no url",
        "corpus.yml: source unused is used by no text",
        "corpus.yml: a2: no source url and date",
        "corpus.yml: a3: source url is not http(s): ftp://example.org/a",
        "corpus.yml: a4: source date is neither YYYY-MM-DD nor 'seen YYYY-MM-DD': Mei 2025",
        "corpus.yml: a5: unknown source 'gone'",
        "corpus.yml: a5: no source url and date",
        "corpus.yml: a6: no source url and date",
        "heldback.yml: h1: source url is not http(s): javascript:alert(1)",
        "heldback.yml: h2: no source url and date",
    ]


@pytest.mark.parametrize("engine", ["validator", "checker"])
def test_both_engines_meet_recall_and_false_alarm_targets_on_the_corpus(root, engine):
    report = evaluate(root, engine=engine)
    assert report.recall >= RECALL_TARGET, [t["id"] for t in report.missed]
    assert report.false_alarm_rate <= FALSE_ALARM_TARGET, [(t["id"], c) for t, c in report.alarmed]


def test_trust_command_prints_each_category_for_both_engines(root, capsys):
    from antarkerja.cli import main

    met = all(evaluate(root, engine=engine).meets_targets for engine in ("validator", "checker"))
    assert main(["trust", "--root", str(root)]) == (0 if met else 1)  # the targets themselves: the test above
    out = capsys.readouterr().out
    assert "Validator" in out and "Cek lowongan" in out
    for category in ("luar-negeri-scam", "tugas-online", "g-to-g", "pernyataan-bebas-biaya", "bursa-kerja", "inklusi"):
        assert re.search(rf"^{category}\s+\d+\s+(recall|alarm)", out, re.M), category
    assert "Daftar salah (confusion)" in out


@pytest.mark.parametrize(
    "text",
    [
        "Kami tidak memungut biaya; waspadai pihak yang meminta transfer.",
        "Hati-hati dengan oknum yang meminta biaya training atas nama kami.",
        "Biaya pelatihan ditanggung perusahaan.",
        "Kursus bahasa dibiayai perusahaan pengguna.",
        "Terbuka bagi semua pelamar tanpa membedakan jenis kelamin, agama, suku.",
        "Tidak ada biaya administrasi, biaya seragam, biaya training maupun biaya pendaftaran.",
    ],
)
def test_warnings_denials_and_employer_paid_costs_are_not_requests(text):
    assert check_text(text) == []


@pytest.mark.parametrize(
    "text,code",
    [
        ("Tanpa tes maupun wawancara, bayar biaya proses Rp 300.000.", "R401"),
        ("Lowongan admin di Kamboja, gaji 15 juta, tiket dan visa ditanggung, hubungi WA", "R457"),
        ("Kerja di Malaysia, gaji 9 juta, tanpa pengalaman, tiket ditanggung.", "W536"),
        ("Pendatang baru langsung dapat Rp 30.000, balas 1 untuk bergabung", "R453"),
        ("Berangkat dulu dengan alasan kunjungan keluarga, izin kerja diurus nanti.", "R455"),
    ],
)
def test_requests_after_a_negation_or_behind_weak_signals_are_still_found(text, code):
    assert code in {c for c, _ in check_text(text)}


def test_validator_and_text_check_agree_on_every_corpus_text(root):
    """The word pre-filter of the validator never hides a match the full check finds."""
    checker = TextValidator(root)
    for item in load_all(root):
        assert checker.codes(item["text"]) == sorted({c for c, _ in check_text(item["text"])}), item["id"]


NODE_CHECK = """
const fs = require("node:fs");
const engine = require(process.argv[1]);
const data = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const env = engine.compile(data);
const texts = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const out = texts.map((t) => [...new Set(engine.check(env, data.rules, t).map((f) => f.code))].sort());
fs.writeFileSync(process.argv[4], JSON.stringify(out));
"""


def test_javascript_engine_flags_every_corpus_text_as_python_does(root, tmp_path):
    """Cek lowongan's own engine (checkengine.js under Node, no browser) on the whole corpus: the
    same codes as the Python mirror that `antarkerja trust` measures, so its figures are the
    browser's figures."""
    import json
    import subprocess

    from support import node

    from antarkerja.records.rules.scams import export
    from antarkerja.tools.trust import checker_codes

    corpus = load_all(root)
    (tmp_path / "aturan.json").write_text(json.dumps(export(), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "texts.json").write_text(json.dumps([t["text"] for t in corpus], ensure_ascii=False), encoding="utf-8")
    engine = root / "theme" / "static" / "js" / "checkengine.js"
    args = [str(engine), str(tmp_path / "aturan.json"), str(tmp_path / "texts.json"), str(tmp_path / "out.json")]
    subprocess.run([node(), "-e", NODE_CHECK, *args], check=True, timeout=120)
    found = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(found) == len(corpus) >= 300
    assert [t["id"] for t, codes in zip(corpus, found, strict=True) if codes != checker_codes(t["text"])] == []


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Ｂｉａｙａ Ｐｅｎｄａｆｔａｒａｎ", "biaya pendaftaran"),  # full-width (NFKC)
        ("𝗯𝗶𝗮𝘆𝗮 admin", "biaya admin"),  # mathematical bold
        ("бiaya", "biaya"),  # Cyrillic be? no: б is not a look-alike, stays
        ("bіaya", "biaya"),  # Cyrillic і
        ("Вiаyа", "biaya"),  # Cyrillic В, а
        ("οtp", "otp"),  # Greek omicron
        ("bi\u200baya\u00ad", "biaya"),  # zero-width space, soft hyphen
        ("b*ia*ya _admin_ ~~x~~ `y`", "biaya admin x y"),  # Markdown emphasis
        ("b1aya pr0ses d4na u@ng", "biaya proses dana uang"),  # digits for letters
        ("Rp5.000.000, 150rb, S1, D3, K3", "rp5.000.000, 150rb, s1, d3, k3"),  # numbers stay
        ("Café", "cafe"),
    ],
)
def test_normalise_undoes_look_alike_spellings(raw, expected):
    if raw == "бiaya":
        expected = "бiaya"  # б does not look like a Latin letter: left alone
    assert normalise(raw) == expected


def test_fast_ascii_path_equals_the_general_one(root):
    samples = [t["text"] for t in load_all(root)] + ["B*i_aya ~A~ `x` 1a2b3c4d a1b"]
    for text in samples:
        general = _leet("".join(_fold_char(ch) for ch in text))
        assert normalise(text) == general == normalise_with_offsets(text)[0], text


def test_normalising_a_record_at_once_equals_one_text_at_a_time(root):
    texts = [t["text"] for t in load_all(root)]
    records = [texts[i : i + 5] for i in range(0, len(texts), 5)] + [["Gaji 5jt", "a1\nb", "x*1*y"], ["Café", "b4"]]
    for record in records:
        norms = [normalise(text) for text in record]
        assert normalise_lines(record) == (norms, "\n".join(norms)), record


def test_literals_a_pattern_needs_are_in_every_match(root):
    """The substring pre-filter (rules/literals.py) only ever skips a pattern that cannot match."""
    texts = [normalise(t["text"]) for t in load_all(root)]
    for rule in TEXT_RULES:
        for source in (*rule.strong, *rule.weak):
            needs = required(source)
            pattern = re.compile(source, FLAGS)
            for text in texts:
                for m in pattern.finditer(text):
                    assert needs is None or fits(needs, m.group()), (rule.code, source, m.group())


def _spec_fits(spec, words) -> bool:
    return any(all(not group.isdisjoint(words) for group in alt) for alt in spec)


def _admitted_by_specs(rule, words) -> bool:
    """What the trigger specs say, read as sets (the gate does it with bit masks)."""
    if rule.context_words and not _spec_fits(rule.context_words, words):
        return False
    weak = sum(_spec_fits(spec, words) for spec in rule.weak_triggers)
    return _spec_fits(rule.triggers, words) or weak >= rule.weak_needed


def test_trigger_gate_admits_exactly_what_the_word_specs_say(root):
    """The bit-mask gate (scams.admits) is the trigger specs, not an approximation of them."""
    word_sets = [words_in(normalise(t["text"]), _VOCABULARY) for t in load_all(root)]
    rng = random.Random(12)
    vocabulary = sorted(_VOCABULARY)
    for rule in TEXT_RULES:
        spec_words = sorted(
            {
                w
                for spec in (rule.triggers, *rule.weak_triggers, rule.context_words)
                for alt in spec
                for group in alt
                for w in group
            }
        )
        # Words of the rule's own specs make the near misses: one group short, one weak signal short.
        word_sets += [
            frozenset(rng.sample(spec_words, min(len(spec_words), k))) for k in (1, 2, 3, 5, 8) for _ in range(30)
        ]
        word_sets += [frozenset(rng.sample(vocabulary, 40)) for _ in range(20)]
    admitted = 0
    for words in word_sets:
        for rule in TEXT_RULES:
            expected = _admitted_by_specs(rule, words)
            assert admits(rule, group_mask(words)) == expected, (rule.code, sorted(words))
            admitted += expected
    assert 0 < admitted < len(word_sets) * len(TEXT_RULES)  # both answers were tested


def test_words_are_runs_of_letters_and_runs_of_digits():
    text = normalise("Gaji 5jt/bulan, Rp5.000.000; S1 (D3) — café 东京 tes-tulis\nbiaya")
    assert words_in(text, frozenset(re.findall(r"[a-z]+|[0-9]+", text))) == {
        "gaji",
        "5",
        "jt",
        "bulan",
        "rp",
        "000",
        "s",
        "1",
        "d",
        "3",
        "cafe",
        "tes",
        "tulis",
        "biaya",
    }
    assert words_in("jt 15 biaya", frozenset({"jt", "biaya", "bulan"})) == {"jt", "biaya"}


def test_fields_with_a_word_are_found_in_the_joined_text():
    texts = [
        (("title",), "Operator Produksi"),
        (("description",), "Tanpa biaya.\nBiaya ditanggung"),
        (("benefits", 0), ""),
        (("benefits", 1), "uang makan, biaya transport"),
    ]
    prep = Prepared({}, texts)
    for words in (["biaya"], ["uang", "operator"], ["tidak-ada"], ["a"], []):
        expected = [f for f in prep.fields if any(w in f[2] for w in words)]
        assert prep.fields_with(words) == expected, words


@pytest.mark.parametrize(
    "source,needs",
    [
        (r"\bbiaya\s+(?:daftar|admin)\b", ((("biaya",), ("daftar", "admin")),)),
        (r"\b(?:tf|kirim)(?:kan)?\s+uang", ((("kirim", "tf"), ("uang",)),)),
        (r"abc?d|(?:x|y{0,2})z", ((("ab",), ("d",)), (("z",),))),
        (r"(?:ber)?kulit\s+(?:putih|kuning\s+langsat)", ((("langsat", "putih"), ("kulit",)),)),
        (r"(?=foo)(?!bar)baz[a-z]+\.", ((("baz",),),)),
        (r"(?i)abc", None),  # an extension it does not read: no pre-filter
        (r"gaji\x20ok\u00ad\N{EM DASH}12(a)\1", ((("gaji",), ("ok",), ("12",), ("a",)),)),  # escaped digits are no text
        (r"a|\d+", None),  # an alternative without literals: no pre-filter
    ],
)
def test_literals_read_from_a_pattern(source, needs):
    found = required(source)
    normal = None if found is None else tuple(tuple(sorted(map(tuple, map(sorted, part)))) for part in found)
    expected = None if needs is None else tuple(tuple(sorted(map(tuple, map(sorted, part)))) for part in needs)
    assert normal == expected


def test_positions_map_back_to_the_original_text():
    text = "Ｂｉａｙａ\u200b admin"
    norm = normalise(text)
    assert norm == "biaya admin"
    assert text[locate(text, norm.index("admin")) :] == "admin"


# ---------------------------------------------------------------- every rule: failing and passing example

# (code, offending list item, exact message, a similar item that passes)
RULE_CASES = [
    (
        "R401",
        "Tanpa tes, cukup bayar biaya proses Rp300.000",
        'meminta uang dari pelamar ("bayar biaya proses")',
        "Tanpa tes dan tidak dipungut biaya proses",
    ),
    (
        "R402",
        "TB min. 160 cm, berpenampilan rapi dan menarik",
        'syarat diskriminatif ("TB min. 160 cm")',
        "Mampu berdiri selama sif 8 jam",
    ),
    (
        "R450",
        "Wajib membeli starter kit sebelum mulai bekerja",
        'pelamar harus membeli sesuatu sebelum bekerja ("membeli starter kit")',
        "Seragam dan sepatu keselamatan disediakan perusahaan",
    ),
    (
        "R451",
        "Kirim uang tanda jadi agar posisi tidak diambil orang lain",
        'pelamar diminta menyetor uang lebih dulu ("uang tanda jadi")',
        "Tanda tangan kontrak di kantor Disnaker",
    ),
    (
        "R452",
        "Tiket dan hotel untuk tes dipesan lewat agen travel yang ditunjuk",
        'pelamar diminta memesan tiket atau hotel lewat agen tertentu ("Tiket dan hotel untuk tes dipesan lewat agen travel yang ditunjuk")',
        "Tiket kereta ke lokasi tes diganti perusahaan",
    ),
    (
        "R453",
        "Like dan follow akun toko dibayar Rp10.000",
        'penipuan tugas berbayar ("Like dan follow akun toko dibayar")',
        "Membalas komentar pelanggan di media sosial toko",
    ),
    (
        "R454",
        "Modal awal 500 ribu, profit harian 10%",
        'meminta modal atau investasi, atau membayar untuk merekrut orang ("Modal awal")',
        "Analis investasi berpengalaman 2 tahun",
    ),
    (
        "R455",
        "Berangkat ke Malaysia dengan visa turis",
        'bekerja ke luar negeri tanpa visa kerja ("visa turis")',
        "Visa kerja dan izin tinggal diurus P3MI sebelum keberangkatan",
    ),
    (
        "R456",
        "Ke Taiwan tidak perlu lewat Disnaker, berangkat dalam 5 hari",
        'penempatan ke luar negeri tanpa prosedur resmi ("tidak perlu lewat Disnaker")',
        "Ke Taiwan lewat P3MI ber-SIP3MI, orientasi pra pemberangkatan di BP3MI",
    ),
    (
        "R457",
        "Admin online di Kamboja, tiket disediakan",
        'lowongan berpola perdagangan orang untuk penipuan daring ("Kamboja")',
        "Admin online toko daring di Bandung",
    ),
    (
        "R458",
        "Ijazah asli ditahan perusahaan selama kontrak",
        'dokumen pribadi asli ditahan pemberi kerja ("Ijazah asli ditahan")',
        "Ijazah asli diperlihatkan saat verifikasi lalu dikembalikan",
    ),
    (
        "R459",
        "Biaya penempatan dipotong dari gaji 7 bulan",
        'biaya penempatan atau pelatihan dipotong dari gaji ("Biaya penempatan dipotong dari gaji")',
        "Biaya penempatan tidak dibebankan kepada pekerja",
    ),
    (
        "R460",
        "Dijamin lulus lewat jalur orang dalam",
        'menjanjikan pasti diterima ("Dijamin lulus")',
        "Seleksi terbuka dan transparan",
    ),
    (
        "R461",
        "Kirimkan kode OTP yang masuk ke HP Anda",
        'meminta data rahasia atau data bank ("OTP")',
        "Jangan berikan kode OTP kepada siapa pun",
    ),
    (
        "R462",
        "Tidak menerima penyandang disabilitas",
        'menolak penyandang disabilitas ("Tidak menerima penyandang disabilitas")',
        "Terbuka untuk penyandang disabilitas",
    ),
    (
        "W530",
        "Gabung grup Telegram untuk menerima tugas",
        'pelamar diarahkan ke grup obrolan ("Gabung grup Telegram")',
        "Lamar melalui situs karier perusahaan",
    ),
    (
        "W534",
        "Tanpa pengalaman, langsung kerja",
        'tawaran terlalu bagus untuk jadi kenyataan ("Tanpa pengalaman")',
        "Tanpa pengalaman, pelatihan 1 bulan diberikan",
    ),
    (
        "W536",
        "Staf gudang di Malaysia, berangkat minggu ini",
        'tawaran kerja luar negeri dengan tanda risiko ("berangkat minggu ini")',
        "Staf gudang di Malaysia lewat P3MI berizin, berangkat setelah visa kerja terbit",
    ),
    (
        "W535",
        "Rekrutmen BUMN 2026 dibuka",
        'mengaku rekrutmen resmi instansi atau BUMN ("Rekrutmen BUMN")',
        "Vendor resmi untuk proyek BUMN konstruksi",
    ),
    (
        "R403",
        "Pria, maksimal 30 tahun",
        'batas usia ditulis di teks ("maksimal 30 tahun")',
        "Usia minimal 18 tahun sesuai UU Ketenagakerjaan",
    ),
    (
        "R404",
        "Pria, maksimal 30 tahun",
        'syarat jenis kelamin ditulis di teks ("Pria,")',
        "Pria/wanita lulusan SMK",
    ),
]


@pytest.mark.parametrize("code,bad,message,good", RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_rule_reports_the_phrase_at_its_line_and_passes_the_ordinary_wording(tmp_path, code, bad, message, good):
    found = diagnostics(tmp_path / "bad", vacancy((SHIFT, f'  - "{bad}"')))
    assert (37, code, "qualifications[1]", message) in found
    assert diagnostics(tmp_path / "good", vacancy((SHIFT, f'  - "{good}"'))) == []


def test_every_text_rule_has_a_case():
    assert {r.code for r in TEXT_RULES} <= {c[0] for c in RULE_CASES}


def test_every_offending_phrase_is_reported_not_only_the_first(tmp_path):
    text = vacancy((SHIFT, '  - "Berpenampilan menarik, belum menikah, berkulit putih"'))
    messages = [m for _, code, _, m in diagnostics(tmp_path, text) if code == "R402"]
    assert messages == [
        'syarat diskriminatif ("Berpenampilan menarik")',
        'syarat diskriminatif ("belum menikah")',
        'syarat diskriminatif ("berkulit putih")',
    ]


@pytest.mark.parametrize("word", ["Lajang", "Muslim", "Single"])
def test_a_lone_status_or_religion_in_a_list_is_discriminatory(tmp_path, word):
    assert (37, "R402", "qualifications[1]", f'syarat diskriminatif ("{word}")') in diagnostics(
        tmp_path, vacancy((SHIFT, f"  - {word}"))
    )


@pytest.mark.parametrize(
    "text,flagged",
    [
        ("Tanpa tes, cukup bayar biaya proses", True),
        ("Tidak dipungut biaya", False),
        ("Kami tidak meminta biaya apa pun, termasuk biaya seragam", False),
        ("Tidak ada biaya pendaftaran, hanya biaya seragam Rp150.000", True),
        ("Gratis biaya pelatihan. Biaya seragam Rp100.000 dibayar peserta", True),
        ("Biaya pelatihan ditanggung perusahaan", False),
        ("Biaya pelatihan ditanggung peserta sendiri", True),
    ],
)
def test_negation_governs_only_its_own_phrase(text, flagged):
    assert any(code == "R401" for code, _ in check_text(text)) is flagged


@pytest.mark.parametrize(
    "field_old,field_new,line,field",
    [
        ("  name: PT Contoh Uji Manufaktur", "  name: PT Contoh Rekrutmen BUMN Resmi", 7, "employer.name"),
        (
            "  address: Kawasan Industri Contoh Blok A1, Cikarang",
            "  address: Transfer biaya ke rekening panitia di Cikarang",
            14,
            "location.address",
        ),
        ("    - Teknik Mesin", "    - Teknik Mesin (khusus pria)", 28, "education.majors[0]"),
        ("title: Operator Produksi", "title: Operator Produksi Tanpa Syarat", 4, "title"),
    ],
)
def test_every_field_a_job_seeker_reads_is_scanned(tmp_path, field_old, field_new, line, field):
    found = diagnostics(tmp_path, vacancy((field_old, field_new)))
    assert any(d[0] == line and d[2] == field for d in found), found


def test_obfuscated_fee_is_reported_at_its_real_column(tmp_path):
    result = validate_repository(make_repo(tmp_path, {JABAR: vacancy((SHIFT, "  - Bayar b1\u200baya admin dulu"))}))
    (d,) = [d for d in result.diagnostics if d.code == "R401"]
    assert (d.line, d.col) == (37, 5) and "b1aya admin" in d.message


def test_domestic_vacancy_about_going_abroad_is_a_warning(tmp_path):
    found = diagnostics(tmp_path, vacancy((SHIFT, "  - Siap diberangkatkan ke Malaysia")))
    assert (
        37,
        "W532",
        "qualifications[1]",
        'lowongan dalam negeri, tetapi teksnya tentang bekerja ke luar negeri ("diberangkatkan ke Malaysia")',
    ) in found


def test_overseas_vacancy_whose_text_names_another_country_is_a_warning(root, tmp_path):
    text = (root / "content/vacancies/bali/pramusaji-hotel-arab-saudi-contoh-badung.yml").read_text(encoding="utf-8")
    text = text.replace("  - Menata meja", "  - Bersedia ditempatkan di Kamboja bila diperlukan\n  - Menata meja")
    offices = {"disnaker-kabupaten-badung.yml": (root / "content/offices/disnaker-kabupaten-badung.yml").read_text()}
    result = validate_repository(
        make_repo(tmp_path, {"bali/pramusaji-hotel-arab-saudi-contoh-badung.yml": text}, offices)
    )
    assert [d.message for d in result.diagnostics if d.code == "W533"] == [
        "teks menyebut bekerja di negara lain (KH) daripada yang dicatat (SA)"
    ]


def test_office_name_with_a_scam_sign_is_an_error(tmp_path):
    office = TEST_OFFICE.replace(
        "name: Dinas Tenaga Kerja Kabupaten Contoh", "name: Layanan Kerja Jalur Orang Dalam Kabupaten Contoh"
    )
    result = validate_repository(make_repo(tmp_path, {}, {"test-office.yml": office}))
    assert [(d.line, d.code, d.field, d.message) for d in result.diagnostics] == [
        (4, "R463", "name", 'R460: menjanjikan pasti diterima ("Orang Dalam")')
    ]
