import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/paths.js';
import { withServer } from './support/lsp.js';

describe('the editor does not follow imports out of the workspace', () => {
    it('reports an import of a file outside the open folders, instead of reading it', async () => {
        const inside = path.join(REPO, 'test/workspace-boundary/inside');
        await withServer([inside], async client => {
            const diagnostics = await client.openAndWaitForDiagnostics(path.join(inside, 'main.pool'));
            expect(diagnostics.map(d => `${d.code}@${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`)).toEqual([
                'import-not-found@2: `../outside/register.pool` is outside the folders open in this workspace, so it is not read; open its folder too, or copy it in'
            ]);
        });
    });
});
