import { Cancellation, DefaultReferenceDescriptionProvider, interruptAndCheck, type LangiumDocument, type ReferenceDescription } from 'langium';
import { allNodes, forEachReference } from './ast-walk.js';

/** How many syntax nodes to describe between checks for cancellation (a newer keystroke). */
const NODES_PER_CHECK = 500;

/**
 * Describes every reference for the index (find references, rename) exactly as Langium does, in
 * the same order, but walks the tree with plain loops and checks for cancellation every few
 * hundred nodes rather than at each one.
 */
export class PoolReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const nodes = allNodes(document.parseResult.value);
        for (const [i, node] of nodes.entries()) {
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReference(node, reference => {
                if (!reference.reference.error) for (const description of this.createInfoDescriptions(reference)) descriptions.push(description);
            });
        }
        return descriptions;
    }
}
