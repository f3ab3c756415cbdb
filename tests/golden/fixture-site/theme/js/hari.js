// Antar Kerja: words that change every day, written on the reader's device.
//
// Pages carry dates only ("Tayang <date>", "<deadline> <date>"),
// which stay true whenever the page was built, so the nightly build need not rewrite them.
// This script counts the days from the device's own date, in the wording of
// antarkerja.wording (days_left_text, posted_ago_text):
//   data-hari="tayang"  "Tayang hari ini" / "Tayang kemarin" / "Tayang 5 hari lalu"
//   data-hari="batas"   "<label> hari ini, <date>" / "<label> besok, ..." /
//                       "<label> <date> (3 hari lagi)", the label being the text
//                       before the date (the deadline's one name, antarkerja.wording.DEADLINE)
//   data-hari="sisa"    "(hari terakhir)" / "(3 hari lagi)" after a date on the vacancy page
//   data-hari="dicetak" "Dicetak <date>. " on a printable notice (the device's today)
// The date is the element's data-tanggal, or the datetime of the <time> inside it. A date
// the device already passed says so ("sudah lewat") instead of a count.
(() => {
  'use strict';
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
    batas: (days, shown, label) => {
      if (days < 0) return `${label} sudah lewat (${shown})`;
      if (days === 0) return `${label} hari ini, ${shown}`;
      if (days === 1) return `${label} besok, ${shown}`;
      return `${label} ${shown} (${days} hari lagi)`;
    },
    sisa: (days) => {
      if (days < 0) return '(sudah lewat)';
      if (days === 0) return '(hari terakhir)';
      return `(${days} hari lagi)`;
    },
  };

  // A printed notice: the day it is printed, in the device's Indonesian date format.
  for (const element of document.querySelectorAll('[data-hari="dicetak"]')) {
    const shown = now.toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric' });
    element.textContent = `Dicetak ${shown}. `;
  }

  for (const element of document.querySelectorAll('[data-hari]')) {
    const say = words[element.getAttribute('data-hari')];
    const time = element.querySelector('time');
    const days = daysUntil(element.getAttribute('data-tanggal') || (time && time.getAttribute('datetime')));
    if (!say || days === null) continue;
    // The label is the page's own text before the date (antarkerja.wording.DEADLINE on cards).
    const label = time && time.previousSibling ? time.previousSibling.textContent.trim() : '';
    const text = say(days, time ? time.textContent : '', label);
    if (text !== null) element.textContent = text;
  }
})();
