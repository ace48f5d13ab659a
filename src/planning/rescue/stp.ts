import { buildGraph } from './graph.ts';
import type { SteinerProblem } from './tree.ts';

// The SteinLib STP format: sections of keyword lines, of which two matter for the plain Steiner
// tree problem — `SECTION Graph` with `E u v w` lines and `SECTION Terminals` with `T v` lines.
// Keywords are case-insensitive, node numbers start at 1, and `#` starts a comment. The counts
// (`Nodes`, `Edges`, `Terminals`), when given, are checked against the lines that follow them.

export class StpFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(line > 0 ? `line ${line}: ${message}` : message);
    this.name = 'StpFormatError';
  }
}

export interface StpInstance {
  name: string | undefined;
  /** Node numbers run from 1 to nodeCount, as in the file. */
  nodeCount: number;
  /** Edge i joins the file's nodes tail[i] and head[i] (1-based) with weight weight[i]. */
  tail: number[];
  head: number[];
  weight: number[];
  /** Terminal node numbers, 1-based, in file order, without repeats. */
  terminals: number[];
}

const number = (text: string | undefined, line: number, what: string): number => {
  const value = text === undefined ? Number.NaN : Number(text);
  if (text === undefined || text === '' || !Number.isFinite(value))
    throw new StpFormatError(
      line,
      `${what} must be a number, not ${text === undefined ? 'nothing' : `'${text}'`}`,
    );
  return value;
};

const nodeNumber = (text: string | undefined, line: number): number => {
  const value = number(text, line, 'a node number');
  if (!Number.isInteger(value) || value < 1)
    throw new StpFormatError(line, `node numbers are whole numbers from 1, not ${text}`);
  return value;
};

const unquote = (text: string): string => text.replace(/^"(.*)"$/, '$1');

export function parseStp(text: string): StpInstance {
  const instance: StpInstance = {
    name: undefined,
    nodeCount: 0,
    tail: [],
    head: [],
    weight: [],
    terminals: [],
  };
  let declaredNodes: number | undefined;
  let declaredEdges: number | undefined;
  let declaredTerminals: number | undefined;
  let section: string | undefined;
  let sawGraph = false;
  let sawTerminals = false;
  let largestNode = 0;
  const terminalSet = new Set<number>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1;
    const content = lines[index]!.replace(/#.*$/, '').trim();
    if (content === '') continue;
    const words = content.split(/\s+/);
    const keyword = words[0]!.toLowerCase();
    if (section === undefined) {
      if (keyword === 'section') {
        section = (words[1] ?? '').toLowerCase();
        if (section === '') throw new StpFormatError(lineNo, 'SECTION needs a name');
        if (section === 'graph') sawGraph = true;
        if (section === 'terminals') sawTerminals = true;
        continue;
      }
      if (keyword === 'eof') break;
      // The magic header line (33D32945 STP File, STP Format Version 1.0) and anything else
      // between sections carries nothing we use.
      continue;
    }
    if (keyword === 'end') {
      section = undefined;
      continue;
    }
    if (keyword === 'eof') throw new StpFormatError(lineNo, `EOF inside SECTION ${section}; END is missing`);
    if (section === 'comment') {
      if (keyword === 'name') instance.name = unquote(words.slice(1).join(' '));
      continue;
    }
    if (section === 'graph') {
      if (keyword === 'nodes') {
        declaredNodes = nodeCountValue(words[1], lineNo);
      } else if (keyword === 'edges' || keyword === 'arcs') {
        declaredEdges = countValue(words[1], lineNo, 'Edges');
      } else if (keyword === 'e') {
        if (words.length !== 4) throw new StpFormatError(lineNo, 'an edge line is E u v weight');
        const u = nodeNumber(words[1], lineNo);
        const v = nodeNumber(words[2], lineNo);
        const w = number(words[3], lineNo, 'an edge weight');
        if (w < 0) throw new StpFormatError(lineNo, `edge weights cannot be negative (${w})`);
        if (declaredNodes !== undefined && (u > declaredNodes || v > declaredNodes))
          throw new StpFormatError(lineNo, `node ${Math.max(u, v)} is beyond Nodes ${declaredNodes}`);
        largestNode = Math.max(largestNode, u, v);
        instance.tail.push(u);
        instance.head.push(v);
        instance.weight.push(w);
      } else if (keyword === 'a') {
        throw new StpFormatError(
          lineNo,
          'arcs (A lines) describe a directed problem; only edges (E) are read',
        );
      } else {
        throw new StpFormatError(lineNo, `unknown line in SECTION Graph: '${words[0]}'`);
      }
      continue;
    }
    if (section === 'terminals') {
      if (keyword === 'terminals') {
        declaredTerminals = countValue(words[1], lineNo, 'Terminals');
      } else if (keyword === 't' || keyword === 'root') {
        if (words.length !== 2) throw new StpFormatError(lineNo, `a terminal line is ${words[0]} v`);
        const t = nodeNumber(words[1], lineNo);
        largestNode = Math.max(largestNode, t);
        if (declaredNodes !== undefined && t > declaredNodes)
          throw new StpFormatError(lineNo, `terminal ${t} is beyond Nodes ${declaredNodes}`);
        if (!terminalSet.has(t)) {
          terminalSet.add(t);
          instance.terminals.push(t);
        }
      } else {
        throw new StpFormatError(lineNo, `unknown line in SECTION Terminals: '${words[0]}'`);
      }
    }
    // Other sections (Coordinates, Presolve, MaximumDegrees, …) do not change the problem.
  }
  if (section !== undefined) throw new StpFormatError(0, `SECTION ${section} is not closed by END`);
  if (!sawGraph) throw new StpFormatError(0, 'the file has no SECTION Graph');
  if (!sawTerminals) throw new StpFormatError(0, 'the file has no SECTION Terminals');
  if (declaredEdges !== undefined && declaredEdges !== instance.tail.length)
    throw new StpFormatError(
      0,
      `Edges says ${declaredEdges} but there are ${instance.tail.length} edge lines`,
    );
  if (declaredTerminals !== undefined && declaredTerminals !== instance.terminals.length)
    throw new StpFormatError(
      0,
      `Terminals says ${declaredTerminals} but there are ${instance.terminals.length} different terminals`,
    );
  instance.nodeCount = declaredNodes ?? largestNode;
  return instance;
}

