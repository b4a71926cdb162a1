// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NodeQueue } from '../../adapters/page/node-queue';

const node = (n: number) => ({ n }) as unknown as Node;
const drain = (queue: NodeQueue) => {
  const out: number[] = [];
  for (let x = queue.shift(); x; x = queue.shift()) out.push((x as unknown as { n: number }).n);
  return out;
};

describe('NodeQueue', () => {
  it('is first in, first out', () => {
    const queue = new NodeQueue();
    for (let i = 1; i <= 3; i++) queue.push(node(i));
    expect(queue.length).toBe(3);
    expect(drain(queue)).toEqual([1, 2, 3]);
    expect(queue.length).toBe(0);
    expect(queue.shift()).toBeUndefined();
  });

  it('puts a run at the front in its own order, the latest run first', () => {
    const queue = new NodeQueue();
    queue.push(node(1));
    queue.push(node(2));
    queue.unshiftAll([node(10), node(11)]);
    queue.unshiftAll([node(20), node(21)]);
    expect(queue.length).toBe(6);
    expect(drain(queue)).toEqual([20, 21, 10, 11, 1, 2]);
  });

  it('keeps order across a long run of pushes and shifts (the back is compacted as it drains)', () => {
    const queue = new NodeQueue();
    const out: number[] = [];
    for (let i = 0; i < 5000; i++) {
      queue.push(node(i));
      if (i % 3 === 0) out.push(...drain1(queue));
    }
    out.push(...drain(queue));
    expect(out).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('clears', () => {
    const queue = new NodeQueue();
    queue.push(node(1));
    queue.unshiftAll([node(2)]);
    queue.clear();
    expect(queue.length).toBe(0);
    expect(queue.shift()).toBeUndefined();
  });
});

function drain1(queue: NodeQueue): number[] {
  const x = queue.shift();
  return x ? [(x as unknown as { n: number }).n] : [];
}
