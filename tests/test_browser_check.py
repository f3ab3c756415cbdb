"""The public "Cek lowongan" checker in a real browser (Debian's Chromium) on a 360×740 phone.

* The in-browser checker and the Python validator give the same findings for every text of
  the trust corpus (one source of rules: cek-lowongan/aturan.json).
* A visitor pastes a scam text and a legitimate one and sees the right verdicts, pastes a
  vacancy link and sees it matched (open, with the verifying office), pastes a message
  without link or id and sees it matched by the employer's name and the title (or "no
  match"); no request carries the pasted text or its words; axe-core finds no violation;
  after a first visit it works offline.
"""

from __future__ import annotations

import json
import re

import pytest
from support import AXE_OPTIONS, SCAM, no_sideways_scroll, run_check

from antarkerja.records.rules.scams import check_text
from antarkerja.tools.trust import TextValidator, load_all

pytestmark = pytest.mark.browser

VACANCY_ID = "operator-produksi-bekasi"  # open on the fixture site
LEGIT = "Operator produksi PKWT 12 bulan. Pelatihan dan seragam disediakan perusahaan, tidak dipungut biaya."


@pytest.fixture
def check_page(phone, fixture_server):
    requests = []
    phone.on("request", lambda r: requests.append((r.url, r.post_data or "")))
    phone.goto(fixture_server + "/cek-lowongan/")
    phone.wait_for_selector("#cek-form:not([hidden])")
    phone.requests = requests
    return phone


def test_browser_and_validator_agree_on_every_corpus_text(check_page, root):
    texts = [t["text"] for t in load_all(root)]
    in_browser = check_page.evaluate("texts => Promise.all(texts.map(t => window.antarKerjaCek(t)))", texts)
    validator = TextValidator(root)
    for text, browser_found in zip(texts, in_browser, strict=True):
        python_found = [list(f) for f in check_text(text)]
        assert browser_found == python_found, text
        assert sorted({c for c, _ in browser_found}) == validator.codes(text), text


def test_obfuscated_text_reads_the_same_in_both(check_page):
    texts = [
        "Ｂｉａｙａ ｐｅｎｄａｆｔａｒａｎ 🔥 Rp50rb",
        "b\u200bіaya admin, kirim 0TP",
        "🔥🔥 Wajib b1aya pr0ses 🔥",
    ]
    in_browser = check_page.evaluate("texts => Promise.all(texts.map(t => window.antarKerjaCek(t)))", texts)
    assert in_browser == [[list(f) for f in check_text(t)] for t in texts]
    assert all(in_browser)


def test_phone_visitor_checks_a_scam_a_real_ad_and_a_vacancy_link(check_page, fixture_server):
    page = check_page
    assert no_sideways_scroll(page)
    assert "tidak dikirim ke mana pun" in page.inner_text(".cek-privasi")

    assert run_check(page, SCAM) == "bahaya"
    codes = page.eval_on_selector_all(".cek-temuan li", "items => items.map(li => li.dataset.code)")
    assert {"R401", "R457", "R461"} <= set(codes)
    assert "Yang sebaiknya dilakukan: Jangan membayar apa pun" in page.inner_text(".cek-temuan")
    assert no_sideways_scroll(page)

    # An honest-looking text this site does not know is never called safe.
    assert run_check(page, LEGIT) == "tidak-dikenal"
    assert "kami tidak bisa menjamin" in page.inner_text("#cek-vonis")
    assert page.locator(".cek-aman").count() == 0

    assert run_check(page, f"Apakah ini asli? {fixture_server}/lowongan/{VACANCY_ID}/") == "cocok"
    match = page.locator(f"[data-match='{VACANCY_ID}']")
    assert "Terverifikasi di situs ini" in match.inner_text()
    assert "Masih dibuka sampai" in match.inner_text()
    assert page.locator(".cek-cocok a[href$='/lowongan/operator-produksi-bekasi/']").count() == 1

    run_check(page, f"Nomor lowongan: {VACANCY_ID}")  # the number alone, as an officer reads it out
    assert "Terverifikasi di situs ini" in page.locator(f"[data-match='{VACANCY_ID}']").inner_text()

    run_check(page, "lowongan-yang-tidak-ada-di-sini")
    assert "tidak ada di situs ini" in page.inner_text(".cek-cocok")

    for url, body in page.requests:
        for pasted in (SCAM, LEGIT, "Kamboja", "biaya", VACANCY_ID, "tidak-ada"):
            assert pasted.lower() not in (url + body).lower(), url
    assert any(url.endswith("/cek-lowongan/aturan.json") for url, _ in page.requests)


