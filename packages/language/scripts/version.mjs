// Writes src/build-info/version.ts from this package's package.json (`pnpm build`, after the
// grammar): the tool version that reports and fingerprints name, with no copy of it in the code.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) throw new Error(`package.json has no version: ${String(version)}`);
// Not in src/generated: `langium generate` asks before running again over files it did not write.
mkdirSync(join(root, 'src/build-info'), { recursive: true });
writeFileSync(
    join(root, 'src/build-info/version.ts'),
    `// Generated from package.json by scripts/version.mjs. Never edited by hand.\n\n/** The version of Pool, as reports and fingerprints name it. */\nexport const TOOL_VERSION = '${version}';\n`
);
