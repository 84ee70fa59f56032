import {
    type AstNode,
    type AstNodeDescription,
    type AstNodeDescriptionProvider,
    AstUtils,
    Cancellation,
    DefaultLinker,
    interruptAndCheck,
    isAstNode,
    type LangiumCoreServices,
    type LangiumDocument,
    type LinkingError,
    type MultiReference,
    type NameProvider,
    type ParseResult,
    type Reference,
    type ReferenceInfo
} from 'langium';
import { isImport } from '../generated/ast.js';
import { referencesOf, referencesUnder } from './ast-walk.js';
import { PoolDocumentBuilder } from './pool-document-builder.js';
import { spliceOf } from './pool-incremental-parse.js';

/** How many references to link between checks for cancellation (a newer keystroke). */
const REFERENCES_PER_CHECK = 500;

/**
 * Links every reference exactly as Langium's linker does, in the same order, but walks the tree
 * with plain loops and checks for cancellation every few hundred nodes rather than at each one;
 * and after an edit parsed as one declaration alone, a reference outside it that named a node the
 * edit left in place is linked to it again without looking it up (see {@link PoolLinker.keptLinks}).
 */
export class PoolLinker extends DefaultLinker {
    private readonly names: NameProvider;
    private readonly descriptions: AstNodeDescriptionProvider;
    private readonly builder: () => unknown;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.names = services.references.NameProvider;
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
        this.builder = () => services.shared.workspace.DocumentBuilder;
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        linkingFaults.delete(document);
        const root = document.parseResult.value;
        const references = referencesOf(root);
        const kept = this.keptLinks(document, root);
        // Where the references before the edit are read: they were linked in this same order, so
        // each kept one is met at or just past this, after those of the declaration replaced.
        let at = 0;
        for (const [i, reference] of references.entries()) {
            if (i % REFERENCES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            if (kept) {
                const before = kept.references;
                if (before[at] !== reference.reference) while (at < before.length && kept.replaced.has(before[at] as Reference)) at++;
                if (before[at] === reference.reference) {
                    const target = kept.targets[at];
                    const description = kept.descriptions[at];
                    at++;
                    if (target && description && this.restore(reference, document, target, description, kept)) continue;
                }
            }
            this.doLink(reference, document);
        }
    }

    /**
     * Records the targets of the document's references before Langium's unlinking forgets them,
     * when an update is under way that changed this document alone: if the edit was then parsed
     * as one declaration alone (`reparseBlock`), the references of the others are linked again
     * to what they named (see {@link keptLinks}).
     */
    override unlink(document: LangiumDocument): void {
        unlinked.delete(document);
        const builder = this.builder();
        const mark = builder instanceof PoolDocumentBuilder ? builder.editedAlone(document.uri) : undefined;
        // Not a dropped tree (see PoolDocumentBuilder.dropTree), whose getter would parse it again.
        const parsed = Object.getOwnPropertyDescriptor(document, 'parseResult');
        if (mark !== undefined && parsed && 'value' in parsed && document.references.length > 0) {
            // Langium's unlinking gives the document a new list: this one is kept as it is.
            const references = document.references;
            const targets: (AstNode | undefined)[] = [];
            const descriptions: (AstNodeDescription | undefined)[] = [];
            for (const reference of references) {
                const fields = reference as Partial<LinkFields>;
                targets.push(isAstNode(fields._ref) ? fields._ref : undefined);
                descriptions.push(fields._nodeDescription);
            }
            unlinked.set(document, { root: (parsed.value as ParseResult).value, mark, references, targets, descriptions });
        }
        super.unlink(document);
    }

