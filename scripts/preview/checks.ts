/**
 * What the browser tests check on a page of the preview, measured in the page itself.
 *
 * - Contrast of every visible text, from computed styles: axe-core does not see through synthetic shadow
 *   reliably (DESIGN.md, "Browser preview"), so each text node's colour is composed over the first opaque
 *   background behind it and compared with WCAG 2's 4.5:1 for normal text.
 * - Horizontal overflow: the page must not scroll sideways, and nothing may stick out of the window except
 *   inside a container that scrolls horizontally on purpose.
 * - axe-core's WCAG 2.1 A and AA rules, colour contrast excepted (measured above).
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const MINIMUM_CONTRAST = 4.5;

export interface LowContrast {
    text: string;
    ratio: number;
    color: string;
    background: string;
}

export interface Overflow {
    element: string;
    right: number;
    viewport: number;
}

export interface AxeViolation {
    id: string;
    impact: string | null;
    help: string;
    targets: string[];
}

/**
 * Texts below the minimum contrast. Skipped, as WCAG 1.4.3 allows: texts of disabled controls ("inactive user
 * interface components"), and text that is not shown (assistive text clipped to 1 px, hidden, transparent).
 * Backgrounds are read from background-color only; a texture painted over it (the error alert's stripes) is
 * not composed in.
 */
