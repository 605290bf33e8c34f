// Peak Trade operator dashboard: plain JavaScript against the node's JSON API (same origin).
// Every API call carries the user's token (kept in sessionStorage: this tab only) as Authorization: Bearer.
// Kill-switch state arrives live over server-sent events (/api/v1/stream), read with fetch rather than EventSource
// because EventSource cannot send headers and a token in a URL would end up in logs; sessions and the cluster's
// members (/api/v1/cluster) refresh every 2 s.
'use strict';

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'peaktrade.token';
const RECONNECT_MS = 2000;
let lastEventSequence = 0;
let streamAbort = null;
let tablesTimer = null;
// The revision of the global kill switch's status on the page: an answer older than it (a status request sent
// before a kill, answered after the stream brought the kill) must not bring back the state before.
let shownRevision = -1;

const token = () => sessionStorage.getItem(TOKEN_KEY);

async function api(method, path, body) {
  // The token this request carries: an answer to it must not sign out whoever signed in while it was on its way.
  const used = token();
  if (!used) throw new Error('signed out');
  const headers = { Authorization: 'Bearer ' + used };
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (response.status === 401 && token() === used) {
    signOut('The node refused the token: ' + (json && json.detail ? json.detail : response.statusText));
  }
  if (!response.ok) {
    const detail = json && (json.detail || json.title) ? (json.detail || json.title) : response.statusText;
    throw new Error(detail);
  }
  return json;
}

function message(text, isError) {
  $('ks-message').textContent = text || '';
  $('ks-message').className = isError ? 'error' : '';
}

function showStatus(status) {
  if (status.scope !== 'global' || status.revision < shownRevision) {
    return;
  }
  const changed = status.revision !== shownRevision;
  shownRevision = status.revision;
  const state = $('ks-state');
  state.textContent = status.state;
  state.className = 'state ' + status.state;
  const parts = [];
  if (status.since && !status.since.startsWith('1970-01-01')) parts.push('since ' + status.since);
  else if (status.state === 'ACTIVE') parts.push('never triggered');
  if (status.reason) parts.push('reason: ' + status.reason);
  if (status.triggeredBy) parts.push('by ' + status.triggeredBy);
  if (status.recoveryRequestedBy) parts.push('recovery requested by ' + status.recoveryRequestedBy);
  $('ks-detail').textContent = parts.join(' · ');
  $('kill-form').hidden = status.state !== 'ACTIVE';
  $('recovery-form').hidden = status.state !== 'KILLED';
  $('complete-form').hidden = status.state !== 'RECOVERING';
  $('cooldown').textContent = status.cooldownEndsAt ? 'Cooldown ends at ' + status.cooldownEndsAt : '';
  if (changed) refreshAlerts();
}

async function refreshStatus() {
  try {
    showStatus(await api('GET', '/api/v1/kill-switch'));
  } catch (e) {
    $('ks-state').textContent = 'UNKNOWN';
    $('ks-state').className = 'state UNKNOWN';
    message('Kill switch unavailable: ' + e.message, true);
  }
}

function connection(text, live) {
  $('connection').textContent = text;
  $('connection').className = 'badge ' + (live ? 'live' : 'down');
}

// Reads the server-sent events of /api/v1/stream; reconnects after RECONNECT_MS until signed out.
async function connectStream() {
  const abort = new AbortController();
  streamAbort = abort;
  while (!abort.signal.aborted) {
    try {
      const used = token();
      if (!used) return;
      const response = await fetch('/api/v1/stream', {
        headers: { Authorization: 'Bearer ' + used, Accept: 'text/event-stream' }, signal: abort.signal });
      if (response.status === 401) {
        if (token() === used) signOut('The node refused the token.');
        return;
      }
      if (!response.ok) throw new Error(response.statusText);
      connection('live', true);
      refreshStatus();
      await readEvents(response.body.getReader(), (type, data) => {
        if (type === 'kill-switch') showStatus(JSON.parse(data));
      });
    } catch (e) {
      if (abort.signal.aborted) return;
    }
    // The node may have been replaced while the stream was down (a new journal starts again at revision 0).
    shownRevision = -1;
    connection('reconnecting…', false);
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
  }
}

// Splits an event stream into events (blank-line separated) and hands each event's type and data to onEvent.
async function readEvents(reader, onEvent) {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) onEvent(type, data.join('\n'));
    }
  }
}

