// @vitest-environment node
/** The background's image queue: one article at a time, each once, a failure never stalls it. */
import { describe, expect, it } from 'vitest';
import { createImageQueue } from '../../../../lib/background/images/image-queue';

describe('createImageQueue', () => {
  it('runs each queued article once, one at a time, and goes on after a failure', async () => {
    const order: string[] = [];
    let active = 0;
    let most = 0;
    const errors: unknown[] = [];
    const queue = createImageQueue(
      async (id) => {
        active++;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(id);
        active--;
        if (id === 'bad') throw new Error('boom');
      },
      (e) => errors.push(e),
    );
    queue.enqueue(['a', 'bad', 'a', 'b']);
    queue.enqueue(['b', 'c']);
    await queue.idle();
    expect(order).toEqual(['a', 'bad', 'b', 'c']);
    expect(most).toBe(1);
    expect(errors).toHaveLength(1);
    // Asked again later, it runs again (a retry, a re-save).
    queue.enqueue(['a']);
    await queue.idle();
    expect(order).toEqual(['a', 'bad', 'b', 'c', 'a']);
  });
});
