import { describe, expect, it } from 'vitest';
import { parseStp, StpFormatError, stpProblem, writeStp } from './stp.ts';

const wellFormed = `33D32945 STP File, STP Format Version 1.0
# a comment before anything
SECTION Comment
Name    "small one"
Remark  "E 9 9 9 inside a comment section is not an edge"
END

section GRAPH
nodes 5
Edges 6
E 1 2 3     # an edge with a comment after it
e 2 3 4
E 3 4 5
E 4 5 1
E 5 1 2
E 2 4 2.5
end

SeCtIoN Terminals
TERMINALS 3
T 1
t 3
T 3
Root 5
END

SECTION Coordinates
DD 1 10 10
END

EOF
everything after EOF is ignored
`;

describe('the SteinLib STP reader', () => {
  it('reads edges, terminals and counts in any case, skipping comments and other sections', () => {
    const instance = parseStp(wellFormed);
    expect(instance.name).toBe('small one');
    expect(instance.nodeCount).toBe(5);
    expect(instance.tail).toEqual([1, 2, 3, 4, 5, 2]);
    expect(instance.head).toEqual([2, 3, 4, 5, 1, 4]);
    expect(instance.weight).toEqual([3, 4, 5, 1, 2, 2.5]);
    expect(instance.terminals).toEqual([1, 3, 5]);
    const { problem } = stpProblem(instance);
    expect(problem.graph.edgeCount).toBe(6);
    expect(Array.from(problem.terminals)).toEqual([0, 2, 4]);
  });

  it('works without counts and takes the node count from the largest number', () => {
    const instance = parseStp('SECTION Graph\nE 1 7 1\nEND\nSECTION Terminals\nT 1\nT 7\nEND\n');
    expect(instance.nodeCount).toBe(7);
    expect(instance.terminals).toEqual([1, 7]);
  });

  it('reads back what it writes', () => {
    const { problem } = stpProblem(parseStp(wellFormed));
    const again = parseStp(writeStp(problem, 'again'));
    expect(again.tail).toEqual([1, 2, 3, 4, 5, 2]);
    expect(again.weight).toEqual([3, 4, 5, 1, 2, 2.5]);
    expect(again.terminals).toEqual([1, 3, 5]);
    expect(again.name).toBe('again');
  });

  it.each([
    [
      'SECTION Graph\nNodes 3\nE 1 4 1\nEND\nSECTION Terminals\nT 1\nEND\n',
      'line 3: node 4 is beyond Nodes 3',
    ],
    ['SECTION Graph\nE 1 2\nEND\nSECTION Terminals\nT 1\nEND\n', 'line 2: an edge line is E u v weight'],
    [
      'SECTION Graph\nE 1 2 x\nEND\nSECTION Terminals\nT 1\nEND\n',
      "line 2: an edge weight must be a number, not 'x'",
    ],
    [
      'SECTION Graph\nE 1 2 -1\nEND\nSECTION Terminals\nT 1\nEND\n',
      'line 2: edge weights cannot be negative (-1)',
    ],
    [
      'SECTION Graph\nE 0 2 1\nEND\nSECTION Terminals\nT 1\nEND\n',
      'line 2: node numbers are whole numbers from 1, not 0',
    ],
    [
      'SECTION Graph\nA 1 2 1\nEND\nSECTION Terminals\nT 1\nEND\n',
      'line 2: arcs (A lines) describe a directed problem',
    ],
    [
      'SECTION Graph\nEdges 2\nE 1 2 1\nEND\nSECTION Terminals\nT 1\nEND\n',
      'Edges says 2 but there are 1 edge lines',
    ],
    [
      'SECTION Graph\nE 1 2 1\nEND\nSECTION Terminals\nTerminals 2\nT 1\nEND\n',
      'Terminals says 2 but there are 1',
    ],
    ['SECTION Graph\nE 1 2 1\nEND\n', 'the file has no SECTION Terminals'],
    ['SECTION Terminals\nT 1\nEND\n', 'the file has no SECTION Graph'],
    ['SECTION Graph\nE 1 2 1\n', 'SECTION graph is not closed by END'],
    [
      'SECTION Graph\nX 1 2 1\nEND\nSECTION Terminals\nT 1\nEND\n',
      "line 2: unknown line in SECTION Graph: 'X'",
    ],
  ])('rejects bad input with a clear message (%#)', (text, message) => {
    expect(() => parseStp(text)).toThrow(StpFormatError);
    expect(() => parseStp(text)).toThrow(message);
  });
});