# WhatsApp-style texts without a link or vacancy id: matched by the employer's name and the title.
BY_WORDING = (
    "*INFO LOKER CIKARANG*\nPT. Uji Manufaktur Nusantara membuka lowongan Operator Produksi, 15 orang.\n"
    "Gaji Rp 4.500.000 - 5.200.000, kerja 3 shift. Lamaran dibawa langsung ke kawasan industri."
)
CLOSED_BY_WORDING = "Dicari staf gudang untuk PT Uji Logistik Cepat di Bekasi. Hubungi HRD."
DIFFERS = (
    "PT Uji Manufaktur Nusantara butuh operator produksi. Gaji 12 juta per bulan, transfer biaya seragam Rp 250.000."
)
UNKNOWN = "PT Sinar Palsu Abadi membuka lowongan operator produksi. Gaji 5 juta, kirim CV ke WA."


def test_phone_visitor_pastes_a_message_without_link_and_sees_the_verified_vacancy(check_page):
    page = check_page
    assert "hash" in page.text_content(".cek-privasi")  # the page says what it downloads (one tap away)

    run_check(page, BY_WORDING)
    match = page.locator(".cek-cocok [data-match='operator-produksi-bekasi']")
    assert "Mirip lowongan terverifikasi di situs ini" in match.inner_text()
    assert "PT Uji Manufaktur Nusantara" in match.inner_text()
    assert "Masih dibuka sampai 15 Januari 2027" in match.inner_text()
    assert match.locator("a").get_attribute("href").endswith("/lowongan/operator-produksi-bekasi/")
    assert page.locator(".cek-beda").count() == 0  # same salary, no fee
    assert no_sideways_scroll(page)

    assert run_check(page, CLOSED_BY_WORDING) == "cocok-tutup"
    closed = page.locator(".cek-cocok [data-match='staf-gudang-ditutup-bekasi']")
    assert "Sudah ditutup" in closed.inner_text()

    assert run_check(page, DIFFERS) == "bahaya"
    assert page.locator(".cek-cocok [data-match='operator-produksi-bekasi']").count() == 1
    salary = page.inner_text(".cek-beda[data-differs='gaji']")
    assert "Rp 12.000.000" in salary and "Rp 4.500.000 – 5.200.000 per bulan" in salary
    assert "meminta uang" in page.inner_text(".cek-beda[data-differs='biaya']")

    run_check(page, UNKNOWN)
    assert "Tidak ada nama pemberi kerja di pesan ini yang cocok" in page.inner_text(".cek-cocok [data-no-match]")
    assert page.locator(".cek-cocok [data-match]").count() == 0

    name_requests = [url for url, _ in page.requests if "/cek-lowongan/nama/" in url]
    assert name_requests and all(re.search(r"/cek-lowongan/nama/\d+\.json$", url) for url in name_requests)
    for url, body in page.requests:
        for text in (BY_WORDING, CLOSED_BY_WORDING, DIFFERS, UNKNOWN):
            for word in re.findall(r"\w{4,}", text.lower()):
                if word not in ("lowongan",):  # the checker's own path, cek-lowongan/
                    assert word not in (url + body).lower(), (word, url)


