/**
 * `npm run preview`: the lead queue and the funnel in your browser, on LWC OSS with Lightning base components
 * and SLDS, answered from the Jest fixtures by small stand-ins of the platform modules. A switcher shows every
 * state; the page also opens one directly (`?state=<id>&width=<full|420|360>`). Runs until Ctrl-C.
 */
import { integerFlag, runCommand, type CommandSpec } from '../lib/cli.ts';
import { say, type Output } from '../lib/output.ts';
import { buildPreview } from './build.ts';
import { servePreview } from './server.ts';

const DEFAULT_PORT = 4173;

const PREVIEW = {
    command: 'npm run preview --',
    summary: 'Serves the lead queue and the funnel in the browser on the Jest fixtures, every state a click away.',
    usage: ['[--port <n>] [--production]'],
    flags: {
        port: {
            type: 'string',
            value: '<n>',
            default: String(DEFAULT_PORT),
            description: 'Port on 127.0.0.1 (0 picks a free one).'
        },
        production: {
            type: 'boolean',
            description: "Build as for production (faster, without LWC's development warnings)."
        }
    },
    examples: ['npm run preview', 'npm run preview -- --port 8080', 'npm run preview -- --production'],
    notes: [
        'The page rebuilds nothing by itself: after changing a component, stop the preview (Ctrl-C) and start it again.'
    ]
} as const satisfies CommandSpec;

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        PREVIEW,
        argv,
        async (values, out) => {
            const port = integerFlag('port', values.port, { min: 0, max: 65_535 });
            const mode = values.production ? 'production' : 'development';
            say(out, `Building the preview (${mode})…`);
            const bundle = await buildPreview(mode);
            const server = await servePreview(bundle, port);
            say(out, `Built in ${(bundle.milliseconds / 1000).toFixed(1)} s.`);
            say(out, `\nBaton preview: ${server.url}`);
            say(out, `  the queue in a utility bar: ${server.url}?state=queue-mql&width=420`);
            say(out, `  the funnel:                 ${server.url}?state=funnel-live`);
            say(out, '\nPress Ctrl-C to stop.');
            await new Promise<void>((resolve) => {
                process.once('SIGINT', () => {
                    resolve();
                });
                process.once('SIGTERM', () => {
                    resolve();
                });
            });
            await server.close();
            say(out, 'Stopped.');
            return 0;
        },
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
