// Typing slips for the labelled pair set: a neighbouring key, a letter dropped, a letter typed
// twice, or two letters swapped, in the keyboard layout of the name's script.

const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'йцукенгшщзхї', 'фівапролджє', 'ячсмитьбю'];

function neighbour(ch: string, random: () => number): string | undefined {
  const lower = ch.toLowerCase();
  for (const row of rows) {
    const at = row.indexOf(lower);
    if (at < 0) continue;
    const options = [row[at - 1], row[at + 1]].filter((c): c is string => c !== undefined);
    const chosen = options[Math.floor(random() * options.length)]!;
    return ch === lower ? chosen : chosen.toUpperCase();
  }
  return undefined;
}

export interface Typo {
  text: string;
  what: string;
}

/** One slip somewhere after the first letter (the first letter of a name is rarely mistyped). */
export function makeTypo(text: string, random: () => number): Typo {
  const chars = [...text];
  if (chars.length < 3) return { text, what: 'too short for a typo' };
  const at = 1 + Math.floor(random() * (chars.length - 1));
  const kind = Math.floor(random() * 4);
  const out = [...chars];
  if (kind === 0) {
    const replacement = neighbour(chars[at]!, random);
    if (!replacement) return { text, what: 'no neighbouring key' };
    out[at] = replacement;
    return { text: out.join(''), what: `neighbouring key (${chars[at]} → ${replacement})` };
  }
  if (kind === 1) {
    out.splice(at, 1);
    return { text: out.join(''), what: `letter dropped (${chars[at]})` };
  }
  if (kind === 2) {
    out.splice(at, 0, chars[at]!);
    return { text: out.join(''), what: `letter typed twice (${chars[at]})` };
  }
  if (at === chars.length - 1) return { text, what: 'no letter to swap with' };
  out[at] = chars[at + 1]!;
  out[at + 1] = chars[at]!;
  return { text: out.join(''), what: `letters swapped (${chars[at]}${chars[at + 1]})` };
}
