import { Cancellation, DefaultIndexManager, type LangiumDocument } from 'langium';

/**
 * The index of a one-off check (`pool check`, reports, diffs): each file's declarations, which
 * imports are resolved against, and no index of references. Only an editor reads that one (find
 * references, rename, which files to re-link after an edit); building it was about 8 % of a large
 * check, for nothing.
 */
export class DeclarationsOnlyIndexManager extends DefaultIndexManager {
    override async updateReferences(_document: LangiumDocument, _cancelToken?: Cancellation.CancellationToken): Promise<void> {
        // Nothing to index: see above.
    }
}
