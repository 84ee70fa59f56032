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
    /** pdfkit takes a table header cell's scope (`/A << /O /Table /Scope … >>`); its types lack it. */
    interface StructureElementOptions {
        scope?: 'Row' | 'Column' | 'Both';
    }
}