    /**
     * What the document's references named before it was unlinked, if linking them again must
     * find the same: its new tree is the one before with one declaration parsed again
     * (`reparseBlock`), which is not an import and has the name it had (only the file's
     * declarations are names the file's scopes hold: partners, pools, outcomes; see
     * `PoolScopeComputation`), and no other document has changed or gone since. Then every
     * scope is as it was, but for the names inside the declaration parsed again, which only
     * references to the nodes it replaced could have named (see {@link restore}).
     */
    private keptLinks(document: LangiumDocument, root: AstNode): KeptLinks | undefined {
        const saved = unlinked.get(document);
        unlinked.delete(document);
        const builder = this.builder();
        if (!saved || !(builder instanceof PoolDocumentBuilder) || !builder.isEditMark(saved.mark)) return undefined;
        const splice = spliceOf(root);
        if (!splice || splice.before !== saved.root || isImport(splice.replaced) || isImport(splice.by)) return undefined;
        if (this.names.getName(splice.replaced) !== this.names.getName(splice.by)) return undefined;
        // The descriptions the new tree's scopes hold for the file's declarations.
        const described = new Map<AstNode, AstNodeDescription>();
        for (const description of document.localSymbols?.getStream(root) ?? []) {
            if (description.node && !described.has(description.node)) described.set(description.node, description);
        }
        const replaced = new Set<Reference>(referencesUnder(splice.replaced).map(info => info.reference as Reference));
        return { ...saved, root, replaced, described };
    }

    /**
     * Links a reference to what it named before the edit, if it named a node the edit left in
     * place: a declaration of this file other than the one parsed again (with the description the
     * new tree's scope holds for it), a name inside one (a ring-fence, a funding stream, a
     * purpose: described afresh, as the scope describes them at each lookup), or a node of
     * another file whose tree is the one it was found in. False, with nothing changed, for any
     * other reference (one that did not resolve, a new one, one naming the replaced declaration
     * or inside it), which is linked as Langium links it. The references are linked in the same
     * order as without this, so the document's list of them is the same.
     */
    private restore(info: ReferenceInfo, document: LangiumDocument, node: AstNode, description: AstNodeDescription, kept: KeptLinks): boolean {
        const reference = info.reference as Partial<LinkFields>;
        // Resolved already while linking an earlier one: Langium's doLink leaves it too.
        if (!('_ref' in reference) || reference._ref !== undefined) return false;
        const now = this.describeKept(node, description, document, kept);
        if (!now) return false;
        reference._ref = node;
        reference._nodeDescription = now;
        document.references.push(info.reference);
        return true;
    }

    /** The description a reference to `node` found before the edit gets now (see {@link restore}), if it keeps it. */
    private describeKept(node: AstNode, before: AstNodeDescription, document: LangiumDocument, kept: KeptLinks): AstNodeDescription | undefined {
        const root = AstUtils.findRootNode(node);
        if (root === kept.root) {
            if (node.$container === root) return kept.described.get(node);
            const name = this.names.getName(node);
            return name === before.name ? this.descriptions.createDescription(node, name, document) : undefined;
        }
        // The tree before the edit (the replaced declaration), or a file whose tree has changed.
        const other = (root as { $document?: LangiumDocument }).$document;
        if (!other || other === document) return undefined;
        const parsed = Object.getOwnPropertyDescriptor(other, 'parseResult');
        return parsed && 'value' in parsed && (parsed.value as ParseResult).value === root ? before : undefined;
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

/** What Langium's references hold once linked (their fields are not public). */
interface LinkFields {
    _ref: unknown;
    _nodeDescription: AstNodeDescription | undefined;
}

/**
 * What each document's references named when it was last unlinked, in an update that changed it
 * alone (see {@link PoolLinker.unlink}): its list of references, in the order they were linked,
 * and each one's target and description, undefined where it did not resolve.
 */
interface Unlinked {
    readonly root: AstNode;
    readonly mark: number;
    readonly references: readonly (Reference | MultiReference)[];
    readonly targets: readonly (AstNode | undefined)[];
    readonly descriptions: readonly (AstNodeDescription | undefined)[];
}

const unlinked = new WeakMap<LangiumDocument, Unlinked>();

interface KeptLinks extends Unlinked {
    /** The references of the declaration the edit replaced. */
    readonly replaced: ReadonlySet<Reference>;
    readonly described: Map<AstNode, AstNodeDescription>;
}

/** The fault that stopped a name in the document from being resolved in its last linking, if any. */
export function linkingFaultOf(document: LangiumDocument): unknown {
    return linkingFaults.get(document);
}
