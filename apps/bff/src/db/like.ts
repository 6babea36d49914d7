/** `%`, `_` and `\` in user text match themselves. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
/** An ILIKE pattern matching `text` anywhere. */
export const likeContains = (text: string) => `%${escapeLike(text)}%`;
/** A LIKE pattern matching what starts with `text`, which matches itself. */
export const likeStartsWith = (text: string) => `${escapeLike(text)}%`;
