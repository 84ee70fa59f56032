declare module 'fontkit' {
    /** A parsed font: pdfkit draws with one given in place of a font file (it only checks for `layout`). */
    export interface Font {
        layout(text: string, features?: readonly string[]): unknown;
    }
    /** Parses a font file; a collection (`.ttc`) is not a `Font`. */
    export function create(buffer: Uint8Array, postscriptName?: string): Font | { readonly fonts: Font[] };
}

declare namespace PDFKit.Mixins {
    /** pdfkit opens a parsed fontkit font as it opens a font file; its types name only files and bytes. */
    interface PDFFont {
        registerFont(name: string, src: import('fontkit').Font): this;
    }
}
