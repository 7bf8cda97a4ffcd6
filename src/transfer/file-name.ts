/**
 * `Content-Disposition` for a download, so a browser saves a file named after the image:
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<the name, percent-encoded>`
 * (RFC 6266 and 8187). The extension follows the data's format unless the name has it already.
 */

/** Glance disk formats whose files are known by another extension. */
const EXTENSIONS: Readonly<Record<string, string>> = { raw: 'img' };

export function attachmentFor(name: string | null | undefined, fallback: string, format: string | null | undefined): string {
  const base = (name ?? '').trim() || fallback;
  const extension = format ? (EXTENSIONS[format.toLowerCase()] ?? format.toLowerCase()) : undefined;
  const file = extension && !base.toLowerCase().endsWith(`.${extension}`) ? `${base}.${extension}` : base;
  // The fallback keeps printable ASCII but for quotes, backslashes and path separators.
  const ascii = file.replace(/[^\x20-\x7e]|["\\/]/g, '_');
  const encoded = encodeURIComponent(file).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
