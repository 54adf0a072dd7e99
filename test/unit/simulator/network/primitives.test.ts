import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contains, disjointRanges, formatIp, isStrictSubset, parseCidr, parseIp } from '../../../../server/src/simulator/network/cidr';
import { ALL_ID, formatPortSet, intern, intersectIds, newPortSetTable, NONE_ID, singleRange, unionIds } from '../../../../server/src/simulator/network/portSet';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  assert.ok(parsed.ok, text);
  return parsed.range;
};

describe('IP addresses and CIDRs', () => {
  const ips: Array<[string, string | null]> = [
    ['10.0.0.1', '10.0.0.1'], ['255.255.255.255', '255.255.255.255'], ['256.0.0.1', null], ['01.2.3.4', null], ['1.2.3', null],
    ['2001:db8::1', '2001:db8::1'], ['::', '::'], ['::ffff:10.0.0.1', '::ffff:a00:1'], ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], ['1::2::3', null], ['12345::', null],
  ];
  for (const [text, formatted] of ips) {
    it(`parse ${text}`, () => {
      const ip = parseIp(text);
      assert.equal(ip ? formatIp(ip.family, ip.value) : null, formatted);
    });
  }
  // What the API server answers for each (IsValidCIDR): its words, in every language.
  for (const text of ['10.0.0.1', '10.0.0.300/8', '10.0.0.0/33', '10.0.0.0/x', '2001:db8::/129', '']) {
    it(`refuses ${JSON.stringify(text)} as the API server does`, () => {
      const parsed = parseCidr(text);
      assert.ok(!parsed.ok);
      assert.equal(parsed.error, `Invalid value: ${JSON.stringify(text)}: must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`);
    });
  }
  it('masks host bits and says so', () => {
    const range = cidr('192.168.242.213/24');
    assert.equal(formatIp(4, range.start), '192.168.242.0');
    assert.equal(range.hostBits, true);
  });
  it('contains respects the family', () => {
    assert.equal(contains(cidr('0.0.0.0/0'), parseIp('8.8.8.8')!), true);
    assert.equal(contains(cidr('0.0.0.0/0'), parseIp('::1')!), false);
    assert.equal(contains(cidr('2001:db8::/32'), parseIp('2001:db8:ffff::1')!), true);
  });
  it('strict subset needs a longer prefix', () => {
    assert.equal(isStrictSubset(cidr('10.1.0.0/16'), cidr('10.0.0.0/8')), true);
    assert.equal(isStrictSubset(cidr('10.0.0.0/8'), cidr('10.0.0.0/8')), false);
  });
  it('splits the address space at every boundary', () => {
    const ranges = disjointRanges(4, [cidr('10.0.0.0/8'), cidr('10.1.0.0/16')]).map(({ start, end }) => `${formatIp(4, start)}-${formatIp(4, end)}`);
    assert.deepEqual(ranges, ['0.0.0.0-9.255.255.255', '10.0.0.0-10.0.255.255', '10.1.0.0-10.1.255.255', '10.2.0.0-10.255.255.255', '11.0.0.0-255.255.255.255']);
  });
});

describe('port sets', () => {
  it('union merges adjacent intervals, intersection clips, interned ids are shared', () => {
    const table = newPortSetTable();
    const a = intern(table, singleRange('TCP', 80, 80));
    const b = intern(table, singleRange('TCP', 81, 90));
    const c = intern(table, singleRange('UDP', 53, 53));
    const ab = unionIds(table, a, b);
    assert.equal(formatPortSet(table.sets[ab]), 'TCP 80-90');
    assert.equal(formatPortSet(table.sets[unionIds(table, ab, c)]), 'TCP 80-90;UDP 53');
    assert.equal(formatPortSet(table.sets[intersectIds(table, ab, intern(table, singleRange('TCP', 85, 100)))]), 'TCP 85-90');
    assert.equal(intersectIds(table, a, c), intern(table, { TCP: [], UDP: [], SCTP: [] }));
    assert.equal(unionIds(table, a, b), ab, 'memoised');
  });
  it('all and none', () => {
    const table = newPortSetTable();
    assert.equal(formatPortSet(table.sets[ALL_ID]), 'All connections');
    assert.equal(formatPortSet(table.sets[NONE_ID]), 'No connections');
    const allTcp = intern(table, singleRange('TCP', 1, 65535));
    assert.equal(formatPortSet(table.sets[allTcp]), 'TCP 1-65535');
    assert.equal(intersectIds(table, ALL_ID, allTcp), allTcp);
  });
});
