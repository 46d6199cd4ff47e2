// pdfmake 0.3 ships no types; this is the small part of its server API the app uses.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>
  }
  interface FontFiles {
    normal: string
    bold: string
    italics: string
    bolditalics: string
  }
  interface PdfMake {
    setFonts(fonts: Record<string, FontFiles>): void
    setUrlAccessPolicy(cb: (url: string) => boolean): void
    setLocalAccessPolicy(cb: (path: string) => boolean): void
    setProgressCallback(cb: ((progress: number) => void) | undefined): void
    createPdf(doc: object): OutputDocument
  }
  const pdfmake: PdfMake
  export default pdfmake
}
