// The transliterator lives with the name matching, which owns the rules for every script; the
// scenario keeps this path so that code written against it goes on working.
export { transliterate } from '../../src/matching/transliterate.ts';
