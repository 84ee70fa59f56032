import { escapeXmlAttribute, escapeXmlText } from '@pool/language';
import type { ReportedDiagnostic } from '../diagnostics.js';
import { fingerprintFindings } from './fingerprint.js';
import type { CheckRun } from './index.js';
import { problemsIn } from './summary.js';

/** Agreement text in the XML: escaped, and never a character XML cannot carry (GitLab reads this). */
const text = escapeXmlText;
const attr = escapeXmlAttribute;

/**
 * JUnit XML, as GitLab, Azure Pipelines and Jenkins read it: one test suite per file checked, one
 * test case per diagnostic (a failure for an error, and for a warning under --strict), and one
 * passing test case for a file with no problems, so a clean file shows up as checked.
 *
 * A test case is named by its check code and the start of the finding's fingerprint (no line or
 * column), so the same finding keeps its name when lines are inserted above it, and CI systems that
 * track tests across runs see the same test, not a new one.
 */
export function formatJunit(run: CheckRun): string {
    const fingerprints = fingerprintFindings(run.diagnostics, run.where);
    let tests = 0;
    const byFile = new Map<string, ReportedDiagnostic[]>();
    for (const diagnostic of run.diagnostics) {
        const list = byFile.get(diagnostic.file);
        if (list) list.push(diagnostic);
        else byFile.set(diagnostic.file, [diagnostic]);
    }
    const suites = run.files.map(file => {
        const diagnostics = byFile.get(file) ?? [];
        const cases = diagnostics.map(diagnostic => {
            const name = `${diagnostic.code} ${(fingerprints.get(diagnostic) ?? '').slice(0, 12)}`;
            const failing = diagnostic.severity === 'error' || (run.strict && diagnostic.severity === 'warning');
            const detail = `${file}:${diagnostic.start.line}:${diagnostic.start.column}: ${diagnostic.severity}[${diagnostic.code}]: ${diagnostic.message}`;
            const body = failing
                ? `<failure type="${attr(diagnostic.code)}" message="${attr(diagnostic.message)}">${text(detail)}</failure>`
                : `<system-out>${text(detail)}</system-out>`;
            return `    <testcase classname="${attr(file)}" name="${attr(name)}">${body}</testcase>`;
        });
        if (cases.length === 0) {
            cases.push(`    <testcase classname="${attr(file)}" name="all checks passed"/>`);
        }
        tests += cases.length;
        let failures = 0;
        for (const d of diagnostics) if (d.severity === 'error' || (run.strict && d.severity === 'warning')) failures += problemsIn(d);
        return [`  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${failures}" errors="0">`, ...cases, '  </testsuite>'].join('\n');
    });
    const failures = run.summary.errors + (run.strict ? run.summary.warnings : 0);
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="pool check" tests="${tests}" failures="${failures}" errors="0">`,
        ...suites,
        '</testsuites>',
        ''
    ].join('\n');
}
