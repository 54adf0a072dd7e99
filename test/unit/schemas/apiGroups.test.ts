import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listExportedApiClasses, parseApiClass, parseRequestPaths, parseReturnTypes, type ApiEndpoint } from '../../../schemas/generator/apiEndpoints';
import { collectGroups, collectKinds, compareVersions, endpointKind, parseResourcePath } from '../../../schemas/generator/apiGroups';

// Synthetic API class in the shape the OpenAPI generator writes.
const WIDGETS_JS = `export class WidgetsV1ApiRequestFactory extends BaseAPIRequestFactory {
    async createNamespacedWidget(namespace, body, _options) {
        const localVarPath = '/apis/widgets.example.io/v1/namespaces/{namespace}/widgets'
            .replace('{' + 'namespace' + '}', encodeURIComponent(String(namespace)));
    }
    async getAPIResources(_options) {
        const localVarPath = '/apis/widgets.example.io/v1/';
    }
    async readNamespacedWidgetStatus(name, namespace, _options) {
        const localVarPath = '/apis/widgets.example.io/v1/namespaces/{namespace}/widgets/{name}/status';
    }
}
export class WidgetsV1ApiResponseProcessor {
    async createNamespacedWidgetWithHttpInfo(response) {
        const localVarPath = 'ignored: only the request factory is read';
    }
}
`;
const WIDGETS_DTS = `export declare class WidgetsV1ApiResponseProcessor {
    createNamespacedWidgetWithHttpInfo(response: ResponseContext): Promise<HttpInfo<V1Widget>>;
    getAPIResourcesWithHttpInfo(response: ResponseContext): Promise<HttpInfo<V1APIResourceList>>;
    readNamespacedWidgetStatusWithHttpInfo(response: ResponseContext): Promise<HttpInfo<V1Widget>>;
}
`;

const endpoint = (method: string, path: string, returns: string): ApiEndpoint => ({ apiClass: 'TestApi', method, path, returns });

describe('API class parsing', () => {
  test('exported API classes come from the index re-exports', () => {
    const index = 'export { type AppsV1ApiReadRequest, ObjectAppsV1Api as AppsV1Api, ObjectCoreV1Api as CoreV1Api } from "./types/ObjectParamAPI.js";';
    assert.deepEqual(listExportedApiClasses(index), ['AppsV1Api', 'CoreV1Api']);
  });
  test('request paths per request factory method', () => {
    assert.deepEqual(Object.fromEntries(parseRequestPaths(WIDGETS_JS)), {
      createNamespacedWidget: '/apis/widgets.example.io/v1/namespaces/{namespace}/widgets',
      getAPIResources: '/apis/widgets.example.io/v1/',
      readNamespacedWidgetStatus: '/apis/widgets.example.io/v1/namespaces/{namespace}/widgets/{name}/status',
    });
  });
  test('return types per method', () => {
    assert.equal(parseReturnTypes(WIDGETS_DTS).get('getAPIResources'), 'V1APIResourceList');
  });
  test('endpoints join path and return type', () => {
    assert.deepEqual(parseApiClass('WidgetsV1Api', WIDGETS_JS, WIDGETS_DTS)[0], {
      apiClass: 'WidgetsV1Api',
      method: 'createNamespacedWidget',
      path: '/apis/widgets.example.io/v1/namespaces/{namespace}/widgets',
      returns: 'V1Widget',
    });
  });
});

describe('parseResourcePath', () => {
  const cases: { name: string; path: string; expected: ReturnType<typeof parseResourcePath> }[] = [
    { name: 'core namespaced collection', path: '/api/v1/namespaces/{namespace}/pods', expected: { group: '', version: 'v1', plural: 'pods', namespaced: true } },
    { name: 'core cluster-scoped item', path: '/api/v1/nodes/{name}', expected: { group: '', version: 'v1', plural: 'nodes', namespaced: false } },
    { name: 'the namespaces resource itself', path: '/api/v1/namespaces/{name}', expected: { group: '', version: 'v1', plural: 'namespaces', namespaced: false } },
    {
      name: 'named group',
      path: '/apis/rbac.authorization.k8s.io/v1/clusterroles',
      expected: { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'clusterroles', namespaced: false },
    },
    {
      name: 'beta version',
      path: '/apis/networking.k8s.io/v1beta1/namespaces/{namespace}/ingresses/{name}',
      expected: { group: 'networking.k8s.io', version: 'v1beta1', plural: 'ingresses', namespaced: true },
    },
    { name: 'subresource', path: '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale', expected: undefined },
    { name: 'namespace subresource', path: '/api/v1/namespaces/{name}/finalize', expected: undefined },
    { name: 'proxy', path: '/api/v1/nodes/{name}/proxy/{path}', expected: undefined },
    { name: 'discovery', path: '/apis/apps/v1/', expected: undefined },
    { name: 'watch', path: '/apis/apps/v1/watch/deployments', expected: undefined },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(parseResourcePath(c.path), c.expected));
});

