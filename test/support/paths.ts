import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(REPO, 'packages/cli/bin/pool.js');
export const SERVER = path.join(REPO, 'packages/language-server/out/node.js');
