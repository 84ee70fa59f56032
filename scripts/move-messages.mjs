// Moves messages written in the single catalogue of old (packages/language/src/i18n/messages.ts:
// `en` and `cy` records of `{name}` templates, counts as `.one`/`.other` key pairs) into the
// ICU MessageFormat catalogues, one per package and per language (packages/*/src/i18n/en.ts and
// cy.ts). Kept for merging branches written against the old catalogue:
//
//   node scripts/move-messages.mjs [--legacy FILE] [--base FILE]
//
// FILE is an old-style messages.ts (default: packages/language/src/i18n/messages.ts, removed once
// moved). With --base (the old file as it was where the branch forked: `git show
// BASE:packages/language/src/i18n/messages.ts > base.ts`), only entries the branch added or
// changed are moved, so messages already reworded in the ICU catalogues are kept; an entry the
// branch removed is removed. Without it, every entry of FILE is moved.
//
// Where an entry goes: a key that is already in a package's catalogue stays there; a new key goes
// to the one package whose source uses it (a literal key, a `prefix.${…}` key, or for a count, a
// key of its `.one`/`.other` pair), and to the language package when several or none do (every
// package's translator also reads the language package's catalogue).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LEGACY_DEFAULT = 'packages/language/src/i18n/messages.ts';
const PACKAGES = ['language', 'cli', 'reports', 'language-server', 'extension', 'playground'];
/**
 * Packages whose messages are the language package's: @pool/files words why a file is refused as a
 * language `Message` (`FileRefusedError`), which the CLI, the server and the extension render.
 */
const SOURCES_OF = { language: ['language', 'files'] };
const PACKAGE_NAMES = {
    language: 'the language (diagnostics, hovers, quick fixes, the diff)',
    cli: 'the command line',
    reports: 'the reports',
    'language-server': 'the language server',
    extension: 'the VS Code extension',
    playground: 'the playground'
};

/**
 * Counts whose forms are chosen by more than `{count}`, worded by hand: the old keys they replace
 * and the ICU message in each language.
 */
const HAND_MERGED = {
    'fmt.check.would-change': {
        from: ['fmt.check.would-change.one-of-one', 'fmt.check.would-change.one-of-many', 'fmt.check.would-change.many'],
        en: '{changed, plural, one {# of {total, plural, one {# file} other {# files}} would be reformatted; run pool fmt to format it} other {# of {total, number} files would be reformatted; run pool fmt to format them}}',
        cy: "{changed, plural, one {Byddai # o {total, number} ffeil yn cael ei hailfformatio; rhedwch pool fmt i'w fformatio} other {Byddai # o {total, number} ffeil yn cael eu hailfformatio; rhedwch pool fmt i'w fformatio}}"
    },
    'cli.commander.too-many-arguments': {
        from: ['cli.commander.too-many-arguments.one', 'cli.commander.too-many-arguments.other'],
        en: '{expected, plural, one {too many arguments: pool {command} takes # argument, but was given {got}} other {too many arguments: pool {command} takes at most # arguments, but was given {got}}}',
        cy: '{expected, plural, one {gormod o ddadleuon: mae pool {command} yn cymryd # ddadl, ond cafwyd {got}} other {gormod o ddadleuon: mae pool {command} yn cymryd # dadl ar y mwyaf, ond cafwyd {got}}}'
    }
};

// ---- reading catalogues -------------------------------------------------------------------

