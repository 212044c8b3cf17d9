const base = [];

throw new Error('boom from the throwing config');

export default base;
