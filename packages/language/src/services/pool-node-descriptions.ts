import {
    type AstNode,
    type AstNodeDescription,
    type AstNodeLocator,
    AstUtils,
    CstUtils,
    DefaultAstNodeDescriptionProvider,
    type DocumentSegment,
    type LangiumCoreServices,
    type LangiumDocument,
    type NameProvider,
    type URI
} from 'langium';

/**
 * What the index and the scopes know of each declaration, worked out when asked for. Langium's
 * descriptions compute the declaration's range and path at once and hold a closure for the name's
 * range: about a kilobyte each, 180 MB for a register of 160,000 partners, of which only a few
 * are ever looked at (the targets of the references that resolve to them).
 */
class LazyNodeDescription implements AstNodeDescription {
    private pathValue: string | undefined;
    private nameSegmentValue: DocumentSegment | undefined;
    private selectionSegmentValue: DocumentSegment | undefined;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly type: string,
        readonly documentUri: URI,
        private readonly locator: AstNodeLocator,
        private readonly names: NameProvider
    ) {}

    get path(): string {
        return (this.pathValue ??= this.locator.getAstNodePath(this.node));
    }

    get nameSegment(): DocumentSegment | undefined {
        return (this.nameSegmentValue ??= CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode));
    }

    get selectionSegment(): DocumentSegment | undefined {
        return (this.selectionSegmentValue ??= CstUtils.toDocumentSegment(this.node.$cstNode));
    }
}

export class PoolAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    private readonly locator: AstNodeLocator;
    private readonly names: NameProvider;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
        this.names = services.references.NameProvider;
    }

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const known = name ?? this.names.getName(node);
        if (!known) throw new Error(`Node at path ${this.locator.getAstNodePath(node)} has no name.`);
        return new LazyNodeDescription(node, known, node.$type, (document ?? AstUtils.getDocument(node)).uri, this.locator, this.names);
    }
}
