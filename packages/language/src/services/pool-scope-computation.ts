import {
    type AstNode,
    type AstNodeDescription,
    Cancellation,
    DefaultScopeComputation,
    interruptAndCheck,
    type LangiumDocument,
    type LocalSymbols,
    MultiMap
} from 'langium';
import { forEachChild } from './ast-walk.js';

/**
 * The names each node makes visible inside it. Langium's default walks the whole tree and records
 * every named node under its container, including the thousands of spend lines (named by their
 * text) that nothing can refer to. Here only the file's declarations are recorded, in the same
 * order: partners, pools and outcomes, all children of the file, which are all a reference can
 * name. (A ring-fence is found through its pool by the scope provider, never through these.)
 */
export class PoolScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        await interruptAndCheck(cancelToken);
        const root = document.parseResult.value;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        forEachChild(root, node => {
            this.addLocalSymbol(node, document, symbols);
        });
        return symbols;
    }
}
