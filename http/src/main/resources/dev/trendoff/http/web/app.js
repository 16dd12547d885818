// trendoff's page: the form, autocomplete, the chart (plain SVG), the table and the live switch.
// The API it calls is docs/http.md; the JSON it draws is docs/compare.md '--json'.
'use strict';

const MAX_USERS = 8;
const SVG = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);
const state = { stream: null, last: null, updates: 0 };

// ---------------------------------------------------------------- the form and the address

function userInputs() {
  return Array.from(document.querySelectorAll('#user-fields input'));
}

function addUserField(value) {
  if (userInputs().length >= MAX_USERS) {
    return null;
  }
  const box = document.createElement('div');
  box.className = 'user';
  const input = document.createElement('input');
  input.name = 'user';
  input.value = value || '';
  input.placeholder = userInputs().length === 0 ? 'first user' : 'another user';
  input.setAttribute('aria-label', 'user ' + (userInputs().length + 1));
  input.spellcheck = false;
  const list = document.createElement('ul');
  list.className = 'suggestions';
  list.hidden = true;
  box.append(input, list);
  if (userInputs().length >= 2) {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = '\u00d7';
    remove.title = 'remove this user';
    remove.addEventListener('click', () => box.remove());
    box.append(remove);
  }
  $('user-fields').append(box);
  autocomplete(input, list);
  return input;
}

/** The API's query string of the form: users, rank, top, and the prior for rank distinctive. */
function queryString() {
  const q = new URLSearchParams();
  q.set('users', userInputs().map((i) => i.value.trim()).filter((v) => v !== '').join(','));
  q.set('rank', $('rank').value);
  q.set('top', $('top').value.trim() || '20');
  if ($('rank').value === 'distinctive') {
    q.set('prior', $('prior').value);
    q.set('prior_size', $('prior-size').value.trim() || '1000');
  }
  return q.toString();
}

/** The form from the address (a shared link), or two empty users. */
function fromAddress() {
  const q = new URLSearchParams(window.location.search);
  const users = (q.get('users') || '').split(',').map((u) => u.trim()).filter((u) => u !== '');
  users.slice(0, MAX_USERS).forEach((u) => addUserField(u));
  while (userInputs().length < 2) {
    addUserField('');
  }
  if (q.get('rank')) $('rank').value = q.get('rank');
  if (q.get('top')) $('top').value = q.get('top');
  if (q.get('prior')) $('prior').value = q.get('prior');
  if (q.get('prior_size')) $('prior-size').value = q.get('prior_size');
  if (q.get('measure')) $('measure').value = q.get('measure');
  $('live').checked = q.get('live') === '1';
  showPrior();
  return users.length >= 2;
}

/** The address says what is shown, so that it can be shared. */
function toAddress() {
  const q = new URLSearchParams(queryString());
  if ($('measure').value !== 'counts') q.set('measure', $('measure').value);
  if ($('live').checked) q.set('live', '1');
  history.replaceState(null, '', '?' + q.toString());
}

function showPrior() {
  $('query').classList.toggle('distinctive', $('rank').value === 'distinctive');
}

// ---------------------------------------------------------------- autocomplete

