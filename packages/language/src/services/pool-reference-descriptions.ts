import {
    type AstNode,
    type AstNodeLocator,
    Cancellation,
    type CstNode,
    CstUtils,
    DefaultReferenceDescriptionProvider,
    type DocumentSegment,
    interruptAndCheck,
    isReference,
    type LangiumCoreServices,
    type LangiumDocument,
    type ReferenceDescription,
    type ReferenceInfo,
    type URI,
    UriUtils
} from 'langium';
import { referencesOf } from './ast-walk.js';

/** How many references to describe between checks for cancellation (a newer keystroke). */
const REFERENCES_PER_CHECK = 500;

/**
 * A reference as the index keeps it, with where it is written worked out when asked for. Langium's
 * descriptions hold the path of the node the reference is in (a string of its own for each
 * reference) and the reference's range as four objects: in a workspace of 1,000 agreements,
 * 167,000 references took 43 MB, read only by find references, highlights and rename. The file's
 * index entries are replaced whenever it is parsed again, so the syntax nodes they read are those
 * of its present text.
 */
class LazyReferenceDescription implements ReferenceDescription {
    constructor(
        readonly sourceUri: URI,
        readonly targetUri: URI,
        readonly targetPath: string,
        readonly local: boolean,
        private readonly container: AstNode,
        private readonly refNode: CstNode,
        private readonly locator: AstNodeLocator
    ) {}

    get sourcePath(): string {
        return this.locator.getAstNodePath(this.container);
    }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.refNode);
    }
}

/**
 * Describes every reference for the index (find references, rename) as Langium does, in the same
 * order and with the same values, but walks the tree with plain loops and checks for cancellation
 * every few hundred nodes rather than at each one, and works out a reference's place when asked
 * (see {@link LazyReferenceDescription}).
 */
export class PoolReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly locator: AstNodeLocator;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        // The same references the linker went through (see referencesOf), not a second walk of the tree.
        for (const [i, reference] of referencesOf(document.parseResult.value).entries()) {
            if (i % REFERENCES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            if (!reference.reference.error) for (const description of this.describe(reference, document.uri)) descriptions.push(description);
        }
        return descriptions;
    }

    /**
     * The same descriptions at once, for a syntax tree parsed again after it was dropped (see
     * {@link PoolIndexManager.findAllReferences}): its names are resolved as they are read.
     */
    describeNow(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const reference of referencesOf(document.parseResult.value)) {
            // Reading the target resolves it; one that does not resolve is not described.
            if (isReference(reference.reference) && reference.reference.ref === undefined) continue;
            if (!reference.reference.error) for (const description of this.describe(reference, document.uri)) descriptions.push(description);
        }
        return descriptions;
    }

    private describe(info: ReferenceInfo, sourceUri: URI): ReferenceDescription[] {
        const reference = info.reference;
        // A reference to several targets is described as Langium does (the grammar has none).
        if (!isReference(reference)) return this.createInfoDescriptions(info);
        const target = reference.$nodeDescription;
        const refNode = reference.$refNode;
        if (reference.error || !refNode || !target) return [];
        return [
            new LazyReferenceDescription(
                sourceUri,
                target.documentUri,
                target.path,
                UriUtils.equals(target.documentUri, sourceUri),
                info.container,
                refNode,
                this.locator
            )
        ];
    }
}
