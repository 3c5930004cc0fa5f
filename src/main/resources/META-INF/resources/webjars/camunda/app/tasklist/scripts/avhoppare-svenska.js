/*
 * Tasklist as a Swedish caseworker meets it. Loaded by config.js (customScripts) before any form
 * is rendered. Camunda 7.24's Tasklist bundles form-js 1.x, which has no i18n and no date-format
 * option, and has one bug that makes a form with a dynamic list impossible to complete. This
 * script, and nothing else, adapts them:
 *
 * 1. Dynamic lists: form-js records a field's errors under [fieldId, rowIndex]; when the row's
 *    value becomes valid it deletes only the leaf, leaving errors = {Field_x: [null]}. Tasklist
 *    greys out "Slutför" whenever Object.keys(errors) is not empty, so after the first touch of a
 *    field in a list the task can never be completed. We prune empty branches from the form's
 *    error state (rows keep their index: a list becomes an object keyed by row number).
 * 2. Dates: form-js derives the date picker's format from the browser's locale
 *    (new Intl.DateTimeFormat("default")), so an en-US browser shows and parses mm/dd/yyyy. That
 *    one call is answered as Swedish (yyyy-MM-dd); the stored value is ISO yyyy-mm-dd anyway.
 * 3. form-js's own texts (Select, Search, Add new, validation messages, …) are translated where
 *    they are rendered (MutationObserver), as the bundle has no translation hook.
 * 4. Error notices: the engine wraps the server's Swedish refusal in "Cannot submit task form …:"
 *    or "Cannot instantiate process definition …:"; only the server's own message is shown.
 */

// --- 2. dates: only the locale-less "default" form-js asks for, nothing else changes
(function swedishDefaultDateFormat() {
  const Original = Intl.DateTimeFormat;
  if (Original.__avhoppare) {
    return;
  }
  function DateTimeFormat(locales, options) {
    const locale = locales === 'default' ? 'sv-SE' : locales;
    return new Original(locale, options);
  }
  DateTimeFormat.prototype = Original.prototype;
  DateTimeFormat.supportedLocalesOf = Original.supportedLocalesOf.bind(Original);
  DateTimeFormat.__avhoppare = true;
  Intl.DateTimeFormat = DateTimeFormat;
})();

// --- 1. form-js error state without empty branches
function pruneErrors(value) {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (Array.isArray(value)) {
    if (value.length && value.every(item => typeof item === 'string')) {
      return value; // a field's list of messages
    }
    if (!value.length) {
      return undefined;
    }
    const rows = {};
    value.forEach((item, index) => {
      const pruned = pruneErrors(item);
      if (pruned !== undefined) {
        rows[index] = pruned;
      }
    });
    return Object.keys(rows).length ? rows : undefined;
  }
  if (typeof value === 'object') {
    const result = {};
    Object.keys(value).forEach(key => {
      const pruned = pruneErrors(value[key]);
      if (pruned !== undefined) {
        result[key] = pruned;
      }
    });
    return Object.keys(result).length ? result : undefined;
  }
  return value;
}

function isFormJsForm(candidate) {
  return typeof candidate === 'function' && candidate.prototype
    && typeof candidate.prototype._setState === 'function'
    && typeof candidate.prototype.importSchema === 'function'
    && typeof candidate.prototype.validate === 'function';
}

function hookIntoBundle() {
  const chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
  chunks.push([['avhoppare-svenska'], {}, require => {
    // the form-js package Tasklist imports (module 57661 in 7.24.0); otherwise the module that
    // defines form-js's Form (found by its source), so a rebuilt bundle is still handled
    const forms = new Set();
    const consider = id => {
      try {
        const exports = require(id);
        if (exports && isFormJsForm(exports.Form)) {
          forms.add(exports.Form);
        }
      } catch (e) {
        // not loadable on its own: not ours
      }
    };
    if (require.m && require.m[57661]) {
      consider(57661);
    }
    if (!forms.size) {
      Object.keys(require.m || {}).forEach(id => {
        const source = String(require.m[id]);
        if (source.includes('validateFieldInstance') && source.includes('importSchema')) {
          consider(id);
        }
      });
    }
    if (!forms.size) {
      console.warn('avhoppare-svenska: form-js Form not found; dynamic lists may block "Slutför"');
    }
    swedishDatePicker(require);
    forms.forEach(Form => {
      if (Form.prototype._setState.__avhoppare) {
        return;
      }
      const setState = Form.prototype._setState;
      const patched = function (state) {
        if (state && 'errors' in state) {
          state = Object.assign({}, state, { errors: pruneErrors(state.errors) || {} });
        }
        return setState.call(this, state);
      };
      patched.__avhoppare = true;
      Form.prototype._setState = patched;
    });
  }]);
}

// --- 2b. the date picker's calendar (flatpickr, bundled with form-js) in Swedish, weeks from Monday
const SV_FLATPICKR = {
  weekdays: {
    shorthand: ['sön', 'mån', 'tis', 'ons', 'tor', 'fre', 'lör'],
    longhand: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag']
  },
  months: {
    shorthand: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    longhand: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
      'oktober', 'november', 'december']
  },
  firstDayOfWeek: 1,
  ordinal: () => '.',
  rangeSeparator: ' till ',
  weekAbbreviation: 'v.',
  scrollTitle: 'Skrolla för att ändra',
  toggleTitle: 'Klicka för att växla',
  time_24hr: true
};

