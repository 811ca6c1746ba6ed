// A small static server for the output folder on 127.0.0.1, with server-sent events
// to reload open tabs. HTML pages get the preview's script and message overlay.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.pef': 'application/x-pef+xml',
  '.brf': 'text/plain; charset=us-ascii',
  '.woff2': 'font/woff2',
};

export interface PreviewServer {
  url: string;
  /** Tells every open tab which pages changed (`<lang>/<slug>`, or '*'). */
  notify(changed: readonly string[] | '*'): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  outDir: string;
  port: number;
  /** Extra HTML before `</body>` of a page at this path (e.g. `id/x/index.html`). */
  inject(path: string): string;
  /** Pages the preview makes itself: path → HTML (e.g. `__pelita/status`). */
  page(path: string): string | undefined;
  script: string;
}

export async function startServer(options: ServerOptions): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
    if (path === '__pelita/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (path === '__pelita/client.js') return send(response, 200, TYPES['.js'] ?? '', options.script);
    const own = options.page(path);
    if (own !== undefined) return send(response, 200, TYPES['.html'] ?? '', own);
    void serveFile(options, path === '' || path.endsWith('/') ? `${path}index.html` : path, response);
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    notify(changed) {
      for (const client of clients) client.write(`data: ${JSON.stringify({ changed })}\n\n`);
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of clients) client.end();
        server.close(() => resolve());
      }),
  };
}

async function serveFile(options: ServerOptions, path: string, response: ServerResponse): Promise<void> {
  const file = normalize(join(options.outDir, path));
  // Only files inside the output folder, never a path that climbs out of it.
  if (!file.startsWith(options.outDir + sep) || !(await stat(file).catch(() => undefined))?.isFile()) {
    return send(response, 404, TYPES['.txt'] ?? '', 'Not found');
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const data = await readFile(file);
  if (extname(file) !== '.html') return send(response, 200, type, data);
  const html = data.toString('utf8');
  const extra = options.inject(path);
  const at = html.lastIndexOf('</body>');
  send(response, 200, type, at < 0 ? html + extra : html.slice(0, at) + extra + html.slice(at));
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}
