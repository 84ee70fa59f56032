import { resetSVGDefIds } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { chartSvg, chartView } from '../src/charts.js';

/**
 * The reports draw charts synchronously with chartSvg, which sizes the drawing through Vega's
 * public API; Vega's own View.toSVG (asynchronous) is the reference. Each specification here has
 * something outside the plot that the drawing must grow to take in: long legend labels, rotated
 * and negative axis labels, a title, a legend below.
 */
const SPECS: Record<string, TopLevelSpec & { width: number; height: number }> = {
    'stacked bars with a legend of long names': {
        width: 520,
        height: 260,
        data: {
            values: [
                { year: '2025/26', partner: 'Greater Manchester Integrated Care Board (NHS)', pounds: 1200000 },
                { year: '2025/26', partner: 'Manchester City Council', pounds: 800000 },
                { year: '2026/27', partner: 'Greater Manchester Integrated Care Board (NHS)', pounds: 1300000 },
                { year: '2026/27', partner: 'Manchester City Council', pounds: 900000 }
            ]
        },
        mark: { type: 'bar' },
        encoding: {
            x: { field: 'year', type: 'ordinal', axis: { labelAngle: 0 } },
            y: { field: 'pounds', type: 'quantitative', axis: { format: ',.0f' }, stack: 'zero' },
            color: { field: 'partner', type: 'nominal' }
        }
    },
    'horizontal bars with negative values': {
        width: 400,
        height: 120,
        data: {
            values: [
                { partner: 'Salford City Council', pounds: -250000 },
                { partner: 'NHS Salford', pounds: 750000 }
            ]
        },
        mark: { type: 'bar' },
        encoding: { y: { field: 'partner', type: 'nominal' }, x: { field: 'pounds', type: 'quantitative' } }
    },
    'a line with a title, rotated labels and a legend below': {
        title: 'Emergency admissions per 1,000 people, against the trajectory to the target',
        width: 300,
        height: 200,
        data: {
            values: [
                { at: 2015, value: 12, rag: 'red' },
                { at: 2016.5, value: 10.5, rag: 'amber' },
                { at: 2018, value: 9, rag: 'green' }
            ]
        },
        mark: { type: 'line', point: true },
        encoding: {
            x: { field: 'at', type: 'quantitative', axis: { labelAngle: -45 } },
            y: { field: 'value', type: 'quantitative' },
            color: { field: 'rag', type: 'nominal', legend: { orient: 'bottom' } }
        }
    }
};

describe('charts are drawn as Vega draws them', () => {
    for (const [name, spec] of Object.entries(SPECS)) {
        it(name, async () => {
            const view = chartView(spec);
            resetSVGDefIds();
            const drawn = chartSvg(view);
            resetSVGDefIds();
            const reference = await view.toSVG();
            view.finalize();
            expect(drawn).toBe(reference);
            // The drawing is bigger than the plot: what lies outside it is inside the picture.
            const [width = 0, height = 0] = /width="(\d+)" height="(\d+)"/.exec(drawn)?.slice(1).map(Number) ?? [];
            expect(width * height).toBeGreaterThan(spec.width * spec.height);
        });
    }
});
