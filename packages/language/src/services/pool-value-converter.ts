import { type CstNode, DefaultValueConverter, type GrammarAST, type ValueType } from 'langium';

/**
 * Text in quotes as Langium reads it (escapes included), built from slices rather than a
 * character at a time: Langium's `result += c` leaves a chain of one string per character, 120 MB
 * for the names of a register of 160,000 partners.
 */
export class PoolValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name === 'STRING' ? unquote(input) : super.runConverter(rule, input, cstNode);
    }
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', 0: '\0' };

/** As Langium's `ValueConverter.convertString`: the text between the quotes, each `\x` read as its character. */
export function unquote(input: string): string {
    const body = input.slice(1, input.length - 1);
    if (!body.includes('\\')) return body;
    const parts: string[] = [];
    let start = 0;
    for (let i = 0; i < body.length; i++) {
        if (body.charCodeAt(i) !== 0x5c) continue;
        parts.push(body.slice(start, i));
        const escaped = body.charAt(i + 1);
        parts.push(ESCAPES[escaped] ?? escaped);
        i++;
        start = i + 1;
    }
    parts.push(body.slice(start));
    return parts.join('');
}

/**
 * Text written as a Pool string that `unquote` reads back as exactly this text: a backslash, a
 * double quote and the line breaks a string cannot hold are escaped, everything else is kept.
 */
export function quotePoolString(text: string): string {
    return `"${text.replace(/[\\"\r\n]/g, character => (character === '\n' ? '\\n' : character === '\r' ? '\\r' : `\\${character}`))}"`;
}
