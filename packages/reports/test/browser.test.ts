/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import MarkdownIt from 'markdown-it';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPool, runPoolInProcess } from '../../../test/support/cli.js';
import { launchChromium } from '../../../test/support/browser.js';
import { REPO } from '../../../test/support/paths.js';
import { scratchFolder } from '../../../test/support/scratch.js';
import { hostileAgreement, XSS_PAYLOADS } from '../../../test/support/xss-payloads.js';
import { renderHtml } from '../src/index.js';
import { EXAMPLES, loadReportData } from './support.js';

/** Screenshots and pages the tests made, for a person to look at; not committed. */
const OUT = path.join(REPO, 'test-output', 'reports');

let browser: Browser;

beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
});

interface OpenedPage {
    readonly page: Page;
    /** Every request the page made other than loading itself. */
    readonly requests: string[];
    /** alert/confirm/prompt calls and dialogs: any means a script ran. */
    readonly scriptSignals: string[];
}

/** Opens an HTML file in a page of its own in the context, recording its requests and any sign that a script ran. */
async function open(context: BrowserContext, file: string): Promise<OpenedPage> {
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    const scriptSignals: string[] = [];
    page.on('request', request => {
        if (request.url() !== url) requests.push(request.url());
    });
    // A request the page's policy stopped never left it.
    page.on('requestfailed', request => {
        if (/^csp$|BLOCKED_BY_CSP/.test(request.failure()?.errorText ?? '')) requests.splice(requests.indexOf(request.url()), 1);
    });
    page.on('dialog', dialog => {
        scriptSignals.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
    });
    await page.exposeFunction('__poolScriptRan', (what: string) => scriptSignals.push(what));
    await page.addInitScript(() => {
        for (const name of ['alert', 'confirm', 'prompt'] as const) {
            (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
                (window as unknown as { __poolScriptRan(what: string): void }).__poolScriptRan(`${name}(${args.join(',')})`);
            };
        }
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, scriptSignals };
}

/**
 * Opens the files, each in a page of its own, all at once, in one fresh browser context, and gives
 * every page a meta refresh's or a lazy load's chance to happen (300 ms after its load, so the test
 * would see it). The pages wait together rather than one after another: the same wait for each
 * page, for a fraction of the time. One context for them all, not one each: a context of its own
 * for each of the hostile test's 25 pages tripled the browser's work (about 20 s of CPU more),
 * and each page is still its own document, with its own requests and script signals recorded.
 * With `bypassCsp`, the pages' Content-Security-Policy is ignored, so only the escaping stands
 * between hostile text and the page. `close` closes the context and every page in it.
 */
async function openAll(files: readonly string[], options: { bypassCsp?: boolean } = {}): Promise<{ pages: OpenedPage[]; close(): Promise<void> }> {
    const context = await browser.newContext({ bypassCSP: options.bypassCsp ?? false, viewport: { width: 1100, height: 900 } });
    const pages = await Promise.all(files.map(file => open(context, file)));
    await pages[0]?.page.waitForTimeout(300);
    return { pages, close: () => context.close() };
}

/** Active content that hostile text could have become if it were not escaped. */
async function activeContent(page: Page): Promise<string[]> {
    return page.evaluate(() => {
        const found: string[] = [];
        for (const element of document.querySelectorAll('*')) {
            for (const attribute of element.getAttributeNames()) {
                if (attribute.toLowerCase().startsWith('on')) found.push(`${element.tagName} ${attribute}`);
                if (/^\s*javascript:/i.test(element.getAttribute(attribute) ?? '')) found.push(`${element.tagName} ${attribute}=javascript:`);
            }
        }
        for (const element of document.querySelectorAll(
            'script, iframe, object, embed, img, link, meta[http-equiv="refresh"], a[href]:not([href^="#"]), use, details, math'
        )) {
            found.push(element.tagName.toLowerCase());
        }
        return found;
    });
}

async function axeViolations(page: Page): Promise<string[]> {
    // Evaluated through the debugging protocol, which the page's policy does not govern.
    await page.evaluate(axe.source);
    const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
    return results.violations
        .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
            violation =>
                `${violation.id} (${violation.impact}): ${violation.nodes
                    .slice(0, 3)
                    .map(node => node.target.join(' '))
                    .join('; ')}`
        );
}

