import { fingerprintFindings } from './fingerprint.js';
import type { CheckRun } from './index.js';

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
    const suites = run.files.map(file => {
        const diagnostics = run.diagnostics.filter(diagnostic => diagnostic.file === file);
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
        const failures = diagnostics.filter(d => d.severity === 'error' || (run.strict && d.severity === 'warning')).length;
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

function text(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(INVALID_XML, '\uFFFD');
}

function attr(value: string): string {
    return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Characters XML 1.0 cannot carry at all; replaced rather than producing a file no CI can read. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: XML cannot carry them
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