function autocomplete(input, list) {
  let timer = null;
  let active = -1;
  let asked = 0;

  const close = () => { list.hidden = true; list.replaceChildren(); active = -1; };
  const pick = (name) => { input.value = name; close(); };
  const mark = () => Array.from(list.children).forEach((li, i) => li.classList.toggle('active', i === active));

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (prefix === '') {
      close();
      return;
    }
    timer = setTimeout(async () => {
      const mine = ++asked;
      const r = await fetch('api/users?' + new URLSearchParams({ prefix, limit: '8' }));
      if (!r.ok || mine !== asked) return;
      const names = (await r.json()).users.filter((n) => n !== prefix.toLowerCase());
      list.replaceChildren(...names.map((n) => {
        const li = document.createElement('li');
        li.textContent = n;
        li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(n); });
        return li;
      }));
      active = -1;
      list.hidden = names.length === 0;
    }, 120);
  });
  input.addEventListener('keydown', (e) => {
    const n = list.children.length;
    if (list.hidden || n === 0) return;
    if (e.key === 'ArrowDown') { active = (active + 1) % n; mark(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { active = (active - 1 + n) % n; mark(); e.preventDefault(); }
    else if (e.key === 'Enter' && active >= 0) { pick(list.children[active].textContent); e.preventDefault(); }
    else if (e.key === 'Escape') { close(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

// ---------------------------------------------------------------- asking

function say(text, isError) {
  const m = $('message');
  m.replaceChildren(document.createTextNode(text));
  m.classList.toggle('error', !!isError);
}

/** An error answer: its message, and the nearest known names as buttons that fill them in. */
function sayError(err) {
  say(err.message || 'the server could not answer', true);
  if (err.error === 'unknown_user' && err.nearest) {
    for (const [unknown, names] of Object.entries(err.nearest)) {
      for (const name of names) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'suggestion';
        b.textContent = name;
        b.title = 'use ' + name + ' instead of ' + unknown;
        b.addEventListener('click', () => {
          const input = userInputs().find((i) => i.value.trim().replace(/^@/, '').toLowerCase() === unknown);
          if (input) input.value = name;
          run();
        });
        $('message').append(b);
      }
    }
  }
}

function stopStream() {
  if (state.stream) {
    state.stream.close();
    state.stream = null;
  }
  $('live-status').textContent = '';
}

async function run() {
  stopStream();
  showPrior();
  toAddress();
  const qs = queryString();
  state.last = null;
  say('asking ...');
  let r;
  try {
    r = await fetch('api/compare?' + qs);
  } catch (e) {
    say('the server cannot be reached: ' + e.message, true);
    return;
  }
  const body = await r.json();
  if (!r.ok) {
    $('answer').hidden = true;
    sayError(body);
    return;
  }
  say('');
  render(body, qs);
  if ($('live').checked) {
    follow(qs);
  }
}

/** Follows the event stream of the question: each event is the whole answer, drawn again. */
function follow(qs) {
  const es = new EventSource('api/compare/stream?' + qs);
  state.stream = es;
  state.updates = 0;
  $('live-status').textContent = 'live: connecting ...';
  es.addEventListener('open', () => { $('live-status').textContent = 'live: following the stream'; });
  es.addEventListener('comparison', (e) => {
    state.updates++;
    $('live-status').dataset.updates = String(state.updates);
    $('live-status').textContent = 'live: updated ' + new Date().toLocaleTimeString();
    say('');
    render(JSON.parse(e.data), qs);
  });
  es.addEventListener('error', (e) => {
    if (e.data) {
      sayError(JSON.parse(e.data));
    } else if (es.readyState === EventSource.CONNECTING) {
      $('live-status').textContent = 'live: reconnecting ...';
    } else {
      $('live-status').textContent = 'live: stopped';
    }
  });
}

// ---------------------------------------------------------------- drawing

function el(name, attrs, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function cell(tag, text, cls) {
  const c = document.createElement(tag);
  c.textContent = text;
  if (cls) c.className = cls;
  return c;
}

const fmt = (x) => (Number.isInteger(x) ? x.toLocaleString('en') : x.toFixed(2));

/** Each word's rates per 10,000 words: the JSON's when it has them, else from the counts and the users' word totals. */
function rates(data, w) {
  if (Array.isArray(w.rates)) return w.rates;
  return w.counts.map((c, i) => (data.users[i].words > 0 ? (10000 * c) / data.users[i].words : 0));
}

/**
 * A word's z (docs/compare.md '--json'): the number for two users; with more users, where z holds one per
 * user, the z of the user whose distinctive list the word is in, else null.
 */
function zOf(data, w) {
  if (typeof w.z === 'number') return w.z;
  if (Array.isArray(w.z) && w.user !== undefined) return w.z[data.users.findIndex((u) => u.name === w.user)];
  return null;
}

function isDistinctive(data) {
  return (data.method && data.method.rank === 'distinctive') || data.words.some((w) => typeof w.z === 'number' && data.users.length === 2 && $('rank').value === 'distinctive');
}

function render(data, qs) {
  const previous = state.last;
  state.last = data;

  const names = data.users.map((u) => u.name);
  $('answer').hidden = false;
  $('title').textContent = names.join(' vs ');
  const v = data.view;
  $('view').textContent = (v.version === null
    ? 'no batch view yet (everything from the speed view)'
    : 'batch view ' + v.version + ' (cut ' + (v.cut === '' ? 'empty' : v.cut) + ')')
    + ' + ' + v.speedRows + ' speed rows after the cut; as of ' + new Date().toLocaleTimeString();

  const totals = $('totals');
  totals.replaceChildren();
  const head = document.createElement('tr');
  head.append(cell('th', ''), ...names.map((n, i) => cell('th', n, 'u' + i)));
  const tweets = document.createElement('tr');
  tweets.append(cell('td', 'tweets'), ...data.users.map((u) => cell('td', fmt(u.tweets))));
  const words = document.createElement('tr');
  words.append(cell('td', 'words'), ...data.users.map((u) => cell('td', fmt(u.words))));
  totals.append(head, tweets, words);

  $('legend').replaceChildren(...names.map((n, i) => cell('span', n, 'u' + i)));
  const before = new Map((previous ? previous.words : []).map((w) => [w.word, w.counts.join(',')]));
  const changed = (w) => previous !== null && before.get(w.word) !== w.counts.join(',');
  if (isDistinctive(data)) {
    drawDiverging(data, changed);
  } else {
    drawBars(data, changed);
  }
  table(data, changed);

  for (const [id, path] of [['json-link', 'api/compare'], ['csv-link', 'api/compare.csv'], ['png-link', 'api/compare.png']]) {
    $(id).href = path + '?' + qs;
  }
  if (data.words.length === 0) {
    say(names.join(' and ') + ' have no word in common' + (data.users.some((u) => u.tweets === 0) ? '' : ' yet') + '.');
  }
}

function table(data, changed) {
  const t = $('words');
  t.replaceChildren();
  const names = data.users.map((u) => u.name);
  const hasZ = data.words.some((w) => typeof w.z === 'number');
  // more than two users: one z per user, each against the others pooled
  const zPerUser = data.words.some((w) => Array.isArray(w.z));
  const head = document.createElement('tr');
  head.append(cell('th', 'word'), ...names.map((n, i) => cell('th', n, 'u' + i)),
    ...names.map((n) => cell('th', n + ' per 10k')), ...(hasZ ? [cell('th', 'z')] : []),
    ...(zPerUser ? names.map((n) => cell('th', 'z ' + n)) : []));
  t.append(head);
  for (const w of data.words) {
    const row = document.createElement('tr');
    row.dataset.word = w.word;
    if (changed(w)) row.className = 'changed';
    row.append(cell('td', (w.user !== undefined ? w.user + ': ' : '') + w.word, 'word'), ...w.counts.map((c) => cell('td', fmt(c))),
      ...rates(data, w).map((r) => cell('td', r.toFixed(1))), ...(hasZ ? [cell('td', w.z.toFixed(2))] : []),
      ...(zPerUser ? w.z.map((z) => cell('td', z.toFixed(2))) : []));
    t.append(row);
  }
}

/** A round step for about {@code n} ticks up to {@code max}. */
function niceStep(max, n) {
  const raw = max / n;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/** Grouped bars: one group per word, one bar per user (counts, or rates per 10,000 words). */
function drawBars(data, changed) {
  const svg = $('chart');
  const useRates = $('measure').value === 'rates';
  const words = data.words;
  const n = data.users.length;
  const W = 1000;
  const H = 440;
  const m = { top: 20, right: 10, bottom: 110, left: 60 };
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  svg.replaceChildren();
  const values = words.map((w) => (useRates ? rates(data, w) : w.counts));
  const max = Math.max(1, ...values.flat());
  const step = niceStep(max, 5);
  const top = Math.ceil(max / step) * step;
  const y = (v) => m.top + plotH - (v / top) * plotH;
  for (let t = 0; t <= top + 1e-9; t += step) {
    svg.append(el('line', { class: 'grid', x1: m.left, x2: W - m.right, y1: y(t), y2: y(t) }));
    svg.append(el('text', { x: m.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, fmt(Math.round(t * 100) / 100)));
  }
  svg.append(el('text', { x: 14, y: m.top + plotH / 2, transform: 'rotate(-90 14 ' + (m.top + plotH / 2) + ')', 'text-anchor': 'middle' },
    useRates ? 'per 10,000 words' : 'count'));
  const group = words.length > 0 ? plotW / words.length : plotW;
  const barW = Math.max(1, (group * 0.8) / n);
  words.forEach((w, i) => {
    const x0 = m.left + i * group + group * 0.1;
    values[i].forEach((v, u) => {
      const bar = el('rect', {
        class: 'bar u' + u + (changed(w) ? ' changed' : ''), x: x0 + u * barW, y: y(v), width: Math.max(0.5, barW - 1),
        height: Math.max(0, y(0) - y(v)), 'data-word': w.word, 'data-user': data.users[u].name, 'data-value': String(v),
      });
      bar.append(el('title', {}, w.word + ': ' + data.users[u].name + ' ' + fmt(w.counts[u]) + ' (' + rates(data, w)[u].toFixed(1) + ' per 10k words)'));
      svg.append(bar);
      if (words.length <= 25) {
        svg.append(el('text', { class: 'value', x: x0 + u * barW + barW / 2, y: y(v) - 3, 'text-anchor': 'middle' },
          useRates ? v.toFixed(1) : fmt(v)));
      }
    });
    const lx = x0 + (n * barW) / 2;
    svg.append(el('text', { class: 'label', x: lx, y: y(0) + 12, 'text-anchor': 'end', transform: 'rotate(-45 ' + lx + ' ' + (y(0) + 12) + ')' }, w.word));
  });
  svg.append(el('line', { class: 'axis', x1: m.left, x2: W - m.right, y1: y(0), y2: y(0), stroke: '#999' }));
}

/**
 * Distinctive words: z of each word as a horizontal bar, the first user's words to the right, the second's
 * to the left; with more users each user's list in turn, in that user's colour (z against the others pooled).
 */
function drawDiverging(data, changed) {
  const svg = $('chart');
  const words = data.words;
  const row = 22;
  const W = 1000;
  const m = { top: 30, bottom: 20 };
  const H = m.top + m.bottom + Math.max(1, words.length) * row;
  const mid = W / 2;
  const half = W / 2 - 170;
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  svg.replaceChildren();
  const zs = words.map((w) => zOf(data, w) || 0);
  const max = Math.max(1e-9, ...zs.map(Math.abs));
  const two = data.users.length === 2;
  if (two) {
    svg.append(el('text', { x: mid + 8, y: 18 }, 'marks ' + data.users[0].name + ' \u2192'));
    svg.append(el('text', { x: mid - 8, y: 18, 'text-anchor': 'end' }, '\u2190 marks ' + data.users[1].name));
  } else {
    svg.append(el('text', { x: mid + 8, y: 18 }, 'each user against the others pooled \u2192'));
  }
  words.forEach((w, i) => {
    const z = zs[i];
    const len = (Math.abs(z) / max) * half;
    const yy = m.top + i * row;
    const right = z >= 0;
    const colour = two ? (right ? 'u0' : 'u1') : 'u' + Math.max(0, data.users.findIndex((u) => u.name === w.user));
    const bar = el('rect', {
      class: 'bar ' + colour + (changed(w) ? ' changed' : ''), x: right ? mid : mid - len, y: yy + 3,
      width: Math.max(0.5, len), height: row - 6, 'data-word': w.word, 'data-value': String(z),
    });
    bar.append(el('title', {}, w.word + ': z ' + z.toFixed(2) + ', counts ' + w.counts.join(' / ')));
    svg.append(bar);
    const label = (two ? '' : w.user + ': ') + w.word + ' (' + w.counts.map(fmt).join(' / ') + ')';
    svg.append(el('text', { class: 'label', x: right ? mid + len + 6 : mid - len - 6, y: yy + row / 2 + 4,
      'text-anchor': right ? 'start' : 'end' }, label));
  });
  svg.append(el('line', { class: 'axis', x1: mid, x2: mid, y1: m.top - 4, y2: H - m.bottom + 4, stroke: '#999' }));
}

// ---------------------------------------------------------------- start

document.addEventListener('DOMContentLoaded', () => {
  const ready = fromAddress();
  $('add-user').addEventListener('click', () => { const i = addUserField(''); if (i) i.focus(); });
  $('rank').addEventListener('change', showPrior);
  $('query').addEventListener('submit', (e) => { e.preventDefault(); run(); });
  $('live').addEventListener('change', () => {
    toAddress();
    if ($('live').checked && state.last) {
      follow(queryString());
    } else {
      stopStream();
    }
  });
  $('measure').addEventListener('change', () => { toAddress(); if (state.last) render(state.last, queryString()); });
  if (ready) {
    run();
  }
});