$('kill-armed').addEventListener('change', updateKillButton);
$('kill-reason').addEventListener('input', updateKillButton);

function updateKillButton() {
  $('kill-button').disabled = !($('kill-armed').checked && $('kill-reason').value.trim());
}

$('kill-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const reply = await api('POST', '/api/v1/kill-switch/trigger',
        { reason: $('kill-reason').value.trim() });
    message(reply.detail, false);
    showStatus(reply.status);
    $('kill-armed').checked = false;
    updateKillButton();
  } catch (e) {
    message('Kill refused: ' + e.message, true);
  }
});

$('recovery-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = $('recovery-code');
  try {
    const reply = await api('POST', '/api/v1/kill-switch/recovery',
        { approvalCode: code.value });
    message(reply.detail, false);
    showStatus(reply.status);
  } catch (e) {
    message('Recovery request refused: ' + e.message, true);
  } finally {
    code.value = '';
  }
});

$('complete-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const reply = await api('POST', '/api/v1/kill-switch/recovery/complete', {});
    message(reply.detail, false);
    showStatus(reply.status);
  } catch (e) {
    message('Recovery not completed: ' + e.message, true);
  }
});

async function refreshAlerts() {
  try {
    const page = await api('GET', '/api/v1/kill-switch/events?after=' + lastEventSequence + '&limit=100');
    for (const recorded of page.events) {
      const item = document.createElement('li');
      const event = recorded.event;
      item.textContent = [event.at || '', event.type || '', event.reason || event.detail || '',
        event.identity || event.approver || ''].filter(Boolean).join(' · ');
      $('alerts-list').prepend(item);
      lastEventSequence = Math.max(lastEventSequence, recorded.sequence);
    }
    while ($('alerts-list').children.length > 20) {
      $('alerts-list').lastElementChild.remove();
    }
  } catch (e) {
    // The alerts list is informative only; the status line already reports an unavailable kill switch.
  }
}

const money = (value) => value === null || value === undefined ? '' : Number(value).toFixed(2);

async function refreshSessions() {
  let sessions;
  try {
    sessions = await api('GET', '/api/v1/sessions');
  } catch (e) {
    $('sessions-empty').textContent = 'Sessions unavailable: ' + e.message;
    return;
  }
  const list = Array.isArray(sessions) ? sessions : (sessions.sessions || []);
  $('sessions-empty').hidden = list.length > 0;
  $('sessions-table').hidden = list.length === 0;
  const body = $('sessions-table').querySelector('tbody');
  body.replaceChildren(...list.map(sessionRow));
  if (list.length > 0 && !list.some((view) => view.spec.id === selectedSession)) {
    selectedSession = list[0].spec.id;
  }
  if (selectedSession) {
    showEquity(selectedSession).catch(() => {});
  }
}

// The session whose equity curve is shown: the first one until the operator clicks another row.
let selectedSession = null;

function sessionRow(view) {
  const row = document.createElement('tr');
  const pnl = Number(view.equity) - Number(view.spec.startingCash);
  const status = view.status + (view.statusReason ? ' (' + view.statusReason + ')' : '')
      + (view.catchingUp ? ' · ' + view.catchingUp : '');
  const cells = [view.spec.id, view.spec.strategy, view.spec.mode, status, view.position, money(view.equity),
      money(pnl), view.fills,
      memberName(view.member) + (view.reachable === false ? ' (no answer)' : '')];
  cells.forEach((value, index) => {
    const cell = document.createElement('td');
    cell.textContent = value === undefined || value === null ? '' : String(value);
    if (index >= 4 && index <= 7) cell.className = 'num' + (index === 6 ? (pnl < 0 ? ' loss' : ' gain') : '');
    if (index === 8) {
      cell.className = 'member' + (view.reachable === false ? ' unreachable' : '');
      cell.title = (view.member || '') + (view.reachable === false
          ? ': its member did not answer; the last view this node saw' : '');
    }
    row.appendChild(cell);
  });
  row.dataset.session = view.spec.id;
  if (view.spec.id === selectedSession) row.className = 'selected';
  row.addEventListener('click', () => {
    selectedSession = view.spec.id;
    refreshSessions();
  });
  return row;
}

