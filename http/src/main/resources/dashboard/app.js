// Peak Trade operator dashboard: plain JavaScript against the node's JSON API (same origin).
// Kill-switch state arrives live over server-sent events (/api/v1/stream); sessions are refreshed every 2 s.
'use strict';

const $ = (id) => document.getElementById(id);
let lastEventSequence = 0;

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
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
  if (status.scope !== 'global') {
    return;
  }
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
  refreshAlerts();
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

function connectStream() {
  const stream = new EventSource('/api/v1/stream');
  stream.addEventListener('open', () => {
    $('connection').textContent = 'live';
    $('connection').className = 'badge live';
    refreshStatus();
  });
  stream.addEventListener('kill-switch', (event) => showStatus(JSON.parse(event.data)));
  stream.addEventListener('error', () => {
    $('connection').textContent = 'reconnecting…';
    $('connection').className = 'badge down';
  });
}

$('kill-armed').addEventListener('change', updateKillButton);
$('kill-identity').addEventListener('input', updateKillButton);
$('kill-reason').addEventListener('input', updateKillButton);

function updateKillButton() {
  $('kill-button').disabled = !($('kill-armed').checked && $('kill-identity').value.trim()
      && $('kill-reason').value.trim());
}

$('kill-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const reply = await api('POST', '/api/v1/kill-switch/trigger',
        { identity: $('kill-identity').value.trim(), reason: $('kill-reason').value.trim() });
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
        { approver: $('recovery-approver').value.trim(), approvalCode: code.value });
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
    const reply = await api('POST', '/api/v1/kill-switch/recovery/complete',
        { identity: $('complete-identity').value.trim() });
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
  const cells = [view.spec.id, view.spec.strategy, view.spec.mode, view.status + (view.statusReason
      ? ' (' + view.statusReason + ')' : ''), view.position, money(view.equity), money(pnl), view.fills];
  cells.forEach((value, index) => {
    const cell = document.createElement('td');
    cell.textContent = value === undefined || value === null ? '' : String(value);
    if (index >= 4) cell.className = 'num' + (index === 6 ? (pnl < 0 ? ' loss' : ' gain') : '');
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

refreshStatus();
refreshAlerts();
refreshSessions();
connectStream();
setInterval(refreshSessions, 2000);