/** The entries of the object literal assigned to `name` in `file`: key, text and the comments before it. */
function readRecord(file, text, name) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    let literal;
    const visit = node => {
        if (ts.isVariableDeclaration(node) && node.name.getText(source) === name && node.initializer) {
            let init = node.initializer;
            while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
            if (ts.isObjectLiteralExpression(init)) literal = init;
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    if (!literal) throw new Error(`${file}: no object literal assigned to ${name}`);
    return literal.properties.map(property => {
        if (!ts.isPropertyAssignment(property) || !ts.isStringLiteral(property.name)) throw new Error(`${file}: an entry that is not 'key': 'text'`);
        const value = property.initializer;
        if (!ts.isStringLiteral(value) && !ts.isNoSubstitutionTemplateLiteral(value)) throw new Error(`${file}: ${property.name.text} is not one string`);
        const comments = (ts.getLeadingCommentRanges(text, property.getFullStart()) ?? []).map(range => text.slice(range.pos, range.end));
        return { key: property.name.text, text: value.text, comments };
    });
}

function readLegacy(file) {
    const text = readFileSync(file, 'utf8');
    return { en: readRecord(file, text, 'en'), cy: new Map(readRecord(file, text, 'cy').map(entry => [entry.key, entry.text])) };
}

const catalogueFile = (pkg, lang) => path.join(REPO, 'packages', pkg, 'src', 'i18n', `${lang}.ts`);

function readCatalogues() {
    const catalogues = new Map();
    for (const pkg of PACKAGES) {
        const en = catalogueFile(pkg, 'en');
        if (!existsSync(en)) continue;
        const cy = new Map(readRecord(catalogueFile(pkg, 'cy'), readFileSync(catalogueFile(pkg, 'cy'), 'utf8'), 'cy').map(entry => [entry.key, entry.text]));
        const entries = readRecord(en, readFileSync(en, 'utf8'), 'en').map(entry => ({ ...entry, cy: cy.get(entry.key) ?? '' }));
        catalogues.set(pkg, entries);
    }
    return catalogues;
}

// ---- old templates to ICU -----------------------------------------------------------------

/** An old template as ICU text: an apostrophe next to a brace (or before `<`, `>`, `'`) is written twice. */
function icuText(template) {
    if (template.includes("''")) throw new Error(`a template with two apostrophes together, to be worded by hand: ${template}`);
    return template.replace(/'(?=[{}<>])|(?<=\})'(?!\p{L})/gu, "''");
}

/** One branch of a plural: the count as `#`, a literal `#` quoted. */
const branch = (template, count) => icuText(template.replaceAll('#', "'#'")).replaceAll(`{${count}}`, '#');

/** The old entries (`en` list, `cy` map) as ICU entries: pairs of counts merged into one plural message. */
function toIcu(legacy) {
    const enText = new Map(legacy.en.map(entry => [entry.key, entry.text]));
    const handFrom = new Map(Object.entries(HAND_MERGED).flatMap(([key, merge]) => merge.from.map(old => [old, key])));
    const out = [];
    const done = new Set();
    for (const entry of legacy.en) {
        const { key } = entry;
        if (done.has(key)) continue;
        const hand = handFrom.get(key);
        if (hand) {
            const merge = HAND_MERGED[hand];
            merge.from.forEach(old => done.add(old));
            out.push({ key: hand, text: merge.en, cy: merge.cy, comments: entry.comments, from: merge.from });
            continue;
        }
        const pair = key.match(/^(.*)\.(one|other)$/);
        if (pair && enText.has(`${pair[1]}.one`) && enText.has(`${pair[1]}.other`)) {
            const stem = pair[1];
            const one = `${stem}.one`;
            const other = `${stem}.other`;
            done.add(one).add(other);
            if (enText.has(stem)) throw new Error(`${stem} is both a message and the stem of a count`);
            if (!enText.get(one).includes('{count}')) throw new Error(`${stem}: a count without {count}, to be merged by hand (HAND_MERGED)`);
            const plural = (lang, oneText, otherText) => `{count, plural, one {${branch(oneText, 'count')}} other {${branch(otherText, 'count')}}}`;
            out.push({
                key: stem,
                text: plural('en', enText.get(one), enText.get(other)),
                cy: plural('cy', legacy.cy.get(one) ?? '', legacy.cy.get(other) ?? ''),
                comments: entry.comments,
                from: [one, other]
            });
            continue;
        }
        done.add(key);
        out.push({ key, text: icuText(entry.text), cy: icuText(legacy.cy.get(key) ?? ''), comments: entry.comments, from: [key] });
    }
    return out;
}

// ---- which package uses a key -------------------------------------------------------------

/** Template strings that look like keys made at run time but are not: `report.${format}` in the CLI is a file name. */
const NOT_KEY_PREFIXES = { cli: ['report.'] };

function sourcesOf(pkg) {
    const folders = (SOURCES_OF[pkg] ?? [pkg]).map(name => `packages/${name}/src`);
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...folders], { cwd: REPO, encoding: 'utf8' })
        .split('\n')
        .filter(file => /\.(ts|mjs|js)$/.test(file) && !/\/i18n\/(en|cy|messages)\.ts$/.test(file) && existsSync(path.join(REPO, file)));
    const code = files.map(file => readFileSync(path.join(REPO, file), 'utf8')).join('\n');
    const prefixes = [...code.matchAll(/`([a-z][\w.-]*\.)\$\{/g)].map(match => match[1]).filter(prefix => !(NOT_KEY_PREFIXES[pkg] ?? []).includes(prefix));
    return { code, prefixes };
}

function usersOf(keys, sources) {
    return PACKAGES.filter(pkg => {
        const { code, prefixes } = sources.get(pkg);
        return keys.some(
            key => code.includes(`'${key}'`) || code.includes(`"${key}"`) || code.includes(`\`${key}\``) || prefixes.some(prefix => key.startsWith(prefix))
        );
    });
}

// ---- writing ------------------------------------------------------------------------------

const quote = text => JSON.stringify(text);

