import { createServer, type Server, type ServerResponse } from 'http';
import { createReadStream, statSync } from 'fs';
import { extname, join, relative, resolve, sep, isAbsolute } from 'path';
import type { AddressInfo, Socket } from 'net';

/**
 * A static file server for a generated site (`public_dir`), as a host would serve it: on
 * 127.0.0.1 only, an ephemeral port, `index.html` for a folder, 404 for anything else.
 * Bounded: it closes itself (and every open connection) after `lifetimeMs`, so a test that
 * dies before its `after` hook cannot leave it running.
 */
export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8'
};

/** The file a URL path names under `root`, or undefined (outside root, missing, not a file). */
function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${path}`);
  const rel = relative(root, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  for (const candidate of path.endsWith('/') ? [join(file, 'index.html')] : [file, join(file, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('not found');
}

/**
 * Serves `root` on 127.0.0.1. Resolves once listening.
 *
 * @param root       the folder to serve (a site's `public/`).
 * @param lifetimeMs the server closes itself after this long, whatever happens (default 10 min).
 */
export async function serveStatic(root: string, lifetimeMs = 10 * 60_000): Promise<StaticServer> {
  const base = resolve(root);
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = fileFor(base, url.pathname);
    if (!file) {
      notFound(res);
      return;
    }
    // A folder without its trailing slash: redirect, as static hosts do, so relative links resolve.
    if (!url.pathname.endsWith('/') && file.endsWith(`${sep}index.html`) && !url.pathname.endsWith('index.html')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store'
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>(done => {
      clearTimeout(timer);
      server.close(() => done());
      for (const socket of sockets) socket.destroy();
    });
    return closed;
  };
  const timer = setTimeout(() => void close(), lifetimeMs);
  timer.unref();

  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close };
}
