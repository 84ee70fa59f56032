import { type Lang, parseLang } from '@pool/language';
import { message, render, t, word, type WordKey } from './i18n/index.js';
import { type Help, Option } from 'commander';
import { UsageError } from './files.js';

/**
 * `--lang en|cy`: the language of diagnostics, summaries and errors. Every command that prints
 * messages adds it with `languageOption()` and reads it with `chosenLanguage(options.lang)`.
 */
export function languageOption(helpLang: Lang = 'en'): Option {
    return new Option('--lang <lang>', t('cli.help.lang', {}, helpLang));
}

/**
 * The language of `--help` and of the command line's own errors (an unknown option, see
 * pool-command.ts), which come before any command runs: `--lang` among the arguments, else
 * POOL_LANG, else English. A value that names no language gives English here; the command then
 * refuses it with its own error.
 */
export function languageForHelp(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
    for (const [i, argument] of argv.entries()) {
        if (argument === '--') break;
        const value = argument === '--lang' ? argv[i + 1] : argument.startsWith('--lang=') ? argument.slice('--lang='.length) : undefined;
        if (value !== undefined) return exactLang(value) ?? 'en';
    }
    return parseLang(env.POOL_LANG) ?? 'en';
}

const HELP_TITLES: Readonly<Record<string, WordKey>> = {
    'Usage:': 'cli.help.title.usage',
    'Arguments:': 'cli.help.title.arguments',
    'Options:': 'cli.help.title.options',
    'Global Options:': 'cli.help.title.global-options',
    'Commands:': 'cli.help.title.commands'
};

/** The parts of commander's help that are words, in `lang`: section titles and what an option's choices and default are. */
export function helpIn(lang: Lang): Partial<Help> {
    return {
        styleTitle: (title: string) => {
            const key = HELP_TITLES[title];
            return key ? word(key, lang) : title;
        },
        optionDescription: (option: Option) => {
            const extra: string[] = [];
            if (option.argChoices) extra.push(t('cli.help.choices', { choices: option.argChoices.map(choice => JSON.stringify(choice)).join(', ') }, lang));
            // As commander shows them: defaults of options that take a value, and boolean defaults.
            if (option.defaultValue !== undefined && (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean'))) {
                extra.push(t('cli.help.default', { value: option.defaultValueDescription || JSON.stringify(option.defaultValue) }, lang));
            }
            return extra.length > 0 ? `${option.description} (${extra.join(', ')})`.trim() : option.description;
        }
    };
}

/** The language asked for with `--lang`, else in POOL_LANG, else English; a one-line error for anything else. */
export function chosenLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
    if (flag !== undefined) {
        const lang = exactLang(flag);
        if (!lang) throw new UsageError(message('cli.unknown-lang', { lang: flag }));
        return lang;
    }
    const fromEnv = env.POOL_LANG;
    if (fromEnv === undefined || fromEnv === '') return 'en';
    const lang = parseLang(fromEnv) ?? exactLang(fromEnv);
    if (!lang) throw new UsageError(message('cli.unknown-lang-env', { lang: fromEnv }));
    return lang;
}

function exactLang(value: string): Lang | undefined {
    return value === 'en' || value === 'cy' ? value : undefined;
}

/** A usage error's text in `lang`. */
export function usageMessage(error: UsageError, lang: Lang): string {
    return error.worded ? render(error.worded, lang) : error.message;
}
