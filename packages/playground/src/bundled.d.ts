// Made at build time by scripts/build.mjs: the examples (path relative to examples/ -> text) and the
// language's keywords, read from the grammar's generated TextMate file.
declare module 'pool-playground:bundled' {
    export const examples: Readonly<Record<string, string>>;
    export const keywords: readonly string[];
}
