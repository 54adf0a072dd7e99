import { stableJsonFnv32a } from '../model/stableJsonHash';

/**
 * The names controllers give pods, made deterministic. Upstream appends 5 random characters from
 * `bcdfghjklmnpqrstvwxz2456789` (`utilrand.String(5)`); we derive them from a hash of the
 * owner and the replica index, so that a simulation prints the same names every run.
 */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bits, over the UTF-16 code units of a string. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Five characters in the alphabet upstream uses, from a seed. */
export function randomSuffix(seed: string): string {
  let hash = fnv32a(seed);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += ALPHANUMS[hash % ALPHANUMS.length];
    hash = Math.imul(hash ^ (hash >>> 13), 0x5bd1e995) >>> 0;
  }
  return out;
}

/**
 * The `pod-template-hash` label of a Deployment's ReplicaSet: upstream hashes the pod template
 * (FNV-32a over Go's deep-print of the object, then `rand.SafeEncodeString` of its decimal text).
 * We hash the template's canonical JSON instead, so the value has the real shape (8–10 characters
 * from the alphabet above) and changes whenever the template does, but it is not the value a
 * real cluster would compute.
 */
export function podTemplateHash(template: unknown): string {
  const decimal = String(stableJsonFnv32a(template));
  let out = '';
  for (let i = 0; i < decimal.length; i++) out += ALPHANUMS[decimal.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** Hands out unique pod names: a name already taken gets a different suffix. */
export class PodNamer {
  private readonly taken = new Set<string>();

  /** `<base>-<5 chars>` unique in its namespace. */
  generated(namespace: string, base: string, index: number): string {
    for (let attempt = 0; ; attempt++) {
      const name = `${base}-${randomSuffix(`${namespace}/${base}/${index}/${attempt}`)}`;
      if (this.claim(namespace, name)) return name;
    }
  }

  /** Takes an exact name; false when it is already taken. */
  claim(namespace: string, name: string): boolean {
    const key = `${namespace}/${name}`;
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    return true;
  }
}
