declare module 'svg-to-pdfkit' {
    interface SvgToPdfOptions {
        width?: number;
        height?: number;
        preserveAspectRatio?: string;
        assumePt?: boolean;
        fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
        warningCallback?: (warning: string) => void;
    }
    function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
    export default SVGtoPDF;
}

declare namespace PDFKit.Mixins {
    /** pdfkit takes a table header cell's scope and an element's layout box; its types lack them. */
    interface StructureElementOptions {
        scope?: 'Row' | 'Column' | 'Both';
        /** A layout box `[left, top, right, bottom]` in page points from the top left (pdfkit flips it). */
        bbox?: [number, number, number, number];
    }
}
