import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/paths.js';

/**
 * The published JSON schemas keep their promise: a schema named version N (`NAME-N.schema.json`,
 * `$id` `urn:pool:schema:NAME:N`) accepts and requires the same fields for as long as it is
 * version N. What each version requires and allows (its contract: every property, whether it is
 * required, and the types, constants, enumerations and patterns of its values; not its
 * descriptions) is recorded in `test/schema-contracts/NAME-N.txt` when the version is
 * first published, and a schema that no longer matches its version's record fails here: a
 * change to what the output holds is published as version N+1. `UPDATE_SCHEMA_CONTRACTS=1`
 * records the contract of a new version, and never rewrites the record of one already made.
 */

const SCHEMA_FOLDERS = ['packages/cli/schema', 'packages/reports/schema'];
const CONTRACTS = path.join(REPO, 'test/schema-contracts');

interface Published {
    readonly file: string;
    readonly name: string;
    readonly version: number;
    readonly schema: Record<string, unknown>;
}

function publishedSchemas(): Published[] {
    return SCHEMA_FOLDERS.flatMap(folder =>
        readdirSync(path.join(REPO, folder))
            .filter(file => file.endsWith('.schema.json'))
            .map(file => {
                const match = /^(?<name>[a-z-]+)-(?<version>\d+)\.schema\.json$/.exec(file);
                if (!match?.groups) throw new Error(`${folder}/${file} is not named NAME-VERSION.schema.json`);
                const schema = JSON.parse(readFileSync(path.join(REPO, folder, file), 'utf8')) as Record<string, unknown>;
                return { file: `${folder}/${file}`, name: match.groups.name, version: Number(match.groups.version), schema };
            })
    );
}

/** What a value may be, in one line: its type, constant, enumeration, pattern, format or reference. */
function shape(node: Record<string, unknown>): string {
    const parts: string[] = [];
    for (const key of ['type', 'const', 'enum', 'pattern', 'format', '$ref', 'minimum', 'maximum', 'minItems', 'maxItems', 'additionalProperties']) {
        if (key in node && (key !== 'additionalProperties' || typeof node[key] !== 'object')) parts.push(`${key}=${JSON.stringify(node[key])}`);
    }
    return parts.join(' ');
}

/** Every property and value constraint of a schema, one per line, sorted: what changes when the output's contract changes. */
function contractOf(schema: Record<string, unknown>): string {
    const lines = new Set<string>();
    const visit = (node: unknown, where: string): void => {
        if (Array.isArray(node)) {
            node.forEach((item, index) => {
                visit(item, `${where}|${index}`);
            });
            return;
        }
        if (node === null || typeof node !== 'object') return;
        const object = node as Record<string, unknown>;
        const own = shape(object);
        if (own !== '') lines.add(`${where}: ${own}`);
        const required = new Set(Array.isArray(object.required) ? (object.required as string[]) : []);
        for (const [key, value] of Object.entries(object)) {
            if (key === 'properties' && value !== null && typeof value === 'object') {
                for (const [property, child] of Object.entries(value as Record<string, unknown>)) {
                    lines.add(`${where}/${property}${required.has(property) ? ' (required)' : ''}`);
                    visit(child, `${where}/${property}`);
                }
            } else if (key === '$defs' && value !== null && typeof value === 'object') {
                for (const [name, child] of Object.entries(value as Record<string, unknown>)) visit(child, `#${name}`);
            } else if (['items', 'prefixItems', 'anyOf', 'oneOf', 'allOf', 'not', 'additionalProperties', 'if', 'then', 'else'].includes(key)) {
                visit(value, `${where}[${key}]`);
            }
        }
    };
    visit(schema, '');
    return `${[...lines].sort().join('\n')}\n`;
}

describe('published JSON schemas', () => {
    const schemas = publishedSchemas();

    it('finds the three published schemas, one version of each', () => {
        expect(schemas.map(schema => schema.name).sort()).toEqual(['agreement-json', 'check-json', 'diff-json']);
    });

    for (const { file, name, version, schema } of schemas) {
        it(`${file} names its version in its $id and in the $schema and version fields it requires`, () => {
            const id = `urn:pool:schema:${name}:${version}`;
            expect(schema.$id).toBe(id);
            const properties = schema.properties as Record<string, { const?: unknown }>;
            expect(properties.$schema?.const).toBe(id);
            expect(properties.schemaVersion?.const ?? properties.version?.const).toBe(version);
            expect(schema.title).toMatch(new RegExp(`version ${version}$`));
        });

        it(`${file} requires and allows what version ${version} was published with`, () => {
            const record = path.join(CONTRACTS, `${name}-${version}.txt`);
            const contract = contractOf(schema);
            if (!existsSync(record) && process.env.UPDATE_SCHEMA_CONTRACTS === '1') writeFileSync(record, contract);
            expect(existsSync(record), `no record of what ${name} version ${version} holds: run UPDATE_SCHEMA_CONTRACTS=1 to make it`).toBe(true);
            expect(
                contract,
                `${file} no longer holds what version ${version} was published with: publish the change as version ${version + 1} (a new file name, $id, title and version field), and record its contract`
            ).toBe(readFileSync(record, 'utf8'));
        });
    }

    it('tells a change to the required fields from a change of words', () => {
        const agreement = schemas.find(schema => schema.name === 'agreement-json')!.schema;
        const reworded = structuredClone(agreement);
        reworded.description = 'Other words.';
        expect(contractOf(reworded)).toBe(contractOf(agreement));
        // The version of the agreement, no longer required: a new contract.
        const loosened = structuredClone(agreement) as { properties: { agreement: { oneOf: { required?: string[] }[] } } };
        const header = loosened.properties.agreement.oneOf[1];
        header.required = header.required!.filter(field => field !== 'version');
        expect(contractOf(loosened as unknown as Record<string, unknown>)).not.toBe(contractOf(agreement));
        // A new required field anywhere: a new contract.
        const tightened = structuredClone(agreement) as { required: string[]; properties: Record<string, unknown> };
        tightened.properties.extra = { type: 'string' };
        tightened.required = [...tightened.required, 'extra'];
        expect(contractOf(tightened as unknown as Record<string, unknown>)).not.toBe(contractOf(agreement));
    });
});