function swedishDatePicker(require) {
  Object.keys(require.m || {}).forEach(id => {
    const source = String(require.m[id]);
    if (!source.includes('flatpickr') || !source.includes('.localize=function')) {
      return;
    }
    try {
      const exported = require(id);
      const flatpickr = exported && typeof exported.localize === 'function' ? exported : exported && exported.default;
      if (flatpickr && typeof flatpickr.localize === 'function') {
        flatpickr.localize(SV_FLATPICKR);
      }
    } catch (e) {
      // not the date picker
    }
  });
}

// --- 3 and 4. texts
const EXACT = {
  'Select': 'Välj',
  'Search': 'Sök',
  'Add new': 'Lägg till',
  'Collapse': 'Fäll ihop',
  'No results': 'Inga träffar',
  'Nothing to show.': 'Inget att visa.',
  'Field is required.': 'Fältet måste fyllas i.',
  'Field must be a valid email.': 'Ange en giltig e-postadress.',
  'Value is not a number.': 'Värdet är inte ett tal.',
  'Value is expected to be an integer.': 'Värdet måste vara ett heltal.',
  'Date and time must both be entered.': 'Både datum och tid måste anges.',
  'Increment': 'Öka',
  'Decrement': 'Minska',
  'Remove tag': 'Ta bort',
  'Next page': 'Nästa sida',
  'Previous page': 'Föregående sida',
  'yyyy-mm-dd': 'ÅÅÅÅ-MM-DD',
  'hh:mm': 'tt:mm'
};

const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, 'Fältet måste ha minst $1 tecken.'],
  [/^Field must have maximum length of (\d+)\.$/, 'Fältet får ha högst $1 tecken.'],
  [/^Field must have minimum value of (-?[\d.]+)\.$/, 'Värdet måste vara minst $1.'],
  [/^Field must have maximum value of (-?[\d.]+)\.$/, 'Värdet får vara högst $1.'],
  [/^Field must match pattern .*$/, 'Fältet har inte rätt format.'],
  [/^Field must be a valid\s+international phone number.*$/, 'Ange ett giltigt telefonnummer med landsnummer (t.ex. +46…).'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'Värdet får ha högst $1 decimaler.'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, 'Välj ett giltigt värde; de två närmaste är $1 och $2.'],
  [/^Expand all \((\d+)\)$/, 'Visa alla ($1)'],
  [/^Remove list item (\d+)$/, 'Ta bort rad $1']
];

// the engine's English wrapping of the server's (Swedish) message
// (ids contain colons, e.g. arende:1:0999ac70-…, but no spaces: the prefix ends at the first ": ")
const ENGINE_PREFIXES = [
  /^Cannot submit task form \S+:\s*/,
  /^Cannot instantiate process definition \S+:\s*/,
  /^Cannot submit form \S+:\s*/,
  /^Cannot complete task \S+:\s*/,
  /^Cannot start process instance[^:]*:\s*/
];

export function svenska(text) {
  if (typeof text !== 'string') {
    return text;
  }
  const trimmed = text.trim();
  if (!trimmed) {
    return text;
  }
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return text.replace(trimmed, EXACT[trimmed]);
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, replacement));
    }
  }
  return text;
}

export function utanMotorprefix(text) {
  let result = text;
  ENGINE_PREFIXES.forEach(prefix => {
    result = result.replace(prefix, '');
  });
  return result;
}

const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

function translateElement(element) {
  ATTRIBUTES.forEach(name => {
    const value = element.getAttribute && element.getAttribute(name);
    if (value) {
      const translated = svenska(value);
      if (translated !== value) {
        element.setAttribute(name, translated);
      }
    }
  });
}

function inFormJs(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest && element.closest('.fjs-container, .flatpickr-calendar'));
}

function inNotification(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest && element.closest('.page-notifications, [cam-notifications-panel], .notifications'));
}

function translateTextNode(node) {
  let value = node.nodeValue;
  if (inNotification(node)) {
    const stripped = utanMotorprefix(value);
    if (stripped !== value) {
      node.nodeValue = stripped;
    }
    return;
  }
  if (inFormJs(node)) {
    const translated = svenska(value);
    if (translated !== value) {
      node.nodeValue = translated;
    }
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateTextNode(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (inFormJs(root)) {
    translateElement(root);
    root.querySelectorAll('[placeholder], [aria-label], [title]').forEach(translateElement);
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateTextNode(node);
  }
}

function observe() {
  translateTree(document.body);
  new MutationObserver(mutations => {
    mutations.forEach(mutation => {
      if (mutation.type === 'characterData') {
        translateTextNode(mutation.target);
      } else if (mutation.type === 'attributes') {
        if (inFormJs(mutation.target)) {
          translateElement(mutation.target);
        }
      } else {
        mutation.addedNodes.forEach(translateTree);
      }
    });
  }).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
}

// after every declaration above: the bundle's callback runs synchronously and uses them
hookIntoBundle();

if (document.body) {
  observe();
} else {
  document.addEventListener('DOMContentLoaded', observe);
}
