/**
 * How much one pull may change before it is held for the reader, and what an approval covers:
 * what the reader was shown from that server, and nothing more (issue 14).
 */
import { describe, expect, it } from 'vitest';
import { approvedChangeLimit, bulkChangeLimit } from '../../../../lib/shared/sync/status';

describe('bulk change limits', () => {
  it('holds above 20 % of the library, at most 20 and at least 1', () => {
    expect(bulkChangeLimit(0)).toBe(1);
    expect(bulkChangeLimit(4)).toBe(1);
    expect(bulkChangeLimit(50)).toBe(10);
    expect(bulkChangeLimit(10_000)).toBe(20);
  });

  it('an approval covers the changes shown plus the usual margin, from the same server only', () => {
    const held = { deletes: 30, replaces: 5, server: 'https://couch.example/notes', approved: true };
    expect(approvedChangeLimit(held, 'https://couch.example/notes', 50)).toBe(45);
    expect(approvedChangeLimit(held, 'https://other.example/notes', 50)).toBe(10);
    expect(approvedChangeLimit({ ...held, approved: false }, 'https://couch.example/notes', 50)).toBe(10);
  });
});
