import { describe, expect, it } from 'vitest';
import { groupMessage } from './groupMessage';

describe('one message per error group', () => {
  it('says the status text once when Codat repeats it', () => {
    const text = 'The integration de-authorized access to the connection.';
    expect(groupMessage({ statusText: text, sampleMessage: text })).toEqual({ text });
    expect(groupMessage({ statusText: 'User cancelled linking', sampleMessage: 'User cancelled' })).toEqual({ text: 'User cancelled linking' });
    expect(groupMessage({ statusText: 'Forbidden', sampleMessage: ' forbidden. ' })).toEqual({ text: 'Forbidden' });
  });

  it('keeps Codat’s message where it adds something', () => {
    expect(groupMessage({ statusText: 'invalid_grant', sampleMessage: 'The refresh token has expired.' })).toEqual({ text: 'invalid_grant', detail: 'The refresh token has expired.' });
  });

  it('falls back to the message, then to words, when there is no status text', () => {
    expect(groupMessage({ statusText: null, sampleMessage: 'Unknown error occurred.' })).toEqual({ text: 'Unknown error occurred.' });
    expect(groupMessage({ statusText: ' ', sampleMessage: null })).toEqual({ text: 'No status text' });
  });
});
