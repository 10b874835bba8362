/**
 * Serves the browser preview on 127.0.0.1: the page, the bundle and the SLDS assets. Nothing else is
 * served, and nothing is written to disk.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ScriptError } from '../lib/errors.ts';
import { ENTRY_FILE, type PreviewBundle } from './build.ts';

const SLDS_ASSETS = path.join(
    path.dirname(createRequire(import.meta.url).resolve('@salesforce-ux/design-system/package.json')),
    'assets'
);

const CONTENT_TYPES: Record<string, string> = {
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.map': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2'
};

/** The page: SLDS on a Lightning Experience grey background, and the bundle. */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Baton preview</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css">
<style>html, body { margin: 0; background: #f3f3f3; }</style>
</head>
<body>
<script type="module" src="/${ENTRY_FILE}"></script>
</body>
</html>
`;

export interface PreviewServer {
    url: string;
    close(): Promise<void>;
}

export async function servePreview(bundle: PreviewBundle, port = 0): Promise<PreviewServer> {
    const server: Server = createServer((request, response) => {
        const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
        const send = (status: number, type: string, body: string): void => {
            response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
            response.end(body);
        };
        if (pathname === '/' || pathname === '/index.html') {
            send(200, 'text/html; charset=utf-8', PAGE);
        } else if (bundle.files.has(pathname.slice(1))) {
            send(200, CONTENT_TYPES[path.extname(pathname)] ?? 'text/plain', bundle.files.get(pathname.slice(1)) ?? '');
        } else if (pathname.startsWith('/slds/')) {
            const file = path.join(SLDS_ASSETS, path.normalize(pathname.slice('/slds/'.length)));
            if (!file.startsWith(SLDS_ASSETS + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
                send(404, 'text/plain', 'Not found');
                return;
            }
            response.writeHead(200, {
                'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
                'cache-control': 'max-age=3600'
            });
            createReadStream(file).pipe(response);
        } else {
            send(404, 'text/plain', 'Not found');
        }
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => {
            reject(
                error.code === 'EADDRINUSE'
                    ? new ScriptError(`Port ${port} on 127.0.0.1 is in use.`, 'Choose another one with --port <n>.')
                    : error
            );
        });
        server.listen(port, '127.0.0.1', resolve);
    });
    const { port: bound } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${bound}/`,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => {
                    resolve();
                });
            })
    };
}
