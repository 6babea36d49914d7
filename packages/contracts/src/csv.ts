/**
 * Reads the console's CSV exports (RFC 4180: quoted cells, doubled quotes, CRLF line ends, after
 * a UTF-8 byte-order mark and any `# …` preamble rows the caller skips): the records, header first.
 * For tests and scripts that check an export; the BFF writes them (apps/bff/src/http/csv.ts).
 */
export function parseCsv(csv: string): string[][] {
  const text = csv.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const character = text[i]!;
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') endField();
    else if (character === '\r' && text[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i += 1;
    } else field += character;
  }
  return records;
}

/** The records after the header, as objects keyed by the header's names. */
export function csvRows(csv: string): Array<Record<string, string>> {
  const [header = [], ...records] = parseCsv(csv);
  return records.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