describe('endpointKind', () => {
  const cases: { name: string; endpoint: ApiEndpoint; expected: ReturnType<typeof endpointKind> }[] = [
    {
      name: 'namespaced read',
      endpoint: endpoint('readNamespacedDeployment', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}', 'V1Deployment'),
      expected: { group: 'apps', version: 'v1', kind: 'Deployment', model: 'V1Deployment', namespaced: true },
    },
    {
      name: 'list gives the list kind',
      endpoint: endpoint('listNode', '/api/v1/nodes', 'V1NodeList'),
      expected: { group: '', version: 'v1', kind: 'NodeList', model: 'V1NodeList', namespaced: false },
    },
    {
      name: 'Namespace is not the Namespaced prefix',
      endpoint: endpoint('readNamespace', '/api/v1/namespaces/{name}', 'V1Namespace'),
      expected: { group: '', version: 'v1', kind: 'Namespace', model: 'V1Namespace', namespaced: false },
    },
    {
      name: 'create-only kind',
      endpoint: endpoint('createTokenReview', '/apis/authentication.k8s.io/v1/tokenreviews', 'V1TokenReview'),
      expected: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenReview', model: 'V1TokenReview', namespaced: false },
    },
    {
      name: 'group-qualified model name',
      endpoint: endpoint('readNamespacedEvent', '/apis/events.k8s.io/v1/namespaces/{namespace}/events/{name}', 'EventsV1Event'),
      expected: { group: 'events.k8s.io', version: 'v1', kind: 'Event', model: 'EventsV1Event', namespaced: true },
    },
    { name: 'subresource is skipped', endpoint: endpoint('createNamespacedPodEviction', '/api/v1/namespaces/{namespace}/pods/{name}/eviction', 'V1Eviction'), expected: undefined },
    { name: 'all-namespaces list is skipped', endpoint: endpoint('listPodForAllNamespaces', '/api/v1/pods', 'V1PodList'), expected: undefined },
    { name: 'replace is not used', endpoint: endpoint('replaceNode', '/api/v1/nodes/{name}', 'V1Node'), expected: undefined },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(endpointKind(c.endpoint), c.expected));

  test('throws when the model does not match the kind', () => {
    assert.throws(() => endpointKind(endpoint('readNode', '/api/v1/nodes/{name}', 'V1Pod')), /expected a model for Node/);
  });
  test('throws when method name and path disagree on scope', () => {
    assert.throws(() => endpointKind(endpoint('readNamespacedNode', '/api/v1/nodes/{name}', 'V1Node')), /disagree on scope/);
  });
});

describe('collectKinds and collectGroups', () => {
  const endpoints = [
    endpoint('listNamespacedPod', '/api/v1/namespaces/{namespace}/pods', 'V1PodList'),
    endpoint('readNamespacedPod', '/api/v1/namespaces/{namespace}/pods/{name}', 'V1Pod'),
    endpoint('createNamespacedPod', '/api/v1/namespaces/{namespace}/pods', 'V1Pod'),
    endpoint('readIngress', '/apis/networking.k8s.io/v1beta1/ingresses/{name}', 'V1beta1Ingress'),
    endpoint('readIngress', '/apis/networking.k8s.io/v1/ingresses/{name}', 'V1Ingress'),
  ];
  test('kinds are unique and sorted by key', () => {
    assert.deepEqual(
      collectKinds(endpoints).map((k) => `${k.group}/${k.version}/${k.kind}=${k.model}:${k.namespaced}`),
      // keys: networking.k8s.io/v1/Ingress, networking.k8s.io/v1beta1/Ingress, v1/Pod, v1/PodList
      ['networking.k8s.io/v1/Ingress=V1Ingress:false', 'networking.k8s.io/v1beta1/Ingress=V1beta1Ingress:false', '/v1/Pod=V1Pod:true', '/v1/PodList=V1PodList:true'],
    );
  });
  test('groups list versions in preference order', () => {
    assert.deepEqual(collectGroups(collectKinds(endpoints)), { '': ['v1'], 'networking.k8s.io': ['v1', 'v1beta1'] });
  });
  test('conflicting models for one kind throw', () => {
    assert.throws(() => collectKinds([...endpoints, endpoint('createNamespacedPod', '/api/v1/namespaces/{namespace}/pods', 'CoreV1Pod')]), /v1\/Pod: .* disagrees/);
  });
});

describe('compareVersions', () => {
  test('GA, then beta, then alpha, newest first', () => {
    assert.deepEqual(['v1alpha1', 'v1beta1', 'v1', 'v2', 'v1beta2', 'v2alpha1', 'v1alpha3'].sort(compareVersions), [
      'v2',
      'v1',
      'v1beta2',
      'v1beta1',
      'v2alpha1',
      'v1alpha3',
      'v1alpha1',
    ]);
  });
});
