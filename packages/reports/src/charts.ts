import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartString, escapeHtml } from './escape.js';

/**
 * Charts are Vega-Lite specifications rendered to SVG by Vega, headless and synchronously (no
 * canvas, no DOM, no fetches), so the same data always gives the same bytes. Chart figures are
 * positions on a page, not money: the exact amounts are in the tables beside each chart.
 */

/** GOV.UK Design System colours, in an order that keeps neighbours distinguishable. */
const PALETTE = ['#1d70b8', '#f47738', '#00703c', '#4c2c92', '#d53880', '#28a197', '#b58840', '#003078', '#6f72af', '#505a5f', '#912b88', '#85994b'];
const RAG_COLOURS: Record<string, string> = { green: '#00703c', amber: '#f47738', red: '#d4351c' };

const FONT = 'arial, sans-serif';

const CONFIG = {
    font: FONT,
    aria: false,
    background: '#ffffff',
    view: { stroke: null },
    axis: {
        labelFontSize: 12,
        titleFontSize: 13,
        labelColor: '#0b0c0c',
        titleColor: '#0b0c0c',
        gridColor: '#e5e6e7',
        domainColor: '#505a5f',
        tickColor: '#505a5f',
        titleFontWeight: 'bold' as const
    },
    legend: { labelFontSize: 12, titleFontSize: 13, labelColor: '#0b0c0c', titleColor: '#0b0c0c', labelLimit: 320 },
    range: { category: PALETTE }
};

/** A Vega view of a Vega-Lite specification with the reports' look, run headless (no canvas, no DOM). */
export function chartView(spec: TopLevelSpec): vega.View {
    const runtime = vega.parse(compile({ ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } }).spec);
    const view = new vega.View(runtime, { renderer: 'none' });
    view.run();
    return view;
}

/**
 * The SVG of a view that has run, drawn synchronously: what View.toSVG does, without its awaits
 * (nothing here loads anything), through public API only. Under Vega-Lite's `pad` autosize the
 * drawing is the plot's width and height grown to take in what lies outside them (axes, titles,
 * legends): the scene's bounds, shifted by the origin. A test holds this to View.toSVG's own output
 * for every chart, so a change in Vega's layout cannot pass unseen.
 */
export function chartSvg(view: vega.View): string {
    const origin = view.origin();
    // vega-typings types scenegraph() as a scene item; it returns the scenegraph, whose root is drawn.
    const root = (view.scenegraph() as unknown as { root: { bounds: { x2: number; y2: number } } }).root;
    const padding = view.padding() as { left: number; right: number; top: number; bottom: number };
    const width = origin[0] + Math.max(view.width(), Math.ceil(root.bounds.x2));
    const height = origin[1] + Math.max(view.height(), Math.ceil(root.bounds.y2));
    vega.resetSVGDefIds();
    const renderer = new (vega as unknown as { SVGStringRenderer: new (loader: unknown) => unknown }).SVGStringRenderer(view.loader()) as {
        initialize(el: null, width: number, height: number, origin: [number, number]): { background(colour: string): unknown };
        render(scene: unknown): unknown;
        svg(): string;
    };
    renderer
        .initialize(null, Math.max(0, width + padding.left + padding.right), Math.max(0, height + padding.top + padding.bottom), [
            padding.left + origin[0],
            padding.top + origin[1]
        ])
        .background(view.background());
    renderer.render(root);
    return renderer.svg();
}

/**
 * Renders a Vega-Lite specification to an SVG string, labelled by the element with the given id
 * (the figure's caption); the caller puts the same figures in a table beside it.
 */
