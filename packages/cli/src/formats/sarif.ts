import { ALL_CHECKS } from '@pool/language';
import type { ReportedDiagnostic } from '../diagnostics.js';
import type { CheckRun } from './index.js';

/**
 * SARIF 2.1.0, as GitHub code scanning and other tools read it: one run, one rule per check code
 * (with its description and help), one result per diagnostic. Locations are relative to the
 * directory pool ran in (`%SRCROOT%`), so the output is the same on every machine.
 */
export function formatSarif(run: CheckRun): string {
    const rules = ALL_CHECKS.map(check => ({
        id: check.code,
        name: check.code.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase()),
        shortDescription: { text: check.summary },
        fullDescription: { text: check.summary },
        ...(run.helpBaseUri ? { helpUri: `${run.helpBaseUri}#${check.code}` } : {}),
        help: {
            text: `${check.summary} See the Pool check reference (docs/checks.md#${check.code}) for an example and how to fix it.`,
            markdown: `${check.summary}\n\nSee the Pool check reference, [${check.code}](${run.helpBaseUri ? `${run.helpBaseUri}#${check.code}` : `docs/checks.md#${check.code}`}), for an example and how to fix it.`
        },
        defaultConfiguration: { level: check.severity },
        properties: { tags: ['pool', check.tier], precision: 'very-high', 'problem.severity': check.severity }
    }));
    const ruleIndex = new Map<string, number>(rules.map((rule, index) => [rule.id, index]));
    const results = run.diagnostics.map(diagnostic => ({
        ruleId: diagnostic.code,
        ...(ruleIndex.has(diagnostic.code) ? { ruleIndex: ruleIndex.get(diagnostic.code) } : {}),
        level: diagnostic.severity === 'error' || diagnostic.severity === 'warning' ? diagnostic.severity : 'note',
        message: { text: diagnostic.message },
        locations: [location(diagnostic.file, diagnostic)],
        ...(diagnostic.related.length > 0
            ? {
                  relatedLocations: diagnostic.related.map((related, index) => ({
                      id: index,
                      ...location(related.file, related),
                      message: { text: related.message }
                  }))
              }
            : {}),
        // Past the per-file limit, one result per code stands for the rest: how many.
        ...(diagnostic.omitted !== undefined ? { properties: { omitted: diagnostic.omitted } } : {})
    }));
    const log = {
        $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'pool', semanticVersion: run.toolVersion, version: run.toolVersion, rules } },
                columnKind: 'utf16CodeUnits',
                artifacts: run.files.map(file => ({ location: { uri: encodeUri(file), uriBaseId: '%SRCROOT%' } })),
                results,
                // The totals, counting the problems past the per-file limit that no result lists.
                properties: { errors: run.summary.errors, warnings: run.summary.warnings }
            }
        ]
    };
    return JSON.stringify(log, null, 2) + '\n';
}

function location(file: string, span: Pick<ReportedDiagnostic, 'start' | 'end'>) {
    return {
        physicalLocation: {
            artifactLocation: { uri: encodeUri(file), uriBaseId: '%SRCROOT%' },
            region: { startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column }
        }
    };
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function encodeUri(file: string): string {
    return file.split('/').map(encodeURIComponent).join('/');
}
