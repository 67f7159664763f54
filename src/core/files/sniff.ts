import { fileTypeFromBuffer } from 'file-type';

/** The kinds of file Ortaq accepts, by what their content is, with the extensions each may carry. */
export const ACCEPTED_TYPES: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'text/csv': ['csv'],
  'text/plain': ['txt'],
};

const TEXT_EXTENSIONS: Record<string, string> = { csv: 'text/csv', txt: 'text/plain' };

function looksLikeUtf8Text(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length === bytes.length ? sample : sample.subarray(0, sample.length - 4));
    return true;
  } catch {
    return false;
  }
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Decides the media type from the bytes, never from what the client claims; returns null when
 * the content is not an accepted type or does not match the file's extension.
 */
export async function sniffMediaType(bytes: Buffer, name: string): Promise<string | null> {
  const ext = extensionOf(name);
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    const allowed = ACCEPTED_TYPES[detected.mime];
    return allowed?.includes(ext) ? detected.mime : null;
  }
  const textType = TEXT_EXTENSIONS[ext];
  return textType && looksLikeUtf8Text(bytes) ? textType : null;
}

/** Keeps a file name displayable and harmless: no folders, no control characters, bounded length. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}
