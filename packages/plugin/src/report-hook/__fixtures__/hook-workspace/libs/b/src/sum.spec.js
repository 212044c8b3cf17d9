const { sum } = require('./sum');
test('adds <script>alert(1)</script> | `x`', () => { expect(sum(1, 2)).toBe(4); });
