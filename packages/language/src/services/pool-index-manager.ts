import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    DefaultIndexManager,
    type DocumentSegment,
    type LangiumDocument,
    type ReferenceDescription,
    type Stream,
    stream,
    type URI,
    UriUtils
} from 'langium';
import { PoolReferenceDescriptionProvider } from './pool-reference-descriptions.js';

/**
 * The editor's index, which can also keep a file's entries without its syntax tree (see
 * {@link PoolDocumentBuilder}'s dropping of the trees of closed files nothing imports): its
 * declarations as their names, kinds and places, and its references into other files as where
 * they are written, so that workspace symbols, find references and rename still see the file.
 */
export class PoolIndexManager extends DefaultIndexManager {
    /** The files whose entries are kept without their syntax trees, by URI. */
    private readonly withoutTree = new Set<string>();

    /**
     * As Langium's, but a declaration in a file kept without its tree is looked for in that
     * file's own references too, worked out again from its tree parsed anew (they are not kept),
     * in the place the file's entries have in the index, so the order is Langium's.
     */
    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        const targetUri = AstUtils.getDocument(targetNode).uri;
        const key = targetUri.toString();
        if (!this.withoutTree.has(key)) return super.findAllReferences(targetNode, astNodePath);
        const document = this.documents.getDocument(targetUri);
        const provider = this.serviceRegistry.getServices(targetUri).workspace.ReferenceDescriptionProvider;
        const found: ReferenceDescription[] = [];
        for (const [uri, references] of this.referenceIndex) {
            const all = uri === key && document && provider instanceof PoolReferenceDescriptionProvider ? provider.describeNow(document) : references;
            for (const reference of all) {
                if (UriUtils.equals(reference.targetUri, targetUri) && reference.targetPath === astNodePath) found.push(reference);
            }
        }
        return stream(found);
    }

    override removeContent(uri: URI): void {
        this.withoutTree.delete(uri.toString());
        super.removeContent(uri);
    }

    override removeReferences(uri: URI): void {
        this.withoutTree.delete(uri.toString());
        super.removeReferences(uri);
    }

    /**
     * Replaces the file's entries with ones that hold none of its syntax nodes: each declaration
     * keeps its name, kind, path and the places of its name and of itself, and finds its node
     * again (`find`, which parses the file anew) only if something asks for it; each reference
     * into another file keeps where it is written and what it names. References inside the file
     * are left out: only the file can name its own declarations, and it is read again before it
     * is built again.
     */
    keepWithoutTree(document: LangiumDocument, find: (path: string) => AstNode | undefined): void {
        const uri = document.uri.toString();
        // Kept so already (the file's tree was parsed again and is dropped again).
        if (this.withoutTree.has(uri)) return;
        this.withoutTree.add(uri);
        const exports = this.symbolIndex.get(uri);
        if (exports) {
            this.symbolIndex.set(
                uri,
                exports.map(description => new KeptNodeDescription(description, find))
            );
            this.symbolByTypeIndex.clear(uri);
        }
        const references = this.referenceIndex.get(uri);
        if (references) {
            const kept: ReferenceDescription[] = [];
            for (const reference of references) if (!reference.local) kept.push(new KeptReferenceDescription(reference, document));
            this.referenceIndex.set(uri, kept);
        }
    }
}

/** A declaration as the index keeps it once its file's syntax tree is dropped. */
class KeptNodeDescription implements AstNodeDescription {
    readonly name: string;
    readonly type: string;
    readonly documentUri: URI;
    readonly path: string;
    readonly nameSegment: DocumentSegment | undefined;
    readonly selectionSegment: DocumentSegment | undefined;

    constructor(
        description: AstNodeDescription,
        private readonly find: (path: string) => AstNode | undefined
    ) {
        this.name = description.name;
        this.type = description.type;
        this.documentUri = description.documentUri;
        this.path = description.path;
        this.nameSegment = description.nameSegment;
        this.selectionSegment = description.selectionSegment;
    }

    get node(): AstNode | undefined {
        return this.find(this.path);
    }
}

/**
 * A reference into another file, as the index keeps it once its own file's syntax tree is dropped:
 * the path of the node it is in, and its place as an offset and length (the lines and columns are
 * worked out from the file's text when asked for: find references and rename read a few).
 */
class KeptReferenceDescription implements ReferenceDescription {
    readonly sourceUri: URI;
    readonly sourcePath: string;
    readonly targetUri: URI;
    readonly targetPath: string;
    readonly local = false;
    private readonly offset: number;
    private readonly length: number;

    constructor(
        reference: ReferenceDescription,
        private readonly document: LangiumDocument
    ) {
        this.sourceUri = reference.sourceUri;
        this.sourcePath = reference.sourcePath;
        this.targetUri = reference.targetUri;
        this.targetPath = reference.targetPath;
        this.offset = reference.segment.offset;
        this.length = reference.segment.length;
    }

    get segment(): DocumentSegment {
        const text = this.document.textDocument;
        const end = this.offset + this.length;
        return { offset: this.offset, end, length: this.length, range: { start: text.positionAt(this.offset), end: text.positionAt(end) } };
    }
}
