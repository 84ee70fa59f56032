import { DocumentState, EmptyFileSystem } from 'langium';
import { validationHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createPoolServices, type PoolServices } from '../../src/services/pool-module.js';
import { HEADER } from '../helpers.js';
import { configure, initialize } from './fixture.js';

/** An agreement with one warning (an unused partner) and one error (a total that does not add up). */
const AGREEMENT = `${HEADER}partner police "Anytown Police" police
pool care "Care" aligned {
    2013/14 { council £1  nhs £1  total £3 }
}
`;

/** Resolves when the next build has checked its documents. */
function nextValidation(services: PoolServices): Promise<void> {
    return new Promise(resolve => {
        const listener = services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
            listener.dispose();
            resolve();
        });
    });
}

const severities = (diagnostics: { code?: unknown; severity?: DiagnosticSeverity }[]) =>
    diagnostics.map(diagnostic => `${String(diagnostic.code)}: ${diagnostic.severity === DiagnosticSeverity.Error ? 'error' : 'warning'}`).sort();

describe('settings', () => {
    it('pool.strict publishes warnings as errors, and switching it re-checks open documents', async () => {
        const { Pool } = createPoolServices(EmptyFileSystem);
        const { document, diagnostics } = await validationHelper(Pool)(AGREEMENT);
        expect(severities(diagnostics)).toEqual(['total-mismatch: error', 'unused-partner: warning']);

        let checked = nextValidation(Pool);
        configure(Pool, { strict: true });
        await checked;
        expect(severities(document.diagnostics ?? [])).toEqual(['total-mismatch: error', 'unused-partner: error']);

        checked = nextValidation(Pool);
        configure(Pool, { strict: false });
        await checked;
        expect(severities(document.diagnostics ?? [])).toEqual(['total-mismatch: error', 'unused-partner: warning']);
    });

    it("links each diagnostic to its check's documentation when the client says where that is", async () => {
        const { Pool } = createPoolServices(EmptyFileSystem);
        await initialize(Pool, { checkDocumentationBase: 'https://example.org/docs/checks.html' });
        const { diagnostics } = await validationHelper(Pool)(`${AGREEMENT}pool broken "Broken" {`);
        expect(diagnostics.map(diagnostic => `${String(diagnostic.code)} ${diagnostic.codeDescription?.href}`).sort()).toEqual([
            'empty-pool https://example.org/docs/checks.html#empty-pool',
            'syntax-error https://example.org/docs/checks.html#syntax-error',
            'total-mismatch https://example.org/docs/checks.html#total-mismatch',
            'unused-partner https://example.org/docs/checks.html#unused-partner'
        ]);
    });

    it('gives no documentation links when the client names no documentation', async () => {
        const { Pool } = createPoolServices(EmptyFileSystem);
        const { diagnostics } = await validationHelper(Pool)(AGREEMENT);
        expect(diagnostics.every(diagnostic => diagnostic.codeDescription === undefined)).toBe(true);
    });
});
