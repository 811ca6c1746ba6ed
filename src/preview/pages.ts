// What the preview adds to pages: the reload script, the overlay of a document's
// messages, and the status page of every procedure. All text is escaped.
import type { VFile } from 'vfile';
import { type Catalogue, formatMessage } from '../i18n/messages.js';

export interface DocumentState {
  /** `<lang>/<slug>.md` */
  source: string;
  title: string;
  file: VFile;
  valid: boolean;
  translation?: 'current' | 'stale' | 'unmarked';
  /** Files of its output folder, names only. */
  files: string[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Reloads the tab when the server says its page (or every page) was rebuilt. */
export const CLIENT_SCRIPT = `(() => {
  const page = document.currentScript.dataset.page;
  const events = new EventSource('/__pelita/events');
  events.onmessage = (event) => {
    const { changed } = JSON.parse(event.data);
    if (changed === '*' || changed.includes(page) || page === '' || page === '__status') location.reload();
  };
})();
`;

/** The script tag and, for a procedure's page, its messages; put before `</body>`. */
export function injection(page: string, state: DocumentState | undefined, catalogue: Catalogue): string {
  const script = `<script src="/__pelita/client.js" data-page="${escapeHtml(page)}"></script>`;
  if (!state || state.file.messages.length === 0) return script;
  const lines = [...state.file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    .map((message) => {
      const severity = formatMessage(catalogue, { id: message.fatal ? 'severity-error' : 'severity-warning' });
      const place = message.line
        ? `${state.file.path}, ${formatMessage(catalogue, { id: 'place-line', params: { line: message.line, column: message.column ?? 1 } })}`
        : state.file.path;
      return `<li class="pelita-preview-${message.fatal ? 'error' : 'warning'}"><strong>${escapeHtml(severity)}</strong> <code>${escapeHtml(place)}</code> ${escapeHtml(message.reason)} <code>${escapeHtml(message.ruleId ?? '')}</code></li>`;
    });
  return `<aside id="pelita-preview-messages" role="status" lang="${catalogueLang(catalogue)}" style="position:fixed;inset:auto 0 0 0;max-height:40vh;overflow:auto;margin:0;padding:0.5em 1em;background:#fff8e1;color:#000;border-top:3px solid #b00020;font:16px/1.4 sans-serif;z-index:2147483647"><ul style="margin:0;padding-left:1.2em">${lines.join('')}</ul></aside>${script}`;
}

function catalogueLang(catalogue: Catalogue): string {
  return catalogue.get('severity-error') === 'error' ? 'en' : 'id';
}

const STATUS_IDS = { errors: 'severity-error', warnings: 'severity-warning', valid: 'no-problems' } as const;

/** Every procedure with its status and links to its editions. */
export function statusPage(states: readonly DocumentState[], catalogue: Catalogue): string {
  const rows = states.map((state) => {
    const dir = state.source.replace(/\.md$/, '');
    const errors = state.file.messages.filter((message) => message.fatal).length;
    const warnings = state.file.messages.length - errors;
    const status = errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'valid';
    const label = `${formatMessage(catalogue, { id: STATUS_IDS[status] })}${errors + warnings > 0 ? ` (${errors + warnings})` : ''}`;
    const translation =
      state.translation && state.translation !== 'current'
        ? ` · ${formatMessage(catalogue, { id: `status-${state.translation}` })}`
        : '';
    const links = state.files.map(
      (name) => `<a href="/${escapeHtml(dir)}/${escapeHtml(name)}">${escapeHtml(name)}</a>`,
    );
    return `<tr class="pelita-status-${status}"><td><a href="/${escapeHtml(dir)}/index.html">${escapeHtml(state.title || dir)}</a><br><code>${escapeHtml(state.source)}</code></td><td>${escapeHtml(label + translation)}</td><td>${links.join(' ')}</td></tr>`;
  });
  return `<!doctype html><html lang="${catalogueLang(catalogue)}"><head><meta charset="utf-8"><title>Pelita</title><style>body{font:16px/1.4 sans-serif;margin:1em}td{border-top:1px solid #ccc;padding:.3em;vertical-align:top}.pelita-status-errors td:nth-child(2){color:#b00020;font-weight:bold}</style></head><body><h1>Pelita</h1><p><a href="/index.html">index.html</a> · <a href="/catalog.json">catalog.json</a></p><table><tbody>${rows.join('')}</tbody></table></body></html>`;
}