function countValue(text: string | undefined, line: number, what: string): number {
  const value = number(text, line, what);
  if (!Number.isInteger(value) || value < 0)
    throw new StpFormatError(line, `${what} must be a count, not ${text}`);
  return value;
}

function nodeCountValue(text: string | undefined, line: number): number {
  return countValue(text, line, 'Nodes');
}

/**
 * The instance as a problem on nodes 0 .. nodeCount - 1. Loops are dropped (no tree uses one);
 * `edgeOf[i]` is the file's edge index of problem edge i.
 */
export function stpProblem(instance: StpInstance): { problem: SteinerProblem; edgeOf: number[] } {
  const tail: number[] = [];
  const head: number[] = [];
  const weight: number[] = [];
  const edgeOf: number[] = [];
  for (let i = 0; i < instance.tail.length; i++) {
    if (instance.tail[i] === instance.head[i]) continue;
    tail.push(instance.tail[i]! - 1);
    head.push(instance.head[i]! - 1);
    weight.push(instance.weight[i]!);
    edgeOf.push(i);
  }
  const graph = buildGraph(instance.nodeCount, tail, head, weight);
  return { problem: { graph, terminals: Int32Array.from(instance.terminals, (t) => t - 1) }, edgeOf };
}

/** Writes a plain Steiner tree problem in STP format (node numbers from 1). */
export function writeStp(problem: SteinerProblem, name: string, remark?: string): string {
  const { graph, terminals } = problem;
  const lines = ['33D32945 STP File, STP Format Version 1.0', '', 'SECTION Comment', `Name    "${name}"`];
  lines.push('Creator "Corridor"');
  if (remark) lines.push(`Remark  "${remark}"`);
  lines.push('END', '', 'SECTION Graph', `Nodes ${graph.nodeCount}`, `Edges ${graph.edgeCount}`);
  for (let e = 0; e < graph.edgeCount; e++)
    lines.push(`E ${graph.tail[e]! + 1} ${graph.head[e]! + 1} ${graph.weight[e]}`);
  lines.push('END', '', 'SECTION Terminals', `Terminals ${terminals.length}`);
  for (const t of terminals) lines.push(`T ${t + 1}`);
  lines.push('END', '', 'EOF', '');
  return lines.join('\n');
}
