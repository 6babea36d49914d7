import type { ErrorGroupRecord } from './types';

const plain = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * What a group says, once: its status text, and Codat's sample message only when it adds
 * something (not empty, not the status text again, not contained in it nor containing only it).
 */
export function groupMessage(group: Pick<ErrorGroupRecord, 'statusText' | 'sampleMessage'>): { text: string; detail?: string } {
  const text = group.statusText?.trim() || group.sampleMessage?.trim() || 'No status text';
  const detail = group.sampleMessage?.trim();
  if (!detail || !group.statusText?.trim()) return { text };
  const [a, b] = [plain(text), plain(detail)];
  return a === b || a.includes(b) ? { text } : { text, detail };
}
