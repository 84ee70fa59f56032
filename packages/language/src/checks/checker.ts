import { AstUtils, type LangiumDocument, type LangiumSharedCoreServices, WorkspaceCache } from 'langium';
import type { Document } from '../generated/ast.js';
import { type Lang, t } from '../i18n/index.js';
import type { ImportGraph } from '../model/imports.js';
import type { AgreementModelProvider } from '../model/model-provider.js';
import type { Finding } from './check.js';
import { relativeTo } from './describe.js';
import { ALL_CHECKS } from './index.js';
import { runChecks } from './run-checks.js';

/**
 * Runs every check for a document and places each finding in that document.
 *
 * A document's model includes what it imports, so a check can find something about an imported
 * declaration. If checking the imported file on its own finds the same thing, it is reported
 * there and not repeated here. Otherwise it is only true in this agreement's context (a year
 * outside this agreement's period, an id that clashes with another import) and is reported on the
 * import statement that brings the declaration in, naming the file and line.
 */
export class PoolChecker {
    private readonly ownFindings: WorkspaceCache<string, Finding[]>;

    constructor(
        shared: LangiumSharedCoreServices,
        private readonly models: () => AgreementModelProvider,
        private readonly imports: () => ImportGraph,
        private readonly language: () => Lang = () => 'en'
    ) {
        this.ownFindings = new WorkspaceCache(shared);
    }

    /** Everything the checks find in this document's model, wherever in its imports it lies. */
    findings(document: LangiumDocument<Document>): Finding[] {
        const lang = this.language();
        return this.ownFindings.get(`${lang}\u0000${document.uri.toString()}`, () => {
            let model;
            try {
                model = this.models().getModel(document);
            } catch (error) {
                // A fault in Pool, not in the agreement: say so where the user will see it.
                return [
                    {
                        code: 'internal-error',
                        severity: 'error',
                        node: document.parseResult.value,
                        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                        message: t('internal-error.model', { error: error instanceof Error ? error.message : String(error) }, lang)
                    } satisfies Finding
                ];
            }
            return runChecks(model, ALL_CHECKS, lang);
        });
    }

    /** The findings to show on this document: its own, and those about imports that only hold here. */
    findingsFor(document: LangiumDocument<Document>): Finding[] {
        const result: Finding[] = [];
        const lang = this.language();
        const forwarded = new Set<string>();
        for (const finding of this.findings(document)) {
            const home = AstUtils.getDocument<Document>(finding.node);
            if (home.uri.toString() === document.uri.toString()) {
                result.push(finding);
                continue;
            }
            if (this.findings(home).some(own => sameFinding(own, finding))) {
                continue;
            }
            const via = this.imports().importLeadingTo(document, home.uri);
            if (!via) continue;
            const line = (finding.node.$cstNode?.range.start.line ?? 0) + 1;
            const message = t('finding.in-import', { file: relativeTo(document, home), line, message: finding.message }, lang);
            const key = `${finding.code}\u0000${message}`;
            if (forwarded.has(key)) continue;
            forwarded.add(key);
            result.push({
                ...finding,
                node: via.node,
                property: 'path',
                index: undefined,
                range: undefined,
                message,
                related: [
                    { node: finding.node, property: finding.property, index: finding.index, message: t('finding.in-import.related', {}, lang) },
                    ...(finding.related ?? [])
                ]
            });
        }
        return result;
    }
}

function sameFinding(a: Finding, b: Finding): boolean {
    return a.code === b.code && a.node === b.node && a.property === b.property && a.index === b.index && a.message === b.message;
}
