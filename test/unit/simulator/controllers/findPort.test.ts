import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findPort } from '../../../../server/src/simulator/controllers/findPort';
import type { Container } from '../../../../server/src/simulator/model/pod';

describe('findPort (upstream TestFindPort rows, Service protocol TCP)', () => {
  const ctr = (...ports: Array<[string, number, string, number?]>): Container => ({ ports: ports.map(([name, containerPort, protocol, hostPort]) => ({ name, containerPort, protocol, hostPort })) });
  const cases: Array<{ name: string; containers: Container[]; target: number | string; want: number | null }> = [
    { name: 'valid int, no ports', containers: [{}], target: 93, want: 93 },
    { name: 'valid int, with ports', containers: [ctr(['', 11, 'TCP'], ['p', 22, 'TCP'])], target: 93, want: 93 },
    { name: 'valid str, no ports', containers: [{}], target: 'p', want: null },
    { name: 'valid str, one ctr with ports', containers: [ctr(['', 11, 'UDP'], ['p', 22, 'TCP'], ['q', 33, 'TCP'])], target: 'q', want: 33 },
    { name: 'valid str, two ctr with ports', containers: [{}, ctr(['', 11, 'UDP'], ['p', 22, 'TCP'], ['q', 33, 'TCP'])], target: 'q', want: 33 },
    { name: 'valid str, two ctr with same port', containers: [{}, ctr(['', 11, 'UDP'], ['p', 22, 'TCP'], ['q', 22, 'TCP'])], target: 'q', want: 22 },
    { name: 'valid str, invalid protocol', containers: [{}, ctr(['a', 11, 'snmp'])], target: 'a', want: null },
    { name: 'valid hostPort', containers: [{}, ctr(['a', 11, 'TCP', 81])], target: 'a', want: 11 },
    { name: 'protocol defaults to TCP on the container port', containers: [{ ports: [{ name: 'a', containerPort: 12 }] }], target: 'a', want: 12 },
    { name: 'first match wins across containers', containers: [ctr(['a', 1, 'TCP']), ctr(['a', 2, 'TCP'])], target: 'a', want: 1 },
  ];
  for (const c of cases) it(c.name, () => assert.equal(findPort({ containers: c.containers }, c.target, 'TCP'), c.want));

  it('the Service port protocol must match: UDP lookup skips a TCP port of the same name', () => {
    const spec = { containers: [ctr(['dns', 53, 'TCP'], ['dns', 5353, 'UDP'])] };
    assert.equal(findPort(spec, 'dns', 'UDP'), 5353);
  });
  it('sidecar init containers (restartPolicy Always) are searched after regular containers', () => {
    const spec = { containers: [ctr(['web', 80, 'TCP'])], initContainers: [{ restartPolicy: 'Always', ports: [{ name: 'proxy', containerPort: 15001 }] }] };
    assert.equal(findPort(spec, 'proxy', 'TCP'), 15001);
  });
  it('ordinary init containers are never searched', () => {
    const spec = { containers: [{}], initContainers: [{ ports: [{ name: 'setup', containerPort: 9 }] }] };
    assert.equal(findPort(spec, 'setup', 'TCP'), null);
  });
});
