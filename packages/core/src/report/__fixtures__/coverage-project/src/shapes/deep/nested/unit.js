const UNITS = { m: 1, cm: 0.01 };

module.exports = { unit: (name) => UNITS[name] ?? 1 };
