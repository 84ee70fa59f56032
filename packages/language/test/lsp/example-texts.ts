import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');

/** The examples and their registers, by path relative to the examples folder, as the LSP tests lay them out in a workspace. */
export function exampleTexts(): Map<string, string> {
    const texts = new Map<string, string>();
    for (const folder of ['', 'registers']) {
        for (const file of readdirSync(path.join(EXAMPLES, folder)).filter(name => name.endsWith('.pool'))) {
            texts.set(folder ? `${folder}/${file}` : file, readFileSync(path.join(EXAMPLES, folder, file), 'utf8'));
        }
    }
    return texts;
}