function renderChart(spec: TopLevelSpec, id: string): string {
    const view = chartView(spec);
    const drawn = chartSvg(view);
    view.finalize();
    // The chart is one image named by its caption: roles Vega gives its inner groups are dropped
    // (inside tags only; text is escaped, so it holds no tags). A tag holds no `<`: without that, an
    // unclosed `<` would be scanned to the end again from every `<` after it.
    const svg = drawn.replace(/<[^<>]+>/g, tag => tag.replace(/ (role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, ''));
    return svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${escapeHtml(id)}" focusable="false" `);
}

export interface ContributionPoint {
    readonly partner: string;
    readonly year: string;
    readonly pounds: number;
}

/** Words inside the charts: axis and legend titles, and the RAG statuses' legend. */
export interface ChartWords {
    readonly financialYear: string;
    readonly contributions: string;
    readonly partner: string;
    readonly share: string;
    readonly endOfPeriod: string;
    readonly status: string;
    readonly noStatus: string;
}

/** Stacked bars: each year's contributions, by partner. */
export function contributionsChart(points: readonly ContributionPoint[], partnerOrder: readonly string[], id: string, words: ChartWords): string {
    return renderChart(
        {
            $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
            width: 520,
            height: 260,
            // The partners' order is data and a scale's domain, never an expression: Vega reads its
            // expressions as code, where a name is a string literal that must be escaped (chartString).
            data: { values: points.map(point => ({ ...point, order: partnerOrder.indexOf(point.partner) })) },
            mark: { type: 'bar' },
            encoding: {
                x: { field: 'year', type: 'ordinal', title: words.financialYear, axis: { labelAngle: 0 } },
                y: { field: 'pounds', type: 'quantitative', title: words.contributions, axis: { format: ',.0f' }, stack: 'zero' },
                color: { field: 'partner', type: 'nominal', title: words.partner, scale: { domain: [...partnerOrder] } },
                order: { field: 'order', type: 'quantitative' }
            }
        },
        id
    );
}

export interface SharePoint {
    readonly partner: string;
    readonly pounds: number;
}

/** Horizontal bars: each partner's part of a shared amount, in pounds. */
export function shareChart(points: readonly SharePoint[], id: string, words: ChartWords): string {
    return renderChart(
        {
            $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
            width: 420,
            height: { step: 28 },
            data: { values: points.map((point, index) => ({ ...point, order: index })) },
            mark: { type: 'bar', color: PALETTE[0] },
            encoding: {
                y: { field: 'partner', type: 'nominal', title: null, sort: { field: 'order' }, axis: { labelLimit: 300 } },
                x: { field: 'pounds', type: 'quantitative', title: words.share, axis: { format: ',.0f' } }
            }
        },
        id
    );
}

export interface OutcomeChartInput {
    readonly unit: string;
    readonly baseline: { readonly at: number; readonly value: number; readonly label: string };
    readonly target: { readonly at: number; readonly value: number; readonly label: string };
    readonly actuals: readonly { readonly at: number; readonly value: number; readonly label: string; readonly rag: string | null }[];
}

/** The straight line from baseline to target, and each actual as a dot coloured by its RAG status. */
export function outcomeChart(
    input: OutcomeChartInput,
    id: string,
    words: ChartWords & { readonly green: string; readonly amber: string; readonly red: string }
): string {
    const ragName = (rag: string | null) => (rag === 'green' ? words.green : rag === 'amber' ? words.amber : rag === 'red' ? words.red : words.noStatus);
    const ticks = [input.baseline, input.target, ...input.actuals];
    // Positions are year ends and quarter ends; the axis names them as the agreement does.
    const labelExpr = ticks.map(tick => `datum.value == ${tick.at} ? ${chartString(tick.label)}`).join(' : ') + ' : ""';
    const positions = [...new Set(ticks.map(tick => tick.at))].sort((a, b) => a - b);
    const x = {
        field: 'at',
        type: 'quantitative' as const,
        title: words.endOfPeriod,
        scale: { zero: false, nice: false, padding: 24 },
        axis: { values: positions, labelExpr, labelAngle: 0, grid: false, labelOverlap: true }
    };
    const y = { field: 'value', type: 'quantitative' as const, title: input.unit, scale: { zero: false, padding: 16 } };
    return renderChart(
        {
            $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
            width: 480,
            height: 240,
            layer: [
                {
                    data: {
                        values: [
                            { ...input.baseline, kind: 'baseline' },
                            { ...input.target, kind: 'target' }
                        ]
                    },
                    mark: { type: 'line', strokeDash: [6, 4], color: '#505a5f', point: { filled: true, size: 60, color: '#505a5f' } },
                    encoding: { x, y }
                },
                {
                    data: { values: input.actuals.map(actual => ({ ...actual, rag: ragName(actual.rag) })) },
                    mark: { type: 'point', filled: true, size: 110, stroke: '#0b0c0c', strokeWidth: 1 },
                    encoding: {
                        x,
                        y,
                        color: {
                            field: 'rag',
                            type: 'nominal',
                            title: words.status,
                            scale: {
                                domain: [ragName('green'), ragName('amber'), ragName('red'), ragName(null)],
                                range: [RAG_COLOURS.green, RAG_COLOURS.amber, RAG_COLOURS.red, '#b1b4b6']
                            }
                        }
                    }
                }
            ]
        } as TopLevelSpec,
        id
    );
}
