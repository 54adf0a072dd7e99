import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, formatMilli, milliValueBig, parseQuantity, valueBig } from '../../../../server/src/simulator/model/quantity';

/** nanos as upstream's expected `decQuantity(mantissa, exponent)` would hold them. */
function nanos(mantissa: bigint, exponent: number): bigint {
  return exponent >= -9 ? mantissa * 10n ** BigInt(exponent + 9) : mantissa / 10n ** BigInt(-exponent - 9);
}

describe('parseQuantity (upstream TestQuantityParse table)', () => {
  const MAX = ((1n << 63n) - 1n) * 1_000_000_000n;
  const cases: Array<[string, bigint, string]> = [
    ['0', 0n, 'DecimalSI'], ['0n', 0n, 'DecimalSI'], ['0u', 0n, 'DecimalSI'], ['0m', 0n, 'DecimalSI'], ['0Ki', 0n, 'BinarySI'], ['0k', 0n, 'DecimalSI'],
    ['0Mi', 0n, 'BinarySI'], ['0M', 0n, 'DecimalSI'], ['0Gi', 0n, 'BinarySI'], ['0G', 0n, 'DecimalSI'], ['0Ti', 0n, 'BinarySI'], ['0T', 0n, 'DecimalSI'],
    ['1', nanos(1n, 0), 'DecimalSI'],
    ['1Ki', nanos(1024n, 0), 'BinarySI'], ['8Ki', nanos(8n * 1024n, 0), 'BinarySI'], ['7Mi', nanos(7n * 2n ** 20n, 0), 'BinarySI'], ['6Gi', nanos(6n * 2n ** 30n, 0), 'BinarySI'],
    ['5Ti', nanos(5n * 2n ** 40n, 0), 'BinarySI'], ['4Pi', nanos(4n * 2n ** 50n, 0), 'BinarySI'], ['3Ei', nanos(3n * 2n ** 60n, 0), 'BinarySI'], ['10Ti', nanos(10n * 2n ** 40n, 0), 'BinarySI'], ['100Ti', nanos(100n * 2n ** 40n, 0), 'BinarySI'],
    ['5n', nanos(5n, -9), 'DecimalSI'], ['4u', nanos(4n, -6), 'DecimalSI'], ['3m', nanos(3n, -3), 'DecimalSI'], ['9', nanos(9n, 0), 'DecimalSI'], ['8k', nanos(8n, 3), 'DecimalSI'],
    ['50k', nanos(5n, 4), 'DecimalSI'], ['7M', nanos(7n, 6), 'DecimalSI'], ['6G', nanos(6n, 9), 'DecimalSI'], ['5T', nanos(5n, 12), 'DecimalSI'], ['40T', nanos(4n, 13), 'DecimalSI'],
    ['300T', nanos(3n, 14), 'DecimalSI'], ['2P', nanos(2n, 15), 'DecimalSI'], ['1E', nanos(1n, 18), 'DecimalSI'],
    ['1E-3', nanos(1n, -3), 'DecimalExponent'], ['1e3', nanos(1n, 3), 'DecimalExponent'], ['1E6', nanos(1n, 6), 'DecimalExponent'], ['1e9', nanos(1n, 9), 'DecimalExponent'],
    ['1E12', nanos(1n, 12), 'DecimalExponent'], ['1e15', nanos(1n, 15), 'DecimalExponent'], ['1E18', nanos(1n, 18), 'DecimalExponent'], ['1e14', nanos(1n, 14), 'DecimalExponent'], ['1e13', nanos(1n, 13), 'DecimalExponent'],
    ['100.035k', nanos(100035n, 0), 'DecimalSI'], ['0.001', nanos(1n, -3), 'DecimalSI'], ['0.0005k', nanos(5n, -1), 'DecimalSI'], ['0.005', nanos(5n, -3), 'DecimalSI'], ['0.05', nanos(5n, -2), 'DecimalSI'],
    ['0.5', nanos(5n, -1), 'DecimalSI'], ['0.00050k', nanos(5n, -1), 'DecimalSI'], ['0.00500', nanos(5n, -3), 'DecimalSI'], ['0.05000', nanos(5n, -2), 'DecimalSI'], ['0.50000', nanos(5n, -1), 'DecimalSI'],
    ['0.5e0', nanos(5n, -1), 'DecimalExponent'], ['0.5e-1', nanos(5n, -2), 'DecimalExponent'], ['0.5e-2', nanos(5n, -3), 'DecimalExponent'], ['10.035M', nanos(10035n, 3), 'DecimalSI'],
    ['1.2e3', nanos(12n, 2), 'DecimalExponent'], ['1.3E+6', nanos(13n, 5), 'DecimalExponent'], ['1.40e9', nanos(14n, 8), 'DecimalExponent'], ['1.53E12', nanos(153n, 10), 'DecimalExponent'],
    ['1.6e15', nanos(16n, 14), 'DecimalExponent'], ['1.7E18', nanos(17n, 17), 'DecimalExponent'], ['9.01', nanos(901n, -2), 'DecimalSI'], ['8.1k', nanos(81n, 2), 'DecimalSI'],
    ['7.123456M', nanos(7123456n, 0), 'DecimalSI'], ['6.987654321G', nanos(6987654321n, 0), 'DecimalSI'], ['5.444T', nanos(5444n, 9), 'DecimalSI'], ['40.1T', nanos(401n, 11), 'DecimalSI'],
    ['300.2T', nanos(3002n, 11), 'DecimalSI'], ['2.5P', nanos(25n, 14), 'DecimalSI'], ['1.01E', nanos(101n, 16), 'DecimalSI'],
    // Things that saturate/round
    ['3.001n', nanos(4n, -9), 'DecimalSI'], ['1.1E-9', nanos(2n, -9), 'DecimalExponent'], ['0.0000000001', nanos(1n, -9), 'DecimalSI'], ['0.0000000005', nanos(1n, -9), 'DecimalSI'],
    ['0.00000000050', nanos(1n, -9), 'DecimalSI'], ['0.5e-9', nanos(1n, -9), 'DecimalExponent'], ['0.9n', nanos(1n, -9), 'DecimalSI'], ['0.00000012345', nanos(124n, -9), 'DecimalSI'],
    ['0.00000012354', nanos(124n, -9), 'DecimalSI'], ['9Ei', MAX, 'BinarySI'], ['9223372036854775807Ki', MAX, 'BinarySI'], ['12E', nanos(12n, 18), 'DecimalSI'],
    // Fractional binary
    ['100.035Ki', nanos(10243584n, -2), 'BinarySI'], ['0.5Mi', nanos(524288n, 0), 'BinarySI'], ['0.05Gi', nanos(536870912n, -1), 'BinarySI'], ['0.025Ti', nanos(274877906944n, -1), 'BinarySI'],
    // Things written by trolls
    ['.001', nanos(1n, -3), 'DecimalSI'], ['.0001k', nanos(100n, -3), 'DecimalSI'], ['1.', nanos(1n, 0), 'DecimalSI'], ['1.G', nanos(1n, 9), 'DecimalSI'],
  ];
  for (const [input, expected, format] of cases) {
    it(`${input} → ${expected}n (${format})`, () => {
      const parsed = parseQuantity(input);
      assert.ok(parsed.ok, `${input} should parse`);
      assert.equal(parsed.quantity.nanos, expected);
      assert.equal(parsed.quantity.format, format);
      const negative = parseQuantity(`-${input}`);
      assert.ok(negative.ok);
      assert.equal(negative.quantity.nanos, -expected);
      const plus = parseQuantity(`+${input}`);
      assert.ok(plus.ok);
      assert.equal(plus.quantity.nanos, expected);
    });
  }
  it('0.000000000001Ki rounds up to 2n and becomes DecimalSI (a binary value below 1)', () => {
    const parsed = parseQuantity('0.000000000001Ki');
    assert.ok(parsed.ok);
    assert.equal(parsed.quantity.nanos, 2n);
    assert.equal(parsed.quantity.format, 'DecimalSI');
  });
  for (const input of ['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 ', '1K', '1e']) {
    it(`rejects ${JSON.stringify(input)}`, () => assert.equal(parseQuantity(input).ok, false));
  }
  it('reads YAML numbers through their decimal text', () => {
    const half = parseQuantity(0.5);
    assert.ok(half.ok);
    assert.equal(half.quantity.nanos, 500_000_000n);
  });
});

describe('Value and MilliValue round up', () => {
  const cases: Array<[string, bigint, bigint]> = [
    ['100.035Ki', 102436n, 102435840n],
    ['1m', 1n, 1n],
    ['0.5', 1n, 500n],
    ['1.0001m', 1n, 2n],
    ['2', 2n, 2000n],
    ['1Gi', 1073741824n, 1073741824000n],
  ];
  for (const [input, value, milli] of cases) {
    it(input, () => {
      const parsed = parseQuantity(input);
      assert.ok(parsed.ok);
      assert.equal(valueBig(parsed.quantity), value);
      assert.equal(milliValueBig(parsed.quantity), milli);
    });
  }
});

describe('formatting', () => {
  it('cpu', () => assert.deepEqual([formatMilli(2000), formatMilli(1500), formatMilli(0)], ['2', '1500m', '0']));
  it('bytes', () => assert.deepEqual([formatBytes(2 ** 30), formatBytes(1_500_000), formatBytes(1023), formatBytes(0)], ['1Gi', '1500k', '1023', '0']));
});
