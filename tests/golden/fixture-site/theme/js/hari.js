// Antar Kerja: words that change every day, written on the reader's device.
//
// Pages carry dates only (when posted, and the deadline),
// which stay true whenever the page was built, so the nightly build need not rewrite them.
// This script counts the days from the device's own date and says them in the wording of
// antarkerja.wording.DAY_WORDS (as days_left_text and posted_ago_text do), which its tag
// carries in data-kata:
//   data-hari="tayang"  posted today, yesterday or n days ago
//   data-hari="batas"   closes today, tomorrow or in n days, the label being the text before
//                       the date (the deadline's one name, antarkerja.wording.DEADLINE)
//   data-hari="sisa"    days left, after a date on the vacancy page
//   data-hari="dicetak" the day a printable notice is printed (the device's today)
// The date is the element's data-tanggal, or the datetime of the <time> inside it. A date
// the device already passed says so instead of a count.
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

  // The words are antarkerja.wording.DAY_WORDS, from this script's tag (data-kata); without
  // them the page keeps its dates, which are true anyway.
  const script = document.currentScript;
  let kata;
  try { kata = JSON.parse((script && script.getAttribute('data-kata')) || ''); } catch { return; }
  const fill = (key, values) => kata[key].replace(/\{(\w+)\}/g, (whole, name) => String(values[name]));

  const words = {
    tayang: (days) => {
      if (days > 0) return null; // the device's clock is behind: keep the date
      if (days === 0) return fill('postedToday', {});
      if (days === -1) return fill('postedYesterday', {});
      return fill('postedAgo', { n: -days });
    },
    batas: (days, shown, label) => {
      const values = { label: label, date: shown, n: days };
      if (days < 0) return fill('closesPast', values);
      if (days === 0) return fill('closesToday', values);
      if (days === 1) return fill('closesTomorrow', values);
      return fill('closesIn', values);
    },
    sisa: (days) => {
      if (days < 0) return fill('leftPast', {});
      if (days === 0) return fill('leftLast', {});
      return fill('leftIn', { n: days });
    },
  };

  // A printed notice: the day it is printed, in the device's Indonesian date format.
  for (const element of document.querySelectorAll('[data-hari="dicetak"]')) {
    const shown = now.toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric' });
    element.textContent = fill('printed', { date: shown });
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