// A member's address without the part every member shares: 'pekko://peak-trade@10.0.0.2:25520' is '10.0.0.2:25520';
// a node that runs alone ('pekko://peak-trade') is 'this node'.
function memberName(address) {
  if (!address) return '';
  const at = address.indexOf('@');
  return at < 0 ? 'this node' : address.slice(at + 1);
}

async function refreshCluster() {
  let view;
  try {
    view = await api('GET', '/api/v1/cluster');
  } catch (e) {
    $('cluster-note').textContent = 'Cluster view unavailable: ' + e.message;
    return;
  }
  $('cluster-mode').textContent = view.mode === 'single-node' ? '(single node)'
      : '(' + view.members.length + ' members, seen from ' + memberName(view.self) + ')';
  $('cluster-table').hidden = false;
  $('cluster-table').querySelector('tbody').replaceChildren(...view.members.map((member) => clusterRow(view, member)));
  $('cluster-note').textContent = view.shardStatsComplete ? view.sessionsTotal + ' sessions'
      : 'Session counts incomplete: not every member answered in time; counts are what answered.';
}

function clusterRow(view, member) {
  const row = document.createElement('tr');
  row.className = 'static' + (member.reachable ? '' : ' unreachable');
  const name = memberName(member.address) + (member.address === view.leader ? ' (leader)' : '');
  const cells = [name, member.status, member.reachable ? 'yes' : 'no',
      member.sessions === null ? '–' : member.sessions];
  cells.forEach((value, index) => {
    const cell = document.createElement('td');
    cell.textContent = String(value);
    if (index === 0) cell.title = member.address;
    if (index === 3) cell.className = 'num';
    row.appendChild(cell);
  });
  return row;
}

// Also asks for the kill switch's status: a status the stream could not deliver (it was reconnecting, or the
// node's subscription was not in place yet) reaches the page within one period anyway.
function refreshTables() {
  refreshStatus();
  refreshSessions();
  refreshCluster();
}

async function showEquity(id) {
  const points = await api('GET', '/api/v1/sessions/' + encodeURIComponent(id) + '/equity');
  const values = (Array.isArray(points) ? points : points.equity || []).map((p) => Number(p.equity));
  $('equity').hidden = false;
  $('equity-title').textContent = 'Equity of ' + id + ' (' + values.length + ' bars)';
  const chart = $('equity-chart');
  chart.replaceChildren();
  if (values.length < 2) return;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', values.map((v, i) =>
      (i * 600 / (values.length - 1)).toFixed(1) + ',' + (195 - (v - min) * 190 / span).toFixed(1)).join(' '));
  chart.appendChild(line);
}

let signInAttempt = 0;

async function signIn(candidate) {
  // Only the latest attempt counts: an earlier one answered late (a stored token checked at page load) changes nothing.
  const attempt = ++signInAttempt;
  const response = await fetch('/api/v1/auth/whoami', { headers: { Authorization: 'Bearer ' + candidate } });
  if (attempt !== signInAttempt) return;
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    signOut('Not signed in: ' + (problem && problem.detail ? problem.detail : response.statusText));
    return;
  }
  const who = await response.json();
  if (attempt !== signInAttempt) return;
  sessionStorage.setItem(TOKEN_KEY, candidate);
  $('whoami').textContent = who.name + ' (' + who.roles.join(', ') + ')';
  $('sign-in').hidden = true;
  $('main').hidden = false;
  $('sign-out').hidden = false;
  connection('connecting…', false);
  refreshStatus();
  refreshAlerts();
  refreshTables();
  connectStream();
  tablesTimer = setInterval(refreshTables, 2000);
}

function signOut(why) {
  signInAttempt++;
  sessionStorage.removeItem(TOKEN_KEY);
  if (streamAbort) streamAbort.abort();
  if (tablesTimer) clearInterval(tablesTimer);
  streamAbort = null;
  tablesTimer = null;
  $('whoami').textContent = '';
  $('sign-out').hidden = true;
  $('main').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-message').textContent = why || '';
  shownRevision = -1;
  connection('signed out', false);
}

$('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  const candidate = $('token').value.trim();
  $('token').value = '';
  signIn(candidate);
});

$('sign-out').addEventListener('click', () => signOut(''));

if (token()) {
  signIn(token());
} else {
  signOut('');
}