describe('HTML reports in a real browser', () => {
    it('opens each example report with no accessibility violations that are serious or critical, and fetches nothing', async () => {
        const names = EXAMPLES.map(example => path.basename(example, '.pool'));
        const files = names.map(name => path.join(OUT, `${name}.html`));
        // `pool report` in this process (the partner statement below runs the built command).
        for (const [index, example] of EXAMPLES.entries()) {
            const result = await runPoolInProcess(['report', example, '--format', 'html', '-o', files[index]]);
            expect(result.status, result.stderr).toBe(0);
        }
        const batch = await openAll(files);
        try {
            for (const [index, opened] of batch.pages.entries()) {
                const name = names[index];
                await opened.page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
                expect(await axeViolations(opened.page), name).toEqual([]);
                expect(opened.requests, name).toEqual([]);
                expect(opened.scriptSignals, name).toEqual([]);
                // The charts drew: each is an SVG with marks, named by its caption.
                const charts = await opened.page.$$eval('figure svg[role="img"]', svgs =>
                    svgs.map(svg => ({
                        label: document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
                        marks: svg.querySelectorAll('path, rect, line').length,
                        width: svg.getBoundingClientRect().width
                    }))
                );
                expect(charts.length, name).toBeGreaterThan(0);
                for (const chart of charts) {
                    expect(chart.label, name).toMatch(/^Chart: /);
                    expect(chart.marks, chart.label).toBeGreaterThan(3);
                    expect(chart.width, chart.label).toBeGreaterThan(200);
                }
            }
        } finally {
            await batch.close();
        }
    });

    it('opens a partner statement with no serious or critical accessibility violations', async () => {
        const file = path.join(OUT, 'manchester-statement.html');
        expect(runPool(['report', 'examples/troubled-families.pool', '--partner', 'manchester', '-o', file]).status).toBe(0);
        const batch = await openAll([file]);
        const [opened] = batch.pages;
        try {
            await opened.page.screenshot({ path: path.join(OUT, 'manchester-statement.png'), fullPage: true });
            expect(await axeViolations(opened.page)).toEqual([]);
            expect(await opened.page.textContent('h1')).toBe(
                'Manchester City Council: statement under Greater Manchester Troubled Families Investment Agreement'
            );
        } finally {
            await batch.close();
        }
    });
});

describe('hostile text in every HTML output', () => {
    const folder = scratchFolder({ 'hostile.pool': hostileAgreement() });
    const agreement = path.join(folder, 'hostile.pool');

    let markdownText: Promise<string> | undefined;
    /** The Markdown report of the hostile agreement: made once, read by the browser test and the text test. */
    function markdownReport(): Promise<string> {
        markdownText ??= runPoolInProcess(['report', agreement, '--format', 'md']).then(result => result.stdout);
        return markdownText;
    }

    /** The report, every partner's statement, and the Markdown report as GitHub would show it (`pool report` in this process). */
    async function pages(): Promise<string[]> {
        const report = path.join(OUT, 'hostile.html');
        expect((await runPoolInProcess(['report', agreement, '-o', report])).stderr).toBe('');
        const statements = path.join(OUT, 'hostile-statements');
        expect((await runPoolInProcess(['report', agreement, '--each-partner', '-o', statements])).status).toBe(0);
        const markdown = await markdownReport();
        // html: true as on GitHub, which keeps inline HTML: the escaping must not rely on it being off.
        const markdownPage = path.join(OUT, 'hostile-markdown.html');
        writeFileSync(
            markdownPage,
            `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Markdown</title></head><body>${new MarkdownIt({ html: true, linkify: true }).render(markdown)}</body></html>`
        );
        return [report, ...readdirSync(statements).map(name => path.join(statements, name)), markdownPage];
    }

    /** The page the editor's preview shows: renderHtml with a webview's source in its policy. */
    async function webviewPage(): Promise<string> {
        const file = path.join(OUT, 'hostile-webview.html');
        writeFileSync(file, renderHtml(await loadReportData(agreement), { webview: { cspSource: 'https://*.vscode-cdn.net' } }));
        return file;
    }

    it("runs no script and fetches nothing, even with the page's Content-Security-Policy switched off", async () => {
        const files = [...(await pages()), await webviewPage()];
        expect(files.length).toBe(XSS_PAYLOADS.length + 3);
        const batch = await openAll(files, { bypassCsp: true });
        try {
            for (const [index, opened] of batch.pages.entries()) {
                const file = files[index];
                expect(opened.scriptSignals, file).toEqual([]);
                expect(opened.requests, file).toEqual([]);
                expect(await activeContent(opened.page), file).toEqual([]);
                const text = await opened.page.evaluate(() => document.body.innerText);
                // The payloads are shown as the text they are.
                expect(text, file).toContain('<script>alert(1)</script>');
            }
        } finally {
            await batch.close();
        }
        const report = readFileSync(files[0], 'utf8');
        for (const payload of XSS_PAYLOADS)
            expect(report).toContain(payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    });

    it('shows the payloads in Markdown as text: no link, image, emphasis, table cell or HTML comes out of them', async () => {
        const markdown = await markdownReport();
        const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
        // Only the elements the report itself uses: none that a payload could have made.
        const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map(match => match[1].toLowerCase()));
        expect([...tags].sort()).toEqual(['blockquote', 'em', 'h1', 'h2', 'h3', 'li', 'p', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul']);
        const text = html
            .replace(/<[^>]+>/g, '')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&');
        for (const payload of XSS_PAYLOADS) expect(text).toContain(payload);
    });

    it('has a policy that stops script and fetches even if some markup got into the page', async () => {
        const report = readFileSync(path.join(OUT, 'hostile.html'), 'utf8');
        const injected = path.join(OUT, 'injected.html');
        writeFileSync(injected, report.replace('<main', '<script>alert("injected")</script><img src="http://127.0.0.1:9/x.png" alt=""><main'));
        const batch = await openAll([injected]);
        const [opened] = batch.pages;
        try {
            expect(opened.scriptSignals).toEqual([]);
            expect(opened.requests).toEqual([]);
        } finally {
            await batch.close();
        }
    });
});
