import { type Lang, type Message, message, parseLang, render } from '@pool/language';
import { Option } from 'commander';
import { UsageError } from './files.js';

/**
 * `--lang en|cy`: the language of diagnostics, summaries and errors. Every command that prints
 * messages adds it with `languageOption()` and reads it with `chosenLanguage(options.lang)`.
 */
export function languageOption(): Option {
    return new Option('--lang <lang>', 'language of messages: en (English) or cy (Cymraeg); default $POOL_LANG, else en');
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

export type { Message };
