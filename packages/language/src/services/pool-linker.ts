import { type AstNode, Cancellation, DefaultLinker, interruptAndCheck, type LangiumDocument } from 'langium';
import { allNodes, forEachReference } from './ast-walk.js';

/** How many syntax nodes to link between checks for cancellation (a newer keystroke). */
const NODES_PER_CHECK = 500;

/**
 * Links every reference exactly as Langium's linker does, in the same order, but walks the tree
 * with plain loops and checks for cancellation every few hundred nodes rather than at each one.
 */
export class PoolLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        const nodes: AstNode[] = allNodes(document.parseResult.value);
        for (const [i, node] of nodes.entries()) {
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReference(node, reference => {
                this.doLink(reference, document);
            });
        }
    }
}
