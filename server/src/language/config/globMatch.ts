/**
 * Glob patterns of `.drydock.yaml` (`ignore`, `overrides[].files`), matched against a path relative to
 * the folder of the configuration, with forward slashes:
 * - `*` any characters but `/`, `?` one character but `/`, `**` any number of whole path segments;
 * - a pattern without a `/` matches a file or folder name at any depth (`*.generated.yaml`);
 * - a pattern that matches a folder matches every file under it (`charts/legacy`, `vendor/`).
 * Pure: no file system.
 */
export function globMatches(pattern: string, path: string): boolean {
  const regex = globRegex(pattern);
  return regex !== undefined && regex.test(path.replace(/\\/g, '/').replace(/^\.\//, ''));
}

/** Whether any of the patterns matches the path. */
export function anyGlobMatches(patterns: readonly string[], path: string): boolean {
  return patterns.some((pattern) => globMatches(pattern, path));
}

function globRegex(pattern: string): RegExp | undefined {
  let glob = pattern.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (glob.endsWith('/')) glob = glob.slice(0, -1);
  if (glob === '') return undefined;
  const anchored = glob.startsWith('/') || glob.slice(0, -1).includes('/');
  if (glob.startsWith('/')) glob = glob.slice(1);
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
      if (atSegmentStart && atSegmentEnd) {
        // `**/` is zero or more folders; a trailing `**` is everything below.
        if (i + 2 === glob.length) source += '.*';
        else {
          source += '(?:[^/]*/)*';
          i++;
        }
        i++;
        continue;
      }
      source += '[^/]*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${anchored ? '' : '(?:[^/]*/)*'}${source}(?:/.*)?$`);
}
