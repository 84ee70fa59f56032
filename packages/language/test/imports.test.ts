import { describe, expect, it } from 'vitest';
import { HEADER, workspace } from './helpers.js';

const REGISTER = 'partner gmp "Greater Manchester Police" police\npartner ccg "NHS Manchester CCG" health\n';

describe('imports', () => {
    it('make the declarations of an imported register visible, and nothing else in the workspace', async () => {
        const ws = await workspace({
            'registers/gm.pool': REGISTER,
            'elsewhere.pool': 'partner fire "Not imported" fire\n',
            'main.pool': `import "registers/gm.pool"\n${HEADER}
pool p "P" aligned { 2013/14 { council £1  nhs £1  gmp £1  ccg £1  fire £1 } }`
        });
        expect(ws.diagnostics('main.pool').map(d => d.message)).toEqual(['no partner called `fire` is declared in this file or its imports']);
        expect(ws.codes('registers/gm.pool')).toEqual([]);
    });

    it('are transitive', async () => {
        const ws = await workspace({
            'base.pool': REGISTER,
            'middle.pool': 'import "base.pool"\n',
            'main.pool': `import "middle.pool"\n${HEADER}pool p "P" aligned { 2013/14 { council £1  nhs £1  gmp £1 } }`
        });
        expect(ws.codes('main.pool')).toEqual([]);
    });

    it('report a clash between two imported registers at the import that brings in the second', async () => {
        const ws = await workspace({
            'a.pool': REGISTER,
            'b.pool': 'partner gmp "Another police force" police\n',
            'main.pool': `import "a.pool"\nimport "b.pool"\n${HEADER}pool p "P" aligned { 2013/14 { council £1  nhs £1  gmp £1 } }`
        });
        expect(ws.diagnostics('main.pool').map(d => [d.code, d.range.start.line, d.message])).toEqual([
            ['duplicate-declaration', 1, 'in b.pool on line 1: `gmp` is already declared as a partner in a.pool on line 1']
        ]);
        expect(ws.codes('a.pool')).toEqual([]);
        expect(ws.codes('b.pool')).toEqual([]);
    });

    it('report a local declaration that clashes with an imported one where it is written', async () => {
        const ws = await workspace({
            'registers/gm.pool': REGISTER,
            'main.pool': `import "registers/gm.pool"\n${HEADER}partner gmp "Duplicate" police\npool p "P" aligned { 2013/14 { council £1  nhs £1  gmp £1 } }`
        });
        expect(ws.diagnostics('main.pool').map(d => [d.code, d.range.start.line, d.message])).toEqual([
            ['duplicate-declaration', 7, '`gmp` is already declared as a partner in registers/gm.pool on line 1']
        ]);
    });

    it('report a missing file and a cycle at the import statement', async () => {
        const ws = await workspace({
            'a.pool': 'import "b.pool"\nimport "missing.pool"\n',
            'b.pool': 'import "a.pool"\n'
        });
        expect(ws.diagnostics('a.pool').map(d => [d.code, d.range.start.line, d.message])).toEqual([
            ['import-cycle', 0, 'importing `b.pool` makes a cycle: a.pool → b.pool → a.pool; move the shared declarations to a file that imports nothing'],
            ['import-not-found', 1, 'cannot find `missing.pool`: there is no file at that path, relative to this file']
        ]);
        expect(ws.codes('b.pool')).toEqual(['import-cycle@1:8']);
    });

    it('report a finding that holds only in the importing agreement at the import, naming file and line', async () => {
        const ws = await workspace({
            'pools.pool': `partner council "Anytown Council" council\npartner nhs "NHS" health\npool p "P" aligned {\n    2017/18 { council £1  nhs £1 }\n}\n`,
            'main.pool': `import "pools.pool"\nagreement "A" {\n    period 2013/14 to 2015/16\n    host council\n}\n`
        });
        expect(ws.diagnostics('main.pool').map(d => [d.code, d.range.start.line, d.message])).toEqual([
            ['year-outside-period', 0, 'in pools.pool on line 4: contributions to p: 2017/18 is outside the agreement period, 2013/14 to 2015/16']
        ]);
        // The pools file on its own has no agreement, so no period to be outside of.
        expect(ws.codes('pools.pool')).toEqual([]);
    });
});
