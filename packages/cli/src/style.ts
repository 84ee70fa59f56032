/** Colour for terminals only: never in pipes or CI logs, never when NO_COLOR is set. */
export interface Style {
    readonly error: (text: string) => string;
    readonly warning: (text: string) => string;
    readonly note: (text: string) => string;
    readonly bold: (text: string) => string;
    readonly dim: (text: string) => string;
    readonly ok: (text: string) => string;
}

const plain = (text: string) => text;

export const PLAIN: Style = { error: plain, warning: plain, note: plain, bold: plain, dim: plain, ok: plain };

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const COLOUR: Style = {
    error: ansi(31, 39),
    warning: ansi(33, 39),
    note: ansi(36, 39),
    bold: ansi(1, 22),
    dim: ansi(2, 22),
    ok: ansi(32, 39)
};

export function styleFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Style {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return PLAIN;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return COLOUR;
    return stream.isTTY ? COLOUR : PLAIN;
}
