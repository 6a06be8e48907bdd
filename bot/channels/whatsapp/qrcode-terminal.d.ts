/** The part of qrcode-terminal (which ships no types) that Sila uses. */
declare module "qrcode-terminal" {
  interface QrcodeTerminal {
    /** Renders `input` as a QR code of block characters; with `callback`, returns it instead of printing. */
    generate(input: string, options?: { small?: boolean }, callback?: (qrcode: string) => void): void;
  }
  const qrcodeTerminal: QrcodeTerminal;
  export = qrcodeTerminal;
}
