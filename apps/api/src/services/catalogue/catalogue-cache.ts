import { createHash } from 'node:crypto';

/**
 * An answer of a public catalogue read, ready to send: tRPC's result envelope already serialized
 * (the same bytes tRPC writes for it), and a strong ETag of it.
 */
export interface CachedAnswer<T = unknown> {
  data: T;
  /** `{"result":{"data":…}}`, one element of a batch or a whole unbatched answer. */
  envelope: string;
  etag: string;
}

export interface CatalogueCache {
  /**
   * The answer for `key`, computed by `load` unless the current version's answer is kept. A kept
   * answer whose version was checked recently comes back as it is, not in a promise, so the
   * hottest path allocates nothing.
   */
  answer<T>(key: string, load: () => Promise<T>): CachedAnswer<T> | Promise<CachedAnswer<T>>;
  /** An admin saved something here: the next answer checks the version first, whatever its age. */
  changedHere(): void;
}

export interface CatalogueCacheOptions {
  /** The catalogue's version in the database; null when it cannot be known (nothing is kept). */
  readVersion: () => Promise<number | null>;
  /** How old a version check may be before an answer needs a new one (another replica's save). */
  recheckMs?: number;
  /** Keys beyond this many (doctors of unknown service ids) are answered but not kept. */
  maxEntries?: number;
  now?: () => number;
}

/** Saves on another replica show within this, plus one version query. */
export const CATALOGUE_RECHECK_MS = 500;

/**
 * Answers kept per catalogue version: a hit does no database work and no serialization. Every
 * answer is given only after a version check that started less than `recheckMs` ago (and after
 * this replica's last save), and an answer is computed after reading the version it is kept
 * under, so it is never older than that version.
 */
export function createCatalogueCache(options: CatalogueCacheOptions): CatalogueCache {
  const recheckMs = options.recheckMs ?? CATALOGUE_RECHECK_MS;
  const maxEntries = options.maxEntries ?? 1000;
  const now = options.now ?? (() => performance.now());

  let version: number | null = null;
  /** Per key, the answer being computed and, once it is, the answer itself. */
  let entries = new Map<string, { computing: Promise<CachedAnswer>; done?: CachedAnswer }>();
  /** Saves made here so far; a check counts only if it started after the last of them. */
  let saves = 0;
  /** When the last completed version check started, and after how many saves. */
  let checked = { at: -Infinity, saves: -1 };
  let checking: { saves: number; done: Promise<void> } | null = null;

  const forget = (finished: typeof checking) => {
    if (checking === finished) checking = null;
  };
  const fresh = () => checked.saves === saves && now() - checked.at < recheckMs;

  function check(): Promise<void> {
    // Requests arriving together share one query, unless it started before a save here.
    if (checking && checking.saves === saves) return checking.done;
    const started = { at: now(), saves };
    const done = options.readVersion().then((read) => {
      if (read === null || read !== version) {
        version = read;
        entries = new Map();
      }
      if (started.saves > checked.saves || started.at > checked.at) checked = started;
    });
    const current = { saves, done };
    checking = current;
    // A failed check fails the requests waiting on it; the next request starts another.
    void done.then(
      () => forget(current),
      () => forget(current),
    );
    return done;
  }

  async function answerAfterCheck<T>(key: string, load: () => Promise<T>) {
    if (!fresh()) await check();
    const kept = entries.get(key);
    if (kept) return kept.computing as Promise<CachedAnswer<T>>;
    const computing = load().then(toAnswer);
    if (version !== null && entries.size < maxEntries) {
      const generation = entries;
      const entry: { computing: Promise<CachedAnswer>; done?: CachedAnswer } = { computing };
      generation.set(key, entry);
      computing.then(
        (answer) => {
          entry.done = answer;
        },
        // A failure is not kept: the next request tries again.
        () => {
          if (generation.get(key) === entry) generation.delete(key);
        },
      );
    }
    return computing;
  }

  return {
    answer<T>(key: string, load: () => Promise<T>) {
      const kept = fresh() ? entries.get(key)?.done : undefined;
      return (kept as CachedAnswer<T> | undefined) ?? answerAfterCheck(key, load);
    },
    changedHere() {
      saves++;
    },
  };
}

function toAnswer<T>(data: T): CachedAnswer<T> {
  const envelope = `{"result":{"data":${JSON.stringify(data)}}}`;
  return { data, envelope, etag: etagOf(envelope) };
}

/** A strong ETag: the body's SHA-1, enough to tell two answers apart, not a secret. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}
