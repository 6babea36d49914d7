/** A path with every interpolated value encoded as one segment: `` path`/companies/${id}` ``. */
export function path(strings: TemplateStringsArray, ...segments: string[]): string {
  return strings.reduce(
    (result, text, index) =>
      result + text + (index < segments.length ? encodeURIComponent(segments[index] ?? '') : ''),
    '',
  );
}

export function connectionPath(companyId: string, connectionId: string): string {
  return path`/companies/${companyId}/connections/${connectionId}`;
}

export function sourceAccountsPath(companyId: string, connectionId: string): string {
  return `${connectionPath(companyId, connectionId)}/connectionInfo/bankFeedAccounts`;
}
