// Reads the generated API classes (`dist/gen/apis/<Name>Api.{js,d.ts}`): for each operation, its
// method name, the REST path it calls (from the request factory in the `.js`), and the model it
// returns (from the response processor in the `.d.ts`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ApiEndpoint {
  apiClass: string;
  method: string;
  /** REST path template, e.g. `/apis/apps/v1/namespaces/{namespace}/deployments/{name}`. */
  path: string;
  /** Type the operation resolves to, e.g. `V1Deployment`, `string`, `V1Status`. */
  returns: string;
}

/**
 * API class names the package exports (`ObjectAppsV1Api as AppsV1Api` in `dist/gen/index.d.ts`).
 * Like the models folder, the apis folder also holds stale classes the package no longer exports.
 */
export function listExportedApiClasses(indexDts: string): string[] {
  const names = [...indexDts.matchAll(/\bObject(\w+Api) as (\w+Api)\b/g)].map((m) => m[2]);
  return [...new Set(names)].sort();
}

/** Method name → path template, from the request factory methods of an API class's `.js`. */
export function parseRequestPaths(js: string): Map<string, string> {
  const paths = new Map<string, string>();
  const factoryStart = /^export class \w+RequestFactory\b.*$/m.exec(js);
  if (!factoryStart) return paths;
  const afterFactory = js.slice(factoryStart.index + factoryStart[0].length);
  const nextClass = /^export class /m.exec(afterFactory);
  const factory = nextClass ? afterFactory.slice(0, nextClass.index) : afterFactory;
  const methodStart = /^ {4}(?:async )?(\w+)\([^)]*\)\s*\{/gm;
  const starts = [...factory.matchAll(methodStart)];
  starts.forEach((match, index) => {
    const end = index + 1 < starts.length ? starts[index + 1].index : factory.length;
    const body = factory.slice(match.index, end);
    const path = /const localVarPath = '([^']*)'/.exec(body)?.[1];
    if (path !== undefined) paths.set(match[1], path);
  });
  return paths;
}

/** Method name → resolved type, from `fooWithHttpInfo(response: ResponseContext): Promise<HttpInfo<T>>`. */
export function parseReturnTypes(dts: string): Map<string, string> {
  const returns = new Map<string, string>();
  const pattern = /^\s*(\w+)WithHttpInfo\(response: ResponseContext\): Promise<HttpInfo<(.+)>>;$/gm;
  for (const match of dts.matchAll(pattern)) returns.set(match[1], match[2].trim());
  return returns;
}

export function parseApiClass(apiClass: string, js: string, dts: string): ApiEndpoint[] {
  const paths = parseRequestPaths(js);
  const returns = parseReturnTypes(dts);
  const endpoints: ApiEndpoint[] = [];
  for (const [method, path] of paths) {
    const type = returns.get(method);
    if (type === undefined) throw new Error(`${apiClass}.${method}: path found but no return type`);
    endpoints.push({ apiClass, method, path, returns: type });
  }
  return endpoints;
}

/** All endpoints of all exported API classes of a client release. */
export function readApiEndpoints(genDir: string): ApiEndpoint[] {
  const classes = listExportedApiClasses(readFileSync(join(genDir, 'index.d.ts'), 'utf8'));
  return classes.flatMap((apiClass) => {
    const base = join(genDir, 'apis', apiClass);
    return parseApiClass(apiClass, readFileSync(`${base}.js`, 'utf8'), readFileSync(`${base}.d.ts`, 'utf8'));
  });
}
