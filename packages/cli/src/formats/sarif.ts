import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_CHECKS, listInWords } from '@pool/language';
import { t } from '../i18n/index.js';
import type { ReportedDiagnostic } from '../diagnostics.js';
import { fingerprintFindings, repositoryPath } from './fingerprint.js';
import type { CheckRun } from './index.js';

/**
 * SARIF 2.1.0, as GitHub code scanning and other tools read it: one run, one rule per check code
 * (with its description and help), one result per diagnostic. Locations are relative to the root
 * of the git repository (`%SRCROOT%`), wherever in it pool ran, so the output is the same on every
 * machine and code scanning finds the files. Each result carries a fingerprint that survives edits
 * elsewhere in the file (see fingerprint.ts), and its message links to its related locations.
 */
export function formatSarif(run: CheckRun): string {
    const rules = ALL_CHECKS.map(check => {
        const helpUri = run.helpBaseUri ? `${run.helpBaseUri}#${check.code}` : undefined;
        return {
            id: check.code,
            name: check.code.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase()),
            shortDescription: { text: check.summary },
            fullDescription: { text: check.summary },
            ...(helpUri ? { helpUri } : {}),
            help: {
                text: `${check.summary} See the Pool check reference (docs/checks.md#${check.code}) for an example and how to fix it.`,
                markdown: `${check.summary}\n\nSee the Pool check reference, [${check.code}](${helpUri ?? `docs/checks.md#${check.code}`}), for an example and how to fix it.`
            },
            defaultConfiguration: { level: check.severity },
            properties: { tags: ['pool', check.tier], precision: 'very-high', 'problem.severity': check.severity }
        };
    });
    const ruleIndex = new Map<string, number>(rules.map((rule, index) => [rule.id, index]));
    const fingerprints = fingerprintFindings(run.diagnostics, run.where);
    const results = run.diagnostics.map(diagnostic => ({
        ruleId: diagnostic.code,
        ...(ruleIndex.has(diagnostic.code) ? { ruleIndex: ruleIndex.get(diagnostic.code) } : {}),
        level: diagnostic.severity === 'error' || diagnostic.severity === 'warning' ? diagnostic.severity : 'note',
        message: { text: messageText(diagnostic, run) },
        locations: [location(diagnostic.file, diagnostic, run)],
        partialFingerprints: { 'poolFinding/v1': fingerprints.get(diagnostic) },
        ...(diagnostic.related.length > 0
            ? {
                  relatedLocations: diagnostic.related.map((related, index) => ({
                      id: index + 1,
                      ...location(related.file, related, run),
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
                artifacts: run.files.map(file => ({ location: artifactLocation(file, run) })),
                results,
                // The totals, counting the problems past the per-file limit that no result lists.
                properties: { errors: run.summary.errors, warnings: run.summary.warnings }
            }
        ]
    };
    return JSON.stringify(log, null, 2) + '\n';
}

/**
 * The message, with each related location linked by its id (SARIF's `[text](id)` links, which
 * code scanning shows as links to those lines); the text is escaped so brackets in agreement text
 * cannot make links of their own.
 */
function messageText(diagnostic: ReportedDiagnostic, run: CheckRun): string {
    const message = escapeSarifText(diagnostic.message);
    if (diagnostic.related.length === 0) return message;
    const links = diagnostic.related.map((related, index) => `[${escapeSarifText(related.message)}](${index + 1})`);
    return t('cli.sarif.related', { message, related: listInWords(links, run.lang) }, run.lang);
}

/** SARIF message text: a backslash escapes `\`, `[` and `]`, which would otherwise open a link, as the SARIF specification says for message strings. */
function escapeSarifText(text: string): string {
    return text.replace(/[\\[\]]/g, character => `\\${character}`);
}

function location(file: string, span: Pick<ReportedDiagnostic, 'start' | 'end'>, run: CheckRun) {
    return {
        physicalLocation: {
            artifactLocation: artifactLocation(file, run),
            region: { startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column }
        }
    };
}

/** A file in the repository relative to `%SRCROOT%`; a file outside it (an import from elsewhere) by its absolute URI. */
function artifactLocation(file: string, run: CheckRun) {
    const inRepository = repositoryPath(file, run.where);
    return inRepository === undefined
        ? { uri: pathToFileURL(path.resolve(run.where.cwd, file)).href }
        : { uri: inRepository.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
