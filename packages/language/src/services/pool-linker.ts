import {
    type AstNodeDescription,
    AstUtils,
    Cancellation,
    DefaultLinker,
    interruptAndCheck,
    type LangiumDocument,
    type LinkingError,
    type ReferenceInfo
} from 'langium';
import { referencesOf } from './ast-walk.js';

/** How many references to link between checks for cancellation (a newer keystroke). */
const REFERENCES_PER_CHECK = 500;

/**
 * Links every reference exactly as Langium's linker does, in the same order, but walks the tree
 * with plain loops and checks for cancellation every few hundred nodes rather than at each one.
 */
export class PoolLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        linkingFaults.delete(document);
        const root = document.parseResult.value;
        const references = referencesOf(root);
        for (const [i, reference] of references.entries()) {
            if (i % REFERENCES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            this.doLink(reference, document);
        }
    }

    /**
     * A fault while resolving a name (a bug, or the stack or memory running out) is not a name
     * that is missing: Langium would log it and treat the reference as unresolved, and the file
     * could pass. It is kept instead, and the validator fails the file with it.
     */
    override getCandidate(refInfo: ReferenceInfo): AstNodeDescription | LinkingError {
        try {
            return super.getCandidate(refInfo);
        } catch (error) {
            linkingFaults.set(AstUtils.getDocument(refInfo.container), error);
            return this.createLinkingError(refInfo);
        }
    }
}

const linkingFaults = new WeakMap<LangiumDocument, unknown>();

/** The fault that stopped a name in the document from being resolved in its last linking, if any. */
export function linkingFaultOf(document: LangiumDocument): unknown {
    return linkingFaults.get(document);
}