function writeCatalogue(pkg, entries) {
    mkdirSync(path.dirname(catalogueFile(pkg, 'en')), { recursive: true });
    const importFrom = pkg === 'language' ? './catalogue.js' : '@pool/language';
    const long = entries.length > 560;
    const body = entries
        .map(entry => [...entry.comments.map(comment => `    ${comment}`), `    ${quote(entry.key)}: ${quote(entry.text)},`].join('\n'))
        .join('\n');
    const cyBody = entries
        .map(entry => [...entry.comments.map(comment => `    ${comment}`), `    ${quote(entry.key)}: ${quote(entry.cy)},`].join('\n'))
        .join('\n');
    const header = lang =>
        [
            long
                ? `// Long: every sentence of ${PACKAGE_NAMES[pkg]} in ${lang}, one record, so a key missing from a language is one compile error away.`
                : undefined,
            `// Written by scripts/move-messages.mjs from the catalogue of old, and edited by hand since: add a`,
            `// message here (English) and in the other language's file, with the same key.`
        ]
            .filter(line => line !== undefined)
            .join('\n');
    writeFileSync(
        catalogueFile(pkg, 'en'),
        `${header('English')}\n/**\n * The sentences of ${PACKAGE_NAMES[pkg]} in English: ICU MessageFormat, one whole sentence per key\n * (see packages/language/src/i18n/catalogue.ts for the rules).\n */\n\nimport type { Catalogue } from '${importFrom}';\n\nexport const en = {\n${body}\n} as const satisfies Catalogue;\n`
    );
    writeFileSync(
        catalogueFile(pkg, 'cy'),
        `${header('Welsh')}\n/**\n * The sentences of ${PACKAGE_NAMES[pkg]} in Welsh: exactly the keys of \`en.ts\` (a key missing or extra\n * does not compile). Welsh follows the terms of the Welsh Government's public-sector usage:\n * cyllideb gyfun (pooled budget), cronfa gyfun (pooled fund), partner, arbedion (savings),\n * blwyddyn ariannol (financial year), corff lletyol (host), clustnodi (ring-fence). Amounts keep\n * the £ and comma format.\n */\n\nimport type { Translation } from '${importFrom}';\nimport type { en } from './en.js';\n\nexport const cy: Translation<typeof en> = {\n${cyBody}\n};\n`
    );
}

// ---- main ---------------------------------------------------------------------------------

function main() {
    const args = process.argv.slice(2);
    const option = name => {
        const at = args.indexOf(name);
        return at >= 0 ? args[at + 1] : undefined;
    };
    const legacyFile = path.resolve(REPO, option('--legacy') ?? LEGACY_DEFAULT);
    const baseFile = option('--base');
    if (!existsSync(legacyFile)) {
        console.log(`nothing to move: ${path.relative(REPO, legacyFile)} does not exist`);
        return;
    }
    const moved = toIcu(readLegacy(legacyFile));
    const base = baseFile ? new Map(toIcu(readLegacy(path.resolve(REPO, baseFile))).map(entry => [entry.key, entry])) : undefined;
    const catalogues = readCatalogues();
    const home = new Map([...catalogues].flatMap(([pkg, entries]) => entries.map(entry => [entry.key, pkg])));
    const sources = new Map(PACKAGES.map(pkg => [pkg, sourcesOf(pkg)]));
    const report = { added: [], changed: [], removed: [], unchanged: 0 };

    for (const entry of moved) {
        const before = base?.get(entry.key);
        if (before && before.text === entry.text && before.cy === entry.cy) {
            report.unchanged++;
            continue;
        }
        const existing = home.get(entry.key);
        if (existing) {
            const list = catalogues.get(existing);
            const at = list.findIndex(old => old.key === entry.key);
            if (list[at].text !== entry.text || list[at].cy !== entry.cy) report.changed.push(`${existing}: ${entry.key}`);
            list[at] = { ...list[at], text: entry.text, cy: entry.cy };
            continue;
        }
        const users = usersOf([entry.key, ...entry.from], sources);
        const pkg = users.length === 1 ? users[0] : 'language';
        if (!catalogues.has(pkg)) catalogues.set(pkg, []);
        // Beside the message it followed in the old catalogue, when that is in the same package.
        const list = catalogues.get(pkg);
        const previous = moved
            .slice(0, moved.indexOf(entry))
            .reverse()
            .find(before => home.get(before.key) === pkg);
        const at = previous ? list.findIndex(old => old.key === previous.key) + 1 : list.length;
        list.splice(at, 0, { key: entry.key, text: entry.text, cy: entry.cy, comments: entry.comments });
        home.set(entry.key, pkg);
        report.added.push(`${pkg}: ${entry.key}${users.length > 1 ? ` (used by ${users.join(', ')})` : ''}`);
    }
    if (base) {
        const kept = new Set(moved.map(entry => entry.key));
        for (const key of base.keys()) {
            if (kept.has(key) || !home.has(key)) continue;
            const pkg = home.get(key);
            catalogues.set(
                pkg,
                catalogues.get(pkg).filter(entry => entry.key !== key)
            );
            report.removed.push(`${pkg}: ${key}`);
        }
    }
    const written = [];
    for (const [pkg, entries] of catalogues) {
        if (entries.length === 0) continue;
        writeCatalogue(pkg, entries);
        written.push(catalogueFile(pkg, 'en'), catalogueFile(pkg, 'cy'));
    }
    execFileSync(path.join(REPO, 'node_modules/.bin/prettier'), ['--write', '--log-level', 'warn', ...written], { cwd: REPO, stdio: 'inherit' });
    if (path.relative(REPO, legacyFile) === LEGACY_DEFAULT) rmSync(legacyFile);
    for (const [what, list] of Object.entries(report)) {
        if (Array.isArray(list)) for (const line of list) console.log(`${what}: ${line}`);
    }
    console.log(
        `${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed, ${report.unchanged} unchanged since the base; ${moved.length} messages read`
    );
}

main();