def test_check_page_has_no_accessibility_violation_with_results(check_page):
    from axe_playwright_python.sync_playwright import Axe

    for text in (SCAM, DIFFERS):  # warning signs; a match by wording with its differences
        run_check(check_page, text)
        results = Axe().run(check_page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()


def test_checker_works_offline_after_a_first_visit(check_page, fixture_server):
    page = check_page
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now controlled by the worker
    page.wait_for_selector("#cek-form:not([hidden])")
    page.context.set_offline(True)
    try:
        page.reload()
        page.wait_for_selector("#cek-form:not([hidden])")
        assert run_check(page, SCAM) == "bahaya"
    finally:
        page.context.set_offline(False)


def test_offline_a_link_checked_before_still_matches_and_a_new_one_needs_a_connection(check_page, fixture_server):
    """Offline the rules still run; matching reads what this phone fetched before, and says
    when it cannot (never a false "not on this site")."""
    page = check_page
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now controlled by the worker
    page.wait_for_selector("#cek-form:not([hidden])")
    link = f"Apakah ini asli? {fixture_server}/lowongan/{VACANCY_ID}/ Transfer biaya admin Rp 100.000"
    page.context.set_offline(True)
    try:
        assert run_check(page, link) == "bahaya"  # the index was never fetched on this phone
        assert "perlu sambungan internet" in page.inner_text(".cek-cocok [data-no-match='luring']")
        assert page.locator(".cek-cocok [data-match]").count() == 0
        assert "tidak ada di situs ini" not in page.inner_text("#cek-hasil")

        page.context.set_offline(False)
        run_check(page, link)
        assert page.locator(f".cek-cocok [data-match='{VACANCY_ID}']").count() == 1
        page.context.set_offline(True)
        run_check(page, link)  # the phone kept what it fetched
        assert page.locator(f".cek-cocok [data-match='{VACANCY_ID}']").count() == 1
        assert page.locator("[data-no-match='luring']").count() == 0
    finally:
        page.context.set_offline(False)


def test_rules_file_names_validator_only_rules(fixture_site):
    data = json.loads((fixture_site / "cek-lowongan" / "aturan.json").read_text(encoding="utf-8"))
    assert {r["code"] for r in data["validatorOnly"]} == {"W532", "W533"}
    assert {"R401", "R402", "R403", "R404", "R457"} <= {r["code"] for r in data["rules"]}


@pytest.mark.parametrize(
    "page", ["index.html", "lowongan/operator-produksi-bekasi/index.html", "waspada-lowongan-palsu/index.html"]
)
def test_home_vacancy_and_scam_page_link_to_the_checker(fixture_site, page):
    html = (fixture_site / page).read_text(encoding="utf-8")
    assert 'href="/cek-lowongan/"' in html or 'href="../cek-lowongan/"' in html


CAMBODIA = "Lowongan admin di Kamboja, gaji 15 juta, tiket dan visa ditanggung, hubungi WA 08xx-xxxx-xxxx"
HR_BAIT = (
    "Halo kak, saya HR dari toko online. Kerja paruh waktu, pendatang baru langsung dapat Rp 30.000. Tertarik? Balas 1"
)


def test_first_screen_of_a_phone_shows_the_text_box_and_privacy_is_one_tap_away(check_page):
    page = check_page
    box = page.locator("#cek-teks").bounding_box()
    assert box["y"] + box["height"] <= 740, box  # the whole box on the first screen at 360x740
    details = page.locator("details.cek-privasi")
    assert details.get_attribute("open") is None
    assert "Teks Anda tidak dikirim ke mana pun" in details.locator("summary").inner_text()
    assert not page.locator("details.cek-privasi p").first.is_visible()
    details.locator("summary").click()
    assert page.locator("details.cek-privasi p").first.is_visible()
    assert "hash" in page.inner_text(".cek-privasi")


def test_the_cambodia_admin_bait_is_flagged_and_gets_the_legal_procedure(check_page):
    page = check_page
    assert run_check(page, CAMBODIA) == "bahaya"
    codes = set(page.eval_on_selector_all(".cek-temuan li", "items => items.map(li => li.dataset.code)"))
    assert {"R457", "W536"} <= codes
    akan = page.inner_text("#cek-akan")
    for step in ("SISKOP2MI", "job order", "visa kerja", "Disnaker", "BP3MI"):
        assert step in akan
    assert page.get_attribute("#cek-akan [data-no-scheme]", "data-no-scheme") == "Kamboja"
    assert no_sideways_scroll(page)
    assert run_check(page, HR_BAIT) == "bahaya"


VERDICTS_JS = """async texts => {
  const box = document.getElementById("cek-teks"), out = [];
  for (const text of texts) {
    box.value = text;
    document.getElementById("cek-periksa").click();
    let vonis = null;
    for (let i = 0; i < 400 && !vonis; i++) {
      await new Promise(r => setTimeout(r, 10));
      vonis = document.getElementById("cek-vonis");
    }
    out.push({
      verdict: vonis && vonis.dataset.verdict,
      green: !!document.querySelector("#cek-hasil .cek-aman"),
      matched: !!document.querySelector("#cek-hasil [data-match]"),
      akan: !!document.getElementById("cek-akan"),
    });
  }
  return out;
}"""


def test_no_corpus_text_unmatched_here_is_reassured_and_every_offer_abroad_gets_the_procedure(check_page, root):
    """Every text of the trust corpus pasted on a 360x740 phone, as a visitor would."""
    from antarkerja.records.rules.scams import overseas_offer

    texts = [t["text"] for t in load_all(root)]
    seen = check_page.evaluate(VERDICTS_JS, texts)
    abroad = 0
    for text, shown in zip(texts, seen, strict=True):
        assert shown["verdict"], text
        if not shown["matched"]:
            assert shown["verdict"] in ("bahaya", "waspada", "tidak-dikenal") and not shown["green"], text
            if overseas_offer(text)["abroad"]:
                abroad += 1
                assert shown["akan"], text
    assert abroad >= 30
