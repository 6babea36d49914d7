/** An ILIKE pattern matching `text` anywhere; `%`, `_` and `\` in user text match themselves. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
