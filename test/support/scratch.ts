import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh temporary folder holding the given files (names may include sub-folders). */
export function scratchFolder(files: Record<string, string | Uint8Array>, prefix = 'pool-test-'): string {
    const root = mkdtempSync(path.join(tmpdir(), prefix));
    for (const [name, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), content);
    }
    return root;
}

/** A small agreement that checks clean. */
export const CLEAN_AGREEMENT = `agreement "A" {
    period 2013/14 to 2014/15
    host council
}
partner council "Anytown Council" council
pool p "P" aligned { 2013/14 { council £100 } }
`;
