/** RFC 6266 Content-Disposition that keeps Kazakh and Russian file names intact. */
export function contentDisposition(name: string, disposition: 'inline' | 'attachment' = 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // RFC 5987 allows fewer characters unescaped than encodeURIComponent leaves.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
