import zlib from 'node:zlib';

/** One file of a hand-made zip archive: its bytes as stored, and the sizes the archive claims. */
type Entry = { name: string; method: 0 | 8; stored: Buffer; declaredSize: number };

/** A zip archive written by hand, so a test can make it lie: sizes are whatever the entry declares. */
export function writeZip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5a21, 12);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5a21, 14);
    central.writeUInt32LE(0, 16);
    central.writeUInt32LE(e.stored.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    locals.push(local, name, e.stored);
    offset += local.length + name.length + e.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const deflated = (text: string | Buffer, last = false) =>
  zlib.deflateRawSync(text, { level: 9, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH });

/** Every part of a one-sheet XLSX file except the sheet. */
const XLSX_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="organisations" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/**
 * An XLSX file whose worksheet inflates to `gigabytes` GiB, in about a megabyte per GiB: one MiB
 * deflated once (a full flush makes it self-contained and byte-aligned) and repeated. With
 * `lie`, the archive declares a small sheet instead of the truth. The other parts are real, so a
 * reader that trusts the file goes straight for the sheet.
 */
export function xlsxBomb(options: { gigabytes: number; lie?: boolean }): Buffer {
  // One cell whose text is gigabytes of one letter: deflate's best case, about 1,000 to 1.
  const mebibyte = Buffer.alloc(1 << 20, 'A');
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>',
  );
  const tail = Buffer.from('</t></is></c></row></sheetData></worksheet>');
  const copies = Math.round(options.gigabytes * 1024);
  const block = deflated(mebibyte);
  const sheet = Buffer.concat([deflated(head), ...Array.from({ length: copies }, () => block), deflated(tail, true)]);
  const size = head.length + copies * mebibyte.length + tail.length;
  if (size > 0xffffffff) throw new Error('Keep the bomb under 4 GiB: this writer has no zip64');
  const parts = Object.entries(XLSX_PARTS).map(([name, xml]) => ({ name, method: 8 as const, stored: deflated(xml, true), declaredSize: Buffer.byteLength(xml) }));
  return writeZip([...parts, { name: 'xl/worksheets/sheet1.xml', method: 8, stored: sheet, declaredSize: options.lie ? 50_000 : size }]);
}

/** A one-sheet XLSX file with this worksheet XML, stored without compression. */
export function xlsxWithSheet(sheetXml: string): Buffer {
  const parts = { ...XLSX_PARTS, 'xl/worksheets/sheet1.xml': sheetXml };
  return writeZip(Object.entries(parts).map(([name, xml]) => ({ name, method: 0 as const, stored: Buffer.from(xml), declaredSize: Buffer.byteLength(xml) })));
}