export function lowContrastTexts(page: Page, minimum = MINIMUM_CONTRAST): Promise<LowContrast[]> {
    return page.evaluate((threshold) => {
        type Rgba = [number, number, number, number];
        const parse = (value: string): Rgba => {
            const parts =
                /rgba?\(([^)]+)\)/
                    .exec(value)?.[1]
                    ?.split(/[\s,/]+/)
                    .filter(Boolean)
                    .map(Number) ?? [];
            return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
        };
        /** `top` painted over `bottom` (source-over compositing). */
        const over = ([r, g, b, a]: Rgba, [r2, g2, b2, a2]: Rgba): Rgba => {
            const alpha = a + a2 * (1 - a);
            const mix = (front: number, back: number): number =>
                alpha === 0 ? 0 : (front * a + back * a2 * (1 - a)) / alpha;
            return [mix(r, r2), mix(g, g2), mix(b, b2), alpha];
        };
        const luminance = ([r, g, b]: Rgba): number => {
            const channel = (value: number): number => {
                const c = value / 255;
                return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
            };
            return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        };
        const parentOf = (element: Element): Element | null => {
            const root = element.getRootNode();
            return element.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
        };
        const backgroundBehind = (element: Element): Rgba => {
            let color: Rgba = [0, 0, 0, 0];
            for (let node: Element | null = element; node && color[3] < 1; node = parentOf(node)) {
                color = over(color, parse(getComputedStyle(node).backgroundColor));
            }
            return over(color, [255, 255, 255, 1]);
        };
        const opacityOf = (element: Element): number => {
            let opacity = 1;
            for (let node: Element | null = element; node; node = parentOf(node)) {
                opacity *= Number(getComputedStyle(node).opacity);
            }
            return opacity;
        };
        const shown = (element: Element): boolean => {
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return style.visibility === 'visible' && box.width > 1 && box.height > 1 && opacityOf(element) > 0;
        };
        const disabled = (element: Element): boolean =>
            Boolean(element.closest('[disabled], [aria-disabled="true"]')) ||
            (element.getRootNode() instanceof ShadowRoot && disabled((element.getRootNode() as ShadowRoot).host));

        const texts: Text[] = [];
        const collect = (root: Node): void => {
            // The TreeWalker walks the document as built: under synthetic shadow, components' content is in it.
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if ((node.textContent ?? '').trim()) {
                    texts.push(node as Text);
                }
            }
        };
        collect(document.body);

        const failures: Array<{ text: string; ratio: number; color: string; background: string }> = [];
        for (const text of texts) {
            const element = text.parentElement;
            if (!element || !shown(element) || disabled(element)) {
                continue;
            }
            const background = backgroundBehind(element);
            const color = over(parse(getComputedStyle(element).color), background);
            const [foreground, behind] = [luminance(color), luminance(background)];
            const ratio = (Math.max(foreground, behind) + 0.05) / (Math.min(foreground, behind) + 0.05);
            if (ratio < threshold) {
                failures.push({
                    text: text.data.trim().slice(0, 60),
                    ratio: Math.round(ratio * 100) / 100,
                    color: `rgb(${color.slice(0, 3).map(Math.round).join(', ')})`,
                    background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`
                });
            }
        }
        return failures;
    }, minimum);
}

/** Elements past the window's right edge, outside horizontally scrolling containers; and a page that scrolls. */
export function horizontalOverflow(page: Page): Promise<Overflow[]> {
    return page.evaluate(() => {
        const viewport = document.documentElement.clientWidth;
        const scrollsSideways = (element: Element): boolean =>
            ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
        const insideScroller = (element: Element): boolean => {
            for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
                if (scrollsSideways(node)) {
                    return true;
                }
            }
            return false;
        };
        const describe = (element: Element): string => {
            const classes = typeof element.className === 'string' ? element.className.trim().split(/\s+/) : [];
            const label = element.textContent.replace(/\s+/g, ' ').trim().slice(0, 40);
            return `${element.tagName.toLowerCase()}${classes.map((name) => `.${name}`).join('')} "${label}"`;
        };
        const found: Array<{ element: string; right: number; viewport: number }> = [];
        if (document.documentElement.scrollWidth > viewport) {
            found.push({ element: 'the page scrolls sideways', right: document.documentElement.scrollWidth, viewport });
        }
        for (const element of Array.from(document.body.getElementsByTagName('*'))) {
            const box = element.getBoundingClientRect();
            if (box.width > 1 && box.height > 1 && box.right > viewport + 0.5 && !insideScroller(element)) {
                found.push({ element: describe(element), right: Math.round(box.right), viewport });
            }
        }
        return found;
    });
}

/** Buttons whose label breaks onto a second line ("Hide / details"): each should stay one line. */
export function wrappedButtons(page: Page): Promise<string[]> {
    return page.evaluate(() => {
        const wrapped: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!(node instanceof HTMLButtonElement)) {
                continue;
            }
            // The boxes of the shown text (assistive text, clipped to 1 px, is not shown). Boxes that overlap
            // vertically sit on one line, whatever their font size.
            const boxes: DOMRect[] = [];
            const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
            for (let text = texts.nextNode(); text; text = texts.nextNode()) {
                const parent = text.parentElement;
                if (!text.textContent?.trim() || !parent || parent.getBoundingClientRect().width <= 1) {
                    continue;
                }
                const range = document.createRange();
                range.selectNodeContents(text);
                boxes.push(...Array.from(range.getClientRects()));
            }
            boxes.sort((a, b) => a.top - b.top);
            let lines = 0;
            let lineBottom = Number.NEGATIVE_INFINITY;
            for (const box of boxes) {
                if (box.top >= lineBottom - 1) {
                    lines++;
                }
                lineBottom = Math.max(lineBottom, box.bottom);
            }
            if (lines > 1) {
                wrapped.push(node.innerText.replace(/\s+/g, ' ').trim());
            }
        }
        return wrapped;
    });
}

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
    await page.addScriptTag({ path: AXE_SOURCE });
    return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Node, options: object) => Promise<AxeResults> } })
            .axe;
        interface AxeResults {
            violations: Array<{
                id: string;
                impact: string | null;
                help: string;
                nodes: Array<{ target: unknown[] }>;
            }>;
        }
        const results = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            rules: { 'color-contrast': { enabled: false } }
        });
        return results.violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            targets: violation.nodes.map((node) => JSON.stringify(node.target))
        }));
    });
}
