/**
 * When the background saves images: one article at a time (each already fetches a few pictures
 * at once; several articles at once would multiply that), each article queued once however often
 * it is asked for. Articles come from the library's change announcements (every save path —
 * web page, reading view, first highlight, seed, import, restore, sync — writes an article and
 * announces it) and from a sweep at start-up and on an alarm, which finds what an announcement
 * could not deliver: a worker asleep while a page imported, retries that came due, articles
 * saved before images were kept.
 */

/** A queue of article ids to save images for. */
export interface ImageQueue {
  /** Queues these articles (once each, in order). */
  enqueue(ids: readonly string[]): void;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
}

/** A queue that runs `save` for one article at a time; a failing save is reported and skipped. */
export function createImageQueue(
  save: (articleId: string) => Promise<unknown>,
  report: (error: unknown) => void = () => undefined,
): ImageQueue {
  const queued = new Set<string>();
  let running: Promise<void> | null = null;
  const drain = async () => {
    for (const id of queued) {
      queued.delete(id);
      try {
        await save(id);
      } catch (error) {
        report(error);
      }
    }
  };
  const start = () => {
    running ??= drain().finally(() => {
      running = null;
      if (queued.size > 0) start();
    });
  };
  return {
    enqueue: (ids) => {
      for (const id of ids) queued.add(id);
      if (queued.size > 0) start();
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
