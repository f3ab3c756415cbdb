// Antar Kerja: words that change every day, written on the reader's device.
//
// Pages carry dates only ("Tayang 20 November 2026", "Batas lamaran 12 Desember 2026"),
// which stay true whenever the page was built, so the nightly build need not rewrite them.
// This script counts the days from the device's own date, in the wording of
// antarkerja.wording (days_left_text, posted_ago_text):
//   data-hari="tayang"  "Tayang hari ini" / "Tayang kemarin" / "Tayang 5 hari lalu"
//   data-hari="batas"   "Batas lamaran hari ini, 12 Desember 2026" / "... besok, ..." /
//                       "Batas lamaran 12 Desember 2026 (3 hari lagi)"
//   data-hari="sisa"    "(hari terakhir)" / "(3 hari lagi)" after a date on the vacancy page
// The date is the element's data-tanggal, or the datetime of the <time> inside it. A date
// the device already passed says so ("sudah lewat") instead of a count.
(() => {
  const DAY_MS = 86400000;
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());

  // Days from the device's today to an ISO date (YYYY-MM-DD), or null when it is not one.
  const daysUntil = (iso) => {
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!parts) return null;
    return Math.round((Date.UTC(+parts[1], +parts[2] - 1, +parts[3]) - today) / DAY_MS);
  };

  const words = {
    tayang: (days) => {
      if (days > 0) return null; // the device's clock is behind: keep the date
      if (days === 0) return 'Tayang hari ini';
      if (days === -1) return 'Tayang kemarin';
      return `Tayang ${-days} hari lalu`;
    },
    batas: (days, shown) => {
      if (days < 0) return `Batas lamaran sudah lewat (${shown})`;
      if (days === 0) return `Batas lamaran hari ini, ${shown}`;
      if (days === 1) return `Batas lamaran besok, ${shown}`;
      return `Batas lamaran ${shown} (${days} hari lagi)`;
    },
    sisa: (days) => {
      if (days < 0) return '(sudah lewat)';
      if (days === 0) return '(hari terakhir)';
      return `(${days} hari lagi)`;
    },
  };

  for (const element of document.querySelectorAll('[data-hari]')) {
    const say = words[element.getAttribute('data-hari')];
    const time = element.querySelector('time');
    const days = daysUntil(element.getAttribute('data-tanggal') || (time && time.getAttribute('datetime')));
    if (!say || days === null) continue;
    const text = say(days, time ? time.textContent : '');
    if (text !== null) element.textContent = text;
  }
})();
