export function compare(a, b) {
  let same = a == b;
  const unused = 1;
  if (same) return 'same';
  console.log('different');
  // eslint-disable-next-line no-debugger
  return 'different';
}

export function loop(items) {
  var total = 0;
  for (let i = 0; i < items.length; i++) if (items[i] != null) total += items[i];
  return total;
}
