/*
 * Managers' overview on Cockpit's dashboard (plugin point cockpit.dashboard), in Swedish: per
 * agreement version, sent and received per municipality against the quota, the balance from each
 * municipality to each other, assignments running / ended / in preparation, and the confirmed §8
 * reconciliations. Aggregate figures only, read from /api/oversikt with the Cockpit session (the
 * server answers only managers and administrators). Built with DOM nodes and textContent: no value
 * is ever parsed as HTML.
 */
const KOMMUNNAMN = {};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach((c) => node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c));
  return node;
}

function tabell(rubriker, rader, klass) {
  return el('table', { class: 'table table-condensed avhoppare-oversikt-' + klass },
    el('thead', {}, el('tr', {}, ...rubriker.map((r) => el('th', {}, r)))),
    el('tbody', {}, ...rader.map((rad) => el('tr', {}, ...rad.map((c) => el('td', {}, c))))));
}

const kronor = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' });
const namn = (id) => KOMMUNNAMN[id] || id || '–';

function version(v) {
  v.kommuner.forEach((k) => { KOMMUNNAMN[k.kommun] = k.namn; });
  const del = el('section', { class: 'avhoppare-oversikt-version', 'data-version': v.id });
  del.appendChild(el('h4', {}, `${v.namn} (${v.start} – ${v.slut})`));
  del.appendChild(el('p', {}, `Kvot per kommun (en målsättning, § 4): högst ${v.kvot.skickade} skickade och ${v.kvot.mottagna} mottagna ärenden.`));
  del.appendChild(tabell(['Kommun', 'Skickade', 'Mottagna', 'Avtalet upphör (§ 11)'], v.kommuner.map((k) => [
    k.namn,
    `${k.skickade} av ${v.kvot.skickade}${k.skickadeOverKvot ? ' (över kvoten)' : ''}`,
    `${k.mottagna} av ${v.kvot.mottagna}${k.mottagnaOverKvot ? ' (över kvoten)' : ''}`,
    k.avtaletUpphorFor ? `efter ${k.avtaletUpphorFor}` : '–',
  ]), 'kvot'));
  const kommuner = v.kommuner.map((k) => k.kommun);
  del.appendChild(el('h5', {}, 'Balans: uppdrag från hemkommun (rad) till mottagande kommun (kolumn)'));
  del.appendChild(tabell(['Från \\ till', ...kommuner.map(namn)], kommuner.map((fran) => [namn(fran), ...kommuner.map((till) => {
    if (fran === till) return '–';
    const b = v.balans.find((x) => x.fran === fran && x.till === till);
    return String(b ? b.antal : 0);
  })]), 'balans'));
  del.appendChild(el('p', { class: 'avhoppare-oversikt-uppdrag' },
    `Uppdrag: ${v.uppdrag.pagaende} pågående, ${v.uppdrag.avslutade} avslutade, ${v.uppdrag.underForberedelse} under förberedelse.`));
  del.appendChild(el('h5', {}, 'Fastställda avstämningar av kostnadsutfall (§ 8)'));
  if (v.avstamningar.length === 0) {
    del.appendChild(el('p', {}, 'Inga fastställda avstämningar ännu.'));
  } else {
    del.appendChild(tabell(['Period', 'Kommuner', 'Burna kostnader', 'Utjämning', 'Fastställd'], v.avstamningar.map((a) => [
      `${a.periodStart} – ${a.periodSlut}`,
      `${namn(a.kommunA)} och ${namn(a.kommunB)}`,
      `${namn(a.kommunA)} ${kronor.format(a.kostnadA)}, ${namn(a.kommunB)} ${kronor.format(a.kostnadB)}`,
      a.betalare ? `${namn(a.betalare)} betalar ${kronor.format(a.utjamning)} till ${namn(a.mottagare)}` : 'Ingen',
      a.faststalld,
    ]), 'avstamning'));
  }
  return del;
}

export default {
  id: 'avhoppare.oversikt',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node) => {
    const ruta = el('div', { class: 'avhoppare-oversikt' }, el('h3', {}, 'Översikt för samordnare: kvot, balans och avstämningar'));
    node.appendChild(ruta);
    const status = el('p', {}, 'Hämtar översikten …');
    ruta.appendChild(status);
    fetch('/api/oversikt', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((svar) => {
        if (svar.status === 403 || svar.status === 401) {
          throw new Error('Översikten visas för samordnare/chefer och administratörer.');
        }
        if (!svar.ok) {
          throw new Error('Översikten kunde inte hämtas (' + svar.status + ').');
        }
        return svar.json();
      })
      .then((data) => {
        ruta.removeChild(status);
        data.avtalsversioner.forEach((v) => ruta.appendChild(version(v)));
        ruta.appendChild(el('p', {}, el('a', { href: '/api/oversikt.csv', download: 'oversikt.csv' }, 'Ladda ner siffrorna som CSV')));
      })
      .catch((fel) => { status.textContent = fel.message; });
  },
};
