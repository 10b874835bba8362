/**
 * Finding elements through synthetic shadow roots, for the preview's scripted states (click the row's
 * Reject button, select three leads). Paths name one selector per shadow root, outermost first, and start
 * in the element the component is mounted in, or in the document for what opens outside it (a modal).
 */
export type Root = Element | Document;

export function find(roots: Root[], path: string[]): HTMLElement | null {
    for (const root of roots) {
        const found = findFrom(root, path);
        if (found) {
            return found;
        }
    }
    return null;
}

function findFrom(root: Root, path: string[]): HTMLElement | null {
    let scope: ParentNode = root;
    let found: Element | null = null;
    for (const selector of path) {
        found = scope.querySelector(selector);
        if (!found) {
            return null;
        }
        scope = found.shadowRoot ?? found;
    }
    return found as HTMLElement | null;
}

/** Resolves with the element once it exists (components render asynchronously), or rejects after `timeoutMs`. */
export function waitFor(roots: Root[], path: string[], timeoutMs = 5000): Promise<HTMLElement> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const poll = (): void => {
            const found = find(roots, path);
            if (found) {
                resolve(found);
            } else if (performance.now() - started > timeoutMs) {
                reject(new Error(`Not found within ${timeoutMs} ms: ${path.join(' >> ')}`));
            } else {
                // Components render asynchronously: look again at the next frame.
                // eslint-disable-next-line @lwc/lwc/no-async-operation
                requestAnimationFrame(poll);
            }
        };
        poll();
    });
}

export async function click(roots: Root[], path: string[]): Promise<void> {
    (await waitFor(roots, path)).click();
}
